//===- BadVersionPlugin.cpp - A plugin built for another API version ------===//
//
// Test input: qopt must refuse it with both version numbers in the message.
//
//===----------------------------------------------------------------------===//
#include "qir/Passes/PassPlugin.h"

extern "C" QIR_PLUGIN_EXPORT qir::PassPluginLibraryInfo qirGetPassPluginInfo() {
  return {QIR_PLUGIN_API_VERSION + 41, "BadVersion", "0.1",
          [](qir::PassBuilder &) {}};
}
