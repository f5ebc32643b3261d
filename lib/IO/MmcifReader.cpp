#include "qir/IO/MmcifReader.h"
using namespace llvm;
Expected<qir::Structure> qir::io::readMmcif(StringRef Text, StringRef Name,
                                            const ReadOptions &Opts) {
  return createStringError(inconvertibleErrorCode(), "todo");
}
