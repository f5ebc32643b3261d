//===- Writer.h - Writing structure files -----------------------*- C++ -*-===//
//
// writeStructureFile() picks the format from the extension (or the option)
// and writes atomically: a temporary file in the same directory, then a
// rename, so a failed write never leaves a partial output file. "-" writes
// to standard output.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_IO_WRITER_H
#define QIR_IO_WRITER_H

#include "qir/IO/Format.h"
#include "qir/IR/Structure.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace qir::io {

/// Write every state as a model, every atom record with its extra columns.
llvm::Error writeMmcif(const Structure &S, llvm::raw_ostream &OS);

/// Errors (naming the limit) when the structure cannot be held by PDB:
/// more than 99,999 atoms per model, chain ids over one character, residue
/// names over three, sequence numbers outside -999..9999.
llvm::Error writePdb(const Structure &S, llvm::raw_ostream &OS);

llvm::Error writeStructureFile(const Structure &S, llvm::StringRef Path,
                               FileFormat Format = FileFormat::Unknown);

} // namespace qir::io

#endif // QIR_IO_WRITER_H
