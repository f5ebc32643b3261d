//===- BackboneDihedrals.h - Phi, psi and omega per residue -----*- C++ -*-===//
//
// The backbone torsions of every amino-acid polymer residue in every state:
//
//   phi(i)   = C(i-1) - N(i)   - CA(i)   - C(i)
//   psi(i)   = N(i)   - CA(i)  - C(i)    - N(i+1)
//   omega(i) = CA(i)  - C(i)   - N(i+1)  - CA(i+1)   (gemmi's calculate_omega)
//
// in degrees, in (-180, 180]. Residue i-1 (i+1) is a neighbour only when it
// is peptide-bonded to i in that state, by gemmi's are_connected() rule for
// polypeptides: the distance C(i-1)-N(i) is below 1.341 * 1.5 Angstrom.
// docs/passes.md gives the full rules (which residues, altlocs, absent
// atoms); the oracle is utils/oracle/backbone_dihedrals.py.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_BACKBONEDIHEDRALS_H
#define QIR_ANALYSIS_BACKBONEDIHEDRALS_H

#include "qir/Pass/AnalysisManager.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace qir {

/// The dihedral angle p0-p1-p2-p3 in degrees, in (-180, 180]: positive when,
/// looking down p1->p2, p3 is rotated clockwise from p0 (the IUPAC sign).
/// NaN when any coordinate is NaN; 0 when three points are collinear (as
/// gemmi's calculate_dihedral, atan2(0, 0)).
double dihedralDegrees(const std::array<double, 3> &P0,
                       const std::array<double, 3> &P1,
                       const std::array<double, 3> &P2,
                       const std::array<double, 3> &P3);

/// Peptide bond test shared by the analysis and its tests: C of one residue
/// and N of the next are bonded when closer than this (gemmi's
/// in_peptide_bond_distance: 1.5 times the ideal 1.341 A).
constexpr double MaxPeptideBondDistance = 1.341 * 1.5;

struct BackboneDihedrals {
  /// Residues that may have rows: amino acids (ResidueKind::AminoAcid) of
  /// chains whose entity is a polymer, in residue order.
  std::vector<uint32_t> Residues;
  size_t NumStates = 0;
  /// [State][Row] (Row indexes Residues), NaN where undefined.
  std::vector<double> Phi, Psi, Omega;
  /// [State][Row]: whether the row exists in the state, i.e. the state
  /// holds a CA of the residue (caps such as ACE and NH2 never do; every
  /// angle needs CA). Rows not in a state are not printed.
  std::vector<uint8_t> InState;

  size_t index(size_t State, size_t Row) const {
    return State * Residues.size() + Row;
  }
  double phi(size_t State, size_t Row) const { return Phi[index(State, Row)]; }
  double psi(size_t State, size_t Row) const { return Psi[index(State, Row)]; }
  double omega(size_t State, size_t Row) const {
    return Omega[index(State, Row)];
  }
  /// Row of residue \p R, or -1 when it has none.
  int rowOf(uint32_t R) const;
};

/// The persisted arrays of \p R (residues, phi, psi, omega, in_state), and
/// reading them back against \p S with errors that name \p Analysis:
/// shared by backbone-dihedrals and dihedrals, whose rows are the same.
llvm::Error writeBackboneDihedralArrays(ResultSink &Sink,
                                        const BackboneDihedrals &R);
llvm::Error readBackboneDihedralArrays(ResultSource &Source,
                                       llvm::StringRef Analysis,
                                       const Structure &S,
                                       BackboneDihedrals &R);

class BackboneDihedralsAnalysis
    : public AnalysisInfoMixin<BackboneDihedralsAnalysis> {
public:
  static constexpr llvm::StringLiteral Name = "backbone-dihedrals";
  static constexpr llvm::StringLiteral Description =
      "phi, psi and omega of amino-acid polymer residues, every model "
      "(peptide neighbours by C-N distance)";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = Facet::Topology | Facet::Coordinates;
  /// Dihedrals and C-N distances do not change under a rigid motion: the
  /// angles recomputed after rotate or translate differ only by float32
  /// rounding of the moved coordinates (under 0.01 degrees; unit-tested in
  /// PreservedSetsTest), and a peptide break could only flip for a C-N
  /// distance within about 1e-5 A of MaxPeptideBondDistance.
  using MemberOf = AnalysisSets<RigidMotionInvariantAnalyses>;
  using Options = NoOptions;
  using PrintOptions = NoOptions;
  using Result = BackboneDihedrals;

  Result run(const Structure &S, const Options &O, AnalysisManager &AM);
  static void print(llvm::raw_ostream &OS, const Structure &S, const Result &R,
                    const PrintOptions &P);
  /// Persisted form: docs/passes.md.
  static llvm::Error write(ResultSink &Sink, const Result &R);
  static llvm::Expected<Result> read(ResultSource &Source, const Structure &S);

  static AnalysisKey Key;
};

} // namespace qir

#endif // QIR_ANALYSIS_BACKBONEDIHEDRALS_H
