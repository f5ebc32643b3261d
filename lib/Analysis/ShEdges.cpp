//===- ShEdges.cpp - Spherical-harmonic edge features ---------------------===//
//
// Edges are those of neighbors<cutoff;level=atom> (heavy atoms, no waters,
// the altloc rule), state by state, in its CSR order: source node ascending,
// then neighbour ascending. The persisted form (docs/passes.md, "sh-edges"):
//
//   state_begin   [S+1]        uint64   edges of state s: [b[s], b[s+1])
//   src, dst      [E]          uint32   atom indices, direction dst - src
//   length        [E]          float32  Angstrom
//   sh            [E][(L+1)^2] float32  Y_l^m at l*l + l + m
//   rbf           [E][N]       float32
//   attributes    lmax, n_radial (int), cutoff (float64), normalization,
//                 axes, radial (text, the option values)
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/ShEdges.h"

#include "SerializerSupport.h"

#include "qir/Analysis/Neighbors.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/TableWriter.h"

#include <cmath>
#include <limits>
#include <string>

using namespace qir;
using namespace llvm;

AnalysisKey ShEdgesAnalysis::Key;

static constexpr StringLiteral AnalysisName = "sh-edges";
static constexpr unsigned MaxRadial = 256;

std::optional<ShEdgesAnalysis::Options::Invalid>
ShEdgesAnalysis::Options::validate() const {
  if (LMax > MaxLMax)
    return Invalid{"lmax", "must be at most " + std::to_string(MaxLMax)};
  if (!(Cutoff > 0) || !(Cutoff <= 1000))
    return Invalid{"cutoff",
                   "must be a positive number of Angstrom, at most 1000"};
  if (NumRadial < 1 || NumRadial > MaxRadial)
    return Invalid{"n_radial",
                   "must be between 1 and " + std::to_string(MaxRadial)};
  return std::nullopt;
}

std::optional<ShEdgesAnalysis::PrintOptions::Invalid>
ShEdgesAnalysis::PrintOptions::validate() const {
  if (Model < 0)
    return Invalid{"model", "must be a model number, or 0 for every model"};
  if (Edges < 0)
    return Invalid{"edges", "must be a row count, or 0 for no limit"};
  return std::nullopt;
}

ShEdgeFeatures ShEdgesAnalysis::run(const Structure &S, const Options &O,
                                    AnalysisManager &AM) {
  NeighborsAnalysis::Options NO;
  NO.Cutoff = O.Cutoff;
  NO.Level = NeighborLevel::Atom;
  const NeighborGraph &G = AM.getResult<NeighborsAnalysis>(S, NO);

  ShEdgeFeatures R;
  R.LMax = O.LMax;
  R.NumRadial = O.NumRadial;
  R.Cutoff = O.Cutoff;
  R.Normalization = O.Normalization;
  R.Axes = O.Axes;
  R.Radial = O.Radial;
  R.NumStates = S.numStates();

  const SphericalHarmonics SH(O.LMax, O.Normalization, O.Axes);
  const RadialBasis RB(O.Radial, O.NumRadial, O.Cutoff);
  const size_t E = G.Col.size(), NV = R.numSh(), NR = R.NumRadial;
  R.Src.resize(E);
  R.Dst.assign(G.Col.begin(), G.Col.end());
  R.Length.resize(E);
  R.Sh.resize(E * NV);
  R.Rbf.resize(E * NR);
  R.StateBegin.resize(R.NumStates + 1);
  for (size_t St = 0; St <= R.NumStates; ++St)
    R.StateBegin[St] = St < G.NumStates ? G.stateBegin(St) : E;

  const size_t N = G.NumNodes;
  for (size_t St = 0; St < G.NumStates; ++St) {
    const float *XYZ = S.states().Coords.data() + St * S.numAtoms() * 3;
    for (size_t I = 0; I < N; ++I) {
      const uint64_t B = G.RowBegin[G.rowIndex(St, I)],
                     End = G.RowBegin[G.rowIndex(St, I) + 1];
      const double X0 = XYZ[3 * I], Y0 = XYZ[3 * I + 1], Z0 = XYZ[3 * I + 2];
      for (uint64_t K = B; K < End; ++K) {
        const float *P = XYZ + 3 * size_t(G.Col[K]);
        const double DX = P[0] - X0, DY = P[1] - Y0, DZ = P[2] - Z0;
        const double Len = std::sqrt(DX * DX + DY * DY + DZ * DZ);
        R.Src[K] = static_cast<uint32_t>(I);
        R.Length[K] = static_cast<float>(Len);
        SH.evaluate(DX, DY, DZ, R.Sh.data() + K * NV);
        RB.evaluate(Len, R.Rbf.data() + K * NR);
      }
    }
  }
  return R;
}

