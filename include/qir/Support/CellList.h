//===- CellList.h - Sparse cell list of points in Morton order --*- C++ -*-===//
//
// A uniform grid of cubic cells of edge CellSize over a point set, stored
// sparsely: only non-empty cells, sorted by the Morton (Z-order) code of
// their integer cell coordinates, so that points close in space are close
// in Order. This is what /index/spatial persists (docs/store-schema.md):
//
//   Order      [N']   point indices, grouped by cell, cells in Morton order
//   CellKeys   [C]    Morton code of each non-empty cell, ascending
//   CellBegin  [C+1]  offsets into Order
//
// plus Origin (the minimum corner) and CellSize. Points with a NaN
// coordinate are left out (N' <= N). A query visits the cells that
// intersect the query sphere and reports every point within the radius.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SUPPORT_CELLLIST_H
#define QIR_SUPPORT_CELLLIST_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <array>
#include <cstdint>
#include <vector>

namespace qir {

class CellList {
public:
  using Point = std::array<float, 3>;

  CellList() = default;
  /// Build over \p XYZ (N*3 floats, x y z per point) with cells of edge
  /// \p CellSize (> 0).
  static CellList build(llvm::ArrayRef<float> XYZ, float CellSize);
  /// Rebuild from persisted arrays (no checking beyond sizes; see
  /// verify()).
  static CellList fromParts(Point Origin, float CellSize,
                            std::vector<uint32_t> Order,
                            std::vector<uint64_t> CellKeys,
                            std::vector<uint32_t> CellBegin);

  /// Call \p Fn(index, squared distance) for every point within \p Radius
  /// of \p Q (inclusive), in no particular order. \p XYZ: the coordinates
  /// the list was built over.
  void forEachWithin(llvm::ArrayRef<float> XYZ, Point Q, float Radius,
                     llvm::function_ref<void(uint32_t, float)> Fn) const;

  /// Call \p Fn(i, j, squared distance) once for every unordered pair of
  /// listed points i != j, both accepted by \p Keep, closer than \p Radius
  /// (the float distance test is padded by a relative 1e-5, so callers that
  /// need an exact boundary test it again in double). Pairs come cell by
  /// cell: a cell with itself, then with the cells after it in a half
  /// shell, so each pair is visited once and no cell pair twice. \p XYZ:
  /// the coordinates the list was built over.
  void
  forEachPair(llvm::ArrayRef<float> XYZ, float Radius,
              llvm::function_ref<bool(uint32_t)> Keep,
              llvm::function_ref<void(uint32_t, uint32_t, float)> Fn) const;

  /// Morton code of integer cell coordinates (21 bits each), and back.
  static uint64_t mortonCode(uint32_t X, uint32_t Y, uint32_t Z);
  static std::array<uint32_t, 3> mortonDecode(uint64_t Code);

  /// Empty string, or the first broken invariant (for persisted lists).
  std::string verify(size_t NumPoints) const;

  Point origin() const { return Origin; }
  float cellSize() const { return CellSize; }
  llvm::ArrayRef<uint32_t> order() const { return Order; }
  llvm::ArrayRef<uint64_t> cellKeys() const { return CellKeys; }
  llvm::ArrayRef<uint32_t> cellBegin() const { return CellBegin; }
  size_t numCells() const { return CellKeys.size(); }
  bool empty() const { return Order.empty(); }

private:
  /// Index in CellKeys of the cell with code \p Key, or -1.
  int64_t findCell(uint64_t Key) const;

  Point Origin = {0, 0, 0};
  float CellSize = 1;
  std::vector<uint32_t> Order;
  std::vector<uint64_t> CellKeys;
  std::vector<uint32_t> CellBegin;
};

} // namespace qir

#endif // QIR_SUPPORT_CELLLIST_H
