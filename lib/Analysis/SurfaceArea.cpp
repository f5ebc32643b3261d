//===- SurfaceArea.cpp - Exposed area of a union of spheres ---------------===//
//
// Both methods follow FreeSASA 2.1.2 (sasa_lr.c, sasa_sr.c) operation for
// operation where it decides a result: slab heights are accumulated as
// z += delta from zi - R - delta/2, arcs are (beta - alpha, beta + alpha)
// wrapped into [0, 2 pi) with beta = atan2(dy, dx) + pi, test points are
// scaled then translated, and a point on a neighbour's surface is buried.
// What differs is only work that cannot change a value: the direction
// beta of each neighbour is computed once per sphere instead of once per
// slab, neighbours are listed once (FreeSASA's cell scan lists some pairs
// twice), and a slab only looks at the neighbours whose z-extent covers it.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/SurfaceArea.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

using namespace qir;
using namespace llvm;

static constexpr double TwoPi = 2 * numbers::pi;

SphereNeighbors qir::buildSphereNeighbors(
    const SphereSet &Sp,
    function_ref<void(function_ref<void(uint32_t, uint32_t)>)> Candidates) {
  const size_t N = Sp.size();
  SphereNeighbors Nb;
  // Intersecting pairs (row, neighbour), then a counting sort into rows.
  std::vector<std::pair<uint32_t, uint32_t>> Pairs;
  Pairs.reserve(N * 16);
  Candidates([&](uint32_t I, uint32_t J) {
    if (I == J)
      return;
    const double *A = &Sp.XYZ[3 * I], *B = &Sp.XYZ[3 * J];
    double Dx = B[0] - A[0], Dy = B[1] - A[1], Dz = B[2] - A[2];
    double Cut = Sp.Radius[I] + Sp.Radius[J];
    if (!(Dx * Dx + Dy * Dy + Dz * Dz < Cut * Cut))
      return;
    if (Dx == 0 && Dy == 0 && Dz == 0 && Sp.Radius[I] == Sp.Radius[J]) {
      // The same sphere twice: the later one is hidden by the earlier and
      // does not occlude it.
      uint32_t Lo = std::min(I, J), Hi = std::max(I, J);
      Pairs.emplace_back(Hi, Lo);
      Nb.Coincident.emplace_back(Lo, Hi);
      return;
    }
    Pairs.emplace_back(I, J);
    Pairs.emplace_back(J, I);
  });
  llvm::sort(Nb.Coincident);
  Nb.Coincident.erase(std::unique(Nb.Coincident.begin(), Nb.Coincident.end()),
                      Nb.Coincident.end());
  Nb.Hidden.assign(N, 0);
  for (const auto &C : Nb.Coincident)
    Nb.Hidden[C.second] = 1;
  Nb.Begin.assign(N + 1, 0);
  for (const auto &P : Pairs)
    ++Nb.Begin[P.first + 1];
  for (size_t I = 0; I < N; ++I)
    Nb.Begin[I + 1] += Nb.Begin[I];
  std::vector<uint32_t> Fill(Nb.Begin.begin(), Nb.Begin.end() - 1);
  Nb.Index.resize(Pairs.size());
  for (const auto &P : Pairs)
    Nb.Index[Fill[P.first]++] = P.second;
  return Nb;
}

/// Run \p Fn(begin, end) over [0, N) in chunks on up to \p Threads threads.
/// Chunks are claimed dynamically; every index is handled exactly once.
static void forChunks(size_t N, unsigned Threads,
                      function_ref<void(size_t, size_t)> Fn) {
  constexpr size_t Chunk = 128;
  const size_t NT =
      std::max<size_t>(1, std::min<size_t>(Threads, (N + Chunk - 1) / Chunk));
  if (NT == 1) {
    Fn(0, N);
    return;
  }
  std::atomic<size_t> Next{0};
  auto Work = [&] {
    for (;;) {
      size_t B = Next.fetch_add(Chunk);
      if (B >= N)
        return;
      Fn(B, std::min(N, B + Chunk));
    }
  };
  std::vector<std::thread> Pool;
  for (size_t T = 1; T < NT; ++T)
    Pool.emplace_back(Work);
  Work();
  for (std::thread &T : Pool)
    T.join();
}

