//===- OutputFile.cpp - Writing an output file whole or not at all --------===//
#include "qir/IO/OutputFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

#include <zlib.h>

using namespace qir;
using namespace qir::io;
using namespace llvm;

Expected<std::string> qir::io::gzip(StringRef Text) {
  z_stream Z{};
  // windowBits 15 + 16: a gzip header and trailer around the deflate data.
  if (deflateInit2(&Z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    return createStringError(inconvertibleErrorCode(),
                             "cannot start gzip compression");
  std::string Out;
  Out.resize(deflateBound(&Z, Text.size()) + 32);
  Z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(Text.data()));
  Z.avail_in = static_cast<uInt>(Text.size());
  Z.next_out = reinterpret_cast<Bytef *>(Out.data());
  Z.avail_out = static_cast<uInt>(Out.size());
  int RC = deflate(&Z, Z_FINISH);
  size_t Written = Out.size() - Z.avail_out;
  deflateEnd(&Z);
  if (RC != Z_STREAM_END)
    return createStringError(inconvertibleErrorCode(),
                             "gzip compression failed");
  Out.resize(Written);
  return Out;
}

Error qir::io::writeOutputFile(StringRef Path,
                               function_ref<Error(raw_ostream &)> Write) {
  if (Path == "-") {
    if (Error E = Write(outs()))
      return E;
    outs().flush();
    return Error::success();
  }
  std::string Text;
  {
    raw_string_ostream OS(Text);
    if (Error E = Write(OS))
      return E;
  }
  if (Path.ends_with(".gz")) {
    Expected<std::string> Z = gzip(Text);
    if (!Z)
      return Z.takeError();
    Text = std::move(*Z);
  }
  SmallString<256> Model(Path);
  Model += ".tmp-%%%%%%";
  int FD;
  SmallString<256> Tmp;
  if (std::error_code EC = sys::fs::createUniqueFile(Model, FD, Tmp))
    return createFileError(Path, EC);
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
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
