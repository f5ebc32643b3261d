//===- Distogram.h - Distance bins per token pair ---------------*- C++ -*-===//
//
// distogram<preset=af3|af2>: for every state and token pair of the tokens
// analysis, the distogram bin of the distance between the two tokens'
// distogram atoms: the number of bin edges strictly below the distance
// (Boltz: (d > boundaries).sum()), so 64 bins over 63 edges.
//
//   af3  edges linspace(2, 22, 63) = 2 + 20 k / 62   (Boltz's distogram)
//   af2  edges 2.3125 + 0.3125 k = linspace(2.3125, 21.6875, 63)
//        (AlphaFold 2's distogram head, on CB; CA for glycine)
//
// Both use the token's distogram atom (TokenVocab.def: CB, CA for Gly, C4
// for purines, C2 for pyrimidines, the atom itself for atom tokens). A pair
// where either atom is not resolved in the state gets NoBin.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_DISTOGRAM_H
#define QIR_ANALYSIS_DISTOGRAM_H

#include "qir/Pass/AnalysisManager.h"

#include "llvm/ADT/ArrayRef.h"

#include <array>
#include <cstdint>
#include <vector>

namespace qir {

enum class DistogramPreset : uint8_t { AF3, AF2 };

constexpr unsigned NumDistogramBins = 64;
/// Bin of a pair with an unresolved distogram atom (printed `.`).
constexpr uint8_t NoBin = 255;

/// The 63 bin edges of \p P in Angstrom, ascending.
std::array<double, NumDistogramBins - 1> distogramEdges(DistogramPreset P);
/// Number of edges strictly below \p Distance.
unsigned distogramBin(DistogramPreset P, double Distance);

struct Distogram {
  DistogramPreset Preset = DistogramPreset::AF3;
  size_t NumStates = 0, NumTokens = 0;
  /// [T]: the distogram atom of each token (NoIndex when none).
  std::vector<uint32_t> Atom;
  /// [S][T][T]: bins, symmetric, NoBin where either atom is unresolved.
  std::vector<uint8_t> Bins;

  uint8_t bin(size_t St, size_t I, size_t J) const {
    return Bins[(St * NumTokens + I) * NumTokens + J];
  }
  llvm::ArrayRef<uint8_t> state(size_t St) const {
    return llvm::ArrayRef<uint8_t>(Bins).slice(St * NumTokens * NumTokens,
                                               NumTokens * NumTokens);
  }
};

class DistogramAnalysis : public AnalysisInfoMixin<DistogramAnalysis> {
public:
  static constexpr llvm::StringLiteral Name = "distogram";
  static constexpr llvm::StringLiteral Description =
      "distogram bin of every token pair per model (64 bins; af3 or af2 "
      "edges)";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = Facet::Topology | Facet::Coordinates;
  struct Options : PassOptionsBase {
    DistogramPreset Preset = DistogramPreset::AF3;
    template <typename M> void map(M &O) {
      O.choice("preset", Preset,
               {{"af3", DistogramPreset::AF3}, {"af2", DistogramPreset::AF2}},
               "af3: edges linspace(2, 22, 63); af2: 2.3125 + 0.3125 k");
    }
  };
  using PrintOptions = NoOptions;
  using Result = Distogram;

  Result run(const Structure &S, const Options &O, AnalysisManager &AM);
  static void print(llvm::raw_ostream &OS, const Structure &S, const Result &R,
                    const PrintOptions &P);
  static llvm::Error write(ResultSink &Sink, const Result &R);
  static llvm::Expected<Result> read(ResultSource &Source, const Structure &S);

  static AnalysisKey Key;
};

} // namespace qir

#endif // QIR_ANALYSIS_DISTOGRAM_H
