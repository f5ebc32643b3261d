//===- ResultStore.cpp - Serving and persisting analysis results ----------===//
#include "qir/Store/ResultStore.h"

#include "qir/IR/Structure.h"
#include "qir/Store/Reader.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace qir;
using namespace qir::store;
using namespace llvm;

StringRef qir::store::cachePolicyName(CachePolicy P) {
  switch (P) {
  case CachePolicy::Invalidate:
    return "invalidate";
  case CachePolicy::KeepStale:
    return "keep-stale";
  case CachePolicy::Error:
    return "error";
  }
  return "";
}

/// The first facet \p P read whose hash differs in \p S, or none.
static std::optional<Facet> changedFacet(const OverlayProvenance &P,
                                         const Structure &S) {
  for (unsigned F = 0; F < NumFacets; ++F) {
    Facet Fa = static_cast<Facet>(F);
    if (P.Reads.contains(Fa) && S.hash(Fa) != P.Hashes[F])
      return Fa;
  }
  return std::nullopt;
}

static Error staleError(const OverlayProvenance &P, StringRef Why) {
  return createStringError(inconvertibleErrorCode(),
                           "overlay %s (%s) is stale: %s; -cache=error "
                           "refuses stale results (use -cache=invalidate to "
                           "recompute or -cache=keep-stale to keep it)",
                           P.path().c_str(), P.spec().c_str(),
                           Why.str().c_str());
}

static std::string staleReason(const OverlayProvenance &P, const Structure &S) {
  if (std::optional<Facet> F = changedFacet(P, S))
    return (facetName(*F) + " changed").str();
  return "marked stale";
}

StoreResultProvider::StoreResultProvider(StoreReader &R, CachePolicy P)
    : Reader(R), Policy(P), Overlays(R.overlays()) {}

Expected<std::unique_ptr<AnalysisResultConcept>>
StoreResultProvider::lookup(const AnalysisInfo &Info, StringRef Canonical,
                            const Structure &S, AnalysisCacheKey &Key) {
  const OverlayProvenance *Stale = nullptr;
  for (const OverlayProvenance &P : Overlays) {
    if (P.Analysis != Info.Name || P.Version != Info.Version ||
        P.Options != Canonical)
      continue;
    if (P.Stale || changedFacet(P, S)) {
      Stale = &P;
      continue;
    }
    auto Source = Reader.openOverlay(P);
    if (!Source)
      return Source.takeError();
    auto R = Info.Read(**Source, S);
    if (!R)
      return createStringError(inconvertibleErrorCode(), "%s: overlay %s: %s",
                               Reader.path().c_str(), P.path().c_str(),
                               toString(R.takeError()).c_str());
    Key.Analysis = Info.Key;
    Key.Version = Info.Version;
    Key.Options = Canonical.str();
    Key.Reads = P.Reads;
    Key.Hashes = P.Hashes;
    return std::move(*R);
  }
  if (Stale && Policy == CachePolicy::Error)
    return staleError(*Stale, staleReason(*Stale, S));
  return nullptr;
}

bool PersistSelection::includes(StringRef Analysis) const {
  return All || is_contained(Names, Analysis.str());
}

Expected<PersistSelection> PersistSelection::parse(StringRef Text) {
  PersistSelection P;
  if (Text == "all" || Text.empty())
    return P;
  P.All = false;
  if (Text == "none")
    return P;
  SmallVector<StringRef, 4> Parts;
  Text.split(Parts, ',');
  for (StringRef X : Parts) {
    X = X.trim();
    if (X.empty() || X == "all" || X == "none")
      return createStringError(inconvertibleErrorCode(),
                               "-persist: '%s' is not an analysis name "
                               "(all, none or NAME,...)",
                               Text.str().c_str());
    P.Names.push_back(X.str());
  }
  return P;
}

Error qir::store::writeStoreWithResults(StringRef Path, const Structure &S,
                                        AnalysisManager &AM,
                                        const WriteResultsOptions &O,
                                        StoreReader *Input) {
  auto W = StoreWriter::create(Path, StoreKind::Structure);
  if (!W)
    return W.takeError();
  if (auto Id = (*W)->addStructure(S, O.Source); !Id)
    return Id.takeError();
  auto Log = [&](const Twine &Msg) {
    if (O.Log)
      *O.Log << Msg << "\n";
  };

  // The spatial index, always (when the analysis is registered).
  const AnalysisInfo *Spatial = O.Lookup ? O.Lookup("spatial-index") : nullptr;
  if (Spatial && Spatial->persistable()) {
    std::optional<OptionIssue> Issue;
    std::unique_ptr<AnyOptions> Defaults = Spatial->ParseOptions({}, Issue);
    if (Defaults) {
      const AnalysisResultConcept &R = AM.getResult(*Spatial, *Defaults, S);
      if (AM.hasError())
        return AM.takeError();
      if (Error E = (*W)->addIndex("spatial", [&](ResultSink &Sink) -> Error {
            if (Error E = Spatial->Write(Sink, R))
              return E;
            if (Error E = Sink.setAttribute("qir_analysis", Spatial->Name))
              return E;
            return Sink.setAttribute("qir_options", Defaults->Canonical);
          }))
        return E;
    }
  }

  StringSet<> Written;
  if (Input) {
    for (const OverlayProvenance &P : Input->overlays()) {
      if (!O.Persist.includes(P.Analysis))
        continue;
      bool Current = !P.Stale && !changedFacet(P, S);
      if (Current) {
        if (Error E = (*W)->copyOverlay(*Input, P, false))
          return E;
        Written.insert(P.key());
        Log("kept overlay " + P.path() + " (" + P.spec() + ")");
        continue;
      }
      std::string Why = staleReason(P, S);
      switch (O.Policy) {
      case CachePolicy::Error:
        return staleError(P, Why);
      case CachePolicy::KeepStale:
        if (Error E = (*W)->copyOverlay(*Input, P, true))
          return E;
        Written.insert(P.key());
        Log("kept stale overlay " + P.path() + " (" + P.spec() + "): " + Why);
        break;
      case CachePolicy::Invalidate:
        if (!O.Recompute || (O.Lookup && !O.Lookup(P.Analysis))) {
          Log("dropped stale overlay " + P.path() + " (" + P.spec() +
              "): " + Why + "; analysis not registered, cannot recompute");
          break;
        }
        if (Error E = O.Recompute(P))
          return E;
        Log("replaced stale overlay " + P.path() + " (" + P.spec() +
            "): " + Why);
        break;
      }
    }
  }

  Error Err = Error::success();
  AM.forEachResult(S, [&](const AnalysisInfo &I, const AnalysisCacheKey &K,
                          const AnalysisResultConcept &R) {
    if (Err || !I.persistable() || !O.Persist.includes(I.Name))
      return;
    OverlayProvenance P = makeProvenance(I, K);
    std::string Key = P.key();
    if (Written.count(Key))
      return;
    P.SourcePath = O.Source.Path;
    P.SourceSha256 = O.Source.Sha256;
    Err =
        (*W)->addOverlay(P, [&](ResultSink &Sink) { return I.Write(Sink, R); });
    Written.insert(Key);
    Log("wrote overlay " + P.path() + " (" + P.spec() + ")");
  });
  if (Err)
    return Err;
  return (*W)->commit();
}
