//===- HBonds.h - DSSP backbone hydrogen bonds ------------------*- C++ -*-===//
//
// hbonds: the Kabsch-Sander backbone hydrogen bonds exactly as mkdssp 4.2.2
// finds them, the first half of DSSP (the dssp analysis builds on it).
//
// Residues (DSSP's rows), in residue order: residues of chains whose entity
// is a polymer (dsspCandidates() has the one exception, for PDB input)
// that hold atoms named N, CA, C and O in the state (any
// element, any altloc; when a name occurs more than once the last one in
// file order wins, as mkdssp reads every atom record of the residue and
// overwrites). Other residues are skipped, as mkdssp skips incomplete ones.
//
// Numbering: rows are numbered 1, 2, ...; a row whose N is more than 2.5 A
// from the C of the row before (float distance, mkdssp's
// kMaxPeptideBondLength) takes one number more, so that the numbers jump
// where the chain is broken. Two rows are "unbroken" (mkdssp's NoChainBreak)
// when they have the same label_asym_id and no number jump lies between
// them.
//
// Amide H: N + (C' - O') / |C' - O'|, C' and O' of the row before, in
// float; H = N for the first row and for PRO. The row before is the one
// before in the list even across a chain break or a chain start (mkdssp's
// assignHydrogen uses its list neighbour), which these rules follow.
//
// Energy of a donor N-H and an acceptor C=O, with q1 q2 f = -27.888
// kcal A/mol (0.42 e * 0.20 e * 332; mkdssp's float constant):
//
//   E = f/r(H,O) - f/r(H,C) + f/r(N,C) - f/r(N,O)
//
// distances in float, the sum in double, rounded to 0.001 (half away from
// zero) and clamped at -9.9 (a float constant); -9.9 also when any of the
// four distances is below 0.5 A. PRO donates nothing.
//
// Pairs: every two rows whose CA atoms are closer than 9 A (float
// distance, mkdssp's kMinimalCADistance), found in the stored spatial index
// of the state (CellList::forEachPair over the rows' CA atoms). Pairs are
// visited in mkdssp's order, rows i < j ascending: E(i donor, j acceptor),
// then, unless j = i + 1, E(j donor, i acceptor). Each energy below a
// slot's competes for the donor's two best acceptors (N-H-->O) and the
// acceptor's two best donors (O-->H-N), strictly lower first; only
// negative energies enter. A bond "exists" (for bridges and turns) when the
// energy is below -0.5.
//
// docs/passes.md ("hbonds") documents the options, columns and persisted
// arrays; the oracle is mkdssp itself (utils/oracle/dssp_legacy.py parses
// its output).
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_HBONDS_H
#define QIR_ANALYSIS_HBONDS_H

#include "qir/Pass/AnalysisManager.h"

#include "llvm/ADT/ArrayRef.h"

#include <array>
#include <cstdint>
#include <vector>

