//===- Format.cpp - Structure file formats --------------------------------===//
#include "qir/IO/Format.h"

#include "llvm/ADT/StringExtras.h"

using namespace qir::io;
using llvm::StringRef;

StringRef qir::io::formatName(FileFormat F) {
  switch (F) {
  case FileFormat::MMCIF:
    return "mmcif";
  case FileFormat::PDB:
    return "pdb";
  case FileFormat::Unknown:
    break;
  }
  return "unknown";
}

FileFormat qir::io::formatFromPath(StringRef Path) {
  std::string Lower = Path.lower();
  StringRef P(Lower);
  P.consume_back(".gz");
  if (P.ends_with(".cif") || P.ends_with(".mmcif"))
    return FileFormat::MMCIF;
  if (P.ends_with(".pdb") || P.ends_with(".ent"))
    return FileFormat::PDB;
  // Biological-assembly files: .pdb1, .pdb2, ...
  size_t Dot = P.rfind('.');
  if (Dot != StringRef::npos) {
    StringRef Ext = P.substr(Dot + 1);
    if (Ext.starts_with("pdb") && Ext.size() > 3 &&
        llvm::all_of(Ext.drop_front(3), llvm::isDigit))
      return FileFormat::PDB;
  }
  return FileFormat::Unknown;
}

FileFormat qir::io::sniffFormat(StringRef Contents) {
  // Skip blank lines and CIF comments.
  StringRef Rest = Contents;
  while (!Rest.empty()) {
    StringRef Line;
    std::tie(Line, Rest) = Rest.split('\n');
    StringRef T = Line.trim();
    if (T.empty())
      continue;
    if (T.starts_with("#"))
      continue;
    if (T.starts_with_insensitive("data_") || T.starts_with("loop_") ||
        T.starts_with("_"))
      return FileFormat::MMCIF;
    static const char *const Records[] = {
        "HEADER", "ATOM  ", "HETATM", "MODEL ", "REMARK", "CRYST1", "TITLE ",
        "COMPND", "SOURCE", "EXPDTA", "AUTHOR", "SEQRES", "KEYWDS", "ATOM",
        "HETATM", "SCALE",  "ORIGX",  "JRNL",   "HELIX",  "SHEET",  "SSBOND",
        "LINK",   "CONECT", "TER",    "END",    "OBSLTE", "SPRSDE", "CAVEAT",
        "NUMMDL", "MDLTYP", "REVDAT", "DBREF",  "SEQADV", "HET",    "FORMUL",
        "SITE",   "ANISOU", "SPLIT",  "MTRIX"};
    for (const char *R : Records)
      if (Line.starts_with(R))
        return FileFormat::PDB;
    return FileFormat::Unknown;
  }
  return FileFormat::Unknown;
}