//===----------------------------------------------------------------------===//
// Lee & Richards
//===----------------------------------------------------------------------===//

/// arccos within 1.4e-15 of the correctly rounded value (a few ulp) at a
/// quarter of libm's cost; arguments outside [-1, 1], which rounding can
/// produce for circles that barely touch, are clamped. asin(s) = s + s^3
/// P(s^2) on s^2 in [0, 1/4], P a degree-10 least-squares fit of
/// (asin(sqrt z) - sqrt z) / z^1.5 at 600 Chebyshev nodes (40-digit
/// reference values); acos(x) = pi/2 - asin(x) for |x| <= 1/2, and
/// 2 asin(sqrt((1 - |x|) / 2)) reflected for larger |x|.
static double fastAcos(double X) {
  auto AsinTail = [](double Z) {
    double P = 0.0280013697597437;
    for (double C :
         {-0.006986123861611865, 0.015532997579534278, 0.010263622227949656,
          0.014145592253152822, 0.017336678810642072, 0.022373044542395883,
          0.030381916163837584, 0.044642857603960744, 0.07499999999708898,
          0.16666666666666963})
      P = P * Z + C;
    return P;
  };
  double A = std::fabs(X);
  if (A <= 0.5)
    return numbers::pi / 2 - (X + X * (X * X) * AsinTail(X * X));
  if (A >= 1)
    return X > 0 ? 0.0 : numbers::pi;
  double Z = (1 - A) / 2, S = std::sqrt(Z);
  double Half = S + S * Z * AsinTail(Z);
  return X > 0 ? 2 * Half : numbers::pi - 2 * Half;
}

namespace {

/// One neighbour of the sphere being sliced, with everything that does not
/// depend on the slab.
struct LrNeighbor {
  double ZLo, ZHi; ///< z-extent (open): slabs outside it skip the neighbour
  double Z, R, Dxy, Beta;
};

/// Sum of the parts of [0, 2 pi) that no arc covers; arcs are [start, end]
/// pairs that do not wrap. Sorted by start (insertion sort: lists are
/// short), then swept.
double exposedArcLength(MutableArrayRef<std::pair<double, double>> Arcs) {
  if (Arcs.empty())
    return TwoPi;
  for (size_t I = 1; I < Arcs.size(); ++I) {
    std::pair<double, double> T = Arcs[I];
    size_t J = I;
    for (; J > 0 && Arcs[J - 1].first > T.first; --J)
      Arcs[J] = Arcs[J - 1];
    Arcs[J] = T;
  }
  double Sum = Arcs[0].first, Sup = Arcs[0].second;
  for (size_t I = 1; I < Arcs.size(); ++I) {
    if (Sup < Arcs[I].first)
      Sum += Arcs[I].first - Sup;
    if (Arcs[I].second > Sup)
      Sup = Arcs[I].second;
  }
  return Sum + TwoPi - Sup;
}

} // namespace

