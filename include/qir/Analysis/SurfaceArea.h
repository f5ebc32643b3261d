//===- SurfaceArea.h - Exposed area of a union of spheres -------*- C++ -*-===//
//
// The two numerical methods FreeSASA 2.1.2 offers, on plain arrays, with
// FreeSASA's arithmetic so that areas agree with it to rounding:
//
//   Lee & Richards   each sphere is cut into `slices` slabs of equal
//                    thickness 2R/slices; at the mid-height of each slab the
//                    circle of the sphere is intersected with the circles of
//                    its neighbours there, and the exposed arc length times
//                    R * thickness is that slab's area.
//   Shrake & Rupley  `points` test points on a golden-section spiral over
//                    each sphere; a point is buried when it lies inside or on
//                    a neighbour sphere; area = 4 pi R^2 * free / points.
//
// Radii here already include the probe. Two spheres are neighbours when the
// distance of their centres is below the sum of their radii.
//
// Degenerate input FreeSASA turns into NaN is given a defined value:
// circles that are concentric in a slice and of equal radius bury each
// other, and of two spheres with the same centre and radius the later one
// is hidden by the earlier (buildSphereNeighbors reports the pair, marks
// the later one Hidden, whose area is 0, and leaves it out of the earlier
// one's list), so the union's area is kept.
//
// Every sphere's area depends only on its own neighbour list, so the work is
// shared over threads in chunks with results identical for any count.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_SURFACEAREA_H
#define QIR_ANALYSIS_SURFACEAREA_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace qir {

class CellList;

/// Spheres: centres (x y z per sphere) and radii (probe included).
struct SphereSet {
  llvm::ArrayRef<double> XYZ;
  llvm::ArrayRef<double> Radius;
  size_t size() const { return Radius.size(); }
};

/// For each sphere, the spheres that intersect it, as CSR rows.
struct SphereNeighbors {
  std::vector<uint32_t> Begin; ///< N + 1 offsets into Index
  std::vector<uint32_t> Index;
  /// Pairs (earlier, later) of spheres with the same centre and radius.
  std::vector<std::pair<uint32_t, uint32_t>> Coincident;
  /// 1 for the later sphere of each such pair: its area is 0.
  std::vector<uint8_t> Hidden;

  llvm::ArrayRef<uint32_t> of(size_t I) const {
    return llvm::ArrayRef<uint32_t>(Index).slice(Begin[I],
                                                 Begin[I + 1] - Begin[I]);
  }
};

/// The neighbour lists of \p Spheres. \p Candidates(Fn) must call Fn(i, j)
/// exactly once for every unordered pair of spheres that may intersect
/// (i != j), e.g. CellList::forEachPair; the exact test is made here. Rows
/// list neighbours in the order the candidates came (the methods do not
/// depend on it).
SphereNeighbors buildSphereNeighbors(
    const SphereSet &Spheres,
    llvm::function_ref<void(llvm::function_ref<void(uint32_t, uint32_t)>)>
        Candidates);

/// Lee & Richards areas (A^2) of every sphere.
std::vector<double> leeRichardsAreas(const SphereSet &Spheres,
                                     const SphereNeighbors &Nb, unsigned Slices,
                                     unsigned Threads);

/// Shrake & Rupley areas (A^2) of every sphere.
std::vector<double> shrakeRupleyAreas(const SphereSet &Spheres,
                                      const SphereNeighbors &Nb,
                                      unsigned Points, unsigned Threads);

/// The \p N unit test points of Shrake & Rupley: a golden-section spiral
/// from z = 1 - 1/N down in steps of 2/N, longitude advancing by
/// pi (3 - sqrt 5).
std::vector<std::array<double, 3>> goldenSpiralPoints(unsigned N);

} // namespace qir

#endif // QIR_ANALYSIS_SURFACEAREA_H
