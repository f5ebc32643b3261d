//===- InputFile.cpp - Loading input text ---------------------------------===//
#include "qir/IO/InputFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

#include <zlib.h>

using namespace llvm;

bool qir::io::isGzip(StringRef Contents) {
  return Contents.size() >= 2 &&
         static_cast<unsigned char>(Contents[0]) == 0x1f &&
         static_cast<unsigned char>(Contents[1]) == 0x8b;
}

Expected<std::unique_ptr<MemoryBuffer>> qir::io::gunzip(StringRef Compressed,
                                                        StringRef Name) {
  z_stream Z{};
  // 15 window bits + 32: detect gzip or zlib headers automatically.
  if (inflateInit2(&Z, 15 + 32) != Z_OK)
    return createStringError(inconvertibleErrorCode(),
                             "%s: cannot initialise zlib", Name.str().c_str());
  SmallString<0> Out;
  Out.reserve(Compressed.size() * 4 + 4096);
  Z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(Compressed.data()));
  Z.avail_in = static_cast<uInt>(Compressed.size());
  int Ret = Z_OK;
  while (true) {
    if (Out.capacity() - Out.size() < 65536)
      Out.reserve(Out.capacity() * 2);
    size_t Before = Out.size();
    size_t Room = Out.capacity() - Before;
    Out.resize_for_overwrite(Before + Room);
    Z.next_out = reinterpret_cast<Bytef *>(Out.data() + Before);
    Z.avail_out = static_cast<uInt>(Room);
    Ret = inflate(&Z, Z_NO_FLUSH);
    Out.truncate(Before + (Room - Z.avail_out));
    if (Ret == Z_STREAM_END) {
      // Concatenated gzip members (bgzip, cat a.gz b.gz) continue.
      if (Z.avail_in == 0)
        break;
      if (inflateReset(&Z) != Z_OK)
        break;
      continue;
    }
    if (Ret != Z_OK && Ret != Z_BUF_ERROR) {
      size_t At = Compressed.size() - Z.avail_in;
      std::string Msg = Z.msg ? Z.msg : "corrupt data";
      inflateEnd(&Z);
      return createStringError(inconvertibleErrorCode(),
                               "%s: corrupt gzip stream at byte %zu of %zu: %s",
                               Name.str().c_str(), At, Compressed.size(),
                               Msg.c_str());
    }
    if (Ret == Z_BUF_ERROR && Z.avail_in == 0) {
      inflateEnd(&Z);
      return createStringError(
          inconvertibleErrorCode(),
          "%s: truncated gzip stream: input ends after %zu compressed bytes "
          "(%zu bytes inflated) before the end of the stream",
          Name.str().c_str(), Compressed.size(), Out.size());
    }
  }
  inflateEnd(&Z);
  return MemoryBuffer::getMemBufferCopy(Out, Name);
}

Expected<std::unique_ptr<MemoryBuffer>> qir::io::loadInputFile(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      Path == "-" ? MemoryBuffer::getSTDIN()
                  : MemoryBuffer::getFile(Path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!Buf)
    return createFileError(Path, errorCodeToError(Buf.getError()));
  if (isGzip((*Buf)->getBuffer()))
    return gunzip((*Buf)->getBuffer(), Path == "-" ? "<stdin>" : Path);
  return std::move(*Buf);
}
