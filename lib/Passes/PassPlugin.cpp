//===- PassPlugin.cpp - Passes loaded from shared objects -----------------===//
#include "qir/Passes/PassPlugin.h"

#include "qir/Passes/PassBuilder.h"

using namespace qir;
using namespace llvm;

Expected<PassPlugin> PassPlugin::load(const std::string &Filename) {
  std::string Err;
  auto Library =
      sys::DynamicLibrary::getPermanentLibrary(Filename.c_str(), &Err);
  if (!Library.isValid())
    return createStringError(inconvertibleErrorCode(),
                             "could not load plugin '%s': %s", Filename.c_str(),
                             Err.c_str());

  PassPlugin P(Filename, Library);
  void *Sym = Library.getAddressOfSymbol("qirGetPassPluginInfo");
  if (!Sym)
    return createStringError(inconvertibleErrorCode(),
                             "plugin '%s' is not a qir pass plugin: it does "
                             "not export qirGetPassPluginInfo",
                             Filename.c_str());
  P.Info = reinterpret_cast<PassPluginLibraryInfo (*)()>(Sym)();
  if (P.Info.APIVersion != QIR_PLUGIN_API_VERSION)
    return createStringError(
        inconvertibleErrorCode(),
        "plugin '%s' was built for qir plugin API version %u, but this "
        "tool has version %u: rebuild the plugin against this qir",
        Filename.c_str(), P.Info.APIVersion, QIR_PLUGIN_API_VERSION);
  if (!P.Info.RegisterPassBuilderCallbacks)
    return createStringError(inconvertibleErrorCode(),
                             "plugin '%s' registers nothing (empty "
                             "RegisterPassBuilderCallbacks)",
                             Filename.c_str());
  if (!P.Info.PluginName)
    P.Info.PluginName = "unnamed";
  if (!P.Info.PluginVersion)
    P.Info.PluginVersion = "";
  return P;
}

void PassPlugin::registerPassBuilderCallbacks(PassBuilder &PB) const {
  PB.setRegistrationOrigin(("plugin " + name()).str());
  Info.RegisterPassBuilderCallbacks(PB);
  PB.setRegistrationOrigin("built-in");
}
