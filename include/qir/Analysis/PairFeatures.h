//===- PairFeatures.h - Initial pair tensor of AF3/AF2 ----------*- C++ -*-===//
//
// pair-features<preset=af3|af2;model=N>: the initial pair features of every
// token pair, as one-hot channels built from relpos and distogram:
//
//   af3 (203): d_residue 66 | d_token 66 | same_entity 1 | d_chain 6 |
//              distogram 64
//   af2 (129): d_residue 65 | distogram 64
//
// (relpos with r_max=32, s_max=2; the distogram of one model). The result
// keeps only the compact class indices ([T][T] uint8 per group);
// fillRows() writes the dense one-hot rows [rows][T][C] of a block of
// token rows, so a caller builds the [T][T][C] tensor in row blocks and
// memory stays bounded by the block. A pair whose distogram atoms are not
// both resolved has no hot distogram channel.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_PAIRFEATURES_H
#define QIR_ANALYSIS_PAIRFEATURES_H

#include "qir/Pass/AnalysisManager.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qir {

enum class PairPreset : uint8_t { AF3, AF2 };

/// One channel group of the layout.
struct PairChannelGroup {
  llvm::StringRef Name;
  unsigned Offset, Width;
};

struct PairFeatures {
  PairPreset Preset = PairPreset::AF3;
  size_t NumTokens = 0;
  /// The state the distogram group comes from; NoIndex when the model
  /// asked for is not in the structure (no distogram channel is hot).
  uint32_t State = 0;
  /// [T][T] class indices, as relpos and distogram hold them (Token,
  /// SameEntity and Chain empty for af2; Bins NoBin when unresolved).
  std::vector<uint8_t> Residue, Token, SameEntity, Chain, Bins;

  /// The channel groups in order; their widths sum to numChannels().
  llvm::SmallVector<PairChannelGroup, 5> groups() const;
  unsigned numChannels() const;
  /// The hot channels of pair (I, J), ascending.
  void hotChannels(size_t I, size_t J,
                   llvm::SmallVectorImpl<unsigned> &Out) const;
  /// Writes rows [RowBegin, RowEnd) of the dense one-hot tensor to \p Out,
  /// laid out [RowEnd - RowBegin][T][numChannels()] (float 0 or 1).
  void fillRows(size_t RowBegin, size_t RowEnd, float *Out) const;
};

class PairFeaturesAnalysis : public AnalysisInfoMixin<PairFeaturesAnalysis> {
public:
  static constexpr llvm::StringLiteral Name = "pair-features";
  static constexpr llvm::StringLiteral Description =
      "initial pair features per token pair (relpos, same-entity and "
      "distogram one-hot; dense rows filled in blocks)";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = Facet::Topology | Facet::Coordinates;
  struct Options : PassOptionsBase {
    PairPreset Preset = PairPreset::AF3;
    int Model = 0;
    std::optional<Invalid> validate() const;
    template <typename M> void map(M &O) {
      O.choice("preset", Preset,
               {{"af3", PairPreset::AF3}, {"af2", PairPreset::AF2}},
               "channel layout (af3: 203 channels, af2: 129)");
      O.option("model", Model,
               "file model number of the distogram (0: the first model)");
    }
  };
  struct PrintOptions : PassOptionsBase {
    std::string Rows, Cols;
    template <typename M> void map(M &O) {
      O.option("rows", Rows,
               "token rows FROM:TO (half-open) to print per pair; empty: "
               "the channel summary");
      O.option("cols", Cols, "token columns FROM:TO (default: all)");
    }
    std::optional<Invalid> validate() const;
  };
  using Result = PairFeatures;

  Result run(const Structure &S, const Options &O, AnalysisManager &AM);
  static void print(llvm::raw_ostream &OS, const Structure &S, const Result &R,
                    const PrintOptions &P);
  static llvm::Error write(ResultSink &Sink, const Result &R);
  static llvm::Expected<Result> read(ResultSource &Source, const Structure &S);

  static AnalysisKey Key;
};

} // namespace qir

#endif // QIR_ANALYSIS_PAIRFEATURES_H
