//===- PassBuilder.h - Pass names, pipeline text, registration --*- C++ -*-===//
//
// The PassBuilder knows every pass and analysis by its pipeline name: the
// built-in ones from PassRegistry.def, and those that plugins register
// through the same templates. It turns pipeline text into a PassManager
// (LLVM's opt syntax, see docs/qopt.md) and describes what it knows for
// -print-passes.
//
//   PassBuilder PB;
//   PassManager PM;
//   if (Error E = PB.parsePassPipeline(PM, "strip<waters>,print<counts>",
//                                      outs()))
//     ...  // a ParseError at "<pipeline>:1:COL" with a caret
//
//===----------------------------------------------------------------------===//
#ifndef QIR_PASSES_PASSBUILDER_H
#define QIR_PASSES_PASSBUILDER_H

#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/PassManager.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace qir {

/// What the builder knows about a transform without knowing its type.
struct TransformInfo {
  llvm::StringRef Name;
  llvm::StringRef Description;
  std::vector<OptionDescription> Options;
  std::unique_ptr<PassConcept> (*Create)(
      llvm::ArrayRef<PassParam>, std::optional<OptionIssue> &) = nullptr;
  std::string Origin; ///< "built-in" or the plugin's name
};

namespace detail {
template <typename PassT>
std::unique_ptr<PassConcept> createPass(llvm::ArrayRef<PassParam> Params,
                                        std::optional<OptionIssue> &Issue) {
  auto O = parseOptions<typename PassT::Options>(Params, Issue);
  if (Issue)
    return nullptr;
  return std::make_unique<PassModel<PassT>>(PassT(std::move(O)));
}
} // namespace detail

class PassBuilder {
public:
  /// Registers the built-in passes and analyses.
  PassBuilder();

  /// Register a transform class (see PassManager.h for its shape).
  template <typename PassT> void registerTransform() {
    TransformInfo I;
    I.Name = PassT::Name;
    I.Description = PassT::Description;
    I.Options = describeOptions<typename PassT::Options>();
    I.Create = &detail::createPass<PassT>;
    addTransform(std::move(I));
  }
  /// Register an analysis class (see AnalysisManager.h for its shape).
  template <typename AnalysisT> void registerAnalysis() {
    addAnalysis(analysisInfo<AnalysisT>());
  }

  /// Plugins call the register functions while this names them, so that
  /// -print-passes can say where a pass comes from.
  void setRegistrationOrigin(llvm::StringRef Origin) {
    this->Origin = Origin.str();
  }
  /// Names registered twice (by plugins); empty when all is well.
  const std::vector<std::string> &registrationConflicts() const {
    return Conflicts;
  }

  /// Parse \p Text into \p PM. print<X> passes write to \p PrintOS.
  /// Errors are ParseErrors located in the text ("<pipeline>:1:COL").
  llvm::Error parsePassPipeline(PassManager &PM, llvm::StringRef Text,
                                llvm::raw_ostream &PrintOS);

  const AnalysisInfo *lookupAnalysis(llvm::StringRef Name) const;
  const TransformInfo *lookupTransform(llvm::StringRef Name) const;

  /// The registered name nearest to \p Name (for "did you mean"), or "".
  std::string closestName(llvm::StringRef Name) const;

  /// Every pass and analysis with its parameter syntax and description.
  void printPassNames(llvm::raw_ostream &OS) const;

private:
  void addTransform(TransformInfo I);
  void addAnalysis(const AnalysisInfo &I);

  std::vector<std::unique_ptr<TransformInfo>> Transforms;
  std::vector<std::pair<const AnalysisInfo *, std::string>> Analyses;
  llvm::StringMap<const TransformInfo *> TransformByName;
  llvm::StringMap<const AnalysisInfo *> AnalysisByName;
  std::string Origin = "built-in";
  std::vector<std::string> Conflicts;
};

} // namespace qir

#endif // QIR_PASSES_PASSBUILDER_H
