//===- CellList.cpp - Sparse cell list over points in Morton order --------===//
#include "qir/Support/CellList.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

using namespace qir;
using namespace llvm;

/// Spread the low 21 bits of \p V so that bit i lands at bit 3i.
static uint64_t spreadBits(uint64_t V) {
  V &= 0x1fffff;
  V = (V | V << 32) & 0x1f00000000ffffULL;
  V = (V | V << 16) & 0x1f0000ff0000ffULL;
  V = (V | V << 8) & 0x100f00f00f00f00fULL;
  V = (V | V << 4) & 0x10c30c30c30c30c3ULL;
  V = (V | V << 2) & 0x1249249249249249ULL;
  return V;
}

uint64_t CellList::mortonCode(uint32_t X, uint32_t Y, uint32_t Z) {
  return spreadBits(X) | spreadBits(Y) << 1 | spreadBits(Z) << 2;
}

/// Gather every third bit of \p V (bit 3i to bit i): spreadBits inverted.
static uint32_t compactBits(uint64_t V) {
  V &= 0x1249249249249249ULL;
  V = (V ^ (V >> 2)) & 0x10c30c30c30c30c3ULL;
  V = (V ^ (V >> 4)) & 0x100f00f00f00f00fULL;
  V = (V ^ (V >> 8)) & 0x1f0000ff0000ffULL;
  V = (V ^ (V >> 16)) & 0x1f00000000ffffULL;
  V = (V ^ (V >> 32)) & 0x1fffffULL;
  return static_cast<uint32_t>(V);
}

std::array<uint32_t, 3> CellList::mortonDecode(uint64_t Code) {
  return {compactBits(Code), compactBits(Code >> 1), compactBits(Code >> 2)};
}

static constexpr uint32_t MaxCellCoord = (1u << 21) - 1;

/// Whether point \p P has three finite coordinates. Others (NaN: an atom a
/// state lacks) are left out of the list.
static bool finitePoint(const float *P) {
  return std::isfinite(P[0]) && std::isfinite(P[1]) && std::isfinite(P[2]);
}

/// Integer cell coordinate of \p V along one axis. Done in double, where
/// V - Lo is exact for floats, the same way for building and querying.
static double cellCoord(double V, double Lo, double CellSize) {
  return std::floor((V - Lo) / CellSize);
}

CellList CellList::build(ArrayRef<float> XYZ, float CellSize) {
  CellList L;
  L.CellSize = CellSize > 0 && std::isfinite(CellSize) ? CellSize : 1;
  size_t N = XYZ.size() / 3;
  Point Lo = {std::numeric_limits<float>::max(),
              std::numeric_limits<float>::max(),
              std::numeric_limits<float>::max()};
  bool Any = false;
  for (size_t I = 0; I < N; ++I) {
    const float *P = &XYZ[3 * I];
    if (!finitePoint(P))
      continue;
    Any = true;
    for (int D = 0; D < 3; ++D)
      Lo[D] = std::min(Lo[D], P[D]);
  }
  if (!Any) {
    L.CellBegin.push_back(0);
    return L;
  }
  L.Origin = Lo;
  // Extents beyond 2^21 cells (absurd for the cell size) are clamped: the
  // last cell along an axis holds everything past it, and queries near it
  // visit it (forEachWithin), so results stay exact, only slower.
  std::vector<std::pair<uint64_t, uint32_t>> Keyed;
  Keyed.reserve(N);
  for (size_t I = 0; I < N; ++I) {
    const float *P = &XYZ[3 * I];
    if (!finitePoint(P))
      continue;
    uint32_t C[3];
    for (int D = 0; D < 3; ++D) {
      double Cell = cellCoord(P[D], Lo[D], L.CellSize);
      C[D] = static_cast<uint32_t>(std::min<double>(Cell, MaxCellCoord));
    }
    Keyed.emplace_back(mortonCode(C[0], C[1], C[2]), static_cast<uint32_t>(I));
  }
  llvm::sort(Keyed); // by cell, then by point index: deterministic
  L.Order.reserve(Keyed.size());
  for (size_t I = 0; I < Keyed.size(); ++I) {
    if (I == 0 || Keyed[I].first != Keyed[I - 1].first) {
      L.CellKeys.push_back(Keyed[I].first);
      L.CellBegin.push_back(static_cast<uint32_t>(I));
    }
    L.Order.push_back(Keyed[I].second);
  }
  L.CellBegin.push_back(static_cast<uint32_t>(Keyed.size()));
  return L;
}

CellList CellList::fromParts(Point Origin, float CellSize,
                             std::vector<uint32_t> Order,
                             std::vector<uint64_t> CellKeys,
                             std::vector<uint32_t> CellBegin) {
  CellList L;
  L.Origin = Origin;
  L.CellSize = CellSize;
  L.Order = std::move(Order);
  L.CellKeys = std::move(CellKeys);
  L.CellBegin = std::move(CellBegin);
  return L;
}

