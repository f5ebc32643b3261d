//===- PdbWriter.cpp - IR to PDB ------------------------------------------===//
// Placeholder until the PDB writer lands (issue 3, in progress).
#include "qir/IO/Writer.h"

using namespace llvm;

Error qir::io::writePdb(const Structure &S, raw_ostream &OS) {
  return createStringError(inconvertibleErrorCode(),
                           "PDB writing is not implemented yet");
}
