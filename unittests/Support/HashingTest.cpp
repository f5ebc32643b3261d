//===- HashingTest.cpp ----------------------------------------------------===//
#include "qir/Support/Hashing.h"

#include "gtest/gtest.h"

#include <vector>

using namespace qir;

static uint64_t hashOf(const std::vector<float> &V) {
  ContentHasher H;
  H.add(llvm::ArrayRef<float>(V));
  return H.result();
}

TEST(Hashing, EqualContentEqualHash) {
  EXPECT_EQ(hashOf({1, 2, 3}), hashOf({1, 2, 3}));
}

TEST(Hashing, AnyChangeChangesTheHash) {
  EXPECT_NE(hashOf({1, 2, 3}), hashOf({1, 2, 3.0001f}));
  EXPECT_NE(hashOf({1, 2, 3}), hashOf({1, 2}));
}

TEST(Hashing, ChunkBoundariesMatter) {
  ContentHasher A, B;
  A.add(llvm::StringRef("ab"));
  A.add(llvm::StringRef("c"));
  B.add(llvm::StringRef("a"));
  B.add(llvm::StringRef("bc"));
  EXPECT_NE(A.result(), B.result());
}

TEST(Hashing, EmptyColumnsStillCount) {
  ContentHasher A, B;
  A.add(llvm::ArrayRef<int>());
  EXPECT_NE(A.result(), B.result());
}
