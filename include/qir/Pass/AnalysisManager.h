//===- AnalysisManager.h - Keyed cache of analysis results ------*- C++ -*-===//
//
// An analysis is a class like
//
//   class CountsAnalysis : public AnalysisInfoMixin<CountsAnalysis> {
//   public:
//     static constexpr llvm::StringLiteral Name = "counts";
//     static constexpr llvm::StringLiteral Description = "...";
//     static constexpr unsigned Version = 1;
//     static constexpr FacetSet Reads = Facet::Topology;
//     using Options = NoOptions;         // see PassOptions.h
//     using PrintOptions = NoOptions;    // options of print<counts;...>
//     using Result = ChainCounts;
//     Result run(const Structure &, const Options &, AnalysisManager &);
//     static void print(llvm::raw_ostream &, const Structure &,
//                       const Result &, const PrintOptions &);
//     static AnalysisKey Key;            // defined in one .cpp
//   };
//
// The cache key of a result is (analysis, version, canonical options,
// content hashes of the facets read). Facets read include those of every
// analysis the run asked for, so a lookup validates a hit by comparing
// hashes (cached by the Structure against facet generations: no rehashing
// while nothing changes). Results with different options are different
// entries. After a transform the manager drops exactly the entries whose
// read facets were written, plus every entry that used a dropped one,
// unless PreservedAnalyses keeps them.
//
// A reference returned by getResult() stays valid until the next
// invalidation (the next transform, invalidate<X> or clear()).
//
//===----------------------------------------------------------------------===//
#ifndef QIR_PASS_ANALYSISMANAGER_H
#define QIR_PASS_ANALYSISMANAGER_H

#include "qir/IR/Facet.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/PassInstrumentation.h"
#include "qir/Pass/PassOptions.h"
#include "qir/Pass/PreservedAnalyses.h"
#include "qir/Pass/ResultSerializer.h"
#include "qir/Support/Diagnostic.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <array>
#include <list>
#include <memory>
#include <string>

namespace qir {

class AnalysisManager;

/// Gives an analysis its identity (the address of its Key).
template <typename DerivedT> struct AnalysisInfoMixin {
  static AnalysisKey *ID() { return &DerivedT::Key; }
};

/// A cached result, type-erased.
struct AnalysisResultConcept {
  virtual ~AnalysisResultConcept();
};
template <typename AnalysisT>
struct AnalysisResultModel final : AnalysisResultConcept {
  explicit AnalysisResultModel(typename AnalysisT::Result R)
      : Result(std::move(R)) {}
  typename AnalysisT::Result Result;
};

/// Parsed options of some pass or analysis, type-erased, with their
/// canonical text.
struct AnyOptions {
  virtual ~AnyOptions();
  std::string Canonical;
};
template <typename OptionsT> struct OptionsModel final : AnyOptions {
  explicit OptionsModel(OptionsT O) : Value(std::move(O)) {
    Canonical = canonicalOptions(Value);
  }
  OptionsT Value;
};

/// What the registry, the printers and the cache know about an analysis
/// without knowing its type. Built from the class by analysisInfo<T>().
struct AnalysisInfo {
  llvm::StringRef Name;
  llvm::StringRef Description;
  AnalysisKey *Key = nullptr;
  unsigned Version = 0;
  FacetSet Reads;
  /// The analysis sets it belongs to (`using MemberOf = AnalysisSets<...>`
  /// in the class; PreservedAnalyses.h).
  llvm::ArrayRef<AnalysisSetKey *> MemberOf;
  std::vector<OptionDescription> Options;
  std::vector<OptionDescription> PrintOptions;

  std::unique_ptr<AnyOptions> (*ParseOptions)(
      llvm::ArrayRef<PassParam>, std::optional<OptionIssue> &) = nullptr;
  std::unique_ptr<AnyOptions> (*ParsePrintOptions)(
      llvm::ArrayRef<PassParam>, std::optional<OptionIssue> &) = nullptr;
  std::unique_ptr<AnalysisResultConcept> (*Run)(const Structure &,
                                                const AnyOptions &,
                                                AnalysisManager &) = nullptr;
  void (*Print)(llvm::raw_ostream &, const Structure &,
                const AnalysisResultConcept &, const AnyOptions &) = nullptr;
  /// Serializer (ResultSerializer.h); both null when the analysis does not
  /// define write()/read() and is never persisted.
  llvm::Error (*Write)(ResultSink &, const AnalysisResultConcept &) = nullptr;
  llvm::Expected<std::unique_ptr<AnalysisResultConcept>> (*Read)(
      ResultSource &, const Structure &) = nullptr;

