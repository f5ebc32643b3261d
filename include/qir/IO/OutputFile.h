//===- OutputFile.h - Writing an output file whole or not at all -*- C++
//-*-===//
//
// writeOutputFile() runs a writer into memory and puts the text in place
// atomically: a temporary file beside the target, then a rename, so a
// failed write (the writer's error or the disk's) never leaves a partial
// file. "-" writes to standard output; a name ending in ".gz" is written
// gzip-compressed.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_IO_OUTPUTFILE_H
#define QIR_IO_OUTPUTFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace qir::io {

llvm::Error
writeOutputFile(llvm::StringRef Path,
                llvm::function_ref<llvm::Error(llvm::raw_ostream &)> Write);

/// \p Text as one gzip member (RFC 1952).
llvm::Expected<std::string> gzip(llvm::StringRef Text);

} // namespace qir::io

#endif // QIR_IO_OUTPUTFILE_H
