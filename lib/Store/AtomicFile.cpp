//===- AtomicFile.cpp - Write a file whole or not at all ------------------===//
#include "qir/Store/AtomicFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

using namespace qir::store;
using namespace llvm;

AtomicFile::AtomicFile(StringRef Destination) : Dest(Destination.str()) {
  SmallString<256> Dir(Destination);
  sys::path::remove_filename(Dir);
  SmallString<256> T(Dir);
  sys::path::append(T, "." + sys::path::filename(Destination) + ".tmp." +
                           Twine(sys::Process::getProcessId()));
  Temp = std::string(T);
}

AtomicFile::AtomicFile(AtomicFile &&O)
    : Dest(std::move(O.Dest)), Temp(std::move(O.Temp)), Done(O.Done) {
  O.Done = true;
}

AtomicFile::~AtomicFile() {
  if (!Done)
    sys::fs::remove(Temp);
}

Error AtomicFile::commit() {
  crashPoint("rename");
  int FD = ::open(Temp.c_str(), O_RDONLY);
  if (FD >= 0) {
    ::fsync(FD);
    ::close(FD);
  }
  if (std::error_code EC = sys::fs::rename(Temp, Dest))
    return createStringError(EC, "cannot rename '%s' to '%s': %s", Temp.c_str(),
                             Dest.c_str(), EC.message().c_str());
  Done = true;
  return Error::success();
}

void AtomicFile::crashPoint(StringRef Stage) {
  const char *At = std::getenv("QIR_STORE_CRASH_AT");
  if (At && Stage == At)
    ::raise(SIGKILL);
}
