//===- QoptDriver.h - The qopt driver, callable from other tools -*- C++
//-*-===//
//
// qopt.cpp is one line; everything else is here, so that a downstream tool
// can build its own qopt with extra built-in passes (\p ExtraRegistrations)
// instead of forking it, as LLVM's optMain does.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_TOOLS_QOPT_QOPTDRIVER_H
#define QIR_TOOLS_QOPT_QOPTDRIVER_H

#include "llvm/ADT/ArrayRef.h"

#include <functional>

namespace qir {
class PassBuilder;

int qoptMain(
    int Argc, char **Argv,
    llvm::ArrayRef<std::function<void(PassBuilder &)>> ExtraRegistrations = {});
} // namespace qir

#endif // QIR_TOOLS_QOPT_QOPTDRIVER_H