std::string CellList::verify(size_t NumPoints) const {
  if (!(CellSize > 0) || !std::isfinite(CellSize))
    return "cell size is not a positive number";
  for (float O : Origin)
    if (!std::isfinite(O))
      return "origin is not finite";
  if (CellBegin.size() != CellKeys.size() + 1)
    return "cell offsets do not match the cell count";
  if (CellBegin.front() != 0 || CellBegin.back() != Order.size())
    return "cell offsets do not cover the atom order";
  for (size_t C = 0; C + 1 < CellBegin.size(); ++C)
    if (CellBegin[C] >= CellBegin[C + 1])
      return "cell " + std::to_string(C) + " is empty or reversed";
  for (size_t C = 1; C < CellKeys.size(); ++C)
    if (CellKeys[C - 1] >= CellKeys[C])
      return "cell keys are not strictly ascending";
  if (!CellKeys.empty() && CellKeys.back() >> 63)
    return "cell key is not a Morton code of 21-bit coordinates";
  std::vector<bool> Seen(NumPoints);
  for (uint32_t I : Order) {
    if (I >= NumPoints)
      return "atom index " + std::to_string(I) + " out of range";
    if (Seen[I])
      return "atom index " + std::to_string(I) + " listed twice";
    Seen[I] = true;
  }
  return "";
}

int64_t CellList::findCell(uint64_t Key) const {
  auto It = std::lower_bound(CellKeys.begin(), CellKeys.end(), Key);
  if (It == CellKeys.end() || *It != Key)
    return -1;
  return It - CellKeys.begin();
}

void CellList::forEachWithin(ArrayRef<float> XYZ, Point Q, float Radius,
                             function_ref<void(uint32_t, float)> Fn) const {
  // NaN fails every comparison: a NaN radius or query finds nothing.
  if (Order.empty() || !(Radius >= 0) || !finitePoint(Q.data()))
    return;
  float R2 = Radius * Radius;
  auto Visit = [&](size_t C) {
    for (uint32_t K = CellBegin[C]; K < CellBegin[C + 1]; ++K) {
      uint32_t I = Order[K];
      const float *P = &XYZ[3 * I];
      float DX = P[0] - Q[0], DY = P[1] - Q[1], DZ = P[2] - Q[2];
      float D2 = DX * DX + DY * DY + DZ * DZ;
      if (D2 <= R2)
        Fn(I, D2);
    }
  };
  // The box of cells that may hold a point within the radius. The float
  // distance test above may accept a point a rounding error beyond the
  // radius, so the box is padded by a relative margin; visiting a cell too
  // many costs time, never a wrong answer. Bounds are clamped into the
  // grid before the integer conversion: a query beyond the last cell still
  // visits it, since build() clamps far points into it.
  int64_t Lo[3], Hi[3];
  for (int D = 0; D < 3; ++D) {
    double Center = Q[D];
    double Pad =
        1e-5 * (double(Radius) + std::fabs(Center - Origin[D])) + 1e-30;
    double L = cellCoord(Center - Radius - Pad, Origin[D], CellSize);
    double H = cellCoord(Center + Radius + Pad, Origin[D], CellSize);
    if (H < 0)
      return; // entirely below the grid (all points are >= Origin)
    // (an infinite radius clamps to the whole grid)
    Lo[D] = static_cast<int64_t>(std::clamp<double>(L, 0, MaxCellCoord));
    Hi[D] = static_cast<int64_t>(std::clamp<double>(H, 0, MaxCellCoord));
  }
  // Many more cells in the box than non-empty cells: scan the list.
  uint64_t Box =
      uint64_t(Hi[0] - Lo[0] + 1) * (Hi[1] - Lo[1] + 1) * (Hi[2] - Lo[2] + 1);
  if (Box > CellKeys.size()) {
    for (size_t C = 0; C < CellKeys.size(); ++C)
      Visit(C);
    return;
  }
  for (int64_t X = Lo[0]; X <= Hi[0]; ++X)
    for (int64_t Y = Lo[1]; Y <= Hi[1]; ++Y)
      for (int64_t Z = Lo[2]; Z <= Hi[2]; ++Z) {
        int64_t C = findCell(mortonCode(X, Y, Z));
        if (C >= 0)
          Visit(C);
      }
}

