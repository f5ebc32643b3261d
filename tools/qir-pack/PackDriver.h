//===- PackDriver.h - The qir-pack driver -----------------------*- C++ -*-===//
//
// qir-pack.cpp is one line; everything else is here, so that a downstream
// tool can build its own qir-pack with extra built-in passes, as qopt's
// driver allows.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_TOOLS_QIR_PACK_PACKDRIVER_H
#define QIR_TOOLS_QIR_PACK_PACKDRIVER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <string>
#include <vector>

namespace qir {
class PassBuilder;

/// Parse a file list: one path per line, surrounding blanks trimmed, blank
/// lines and lines whose first non-blank character is '#' skipped.
/// Appends to \p Paths.
void parseFileList(llvm::StringRef Text, std::vector<std::string> &Paths);

int qirPackMain(
    int Argc, char **Argv,
    llvm::ArrayRef<std::function<void(PassBuilder &)>> ExtraRegistrations = {});
} // namespace qir

#endif // QIR_TOOLS_QIR_PACK_PACKDRIVER_H
