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
//   PA.preserveSet<SetT>()     keep every analysis that declares itself a
//                              member of SetT (LLVM's preserveSet<
//                              CFGAnalyses>()), e.g. rotate and translate
//                              preserve RigidMotionInvariantAnalyses
//
// An analysis joins a set by naming it in its class:
//
//   using MemberOf = AnalysisSets<RigidMotionInvariantAnalyses>;
//
// and says in its header why recomputing it after such a change gives the
// same result (and to what tolerance); a unit test must show it.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_PASS_PRESERVEDANALYSES_H
#define QIR_PASS_PRESERVEDANALYSES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace qir {

/// Identity of an analysis: the address of its static Key. Define each Key
/// in exactly one .cpp file (plugins resolve built-in keys from the tool).
struct alignas(8) AnalysisKey {};

/// Identity of a set of analyses (LLVM's AnalysisSetKey): the address of a
/// set class's static SetKey.
struct alignas(8) AnalysisSetKey {};

/// The analyses whose result does not depend on where the structure is in
/// space: a rigid motion of every state (rotate, translate) leaves them
/// unchanged, exactly or within the tolerance their header states (float32
/// coordinates are rounded again after a motion).
struct RigidMotionInvariantAnalyses {
  static AnalysisSetKey *ID() { return &SetKey; }
  static AnalysisSetKey SetKey;
};

/// The sets an analysis belongs to: `using MemberOf = AnalysisSets<...>;`.
template <typename... SetTs> struct AnalysisSets {
  static llvm::ArrayRef<AnalysisSetKey *> ids() {
    static AnalysisSetKey *const Ids[] = {SetTs::ID()..., nullptr};
    return llvm::ArrayRef<AnalysisSetKey *>(Ids, sizeof...(SetTs));
  }
};

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

  template <typename SetT> PreservedAnalyses &preserveSet() {
    return preserveSet(SetT::ID());
  }
  PreservedAnalyses &preserveSet(AnalysisSetKey *K) {
    KeptSets.insert(K);
    DropAll = false;
    return *this;
  }

  /// True when \p K, a member of the sets \p MemberOf, is kept even if a
  /// facet it reads was written.
  bool isPreserved(AnalysisKey *K,
                   llvm::ArrayRef<AnalysisSetKey *> MemberOf = {}) const {
    if (All || Kept.count(K))
      return true;
    for (AnalysisSetKey *Set : MemberOf)
      if (KeptSets.count(Set))
        return true;
    return false;
  }
  /// True when every member of \p Set is kept.
  bool isSetPreserved(AnalysisSetKey *Set) const {
    return All || KeptSets.count(Set);
  }
  bool areAllPreserved() const { return All; }
  bool dropsEverything() const { return DropAll; }

private:
  bool All = false;
  bool DropAll = false;
  llvm::SmallPtrSet<AnalysisKey *, 4> Kept;
  llvm::SmallPtrSet<AnalysisSetKey *, 2> KeptSets;
};

} // namespace qir

#endif // QIR_PASS_PRESERVEDANALYSES_H
