//===- PdbReader.cpp - PDB to IR ------------------------------------------===//
// Placeholder until the PDB reader lands (issue 3, in progress).
#include "qir/IO/PdbReader.h"

using namespace llvm;

Expected<qir::Structure> qir::io::readPdb(StringRef Text, StringRef Name,
                                          const ReadOptions &Opts) {
  return createStringError(inconvertibleErrorCode(),
                           "%s: PDB reading is not implemented yet",
                           Name.str().c_str());
}
