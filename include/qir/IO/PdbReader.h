//===- PdbReader.h - PDB to IR ----------------------------------*- C++ -*-===//
#ifndef QIR_IO_PDBREADER_H
#define QIR_IO_PDBREADER_H

#include "qir/IO/Reader.h"

namespace qir::io {

/// Read fixed-column PDB text (ATOM/HETATM/ANISOU/MODEL/ENDMDL/TER/HEADER/
/// CRYST1/SEQRES/SSBOND/LINK; everything else is skipped).
llvm::Expected<Structure> readPdb(llvm::StringRef Text, llvm::StringRef Name,
                                  const ReadOptions &Opts);

} // namespace qir::io

#endif // QIR_IO_PDBREADER_H
