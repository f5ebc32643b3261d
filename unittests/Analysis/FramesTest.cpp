//===- FramesTest.cpp - frames analysis -----------------------------------===//
//
// backboneFrame() against frames worked out by hand (an axis-aligned
// residue, the same residue turned by a known rotation); the analysis on a
// hand-written PDB fragment whose frames are known (one residue lacking C
// gets the mask bit) and on every model of an NMR ensemble: orthonormal
// columns, det = +1, C on the +x axis and N in the xy-plane with y > 0 in
// frame coordinates; the persisted form.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Frames.h"
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/ResultBuffer.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstring>

using namespace qir;
using namespace llvm;

namespace {

using Vec = std::array<double, 3>;
using Mat = std::array<double, 9>;

void expectMat(const Mat &Got, const Mat &Want, double Tol = 1e-12) {
  for (int K = 0; K < 9; ++K)
    EXPECT_NEAR(Got[K], Want[K], Tol) << "element " << K;
}

TEST(BackboneFrame, AxisAligned) {
  // CA at (1, 2, 3), C 1.5 A along +x, N at (-0.5, 1.2, 0) from CA: the
  // part of N-CA orthogonal to x is (0, 1.2, 0), so y = +y and z = +z.
  Mat R;
  ASSERT_EQ(backboneFrame({0.5, 3.2, 3}, {1, 2, 3}, {2.5, 2, 3}, R), 0);
  expectMat(R, {1, 0, 0, 0, 1, 0, 0, 0, 1});
}

TEST(BackboneFrame, TurnedByAKnownRotation) {
  // The same residue turned by 90 degrees about z, (x, y, z) -> (-y, x, z),
  // then by 90 degrees about x, (x, y, z) -> (x, -z, y): the frame is that
  // rotation, column by column: x -> (0, 0, 1), y -> (-1, 0, 0),
  // z -> (0, -1, 0).
  auto Turn = [](Vec P) -> Vec {
    Vec Q = {-P[1], P[0], P[2]};
    return {Q[0], -Q[2], Q[1]};
  };
  Mat R;
  ASSERT_EQ(backboneFrame(Turn({-0.5, 1.2, 0}), Turn({0, 0, 0}),
                          Turn({1.5, 0, 0}), R),
            0);
  expectMat(R, {0, -1, 0, 0, 0, -1, 1, 0, 0});
}

TEST(BackboneFrame, Degenerate) {
  Mat R;
  EXPECT_EQ(backboneFrame({1, 0, 0}, {0, 0, 0}, {0, 0, 0}, R), FM_Degenerate);
  EXPECT_EQ(backboneFrame({-1, 0, 0}, {0, 0, 0}, {2, 0, 0}, R), FM_Degenerate);
}

std::string atomLine(int Serial, StringRef Name, int Seq, Vec P, StringRef El) {
  std::string S;
  raw_string_ostream OS(S);
  OS << format("ATOM  %5d %-4s ALA A%4d    %8.3f%8.3f%8.3f  1.00  0.00"
               "          %2s\n",
               Serial, Name.str().c_str(), Seq, P[0], P[1], P[2],
               El.str().c_str());
  return S;
}

TEST(Frames, HandWrittenFragment) {
  // Residue 1: CA (1, 2, 3), C (1, 2, 4.5): x = +z. N (1, 3, 3.2): N - CA
  // = (0, 1, 0.2), orthogonal part (0, 1, 0): y = +y; z = x cross y = -x.
  // Residue 2 has no C.
  std::string Pdb = atomLine(1, " N", 1, {1, 3, 3.2}, "N") +
                    atomLine(2, " CA", 1, {1, 2, 3}, "C") +
                    atomLine(3, " C", 1, {1, 2, 4.5}, "C") +
                    atomLine(4, " O", 1, {1, 1, 5.1}, "O") +
                    atomLine(5, " N", 2, {1, 2.4, 5.6}, "N") +
                    atomLine(6, " CA", 2, {1, 2.2, 7.0}, "C") + "END\n";
  auto S = io::readStructureBuffer(Pdb, "fragment.pdb");
  ASSERT_TRUE(static_cast<bool>(S)) << toString(S.takeError());
  AnalysisManager AM;
  const BackboneFrames &F = AM.getResult<FramesAnalysis>(*S);
  ASSERT_EQ(F.Residues.size(), 2u);
  EXPECT_EQ(F.Mask[0], 0);
  const float Want[9] = {0, 0, -1, 0, 1, 0, 1, 0, 0};
  for (int K = 0; K < 9; ++K)
    EXPECT_NEAR(F.Rot[K], Want[K], 1e-6) << K;
  EXPECT_EQ(F.Origin[0], 1.f);
  EXPECT_EQ(F.Origin[1], 2.f);
  EXPECT_EQ(F.Origin[2], 3.f);
  EXPECT_EQ(F.Mask[1], FM_NoC);
  EXPECT_TRUE(std::isnan(F.Rot[9]));
  EXPECT_EQ(F.Origin[5], 7.f); // CA is there

  std::string Text;
  raw_string_ostream OS(Text);
  FramesAnalysis::print(OS, *S, F, {});
  EXPECT_NE(Text.find("1\tA\t1\t.\tALA\t0\t1.000\t2.000\t3.000\t0.000000\t0."
                      "000000\t1.000000\t0.000000\t1.000000\t0.000000\t-1."
                      "000000\t0.000000\t0.000000\n"),
            std::string::npos)
      << Text;
  EXPECT_NE(Text.find("1\tA\t2\t.\tALA\t4\t1.000\t2.200\t7.000\t.\t.\t.\t.\t."
                      "\t.\t.\t.\t.\n"),
            std::string::npos)
      << Text;
}

TEST(Frames, ProperRotationsOnEveryModel) {
  auto S = io::readStructureFile(std::string(QIR_SOURCE_DIR) +
                                 "/test/Inputs/1l2y.cif");
  ASSERT_TRUE(static_cast<bool>(S)) << toString(S.takeError());
  AnalysisManager AM;
  const BackboneFrames &F = AM.getResult<FramesAnalysis>(*S);
  ASSERT_EQ(F.NumStates, 38u);
  ASSERT_EQ(F.Residues.size(), 20u);
  const AtomTable &At = S->atoms();
  size_t Frames = 0;
  for (size_t St = 0; St < F.NumStates; ++St)
    for (size_t Row = 0; Row < F.Residues.size(); ++Row) {
      size_t I = F.index(St, Row);
      ASSERT_EQ(F.Mask[I], 0);
      const float *M = &F.Rot[9 * I];
      auto Col = [&](int J) -> Vec { return {M[J], M[3 + J], M[6 + J]}; };
      auto Dot = [](Vec A, Vec B) {
        return A[0] * B[0] + A[1] * B[1] + A[2] * B[2];
      };
      for (int A = 0; A < 3; ++A)
        for (int B = 0; B < 3; ++B)
          EXPECT_NEAR(Dot(Col(A), Col(B)), A == B ? 1 : 0, 1e-6);
      double Det = M[0] * (double(M[4]) * M[8] - double(M[5]) * M[7]) -
                   M[1] * (double(M[3]) * M[8] - double(M[5]) * M[6]) +
                   M[2] * (double(M[3]) * M[7] - double(M[4]) * M[6]);
      EXPECT_NEAR(Det, 1, 1e-6);
      // Backbone atoms in frame coordinates: q = Rot^T (p - CA).
      uint32_t R = F.Residues[Row];
      auto Local = [&](StringRef Name) -> Vec {
        for (uint32_t A = S->residues().AtomBegin[R];
             A < S->residues().AtomEnd[R]; ++A)
          if (At.Name[A] == Name) {
            std::array<float, 3> P = S->position(St, A);
            Vec D = {P[0] - F.Origin[3 * I], P[1] - F.Origin[3 * I + 1],
                     P[2] - F.Origin[3 * I + 2]};
            return {Dot(Col(0), D), Dot(Col(1), D), Dot(Col(2), D)};
          }
        ADD_FAILURE() << "no " << Name.str();
        return {0, 0, 0};
      };
      Vec C = Local("C"), N = Local("N");
      EXPECT_GT(C[0], 1.4);
      EXPECT_NEAR(C[1], 0, 1e-5);
      EXPECT_NEAR(C[2], 0, 1e-5);
      EXPECT_GT(N[1], 0.5);
      EXPECT_NEAR(N[2], 0, 1e-5);
      ++Frames;
    }
  EXPECT_EQ(Frames, 38u * 20u);
}

TEST(Frames, PersistedForm) {
  auto S = io::readStructureFile(std::string(QIR_SOURCE_DIR) +
                                 "/test/Inputs/1ubq.cif");
  ASSERT_TRUE(static_cast<bool>(S));
  AnalysisManager AM;
  const BackboneFrames &F = AM.getResult<FramesAnalysis>(*S);
  ResultBuffer B;
  ASSERT_FALSE(static_cast<bool>(FramesAnalysis::write(B, F)));
  auto Back = FramesAnalysis::read(B, *S);
  ASSERT_TRUE(static_cast<bool>(Back)) << toString(Back.takeError());
  EXPECT_EQ(Back->Residues, F.Residues);
  EXPECT_EQ(Back->Mask, F.Mask);
  EXPECT_EQ(0, std::memcmp(Back->Rot.data(), F.Rot.data(), 4 * F.Rot.size()));
  EXPECT_EQ(0, std::memcmp(Back->Origin.data(), F.Origin.data(),
                           4 * F.Origin.size()));
  // A reflection is not a frame.
  std::vector<float> Rot = F.Rot;
  for (int K = 6; K < 9; ++K)
    Rot[K] = -Rot[K];
  B.erase("rot");
  ASSERT_FALSE(
      static_cast<bool>(B.write<float>("rot", Rot, {1, F.Residues.size(), 9})));
  auto Bad = FramesAnalysis::read(B, *S);
  ASSERT_FALSE(static_cast<bool>(Bad));
  EXPECT_NE(toString(Bad.takeError()).find("not a proper rotation"),
            std::string::npos);
}

} // namespace
