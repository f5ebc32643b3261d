//===- Dihedrals.cpp - Backbone and side-chain torsions per residue -------===//
//
// Rows, states, phi, psi and omega: copied from backbone-dihedrals. Chi k of
// a row residue: the four atom names ChiAngles.def gives for its residue
// name (none when the name is not listed). Each name is picked per state by
// the rule backbone-dihedrals uses for N, CA and C: the first atom of the
// residue in topology (file) order with that name whose element is the one
// the residue template (ResidueTemplates.def) gives that name, or unknown,
// and that the state holds. Chi k is defined in a state when all four atoms
// are picked, NaN otherwise.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Dihedrals.h"

#include "SerializerSupport.h"

#include "qir/Analysis/BackboneAtoms.h"
#include "qir/Analysis/BackboneDihedrals.h"
#include "qir/IR/ResidueTemplates.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/TableWriter.h"
#include "qir/Support/Element.h"
#include "qir/Support/Geometry.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <limits>

using namespace qir;
using namespace llvm;

AnalysisKey DihedralsAnalysis::Key;

namespace {
struct ChiRow {
  const char *Residue;
  unsigned K;
  std::array<const char *, 4> Atoms;
};
} // namespace

static const ChiRow ChiTable[] = {
#define QIR_CHI(RES, K, A, B, C, D) {#RES, K, {A, B, C, D}},
#include "qir/Analysis/ChiAngles.def"
};

const std::array<const char *, 4> *qir::chiAtoms(StringRef ResName,
                                                 unsigned K) {
  for (const ChiRow &C : ChiTable)
    if (C.K == K && ResName == C.Residue)
      return &C.Atoms;
  return nullptr;
}

/// The atomic number the residue template of \p ResName gives atom \p Atom,
/// or 0 (any element accepted) when the template lacks it.
static uint8_t templateElement(StringRef ResName, StringRef Atom) {
  const ResidueTemplate *T = lookupResidueTemplate(ResName);
  if (!T)
    return 0;
  int I = T->findAtom(Atom);
  return I < 0 ? 0 : atomicNumber(T->Atoms[I].Element);
}

namespace {
/// The candidate atoms of one chi: per atom name, the residue's atoms of
/// that name and element, in topology order (one per conformer).
using ChiCandidates = std::array<SmallVector<uint32_t, 1>, 4>;
} // namespace

Dihedrals DihedralsAnalysis::run(const Structure &S, const Options &,
                                 AnalysisManager &AM) {
  const BackboneDihedrals &BB = AM.getResult<BackboneDihedralsAnalysis>(S);
  Dihedrals Out;
  static_cast<BackboneDihedrals &>(Out) = BB;

  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const size_t NRows = Out.Residues.size(), NS = Out.NumStates;

  // Candidates of chi k of row Row at Cands[Row * MaxChi + k - 1]; chis the
  // residue name does not define stay empty.
  std::vector<ChiCandidates> Cands(NRows * MaxChi);
  std::vector<uint8_t> HasChi(NRows * MaxChi, 0);
  for (size_t Row = 0; Row < NRows; ++Row) {
    uint32_t R = Out.Residues[Row];
    StringRef Name = Res.Name[R].str();
    for (unsigned K = 1; K <= MaxChi; ++K) {
      const std::array<const char *, 4> *Def = chiAtoms(Name, K);
      if (!Def)
        continue;
      HasChi[Row * MaxChi + K - 1] = 1;
      ChiCandidates &C = Cands[Row * MaxChi + K - 1];
      for (unsigned J = 0; J < 4; ++J) {
        StringRef AtomName = (*Def)[J];
        uint8_t Want = templateElement(Name, AtomName);
        for (uint32_t A = Res.AtomBegin[R]; A < Res.AtomEnd[R]; ++A) {
          uint8_t Z = At.AtomicNumber[A];
          if (At.Name[A] == AtomName && (Want == 0 || Z == Want || Z == 0))
            C[J].push_back(A);
        }
      }
    }
  }

  const double NaN = std::numeric_limits<double>::quiet_NaN();
  Out.Chi.assign(NS * NRows * MaxChi, NaN);
  for (size_t St = 0; St < NS; ++St) {
    auto Pick = [&](ArrayRef<uint32_t> Candidates) {
      return pickInState(S, St, Candidates);
    };
    auto Pos = [&](uint32_t A) { return toVec3(S.position(St, A)); };
    for (size_t Row = 0; Row < NRows; ++Row) {
      if (!Out.InState[Out.index(St, Row)])
        continue;
      for (unsigned K = 1; K <= MaxChi; ++K) {
        size_t C = Row * MaxChi + K - 1;
        if (!HasChi[C])
          continue;
        uint32_t A[4];
        for (unsigned J = 0; J < 4; ++J)
          A[J] = Pick(Cands[C][J]);
        if (is_contained(A, NoIndex))
          continue;
        Out.Chi[Out.index(St, Row) * MaxChi + K - 1] =
            dihedralDegrees(Pos(A[0]), Pos(A[1]), Pos(A[2]), Pos(A[3]));
      }
    }
  }
  return Out;
}

void DihedralsAnalysis::print(raw_ostream &OS, const Structure &S,
                              const Result &R, const PrintOptions &) {
  TableWriter T(OS);
  std::vector<std::string> Columns = TableWriter::residueColumns();
  Columns.insert(Columns.end(), {"phi", "psi", "omega"});
  for (unsigned K = 1; K <= MaxChi; ++K)
    Columns.push_back("chi" + std::to_string(K));
  T.header(Columns);
  for (size_t St = 0; St < R.NumStates; ++St)
    for (size_t Row = 0; Row < R.Residues.size(); ++Row) {
      if (!R.InState[R.index(St, Row)])
        continue;
      T.residue(S, St, R.Residues[Row])
          .fixed(R.phi(St, Row), 3)
          .fixed(R.psi(St, Row), 3)
          .fixed(R.omega(St, Row), 3);
      for (unsigned K = 1; K <= MaxChi; ++K)
        T.fixed(R.chi(St, Row, K), 3);
      T.endRow();
    }
}

// Persisted form: the row residues, [state][row] arrays for the backbone
// angles and in_state, and chi as [state][row][MaxChi].
Error DihedralsAnalysis::write(ResultSink &Sink, const Result &R) {
  if (Error E = writeBackboneDihedralArrays(Sink, R))
    return E;
  const uint64_t ChiShape[] = {R.NumStates, R.Residues.size(), MaxChi};
  return Sink.write<double>("chi", R.Chi, ChiShape);
}

Expected<Dihedrals> DihedralsAnalysis::read(ResultSource &Source,
                                            const Structure &S) {
  Dihedrals R;
  if (Error E = readBackboneDihedralArrays(Source, Name, S, R))
    return E;
  const uint64_t ChiShape[] = {R.NumStates, R.Residues.size(), MaxChi};
  if (Error E = serial::readShaped(Source, Name, "chi", R.Chi, ChiShape))
    return E;
  return R;
}
