//===- AnalysisPasses.h - require<X>, invalidate<X>, print<X> ---*- C++ -*-===//
//
// Pipeline elements that act on analyses instead of the IR. They work on
// the type-erased AnalysisInfo so that the pipeline parser (and plugins)
// can build them from a name.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_PASS_ANALYSISPASSES_H
#define QIR_PASS_ANALYSISPASSES_H

#include "qir/Pass/PassManager.h"

#include <memory>

namespace qir {

/// require<X<opts>>: compute X and keep it cached.
class RequireAnalysisPass final : public PassConcept {
public:
  RequireAnalysisPass(const AnalysisInfo &Info,
                      std::unique_ptr<AnyOptions> Options)
      : Info(Info), Options(std::move(Options)) {}
  PreservedAnalyses run(Structure &S, AnalysisManager &AM) override;
  llvm::StringRef name() const override { return "require"; }
  std::string spec() const override;

private:
  const AnalysisInfo &Info;
  std::unique_ptr<AnyOptions> Options;
};

/// invalidate<X>: drop every cached X and what used it.
class InvalidateAnalysisPass final : public PassConcept {
public:
  explicit InvalidateAnalysisPass(const AnalysisInfo &Info) : Info(Info) {}
  PreservedAnalyses run(Structure &S, AnalysisManager &AM) override;
  llvm::StringRef name() const override { return "invalidate"; }
  std::string spec() const override;

private:
  const AnalysisInfo &Info;
};

/// print<X<opts>;printopts>: compute (or reuse) X and write its table.
class PrintAnalysisPass final : public PassConcept {
public:
  PrintAnalysisPass(const AnalysisInfo &Info,
                    std::unique_ptr<AnyOptions> Options,
                    std::unique_ptr<AnyOptions> PrintOptions,
                    llvm::raw_ostream &OS)
      : Info(Info), Options(std::move(Options)),
        PrintOptions(std::move(PrintOptions)), OS(OS) {}
  PreservedAnalyses run(Structure &S, AnalysisManager &AM) override;
  llvm::StringRef name() const override { return "print"; }
  std::string spec() const override;
  /// Write "#print<spec>" before the table (pipelines with several prints).
  void setHeader(bool On) { Header = On; }

private:
  const AnalysisInfo &Info;
  std::unique_ptr<AnyOptions> Options;
  std::unique_ptr<AnyOptions> PrintOptions;
  llvm::raw_ostream &OS;
  bool Header = false;
};

} // namespace qir

#endif // QIR_PASS_ANALYSISPASSES_H