  bool persistable() const { return Write && Read; }
  /// "name" or "name<canonical options>".
  std::string spec(llvm::StringRef CanonicalOptions) const;
};

namespace detail {
template <typename OptionsT>
std::unique_ptr<AnyOptions> parseAny(llvm::ArrayRef<PassParam> Params,
                                     std::optional<OptionIssue> &Issue) {
  OptionsT O = parseOptions<OptionsT>(Params, Issue);
  if (Issue)
    return nullptr;
  return std::make_unique<OptionsModel<OptionsT>>(std::move(O));
}
template <typename AnalysisT>
std::unique_ptr<AnalysisResultConcept>
runAny(const Structure &S, const AnyOptions &O, AnalysisManager &AM) {
  using OptionsT = typename AnalysisT::Options;
  AnalysisT A;
  return std::make_unique<AnalysisResultModel<AnalysisT>>(
      A.run(S, static_cast<const OptionsModel<OptionsT> &>(O).Value, AM));
}
template <typename AnalysisT>
void printAny(llvm::raw_ostream &OS, const Structure &S,
              const AnalysisResultConcept &R, const AnyOptions &PO) {
  using PrintOptionsT = typename AnalysisT::PrintOptions;
  AnalysisT::print(
      OS, S, static_cast<const AnalysisResultModel<AnalysisT> &>(R).Result,
      static_cast<const OptionsModel<PrintOptionsT> &>(PO).Value);
}
template <typename AnalysisT, typename = void>
struct HasSerializer : std::false_type {};
template <typename AnalysisT>
struct HasSerializer<
    AnalysisT,
    std::void_t<decltype(AnalysisT::write(
                    std::declval<ResultSink &>(),
                    std::declval<const typename AnalysisT::Result &>())),
                decltype(AnalysisT::read(std::declval<ResultSource &>(),
                                         std::declval<const Structure &>()))>>
    : std::true_type {};

template <typename AnalysisT, typename = void>
struct MemberOfSets : AnalysisSets<> {};
template <typename AnalysisT>
struct MemberOfSets<AnalysisT, std::void_t<typename AnalysisT::MemberOf>>
    : AnalysisT::MemberOf {};

template <typename AnalysisT>
llvm::Error writeAny(ResultSink &Sink, const AnalysisResultConcept &R) {
  return AnalysisT::write(
      Sink, static_cast<const AnalysisResultModel<AnalysisT> &>(R).Result);
}
template <typename AnalysisT>
llvm::Expected<std::unique_ptr<AnalysisResultConcept>>
readAny(ResultSource &Source, const Structure &S) {
  auto R = AnalysisT::read(Source, S);
  if (!R)
    return R.takeError();
  return std::make_unique<AnalysisResultModel<AnalysisT>>(std::move(*R));
}
} // namespace detail

template <typename AnalysisT> AnalysisInfo makeAnalysisInfo() {
  AnalysisInfo I;
  I.Name = AnalysisT::Name;
  I.Description = AnalysisT::Description;
  I.Key = AnalysisT::ID();
  I.Version = AnalysisT::Version;
  I.Reads = AnalysisT::Reads;
  I.MemberOf = detail::MemberOfSets<AnalysisT>::ids();
  I.Options = describeOptions<typename AnalysisT::Options>();
  I.PrintOptions = describeOptions<typename AnalysisT::PrintOptions>();
  I.ParseOptions = &detail::parseAny<typename AnalysisT::Options>;
  I.ParsePrintOptions = &detail::parseAny<typename AnalysisT::PrintOptions>;
  I.Run = &detail::runAny<AnalysisT>;
  I.Print = &detail::printAny<AnalysisT>;
  if constexpr (detail::HasSerializer<AnalysisT>::value) {
    I.Write = &detail::writeAny<AnalysisT>;
    I.Read = &detail::readAny<AnalysisT>;
  }
  return I;
}

/// The one descriptor of \p AnalysisT.
template <typename AnalysisT> const AnalysisInfo &analysisInfo() {
  static const AnalysisInfo I = makeAnalysisInfo<AnalysisT>();
  return I;
}

/// Settings of how work is done, never of what it computes. They are not
/// part of any cache key.
struct ExecutionSettings {
  unsigned Threads = 1;
};

/// The full key of a cached result.
struct AnalysisCacheKey {
  AnalysisKey *Analysis = nullptr;
  unsigned Version = 0;
  std::string Options; ///< canonical
  FacetSet Reads;      ///< own facets and those of every analysis used
  std::array<uint64_t, NumFacets> Hashes = {}; ///< for facets in Reads