/// "Y1_-1" for l = 1, m = -1.
static std::string shColumn(unsigned L, int M) {
  return "Y" + std::to_string(L) + "_" + std::to_string(M);
}

void ShEdgesAnalysis::print(raw_ostream &OS, const Structure &S,
                            const Result &R, const PrintOptions &P) {
  TableWriter T(OS);
  std::vector<std::string> Columns = TableWriter::atomColumns("_1");
  for (std::string &C : TableWriter::atomColumns("_2"))
    Columns.push_back(std::move(C));
  Columns.push_back("distance");
  for (unsigned L = 0; L <= R.LMax; ++L)
    for (int M = -int(L); M <= int(L); ++M)
      Columns.push_back(shColumn(L, M));
  for (unsigned K = 0; K < R.NumRadial; ++K)
    Columns.push_back("rbf" + std::to_string(K));
  T.header(Columns);

  int64_t Rows = 0;
  for (size_t St = 0; St < R.NumStates; ++St) {
    if (P.Model && S.states().ModelNumber[St] != P.Model)
      continue;
    for (uint64_t E = R.StateBegin[St]; E < R.StateBegin[St + 1]; ++E) {
      if (P.Edges && Rows == P.Edges)
        return;
      T.atom(S, St, R.Src[E]).atom(S, St, R.Dst[E]).fixed(R.Length[E], 3);
      for (float V : R.sh(E))
        T.fixed(V, 7);
      for (float V : R.rbf(E))
        T.fixed(V, 7);
      T.endRow();
      ++Rows;
    }
  }
}

static StringRef normalizationName(ShNormalization N) {
  return N == ShNormalization::Component ? "component"
         : N == ShNormalization::Norm    ? "norm"
                                         : "integral";
}
static StringRef axesName(ShAxes A) {
  return A == ShAxes::E3nn ? "e3nn" : "standard";
}
static StringRef radialName(RadialKind K) {
  return K == RadialKind::Gaussian ? "gaussian"
         : K == RadialKind::Bessel ? "bessel"
                                   : "cosine";
}

Error ShEdgesAnalysis::write(ResultSink &Sink, const Result &R) {
  const uint64_t E = R.numEdges();
  if (Error Err = Sink.write<uint64_t>("state_begin", R.StateBegin))
    return Err;
  if (Error Err = Sink.write<uint32_t>("src", R.Src))
    return Err;
  if (Error Err = Sink.write<uint32_t>("dst", R.Dst))
    return Err;
  if (Error Err = Sink.write<float>("length", R.Length))
    return Err;
  if (Error Err = Sink.write<float>("sh", R.Sh, {E, R.numSh()}))
    return Err;
  if (Error Err = Sink.write<float>("rbf", R.Rbf, {E, R.NumRadial}))
    return Err;
  if (Error Err = Sink.setAttribute("lmax", int64_t(R.LMax)))
    return Err;
  if (Error Err = Sink.setAttribute("n_radial", int64_t(R.NumRadial)))
    return Err;
  if (Error Err = Sink.setAttribute("cutoff", R.Cutoff))
    return Err;
  if (Error Err = Sink.setAttribute("normalization",
                                    normalizationName(R.Normalization)))
    return Err;
  if (Error Err = Sink.setAttribute("axes", axesName(R.Axes)))
    return Err;
  return Sink.setAttribute("radial", radialName(R.Radial));
}

