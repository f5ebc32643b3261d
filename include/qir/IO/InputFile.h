//===- InputFile.h - Loading input text -------------------------*- C++ -*-===//
//
// Reads a whole file (or standard input for "-") into memory, inflating
// gzip transparently (detected by magic bytes, not by name). A truncated or
// corrupt gzip stream is an error that names the file and the offset.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_IO_INPUTFILE_H
#define QIR_IO_INPUTFILE_H

#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>

namespace qir::io {

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
loadInputFile(llvm::StringRef Path);

/// Inflate a gzip stream (possibly several members). \p Name is for errors.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
gunzip(llvm::StringRef Compressed, llvm::StringRef Name);

bool isGzip(llvm::StringRef Contents);

} // namespace qir::io

#endif // QIR_IO_INPUTFILE_H
