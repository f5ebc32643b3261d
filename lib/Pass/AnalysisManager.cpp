//===- AnalysisManager.cpp - Keyed cache of analysis results --------------===//
#include "qir/Pass/AnalysisManager.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/Format.h"

using namespace qir;
using namespace llvm;

AnalysisResultConcept::~AnalysisResultConcept() = default;
AnyOptions::~AnyOptions() = default;
ResultProvider::~ResultProvider() = default;

AnalysisSetKey RigidMotionInvariantAnalyses::SetKey;

std::string AnalysisInfo::spec(StringRef Canonical) const {
  if (Canonical.empty())
    return Name.str();
  return (Name + "<" + Canonical + ">").str();
}

std::string AnalysisCacheKey::str(StringRef Name) const {
  std::string S;
  raw_string_ostream OS(S);
  OS << Name << "/v" << Version << "/" << Options << "/";
  bool First = true;
  for (unsigned F = 0; F < NumFacets; ++F) {
    if (!Reads.contains(static_cast<Facet>(F)))
      continue;
    if (!First)
      OS << ',';
    First = false;
    OS << facetName(static_cast<Facet>(F)) << '='
       << format_hex_no_prefix(Hashes[F], 16);
  }
  return OS.str();
}

AnalysisManager::AnalysisManager()
    : Diagnostics(printingDiagnosticHandler(errs())) {}
AnalysisManager::~AnalysisManager() = default;

void AnalysisManager::setDiagnosticHandler(DiagnosticHandler H) {
  Diagnostics = H ? std::move(H) : printingDiagnosticHandler(errs());
}

void AnalysisManager::diagnose(const Diagnostic &D) {
  if (D.Kind == DiagKind::Warning)
    ++NumWarnings;
  Diagnostics(D);
}

void AnalysisManager::warning(StringRef Analysis, const Twine &Message) {
  Diagnostic D;
  D.Kind = DiagKind::Warning;
  D.File = Analysis.str();
  D.Message = Message.str();
  diagnose(D);
}

std::string AnalysisManager::mapKey(AnalysisKey *K, StringRef Canonical) {
  // The key's address, then the canonical options: one flat string.
  std::string S(sizeof(K), '\0');
  memcpy(S.data(), &K, sizeof(K));
  S.append(Canonical.data(), Canonical.size());
  return S;
}

/// First facet of \p E's reads whose content differs from \p S, or none.
static std::optional<Facet> changedFacet(const AnalysisCacheKey &K,
                                         const Structure &S) {
  for (unsigned F = 0; F < NumFacets; ++F) {
    Facet Fa = static_cast<Facet>(F);
    if (K.Reads.contains(Fa) && S.hash(Fa) != K.Hashes[F])
      return Fa;
  }
  return std::nullopt;
}

static void fillHashes(AnalysisCacheKey &K, const Structure &S) {
  for (unsigned F = 0; F < NumFacets; ++F)
    K.Hashes[F] = K.Reads.contains(static_cast<Facet>(F))
                      ? S.hash(static_cast<Facet>(F))
                      : 0;
}

const AnalysisResultConcept &AnalysisManager::getResultImpl(
    const AnalysisInfo &Info, StringRef Canonical, const Structure &S,
    function_ref<std::unique_ptr<AnalysisResultConcept>()> Run) {
  std::string MK = mapKey(Info.Key, Canonical);
  auto It = Index.find(MK);
  if (It != Index.end()) {
    Entry &E = *It->second;
    std::optional<Facet> Changed = changedFacet(E.Key, S);
    if (!Changed) {
      if (Instr)
        Instr->analysisCacheHit(E.Spec);
      if (!Stack.empty()) {
        Stack.back().Reads = Stack.back().Reads | E.Key.Reads;
        Stack.back().Used.push_back(&E);
      }
      return *E.Result;
    }
    // Edited behind the manager's back (or another structure): recompute.
    if (Instr)
      Instr->analysisStale(E.Spec, *Changed);
    dropWithDependents(E, "", nullptr, "");
  }

  for (const Frame &F : Stack)
    if (F.Info == &Info && F.Canonical == Canonical)
      report_fatal_error(Twine("analysis '") + Info.spec(Canonical) +
                         "' asks for itself (dependency cycle)");

  std::string Spec = Info.spec(Canonical);
  std::unique_ptr<AnalysisResultConcept> R;
  Frame Done{&Info, Canonical.str(), Info.Reads, {}};
  if (Provider && Info.persistable()) {
    AnalysisCacheKey Served;
    auto FromStore = Provider->lookup(Info, Canonical, S, Served);
    if (!FromStore)
      emitError(FromStore.takeError());
    else if (*FromStore) {
      R = std::move(*FromStore);
      Done.Reads = Served.Reads;
      if (Instr)
        Instr->analysisServed(Spec, Provider->describe());
    }
  }
  if (!R) {
    Stack.push_back(std::move(Done));
    if (Instr)
      Instr->beforeAnalysis(Spec, S);
    R = Run();
    if (Instr)
      Instr->afterAnalysis(Spec, S);
    Done = Stack.pop_back_val();
  }

  Entries.emplace_back();
  auto NewIt = std::prev(Entries.end());
  Entry &E = *NewIt;
  E.Info = &Info;
  E.Key.Analysis = Info.Key;
  E.Key.Version = Info.Version;
  E.Key.Options = Canonical.str();
  E.Key.Reads = Done.Reads;
  fillHashes(E.Key, S);
  E.Result = std::move(R);
  E.Spec = std::move(Spec);
  for (Entry *U : Done.Used)
    U->Dependents.push_back(&E);
  Index[MK] = NewIt;

  if (!Stack.empty()) {
    Stack.back().Reads = Stack.back().Reads | E.Key.Reads;
    Stack.back().Used.push_back(&E);
  }
  return *E.Result;
}

