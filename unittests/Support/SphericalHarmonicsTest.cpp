//===- SphericalHarmonicsTest.cpp - Real spherical harmonics --------------===//
//
// Orthonormality of the integral normalization on a product quadrature
// (Gauss-Legendre in cos theta times uniform in phi, exact for the degree
// of every product Y_l^m Y_l'^m' with l, l' <= LMax), the sums over m of
// each normalization (the addition theorem), entries of the published table
// written out by hand, e3nn's l <= 1 blocks, e3nn's axes as a permutation
// of the standard ones, and the explicit LMax <= 3 polynomials against the
// general recurrence.
//
//===----------------------------------------------------------------------===//
#include "qir/Support/SphericalHarmonics.h"

#include "gtest/gtest.h"

#include <array>
#include <cmath>
#include <random>
#include <vector>

using namespace qir;

namespace {

constexpr double Pi = 3.14159265358979323846;

/// Gauss-Legendre nodes and weights on [-1, 1] by Newton's method on P_n.
void gaussLegendre(unsigned N, std::vector<double> &X, std::vector<double> &W) {
  X.resize(N);
  W.resize(N);
  for (unsigned I = 0; I < N; ++I) {
    double T = std::cos(Pi * (I + 0.75) / (N + 0.5)), DP = 0;
    for (int Iter = 0; Iter < 100; ++Iter) {
      double P0 = 1, P1 = T; // P_{k-1}, P_k
      for (unsigned K = 2; K <= N; ++K) {
        double P2 = ((2.0 * K - 1) * T * P1 - (K - 1.0) * P0) / K;
        P0 = P1;
        P1 = P2;
      }
      DP = N * (T * P1 - P0) / (T * T - 1);
      double Dx = P1 / DP;
      T -= Dx;
      if (std::fabs(Dx) < 1e-16)
        break;
    }
    X[I] = T;
    W[I] = 2 / ((1 - T * T) * DP * DP);
  }
}

std::array<double, 3> randomUnit(std::mt19937_64 &Rng) {
  std::normal_distribution<double> G;
  double X = G(Rng), Y = G(Rng), Z = G(Rng),
         R = std::sqrt(X * X + Y * Y + Z * Z);
  return {X / R, Y / R, Z / R};
}

const ShNormalization Norms[] = {ShNormalization::Component,
                                 ShNormalization::Norm,
                                 ShNormalization::Integral};
const ShAxes AllAxes[] = {ShAxes::E3nn, ShAxes::Standard};

/// Integral over the sphere of Y_i Y_j, i, j < (LMax+1)^2, for every pair.
std::vector<double> gram(const SphericalHarmonics &SH) {
  const unsigned LMax = SH.lmax(), NV = SH.size();
  // Products have degree <= 2 LMax: Gauss-Legendre with LMax + 1 nodes is
  // exact to degree 2 LMax + 1 in cos theta, and 2 LMax + 2 equally spaced
  // phi are exact for the trigonometric degree 2 LMax.
  std::vector<double> Z, W;
  gaussLegendre(LMax + 1, Z, W);
  const unsigned NPhi = 2 * LMax + 2;
  std::vector<double> G(NV * NV, 0.0), Y(NV);
  for (unsigned I = 0; I < Z.size(); ++I)
    for (unsigned J = 0; J < NPhi; ++J) {
      double Phi = 2 * Pi * J / NPhi, S = std::sqrt(1 - Z[I] * Z[I]);
      SH.evaluate(S * std::cos(Phi), S * std::sin(Phi), Z[I], Y.data());
      double Wt = W[I] * 2 * Pi / NPhi;
      for (unsigned A = 0; A < NV; ++A)
        for (unsigned B = 0; B < NV; ++B)
          G[A * NV + B] += Wt * Y[A] * Y[B];
    }
  return G;
}

TEST(SphericalHarmonicsTest, IntegralIsOrthonormal) {
  double Worst = 0;
  for (unsigned LMax = 0; LMax <= 6; ++LMax)
    for (ShAxes Ax : AllAxes) {
      SphericalHarmonics SH(LMax, ShNormalization::Integral, Ax);
      std::vector<double> G = gram(SH);
      const unsigned NV = SH.size();
      for (unsigned A = 0; A < NV; ++A)
        for (unsigned B = 0; B < NV; ++B) {
          double Err = std::fabs(G[A * NV + B] - (A == B ? 1.0 : 0.0));
          Worst = std::max(Worst, Err);
          EXPECT_LT(Err, 1e-10) << "lmax " << LMax << " " << A << " " << B;
        }
    }
  std::printf("orthonormality: max |G - I| = %.3g\n", Worst);
}

TEST(SphericalHarmonicsTest, ComponentAndNormGram) {
  // component = sqrt(4 pi) integral, norm = component / sqrt(2l+1).
  for (ShAxes Ax : AllAxes) {
    SphericalHarmonics C(6, ShNormalization::Component, Ax);
    SphericalHarmonics N(6, ShNormalization::Norm, Ax);
    std::vector<double> GC = gram(C), GN = gram(N);
    const unsigned NV = C.size();
    for (unsigned L = 0, A = 0; L <= 6; ++L)
      for (int M = -int(L); M <= int(L); ++M, ++A) {
        EXPECT_NEAR(GC[A * NV + A], 4 * Pi, 1e-10);
        EXPECT_NEAR(GN[A * NV + A], 4 * Pi / (2 * L + 1), 1e-10);
      }
  }
}

TEST(SphericalHarmonicsTest, SumOverM) {
  // Addition theorem: sum_m (Y_l^m)^2 = (2l+1)/(4 pi) on unit vectors, here
  // up to the largest LMax, which exercises the recurrence's stability.
  std::mt19937_64 Rng(7);
  const unsigned LMax = SphericalHarmonics::MaxLMax;
  for (ShNormalization Nm : Norms)
    for (ShAxes Ax : AllAxes) {
      SphericalHarmonics SH(LMax, Nm, Ax);
      std::vector<double> Y(SH.size());
      for (int Trial = 0; Trial < 200; ++Trial) {
        auto U = randomUnit(Rng);
        SH.evaluate(U[0], U[1], U[2], Y.data());
        for (unsigned L = 0; L <= LMax; ++L) {
          double Sum = 0;
          for (int M = -int(L); M <= int(L); ++M)
            Sum += Y[SphericalHarmonics::index(L, M)] *
                   Y[SphericalHarmonics::index(L, M)];
          double Want = Nm == ShNormalization::Component ? 2 * L + 1.0
                        : Nm == ShNormalization::Norm    ? 1.0
                                                      : (2 * L + 1) / (4 * Pi);
          EXPECT_NEAR(Sum, Want, 1e-11 * Want) << "l " << L;
        }
      }
    }
}

TEST(SphericalHarmonicsTest, TableEntries) {
  // Wikipedia, "Table of spherical harmonics", real spherical harmonics
  // (r = 1), a selection for l = 0..3.
  SphericalHarmonics SH(3, ShNormalization::Integral, ShAxes::Standard);
  std::mt19937_64 Rng(1);
  double Y[16];
  for (int Trial = 0; Trial < 50; ++Trial) {
    auto [X, Yv, Z] = randomUnit(Rng);
    SH.evaluate(X, Yv, Z, Y);
    EXPECT_NEAR(Y[0], 0.5 * std::sqrt(1 / Pi), 1e-15);
    EXPECT_NEAR(Y[1], std::sqrt(3 / (4 * Pi)) * Yv, 1e-15);
    EXPECT_NEAR(Y[2], std::sqrt(3 / (4 * Pi)) * Z, 1e-15);
    EXPECT_NEAR(Y[3], std::sqrt(3 / (4 * Pi)) * X, 1e-15);
    EXPECT_NEAR(Y[4], 0.5 * std::sqrt(15 / Pi) * X * Yv, 1e-15);
    EXPECT_NEAR(Y[6], 0.25 * std::sqrt(5 / Pi) * (3 * Z * Z - 1), 1e-15);
    EXPECT_NEAR(Y[8], 0.25 * std::sqrt(15 / Pi) * (X * X - Yv * Yv), 1e-15);
    EXPECT_NEAR(Y[9],
                0.25 * std::sqrt(35 / (2 * Pi)) * (3 * X * X - Yv * Yv) * Yv,
                1e-15);
    EXPECT_NEAR(Y[12], 0.25 * std::sqrt(7 / Pi) * (5 * Z * Z * Z - 3 * Z),
                1e-15);
    EXPECT_NEAR(Y[13], 0.25 * std::sqrt(21 / (2 * Pi)) * X * (5 * Z * Z - 1),
                1e-15);
    EXPECT_NEAR(Y[15],
                0.25 * std::sqrt(35 / (2 * Pi)) * X * (X * X - 3 * Yv * Yv),
                1e-15);
  }
}

TEST(SphericalHarmonicsTest, E3nnLowBlocks) {
  // e3nn component normalization: Y^0 = 1, Y^1 = sqrt(3) (x, y, z).
  SphericalHarmonics SH(1, ShNormalization::Component, ShAxes::E3nn);
  std::mt19937_64 Rng(2);
  double Y[4];
  for (int Trial = 0; Trial < 50; ++Trial) {
    auto U = randomUnit(Rng);
    SH.evaluate(U[0], U[1], U[2], Y);
    EXPECT_NEAR(Y[0], 1.0, 1e-15);
    for (int I = 0; I < 3; ++I)
      EXPECT_NEAR(Y[1 + I], std::sqrt(3.0) * U[I], 1e-15);
  }
  // And e3nn's l = 2 middle function, sqrt(5) (y^2 - (x^2 + z^2) / 2).
  SphericalHarmonics SH2(2, ShNormalization::Component, ShAxes::E3nn);
  double Y2[9];
  auto U = randomUnit(Rng);
  SH2.evaluate(U[0], U[1], U[2], Y2);
  EXPECT_NEAR(
      Y2[6], std::sqrt(5.0) * (U[1] * U[1] - 0.5 * (U[0] * U[0] + U[2] * U[2])),
      1e-14);
}

TEST(SphericalHarmonicsTest, E3nnIsPermutedStandard) {
  std::mt19937_64 Rng(3);
  for (unsigned LMax : {2u, 6u, 9u})
    for (ShNormalization Nm : Norms) {
      SphericalHarmonics E(LMax, Nm, ShAxes::E3nn);
      SphericalHarmonics S(LMax, Nm, ShAxes::Standard);
      std::vector<double> YE(E.size()), YS(S.size());
      for (int Trial = 0; Trial < 50; ++Trial) {
        auto U = randomUnit(Rng);
        E.evaluate(U[0], U[1], U[2], YE.data());
        S.evaluate(U[2], U[0], U[1], YS.data());
        for (unsigned I = 0; I < E.size(); ++I)
          EXPECT_NEAR(YE[I], YS[I], 1e-13);
      }
    }
}

TEST(SphericalHarmonicsTest, ExplicitPathMatchesRecurrence) {
  std::mt19937_64 Rng(4);
  for (unsigned LMax = 0; LMax <= 3; ++LMax)
    for (ShNormalization Nm : Norms)
      for (ShAxes Ax : AllAxes) {
        SphericalHarmonics SH(LMax, Nm, Ax);
        double A[16], B[16];
        float AF[16], BF[16];
        for (int Trial = 0; Trial < 200; ++Trial) {
          auto U = randomUnit(Rng);
          double Len = 0.5 + Trial * 0.05; // not normalized on input
          SH.evaluate(U[0] * Len, U[1] * Len, U[2] * Len, A);
          SH.evaluateRecurrence(U[0] * Len, U[1] * Len, U[2] * Len, B);
          SH.evaluate(U[0], U[1], U[2], AF);
          SH.evaluateRecurrence(U[0], U[1], U[2], BF);
          for (unsigned I = 0; I < SH.size(); ++I) {
            EXPECT_NEAR(A[I], B[I], 1e-14);
            EXPECT_NEAR(AF[I], BF[I], 1e-6);
          }
        }
      }
}

TEST(SphericalHarmonicsTest, ZeroVector) {
  for (unsigned LMax : {3u, 5u}) {
    SphericalHarmonics SH(LMax, ShNormalization::Component, ShAxes::E3nn);
    std::vector<float> Y(SH.size(), 99.0f);
    SH.evaluate(0.0, 0.0, 0.0, Y.data());
    EXPECT_EQ(Y[0], 1.0f);
    for (unsigned I = 1; I < SH.size(); ++I)
      EXPECT_EQ(Y[I], 0.0f);
  }
}

} // namespace