void CellList::forEachPair(
    ArrayRef<float> XYZ, float Radius, function_ref<bool(uint32_t)> Keep,
    function_ref<void(uint32_t, uint32_t, float)> Fn) const {
  if (Order.empty() || !(Radius >= 0))
    return;
  // The float test may reject a pair a rounding error inside the radius:
  // pad it; callers that need the exact boundary test again.
  const float R = Radius + Radius * 1e-5f;
  const float R2 = R * R;

  // The kept points, cell by cell, as contiguous coordinates: the pair
  // loops below then read memory in order.
  const size_t NC = numCells();
  std::vector<float> PX, PY, PZ;
  std::vector<uint32_t> Id, Begin(NC + 1);
  PX.reserve(Order.size());
  PY.reserve(Order.size());
  PZ.reserve(Order.size());
  Id.reserve(Order.size());
  for (size_t C = 0; C < NC; ++C) {
    Begin[C] = static_cast<uint32_t>(Id.size());
    for (uint32_t K = CellBegin[C]; K < CellBegin[C + 1]; ++K) {
      uint32_t I = Order[K];
      if (!Keep(I))
        continue;
      PX.push_back(XYZ[3 * I]);
      PY.push_back(XYZ[3 * I + 1]);
      PZ.push_back(XYZ[3 * I + 2]);
      Id.push_back(I);
    }
  }
  Begin[NC] = static_cast<uint32_t>(Id.size());

  auto Within = [&](size_t C) {
    for (uint32_t A = Begin[C]; A < Begin[C + 1]; ++A)
      for (uint32_t B = A + 1; B < Begin[C + 1]; ++B) {
        float DX = PX[B] - PX[A], DY = PY[B] - PY[A], DZ = PZ[B] - PZ[A];
        float D2 = DX * DX + DY * DY + DZ * DZ;
        if (D2 <= R2)
          Fn(Id[A], Id[B], D2);
      }
  };
  auto Between = [&](size_t C, size_t D) {
    for (uint32_t A = Begin[C]; A < Begin[C + 1]; ++A) {
      const float X = PX[A], Y = PY[A], Z = PZ[A];
      for (uint32_t B = Begin[D]; B < Begin[D + 1]; ++B) {
        float DX = PX[B] - X, DY = PY[B] - Y, DZ = PZ[B] - Z;
        float D2 = DX * DX + DY * DY + DZ * DZ;
        if (D2 <= R2)
          Fn(Id[A], Id[B], D2);
      }
    }
  };

  std::vector<std::array<uint32_t, 3>> Coord(NC);
  bool Clamped = false;
  for (size_t C = 0; C < NC; ++C) {
    Coord[C] = mortonDecode(CellKeys[C]);
    Clamped |= Coord[C][0] == MaxCellCoord || Coord[C][1] == MaxCellCoord ||
               Coord[C][2] == MaxCellCoord;
  }
  // Squared gap between two cells |D| cells apart along each axis.
  auto Gap2 = [&](int64_t DX, int64_t DY, int64_t DZ) {
    double G = 0;
    for (int64_t V : {DX, DY, DZ}) {
      double Cells = std::max<int64_t>(0, std::abs(V) - 1);
      G += Cells * CellSize * Cells * CellSize;
    }
    return G;
  };

  // The half shell: offsets after (0, 0, 0) in lexicographic order whose
  // cells can hold a point within the radius.
  const double Reach = std::ceil(double(R) / CellSize);
  const int64_t K = Reach < 64 ? static_cast<int64_t>(Reach) : 64;
  std::vector<std::array<int64_t, 3>> Shell;
  if (!Clamped && Reach < 64 &&
      (2 * K + 1) * (2 * K + 1) * (2 * K + 1) < int64_t(2 * NC + 2)) {
    for (int64_t DX = 0; DX <= K; ++DX)
      for (int64_t DY = DX ? -K : 0; DY <= K; ++DY)
        for (int64_t DZ = (DX || DY) ? -K : 1; DZ <= K; ++DZ)
          if (Gap2(DX, DY, DZ) <= double(R2))
            Shell.push_back({DX, DY, DZ});
  } else {
    // Radius large against the grid (or far points clamped into its last
    // cells): every pair of cells, pruned by their gap.
    for (size_t C = 0; C < NC; ++C) {
      Within(C);
      for (size_t D = C + 1; D < NC; ++D) {
        int64_t DX = int64_t(Coord[D][0]) - Coord[C][0],
                DY = int64_t(Coord[D][1]) - Coord[C][1],
                DZ = int64_t(Coord[D][2]) - Coord[C][2];
        if (Clamped || Gap2(DX, DY, DZ) <= double(R2))
          Between(C, D);
      }
    }
    return;
  }
  for (size_t C = 0; C < NC; ++C) {
    if (Begin[C] == Begin[C + 1])
      continue;
    Within(C);
    for (const std::array<int64_t, 3> &O : Shell) {
      int64_t X = Coord[C][0] + O[0], Y = Coord[C][1] + O[1],
              Z = Coord[C][2] + O[2];
      if (X < 0 || Y < 0 || Z < 0 || X > MaxCellCoord || Y > MaxCellCoord ||
          Z > MaxCellCoord)
        continue;
      int64_t D = findCell(mortonCode(X, Y, Z));
      if (D >= 0)
        Between(C, D);
    }
  }
}