const AnalysisResultConcept &
AnalysisManager::getResult(const AnalysisInfo &Info, const AnyOptions &O,
                           const Structure &S) {
  return getResultImpl(Info, O.Canonical, S,
                       [&] { return Info.Run(S, O, *this); });
}

const AnalysisResultConcept *
AnalysisManager::getCachedResultImpl(AnalysisKey *K, StringRef Canonical,
                                     const Structure &S) {
  auto It = Index.find(mapKey(K, Canonical));
  if (It == Index.end() || changedFacet(It->second->Key, S))
    return nullptr;
  return It->second->Result.get();
}

void AnalysisManager::erase(EntryList::iterator It) {
  Index.erase(mapKey(It->Key.Analysis, It->Key.Options));
  // Nobody may point at a dead entry.
  for (Entry &Other : Entries)
    llvm::erase(Other.Dependents, &*It);
  Entries.erase(It);
}

void AnalysisManager::dropWithDependents(Entry &Root, StringRef Pass,
                                         const Facet *Cause,
                                         StringRef Because) {
  // Collect the closure first, then erase, so that iteration never sees a
  // dead entry.
  SmallVector<Entry *, 8> Work{&Root};
  SmallVector<std::pair<Entry *, std::string>, 8> Doomed;
  SmallPtrSet<Entry *, 8> Seen{&Root};
  Doomed.emplace_back(&Root, Because.str());
  while (!Work.empty()) {
    Entry *E = Work.pop_back_val();
    for (Entry *D : E->Dependents)
      if (Seen.insert(D).second) {
        Work.push_back(D);
        Doomed.emplace_back(D, E->Spec);
      }
  }
  for (auto &[E, Why] : Doomed) {
    if (Instr && !Pass.empty())
      Instr->analysisInvalidated(E->Spec, Pass, E == &Root ? Cause : nullptr,
                                 Why);
    auto It = llvm::find_if(Entries, [&](const Entry &X) { return &X == E; });
    erase(It);
  }
}

void AnalysisManager::invalidate(const Structure &S, FacetSet Written,
                                 const PreservedAnalyses &PA, StringRef Pass) {
  if (PA.dropsEverything()) {
    for (Entry &E : Entries)
      if (Instr)
        Instr->analysisInvalidated(E.Spec, Pass, nullptr, "");
    Entries.clear();
    Index.clear();
    return;
  }
  if (Written.empty())
    return;
  // Decide every entry against the state before this invalidation: first
  // the directly hit ones, then their dependents.
  SmallVector<Entry *, 8> Hit;
  for (Entry &E : Entries) {
    if (!E.Key.Reads.intersects(Written))
      continue;
    if (PA.isPreserved(E.Key.Analysis, E.Info->MemberOf)) {
      if (Instr)
        Instr->analysisPreserved(E.Spec, Pass);
      fillHashes(E.Key, S); // re-key: valid for the new content
      continue;
    }
    Hit.push_back(&E);
  }
  for (Entry *E : Hit) {
    // An earlier drop may have taken E as a dependent already.
    bool Alive = llvm::any_of(Entries, [&](const Entry &X) { return &X == E; });
    if (!Alive)
      continue;
    Facet Cause = Facet::Topology;
    for (unsigned F = 0; F < NumFacets; ++F)
      if (E->Key.Reads.contains(static_cast<Facet>(F)) &&
          Written.contains(static_cast<Facet>(F))) {
        Cause = static_cast<Facet>(F);
        break;
      }
    // Dependents that the transform preserved stay (re-keyed above).
    SmallVector<Entry *, 2> Keep;
    for (Entry *D : E->Dependents)
      if (PA.isPreserved(D->Key.Analysis, D->Info->MemberOf))
        Keep.push_back(D);
    for (Entry *D : Keep)
      llvm::erase(E->Dependents, D);
    dropWithDependents(*E, Pass, &Cause, "");
  }
}

void AnalysisManager::invalidate(AnalysisKey *K, StringRef Pass) {
  for (;;) {
    auto It = llvm::find_if(
        Entries, [&](const Entry &E) { return E.Key.Analysis == K; });
    if (It == Entries.end())
      return;
    dropWithDependents(*It, Pass, nullptr, "");
  }
}

void AnalysisManager::clear() {
  Entries.clear();
  Index.clear();
}

std::vector<AnalysisCacheKey> AnalysisManager::cachedKeys() const {
  std::vector<AnalysisCacheKey> Keys;
  for (const Entry &E : Entries)
    Keys.push_back(E.Key);
  return Keys;
}

void AnalysisManager::forEachResult(
    const Structure &S,
    function_ref<void(const AnalysisInfo &, const AnalysisCacheKey &,
                      const AnalysisResultConcept &)>
        Fn) const {
  for (const Entry &E : Entries)
    if (!changedFacet(E.Key, S))
      Fn(*E.Info, E.Key, *E.Result);
}
