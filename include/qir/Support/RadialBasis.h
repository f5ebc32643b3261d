//===- RadialBasis.h - Radial basis of an edge length -----------*- C++ -*-===//
//
// N functions of a length r in [0, Cutoff], as e3nn 0.6's
// math.soft_one_hot_linspace(r, start=0, end=Cutoff, number=N, basis,
// cutoff=True). With N + 2 equally spaced points from 0 to Cutoff, the
// centres are the N inner ones, c_k = k h, h = Cutoff / (N + 1),
// k = 1..N, and d_k = (r - c_k) / h:
//
//   gaussian  exp(-d_k^2) / 1.12                      (no window)
//   cosine    cos(pi/2 d_k)          where -1 < d_k < 1, else 0
//   bessel    sqrt(2/Cutoff) sin(k pi r / Cutoff) / r where 0 < r < Cutoff,
//             else 0
//
// Evaluation takes a constant number of exp/sin/cos calls per length, not
// one per function: the gaussians as exp(-t^2) exp(2t)^k exp(-k^2) with
// t = r / h (or, where those factors would leave the double range, by the
// ratios of neighbouring terms from the nearest centre); the bessel sines by
// sin(k t) = 2 cos t sin((k-1) t) - sin((k-2) t); of the cosines at most two
// are non-zero.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SUPPORT_RADIALBASIS_H
#define QIR_SUPPORT_RADIALBASIS_H

#include <cstdint>
#include <vector>

namespace qir {

enum class RadialKind : uint8_t { Gaussian, Bessel, Cosine };

class RadialBasis {
public:
  RadialBasis(RadialKind Kind, unsigned N, double Cutoff);

  unsigned size() const { return N; }
  RadialKind kind() const { return Kind; }
  double cutoff() const { return Cutoff; }

  /// Write the size() values at length \p R to \p Out. Instantiated for
  /// float and double.
  template <typename T> void evaluate(double R, T *Out) const;

private:
  RadialKind Kind;
  unsigned N;
  double Cutoff, Step;
  /// Gaussians: exp(-k^2) / 1.12 for k = 1..N.
  std::vector<double> KSquared;
};

} // namespace qir

#endif // QIR_SUPPORT_RADIALBASIS_H
