//===- PassInstrumentation.h - Hooks around passes and analyses -*- C++ -*-===//
//
// The pass and analysis managers announce what they do to a list of
// observers: -debug-pass-manager, -time-passes and -print-after are each
// one observer (see StandardInstrumentations.h). Observers write to stderr;
// stdout belongs to print<X> tables.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_PASS_PASSINSTRUMENTATION_H
#define QIR_PASS_PASSINSTRUMENTATION_H

#include "qir/IR/Facet.h"

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <vector>

namespace qir {

class Structure;

/// An observer. Every hook defaults to doing nothing. \p Spec is the
/// canonical text of the pass or analysis ("strip<hydrogens=true;...>",
/// "backbone-dihedrals").
class PassInstrumentation {
public:
  virtual ~PassInstrumentation();

  virtual void beforePass(llvm::StringRef Spec, const Structure &S) {}
  /// \p Written: the facets whose generation the pass changed.
  virtual void afterPass(llvm::StringRef Spec, const Structure &S,
                         FacetSet Written) {}

  virtual void beforeAnalysis(llvm::StringRef Spec, const Structure &S) {}
  virtual void afterAnalysis(llvm::StringRef Spec, const Structure &S) {}
  virtual void analysisCacheHit(llvm::StringRef Spec) {}
  /// A result read back from persisted storage (\p From: "store").
  virtual void analysisServed(llvm::StringRef Spec, llvm::StringRef From) {}
  /// A cached result was found but the facets it read have changed
  /// content since (the structure was edited outside a pass).
  virtual void analysisStale(llvm::StringRef Spec, Facet Changed) {}
  /// \p Cause: the facet whose write dropped it, or nullopt when it fell
  /// because \p Because (an analysis it used) fell, or by invalidate<X>.
  virtual void analysisInvalidated(llvm::StringRef Spec, llvm::StringRef Pass,
                                   const Facet *Cause,
                                   llvm::StringRef Because) {}
  /// A result that read a written facet, kept by PreservedAnalyses.
  virtual void analysisPreserved(llvm::StringRef Spec, llvm::StringRef Pass) {}
};

/// Fans every hook out to the registered observers, in order.
class PassInstrumentationList final : public PassInstrumentation {
public:
  void add(std::unique_ptr<PassInstrumentation> P) {
    List.push_back(std::move(P));
  }
  bool empty() const { return List.empty(); }

  void beforePass(llvm::StringRef Spec, const Structure &S) override;
  void afterPass(llvm::StringRef Spec, const Structure &S,
                 FacetSet Written) override;
  void beforeAnalysis(llvm::StringRef Spec, const Structure &S) override;
  void afterAnalysis(llvm::StringRef Spec, const Structure &S) override;
  void analysisCacheHit(llvm::StringRef Spec) override;
  void analysisServed(llvm::StringRef Spec, llvm::StringRef From) override;
  void analysisStale(llvm::StringRef Spec, Facet Changed) override;
  void analysisInvalidated(llvm::StringRef Spec, llvm::StringRef Pass,
                           const Facet *Cause,
                           llvm::StringRef Because) override;
  void analysisPreserved(llvm::StringRef Spec, llvm::StringRef Pass) override;

private:
  std::vector<std::unique_ptr<PassInstrumentation>> List;
};

} // namespace qir

#endif // QIR_PASS_PASSINSTRUMENTATION_H
