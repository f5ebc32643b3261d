//===- Reader.h - Reading structure files -----------------------*- C++ -*-===//
//
// The one entry point tools use: readStructureFile() loads the input
// (gzip, "-"), picks the format (option, then extension, then content) and
// runs the mmCIF or PDB reader. Errors are located ParseErrors
// (file:line:col); warnings go to the handler.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_IO_READER_H
#define QIR_IO_READER_H

#include "qir/IO/Format.h"
#include "qir/IR/Structure.h"
#include "qir/Support/Diagnostic.h"

#include "llvm/Support/Error.h"

namespace qir::io {

struct ReadOptions {
  FileFormat Format = FileFormat::Unknown; ///< Unknown: detect
  /// Receives warnings (e.g. atoms dropped and why). Null: print to errs().
  DiagnosticHandler Warn;
  bool PerceiveBonds = true;
};

llvm::Expected<Structure> readStructureFile(llvm::StringRef Path,
                                            const ReadOptions &Opts = {});

/// Read from text already in memory. \p Name is used in diagnostics.
llvm::Expected<Structure> readStructureBuffer(llvm::StringRef Text,
                                              llvm::StringRef Name,
                                              const ReadOptions &Opts = {});

} // namespace qir::io

#endif // QIR_IO_READER_H
