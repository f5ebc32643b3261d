//===- SelectAltLoc.cpp - Keep one alternate conformation -----------------===//
#include "qir/Transforms/SelectAltLoc.h"

#include "qir/IR/AtomFilter.h"
#include "qir/IR/Structure.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <cmath>
#include <limits>

using namespace qir;
using namespace llvm;

namespace {
/// The altloc ids of one position, in the order first seen.
struct PositionIds {
  SmallVector<char, 4> Ids;
  SmallVector<double, 4> OccSum;
  SmallVector<unsigned, 4> OccCount;

  void add(char Id, float Occ) {
    size_t I = find(Id);
    if (I == Ids.size()) {
      Ids.push_back(Id);
      OccSum.push_back(0);
      OccCount.push_back(0);
    }
    if (!std::isnan(Occ)) {
      OccSum[I] += Occ;
      ++OccCount[I];
    }
  }
  size_t find(char Id) const { return llvm::find(Ids, Id) - Ids.begin(); }
};
} // namespace

/// The id \p Policy picks among \p P's (non-empty) ids.
static char chooseId(const PositionIds &P, StringRef Policy) {
  if (Policy == "highest-occupancy") {
    size_t Best = 0;
    double BestMean = -std::numeric_limits<double>::infinity();
    for (size_t I = 0; I < P.Ids.size(); ++I) {
      double Mean = P.OccCount[I] ? P.OccSum[I] / P.OccCount[I]
                                  : -std::numeric_limits<double>::infinity();
      if (Mean > BestMean) { // strict: ties keep the id seen first
        Best = I;
        BestMean = Mean;
      }
    }
    return P.Ids[Best];
  }
  if (Policy.size() == 1 && P.find(Policy[0]) != P.Ids.size())
    return Policy[0];
  return P.Ids.front(); // "first", or an id this position lacks
}

PreservedAnalyses SelectAltLocPass::run(Structure &S, AnalysisManager &) {
  const AtomTable &At = S.atoms();
  if (llvm::none_of(At.AltLoc, [](char C) { return C != 0; }))
    return PreservedAnalyses(); // nothing to choose, nothing written

  const ResidueTable &Res = S.residues();
  const size_t NR = Res.size();
  BitVector Keep(S.numAtoms(), true);
  for (size_t R = 0; R < NR;) {
    // The position: residues of one chain sharing auth seq and icode.
    size_t End = R + 1;
    if (Res.AuthSeq[R] != NoSeqId)
      while (End < NR && Res.Chain[End] == Res.Chain[R] &&
             Res.AuthSeq[End] == Res.AuthSeq[R] &&
             Res.ICode[End] == Res.ICode[R])
        ++End;
    PositionIds P;
    for (uint32_t A = Res.AtomBegin[R]; A < Res.AtomEnd[End - 1]; ++A)
      if (At.AltLoc[A])
        P.add(At.AltLoc[A], At.Occupancy[A]);
    if (P.Ids.empty()) {
      R = End;
      continue;
    }
    const char C = chooseId(P, Opts.Policy);

    for (size_t Q = R; Q < End; ++Q) {
      const uint32_t B = Res.AtomBegin[Q], E = Res.AtomEnd[Q];
      bool HasC = false, AllAlt = true;
      for (uint32_t A = B; A < E; ++A) {
        HasC |= At.AltLoc[A] == C;
        AllAlt &= At.AltLoc[A] != 0;
      }
      if (End - R > 1 && !HasC && AllAlt) {
        Keep.reset(B, E); // the chemical identity not chosen
        continue;
      }
      // Per atom name: the conformer with id C, else the first seen.
      for (uint32_t A = B; A < E; ++A) {
        if (!At.AltLoc[A])
          continue;
        uint32_t Chosen = NoIndex;
        for (uint32_t O = B; O < E; ++O) {
          if (!At.AltLoc[O] || At.Name[O] != At.Name[A])
            continue;
          if (Chosen == NoIndex)
            Chosen = O;
          if (At.AltLoc[O] == C) {
            Chosen = O;
            break;
          }
        }
        if (Chosen != A)
          Keep.reset(A);
      }
    }
    R = End;
  }

  keepAtoms(S, Keep);
  AtomTable &AtW = S.atomsForWrite(Facet::Topology);
  std::fill(AtW.AltLoc.begin(), AtW.AltLoc.end(), '\0');
  return PreservedAnalyses();
}
