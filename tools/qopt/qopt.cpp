//===- qopt.cpp - Run pass pipelines on structures ------------------------===//
//
// Like LLVM's opt: qopt INPUT -passes='PIPELINE' [-o OUTPUT]. See
// QoptDriver.cpp and docs/qopt.md.
//
//===----------------------------------------------------------------------===//
#include "QoptDriver.h"

int main(int Argc, char **Argv) { return qir::qoptMain(Argc, Argv); }
