#include "qir/IO/Writer.h"
using namespace llvm;
Error qir::io::writeMmcif(const Structure &S, raw_ostream &OS) {
  return createStringError(inconvertibleErrorCode(), "todo");
}
