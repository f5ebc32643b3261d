//===- qir-pack.cpp - Pack many structures into one shard -----------------===//
//
// qir-pack -passes='PIPELINE' -o SHARD.qir.h5 FILES... See PackDriver.cpp
// and docs/qir-pack.md.
//
//===----------------------------------------------------------------------===//
#include "PackDriver.h"

int main(int Argc, char **Argv) { return qir::qirPackMain(Argc, Argv); }