std::vector<double> qir::leeRichardsAreas(const SphereSet &Sp,
                                          const SphereNeighbors &Nb,
                                          unsigned Slices, unsigned Threads) {
  const size_t N = Sp.size();
  std::vector<double> Area(N, 0.0);
  if (Slices == 0)
    return Area;
  forChunks(N, Threads, [&](size_t Begin, size_t End) {
    SmallVector<LrNeighbor, 64> Near;
    SmallVector<double, 64> SlabZ;
    SmallVector<uint32_t, 64> SlabBegin;
    SmallVector<uint32_t, 512> SlabNear;
    SmallVector<std::pair<double, double>, 128> Arcs;
    SmallVector<std::pair<const LrNeighbor *, double>, 64> Cuts;
    for (size_t I = Begin; I < End; ++I) {
      if (Nb.Hidden[I])
        continue;
      const double *P = &Sp.XYZ[3 * I];
      const double Zi = P[2], Ri = Sp.Radius[I];
      const double Delta = 2 * Ri / Slices;
      // Slab heights, accumulated as FreeSASA does.
      SlabZ.resize(Slices);
      double Z = Zi - Ri - 0.5 * Delta;
      for (unsigned K = 0; K < Slices; ++K)
        SlabZ[K] = (Z += Delta);

      Near.clear();
      for (uint32_t J : Nb.of(I)) {
        const double *Q = &Sp.XYZ[3 * J];
        double Dx = Q[0] - P[0], Dy = Q[1] - P[1];
        double Rj = Sp.Radius[J];
        Near.push_back({Q[2] - Rj, Q[2] + Rj, Q[2], Rj,
                        std::sqrt(Dx * Dx + Dy * Dy),
                        std::atan2(Dy, Dx) + numbers::pi});
      }
      // Arcs are centred on Beta: neighbours in Beta order give arcs almost
      // in the order the union sweep sorts them into (any order gives the
      // same sums).
      llvm::sort(Near, [](const LrNeighbor &A, const LrNeighbor &B) {
        return A.Beta < B.Beta;
      });
      // Which neighbours each slab may meet: those whose z-extent, widened
      // by a hair, holds the slab height (the exact test follows).
      SlabBegin.assign(Slices + 1, 0);
      auto slabRange = [&](const LrNeighbor &J) {
        unsigned Lo =
            std::lower_bound(SlabZ.begin(), SlabZ.end(), J.ZLo - 1e-9) -
            SlabZ.begin();
        unsigned Hi =
            std::upper_bound(SlabZ.begin(), SlabZ.end(), J.ZHi + 1e-9) -
            SlabZ.begin();
        return std::make_pair(Lo, Hi);
      };
      for (const LrNeighbor &J : Near) {
        auto [Lo, Hi] = slabRange(J);
        for (unsigned K = Lo; K < Hi; ++K)
          ++SlabBegin[K + 1];
      }
      for (unsigned K = 0; K < Slices; ++K)
        SlabBegin[K + 1] += SlabBegin[K];
      SlabNear.resize(SlabBegin[Slices]);
      {
        SmallVector<uint32_t, 64> Fill(SlabBegin.begin(), SlabBegin.end() - 1);
        for (uint32_t JI = 0; JI < Near.size(); ++JI) {
          auto [Lo, Hi] = slabRange(Near[JI]);
          for (unsigned K = Lo; K < Hi; ++K)
            SlabNear[Fill[K]++] = JI;
        }
      }

      double Sum = 0;
      int LastBurier = -1;
      for (unsigned K = 0; K < Slices; ++K) {
        const double Z = SlabZ[K];
        const double Di = std::fabs(Zi - Z);
        const double Ri2 = Ri * Ri - Di * Di;
        if (Ri2 < 0)
          continue;
        const double Rip = std::sqrt(Ri2);
        if (Rip <= 0)
          continue;
        // First find out whether a neighbour buries the whole slab circle
        // (then no arc matters), keeping the circles that cut it. The
        // neighbour that buried the previous slab is tried first: it
        // usually buries this one too.
        auto buries = [&](const LrNeighbor &J) {
          const double Dj = std::fabs(J.Z - Z);
          if (!(Dj < J.R) || J.Dxy >= Rip + J.R)
            return false;
          const double Rjp = std::sqrt(J.R * J.R - Dj * Dj);
          return J.Dxy < Rip + Rjp &&
                 (J.Dxy + Rip < Rjp || (J.Dxy == 0 && Rip == Rjp));
        };
        if (LastBurier >= 0 && buries(Near[LastBurier]))
          continue;
        Cuts.clear();
        bool Buried = false;
        for (uint32_t S = SlabBegin[K]; S < SlabBegin[K + 1]; ++S) {
          const LrNeighbor &J = Near[SlabNear[S]];
          const double Dj = std::fabs(J.Z - Z);
          if (!(Dj < J.R))
            continue;
          const double Dij = J.Dxy;
          // The slab circle of j is at most R: too far even then (exact,
          // since sqrt(R*R - d*d) <= R in floating point).
          if (Dij >= Rip + J.R)
            continue;
          const double Rj2 = J.R * J.R - Dj * Dj;
          const double Rjp = std::sqrt(Rj2);
          if (Dij >= Rip + Rjp)
            continue; // circles apart
          if (Dij + Rip < Rjp || (Dij == 0 && Rip == Rjp)) {
            // Circle i inside circle j; or concentric circles of equal
            // radius (FreeSASA: NaN), where j's circle covers this one.
            Buried = true;
            LastBurier = SlabNear[S];
            break;
          }
          if (Dij + Rjp < Rip)
            continue; // circle j inside circle i
          Cuts.push_back({&J, Rj2});
        }
        if (Buried)
          continue;
        // Arcs that wrap through 0 are split as FreeSASA splits them; of
        // the pieces starting at 0 only the longest, and of those ending at
        // 2 pi only the earliest, can change the sweep's sums, so only
        // those two join the arcs to sort.
        Arcs.clear();
        double FrontSup = -1, BackInf = TwoPi + 1;
        for (const auto &[J, Rj2] : Cuts) {
          const double Dij = J->Dxy;
          const double Alpha =
              fastAcos((Ri2 + Dij * Dij - Rj2) / (2.0 * Rip * Dij));
          double Inf = J->Beta - Alpha, Sup = J->Beta + Alpha;
          if (Inf < 0)
            Inf += TwoPi;
          if (Sup > TwoPi)
            Sup -= TwoPi;
          if (Sup < Inf) {
            FrontSup = std::max(FrontSup, Sup);
            BackInf = std::min(BackInf, Inf);
          } else {
            Arcs.emplace_back(Inf, Sup);
          }
        }
        if (FrontSup >= 0) {
          Arcs.insert(Arcs.begin(), {0.0, FrontSup});
          Arcs.emplace_back(BackInf, TwoPi);
        }
        Sum += Delta * Ri * exposedArcLength(Arcs);
      }
      Area[I] = Sum;
    }
  });
  return Area;
}

