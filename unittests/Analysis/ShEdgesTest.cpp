//===- ShEdgesTest.cpp - Spherical-harmonic edge features -----------------===//
//
// sh-edges on files of test/Inputs: its edges are the neighbour graph's, in
// CSR order; reversing an edge multiplies block l by (-1)^l and keeps the
// radial values; the persisted form reads back field for field, and
// damaged bodies give malformed-result errors. (The values themselves are
// checked against the torch oracle in test/Analysis/sh-edges-torch.test
// and against the table in unittests/Support.)
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/ShEdges.h"
#include "qir/Analysis/Neighbors.h"
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/ResultBuffer.h"

#include "gtest/gtest.h"

#include <cmath>
#include <map>

using namespace qir;
using namespace llvm;

namespace {

const Structure &load(StringRef Name) {
  static std::map<std::string, std::unique_ptr<Structure>> Cache;
  std::unique_ptr<Structure> &S = Cache[Name.str()];
  if (!S) {
    auto R = io::readStructureFile(
        (Twine(QIR_SOURCE_DIR) + "/test/Inputs/" + Name).str());
    if (!R) {
      ADD_FAILURE() << toString(R.takeError());
      S = std::make_unique<Structure>();
    } else {
      S = std::make_unique<Structure>(std::move(*R));
    }
  }
  return *S;
}

ShEdgesAnalysis::Options options(unsigned LMax, ShNormalization N, ShAxes A,
                                 RadialKind K, unsigned NR, double Cutoff) {
  ShEdgesAnalysis::Options O;
  O.LMax = LMax;
  O.Normalization = N;
  O.Axes = A;
  O.Radial = K;
  O.NumRadial = NR;
  O.Cutoff = Cutoff;
  return O;
}

TEST(ShEdgesTest, EdgesAreTheNeighbourGraph) {
  for (StringRef File : {"1l2y.cif", "5i55.cif"}) {
    const Structure &S = load(File);
    AnalysisManager AM;
    auto O = options(3, ShNormalization::Component, ShAxes::E3nn,
                     RadialKind::Gaussian, 8, 4.5);
    const ShEdgeFeatures &R = AM.getResult<ShEdgesAnalysis>(S, O);
    NeighborsAnalysis::Options NO;
    NO.Cutoff = 4.5;
    const NeighborGraph &G = AM.getResult<NeighborsAnalysis>(S, NO);
    ASSERT_EQ(R.numEdges(), G.Col.size());
    ASSERT_EQ(R.StateBegin.size(), S.numStates() + 1);
    ASSERT_GT(R.numEdges(), 0u);
    EXPECT_EQ(R.Sh.size(), R.numEdges() * 16);
    EXPECT_EQ(R.Rbf.size(), R.numEdges() * 8);
    SphericalHarmonics SH(3, ShNormalization::Component, ShAxes::E3nn);
    for (size_t St = 0; St < G.NumStates; ++St) {
      EXPECT_EQ(R.StateBegin[St], G.stateBegin(St));
      for (uint32_t I = 0; I < G.NumNodes; ++I) {
        uint64_t B = G.RowBegin[G.rowIndex(St, I)];
        ArrayRef<uint32_t> Nb = G.neighbors(St, I);
        for (size_t K = 0; K < Nb.size(); ++K) {
          ASSERT_EQ(R.Src[B + K], I);
          ASSERT_EQ(R.Dst[B + K], Nb[K]);
          EXPECT_NEAR(R.Length[B + K], G.distances(St, I)[K], 1e-5);
          // The stored values are those of the edge vector, as float.
          auto P = S.position(St, I), Q = S.position(St, Nb[K]);
          double Want[16];
          SH.evaluate(double(Q[0]) - P[0], double(Q[1]) - P[1],
                      double(Q[2]) - P[2], Want);
          for (unsigned V = 0; V < 16; ++V)
            ASSERT_EQ(R.sh(B + K)[V], static_cast<float>(Want[V]));
        }
      }
    }
    EXPECT_EQ(R.StateBegin.back(), R.numEdges());
  }
}

TEST(ShEdgesTest, ReversedEdgeFlipsOddDegrees) {
  const Structure &S = load("5i55.cif");
  for (ShAxes Ax : {ShAxes::E3nn, ShAxes::Standard}) {
    AnalysisManager AM;
    auto O = options(6, ShNormalization::Norm, Ax, RadialKind::Bessel, 6, 5.0);
    const ShEdgeFeatures &R = AM.getResult<ShEdgesAnalysis>(S, O);
    std::map<std::pair<uint32_t, uint32_t>, size_t> Index;
    for (size_t E = 0; E < R.numEdges(); ++E)
      Index[{R.Src[E], R.Dst[E]}] = E;
    for (size_t E = 0; E < R.numEdges(); ++E) {
      auto It = Index.find({R.Dst[E], R.Src[E]});
      ASSERT_NE(It, Index.end());
      size_t F = It->second;
      EXPECT_EQ(R.Length[E], R.Length[F]);
      for (unsigned K = 0; K < R.NumRadial; ++K)
        EXPECT_EQ(R.rbf(E)[K], R.rbf(F)[K]);
      for (unsigned L = 0; L <= 6; ++L)
        for (int M = -int(L); M <= int(L); ++M) {
          unsigned V = SphericalHarmonics::index(L, M);
          EXPECT_NEAR(R.sh(E)[V], (L % 2 ? -1 : 1) * R.sh(F)[V], 2e-7);
        }
    }
  }
}

ResultBuffer written(const ShEdgeFeatures &R) {
  ResultBuffer B;
  Error E = ShEdgesAnalysis::write(B, R);
  EXPECT_FALSE(static_cast<bool>(E)) << toString(std::move(E));
  return B;
}

std::string readError(ResultBuffer &B, const Structure &S) {
  auto R = ShEdgesAnalysis::read(B, S);
  if (R)
    return "";
  std::string Msg = toString(R.takeError());
  EXPECT_EQ(Msg.rfind("malformed result: ", 0), 0u) << Msg;
  EXPECT_NE(Msg.find("sh-edges"), std::string::npos) << Msg;
  return Msg;
}

TEST(ShEdgesSerializer, RoundTrip) {
  struct Case {
    const char *File;
    ShEdgesAnalysis::Options O;
  } Cases[] = {
      {"1l2y.cif", options(3, ShNormalization::Component, ShAxes::E3nn,
                           RadialKind::Gaussian, 8, 5.0)},
      {"5i55.cif", options(6, ShNormalization::Integral, ShAxes::Standard,
                           RadialKind::Bessel, 12, 4.0)},
      {"1pfe.cif.gz", options(0, ShNormalization::Norm, ShAxes::Standard,
                              RadialKind::Cosine, 1, 6.0)},
  };
  for (const Case &C : Cases) {
    const Structure &S = load(C.File);
    AnalysisManager AM;
    const ShEdgeFeatures &R = AM.getResult<ShEdgesAnalysis>(S, C.O);
    ResultBuffer B = written(R);
    EXPECT_EQ(B.names(), (std::vector<std::string>{"dst", "length", "rbf", "sh",
                                                   "src", "state_begin"}));
    EXPECT_EQ(B.array("sh")->Shape,
              (SmallVector<uint64_t, 3>{R.numEdges(), R.numSh()}));
    auto Back = ShEdgesAnalysis::read(B, S);
    ASSERT_TRUE(static_cast<bool>(Back)) << toString(Back.takeError());
    EXPECT_EQ(Back->LMax, R.LMax);
    EXPECT_EQ(Back->NumRadial, R.NumRadial);
    EXPECT_EQ(Back->Cutoff, R.Cutoff);
    EXPECT_EQ(Back->Normalization, R.Normalization);
    EXPECT_EQ(Back->Axes, R.Axes);
    EXPECT_EQ(Back->Radial, R.Radial);
    EXPECT_EQ(Back->NumStates, R.NumStates);
    EXPECT_EQ(Back->StateBegin, R.StateBegin);
    EXPECT_EQ(Back->Src, R.Src);
    EXPECT_EQ(Back->Dst, R.Dst);
    EXPECT_EQ(Back->Length, R.Length);
    EXPECT_EQ(Back->Sh, R.Sh);
    EXPECT_EQ(Back->Rbf, R.Rbf);
  }
}

TEST(ShEdgesSerializer, DamagedBodies) {
  const Structure &S = load("5i55.cif");
  AnalysisManager AM;
  const ShEdgeFeatures &R = AM.getResult<ShEdgesAnalysis>(
      S, options(2, ShNormalization::Component, ShAxes::E3nn,
                 RadialKind::Gaussian, 4, 5.0));
  const uint64_t E = R.numEdges();
  auto Fresh = [&] { return written(R); };
  {
    ResultBuffer B = Fresh();
    B.erase("sh");
    EXPECT_NE(readError(B, S).find("sh"), std::string::npos);
  }
  {
    ResultBuffer B = Fresh(); // sh of lmax 1 while the attribute says 2
    B.erase("sh");
    ASSERT_FALSE(static_cast<bool>(
        B.write<float>("sh", std::vector<float>(E * 4), {E, 4})));
    EXPECT_NE(readError(B, S).find("'sh' has shape"), std::string::npos);
  }
  {
    ResultBuffer B = Fresh();
    B.erase("rbf");
    ASSERT_FALSE(static_cast<bool>(
        B.write<float>("rbf", std::vector<float>((E - 1) * 4), {E - 1, 4})));
    EXPECT_NE(readError(B, S).find("'rbf' has shape"), std::string::npos);
  }
  {
    ResultBuffer B = Fresh();
    B.eraseAttribute("axes");
    ASSERT_FALSE(static_cast<bool>(B.setAttribute("axes", "zxy")));
    EXPECT_NE(readError(B, S).find("unknown value 'zxy'"), std::string::npos);
  }
  {
    ResultBuffer B = Fresh();
    B.eraseAttribute("lmax");
    ASSERT_FALSE(static_cast<bool>(B.setAttribute("lmax", int64_t(40))));
    EXPECT_NE(readError(B, S).find("out of range"), std::string::npos);
  }
  {
    ResultBuffer B = Fresh();
    std::vector<uint32_t> Src = R.Src;
    Src[0] = static_cast<uint32_t>(S.numAtoms());
    B.erase("src");
    ASSERT_FALSE(static_cast<bool>(B.write<uint32_t>("src", Src)));
    EXPECT_NE(readError(B, S).find("beyond"), std::string::npos);
  }
  {
    ResultBuffer B = Fresh();
    std::vector<uint64_t> SB = R.StateBegin;
    SB.back() = E + 1;
    B.erase("state_begin");
    ASSERT_FALSE(static_cast<bool>(B.write<uint64_t>("state_begin", SB)));
    EXPECT_NE(readError(B, S).find("state_begin"), std::string::npos);
  }
  {
    // Read against a structure with another number of models.
    ResultBuffer B = Fresh();
    EXPECT_NE(readError(B, load("1l2y.cif")).find("state_begin"),
              std::string::npos);
  }
}

} // namespace
