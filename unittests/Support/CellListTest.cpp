//===- CellListTest.cpp - Sparse Morton-ordered cell list -----------------===//
//
// Queries against a brute-force scan on random point sets for many radii
// (zero, below, at and beyond the cell edge), NaN points, degenerate sets
// (one point, all points identical), extents far beyond the 2^21-cell grid,
// Morton codes worked out by hand, and verify()/fromParts() on persisted
// parts, good and broken.
//
//===----------------------------------------------------------------------===//
#include "qir/Support/CellList.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace qir;
using namespace llvm;

namespace {

using Point = CellList::Point;

/// Indices of the points within \p R of \p Q, by the same float formula the
/// list uses, sorted.
std::vector<uint32_t> bruteForce(ArrayRef<float> XYZ, Point Q, float R) {
  std::vector<uint32_t> Out;
  for (uint32_t I = 0; I < XYZ.size() / 3; ++I) {
    const float *P = &XYZ[3 * I];
    if (std::isnan(P[0]) || std::isnan(P[1]) || std::isnan(P[2]))
      continue;
    float DX = P[0] - Q[0], DY = P[1] - Q[1], DZ = P[2] - Q[2];
    if (DX * DX + DY * DY + DZ * DZ <= R * R)
      Out.push_back(I);
  }
  return Out;
}

/// What the list reports, sorted; also checks the squared distances it
/// passes and that no point is reported twice.
std::vector<uint32_t> query(const CellList &L, ArrayRef<float> XYZ, Point Q,
                            float R) {
  std::vector<uint32_t> Out;
  L.forEachWithin(XYZ, Q, R, [&](uint32_t I, float D2) {
    const float *P = &XYZ[3 * I];
    float DX = P[0] - Q[0], DY = P[1] - Q[1], DZ = P[2] - Q[2];
    EXPECT_EQ(D2, DX * DX + DY * DY + DZ * DZ);
    Out.push_back(I);
  });
  std::sort(Out.begin(), Out.end());
  EXPECT_TRUE(std::adjacent_find(Out.begin(), Out.end()) == Out.end());
  return Out;
}

std::vector<float> randomPoints(std::mt19937 &Rng, size_t N, float Lo,
                                float Hi) {
  std::uniform_real_distribution<float> U(Lo, Hi);
  std::vector<float> XYZ(3 * N);
  for (float &V : XYZ)
    V = U(Rng);
  return XYZ;
}

/// Every point and a few random centres as queries, every radius.
void checkAgainstBruteForce(const CellList &L, ArrayRef<float> XYZ,
                            ArrayRef<float> Radii, std::mt19937 &Rng, float Lo,
                            float Hi) {
  std::vector<Point> Queries;
  for (size_t I = 0; I < XYZ.size() / 3; ++I)
    Queries.push_back({XYZ[3 * I], XYZ[3 * I + 1], XYZ[3 * I + 2]});
  std::uniform_real_distribution<float> U(Lo - 5, Hi + 5);
  for (int K = 0; K < 20; ++K)
    Queries.push_back({U(Rng), U(Rng), U(Rng)});
  for (float R : Radii)
    for (const Point &Q : Queries) {
      if (std::isnan(Q[0]) || std::isnan(Q[1]) || std::isnan(Q[2]))
        continue;
      ASSERT_EQ(query(L, XYZ, Q, R), bruteForce(XYZ, Q, R))
          << "radius " << R << " at " << Q[0] << "," << Q[1] << "," << Q[2];
    }
}

TEST(CellListTest, MortonCodesByHand) {
  EXPECT_EQ(CellList::mortonCode(0, 0, 0), 0u);
  EXPECT_EQ(CellList::mortonCode(1, 0, 0), 1u);
  EXPECT_EQ(CellList::mortonCode(0, 1, 0), 2u);
  EXPECT_EQ(CellList::mortonCode(0, 0, 1), 4u);
  EXPECT_EQ(CellList::mortonCode(1, 1, 1), 7u);
  EXPECT_EQ(CellList::mortonCode(2, 0, 0), 8u);
  EXPECT_EQ(CellList::mortonCode(0, 2, 0), 16u);
  EXPECT_EQ(CellList::mortonCode(0, 0, 2), 32u);
  // x = 011, y = 101, z = 110: bit i of x, y, z goes to 3i, 3i+1, 3i+2.
  // Level 0: x1 y1 z0 = 0b011; level 1: x1 y0 z1 = 0b101; level 2: x0 y1
  // z1 = 0b110. 3 + 5*8 + 6*64 = 427.
  EXPECT_EQ(CellList::mortonCode(3, 5, 6), 427u);
  const uint32_t Max = (1u << 21) - 1;
  EXPECT_EQ(CellList::mortonCode(Max, 0, 0), 0x1249249249249249ULL);
  EXPECT_EQ(CellList::mortonCode(0, Max, 0), 0x1249249249249249ULL << 1);
  EXPECT_EQ(CellList::mortonCode(0, 0, Max), 0x1249249249249249ULL << 2);
  EXPECT_EQ(CellList::mortonCode(Max, Max, Max), (uint64_t(1) << 63) - 1);
  // Only 21 bits per coordinate count.
  EXPECT_EQ(CellList::mortonCode(1u << 21, 0, 0), 0u);
  // Z-order: all of the octant (0..1)^3 comes before (2, 0, 0).
  EXPECT_LT(CellList::mortonCode(1, 1, 1), CellList::mortonCode(2, 0, 0));
}

TEST(CellListTest, RandomPointsMatchBruteForce) {
  std::mt19937 Rng(12345);
  const std::vector<float> Radii = {0.0f, 0.5f, 1.0f, 2.4f,  3.0f,
                                    5.0f, 7.5f, 12.f, 40.0f, 1000.0f};
  for (float Cell : {0.7f, 3.0f, 5.0f, 13.0f}) {
    // A dense cloud and a sparse one (mostly empty cells).
    for (auto [N, Extent] : {std::pair<size_t, float>{400, 20.0f},
                             std::pair<size_t, float>{150, 200.0f}}) {
      std::vector<float> XYZ = randomPoints(Rng, N, -Extent / 2, Extent / 2);
      CellList L = CellList::build(XYZ, Cell);
      ASSERT_EQ(L.verify(N), "");
      EXPECT_EQ(L.order().size(), N);
      EXPECT_EQ(L.cellSize(), Cell);
      checkAgainstBruteForce(L, XYZ, Radii, Rng, -Extent / 2, Extent / 2);
    }
  }
}

TEST(CellListTest, PointsOnCellBoundaries) {
  // Integer coordinates with a cell of 1: every point sits on a boundary,
  // and many distances equal the radius exactly.
  std::vector<float> XYZ;
  for (int X = 0; X < 5; ++X)
    for (int Y = 0; Y < 5; ++Y)
      for (int Z = 0; Z < 5; ++Z)
        XYZ.insert(XYZ.end(), {float(X), float(Y), float(Z)});
  std::mt19937 Rng(7);
  for (float Cell : {1.0f, 2.0f, 0.5f}) {
    CellList L = CellList::build(XYZ, Cell);
    ASSERT_EQ(L.verify(XYZ.size() / 3), "");
    checkAgainstBruteForce(L, XYZ, {0.0f, 1.0f, 2.0f, std::sqrt(2.0f), 3.0f},
                           Rng, 0, 4);
  }
}

TEST(CellListTest, CellsAreSortedAndPointsLieInTheirCell) {
  std::mt19937 Rng(99);
  std::vector<float> XYZ = randomPoints(Rng, 300, 10, 60);
  const float Cell = 4.0f;
  CellList L = CellList::build(XYZ, Cell);
  ASSERT_EQ(L.verify(300), "");
  Point O = L.origin();
  for (int D = 0; D < 3; ++D) {
    float Min = std::numeric_limits<float>::max();
    for (size_t I = 0; I < 300; ++I)
      Min = std::min(Min, XYZ[3 * I + D]);
    EXPECT_EQ(O[D], Min);
  }
  for (size_t C = 0; C < L.numCells(); ++C) {
    for (uint32_t K = L.cellBegin()[C]; K < L.cellBegin()[C + 1]; ++K) {
      uint32_t I = L.order()[K];
      uint32_t X = uint32_t(std::floor((XYZ[3 * I] - O[0]) / Cell));
      uint32_t Y = uint32_t(std::floor((XYZ[3 * I + 1] - O[1]) / Cell));
      uint32_t Z = uint32_t(std::floor((XYZ[3 * I + 2] - O[2]) / Cell));
      EXPECT_EQ(CellList::mortonCode(X, Y, Z), L.cellKeys()[C]);
      // Within a cell, point indices ascend (deterministic order).
      if (K > L.cellBegin()[C])
        EXPECT_LT(L.order()[K - 1], I);
    }
  }
}

TEST(CellListTest, NaNPointsAreSkipped) {
  std::mt19937 Rng(5);
  std::vector<float> XYZ = randomPoints(Rng, 100, 0, 30);
  const float NaN = std::numeric_limits<float>::quiet_NaN();
  for (size_t I = 0; I < 100; I += 7)
    XYZ[3 * I + I % 3] = NaN; // one coordinate is enough
  XYZ[3 * 99] = XYZ[3 * 99 + 1] = XYZ[3 * 99 + 2] = NaN;
  CellList L = CellList::build(XYZ, 5.0f);
  ASSERT_EQ(L.verify(100), "");
  size_t Finite = 0;
  for (size_t I = 0; I < 100; ++I) {
    bool Nan = std::isnan(XYZ[3 * I]) || std::isnan(XYZ[3 * I + 1]) ||
               std::isnan(XYZ[3 * I + 2]);
    Finite += !Nan;
    if (Nan)
      EXPECT_EQ(std::count(L.order().begin(), L.order().end(), I), 0);
  }
  EXPECT_EQ(L.order().size(), Finite);
  // NaN never moves the origin.
  EXPECT_FALSE(std::isnan(L.origin()[0]) || std::isnan(L.origin()[1]) ||
               std::isnan(L.origin()[2]));
  checkAgainstBruteForce(L, XYZ, {0.0f, 3.0f, 5.0f, 11.0f}, Rng, 0, 30);
  // A NaN query or radius finds nothing.
  EXPECT_TRUE(query(L, XYZ, {NaN, 1, 1}, 100).empty());
  EXPECT_TRUE(query(L, XYZ, {1, 1, 1}, NaN).empty());
  EXPECT_TRUE(query(L, XYZ, {1, 1, 1}, -1).empty());
}

TEST(CellListTest, AllPointsNaNOrNone) {
  const float NaN = std::numeric_limits<float>::quiet_NaN();
  std::vector<float> XYZ(30, NaN);
  for (ArrayRef<float> In : {ArrayRef<float>(XYZ), ArrayRef<float>()}) {
    CellList L = CellList::build(In, 5.0f);
    EXPECT_TRUE(L.empty());
    EXPECT_EQ(L.numCells(), 0u);
    ASSERT_EQ(L.cellBegin().size(), 1u);
    EXPECT_EQ(L.verify(In.size() / 3), "");
    EXPECT_TRUE(query(L, In, {0, 0, 0}, 1e6f).empty());
  }
}

TEST(CellListTest, SinglePoint) {
  std::vector<float> XYZ = {3.5f, -2.0f, 7.25f};
  CellList L = CellList::build(XYZ, 5.0f);
  ASSERT_EQ(L.verify(1), "");
  EXPECT_EQ(L.numCells(), 1u);
  EXPECT_EQ(L.cellKeys()[0], 0u); // the origin's own cell
  EXPECT_EQ(L.origin(), (Point{3.5f, -2.0f, 7.25f}));
  EXPECT_EQ(query(L, XYZ, {3.5f, -2.0f, 7.25f}, 0), (std::vector<uint32_t>{0}));
  EXPECT_EQ(query(L, XYZ, {3.5f, -2.0f, 8.25f}, 1), (std::vector<uint32_t>{0}));
  EXPECT_TRUE(query(L, XYZ, {3.5f, -2.0f, 8.25f}, 0.99f).empty());
  // Queries from below the origin, from far away and with big radii.
  EXPECT_EQ(query(L, XYZ, {-10, -10, -10}, 30), (std::vector<uint32_t>{0}));
  EXPECT_TRUE(query(L, XYZ, {-10, -10, -10}, 5).empty());
  EXPECT_EQ(query(L, XYZ, {1e6f, 0, 0}, 2e6f), (std::vector<uint32_t>{0}));
  EXPECT_EQ(query(L, XYZ, {0, 0, 0}, std::numeric_limits<float>::infinity()),
            (std::vector<uint32_t>{0}));
}

TEST(CellListTest, AllPointsIdentical) {
  std::vector<float> XYZ;
  for (int I = 0; I < 50; ++I)
    XYZ.insert(XYZ.end(), {1.0f, 2.0f, 3.0f});
  CellList L = CellList::build(XYZ, 2.0f);
  ASSERT_EQ(L.verify(50), "");
  EXPECT_EQ(L.numCells(), 1u);
  std::vector<uint32_t> All(50);
  for (uint32_t I = 0; I < 50; ++I)
    All[I] = I;
  EXPECT_EQ(std::vector<uint32_t>(L.order().begin(), L.order().end()), All);
  EXPECT_EQ(query(L, XYZ, {1, 2, 3}, 0), All);
  EXPECT_EQ(query(L, XYZ, {1, 2, 4}, 1), All);
  EXPECT_TRUE(query(L, XYZ, {1, 2, 4.5f}, 1).empty());
}

TEST(CellListTest, HugeExtents) {
  // Points 1e6 A apart with 1 A cells: 10^6 cells per axis still fits the
  // 21-bit grid (2097151), and almost every cell of a query box is empty.
  std::vector<float> XYZ = {0,    0,    0,    1e6f, 0,    0,    0,
                            1e6f, 0,    0,    0,    1e6f, 1e6f, 1e6f,
                            1e6f, 0.5f, 0.5f, 0.5f, 1e6f, 1e6f, 1e6f - 1};
  size_t N = XYZ.size() / 3;
  CellList L = CellList::build(XYZ, 1.0f);
  ASSERT_EQ(L.verify(N), "");
  std::mt19937 Rng(3);
  checkAgainstBruteForce(L, XYZ, {0.0f, 1.0f, 2.0f, 1e6f, 1.5e6f, 2e6f}, Rng, 0,
                         1e6f);
  EXPECT_EQ(query(L, XYZ, {1e6f, 1e6f, 1e6f}, 1.0f),
            (std::vector<uint32_t>{4, 6}));

  // 1e7 A with 1 A cells is beyond the grid: far points share the last
  // cell along that axis, and queries must still find them.
  std::vector<float> Far = {0, 0,    0, 1e7f, 0,    0,    5e6f, 0,
                            0, 1e7f, 3, 0,    3e6f, 3e6f, 3e6f};
  size_t NF = Far.size() / 3;
  CellList LF = CellList::build(Far, 1.0f);
  ASSERT_EQ(LF.verify(NF), "");
  checkAgainstBruteForce(LF, Far, {0.0f, 1.0f, 3.0f, 10.0f, 6e6f, 2e7f}, Rng, 0,
                         1e7f);
  EXPECT_EQ(query(LF, Far, {1e7f, 0, 0}, 0), (std::vector<uint32_t>{1}));
  EXPECT_EQ(query(LF, Far, {1e7f, 1, 0}, 2), (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(query(LF, Far, {5e6f, 0, 0}, 0.5f), (std::vector<uint32_t>{2}));
  EXPECT_EQ(query(LF, Far, {3e6f, 3e6f, 3e6f}, 0), (std::vector<uint32_t>{4}));

  // A cell far smaller than the spacing of float values.
  CellList Tiny = CellList::build(XYZ, 1e-6f);
  ASSERT_EQ(Tiny.verify(N), "");
  checkAgainstBruteForce(Tiny, XYZ, {0.0f, 1.0f, 1e6f}, Rng, 0, 1e6f);
}

TEST(CellListTest, BadCellSizeFallsBackToOne) {
  std::vector<float> XYZ = {0, 0, 0, 2, 0, 0};
  for (float Bad : {0.0f, -3.0f, std::numeric_limits<float>::quiet_NaN(),
                    std::numeric_limits<float>::infinity()}) {
    CellList L = CellList::build(XYZ, Bad);
    EXPECT_EQ(L.cellSize(), 1.0f);
    EXPECT_EQ(L.verify(2), "");
    EXPECT_EQ(query(L, XYZ, {1, 0, 0}, 1), (std::vector<uint32_t>{0, 1}));
  }
}

TEST(CellListTest, FromPartsRoundTrip) {
  std::mt19937 Rng(11);
  std::vector<float> XYZ = randomPoints(Rng, 200, -15, 15);
  XYZ[30] = std::numeric_limits<float>::quiet_NaN();
  CellList L = CellList::build(XYZ, 4.0f);
  CellList R = CellList::fromParts(
      L.origin(), L.cellSize(),
      std::vector<uint32_t>(L.order().begin(), L.order().end()),
      std::vector<uint64_t>(L.cellKeys().begin(), L.cellKeys().end()),
      std::vector<uint32_t>(L.cellBegin().begin(), L.cellBegin().end()));
  EXPECT_EQ(R.verify(200), "");
  EXPECT_EQ(R.origin(), L.origin());
  EXPECT_EQ(R.cellSize(), L.cellSize());
  EXPECT_EQ(R.order(), L.order());
  EXPECT_EQ(R.cellKeys(), L.cellKeys());
  EXPECT_EQ(R.cellBegin(), L.cellBegin());
  for (size_t I = 0; I < 200; I += 9) {
    Point Q = {XYZ[3 * I], XYZ[3 * I + 1], XYZ[3 * I + 2]};
    if (std::isnan(Q[0]))
      continue;
    EXPECT_EQ(query(R, XYZ, Q, 6.0f), query(L, XYZ, Q, 6.0f));
  }
}

TEST(CellListTest, VerifyCatchesBrokenParts) {
  std::vector<float> XYZ = {0, 0, 0, 10, 0, 0, 0, 10, 0, 0.5f, 0, 0};
  CellList L = CellList::build(XYZ, 5.0f);
  ASSERT_EQ(L.verify(4), "");
  ASSERT_EQ(L.numCells(), 3u);
  std::vector<uint32_t> Order(L.order().begin(), L.order().end());
  std::vector<uint64_t> Keys(L.cellKeys().begin(), L.cellKeys().end());
  std::vector<uint32_t> Begin(L.cellBegin().begin(), L.cellBegin().end());
  auto Broken = [&](Point O, float Cell, std::vector<uint32_t> Ord,
                    std::vector<uint64_t> K, std::vector<uint32_t> B,
                    size_t N = 4) {
    return CellList::fromParts(O, Cell, std::move(Ord), std::move(K),
                               std::move(B))
        .verify(N);
  };
  const Point O = L.origin();
  const float NaN = std::numeric_limits<float>::quiet_NaN();
  // The good parts.
  EXPECT_EQ(Broken(O, 5, Order, Keys, Begin), "");
  // Fewer points in the structure than the order names.
  EXPECT_NE(Broken(O, 5, Order, Keys, Begin, 3), "");
  // Cell size.
  EXPECT_NE(Broken(O, 0, Order, Keys, Begin), "");
  EXPECT_NE(Broken(O, -5, Order, Keys, Begin), "");
  EXPECT_NE(Broken(O, NaN, Order, Keys, Begin), "");
  EXPECT_NE(
      Broken(O, std::numeric_limits<float>::infinity(), Order, Keys, Begin),
      "");
  // Origin.
  EXPECT_NE(Broken({NaN, 0, 0}, 5, Order, Keys, Begin), "");
  // Offsets: wrong count, not starting at 0, not ending at the order's
  // size, an empty cell, reversed.
  EXPECT_NE(Broken(O, 5, Order, Keys, {0, 2, 4}), "");
  EXPECT_NE(Broken(O, 5, Order, Keys, {}), "");
  EXPECT_NE(Broken(O, 5, Order, Keys, {1, 2, 3, 4}), "");
  EXPECT_NE(Broken(O, 5, Order, Keys, {0, 2, 3, 5}), "");
  EXPECT_NE(Broken(O, 5, Order, Keys, {0, 2, 2, 4}), "");
  EXPECT_NE(Broken(O, 5, Order, Keys, {0, 3, 2, 4}), "");
  // Keys out of order or repeated, or not a Morton code.
  EXPECT_NE(Broken(O, 5, Order, {Keys[1], Keys[0], Keys[2]}, Begin), "");
  EXPECT_NE(Broken(O, 5, Order, {Keys[0], Keys[0], Keys[2]}, Begin), "");
  EXPECT_NE(Broken(O, 5, Order, {Keys[0], Keys[1], ~uint64_t(0)}, Begin), "");
  // Point indices out of range or listed twice.
  std::vector<uint32_t> Bad = Order;
  Bad[0] = 4;
  EXPECT_NE(Broken(O, 5, Bad, Keys, Begin), "");
  Bad = Order;
  Bad[3] = Bad[0];
  EXPECT_NE(Broken(O, 5, Bad, Keys, Begin), "");
  // An empty list is valid with one offset.
  EXPECT_EQ(Broken(O, 5, {}, {}, {0}), "");
  EXPECT_NE(Broken(O, 5, {}, {}, {}), "");
}

} // namespace
