//===- Relpos.cpp - AF3/AF2 relative position encoding --------------------===//
//
// Differences are row minus column (i - j), as Boltz's encoder computes
// residue_index[:, :, None] - residue_index[:, None, :].
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Relpos.h"

#include "SerializerSupport.h"

#include "qir/Analysis/Tokens.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/TableWriter.h"

#include <algorithm>

using namespace qir;
using namespace llvm;

AnalysisKey RelposAnalysis::Key;

std::optional<PassOptionsBase::Invalid>
RelposAnalysis::Options::validate() const {
  // Classes must fit uint8 with room for the "other chain" class.
  if (RMax < 1 || RMax > 126)
    return Invalid{"r_max", "must be between 1 and 126"};
  if (SMax < 0 || SMax > 126)
    return Invalid{"s_max", "must be between 0 and 126"};
  return std::nullopt;
}

static uint8_t clipClass(int64_t Diff, unsigned Max) {
  return uint8_t(std::clamp<int64_t>(Diff + Max, 0, 2 * int64_t(Max)));
}

RelativePositions RelativePositions::compute(const TokenTable &Tok,
                                             RelposPreset Preset, unsigned RMax,
                                             unsigned SMax) {
  RelativePositions R;
  R.Preset = Preset;
  R.RMax = RMax;
  R.SMax = SMax;
  const size_t NT = R.NumTokens = Tok.size();
  R.Residue.resize(NT * NT);
  if (Preset == RelposPreset::AF2) {
    for (size_t I = 0; I < NT; ++I)
      for (size_t J = 0; J < NT; ++J)
        R.Residue[I * NT + J] =
            clipClass(int64_t(Tok.ResidueIndex[I]) - Tok.ResidueIndex[J], RMax);
    return R;
  }
  R.Token.resize(NT * NT);
  R.SameEntity.resize(NT * NT);
  R.Chain.resize(NT * NT);
  const uint8_t OtherChain = uint8_t(2 * RMax + 1);
  const uint8_t SameChain = uint8_t(2 * SMax + 1);
  for (size_t I = 0; I < NT; ++I)
    for (size_t J = 0; J < NT; ++J) {
      size_t K = I * NT + J;
      bool SameChainIJ = Tok.AsymId[I] == Tok.AsymId[J];
      bool SameResidue = Tok.ResidueIndex[I] == Tok.ResidueIndex[J];
      R.Residue[K] =
          SameChainIJ
              ? clipClass(int64_t(Tok.ResidueIndex[I]) - Tok.ResidueIndex[J],
                          RMax)
              : OtherChain;
      R.Token[K] = SameChainIJ && SameResidue
                       ? clipClass(int64_t(I) - int64_t(J), RMax)
                       : OtherChain;
      R.SameEntity[K] = Tok.EntityId[I] == Tok.EntityId[J];
      R.Chain[K] = SameChainIJ
                       ? SameChain
                       : clipClass(int64_t(Tok.SymId[I]) - Tok.SymId[J], SMax);
    }
  return R;
}

RelativePositions RelposAnalysis::run(const Structure &S, const Options &O,
                                      AnalysisManager &AM) {
  const TokenTable &Tok = AM.getResult<TokensAnalysis>(S);
  return RelativePositions::compute(Tok, O.Preset, unsigned(O.RMax),
                                    unsigned(O.SMax));
}

void RelposAnalysis::print(raw_ostream &OS, const Structure &, const Result &R,
                           const PrintOptions &) {
  TableWriter T(OS);
  T.header(std::vector<std::string>{"token_1", "token_2", "d_residue",
                                    "d_token", "same_entity", "d_chain"});
  const bool AF3 = R.Preset == RelposPreset::AF3;
  for (size_t I = 0; I < R.NumTokens; ++I)
    for (size_t J = 0; J < R.NumTokens; ++J) {
      size_t K = R.index(I, J);
      T.integer(I).integer(J).integer(R.Residue[K]);
      if (AF3)
        T.integer(R.Token[K]).integer(R.SameEntity[K]).integer(R.Chain[K]);
      else
        T.missing().missing().missing();
      T.endRow();
    }
}

// Persisted form: attributes preset, r_max, s_max; [T, T] uint8 arrays.
Error RelposAnalysis::write(ResultSink &Sink, const Result &R) {
  const uint64_t Shape[] = {R.NumTokens, R.NumTokens};
  if (Error E = Sink.setAttribute(
          "preset", R.Preset == RelposPreset::AF3 ? "af3" : "af2"))
    return E;
  if (Error E = Sink.setAttribute("r_max", int64_t(R.RMax)))
    return E;
  if (Error E = Sink.setAttribute("s_max", int64_t(R.SMax)))
    return E;
  if (Error E = Sink.write<uint8_t>("d_residue", R.Residue, Shape))
    return E;
  if (R.Preset == RelposPreset::AF2)
    return Error::success();
  if (Error E = Sink.write<uint8_t>("d_token", R.Token, Shape))
    return E;
  if (Error E = Sink.write<uint8_t>("same_entity", R.SameEntity, Shape))
    return E;
  return Sink.write<uint8_t>("d_chain", R.Chain, Shape);
}

Expected<RelativePositions> RelposAnalysis::read(ResultSource &Source,
                                                 const Structure &) {
  RelativePositions R;
  Expected<std::string> Preset =
      serial::readEnumAttribute(Source, Name, "preset", {"af3", "af2"});
  if (!Preset)
    return Preset.takeError();
  R.Preset = *Preset == "af3" ? RelposPreset::AF3 : RelposPreset::AF2;
  Expected<int64_t> RMax = Source.getInt("r_max");
  if (!RMax)
    return serial::malformed(Name, toString(RMax.takeError()));
  Expected<int64_t> SMax = Source.getInt("s_max");
  if (!SMax)
    return serial::malformed(Name, toString(SMax.takeError()));
  if (*RMax < 1 || *RMax > 126 || *SMax < 0 || *SMax > 126)
    return serial::malformed(Name, "attributes 'r_max' or 's_max' out of "
                                   "range");
  R.RMax = unsigned(*RMax);
  R.SMax = unsigned(*SMax);
  Expected<uint64_t> T = serial::readSquareSide(Source, Name, "d_residue");
  if (!T)
    return T.takeError();
  R.NumTokens = *T;
  SmallVector<serial::ClassArray, 4> Arrays = {
      {"d_residue", &R.Residue, R.residueClasses()}};
  if (R.Preset == RelposPreset::AF3)
    Arrays.append({{"d_token", &R.Token, R.tokenClasses()},
                   {"same_entity", &R.SameEntity, 2},
                   {"d_chain", &R.Chain, R.chainClasses()}});
  if (Error E = serial::readClassArrays(Source, Name, {*T, *T}, Arrays))
    return E;
  return R;
}
