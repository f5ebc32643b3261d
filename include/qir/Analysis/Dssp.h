//===- Dssp.h - DSSP secondary structure ------------------------*- C++ -*-===//
//
// dssp: secondary structure by the rules of DSSP (Kabsch & Sander 1983) as
// mkdssp 4.2.2 applies them, on the rows and H bonds of the hbonds analysis
// (HBonds.h), residue for residue the same answer as mkdssp:
//
//   geometry   phi, psi, TCO (cosine of C=O(i) with C=O(i-1)), kappa (the
//              CA(i-2)-CA(i)-CA(i+2) bend angle, needing label_seq_id(i+2)
//              = label_seq_id(i-2) + 4), alpha (CA(i-1..i+2) dihedral), in
//              mkdssp's float arithmetic; undefined across a break
//   bridges    parallel and antiparallel bridges from H-bond patterns,
//              extended into ladders, ladders joined over bulges (gaps of
//              up to 4 on one strand and 1 on the other, or 1 and 1 ... as
//              mkdssp's unsigned tests), ladders sharing a residue into
//              sheets; E for ladders of two or more bridges, B for one
//   helices    n-turns (n = 3, 4, 5) where N-H(i+n) bonds C=O(i); two
//              consecutive n-turn starts make a helix: H (n=4) first, then
//              G (n=3) and I (n=5) only over loop residues (I may replace
//              H with prefer-pi), T for turn residues left, S for bends
//              (kappa > 70) left, and P (PPII) for stretches of pp-stretch
//              residues with phi in [-104, -46] and psi in [116, 174]
//
// and the accessible surface of each residue by DSSP's own dot method
// (DsspSurface.cpp), unless the option turns it off. docs/passes.md
// ("dssp") has the rules in full, the options, the columns and the
// persisted arrays.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_DSSP_H
#define QIR_ANALYSIS_DSSP_H

#include "qir/Analysis/HBonds.h"
#include "qir/Pass/AnalysisManager.h"

#include <array>
#include <cstdint>
#include <vector>

namespace qir {

/// mkdssp's helix_position_type.
enum class DsspHelixFlag : uint8_t {
  None = 0,
  Start = 1,
  End = 2,
  StartAndEnd = 3,
  Middle = 4,
};

/// The four helix kinds in mkdssp's order: 3-10, alpha, pi, PPII.
enum DsspHelixKind : unsigned {
  DsspHelix3 = 0,
  DsspHelix4 = 1,
  DsspHelix5 = 2,
  DsspHelixPP = 3,
};

/// DSSP's character for helix flag \p F of kind \p Kind: '>' start, '<'
/// end, 'X' both, '3'/'4'/'5'/'P' inside, \p None where there is none
/// (' ' in the legacy file, '.' in print<dssp>).
char dsspHelixFlagChar(uint8_t F, unsigned Kind, char None);

/// mkdssp's float geometry: the dihedral p1-p2-p3-p4 in degrees (360 when
/// undefined) and the cosine of the angle between p1-p2 and p3-p4 (0 when
/// undefined).
float dsspDihedral(const DsspPoint &P1, const DsspPoint &P2,
                   const DsspPoint &P3, const DsspPoint &P4);
float dsspCosAngle(const DsspPoint &P1, const DsspPoint &P2,
                   const DsspPoint &P3, const DsspPoint &P4);

/// DSSP's accessible surface (lib/Analysis/DsspSurface.cpp has the rules):
/// atom radii and the water probe, in A (mkdssp 4.2.2's float constants).
constexpr float DsspRadiusN = 1.65f;
constexpr float DsspRadiusCA = 1.87f;
constexpr float DsspRadiusC = 1.76f;
constexpr float DsspRadiusO = 1.4f;
constexpr float DsspRadiusSide = 1.8f;
constexpr float DsspRadiusWater = 1.4f;

/// The 401 unit vectors of DSSP's Fibonacci sphere, and the weight (solid
/// angle) of each.
llvm::ArrayRef<DsspPoint> dsspSurfaceDots();
double dsspSurfaceDotWeight();

/// The accessible area of one atom of radius \p Radius among atoms
/// \p Others of radii \p OtherRadii (the atom itself may be among them: a
/// point closer than 0.01 A is ignored), as mkdssp computes it.
float dsspAtomSurface(const DsspPoint &Atom, float Radius,
                      llvm::ArrayRef<DsspPoint> Others,
                      llvm::ArrayRef<float> OtherRadii);

/// DSSP's accessibility of each residue of \p Residues (complete DSSP rows
/// of one state), in A^2: only these residues' atoms count. \p Threads
/// share the residues (the values do not depend on it).
std::vector<float> dsspAccessibility(const Structure &S, size_t State,
                                     llvm::ArrayRef<uint32_t> Residues,
                                     unsigned Threads = 1);

struct Dssp {
  /// The rows and their H bonds (the hbonds result this was built on).
  HBonds HB;
  int64_t PPStretch = 3;
  bool PreferPi = true;
  bool HasAccessibility = false;
  /// Per row: the one-letter code (H B E G I P T S, ' ' for loop).
  std::vector<char> SS;
  /// Per row: DsspHelixFlag for 3-10, alpha, pi and PPII.
  std::vector<std::array<uint8_t, 4>> Helix;
  std::vector<uint8_t> Bend;
  /// Per row, two slots: bridge partner row (-1 none), its ladder (0-based,
  /// DSSP's label 'A' + ladder % 26) and whether parallel.
  std::vector<std::array<int32_t, 2>> BridgePartner;
  std::vector<std::array<uint32_t, 2>> Ladder;
  std::vector<std::array<uint8_t, 2>> Parallel;
  /// Per row: sheet number (1-based), 0 for none.
  std::vector<uint32_t> Sheet;
  /// Per row, degrees (TCO a cosine); NaN where mkdssp prints its
  /// undefined value (360, or 0 for TCO).
  std::vector<float> TCO, Kappa, Alpha, Phi, Psi;
  /// Per row, A^2; NaN when not computed.
  std::vector<float> Accessibility;