//===----------------------------------------------------------------------===//
// Shrake & Rupley
//===----------------------------------------------------------------------===//

std::vector<std::array<double, 3>> qir::goldenSpiralPoints(unsigned N) {
  std::vector<std::array<double, 3>> P(N);
  const double DLong = numbers::pi * (3 - std::sqrt(5.0)), Dz = 2.0 / N;
  double Longitude = 0, Z = 1 - Dz / 2;
  for (unsigned K = 0; K < N; ++K) {
    double R = std::sqrt(1 - Z * Z);
    P[K] = {std::cos(Longitude) * R, std::sin(Longitude) * R, Z};
    Z -= Dz;
    Longitude += DLong;
  }
  return P;
}

std::vector<double> qir::shrakeRupleyAreas(const SphereSet &Sp,
                                           const SphereNeighbors &Nb,
                                           unsigned Points, unsigned Threads) {
  const size_t N = Sp.size();
  std::vector<double> Area(N, 0.0);
  if (Points == 0)
    return Area;
  const std::vector<std::array<double, 3>> Unit = goldenSpiralPoints(Points);
  forChunks(N, Threads, [&](size_t Begin, size_t End) {
    struct Occluder {
      double X, Y, Z, R2;
    };
    SmallVector<Occluder, 64> Occ;
    for (size_t I = Begin; I < End; ++I) {
      if (Nb.Hidden[I])
        continue;
      const double *P = &Sp.XYZ[3 * I];
      const double Ri = Sp.Radius[I];
      Occ.clear();
      for (uint32_t J : Nb.of(I)) {
        const double *Q = &Sp.XYZ[3 * J];
        Occ.push_back({Q[0], Q[1], Q[2], Sp.Radius[J] * Sp.Radius[J]});
      }
      // A point is tested against the occluder that buried the previous
      // point first: neighbouring points of the spiral are usually buried
      // by the same sphere.
      size_t Last = 0;
      unsigned Free = 0;
      for (const std::array<double, 3> &U : Unit) {
        const double X = U[0] * Ri + P[0], Y = U[1] * Ri + P[1],
                     Z = U[2] * Ri + P[2];
        auto Inside = [&](const Occluder &O) {
          double Dx = X - O.X, Dy = Y - O.Y, Dz = Z - O.Z;
          return Dx * Dx + Dy * Dy + Dz * Dz <= O.R2;
        };
        if (!Occ.empty() && Inside(Occ[Last]))
          continue;
        size_t K = 0;
        for (; K < Occ.size(); ++K)
          if (Inside(Occ[K]))
            break;
        if (K == Occ.size())
          ++Free;
        else
          Last = K;
      }
      Area[I] = (4.0 * numbers::pi * Ri * Ri * Free) / Points;
    }
  });
  return Area;
}
