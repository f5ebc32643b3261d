//===- DsspSurface.cpp - DSSP's accessible surface ------------------------===//
//
// DSSP's own Shrake-Rupley variant, as mkdssp 4.2.2 computes it (float
// arithmetic where mkdssp uses float):
//
//   atoms      per residue (a DSSP row), the atoms of the state in file
//              order: N, CA, C and O (the last of each name, as HBonds.h)
//              and every other atom whose element is not "H" (deuterium
//              and the atoms of every altloc count), with radii N 1.65,
//              CA 1.87, C 1.76, O 1.4, others 1.8; probe 1.4
//   box        each residue's box holds every such atom occurrence grown by
//              its radius + 2 * 1.4; its "radius" is the box's largest edge
//              and its centre the box centre. Residues whose centres are
//              closer than the sum of their radii are neighbours (a residue
//              is its own neighbour)
//   dots       201 * 2 + 1 = 401 points of a Fibonacci sphere: latitude
//              asin(2i/401), longitude fmod(i, golden ratio) * 2 pi /
//              golden ratio, i = -200..200, each weighing 4 pi / 401
//   per atom   the atoms of neighbour residues whose box the atom's sphere
//              (its radius) touches are occluders when their centres are
//              closer than r + r' + 2.8 and not the same point (0.0001 A^2);
//              a dot at (r + 1.4) from the atom is free when it is outside
//              every occluder's sphere of r' + 1.4; the atom's area is the
//              free dots' weight times (r + 1.4)^2
//   residue    the sum over its atoms, N, CA, C, O, then the others in order
//
// Only the neighbour search differs from mkdssp's all-pairs loop: residue
// centres go into a cell list queried with the largest possible reach; the
// exact float test then decides. The order of occluders cannot change a
// result (a dot is free only when no occluder covers it).
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Dssp.h"

#include "qir/IR/Structure.h"
#include "qir/Support/CellList.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

using namespace qir;
using namespace llvm;

namespace {

struct SurfaceResidue {
  DsspPoint N, CA, C, O;
  SmallVector<DsspPoint, 12> Side;
  DsspPoint Box0, Box1;
  float Radius = 0;
  DsspPoint Center;

  void extend(const DsspPoint &P, float R) {
    for (int K = 0; K < 3; ++K) {
      if (Box0[K] > P[K] - R)
        Box0[K] = P[K] - R;
      if (Box1[K] < P[K] + R)
        Box1[K] = P[K] + R;
    }
  }
  bool touches(const DsspPoint &A, float R) const {
    return A[0] + R >= Box0[0] && A[0] - R <= Box1[0] && A[1] + R >= Box0[1] &&
           A[1] - R <= Box1[1] && A[2] + R >= Box0[2] && A[2] - R <= Box1[2];
  }
};

struct Occluder {
  DsspPoint Location; ///< relative to the atom
  double Radius2;     ///< (r' + 1.4)^2
  double Distance2;   ///< from the atom
};

float distanceSq(const DsspPoint &A, const DsspPoint &B) {
  return (A[0] - B[0]) * (A[0] - B[0]) + (A[1] - B[1]) * (A[1] - B[1]) +
         (A[2] - B[2]) * (A[2] - B[2]);
}

} // namespace

ArrayRef<DsspPoint> qir::dsspSurfaceDots() {
  static const std::vector<DsspPoint> Dots = [] {
    const int32_t N = 200;
    const auto P = 2 * N + 1;
    const float Golden = (1 + std::sqrt(5.0f)) / 2;
    std::vector<DsspPoint> Out;
    for (int32_t I = -N; I <= N; ++I) {
      float Lat = std::asin((2.0f * I) / P);
      float Lon =
          static_cast<float>(std::fmod(I, Golden) * 2 * numbers::pi / Golden);
      Out.push_back({std::sin(Lon) * std::cos(Lat),
                     std::cos(Lon) * std::cos(Lat), std::sin(Lat)});
    }
    return Out;
  }();
  return Dots;
}

double qir::dsspSurfaceDotWeight() {
  return (4 * numbers::pi) / static_cast<double>(dsspSurfaceDots().size());
}

