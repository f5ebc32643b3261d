//===- Reader.cpp - Reading structure files -------------------------------===//
#include "qir/IO/Reader.h"
#include "qir/IO/InputFile.h"
#include "qir/IO/MmcifReader.h"
#include "qir/IO/PdbReader.h"

#include "llvm/ADT/StringExtras.h"

using namespace qir;
using namespace qir::io;
using namespace llvm;

Expected<Structure> qir::io::readStructureBuffer(StringRef Text, StringRef Name,
                                                 const ReadOptions &Opts) {
  ReadOptions O = Opts;
  if (!O.Warn)
    O.Warn = printingDiagnosticHandler(errs());
  FileFormat F = O.Format;
  if (F == FileFormat::Unknown)
    F = formatFromPath(Name);
  FileFormat Sniffed = sniffFormat(Text);
  if (F == FileFormat::Unknown)
    F = Sniffed;
  if (Text.find_first_not_of(" \t\r\n") == StringRef::npos)
    return make_error<ParseError>(
        locate(Name, Text, Text.end(), "empty input: no atoms to read"));
  // A binary file is rejected at its first non-text byte.
  for (size_t I = 0, E = std::min<size_t>(Text.size(), 4096); I < E; ++I) {
    unsigned char C = Text[I];
    if (C == 0 ||
        (C < 0x20 && C != '\n' && C != '\r' && C != '\t' && C != '\f'))
      return makeParseError(Name, Text, Text.data() + I,
                            "binary data in a text structure file (byte 0x" +
                                utohexstr(C, /*LowerCase=*/true, 2) + ")");
  }
  switch (F) {
  case FileFormat::MMCIF:
    return readMmcif(Text, Name, O);
  case FileFormat::PDB:
    return readPdb(Text, Name, O);
  case FileFormat::Unknown:
    break;
  }
  return makeParseError(Name, Text, Text.data(),
                        "cannot tell the format: neither mmCIF (data_ block) "
                        "nor PDB records; name it with a .cif or .pdb "
                        "extension");
}

Expected<Structure> qir::io::readStructureFile(StringRef Path,
                                               const ReadOptions &Opts) {
  auto Buf = loadInputFile(Path);
  if (!Buf)
    return Buf.takeError();
  StringRef Name = Path == "-" ? StringRef("<stdin>") : Path;
  ReadOptions O = Opts;
  if (O.Format == FileFormat::Unknown)
    O.Format = formatFromPath(Path);
  return readStructureBuffer((*Buf)->getBuffer(), Name, O);
}
