//===- ResultStore.h - Serving and persisting analysis results --*- C++ -*-===//
//
// The two directions of "cache through the store" (docs/design.md section
// 4):
//
//  - StoreResultProvider serves a requested analysis from an overlay of an
//    opened store when (analysis, version, canonical options) match and the
//    facet hashes the overlay read equal the structure's. A matching
//    overlay whose hashes differ is stale; the CachePolicy decides whether
//    that is an error.
//
//  - writeStoreWithResults() writes a structure store: the core, the
//    /index/spatial index, and one overlay per persisted result, carrying
//    the input store's overlays over according to the policy.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_STORE_RESULTSTORE_H
#define QIR_STORE_RESULTSTORE_H

#include "qir/Pass/AnalysisManager.h"
#include "qir/Store/Overlay.h"
#include "qir/Store/Writer.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace qir::store {

class StoreReader;

/// What happens to an overlay whose facet hashes no longer match.
enum class CachePolicy {
  Invalidate, ///< recompute, and replace it in the written store (default)
  KeepStale,  ///< recompute for this run, keep it marked stale when writing
  Error,      ///< refuse: asking for it, or writing over it, is an error
};

/// "invalidate", "keep-stale", "error".
llvm::StringRef cachePolicyName(CachePolicy P);

class StoreResultProvider final : public ResultProvider {
public:
  StoreResultProvider(StoreReader &R, CachePolicy P);
  llvm::Expected<std::unique_ptr<AnalysisResultConcept>>
  lookup(const AnalysisInfo &Info, llvm::StringRef Canonical,
         const Structure &S, AnalysisCacheKey &Key) override;
  llvm::StringRef describe() const override { return "store"; }

private:
  StoreReader &Reader;
  CachePolicy Policy;
  std::vector<OverlayProvenance> Overlays;
};

/// Which results to persist: -persist=all|none|NAME,...
struct PersistSelection {
  bool All = true;
  std::vector<std::string> Names; ///< when !All
  bool includes(llvm::StringRef Analysis) const;
  /// Parse the -persist value; an error names the bad item.
  static llvm::Expected<PersistSelection> parse(llvm::StringRef Text);
};

struct WriteResultsOptions {
  PersistSelection Persist;
  CachePolicy Policy = CachePolicy::Invalidate;
  SourceInfo Source;
  /// The analyses known by name (the PassBuilder's), for the spatial index
  /// and for reading input overlays.
  llvm::function_ref<const AnalysisInfo *(llvm::StringRef)> Lookup;
  /// Recompute a stale input overlay (policy Invalidate): put the result
  /// for \p P's spec into the analysis manager.
  llvm::function_ref<llvm::Error(const OverlayProvenance &P)> Recompute;
  llvm::raw_ostream *Log = nullptr; ///< one line per overlay decision
};

/// Write \p S to the structure store \p Path (atomically) with the results
/// \p AM holds for it. \p Input, when the structure came from a store, has
/// overlays to carry over.
llvm::Error writeStoreWithResults(llvm::StringRef Path, const Structure &S,
                                  AnalysisManager &AM,
                                  const WriteResultsOptions &O,
                                  StoreReader *Input);

} // namespace qir::store

#endif // QIR_STORE_RESULTSTORE_H