namespace {
/// The dots in an order where each is near the one before (bands of
/// latitude, walked east and west in turn), so that the occluder that
/// covered one dot often covers the next. An atom's area depends only on
/// how many dots are free, not on their order: the same float weight is
/// added once per free dot.
ArrayRef<DsspPoint> coherentDots() {
  static const std::vector<DsspPoint> Dots = [] {
    std::vector<DsspPoint> Out(dsspSurfaceDots().begin(),
                               dsspSurfaceDots().end());
    const int Bands = 20;
    auto Band = [&](const DsspPoint &P) {
      return std::min(Bands - 1, int((P[2] + 1) / 2 * Bands));
    };
    auto Lon = [](const DsspPoint &P) { return std::atan2(P[1], P[0]); };
    std::stable_sort(Out.begin(), Out.end(),
                     [&](const DsspPoint &A, const DsspPoint &B) {
                       int BA = Band(A), BB = Band(B);
                       if (BA != BB)
                         return BA < BB;
                       return BA % 2 ? Lon(A) > Lon(B) : Lon(A) < Lon(B);
                     });
    return Out;
  }();
  return Dots;
}

/// dsspAtomSurface with its buffer kept between calls.
class AtomSurface {
public:
  /// Start an atom: clear the occluders.
  void begin(const DsspPoint &A, float Radius) {
    Atom = A;
    R = Radius;
    D = double(Radius) + DsspRadiusWater;
    Occ.clear();
  }
  /// Offer atoms \p Pos of radii \p Rad as occluders.
  void offer(ArrayRef<DsspPoint> Pos, ArrayRef<float> Rad) {
    for (size_t K = 0; K < Pos.size(); ++K) {
      double Dist = distanceSq(Atom, Pos[K]);
      double Ro = double(Rad[K]) + DsspRadiusWater;
      double Test = (D + Ro) * (D + Ro);
      if (Dist < Test && Dist > 0.0001)
        Occ.push_back(
            {{Pos[K][0] - Atom[0], Pos[K][1] - Atom[1], Pos[K][2] - Atom[2]},
             Ro * Ro,
             Dist});
    }
  }
  float area() {
    // Nearest first: they cover most dots (the result does not depend on
    // it).
    llvm::sort(Occ, [](const Occluder &A, const Occluder &B) {
      return A.Distance2 < B.Distance2;
    });
    const float Rw = R + DsspRadiusWater;
    const float Weight = static_cast<float>(dsspSurfaceDotWeight());
    float Surface = 0;
    // The occluder that covered the last covered dot is tried first: a
    // shortcut only, a dot is free exactly when no occluder covers it.
    size_t Last = 0;
    for (const DsspPoint &Dot : coherentDots()) {
      DsspPoint X = {Dot[0] * Rw, Dot[1] * Rw, Dot[2] * Rw};
      bool Free = true;
      if (Last < Occ.size() &&
          !(Occ[Last].Radius2 < distanceSq(X, Occ[Last].Location)))
        Free = false;
      for (size_t K = 0; Free && K < Occ.size(); ++K) {
        Free = Occ[K].Radius2 < distanceSq(X, Occ[K].Location);
        if (!Free)
          Last = K;
      }
      if (Free)
        Surface += Weight;
    }
    return Surface * Rw * Rw;
  }

private:
  DsspPoint Atom;
  float R = 0;
  double D = 0;
  std::vector<Occluder> Occ;
};
} // namespace

float qir::dsspAtomSurface(const DsspPoint &Atom, float Radius,
                           ArrayRef<DsspPoint> Others,
                           ArrayRef<float> OtherRadii) {
  AtomSurface A;
  A.begin(Atom, Radius);
  A.offer(Others, OtherRadii);
  return A.area();
}

