//===- Renumber.cpp - Consecutive residue numbers and serials -------------===//
#include "qir/Transforms/Renumber.h"

#include "qir/IR/Structure.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <cstdint>

using namespace qir;
using namespace llvm;

PreservedAnalyses RenumberPass::run(Structure &S, AnalysisManager &) {
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  std::vector<int32_t> Seq(Res.size());
  StringMap<int64_t> Next; // per auth chain id
  for (size_t C = 0; C < Ch.size(); ++C) {
    auto It = Next.try_emplace(Ch.AuthId[C].str(), Opts.Start).first;
    for (uint32_t R = Ch.ResidueBegin[C]; R < Ch.ResidueEnd[C]; ++R) {
      bool SamePosition = R > Ch.ResidueBegin[C] && Res.AuthSeq[R] != NoSeqId &&
                          Res.AuthSeq[R] == Res.AuthSeq[R - 1] &&
                          Res.ICode[R] == Res.ICode[R - 1];
      if (SamePosition) {
        Seq[R] = Seq[R - 1];
        continue;
      }
      // Saturate rather than wrap; NoSeqId (INT32_MIN) is never produced
      // from a start above it.
      int64_t V = std::min<int64_t>(It->second++, INT32_MAX);
      Seq[R] = static_cast<int32_t>(V);
    }
  }
  bool ResidueChange = Seq != Res.AuthSeq ||
                       llvm::any_of(Res.ICode, [](char C) { return C != 0; });
  if (ResidueChange) {
    ResidueTable &ResW = S.residuesForWrite(Facet::Topology);
    ResW.AuthSeq = std::move(Seq);
    std::fill(ResW.ICode.begin(), ResW.ICode.end(), '\0');
  }

  const AtomTable &At = S.atoms();
  bool SerialChange = !S.states().Serial.empty();
  for (size_t A = 0; A < At.size() && !SerialChange; ++A)
    SerialChange = At.Serial[A] != static_cast<int64_t>(A + 1);
  if (SerialChange) {
    AtomTable &AtW = S.atomsForWrite(Facet::AtomProperties);
    for (size_t A = 0; A < AtW.size(); ++A)
      AtW.Serial[A] = static_cast<int64_t>(A + 1);
    StateTable &St = S.statesForWrite(Facet::AtomProperties);
    St.Serial.clear();
    St.Serial.shrink_to_fit();
  }
  return PreservedAnalyses();
}