  /// "name/vVERSION/options/facet=hash,..." (hashes in hex).
  std::string str(llvm::StringRef Name) const;
};

/// Persisted results the manager consults before computing one (the HDF5
/// store implements it; Pass knows no store).
class ResultProvider {
public:
  virtual ~ResultProvider();
  /// A persisted result of \p Info with canonical options \p Canonical
  /// that is valid for \p S (its facet hashes match), read back, with
  /// \p Key set to the facets it read and their hashes; null when there
  /// is none. An error when one exists but cannot be used (a damaged
  /// body, or a stale one under a policy that refuses stale results).
  virtual llvm::Expected<std::unique_ptr<AnalysisResultConcept>>
  lookup(const AnalysisInfo &Info, llvm::StringRef Canonical,
         const Structure &S, AnalysisCacheKey &Key) = 0;
  /// Where results come from, for -debug-pass-manager ("store").
  virtual llvm::StringRef describe() const = 0;
};

class AnalysisManager {
public:
  AnalysisManager();
  ~AnalysisManager();
  AnalysisManager(const AnalysisManager &) = delete;
  AnalysisManager &operator=(const AnalysisManager &) = delete;

  /// The result of \p AnalysisT with options \p O on \p S: from the cache
  /// when the facets it read are unchanged, computed (and cached)
  /// otherwise.
  template <typename AnalysisT>
  const typename AnalysisT::Result &
  getResult(const Structure &S, const typename AnalysisT::Options &O = {}) {
    const AnalysisInfo &Info = analysisInfo<AnalysisT>();
    std::string Canonical = canonicalOptions(O);
    auto Run = [&]() -> std::unique_ptr<AnalysisResultConcept> {
      AnalysisT A;
      return std::make_unique<AnalysisResultModel<AnalysisT>>(
          A.run(S, O, *this));
    };
    return static_cast<const AnalysisResultModel<AnalysisT> &>(
               getResultImpl(Info, Canonical, S, Run))
        .Result;
  }

  /// The cached result, or null; never computes.
  template <typename AnalysisT>
  const typename AnalysisT::Result *
  getCachedResult(const Structure &S,
                  const typename AnalysisT::Options &O = {}) {
    const AnalysisResultConcept *R =
        getCachedResultImpl(AnalysisT::ID(), canonicalOptions(O), S);
    return R ? &static_cast<const AnalysisResultModel<AnalysisT> *>(R)->Result
             : nullptr;
  }

  /// Type-erased forms for the pipeline (require<X>, print<X>).
  const AnalysisResultConcept &
  getResult(const AnalysisInfo &Info, const AnyOptions &O, const Structure &S);

  /// After a transform named \p Pass wrote \p Written: drop the entries
  /// that read a written facet and are not preserved, then everything that
  /// used a dropped entry. Preserved entries are re-keyed to the new facet
  /// hashes.
  void invalidate(const Structure &S, FacetSet Written,
                  const PreservedAnalyses &PA, llvm::StringRef Pass);
  /// invalidate<X>: drop every entry of \p K (all option sets) and their
  /// dependents.
  void invalidate(AnalysisKey *K, llvm::StringRef Pass);
  void clear();

