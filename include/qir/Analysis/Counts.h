//===- Counts.h - Residues and atoms per chain ------------------*- C++ -*-===//
//
// The smallest analysis: per chain, how many residues and atoms the
// topology holds. It reads Topology only, so transforms that move atoms
// keep it cached; it exists to exercise the pass machinery in tests.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_COUNTS_H
#define QIR_ANALYSIS_COUNTS_H

#include "qir/Pass/AnalysisManager.h"

#include <cstdint>
#include <vector>

namespace qir {

struct ChainCounts {
  struct Row {
    uint32_t Chain;
    uint32_t Residues;
    uint32_t Atoms;
    uint32_t Hydrogens; ///< H and D
  };
  std::vector<Row> Rows; ///< one per chain, in chain order
};

class CountsAnalysis : public AnalysisInfoMixin<CountsAnalysis> {
public:
  static constexpr llvm::StringLiteral Name = "counts";
  static constexpr llvm::StringLiteral Description =
      "residues, atoms and hydrogens per chain (topology, all models)";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = FacetSet(Facet::Topology);
  using Options = NoOptions;
  using PrintOptions = NoOptions;
  using Result = ChainCounts;

  Result run(const Structure &S, const Options &O, AnalysisManager &AM);
  static void print(llvm::raw_ostream &OS, const Structure &S, const Result &R,
                    const PrintOptions &P);
  /// Persisted form: docs/passes.md.
  static llvm::Error write(ResultSink &Sink, const Result &R);
  static llvm::Expected<Result> read(ResultSource &Source, const Structure &S);

  static AnalysisKey Key;
};

} // namespace qir

#endif // QIR_ANALYSIS_COUNTS_H
