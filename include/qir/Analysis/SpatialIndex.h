//===- SpatialIndex.h - Cell lists of atom positions per state --*- C++ -*-===//
//
// spatial-index: for every state (NMR model, trajectory frame), a sparse
// Morton-ordered cell list (qir/Support/CellList.h) over the positions of
// the atoms that state holds; absent atoms (NaN coordinates, or not present
// in the state) are left out. Neighbour searches ask it for the atoms
// within a radius instead of scanning every atom. It is what the store
// persists as the stored spatial index; docs/passes.md documents the
// option, the print<spatial-index> columns and the persisted arrays.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_SPATIALINDEX_H
#define QIR_ANALYSIS_SPATIALINDEX_H

#include "qir/Pass/AnalysisManager.h"
#include "qir/Support/CellList.h"

#include <cstdint>
#include <vector>

namespace qir {

struct SpatialIndex {
  /// Cell edge in Angstrom (the option, as float), the same in every list.
  float Cell = 5.0f;
  /// One list per state, in state order; point indices are atom indices.
  std::vector<CellList> States;

  /// The coordinates of state \p State of \p S (N*3 floats): what the
  /// lists' point indices refer to and what forEachWithin() is given.
  static llvm::ArrayRef<float> coords(const Structure &S, size_t State);

  /// Call \p Fn(atom, squared distance) for every atom of state \p State
  /// within \p Radius of \p Q (inclusive), in no particular order.
  void forEachWithin(const Structure &S, size_t State, CellList::Point Q,
                     float Radius,
                     llvm::function_ref<void(uint32_t, float)> Fn) const {
    States[State].forEachWithin(coords(S, State), Q, Radius, Fn);
  }
};

class SpatialIndexAnalysis : public AnalysisInfoMixin<SpatialIndexAnalysis> {
public:
  static constexpr llvm::StringLiteral Name = "spatial-index";
  static constexpr llvm::StringLiteral Description =
      "cell list of atom positions per model (sparse cells in Morton order)";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = FacetSet(Facet::Coordinates);
  struct Options : PassOptionsBase {
    double Cell = 5.0;
    template <typename M> void map(M &O) {
      O.option("cell", Cell, "cell edge in Angstrom");
    }
    std::optional<Invalid> validate() const;
  };
  using PrintOptions = NoOptions;
  using Result = SpatialIndex;

  Result run(const Structure &S, const Options &O, AnalysisManager &AM);
  static void print(llvm::raw_ostream &OS, const Structure &S, const Result &R,
                    const PrintOptions &P);
  static llvm::Error write(ResultSink &Sink, const Result &R);
  static llvm::Expected<Result> read(ResultSource &Source, const Structure &S);

  static AnalysisKey Key;
};

} // namespace qir

#endif // QIR_ANALYSIS_SPATIALINDEX_H
