//===- Dihedrals.h - Backbone and side-chain torsions per residue -*- C++ -*-=//
//
// phi, psi, omega and chi1..chi5 of every amino-acid polymer residue in
// every state, in degrees, in (-180, 180]. The rows, the states and the
// backbone angles are those of backbone-dihedrals (BackboneDihedrals.h),
// copied from its result. chi k of a residue is the dihedral of the four
// atoms that ChiAngles.def lists for its residue name; each atom is picked
// per state as backbone-dihedrals picks N, CA and C. docs/passes.md gives
// the full rules; the oracles are utils/oracle/dihedrals_mdtraj.py (mdtraj
// for PDB files, gemmi with mdtraj's chi atom names for mmCIF).
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_DIHEDRALS_H
#define QIR_ANALYSIS_DIHEDRALS_H

#include "qir/Analysis/BackboneDihedrals.h"
#include "qir/Pass/AnalysisManager.h"

#include "llvm/ADT/StringRef.h"

#include <array>
#include <cstdint>
#include <vector>

namespace qir {

/// The most chi angles a residue has (ARG: chi1..chi5).
constexpr unsigned MaxChi = 5;

/// Chi \p K (1-based) of residue \p ResName as four atom names, from
/// ChiAngles.def; null when the residue has no such chi (or is not listed).
const std::array<const char *, 4> *chiAtoms(llvm::StringRef ResName,
                                            unsigned K);

/// The rows, states, phi, psi, omega and InState of backbone-dihedrals,
/// plus the chi angles of the same rows.
struct Dihedrals : BackboneDihedrals {
  /// [State][Row][K-1] for chi K = 1..MaxChi, NaN where undefined.
  std::vector<double> Chi;

  /// Chi \p K (1-based, at most MaxChi).
  double chi(size_t State, size_t Row, unsigned K) const {
    return Chi[index(State, Row) * MaxChi + (K - 1)];
  }
};

class DihedralsAnalysis : public AnalysisInfoMixin<DihedralsAnalysis> {
public:
  static constexpr llvm::StringLiteral Name = "dihedrals";
  static constexpr llvm::StringLiteral Description =
      "phi, psi, omega and chi1..chi5 of amino-acid polymer residues, every "
      "model (chi atoms from ChiAngles.def)";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = Facet::Topology | Facet::Coordinates;
  /// As backbone-dihedrals: kept by rotate and translate (recomputed
  /// angles differ by float32 rounding only, under 0.01 degrees).
  using MemberOf = AnalysisSets<RigidMotionInvariantAnalyses>;
  using Options = NoOptions;
  using PrintOptions = NoOptions;
  using Result = Dihedrals;

  Result run(const Structure &S, const Options &O, AnalysisManager &AM);
  static void print(llvm::raw_ostream &OS, const Structure &S, const Result &R,
                    const PrintOptions &P);
  /// Persisted form: docs/passes.md.
  static llvm::Error write(ResultSink &Sink, const Result &R);
  static llvm::Expected<Result> read(ResultSource &Source, const Structure &S);

  static AnalysisKey Key;
};

} // namespace qir

#endif // QIR_ANALYSIS_DIHEDRALS_H
