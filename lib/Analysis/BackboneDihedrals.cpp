//===- BackboneDihedrals.cpp - Phi, psi and omega per residue -------------===//
//
// Rows: amino-acid residues (ResidueKind::AminoAcid) of chains whose entity
// is a polymer. Neighbours: the residues before and after in the same auth
// chain, where a run of residues sharing one (auth seq, icode), i.e.
// microheterogeneity, counts as one position represented by its first
// residue (as gemmi's Chain::previous_residue/next_residue); they are used
// only when peptide-bonded in the state at hand (C-N closer than
// MaxPeptideBondDistance, gemmi's are_connected for polypeptides). Atoms:
// N, CA and C by name, element N or C (or unknown), the first one in
// topology (file) order that the state holds; so altloc A wins where it
// comes first, and a state lacking it falls back to the next conformer,
// as gemmi, which reads each model on its own.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/BackboneDihedrals.h"
#include "qir/Analysis/BackboneAtoms.h"

#include "SerializerSupport.h"

#include "qir/IR/Structure.h"
#include "qir/Pass/TableWriter.h"
#include "qir/Support/Geometry.h"

#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <limits>

using namespace qir;
using namespace llvm;

AnalysisKey BackboneDihedralsAnalysis::Key;

using Vec = std::array<double, 3>;

double qir::dihedralDegrees(const Vec &P0, const Vec &P1, const Vec &P2,
                            const Vec &P3) {
  return dihedralDegrees(toVec3(P0), toVec3(P1), toVec3(P2), toVec3(P3));
}

int BackboneDihedrals::rowOf(uint32_t R) const {
  auto It = std::lower_bound(Residues.begin(), Residues.end(), R);
  return It != Residues.end() && *It == R ? int(It - Residues.begin()) : -1;
}

BackboneDihedrals BackboneDihedralsAnalysis::run(const Structure &S,
                                                 const Options &,
                                                 AnalysisManager &) {
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  const uint32_t NR = static_cast<uint32_t>(Res.size());

  BackboneDihedrals Out;
  Out.NumStates = S.numStates();
  Out.Residues = aminoAcidPolymerResidues(S);

  std::vector<BackboneAtoms> BB = collectBackboneAtoms(S);

  // Neighbour positions, the same in every state.
  auto SameAuthChain = [&](uint32_t A, uint32_t B) {
    return Ch.AuthId[Res.Chain[A]] == Ch.AuthId[Res.Chain[B]];
  };
  auto SameSeqId = [&](uint32_t A, uint32_t B) {
    return Res.AuthSeq[A] == Res.AuthSeq[B] && Res.ICode[A] == Res.ICode[B];
  };
  auto Previous = [&](uint32_t R) -> uint32_t {
    uint32_t P = R; // first residue of R's own run
    while (P > 0 && SameAuthChain(P - 1, R) && SameSeqId(P - 1, R))
      --P;
    if (P == 0 || !SameAuthChain(P - 1, R))
      return NoIndex;
    uint32_t Q = P - 1; // first residue of the run before
    while (Q > 0 && SameAuthChain(Q - 1, R) && SameSeqId(Q - 1, P - 1))
      --Q;
    return Q;
  };
  auto Next = [&](uint32_t R) -> uint32_t {
    uint32_t N = R + 1;
    while (N < NR && SameAuthChain(N, R) && SameSeqId(N, R))
      ++N;
    return N < NR && SameAuthChain(N, R) ? N : NoIndex;
  };

  const size_t NRows = Out.Residues.size(), NS = Out.NumStates;
  std::vector<uint32_t> PrevOf(NRows), NextOf(NRows);
  for (size_t Row = 0; Row < NRows; ++Row) {
    PrevOf[Row] = Previous(Out.Residues[Row]);
    NextOf[Row] = Next(Out.Residues[Row]);
  }
  const double NaN = std::numeric_limits<double>::quiet_NaN();
  Out.Phi.assign(NS * NRows, NaN);
  Out.Psi.assign(NS * NRows, NaN);
  Out.Omega.assign(NS * NRows, NaN);
  Out.InState.assign(NS * NRows, 0);

  for (size_t St = 0; St < NS; ++St) {
    auto Pick = [&](ArrayRef<uint32_t> Candidates) {
      return pickInState(S, St, Candidates);
    };
    auto Pos = [&](uint32_t A) { return toVec3(S.position(St, A)); };
    auto Bonded = [&](uint32_t C, uint32_t N) {
      if (C == NoIndex || N == NoIndex)
        return false;
      const Vec3 D = Pos(N) - Pos(C);
      return D.dot(D) < MaxPeptideBondDistance * MaxPeptideBondDistance;
    };
    for (size_t Row = 0; Row < NRows; ++Row) {
      uint32_t R = Out.Residues[Row];
      size_t I = Out.index(St, Row);
      uint32_t N = Pick(BB[R].N), CA = Pick(BB[R].CA), C = Pick(BB[R].C);
      // A row needs a CA, as every angle does: caps (ACE, NH2) have none.
      Out.InState[I] = CA != NoIndex;
      if (CA == NoIndex || C == NoIndex)
        continue;
      uint32_t P = PrevOf[Row];
      if (P != NoIndex) {
        uint32_t PC = Pick(BB[P].C);
        if (Bonded(PC, N))
          Out.Phi[I] = dihedralDegrees(Pos(PC), Pos(N), Pos(CA), Pos(C));
      }
      uint32_t X = NextOf[Row];
      if (X != NoIndex) {
        uint32_t XN = Pick(BB[X].N);
        if (Bonded(C, XN)) {
          if (N != NoIndex)
            Out.Psi[I] = dihedralDegrees(Pos(N), Pos(CA), Pos(C), Pos(XN));
          uint32_t XCA = Pick(BB[X].CA);
          if (XCA != NoIndex)
            Out.Omega[I] = dihedralDegrees(Pos(CA), Pos(C), Pos(XN), Pos(XCA));
        }
      }
    }
  }
  return Out;
}

