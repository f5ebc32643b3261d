//===- SphericalHarmonics.h - Real spherical harmonics ----------*- C++ -*-===//
//
// The real spherical harmonics Y_l^m of a direction, l = 0..LMax and
// m = -l..l, laid out in blocks of increasing l, Y_l^m at index
// l*l + l + m: (LMax + 1)^2 values.
//
// axes=standard: z is the polar axis, and the functions are the real
// spherical harmonics of Wikipedia's "Table of spherical harmonics" (real
// section). With theta, phi the polar and azimuthal angles and N_lm =
// sqrt((2l+1)/(4 pi) (l-m)!/(l+m)!):
//
//   Y_l^0  = N_l0 P_l(cos theta)
//   Y_l^m  = sqrt(2) N_lm P_l^m(cos theta) cos(m phi)     m > 0
//   Y_l^-m = sqrt(2) N_lm P_l^m(cos theta) sin(m phi)     m > 0
//
// where P_l^m carries no Condon-Shortley phase: the table defines the real
// functions from the complex ones (which have the phase) with an extra
// (-1)^m, and the two cancel, so that every tabulated real function has a
// positive leading coefficient: Y_1^1 = sqrt(3/(4 pi)) x,
// Y_3^-3 = 1/4 sqrt(35/(2 pi)) (3x^2 - y^2) y.
//
// axes=e3nn: e3nn 0.6's o3.spherical_harmonics, whose polar axis is y. It
// equals the table evaluated at (x', y', z') = (z, x, y), with no sign
// changes: checked numerically against e3nn's own polynomials for every
// l <= 6. Its l = 1 block is sqrt(3) (x, y, z) in component normalization.
//
// Normalizations (e3nn's names), on unit vectors:
//   integral   orthonormal on the sphere (the table as is)
//   component  sqrt(4 pi) times integral: sum_m (Y_l^m)^2 = 2l + 1
//   norm       component / sqrt(2l + 1): sum_m (Y_l^m)^2 = 1
//
// Evaluation needs no trigonometric function: with the unit vector's
// components, (x + i y)^m = sin^m(theta) e^{i m phi} by repeated complex
// multiplication, and P_l^m(z) / sin^m(theta), a polynomial in z, comes from
// the three-term recurrence in l of the normalized associated Legendre
// functions, whose coefficients are tabulated once per LMax. It is the
// recurrence that stays stable for large l.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SUPPORT_SPHERICALHARMONICS_H
#define QIR_SUPPORT_SPHERICALHARMONICS_H

#include <cstdint>
#include <vector>

namespace qir {

enum class ShNormalization : uint8_t { Component, Norm, Integral };
enum class ShAxes : uint8_t { E3nn, Standard };

class SphericalHarmonics {
public:
  /// The largest LMax supported (scratch space is on the stack).
  static constexpr unsigned MaxLMax = 32;

  SphericalHarmonics(unsigned LMax, ShNormalization Norm, ShAxes Axes);

  unsigned lmax() const { return LMax; }
  /// Number of values per direction: (LMax + 1)^2.
  unsigned size() const { return (LMax + 1) * (LMax + 1); }
  static unsigned index(unsigned L, int M) { return L * L + L + M; }

  /// Write the size() values of direction (\p X, \p Y, \p Z), which need
  /// not be normalized, to \p Out. The zero vector gives Y_0^0 and zeros
  /// (as e3nn, which normalizes it to the zero vector, whose polynomials of
  /// degree l >= 1 vanish). Instantiated for float and double.
  template <typename T>
  void evaluate(double X, double Y, double Z, T *Out) const;

  /// The same through the general recurrence, never the explicit
  /// polynomials that evaluate() uses for LMax <= 3 (for tests).
  template <typename T>
  void evaluateRecurrence(double X, double Y, double Z, T *Out) const;

private:
  unsigned LMax;
  ShAxes Axes;
  /// Per l: the normalization's factor relative to integral.
  std::vector<double> Scale;
  /// Recurrence coefficients, in the order evaluate() walks them: for m =
  /// 0..LMax, the seed P(m, m), then for l = m+1..LMax the pair (A, B) of
  /// P(l, m) = A z P(l-1, m) - B P(l-2, m), with P the normalized
  /// functions including sqrt(2) for m > 0, all divided by sin^m(theta).
  std::vector<double> Coef;
  /// Scale[l] folded into the constants of the explicit lmax <= 3 path.
  double C0, C1, C2[5], C3[7];
};

} // namespace qir

#endif // QIR_SUPPORT_SPHERICALHARMONICS_H
