//===- RadialBasis.cpp - Radial basis of an edge length -------------------===//
//
// Gaussians: with t = r / h the functions are exp(-(t - k)^2) / 1.12 for
// k = 1..N, that is exp(-t^2) exp(2t)^k (exp(-k^2) / 1.12), the last factor
// tabulated. Where exp(-t^2) or exp(2t)^N would leave the double range
// (long lengths, many functions), the terms are walked from the centre K0
// nearest to t instead: the ratio of a term to the next one up is
// exp(2 (t - k) - 1), and each ratio is exp(-2) times the one before;
// likewise downwards with exp(-2 (t - k) - 1). The terms shrink away from
// K0, so underflow only ever flushes terms that are zero to double
// precision anyway.
//
//===----------------------------------------------------------------------===//
#include "qir/Support/RadialBasis.h"

#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <cmath>

using namespace qir;

static constexpr double GaussianNorm = 1.12; // e3nn's constant

RadialBasis::RadialBasis(RadialKind Kind, unsigned N, double Cutoff)
    : Kind(Kind), N(N), Cutoff(Cutoff), Step(Cutoff / (N + 1)) {
  if (Kind == RadialKind::Gaussian)
    for (unsigned K = 1; K <= N; ++K)
      KSquared.push_back(std::exp(-double(K) * K) / GaussianNorm);
}

template <typename T> void RadialBasis::evaluate(double R, T *Out) const {
  const double Tn = R / Step; // r in units of h: centre k sits at k
  switch (Kind) {
  case RadialKind::Gaussian: {
    if (!std::isfinite(Tn)) {
      for (unsigned K = 0; K < N; ++K)
        Out[K] = 0;
      return;
    }
    // exp(-(t - k)^2) = exp(-t^2) exp(2t)^k exp(-k^2): two exp calls and
    // one multiplication per function, while no factor can overflow or
    // underflow (t^2 and 2 t N below 700; always so for lengths within the
    // cutoff and N <= 36).
    if (Tn * Tn < 700 && 2 * std::fabs(Tn) * N < 700) {
      const double B = std::exp(2 * Tn);
      double P = std::exp(-Tn * Tn);
      const double *C = KSquared.data();
      for (unsigned K = 0; K < N; ++K) {
        P *= B;
        Out[K] = static_cast<T>(P * C[K]);
      }
      return;
    }
    // Otherwise from the centre K0 nearest to t outwards, by the ratios of
    // neighbouring terms.
    double Near = std::round(Tn);
    long K0 = static_cast<long>(std::clamp(Near, 1.0, double(N)));
    double D0 = Tn - double(K0);
    double E0 = std::exp(-D0 * D0) * (1 / GaussianNorm);
    Out[K0 - 1] = static_cast<T>(E0);
    const double Q = std::exp(-2.0);
    double Up = std::exp(2 * D0 - 1), Down = Q / Up, E = E0;
    for (long K = K0 + 1; K <= long(N); ++K) {
      E *= Up;
      Up *= Q;
      Out[K - 1] = static_cast<T>(E);
    }
    E = E0;
    for (long K = K0 - 1; K >= 1; --K) {
      E *= Down;
      Down *= Q;
      Out[K - 1] = static_cast<T>(E);
    }
    return;
  }
  case RadialKind::Cosine: {
    for (unsigned K = 0; K < N; ++K)
      Out[K] = 0;
    if (!(Tn > 0) || !(Tn < N + 1))
      return;
    // Centres floor(t) and floor(t) + 1 are the only ones with |d| < 1.
    double F = std::floor(Tn), Frac = Tn - F;
    long K1 = static_cast<long>(F);
    if (K1 >= 1 && K1 <= long(N))
      Out[K1 - 1] = static_cast<T>(std::cos(llvm::numbers::pi / 2 * Frac));
    if (Frac > 0 && K1 + 1 <= long(N))
      Out[K1] = static_cast<T>(
          std::sin(llvm::numbers::pi / 2 * Frac)); // cos(pi/2 (f-1))
    return;
  }
  case RadialKind::Bessel: {
    if (!(R > 0) || !(R < Cutoff)) {
      for (unsigned K = 0; K < N; ++K)
        Out[K] = 0;
      return;
    }
    const double Th = llvm::numbers::pi * R / Cutoff;
    const double Pre = std::sqrt(2 / Cutoff) / R, TwoCos = 2 * std::cos(Th);
    double S1 = std::sin(Th), S2 = 0; // sin(k t), sin((k-1) t)
    for (unsigned K = 1; K <= N; ++K) {
      Out[K - 1] = static_cast<T>(Pre * S1);
      double S = TwoCos * S1 - S2;
      S2 = S1;
      S1 = S;
    }
    return;
  }
  }
}

namespace qir {
template void RadialBasis::evaluate(double, float *) const;
template void RadialBasis::evaluate(double, double *) const;
} // namespace qir
