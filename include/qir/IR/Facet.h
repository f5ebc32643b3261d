//===- Facet.h - What a transform can change --------------------*- C++ -*-===//
//
// The IR is split into facets. Every write names the facets it touches;
// each facet has a generation counter (for in-memory caches) and a content
// hash (for persisted caches). An analysis declares the facets it reads and
// is invalidated exactly when one of them is written.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_IR_FACET_H
#define QIR_IR_FACET_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>

namespace qir {

enum class Facet : uint8_t {
  Topology,       ///< atoms/residues/chains/entities/bonds/groupings
  Coordinates,    ///< state coordinates and presence
  AtomProperties, ///< occupancy, B, serials, extra atom-record columns
  Metadata,       ///< entry id, method, resolution, cell
};
constexpr unsigned NumFacets = 4;

llvm::StringRef facetName(Facet F);

/// A small bit set of facets.
class FacetSet {
public:
  constexpr FacetSet() = default;
  constexpr FacetSet(Facet F) : Bits(1u << static_cast<unsigned>(F)) {}
  static constexpr FacetSet all() { return FacetSet((1u << NumFacets) - 1); }
  static constexpr FacetSet none() { return FacetSet(); }

  constexpr bool contains(Facet F) const {
    return Bits & (1u << static_cast<unsigned>(F));
  }
  constexpr bool intersects(FacetSet O) const { return Bits & O.Bits; }
  constexpr bool empty() const { return Bits == 0; }
  constexpr FacetSet operator|(FacetSet O) const {
    return FacetSet(Bits | O.Bits);
  }
  constexpr FacetSet operator&(FacetSet O) const {
    return FacetSet(Bits & O.Bits);
  }
  constexpr bool operator==(FacetSet O) const { return Bits == O.Bits; }
  constexpr uint8_t bits() const { return Bits; }

private:
  constexpr explicit FacetSet(unsigned B) : Bits(static_cast<uint8_t>(B)) {}
  uint8_t Bits = 0;
};

constexpr FacetSet operator|(Facet A, Facet B) {
  return FacetSet(A) | FacetSet(B);
}

} // namespace qir

#endif // QIR_IR_FACET_H
