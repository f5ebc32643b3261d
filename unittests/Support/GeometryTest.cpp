//===- GeometryTest.cpp - Tests for Support/Geometry.h --------------------===//
//
// The Eigen helpers must give the same bits as the scalar sums they
// replaced (x + y + z, left to right): print<frames>, print<dihedrals> and
// rotate are compared with mdtraj/gemmi at printed precision, and the
// store keeps their results verbatim.
//
//===----------------------------------------------------------------------===//
#include "qir/Support/Geometry.h"

#include "llvm/Support/MathExtras.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstring>
#include <random>

using namespace qir;

namespace {

bool sameBits(double A, double B) { return std::memcmp(&A, &B, 8) == 0; }

double scalarDot(const double *A, const double *B) {
  return A[0] * B[0] + A[1] * B[1] + A[2] * B[2];
}

TEST(GeometryTest, SumsLeftToRight) {
  std::mt19937_64 Gen(7);
  std::uniform_real_distribution<double> D(-60, 60);
  for (int N = 0; N < 20000; ++N) {
    Vec3 A(D(Gen), D(Gen), D(Gen)), B(D(Gen), D(Gen), D(Gen));
    Mat3 M, U;
    for (int I = 0; I < 9; ++I) {
      M.data()[I] = D(Gen);
      U.data()[I] = D(Gen);
    }
    ASSERT_TRUE(sameBits(A.dot(B), scalarDot(A.data(), B.data())));
    ASSERT_TRUE(sameBits(A.norm(), std::sqrt(scalarDot(A.data(), A.data()))));
    Vec3 C = A.cross(B);
    ASSERT_TRUE(sameBits(C[0], A[1] * B[2] - A[2] * B[1]));
    ASSERT_TRUE(sameBits(C[1], A[2] * B[0] - A[0] * B[2]));
    ASSERT_TRUE(sameBits(C[2], A[0] * B[1] - A[1] * B[0]));
    for (int I = 0; I < 3; ++I) {
      const double *Row = M.data() + 3 * I;
      ASSERT_TRUE(
          sameBits(M.row(I).dot(A.transpose()), scalarDot(Row, A.data())));
      for (int J = 0; J < 3; ++J)
        ASSERT_TRUE(
            sameBits(M.row(I).dot(U.row(J)), scalarDot(Row, U.data() + 3 * J)));
    }
  }
}

TEST(GeometryTest, Dihedral) {
  const Vec3 P0(1, 0, 0), P1(0, 0, 0), P2(0, 0, 1);
  auto OnCircle = [](double Deg) {
    double R = Deg * llvm::numbers::pi / 180;
    return Vec3(std::cos(R), std::sin(R), 1);
  };
  for (double Deg : {60.0, -60.0, 120.0, -150.0, 179.0})
    EXPECT_NEAR(dihedralDegrees(P0, P1, P2, OnCircle(Deg)), Deg, 1e-9);
  EXPECT_EQ(dihedralDegrees(P0, P1, P2, Vec3(1, 0, 1)), 0.0);
  EXPECT_EQ(dihedralDegrees(P0, P1, P2, Vec3(-1, -0.0, 1)), 180.0);
  EXPECT_TRUE(std::isnan(dihedralDegrees(P0, P1, P2, Vec3(NAN, 0, 1))));
}

TEST(GeometryTest, GramSchmidtFrame) {
  Mat3 R;
  ASSERT_TRUE(gramSchmidtFrame(Vec3(1, 1, 1), Vec3(3, 1, 1), Vec3(2, 4, 1), R));
  EXPECT_TRUE(R.isApprox(Mat3::Identity(), 1e-15));
  // Off-axis: orthonormal and right-handed, x along origin -> XPoint.
  Vec3 O(0.5, -2, 3), X(2, 1, 0.25), P(-1, 0.3, 4);
  ASSERT_TRUE(gramSchmidtFrame(O, X, P, R));
  EXPECT_TRUE((R.transpose() * R).isApprox(Mat3::Identity(), 1e-12));
  EXPECT_NEAR(R.determinant(), 1.0, 1e-12);
  EXPECT_TRUE(R.col(0).isApprox((X - O).normalized(), 1e-12));
  EXPECT_GT(R.col(1).dot(P - O), 0);
  EXPECT_NEAR(R.col(2).dot(P - O), 0, 1e-12);
  // Degenerate: coincident points, or collinear ones.
  EXPECT_FALSE(gramSchmidtFrame(O, O, P, R));
  EXPECT_FALSE(gramSchmidtFrame(O, X, O + 2 * (X - O), R));
}

TEST(GeometryTest, AxisAngleRotation) {
  Mat3 R = axisAngleRotation(Vec3(0, 0, 1), llvm::numbers::pi / 2);
  EXPECT_TRUE((R * Vec3(1, 0, 0)).isApprox(Vec3(0, 1, 0), 1e-15));
  Vec3 Axis = Vec3(1, 2, 3).normalized();
  R = axisAngleRotation(Axis, 0.7);
  EXPECT_TRUE((R * Axis).isApprox(Axis, 1e-14));
  EXPECT_NEAR(R.determinant(), 1.0, 1e-14);
  EXPECT_TRUE(R.isApprox(Mat3(Eigen::AngleAxisd(0.7, Axis)), 1e-14));
}

} // namespace
