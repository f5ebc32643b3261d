//===- Writer.cpp - Writing structure files -------------------------------===//
#include "qir/IO/Writer.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace qir;
using namespace qir::io;
using namespace llvm;

Error qir::io::writeStructureFile(const Structure &S, StringRef Path,
                                  FileFormat Format) {
  if (Format == FileFormat::Unknown)
    Format = formatFromPath(Path);
  if (Format == FileFormat::Unknown)
    return createStringError(inconvertibleErrorCode(),
                             "%s: cannot tell the output format from the "
                             "name; use a .cif or .pdb extension",
                             Path.str().c_str());
  auto Write = [&](raw_ostream &OS) {
    return Format == FileFormat::MMCIF ? writeMmcif(S, OS) : writePdb(S, OS);
  };
  if (Path == "-")
    return Write(outs());
  // Atomic: temporary file beside the target, then rename.
  SmallString<256> Model(Path);
  Model += ".tmp-%%%%%%";
  int FD;
  SmallString<256> Tmp;
  if (std::error_code EC = sys::fs::createUniqueFile(Model, FD, Tmp))
    return createFileError(Path, EC);
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    if (Error E = Write(OS)) {
      OS.close();
      sys::fs::remove(Tmp);
      return E;
    }
    OS.close();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      sys::fs::remove(Tmp);
      return createFileError(Path, EC);
    }
  }
  if (std::error_code EC = sys::fs::rename(Tmp, Path)) {
    sys::fs::remove(Tmp);
    return createFileError(Path, EC);
  }
  return Error::success();
}
