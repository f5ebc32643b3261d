//===- Relpos.h - AF3/AF2 relative position encoding per token pair -*- C++
//-*-===//
//
// relpos<r_max=32;s_max=2;preset=af3|af2>: for every ordered token pair
// (i, j) of the tokens analysis, the class indices of the relative
// position encoding (AlphaFold 3 supplement, Algorithm 3; Boltz's
// RelativePositionEncoder):
//
//   same_chain   = asym_i == asym_j
//   same_residue = residue_index_i == residue_index_j
//   d_residue = same_chain ? clip(res_i - res_j + r_max, 0, 2 r_max)
//                          : 2 r_max + 1                     (2 r_max + 2)
//   d_token   = same_chain && same_residue
//                 ? clip(tok_i - tok_j + r_max, 0, 2 r_max)
//                 : 2 r_max + 1                              (2 r_max + 2)
//   same_entity = entity_i == entity_j                       (bit)
//   d_chain   = !same_chain ? clip(sym_i - sym_j + s_max, 0, 2 s_max)
//                           : 2 s_max + 1                    (2 s_max + 2)
//
// with tok the token index. Preset af2 (AlphaFold 2 monomer) keeps only
// d_residue = clip(res_i - res_j + r_max, 0, 2 r_max) over 2 r_max + 1
// classes, whatever the chains. docs/passes.md has the columns and the
// persisted arrays.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_RELPOS_H
#define QIR_ANALYSIS_RELPOS_H

#include "qir/Pass/AnalysisManager.h"

#include <cstdint>
#include <vector>

namespace qir {

struct TokenTable;

enum class RelposPreset : uint8_t { AF3, AF2 };

struct RelativePositions {
  RelposPreset Preset = RelposPreset::AF3;
  unsigned RMax = 32, SMax = 2;
  size_t NumTokens = 0;
  /// [T][T] class indices, row i = first token. Token, SameEntity and Chain
  /// are empty for preset af2.
  std::vector<uint8_t> Residue, Token, SameEntity, Chain;

  unsigned residueClasses() const {
    return Preset == RelposPreset::AF3 ? 2 * RMax + 2 : 2 * RMax + 1;
  }
  unsigned tokenClasses() const { return 2 * RMax + 2; }
  unsigned chainClasses() const { return 2 * SMax + 2; }
  size_t index(size_t I, size_t J) const { return I * NumTokens + J; }

  /// The encoding of \p Tokens (the arrays above), by the rules of the
  /// file comment.
  static RelativePositions compute(const TokenTable &Tokens,
                                   RelposPreset Preset, unsigned RMax,
                                   unsigned SMax);
};

class RelposAnalysis : public AnalysisInfoMixin<RelposAnalysis> {
public:
  static constexpr llvm::StringLiteral Name = "relpos";
  static constexpr llvm::StringLiteral Description =
      "AF3 (or AF2) relative position encoding classes per token pair";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = FacetSet(Facet::Topology);
  struct Options : PassOptionsBase {
    int RMax = 32;
    int SMax = 2;
    RelposPreset Preset = RelposPreset::AF3;
    template <typename M> void map(M &O) {
      O.option("r_max", RMax, "residue and token offset clip (1..126)");
      O.option("s_max", SMax, "chain copy offset clip (0..126)");
      O.choice("preset", Preset,
               {{"af3", RelposPreset::AF3}, {"af2", RelposPreset::AF2}},
               "af3: residue, token, entity and chain terms; af2: residue "
               "offset only");
    }
    std::optional<Invalid> validate() const;
  };
  using PrintOptions = NoOptions;
  using Result = RelativePositions;

  Result run(const Structure &S, const Options &O, AnalysisManager &AM);
  static void print(llvm::raw_ostream &OS, const Structure &S, const Result &R,
                    const PrintOptions &P);
  static llvm::Error write(ResultSink &Sink, const Result &R);
  static llvm::Expected<Result> read(ResultSource &Source, const Structure &S);

  static AnalysisKey Key;
};

} // namespace qir

#endif // QIR_ANALYSIS_RELPOS_H
