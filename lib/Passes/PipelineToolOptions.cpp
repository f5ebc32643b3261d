//===- PipelineToolOptions.cpp - Options of pipeline-running tools --------===//
#include "qir/Passes/PipelineToolOptions.h"

#include "qir/Support/Diagnostic.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace qir;
using namespace llvm;

PipelineToolOptions::PipelineToolOptions(cl::OptionCategory &Cat,
                                         StringRef ToolName)
    : Tool(ToolName.str()),
      Format("format",
             cl::desc("Input format (default: from the extension, then the "
                      "content)"),
             cl::values(
                 clEnumValN(io::FileFormat::MMCIF, "mmcif", "mmCIF / PDBx"),
                 clEnumValN(io::FileFormat::PDB, "pdb", "PDB fixed columns")),
             cl::init(io::FileFormat::Unknown), cl::cat(Cat)),
      Threads("threads",
              cl::desc("Worker threads for passes that use them (an "
                       "execution setting: never part of a cache key, never "
                       "changes a result)"),
              cl::init(1), cl::value_desc("N"), cl::cat(Cat)),
      PrintPasses(
          "print-passes",
          cl::desc("List every pass and analysis with its parameters and exit"),
          cl::cat(Cat)),
      PluginFiles(
          "load-pass-plugin",
          cl::desc("Load passes from a plugin shared object (repeatable)"),
          cl::value_desc("file.so"), cl::cat(Cat),
          cl::callback([this](const std::string &Path) {
            Expected<PassPlugin> P = PassPlugin::load(Path);
            if (!P) {
              reportError(P.takeError(), errs(), Tool);
              std::exit(1);
            }
            Plugins.push_back(std::move(*P));
          })) {}
