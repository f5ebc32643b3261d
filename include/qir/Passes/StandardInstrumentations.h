//===- StandardInstrumentations.h - -debug-pass-manager & co ----*- C++ -*-===//
//
// The observers behind qopt's instrumentation flags. Each writes to the
// stream it is given (qopt gives stderr, so stdout keeps only print<X>
// tables):
//
//   DebugPassManagerPrinter  -debug-pass-manager: every pass run, analysis
//                            run, cache hit, stale entry, invalidation (with
//                            the facet or the result that caused it) and
//                            preservation
//   TimePassesHandler        -time-passes: one table, a row per pass and per
//                            analysis, when it is destroyed (or report())
//   PrintAfterHandler        -print-after=X, -print-after-all: the IR summary
//                            after the named passes
//
//===----------------------------------------------------------------------===//
#ifndef QIR_PASSES_STANDARDINSTRUMENTATIONS_H
#define QIR_PASSES_STANDARDINSTRUMENTATIONS_H

#include "qir/Pass/PassInstrumentation.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <string>
#include <vector>

namespace qir {

class DebugPassManagerPrinter final : public PassInstrumentation {
public:
  explicit DebugPassManagerPrinter(llvm::raw_ostream &OS) : OS(OS) {}
  void beforePass(llvm::StringRef Spec, const Structure &S) override;
  void afterPass(llvm::StringRef Spec, const Structure &S,
                 FacetSet Written) override;
  void beforeAnalysis(llvm::StringRef Spec, const Structure &S) override;
  void analysisCacheHit(llvm::StringRef Spec) override;
  void analysisServed(llvm::StringRef Spec, llvm::StringRef From) override;
  void analysisStale(llvm::StringRef Spec, Facet Changed) override;
  void analysisInvalidated(llvm::StringRef Spec, llvm::StringRef Pass,
                           const Facet *Cause,
                           llvm::StringRef Because) override;
  void analysisPreserved(llvm::StringRef Spec, llvm::StringRef Pass) override;

private:
  llvm::raw_ostream &OS;
  unsigned Depth = 0; ///< analyses in flight (nested ones are indented)
};

class TimePassesHandler final : public PassInstrumentation {
public:
  explicit TimePassesHandler(llvm::raw_ostream &OS) : OS(OS) {}
  ~TimePassesHandler() override;
  void beforePass(llvm::StringRef Spec, const Structure &S) override;
  void afterPass(llvm::StringRef Spec, const Structure &S,
                 FacetSet Written) override;
  void beforeAnalysis(llvm::StringRef Spec, const Structure &S) override;
  void afterAnalysis(llvm::StringRef Spec, const Structure &S) override;
  /// Print the table now (and not again on destruction).
  void report();

private:
  using Clock = std::chrono::steady_clock;
  struct Row {
    std::string Name;
    bool IsAnalysis;
    unsigned Count = 0;
    double Seconds = 0;
  };
  Row &row(llvm::StringRef Name, bool IsAnalysis);
  void start(Row &R);
  void stop();
  llvm::raw_ostream &OS;
  std::vector<Row> Rows;
  std::vector<std::pair<Clock::time_point, size_t>> Running;
  bool Reported = false;
};

class PrintAfterHandler final : public PassInstrumentation {
public:
  /// \p Passes: pipeline names ("strip"); \p All: after every pass.
  PrintAfterHandler(llvm::raw_ostream &OS, std::vector<std::string> Passes,
                    bool All)
      : OS(OS), Passes(std::move(Passes)), All(All) {}
  void afterPass(llvm::StringRef Spec, const Structure &S,
                 FacetSet Written) override;

private:
  llvm::raw_ostream &OS;
  std::vector<std::string> Passes;
  bool All;
};

} // namespace qir

#endif // QIR_PASSES_STANDARDINSTRUMENTATIONS_H
