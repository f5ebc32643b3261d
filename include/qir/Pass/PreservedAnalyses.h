//===- PreservedAnalyses.h - What a transform vouches for -------*- C++ -*-===//
//
// The manager knows which facets a transform wrote (it compares facet
// generations before and after the run), so a transform does not list
// them. What it returns is what it knows beyond that: results that are
// still valid although a facet they read was written (a rigid motion keeps
// every dihedral), or that nothing may be kept at all.
//
//   PreservedAnalyses()        keep every result whose facets were not
//                              written; the usual return value
//   PreservedAnalyses::all()   keep every result (nothing observable changed)
//   PreservedAnalyses::none()  drop every cached result
//   PA.preserve<X>()           keep X (all its option sets) regardless
//
//===----------------------------------------------------------------------===//
#ifndef QIR_PASS_PRESERVEDANALYSES_H
#define QIR_PASS_PRESERVEDANALYSES_H

#include "llvm/ADT/SmallPtrSet.h"

namespace qir {

/// Identity of an analysis: the address of its static Key. Define each Key
/// in exactly one .cpp file (plugins resolve built-in keys from the tool).
struct alignas(8) AnalysisKey {};

class PreservedAnalyses {
public:
  PreservedAnalyses() = default;
  static PreservedAnalyses all() {
    PreservedAnalyses PA;
    PA.All = true;
    return PA;
  }
  static PreservedAnalyses none() {
    PreservedAnalyses PA;
    PA.DropAll = true;
    return PA;
  }

  template <typename AnalysisT> PreservedAnalyses &preserve() {
    return preserve(AnalysisT::ID());
  }
  PreservedAnalyses &preserve(AnalysisKey *K) {
    Kept.insert(K);
    DropAll = false;
    return *this;
  }

  /// True when \p K is kept even if a facet it reads was written.
  bool isPreserved(AnalysisKey *K) const { return All || Kept.count(K); }
  bool areAllPreserved() const { return All; }
  bool dropsEverything() const { return DropAll; }

private:
  bool All = false;
  bool DropAll = false;
  llvm::SmallPtrSet<AnalysisKey *, 4> Kept;
};

} // namespace qir

#endif // QIR_PASS_PRESERVEDANALYSES_H
