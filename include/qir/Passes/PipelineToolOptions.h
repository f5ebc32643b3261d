//===- PipelineToolOptions.h - Options of pipeline-running tools -*- C++
//-*-===//
//
// The command-line options every tool that runs pass pipelines shares
// (qopt, qir-pack): -format, -threads, -print-passes and -load-pass-plugin.
// A tool constructs one instance at file scope, in its own option
// category, before cl::ParseCommandLineOptions (as LLVM's codegen::
// RegisterCodeGenFlags keeps shared flags in one place).
//
//===----------------------------------------------------------------------===//
#ifndef QIR_PASSES_PIPELINETOOLOPTIONS_H
#define QIR_PASSES_PIPELINETOOLOPTIONS_H

#include "qir/IO/Reader.h"
#include "qir/Passes/PassPlugin.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/CommandLine.h"

#include <string>
#include <vector>

namespace qir {

class PipelineToolOptions {
public:
  /// Register the options in \p Cat; \p Tool prefixes plugin load errors.
  PipelineToolOptions(llvm::cl::OptionCategory &Cat, llvm::StringRef Tool);

  io::FileFormat format() const { return Format; }
  unsigned threads() const { return Threads; }
  bool printPasses() const { return PrintPasses; }
  /// The plugins -load-pass-plugin loaded, in command-line order.
  llvm::ArrayRef<PassPlugin> plugins() const { return Plugins; }

private:
  std::string Tool;
  std::vector<PassPlugin> Plugins;
  llvm::cl::opt<io::FileFormat> Format;
  llvm::cl::opt<unsigned> Threads;
  llvm::cl::opt<bool> PrintPasses;
  llvm::cl::list<std::string> PluginFiles;
};

} // namespace qir

#endif // QIR_PASSES_PIPELINETOOLOPTIONS_H
