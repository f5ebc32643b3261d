//===- AtomRangesTest.cpp -------------------------------------------------===//
#include "qir/Select/AtomRanges.h"

#include "gtest/gtest.h"

#include <vector>

using namespace qir::select;

TEST(AtomRanges, FromRangesSortsAndMerges) {
  AtomRanges R = AtomRanges::fromRanges(
      {{10, 12}, {0, 3}, {3, 5}, {11, 15}, {7, 7}, {20, 21}});
  std::vector<AtomRanges::Range> Want = {{0, 5}, {10, 15}, {20, 21}};
  EXPECT_EQ(R.ranges().vec(), Want);
  EXPECT_EQ(R.count(), 11u);
  EXPECT_EQ(R.numRanges(), 3u);
}

TEST(AtomRanges, ContainsAndIteration) {
  AtomRanges R = AtomRanges::fromRanges({{2, 4}, {6, 7}});
  std::vector<uint32_t> All(R.begin(), R.end());
  EXPECT_EQ(All, (std::vector<uint32_t>{2, 3, 6}));
  for (uint32_t I = 0; I < 10; ++I)
    EXPECT_EQ(R.contains(I), I == 2 || I == 3 || I == 6) << I;
  AtomRanges Empty;
  EXPECT_TRUE(Empty.empty());
  EXPECT_EQ(Empty.begin(), Empty.end());
  EXPECT_FALSE(Empty.contains(0));
}

TEST(AtomRanges, BitVectorRoundTrip) {
  llvm::BitVector Bits(200);
  for (unsigned I : {0u, 1u, 2u, 63u, 64u, 65u, 130u, 199u})
    Bits.set(I);
  AtomRanges R = AtomRanges::fromBitVector(Bits);
  std::vector<AtomRanges::Range> Want = {
      {0, 3}, {63, 66}, {130, 131}, {199, 200}};
  EXPECT_EQ(R.ranges().vec(), Want);
  EXPECT_EQ(R.toBitVector(200), Bits);
  EXPECT_EQ(R.count(), Bits.count());
  EXPECT_EQ(AtomRanges::fromBitVector(llvm::BitVector(50)).count(), 0u);
  EXPECT_EQ(AtomRanges::fromBitVector(llvm::BitVector(50, true)),
            AtomRanges::all(50));
  // Cut at the atom count.
  EXPECT_EQ(AtomRanges::all(50).toBitVector(10).count(), 10u);
}

TEST(AtomRanges, AppendMergesAdjacent) {
  AtomRanges R;
  R.append(0, 2);
  R.append(2, 4);
  R.append(5, 5);
  R.append(6, 8);
  std::vector<AtomRanges::Range> Want = {{0, 4}, {6, 8}};
  EXPECT_EQ(R.ranges().vec(), Want);
}
