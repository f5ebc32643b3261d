//===- PairFeatures.cpp - Initial pair tensor of AF3/AF2 ------------------===//
//
// Channel layout (offsets in channels):
//   af3: d_residue [0, 66) | d_token [66, 132) | same_entity 132 |
//        d_chain [133, 139) | distogram [139, 203)
//   af2: d_residue [0, 65) | distogram [65, 129)
// The same_entity channel is a single 0/1 channel (Boltz concatenates
// b_same_entity as one float), so a pair of different entities has it
// cold.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/PairFeatures.h"

#include "SerializerSupport.h"

#include "qir/Analysis/Distogram.h"
#include "qir/Analysis/Relpos.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/TableWriter.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cstring>

using namespace qir;
using namespace llvm;

AnalysisKey PairFeaturesAnalysis::Key;

static constexpr unsigned RMax = 32, SMax = 2;

SmallVector<PairChannelGroup, 5> PairFeatures::groups() const {
  SmallVector<PairChannelGroup, 5> G;
  unsigned Off = 0;
  auto Add = [&](StringRef Name, unsigned Width) {
    G.push_back({Name, Off, Width});
    Off += Width;
  };
  if (Preset == PairPreset::AF3) {
    Add("d_residue", 2 * RMax + 2);
    Add("d_token", 2 * RMax + 2);
    Add("same_entity", 1);
    Add("d_chain", 2 * SMax + 2);
  } else {
    Add("d_residue", 2 * RMax + 1);
  }
  Add("distogram", NumDistogramBins);
  return G;
}

unsigned PairFeatures::numChannels() const {
  return Preset == PairPreset::AF3 ? 203 : 129;
}

void PairFeatures::hotChannels(size_t I, size_t J,
                               SmallVectorImpl<unsigned> &Out) const {
  Out.clear();
  size_t K = I * NumTokens + J;
  auto G = groups();
  Out.push_back(G[0].Offset + Residue[K]);
  if (Preset == PairPreset::AF3) {
    Out.push_back(G[1].Offset + Token[K]);
    if (SameEntity[K])
      Out.push_back(G[2].Offset);
    Out.push_back(G[3].Offset + Chain[K]);
  }
  if (Bins[K] != NoBin)
    Out.push_back(G.back().Offset + Bins[K]);
}

void PairFeatures::fillRows(size_t RowBegin, size_t RowEnd, float *Out) const {
  const size_t NT = NumTokens, C = numChannels();
  std::memset(Out, 0, (RowEnd - RowBegin) * NT * C * sizeof(float));
  auto G = groups();
  const bool AF3 = Preset == PairPreset::AF3;
  const unsigned Disto = G.back().Offset;
  for (size_t I = RowBegin; I < RowEnd; ++I) {
    float *Row = Out + (I - RowBegin) * NT * C;
    const size_t K0 = I * NT;
    for (size_t J = 0; J < NT; ++J) {
      float *P = Row + J * C;
      const size_t K = K0 + J;
      P[Residue[K]] = 1.0f;
      if (AF3) {
        P[G[1].Offset + Token[K]] = 1.0f;
        P[G[2].Offset] = SameEntity[K];
        P[G[3].Offset + Chain[K]] = 1.0f;
      }
      if (Bins[K] != NoBin)
        P[Disto + Bins[K]] = 1.0f;
    }
  }
}

/// "A:B" with 0 <= A <= B, or false.
static bool parseRange(StringRef Text, size_t &Begin, size_t &End) {
  auto [L, R] = Text.split(':');
  unsigned long long A, B;
  if (Text.count(':') != 1 || getAsUnsignedInteger(L, 10, A) ||
      getAsUnsignedInteger(R, 10, B) || A > B)
    return false;
  Begin = A;
  End = B;
  return true;
}

std::optional<PassOptionsBase::Invalid>
PairFeaturesAnalysis::Options::validate() const {
  if (Model < 0)
    return Invalid{"model", "must be a model number, or 0 for the first"};
  return std::nullopt;
}

std::optional<PassOptionsBase::Invalid>
PairFeaturesAnalysis::PrintOptions::validate() const {
  size_t A, B;
  if (!Rows.empty() && !parseRange(Rows, A, B))
    return Invalid{"rows", "must be FROM:TO with FROM <= TO"};
  if (!Cols.empty() && !parseRange(Cols, A, B))
    return Invalid{"cols", "must be FROM:TO with FROM <= TO"};
  if (Rows.empty() && !Cols.empty())
    return Invalid{"cols", "needs rows=FROM:TO"};
  return std::nullopt;
}