namespace qir {

/// Positions as mkdssp holds them: float x, y, z.
using DsspPoint = std::array<float, 3>;

/// mkdssp's float distance: sqrt of the float sum of squared float
/// differences.
float dsspDistance(const DsspPoint &A, const DsspPoint &B);

/// The amide hydrogen of a residue with nitrogen \p N whose previous
/// residue has carbonyl \p PrevC = \p PrevO: one Angstrom from N along
/// PrevO -> PrevC, in float.
DsspPoint dsspAmideHydrogen(const DsspPoint &N, const DsspPoint &PrevC,
                            const DsspPoint &PrevO);

/// The Kabsch-Sander energy in kcal/mol of the bond N-H ... O=C, as mkdssp
/// 4.2.2 computes it (rounded to 0.001, at least -9.9). The caller skips
/// PRO donors.
double dsspHBondEnergy(const DsspPoint &DonorN, const DsspPoint &DonorH,
                       const DsspPoint &AcceptorC, const DsspPoint &AcceptorO);

/// DSSP constants (mkdssp 4.2.2, float like there).
constexpr float DsspMaxPeptideBondLength = 2.5f;
constexpr float DsspMinimalCADistance = 9.0f;
constexpr float DsspMinHBondEnergy = -9.9f;
constexpr float DsspMaxHBondEnergy = -0.5f;
constexpr float DsspCouplingConstant = -27.888f;
constexpr float DsspMinimalDistance = 0.5f;

/// The atoms DSSP reads of one residue in one state: the last atom named N,
/// CA, C and O (any element and altloc) that the state holds, NoIndex when
/// there is none.
struct DsspBackbone {
  uint32_t N, CA, C, O;
  bool complete() const;
};
DsspBackbone dsspBackbone(const Structure &S, size_t State, uint32_t Residue);

/// Per residue, whether it may be a DSSP row: its chain's entity is a
/// polymer, and, for a structure read from a PDB file, it does not share
/// its position (chain, number, insertion code) with a residue of another
/// name. mkdssp reads PDB files through libcifpp 5, which files such
/// microheterogeneous positions (1EJG 22 PRO/SER) outside the polymer, so
/// mkdssp never sees them; from mmCIF both residues are polymer residues.
std::vector<uint8_t> dsspCandidates(const Structure &S);

/// How a row follows the row before it.
enum class DsspBreak : uint8_t {
  None = 0,     ///< same label_asym_id, C-N within 2.5 A
  Gap = 1,      ///< same label_asym_id, C-N longer (the number jumps)
  NewChain = 2, ///< another label_asym_id (the first row, too)
};

struct HBonds {
  /// The option: a file model number, 0 for every model.
  int64_t Model = 1;
  /// The states computed, ascending; state States[K] has rows
  /// RowBegin[K] .. RowBegin[K+1].
  std::vector<uint32_t> States;
  std::vector<uint32_t> RowBegin = {0};
  /// Per row: its residue, DSSP number, break kind and amide H.
  std::vector<uint32_t> Residue;
  std::vector<int32_t> Number;
  std::vector<uint8_t> Break;
  std::vector<DsspPoint> H;
  /// Per row, two slots, best first: the acceptors of its N-H (N-H-->O)
  /// and the donors to its C=O (O-->H-N). Row indices (global, in the same
  /// state), -1 for an empty slot (energy 0).
  std::vector<std::array<int32_t, 2>> Acceptor, Donor;
  std::vector<std::array<double, 2>> AcceptorEnergy, DonorEnergy;

  size_t numRows() const { return Residue.size(); }
  /// The rows of computed state number \p K (an index into States).
  uint32_t rowBegin(size_t K) const { return RowBegin[K]; }
  uint32_t rowEnd(size_t K) const { return RowBegin[K + 1]; }
  /// The state a row belongs to.
  uint32_t stateOfRow(uint32_t Row) const;
  /// mkdssp's TestBond: \p Donor's N-H bonds to \p Acceptor's C=O with an
  /// energy below -0.5 (one of Donor's two best acceptors).
  bool bonded(uint32_t DonorRow, uint32_t AcceptorRow) const {
    for (int K = 0; K < 2; ++K)
      if (Acceptor[DonorRow][K] == int32_t(AcceptorRow) &&
          AcceptorEnergy[DonorRow][K] < DsspMaxHBondEnergy)
        return true;
    return false;
  }
};

class HBondsAnalysis : public AnalysisInfoMixin<HBondsAnalysis> {
public:
  static constexpr llvm::StringLiteral Name = "hbonds";
  static constexpr llvm::StringLiteral Description =
      "DSSP backbone hydrogen bonds (Kabsch-Sander energy, amide H, the two "
      "best acceptors and donors per residue), as mkdssp 4.2.2";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = Facet::Topology | Facet::Coordinates;
  struct Options : PassOptionsBase {
    int64_t Model = 1;
    template <typename M> void map(M &O) {
      O.option("model", Model,
               "the file's model number to compute (0: every model)");
    }
    std::optional<Invalid> validate() const;
  };
  using PrintOptions = NoOptions;
  using Result = HBonds;

  Result run(const Structure &S, const Options &O, AnalysisManager &AM);
  static void print(llvm::raw_ostream &OS, const Structure &S, const Result &R,
                    const PrintOptions &P);
  /// Persisted form: docs/passes.md.
  static llvm::Error write(ResultSink &Sink, const Result &R);
  static llvm::Expected<Result> read(ResultSource &Source, const Structure &S);

  static AnalysisKey Key;
};

/// The persisted arrays of an HBonds result, shared with the dssp analysis
/// (which stores its rows and H bonds the same way).
llvm::Error writeHBondArrays(ResultSink &Sink, const HBonds &R);
llvm::Expected<HBonds> readHBondArrays(ResultSource &Source, const Structure &S,
                                       llvm::StringRef Analysis);

} // namespace qir

#endif // QIR_ANALYSIS_HBONDS_H
