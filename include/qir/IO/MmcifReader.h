//===- MmcifReader.h - mmCIF to IR ------------------------------*- C++ -*-===//
#ifndef QIR_IO_MMCIFREADER_H
#define QIR_IO_MMCIFREADER_H

#include "qir/IO/Reader.h"

namespace qir::io {

/// Read the first data block of an mmCIF text straight into the columns.
/// A block with no _atom_site but a _chem_comp_atom table (a CCD entry)
/// becomes one residue built from the component's coordinates.
llvm::Expected<Structure> readMmcif(llvm::StringRef Text, llvm::StringRef Name,
                                    const ReadOptions &Opts);

} // namespace qir::io

#endif // QIR_IO_MMCIFREADER_H