PairFeatures PairFeaturesAnalysis::run(const Structure &S, const Options &O,
                                       AnalysisManager &AM) {
  PairFeatures R;
  R.Preset = O.Preset;
  const bool AF3 = O.Preset == PairPreset::AF3;
  RelposAnalysis::Options RO;
  RO.Preset = AF3 ? RelposPreset::AF3 : RelposPreset::AF2;
  RO.RMax = RMax;
  RO.SMax = SMax;
  const RelativePositions &Rel = AM.getResult<RelposAnalysis>(S, RO);
  R.NumTokens = Rel.NumTokens;
  R.Residue = Rel.Residue;
  R.Token = Rel.Token;
  R.SameEntity = Rel.SameEntity;
  R.Chain = Rel.Chain;
  R.State =
      O.Model == 0 ? (S.numStates() ? 0 : NoIndex) : S.stateForModel(O.Model);
  DistogramAnalysis::Options DO;
  DO.Preset = AF3 ? DistogramPreset::AF3 : DistogramPreset::AF2;
  const Distogram &D = AM.getResult<DistogramAnalysis>(S, DO);
  if (R.State != NoIndex) {
    ArrayRef<uint8_t> Bins = D.state(R.State);
    R.Bins.assign(Bins.begin(), Bins.end());
  } else {
    R.Bins.assign(R.NumTokens * R.NumTokens, NoBin);
  }
  return R;
}

void PairFeaturesAnalysis::print(raw_ostream &OS, const Structure &,
                                 const Result &R, const PrintOptions &P) {
  TableWriter T(OS);
  const size_t NT = R.NumTokens;
  if (P.Rows.empty()) {
    // Summary: per group, the pairs with a hot channel in it.
    T.header(std::vector<std::string>{"group", "offset", "width", "hot_pairs"});
    for (const PairChannelGroup &G : R.groups()) {
      uint64_t Hot = NT * NT;
      if (G.Name == "same_entity")
        Hot = llvm::count(R.SameEntity, 1);
      else if (G.Name == "distogram")
        Hot = NT * NT - llvm::count(R.Bins, NoBin);
      T.text(G.Name).integer(G.Offset).integer(G.Width).integer(Hot).endRow();
    }
    T.text("all").integer(0).integer(R.numChannels()).integer(NT * NT).endRow();
    return;
  }
  size_t RB, RE, CB = 0, CE = NT;
  parseRange(P.Rows, RB, RE);
  if (!P.Cols.empty())
    parseRange(P.Cols, CB, CE);
  RE = std::min(RE, NT);
  CE = std::min(CE, NT);
  T.header(std::vector<std::string>{"token_1", "token_2", "channels"});
  const unsigned C = R.numChannels();
  std::vector<float> Row(NT * C);
  for (size_t I = RB; I < RE; ++I) {
    R.fillRows(I, I + 1, Row.data());
    for (size_t J = CB; J < CE; ++J) {
      std::string Hot;
      for (unsigned Ch = 0; Ch < C; ++Ch)
        if (Row[J * C + Ch] != 0.0f)
          Hot += (Hot.empty() ? "" : ",") + std::to_string(Ch);
      T.integer(I).integer(J).text(Hot).endRow();
    }
  }
}

// Persisted form: attributes preset and state; [T, T] uint8 arrays.
Error PairFeaturesAnalysis::write(ResultSink &Sink, const Result &R) {
  const uint64_t Shape[] = {R.NumTokens, R.NumTokens};
  if (Error E = Sink.setAttribute("preset",
                                  R.Preset == PairPreset::AF3 ? "af3" : "af2"))
    return E;
  if (Error E = Sink.setAttribute(
          "state", R.State == NoIndex ? int64_t(-1) : int64_t(R.State)))
    return E;
  if (Error E = Sink.write<uint8_t>("d_residue", R.Residue, Shape))
    return E;
  if (R.Preset == PairPreset::AF3) {
    if (Error E = Sink.write<uint8_t>("d_token", R.Token, Shape))
      return E;
    if (Error E = Sink.write<uint8_t>("same_entity", R.SameEntity, Shape))
      return E;
    if (Error E = Sink.write<uint8_t>("d_chain", R.Chain, Shape))
      return E;
  }
  return Sink.write<uint8_t>("distogram", R.Bins, Shape);
}

Expected<PairFeatures> PairFeaturesAnalysis::read(ResultSource &Source,
                                                  const Structure &S) {
  PairFeatures R;
  Expected<std::string> Preset =
      serial::readEnumAttribute(Source, Name, "preset", {"af3", "af2"});
  if (!Preset)
    return Preset.takeError();
  R.Preset = *Preset == "af3" ? PairPreset::AF3 : PairPreset::AF2;
  Expected<int64_t> State = Source.getInt("state");
  if (!State)
    return serial::malformed(Name, toString(State.takeError()));
  if (*State < -1 || *State >= int64_t(S.numStates()))
    return serial::malformed(Name, "attribute 'state' is not a state of "
                                   "the structure");
  R.State = *State < 0 ? NoIndex : uint32_t(*State);
  Expected<uint64_t> T = serial::readSquareSide(Source, Name, "d_residue");
  if (!T)
    return T.takeError();
  R.NumTokens = *T;
  auto G = R.groups();
  SmallVector<serial::ClassArray, 5> Arrays = {
      {"d_residue", &R.Residue, G[0].Width}};
  if (R.Preset == PairPreset::AF3)
    Arrays.append({{"d_token", &R.Token, G[1].Width},
                   {"same_entity", &R.SameEntity, 2},
                   {"d_chain", &R.Chain, G[3].Width}});
  Arrays.push_back({"distogram", &R.Bins, NumDistogramBins, NoBin});
  if (Error E = serial::readClassArrays(Source, Name, {*T, *T}, Arrays))
    return E;
  return R;
}
