//===- Format.h - Structure file formats ------------------------*- C++ -*-===//
#ifndef QIR_IO_FORMAT_H
#define QIR_IO_FORMAT_H

#include "llvm/ADT/StringRef.h"

namespace qir::io {

enum class FileFormat { Unknown, MMCIF, PDB };

llvm::StringRef formatName(FileFormat F);

/// Format from a path's extension (".cif", ".mmcif", ".pdb", ".ent", ".pdb1"
/// ..., each optionally followed by ".gz"). Unknown if the name says nothing.
FileFormat formatFromPath(llvm::StringRef Path);

/// Format from the first bytes of (decompressed) content: "data_" or a CIF
/// comment/loop starts mmCIF; a PDB record name starts PDB.
FileFormat sniffFormat(llvm::StringRef Contents);

} // namespace qir::io

#endif // QIR_IO_FORMAT_H
