//===- SphericalHarmonics.cpp - Real spherical harmonics ------------------===//
//
// The recurrence (all functions divided by sin^m(theta), so that they are
// polynomials in z = cos theta; P(l, m) includes N_lm, and sqrt(2) for
// m > 0):
//
//   P(0, 0)     = 1 / sqrt(4 pi)
//   P(1, 1)     = sqrt(3 / (4 pi))
//   P(m, m)     = sqrt((2m + 1) / (2m)) P(m-1, m-1)                 m >= 2
//   P(m+1, m)   = sqrt(2m + 3) z P(m, m)
//   P(l, m)     = A z P(l-1, m) - B P(l-2, m)                  l >= m + 2
//     A = sqrt((4 l^2 - 1) / (l^2 - m^2))
//     B = sqrt(((l-1)^2 - m^2) (2l + 1) / ((2l - 3) (l^2 - m^2)))
//
// which follow from (l - m) P_l^m = (2l - 1) z P_l-1^m - (l + m - 1)
// P_l-2^m and P_m^m = (2m - 1)!! sin^m(theta) by taking the ratios of the
// N_lm. Then Y_l^0 = P(l, 0), Y_l^m = P(l, m) Re (x + iy)^m and
// Y_l^-m = P(l, m) Im (x + iy)^m.
//
// For LMax <= 3 the explicit polynomials of the table are used instead (a
// unit test holds them to the recurrence).
//
//===----------------------------------------------------------------------===//
#include "qir/Support/SphericalHarmonics.h"

#include "llvm/Support/MathExtras.h"

#include <cassert>
#include <cmath>

using namespace qir;

SphericalHarmonics::SphericalHarmonics(unsigned LMax, ShNormalization Norm,
                                       ShAxes Axes)
    : LMax(LMax), Axes(Axes) {
  assert(LMax <= MaxLMax && "LMax beyond the supported range");
  Scale.resize(LMax + 1);
  for (unsigned L = 0; L <= LMax; ++L)
    Scale[L] = Norm == ShNormalization::Integral ? 1.0
               : Norm == ShNormalization::Component
                   ? std::sqrt(4 * llvm::numbers::pi)
                   : std::sqrt(4 * llvm::numbers::pi / (2 * L + 1));

  double Pmm = 0;
  for (unsigned M = 0; M <= LMax; ++M) {
    if (M == 0)
      Pmm = 1 / std::sqrt(4 * llvm::numbers::pi);
    else if (M == 1)
      Pmm = std::sqrt(3 / (4 * llvm::numbers::pi));
    else
      Pmm *= std::sqrt((2.0 * M + 1) / (2.0 * M));
    Coef.push_back(Pmm);
    for (unsigned L = M + 1; L <= LMax; ++L) {
      double LL = double(L) * L, MM = double(M) * M;
      Coef.push_back(std::sqrt((4 * LL - 1) / (LL - MM)));
      Coef.push_back(
          L == M + 1 ? 0.0
                     : std::sqrt(((L - 1.0) * (L - 1.0) - MM) * (2.0 * L + 1) /
                                 ((2.0 * L - 3) * (LL - MM))));
    }
  }

  // The table's constants for l <= 3, with the scale of each l.
  double S0 = Scale[0], S1 = LMax >= 1 ? Scale[1] : 0,
         S2 = LMax >= 2 ? Scale[2] : 0, S3 = LMax >= 3 ? Scale[3] : 0;
  C0 = 0.5 * std::sqrt(1 / llvm::numbers::pi) * S0;
  C1 = std::sqrt(3 / (4 * llvm::numbers::pi)) * S1;
  C2[0] = 0.5 * std::sqrt(15 / llvm::numbers::pi) * S2;        // xy, yz, xz
  C2[1] = 0.25 * std::sqrt(5 / llvm::numbers::pi) * S2;        // 3z^2 - 1
  C2[2] = 0.25 * std::sqrt(15 / llvm::numbers::pi) * S2;       // x^2 - y^2
  C3[0] = 0.25 * std::sqrt(35 / (2 * llvm::numbers::pi)) * S3; // m = +-3
  C3[1] = 0.5 * std::sqrt(105 / llvm::numbers::pi) * S3;       // xyz
  C3[2] = 0.25 * std::sqrt(21 / (2 * llvm::numbers::pi)) * S3; // m = +-1
  C3[3] = 0.25 * std::sqrt(7 / llvm::numbers::pi) * S3;        // m = 0
  C3[4] = 0.25 * std::sqrt(105 / llvm::numbers::pi) * S3;      // z (x^2 - y^2)
}