  /// Number of cached results.
  size_t size() const { return Entries.size(); }
  /// Keys of the cached results, oldest first (for tests and the store).
  std::vector<AnalysisCacheKey> cachedKeys() const;

  /// A transform that cannot do what it was asked (select-model<7> on a
  /// structure without model 7) reports it here, as LLVM passes report to
  /// their LLVMContext; the PassManager stops after that pass and returns
  /// the error. Only the first error is kept.
  void emitError(llvm::Error E) {
    if (HasError) {
      llvm::consumeError(std::move(E));
      return;
    }
    llvm::cantFail(std::move(PendingError)); // always success here
    PendingError = std::move(E);
    HasError = true;
  }
  bool hasError() const { return HasError; }
  llvm::Error takeError() {
    HasError = false;
    llvm::Error E = std::move(PendingError);
    PendingError = llvm::Error::success();
    return E;
  }

  /// Warnings of analyses (an atom without a radius, coincident atoms) go
  /// to this handler, as LLVM passes report to their LLVMContext's
  /// DiagnosticHandler, never straight to errs(): a tool counts, groups or
  /// silences them by installing its own. The default prints each to
  /// llvm::errs() as "analysis: warning: message". Call from the thread
  /// that runs the analysis (not from its worker threads).
  void setDiagnosticHandler(DiagnosticHandler H);
  /// Report \p D to the handler.
  void diagnose(const Diagnostic &D);
  /// Report a warning of \p Analysis (its pipeline name), not located in a
  /// file.
  void warning(llvm::StringRef Analysis, const llvm::Twine &Message);
  /// Warnings reported since the manager was made.
  unsigned numWarnings() const { return NumWarnings; }

  /// Consult \p P before computing a result (null: never).
  void setResultProvider(ResultProvider *P) { Provider = P; }
  ResultProvider *resultProvider() const { return Provider; }

  /// Visit every cached result valid for \p S, oldest first.
  void forEachResult(
      const Structure &S,
      llvm::function_ref<void(const AnalysisInfo &, const AnalysisCacheKey &,
                              const AnalysisResultConcept &)>
          Fn) const;

  void setInstrumentation(PassInstrumentation *PI) { Instr = PI; }
  PassInstrumentation *instrumentation() const { return Instr; }
  const ExecutionSettings &execution() const { return Exec; }
  void setExecution(ExecutionSettings E) { Exec = E; }

private:
  struct Entry {
    const AnalysisInfo *Info = nullptr;
    AnalysisCacheKey Key;
    std::unique_ptr<AnalysisResultConcept> Result;
    /// Entries whose computation asked for this one.
    llvm::SmallVector<Entry *, 2> Dependents;
    std::string Spec; ///< for messages
  };
  using EntryList = std::list<Entry>;

  const AnalysisResultConcept &getResultImpl(
      const AnalysisInfo &Info, llvm::StringRef Canonical, const Structure &S,
      llvm::function_ref<std::unique_ptr<AnalysisResultConcept>()> Run);
  const AnalysisResultConcept *getCachedResultImpl(AnalysisKey *K,
                                                   llvm::StringRef Canonical,
                                                   const Structure &S);
  static std::string mapKey(AnalysisKey *K, llvm::StringRef Canonical);
  void erase(EntryList::iterator It);
  void dropWithDependents(Entry &E, llvm::StringRef Pass, const Facet *Cause,
                          llvm::StringRef Because);

  EntryList Entries;
  llvm::StringMap<EntryList::iterator> Index;
  /// Computations in flight (an analysis asking for another).
  struct Frame {
    const AnalysisInfo *Info;
    std::string Canonical;
    FacetSet Reads;
    llvm::SmallVector<Entry *, 2> Used;
  };
  llvm::SmallVector<Frame, 4> Stack;
  PassInstrumentation *Instr = nullptr;
  ResultProvider *Provider = nullptr;
  ExecutionSettings Exec;
  DiagnosticHandler Diagnostics;
  unsigned NumWarnings = 0;
  llvm::Error PendingError = llvm::Error::success();
  bool HasError = false;
};

} // namespace qir

#endif // QIR_PASS_ANALYSISMANAGER_H
