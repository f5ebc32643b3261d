//===- DsspMmcifWriter.cpp - DSSP as annotated mmCIF ----------------------===//
#include "qir/Analysis/DsspWriter.h"

using namespace qir;
using namespace llvm;

Error qir::writeDsspMmcif(raw_ostream &OS, const Structure &S, const Dssp &R,
                          const DsspReport &Rep, const io::CifBlock *Input,
                          const DsspMmcifOptions &Opts) {
  return createStringError(inconvertibleErrorCode(), "not yet");
}