/// Unit vector in the table's frame, or false for the zero vector.
static inline bool tableFrame(ShAxes Axes, double &X, double &Y, double &Z) {
  double R2 = X * X + Y * Y + Z * Z;
  if (!(R2 > 0))
    return false;
  double Inv = 1 / std::sqrt(R2);
  double U = X * Inv, V = Y * Inv, W = Z * Inv;
  if (Axes == ShAxes::E3nn) {
    // e3nn's y is the table's z: (x', y', z') = (z, x, y).
    X = W;
    Y = U;
    Z = V;
  } else {
    X = U;
    Y = V;
    Z = W;
  }
  return true;
}

template <typename T>
void SphericalHarmonics::evaluateRecurrence(double X, double Y, double Z,
                                            T *Out) const {
  if (!tableFrame(Axes, X, Y, Z)) {
    Out[0] = static_cast<T>(Coef[0] * Scale[0]);
    for (unsigned I = 1; I < size(); ++I)
      Out[I] = 0;
    return;
  }
  const double *K = Coef.data();
  const double *Sc = Scale.data();
  double C = 1, S = 0; // (x + iy)^m
  for (unsigned M = 0; M <= LMax; ++M) {
    double P2 = 0, P1 = *K++;
    auto Put = [&](unsigned L, double P) {
      unsigned Mid = L * L + L;
      P *= Sc[L];
      if (M == 0) {
        Out[Mid] = static_cast<T>(P);
      } else {
        Out[Mid + M] = static_cast<T>(P * C);
        Out[Mid - M] = static_cast<T>(P * S);
      }
    };
    Put(M, P1);
    for (unsigned L = M + 1; L <= LMax; ++L, K += 2) {
      double P = K[0] * Z * P1 - K[1] * P2;
      P2 = P1;
      P1 = P;
      Put(L, P);
    }
    double NC = C * X - S * Y;
    S = C * Y + S * X;
    C = NC;
  }
}

template <typename T>
void SphericalHarmonics::evaluate(double X, double Y, double Z, T *Out) const {
  if (LMax > 3) {
    evaluateRecurrence(X, Y, Z, Out);
    return;
  }
  if (!tableFrame(Axes, X, Y, Z)) {
    Out[0] = static_cast<T>(C0);
    for (unsigned I = 1; I < size(); ++I)
      Out[I] = 0;
    return;
  }
  Out[0] = static_cast<T>(C0);
  if (LMax == 0)
    return;
  Out[1] = static_cast<T>(C1 * Y);
  Out[2] = static_cast<T>(C1 * Z);
  Out[3] = static_cast<T>(C1 * X);
  if (LMax == 1)
    return;
  const double XX = X * X, YY = Y * Y, ZZ = Z * Z;
  Out[4] = static_cast<T>(C2[0] * X * Y);
  Out[5] = static_cast<T>(C2[0] * Y * Z);
  Out[6] = static_cast<T>(C2[1] * (3 * ZZ - 1));
  Out[7] = static_cast<T>(C2[0] * X * Z);
  Out[8] = static_cast<T>(C2[2] * (XX - YY));
  if (LMax == 2)
    return;
  const double Z5 = 5 * ZZ - 1;
  Out[9] = static_cast<T>(C3[0] * Y * (3 * XX - YY));
  Out[10] = static_cast<T>(C3[1] * X * Y * Z);
  Out[11] = static_cast<T>(C3[2] * Y * Z5);
  Out[12] = static_cast<T>(C3[3] * Z * (5 * ZZ - 3));
  Out[13] = static_cast<T>(C3[2] * X * Z5);
  Out[14] = static_cast<T>(C3[4] * Z * (XX - YY));
  Out[15] = static_cast<T>(C3[0] * X * (XX - 3 * YY));
}

namespace qir {
template void SphericalHarmonics::evaluate(double, double, double,
                                           float *) const;
template void SphericalHarmonics::evaluate(double, double, double,
                                           double *) const;
template void SphericalHarmonics::evaluateRecurrence(double, double, double,
                                                     float *) const;
template void SphericalHarmonics::evaluateRecurrence(double, double, double,
                                                     double *) const;
} // namespace qir
