//===- PassManager.h - Pipelines of transforms ------------------*- C++ -*-===//
//
// A transform is a class like
//
//   class StripPass : public PassInfoMixin<StripPass> {
//   public:
//     static constexpr llvm::StringLiteral Name = "strip";
//     static constexpr llvm::StringLiteral Description = "...";
//     struct Options : PassOptionsBase { ... template map() ... };
//     explicit StripPass(Options O);
//     PreservedAnalyses run(Structure &S, AnalysisManager &AM);
//   };
//
// It changes the IR only through the Structure's *ForWrite accessors, which
// bump facet generations; the PassManager compares generations around each
// run to learn what was written and has the AnalysisManager invalidate
// exactly that. require<X>, invalidate<X> and print<X> are passes too
// (AnalysisPasses.h).
//
//===----------------------------------------------------------------------===//
#ifndef QIR_PASS_PASSMANAGER_H
#define QIR_PASS_PASSMANAGER_H

#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/PassOptions.h"
#include "qir/Pass/PreservedAnalyses.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>
#include <vector>

namespace qir {

class Structure;

template <typename DerivedT> struct PassInfoMixin {
  static llvm::StringRef name() { return DerivedT::Name; }
};

/// A pass in a pipeline, type-erased.
class PassConcept {
public:
  virtual ~PassConcept();
  virtual PreservedAnalyses run(Structure &S, AnalysisManager &AM) = 0;
  /// The pipeline name ("strip").
  virtual llvm::StringRef name() const = 0;
  /// Canonical text of the element, every option spelled out
  /// ("strip<hydrogens=true;ions=false;ligands=false;waters=false>").
  virtual std::string spec() const = 0;
};

namespace detail {
/// "name" when \p Canonical is empty, else "name<Canonical>".
std::string joinSpec(llvm::StringRef Name, llvm::StringRef Canonical);

/// Transforms whose class holds its options as `Opts` print them; others
/// print their bare name.
template <typename T, typename = void> struct HasOpts : std::false_type {};
template <typename T>
struct HasOpts<T, std::void_t<decltype(std::declval<T &>().Opts)>>
    : std::true_type {};
} // namespace detail

template <typename PassT> class PassModel final : public PassConcept {
public:
  explicit PassModel(PassT P) : Pass(std::move(P)) {}
  PreservedAnalyses run(Structure &S, AnalysisManager &AM) override {
    return Pass.run(S, AM);
  }
  llvm::StringRef name() const override { return PassT::Name; }
  std::string spec() const override {
    if constexpr (detail::HasOpts<PassT>::value)
      return detail::joinSpec(PassT::Name, canonicalOptions(Pass.Opts));
    else
      return PassT::Name.str();
  }

private:
  PassT Pass;
};

/// Runs passes in order, invalidating after each what it wrote.
class PassManager {
public:
  template <typename PassT> void addPass(PassT P) {
    Passes.push_back(std::make_unique<PassModel<PassT>>(std::move(P)));
  }
  void addPass(std::unique_ptr<PassConcept> P) {
    Passes.push_back(std::move(P));
  }
  bool empty() const { return Passes.empty(); }
  size_t size() const { return Passes.size(); }
  const std::vector<std::unique_ptr<PassConcept>> &passes() const {
    return Passes;
  }

  /// Runs every pass in order. Stops after a pass that reported an error
  /// through AnalysisManager::emitError and returns it, prefixed with the
  /// pass's spec.
  llvm::Error run(Structure &S, AnalysisManager &AM);

  /// Comma-separated canonical specs of the passes.
  std::string spec() const;

private:
  std::vector<std::unique_ptr<PassConcept>> Passes;
};

} // namespace qir

#endif // QIR_PASS_PASSMANAGER_H