Expected<ShEdgeFeatures> ShEdgesAnalysis::read(ResultSource &Source,
                                               const Structure &S) {
  ShEdgeFeatures R;
  R.NumStates = S.numStates();
  Expected<int64_t> LMax = Source.getInt("lmax");
  if (!LMax)
    return serial::malformed(AnalysisName, toString(LMax.takeError()));
  Expected<int64_t> NR = Source.getInt("n_radial");
  if (!NR)
    return serial::malformed(AnalysisName, toString(NR.takeError()));
  Expected<double> Cutoff = Source.getDouble("cutoff");
  if (!Cutoff)
    return serial::malformed(AnalysisName, toString(Cutoff.takeError()));
  if (*LMax < 0 || *LMax > MaxLMax)
    return serial::malformed(AnalysisName,
                             "lmax " + Twine(*LMax) + " is out of range");
  if (*NR < 1 || *NR > MaxRadial)
    return serial::malformed(AnalysisName,
                             "n_radial " + Twine(*NR) + " is out of range");
  if (!(*Cutoff > 0))
    return serial::malformed(AnalysisName, "cutoff is not positive");
  R.LMax = unsigned(*LMax);
  R.NumRadial = unsigned(*NR);
  R.Cutoff = *Cutoff;

  // The text attributes, each one of the option's values.
  auto Choice = [&](StringRef Attr, auto &Field, auto NameOf,
                    std::initializer_list<std::decay_t<decltype(Field)>> Values)
      -> Error {
    Expected<std::string> V = Source.getString(Attr);
    if (!V)
      return serial::malformed(AnalysisName, toString(V.takeError()));
    for (auto X : Values)
      if (NameOf(X) == *V) {
        Field = X;
        return Error::success();
      }
    return serial::malformed(AnalysisName, "attribute '" + Attr +
                                               "' has unknown value '" + *V +
                                               "'");
  };
  if (Error E = Choice("normalization", R.Normalization, normalizationName,
                       {ShNormalization::Component, ShNormalization::Norm,
                        ShNormalization::Integral}))
    return E;
  if (Error E =
          Choice("axes", R.Axes, axesName, {ShAxes::E3nn, ShAxes::Standard}))
    return E;
  if (Error E = Choice(
          "radial", R.Radial, radialName,
          {RadialKind::Gaussian, RadialKind::Bessel, RadialKind::Cosine}))
    return E;

  if (Error E = serial::readShaped(Source, AnalysisName, "state_begin",
                                   R.StateBegin, {uint64_t(R.NumStates + 1)}))
    return E;
  if (Error E = serial::read1D(Source, AnalysisName, "src", R.Src))
    return E;
  const uint64_t NE = R.Src.size();
  if (Error E = serial::readShaped(Source, AnalysisName, "dst", R.Dst, {NE}))
    return E;
  if (Error E =
          serial::readShaped(Source, AnalysisName, "length", R.Length, {NE}))
    return E;
  if (Error E = serial::readShaped(Source, AnalysisName, "sh", R.Sh,
                                   {NE, uint64_t(R.numSh())}))
    return E;
  if (Error E = serial::readShaped(Source, AnalysisName, "rbf", R.Rbf,
                                   {NE, uint64_t(R.NumRadial)}))
    return E;

  if (R.StateBegin.front() != 0 || R.StateBegin.back() != NE)
    return serial::malformed(AnalysisName,
                             "'state_begin' must run from 0 to " + Twine(NE));
  for (size_t I = 1; I < R.StateBegin.size(); ++I)
    if (R.StateBegin[I] < R.StateBegin[I - 1])
      return serial::malformed(AnalysisName, "'state_begin' decreases");
  const size_t NA = S.numAtoms();
  for (size_t I = 0; I < NE; ++I)
    if (R.Src[I] >= NA || R.Dst[I] >= NA)
      return serial::malformed(AnalysisName, "edge " + Twine(I) +
                                                 " names an atom beyond the "
                                                 "structure's " +
                                                 Twine(NA));
  return R;
}