std::vector<float> qir::dsspAccessibility(const Structure &S, size_t State,
                                          ArrayRef<uint32_t> Residues,
                                          unsigned Threads) {
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const size_t NR = Residues.size();
  const float Inf = std::numeric_limits<float>::max();
  const float Grow = 2 * DsspRadiusWater;

  std::vector<SurfaceResidue> Rs(NR);
  for (size_t I = 0; I < NR; ++I) {
    SurfaceResidue &SR = Rs[I];
    SR.Box0 = {Inf, Inf, Inf};
    SR.Box1 = {-Inf, -Inf, -Inf};
    const uint32_t R = Residues[I];
    for (uint32_t A = Res.AtomBegin[R]; A < Res.AtomEnd[R]; ++A) {
      if (!S.isPresent(State, A))
        continue;
      const DsspPoint P = S.position(State, A);
      const AtomName &Name = At.Name[A];
      if (Name == "CA") {
        SR.CA = P;
        SR.extend(P, DsspRadiusCA + Grow);
      } else if (Name == "C") {
        SR.C = P;
        SR.extend(P, DsspRadiusC + Grow);
      } else if (Name == "N") {
        SR.N = P;
        SR.extend(P, DsspRadiusN + Grow);
      } else if (Name == "O") {
        SR.O = P;
        SR.extend(P, DsspRadiusO + Grow);
      } else if (!At.Element[A].str().equals_insensitive("H")) {
        SR.Side.push_back(P);
        SR.extend(P, DsspRadiusSide + Grow);
      }
    }
    SR.Radius = SR.Box1[0] - SR.Box0[0];
    if (SR.Radius < SR.Box1[1] - SR.Box0[1])
      SR.Radius = SR.Box1[1] - SR.Box0[1];
    if (SR.Radius < SR.Box1[2] - SR.Box0[2])
      SR.Radius = SR.Box1[2] - SR.Box0[2];
    for (int K = 0; K < 3; ++K)
      SR.Center[K] = (SR.Box0[K] + SR.Box1[K]) / 2;
  }

  // Neighbour residues: centre distance < radius + radius'. Candidates
  // from a cell list of the centres, reach radius + the largest radius.
  std::vector<float> XYZ;
  XYZ.reserve(3 * NR);
  float MaxRadius = 0;
  for (const SurfaceResidue &SR : Rs) {
    XYZ.insert(XYZ.end(), SR.Center.begin(), SR.Center.end());
    MaxRadius = std::max(MaxRadius, SR.Radius);
  }
  CellList Cells = CellList::build(XYZ, std::max(MaxRadius, 1.0f));

  // Every residue's atoms in mkdssp's order (N, CA, C, O, others), with
  // their radii, contiguous.
  std::vector<DsspPoint> Pos;
  std::vector<float> Rad;
  std::vector<uint32_t> Begin(NR + 1, 0);
  for (size_t I = 0; I < NR; ++I) {
    const SurfaceResidue &SR = Rs[I];
    Pos.insert(Pos.end(), {SR.N, SR.CA, SR.C, SR.O});
    Rad.insert(Rad.end(),
               {DsspRadiusN, DsspRadiusCA, DsspRadiusC, DsspRadiusO});
    Pos.insert(Pos.end(), SR.Side.begin(), SR.Side.end());
    Rad.insert(Rad.end(), SR.Side.size(), DsspRadiusSide);
    Begin[I + 1] = static_cast<uint32_t>(Pos.size());
  }

  std::vector<float> Out(NR, 0);
  // Residues [From, To): each residue's value depends on nothing another
  // writes, so threads share the work without changing a result.
  auto Work = [&](size_t From, size_t To) {
    std::vector<uint32_t> Nb;
    AtomSurface Surface;
    for (size_t I = From; I < To; ++I) {
      const SurfaceResidue &SR = Rs[I];
      Nb.clear();
      Cells.forEachWithin(XYZ, SR.Center, (SR.Radius + MaxRadius) * 1.001f,
                          [&](uint32_t J, float) {
                            if (dsspDistance(SR.Center, Rs[J].Center) <
                                SR.Radius + Rs[J].Radius)
                              Nb.push_back(J);
                          });
      float Acc = 0;
      for (uint32_t A = Begin[I]; A < Begin[I + 1]; ++A) {
        Surface.begin(Pos[A], Rad[A]);
        for (uint32_t J : Nb)
          if (Rs[J].touches(Pos[A], Rad[A]))
            Surface.offer(
                ArrayRef<DsspPoint>(Pos).slice(Begin[J],
                                               Begin[J + 1] - Begin[J]),
                ArrayRef<float>(Rad).slice(Begin[J], Begin[J + 1] - Begin[J]));
        // mkdssp sums N + CA + C + O first, then adds the others in order.
        Acc += Surface.area();
      }
      Out[I] = Acc;
    }
  };
  const size_t NT = std::max<size_t>(1, std::min<size_t>(Threads, NR / 64));
  if (NT == 1) {
    Work(0, NR);
    return Out;
  }
  std::vector<std::thread> Pool;
  for (size_t T = 0; T < NT; ++T)
    Pool.emplace_back(Work, NR * T / NT, NR * (T + 1) / NT);
  for (std::thread &T : Pool)
    T.join();
  return Out;
}