  size_t numRows() const { return SS.size(); }
};

/// What the rules read of one computed model besides its H bonds: per row
/// (in row order) its label_asym_id, label_seq_id and backbone atoms.
struct DsspModelRows {
  std::vector<std::string> Asym;
  std::vector<int32_t> SeqId;
  std::vector<DsspPoint> N, CA, C, O;
};

/// The rows of computed model \p K of \p HB, read from \p S.
DsspModelRows dsspModelRows(const Structure &S, const HBonds &HB, size_t K);

/// Size every per-row array of \p R for R.HB's rows, empty values.
void dsspAllocate(Dssp &R);

/// One ladder of a computed model as mkdssp keeps it (its "bridge" after
/// the bulge merging), which DSSP's statistics count: the rows (global
/// indices) of its two strands in mkdssp's order (I ascending; J ascending
/// for a parallel ladder, descending for an antiparallel one), its number
/// (DSSP's label 'A' + Ladder % 26) and its sheet (1-based).
struct DsspLadder {
  bool Parallel = false;
  uint32_t Ladder = 0, Sheet = 0;
  std::vector<uint32_t> I, J;
};

/// Apply the DSSP rules to the rows of computed model \p K of R.HB (whose
/// numbers and acceptor slots they read), with R.PPStretch and R.PreferPi;
/// fills those rows of \p R except Accessibility. With \p Ladders, also
/// lists the model's ladders there, in mkdssp's order.
void dsspAssignModel(Dssp &R, size_t K, const DsspModelRows &M,
                     std::vector<DsspLadder> *Ladders = nullptr);

/// The ladders of computed model \p K of \p R, found again by the rules
/// from R.HB (a result read from a store does not keep them).
std::vector<DsspLadder> dsspLadders(const Structure &S, const Dssp &R,
                                    size_t K);

class DsspAnalysis : public AnalysisInfoMixin<DsspAnalysis> {
public:
  static constexpr llvm::StringLiteral Name = "dssp";
  static constexpr llvm::StringLiteral Description =
      "DSSP secondary structure (H B E G I P T S), bridges, ladders, sheets, "
      "turns, bends, PPII, TCO, kappa, alpha, phi, psi, as mkdssp 4.2.2";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = Facet::Topology | Facet::Coordinates;
  struct Options : PassOptionsBase {
    int64_t PPStretch = 3;
    bool PreferPi = true;
    int64_t Model = 1;
    bool Accessibility = true;
    template <typename M> void map(M &O) {
      O.flag("accessibility", Accessibility,
             "compute DSSP's accessible surface per residue (the costly "
             "part; false leaves acc empty)");
      O.option("pp-stretch", PPStretch,
               "residues in a PPII stretch (2 or 3; mkdssp's "
               "--min-pp-stretch)");
      O.flag("prefer-pi", PreferPi,
             "pi helices (I) may replace alpha helices (H), as mkdssp");
      O.option("model", Model,
               "the file's model number to compute (0: every model)");
    }
    std::optional<Invalid> validate() const;
  };
  using PrintOptions = NoOptions;
  using Result = Dssp;

  Result run(const Structure &S, const Options &O, AnalysisManager &AM);
  static void print(llvm::raw_ostream &OS, const Structure &S, const Result &R,
                    const PrintOptions &P);
  /// Persisted form: docs/passes.md.
  static llvm::Error write(ResultSink &Sink, const Result &R);
  static llvm::Expected<Result> read(ResultSource &Source, const Structure &S);

  static AnalysisKey Key;
};

} // namespace qir

#endif // QIR_ANALYSIS_DSSP_H
