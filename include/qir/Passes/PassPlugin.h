//===- PassPlugin.h - Passes loaded from shared objects ---------*- C++ -*-===//
//
// A plugin is a shared object that exports
//
//   extern "C" QIR_PLUGIN_EXPORT qir::PassPluginLibraryInfo
//   qirGetPassPluginInfo() {
//     return {QIR_PLUGIN_API_VERSION, "MyPlugin", "1.0",
//             [](qir::PassBuilder &PB) { PB.registerTransform<MyPass>(); }};
//   }
//
// and is loaded with `qopt -load-pass-plugin=my.so`. It is built against
// the installed qir CMake package (add_qir_plugin) and links neither qir
// nor LLVM: the tool exports its symbols, so there is one copy of every
// cl::opt and every AnalysisKey (see examples/plugin/).
//
//===----------------------------------------------------------------------===//
#ifndef QIR_PASSES_PASSPLUGIN_H
#define QIR_PASSES_PASSPLUGIN_H

#include "llvm/Support/DynamicLibrary.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>

namespace qir {

class PassBuilder;

/// Bumped whenever the plugin interface (PassBuilder, AnalysisManager,
/// PassManager, Structure layouts) changes incompatibly.
#define QIR_PLUGIN_API_VERSION 1

extern "C" {
struct PassPluginLibraryInfo {
  uint32_t APIVersion;
  const char *PluginName;
  const char *PluginVersion;
  void (*RegisterPassBuilderCallbacks)(PassBuilder &);
};
}

#define QIR_PLUGIN_EXPORT __attribute__((visibility("default")))

class PassPlugin {
public:
  /// Open \p Filename, find qirGetPassPluginInfo, check its API version.
  static llvm::Expected<PassPlugin> load(const std::string &Filename);

  llvm::StringRef filename() const { return Filename; }
  llvm::StringRef name() const { return Info.PluginName; }
  llvm::StringRef version() const { return Info.PluginVersion; }
  uint32_t apiVersion() const { return Info.APIVersion; }

  /// Let the plugin register its passes with \p PB.
  void registerPassBuilderCallbacks(PassBuilder &PB) const;

private:
  PassPlugin(std::string Filename, llvm::sys::DynamicLibrary Library)
      : Filename(std::move(Filename)), Library(Library), Info() {}

  std::string Filename;
  llvm::sys::DynamicLibrary Library;
  PassPluginLibraryInfo Info;
};

} // namespace qir

#endif // QIR_PASSES_PASSPLUGIN_H
