//===- AtomRanges.cpp - Sorted half-open ranges of atom indices -----------===//
#include "qir/Select/AtomRanges.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cassert>

using namespace qir::select;
using namespace llvm;

AtomRanges AtomRanges::fromRanges(std::vector<Range> In) {
  llvm::sort(In);
  AtomRanges R;
  for (const Range &X : In) {
    if (X.first >= X.second)
      continue;
    if (!R.Ranges.empty() && X.first <= R.Ranges.back().second)
      R.Ranges.back().second = std::max(R.Ranges.back().second, X.second);
    else
      R.Ranges.push_back(X);
  }
  return R;
}

AtomRanges AtomRanges::fromBitVector(const BitVector &Bits) {
  AtomRanges R;
  int B = Bits.find_first();
  while (B >= 0) {
    int E = Bits.find_next_unset(B);
    uint32_t End =
        E < 0 ? static_cast<uint32_t>(Bits.size()) : static_cast<uint32_t>(E);
    R.Ranges.emplace_back(static_cast<uint32_t>(B), End);
    if (E < 0)
      break;
    B = Bits.find_next(E);
  }
  return R;
}

AtomRanges AtomRanges::all(uint32_t N) {
  AtomRanges R;
  R.append(0, N);
  return R;
}

void AtomRanges::append(uint32_t Begin, uint32_t End) {
  if (Begin >= End)
    return;
  assert((Ranges.empty() || Begin >= Ranges.back().second) &&
         "AtomRanges::append out of order");
  if (!Ranges.empty() && Ranges.back().second == Begin)
    Ranges.back().second = End;
  else
    Ranges.emplace_back(Begin, End);
}

BitVector AtomRanges::toBitVector(size_t NumAtoms) const {
  BitVector Bits(NumAtoms);
  for (const Range &X : Ranges) {
    if (X.first >= NumAtoms)
      break;
    Bits.set(X.first, std::min<size_t>(X.second, NumAtoms));
  }
  return Bits;
}

size_t AtomRanges::count() const {
  size_t N = 0;
  for (const Range &X : Ranges)
    N += X.second - X.first;
  return N;
}

bool AtomRanges::contains(uint32_t Index) const {
  // The first range ending after Index.
  auto It = llvm::partition_point(
      Ranges, [&](const Range &X) { return X.second <= Index; });
  return It != Ranges.end() && It->first <= Index;
}
