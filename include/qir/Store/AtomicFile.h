//===- AtomicFile.h - Write a file whole or not at all ----------*- C++ -*-===//
//
// A writer creates a temporary file next to the destination (same
// directory, so same file system), writes and closes it, and commit()
// renames it over the destination. A writer killed before commit() leaves
// the destination untouched (and a stray ".NAME.tmp.PID" file); readers
// that opened the old file keep reading it.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_STORE_ATOMICFILE_H
#define QIR_STORE_ATOMICFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace qir::store {

class AtomicFile {
public:
  explicit AtomicFile(llvm::StringRef Destination);
  AtomicFile(AtomicFile &&O);
  AtomicFile &operator=(AtomicFile &&) = delete;
  ~AtomicFile(); ///< removes the temporary unless committed

  const std::string &tempPath() const { return Temp; }
  const std::string &destination() const { return Dest; }
  /// fsync the temporary and rename it over the destination.
  llvm::Error commit();

  /// Test hook: when the environment variable QIR_STORE_CRASH_AT equals
  /// \p Stage, the process kills itself with SIGKILL (a writer dying
  /// midway, as the atomic-write test needs).
  static void crashPoint(llvm::StringRef Stage);

private:
  std::string Dest, Temp;
  bool Done = false;
};

} // namespace qir::store

#endif // QIR_STORE_ATOMICFILE_H