void BackboneDihedralsAnalysis::print(raw_ostream &OS, const Structure &S,
                                      const Result &R, const PrintOptions &) {
  TableWriter T(OS);
  std::vector<std::string> Columns = TableWriter::residueColumns();
  Columns.insert(Columns.end(), {"phi", "psi", "omega"});
  T.header(Columns);
  for (size_t St = 0; St < R.NumStates; ++St)
    for (size_t Row = 0; Row < R.Residues.size(); ++Row) {
      if (!R.InState[R.index(St, Row)])
        continue;
      T.residue(S, St, R.Residues[Row])
          .fixed(R.phi(St, Row), 3)
          .fixed(R.psi(St, Row), 3)
          .fixed(R.omega(St, Row), 3)
          .endRow();
    }
}

// Persisted form: the row residues, then [state][row] arrays.
Error qir::writeBackboneDihedralArrays(ResultSink &Sink,
                                       const BackboneDihedrals &R) {
  const uint64_t Shape[] = {R.NumStates, R.Residues.size()};
  if (Error E = Sink.write<uint32_t>("residues", R.Residues))
    return E;
  if (Error E = Sink.write<double>("phi", R.Phi, Shape))
    return E;
  if (Error E = Sink.write<double>("psi", R.Psi, Shape))
    return E;
  if (Error E = Sink.write<double>("omega", R.Omega, Shape))
    return E;
  return Sink.write<uint8_t>("in_state", R.InState, Shape);
}

Error qir::readBackboneDihedralArrays(ResultSource &Source, StringRef Analysis,
                                      const Structure &S,
                                      BackboneDihedrals &R) {
  R.NumStates = S.numStates();
  std::vector<uint32_t> Rows = aminoAcidPolymerResidues(S);
  if (Error E = serial::readShaped(Source, Analysis, "residues", R.Residues,
                                   {uint64_t(Rows.size())}))
    return E;
  if (R.Residues != Rows)
    return serial::malformed(
        Analysis, "array 'residues' is not the structure's amino-acid "
                  "polymer residues");
  const uint64_t Shape[] = {R.NumStates, R.Residues.size()};
  if (Error E = serial::readShaped(Source, Analysis, "phi", R.Phi, Shape))
    return E;
  if (Error E = serial::readShaped(Source, Analysis, "psi", R.Psi, Shape))
    return E;
  if (Error E = serial::readShaped(Source, Analysis, "omega", R.Omega, Shape))
    return E;
  if (Error E =
          serial::readShaped(Source, Analysis, "in_state", R.InState, Shape))
    return E;
  for (size_t I = 0; I < R.InState.size(); ++I)
    if (R.InState[I] > 1)
      return serial::malformed(Analysis, "array 'in_state' holds " +
                                             Twine(unsigned(R.InState[I])) +
                                             ", not 0 or 1");
  return Error::success();
}

Error BackboneDihedralsAnalysis::write(ResultSink &Sink, const Result &R) {
  return writeBackboneDihedralArrays(Sink, R);
}

Expected<BackboneDihedrals>
BackboneDihedralsAnalysis::read(ResultSource &Source, const Structure &S) {
  BackboneDihedrals R;
  if (Error E = readBackboneDihedralArrays(Source, Name, S, R))
    return E;
  return R;
}
