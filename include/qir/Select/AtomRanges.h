//===- AtomRanges.h - Sorted half-open ranges of atom indices ---*- C++ -*-===//
//
// What a selector compiles to: atom row indices as sorted, disjoint,
// non-adjacent half-open ranges [Begin, End). The form maps straight onto
// HDF5 hyperslabs (one slab per range) and stays small for the selections
// people write (a chain, a residue range, the CA atoms of a segment).
//
//   AtomRanges R = AtomRanges::fromBitVector(Bits);
//   for (auto [B, E] : R.ranges()) ...   // the ranges
//   for (uint32_t A : R) ...             // every index, ascending
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SELECT_ATOMRANGES_H
#define QIR_SELECT_ATOMRANGES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/BitVector.h"

#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

namespace qir::select {

class AtomRanges {
public:
  using Range = std::pair<uint32_t, uint32_t>; ///< [first, second)

  AtomRanges() = default;
  /// From ranges in any order; empty ones are dropped, overlapping and
  /// adjacent ones merged.
  static AtomRanges fromRanges(std::vector<Range> Ranges);
  /// The set bits of \p Bits.
  static AtomRanges fromBitVector(const llvm::BitVector &Bits);
  /// [0, N).
  static AtomRanges all(uint32_t N);

  /// Append [Begin, End) after every range held (Begin >= the last End);
  /// merges with the last range when adjacent. Empty ranges are ignored.
  void append(uint32_t Begin, uint32_t End);

  /// One bit per atom, \p NumAtoms bits (ranges past it are cut).
  llvm::BitVector toBitVector(size_t NumAtoms) const;

  llvm::ArrayRef<Range> ranges() const { return Ranges; }
  size_t numRanges() const { return Ranges.size(); }
  bool empty() const { return Ranges.empty(); }
  /// Number of atom indices held.
  size_t count() const;
  /// True when \p Index lies in a range (binary search).
  bool contains(uint32_t Index) const;

  bool operator==(const AtomRanges &O) const { return Ranges == O.Ranges; }
  bool operator!=(const AtomRanges &O) const { return Ranges != O.Ranges; }

  /// Iterates every index held, ascending.
  class iterator {
  public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = uint32_t;
    using difference_type = std::ptrdiff_t;
    using pointer = const uint32_t *;
    using reference = uint32_t;

    iterator() = default;
    uint32_t operator*() const { return Index; }
    iterator &operator++() {
      if (++Index == It->second && ++It != End)
        Index = It->first;
      return *this;
    }
    iterator operator++(int) {
      iterator Old = *this;
      ++*this;
      return Old;
    }
    bool operator==(const iterator &O) const {
      return It == O.It && (It == End || Index == O.Index);
    }
    bool operator!=(const iterator &O) const { return !(*this == O); }

  private:
    friend class AtomRanges;
    iterator(const Range *It, const Range *End)
        : It(It), End(End), Index(It != End ? It->first : 0) {}
    const Range *It = nullptr, *End = nullptr;
    uint32_t Index = 0;
  };
  iterator begin() const {
    return iterator(Ranges.data(), Ranges.data() + Ranges.size());
  }
  iterator end() const {
    return iterator(Ranges.data() + Ranges.size(),
                    Ranges.data() + Ranges.size());
  }

private:
  std::vector<Range> Ranges;
};

} // namespace qir::select

#endif // QIR_SELECT_ATOMRANGES_H
