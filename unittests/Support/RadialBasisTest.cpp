//===- RadialBasisTest.cpp - Radial basis of an edge length ---------------===//
//
// Every function evaluated one by one from its definition (e3nn's
// soft_one_hot_linspace with cutoff=True), against the recurrences of
// RadialBasis, over lengths that include 0, the centres, the cutoff and
// beyond.
//
//===----------------------------------------------------------------------===//
#include "qir/Support/RadialBasis.h"

#include "gtest/gtest.h"

#include <cmath>
#include <vector>

using namespace qir;

namespace {

constexpr double Pi = 3.14159265358979323846;

double direct(RadialKind Kind, unsigned N, double C, unsigned K, double R) {
  double H = C / (N + 1), Centre = K * H, D = (R - Centre) / H;
  switch (Kind) {
  case RadialKind::Gaussian:
    return std::exp(-D * D) / 1.12;
  case RadialKind::Cosine:
    return -1 < D && D < 1 ? std::cos(Pi / 2 * D) : 0.0;
  case RadialKind::Bessel:
    return 0 < R / C && R / C < 1
               ? std::sqrt(2 / C) * std::sin(K * Pi * R / C) / R
               : 0.0;
  }
  return 0;
}

TEST(RadialBasisTest, MatchesDefinition) {
  for (RadialKind Kind :
       {RadialKind::Gaussian, RadialKind::Cosine, RadialKind::Bessel})
    for (unsigned N : {1u, 2u, 3u, 8u, 16u, 40u})
      for (double C : {5.0, 3.5, 12.0}) {
        RadialBasis B(Kind, N, C);
        ASSERT_EQ(B.size(), N);
        std::vector<double> Out(N);
        std::vector<double> Rs = {0.0, C, C * 1.2, 1e-3};
        for (int I = 0; I <= 400; ++I)
          Rs.push_back(C * I / 400.0 * 0.999 + 0.37 * C / 400);
        for (unsigned K = 0; K <= N + 1; ++K)
          Rs.push_back(K * C / (N + 1)); // the centres and both ends
        for (double R : Rs) {
          B.evaluate(R, Out.data());
          for (unsigned K = 1; K <= N; ++K) {
            double Want = direct(Kind, N, C, K, R);
            // Bessel values grow like 1/r: relative tolerance.
            EXPECT_NEAR(Out[K - 1], Want,
                        1e-12 * std::max(1.0, std::fabs(Want)))
                << "kind " << int(Kind) << " N " << N << " C " << C << " r "
                << R << " k " << K;
          }
        }
      }
}

TEST(RadialBasisTest, Float) {
  RadialBasis B(RadialKind::Gaussian, 8, 5.0);
  float F[8];
  double D[8];
  B.evaluate(2.345, F);
  B.evaluate(2.345, D);
  for (int K = 0; K < 8; ++K)
    EXPECT_EQ(F[K], static_cast<float>(D[K]));
}

} // namespace
