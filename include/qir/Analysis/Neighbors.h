//===- Neighbors.h - Neighbour graph within a cutoff ------------*- C++ -*-===//
//
// neighbors<cutoff=5.0;level=atom|residue;hydrogens=false;waters=false>:
// for every state, every pair of nodes closer than the cutoff, as a CSR
// edge list holding both directions, with distances.
//
//   level=atom     nodes are atoms. Two atoms are never neighbours when
//                  both have an altloc id and the ids differ (they are
//                  alternatives, not partners). Hydrogens (H, D) and waters
//                  take part only when asked.
//   level=residue  nodes are residues; the distance of two residues is the
//                  minimum over their heavy atoms (never hydrogens; waters
//                  only with waters=true), with the same altloc rule.
//
// Candidates come from the stored spatial-index (cell 5 A), never from a
// scan of all pairs. The edge set is what `gemmi contact -d CUTOFF --nosym
// --ignore=0 --twice` reports (utils/oracle/neighbors_gemmi.py); distances
// are computed in double from float32 coordinates and stored as float.
// docs/passes.md gives the print columns and the persisted arrays.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_NEIGHBORS_H
#define QIR_ANALYSIS_NEIGHBORS_H

#include "qir/Pass/AnalysisManager.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <vector>

namespace qir {

enum class NeighborLevel : uint8_t { Atom, Residue };

struct NeighborGraph {
  NeighborLevel Level = NeighborLevel::Atom;
  float Cutoff = 5.0f;
  /// Atoms or residues of the structure, by level.
  size_t NumNodes = 0;
  size_t NumStates = 0;
  /// [State][NumNodes + 1] absolute offsets into Col and Dist: the
  /// neighbours of node I in state St are Col[b .. e) with
  /// b = RowBegin[St * (NumNodes + 1) + I] and e the next offset. Within a
  /// row neighbours ascend; every edge appears in both directions.
  std::vector<uint64_t> RowBegin;
  std::vector<uint32_t> Col;
  std::vector<float> Dist;

  size_t rowIndex(size_t St, size_t I) const { return St * (NumNodes + 1) + I; }
  llvm::ArrayRef<uint32_t> neighbors(size_t St, size_t I) const {
    return llvm::ArrayRef<uint32_t>(Col).slice(RowBegin[rowIndex(St, I)],
                                               RowBegin[rowIndex(St, I) + 1] -
                                                   RowBegin[rowIndex(St, I)]);
  }
  llvm::ArrayRef<float> distances(size_t St, size_t I) const {
    return llvm::ArrayRef<float>(Dist).slice(RowBegin[rowIndex(St, I)],
                                             RowBegin[rowIndex(St, I) + 1] -
                                                 RowBegin[rowIndex(St, I)]);
  }
  /// Directed edges of state St: [stateBegin(St), stateBegin(St + 1)).
  uint64_t stateBegin(size_t St) const {
    return St == NumStates ? Col.size() : RowBegin[rowIndex(St, 0)];
  }
};

class NeighborsAnalysis : public AnalysisInfoMixin<NeighborsAnalysis> {
public:
  static constexpr llvm::StringLiteral Name = "neighbors";
  static constexpr llvm::StringLiteral Description =
      "all atom (or residue) pairs within a cutoff per model, as a CSR edge "
      "list with distances (candidates from spatial-index)";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = Facet::Topology | Facet::Coordinates;
  struct Options : PassOptionsBase {
    double Cutoff = 5.0;
    NeighborLevel Level = NeighborLevel::Atom;
    bool Hydrogens = false;
    bool Waters = false;
    template <typename M> void map(M &O) {
      O.option("cutoff", Cutoff,
               "pair distance cutoff in Angstrom (pairs closer than it)");
      O.choice(
          "level", Level,
          {{"atom", NeighborLevel::Atom}, {"residue", NeighborLevel::Residue}},
          "nodes: atoms, or residues at their minimum heavy-atom "
          "distance");
      O.flag("hydrogens", Hydrogens,
             "include hydrogen and deuterium atoms (atom level only)");
      O.flag("waters", Waters, "include water residues");
    }
    std::optional<Invalid> validate() const;
  };
  using PrintOptions = NoOptions;
  using Result = NeighborGraph;

  Result run(const Structure &S, const Options &O, AnalysisManager &AM);
  static void print(llvm::raw_ostream &OS, const Structure &S, const Result &R,
                    const PrintOptions &P);
  static llvm::Error write(ResultSink &Sink, const Result &R);
  static llvm::Expected<Result> read(ResultSource &Source, const Structure &S);

  static AnalysisKey Key;
};

} // namespace qir

#endif // QIR_ANALYSIS_NEIGHBORS_H
