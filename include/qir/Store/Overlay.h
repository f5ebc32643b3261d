//===- Overlay.h - Provenance and keys of persisted results -----*- C++ -*-===//
//
// A persisted analysis result lives in /overlays/<analysis>/<key>, where
// <key> is 16 hex digits of xxh3-64 over the canonical spec
//
//   name<canonical options>|version|Facet=hash;Facet=hash
//
// (facets in enum order, hashes as 16 hex digits). The group's attributes
// carry the provenance below (docs/store-schema.md, "Overlays").
//
//===----------------------------------------------------------------------===//
#ifndef QIR_STORE_OVERLAY_H
#define QIR_STORE_OVERLAY_H

#include "qir/IR/Facet.h"

#include "llvm/ADT/StringRef.h"

#include <array>
#include <cstdint>
#include <string>

namespace qir {
struct AnalysisCacheKey;
struct AnalysisInfo;
} // namespace qir

namespace qir::store {

struct OverlayProvenance {
  std::string Analysis; ///< producing analysis ("backbone-dihedrals")
  int64_t Version = 0;
  std::string Options; ///< canonical options, "" when none
  FacetSet Reads;
  std::array<uint64_t, NumFacets> Hashes = {};
  std::string Selector = "all"; ///< the atoms the result covers
  std::string QirVersion;
  std::string SourcePath, SourceSha256;
  std::string Created; ///< ISO 8601 UTC
  bool Stale = false;

  /// "name<options>|version|Facet=hash;..."
  std::string canonicalSpec() const;
  /// 16 hex digits of xxh3-64 over canonicalSpec().
  std::string key() const;
  /// "/overlays/<analysis>/<key>"
  std::string path() const;
  /// "name" or "name<options>".
  std::string spec() const;
  /// "Topology=0123...;Coordinates=..." (the facet part of the spec).
  std::string facetHashes() const;
  /// Parse facetHashes() text back; false when malformed.
  bool parseFacetHashes(llvm::StringRef Text);
};

/// Provenance of a result of \p Info cached under \p Key.
OverlayProvenance makeProvenance(const AnalysisInfo &Info,
                                 const AnalysisCacheKey &Key);

/// Creation time for provenance: SOURCE_DATE_EPOCH when set (reproducible
/// files), else now; ISO 8601 UTC ("2026-11-24T10:00:00Z").
std::string creationTime();

} // namespace qir::store

#endif // QIR_STORE_OVERLAY_H
