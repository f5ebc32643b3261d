//===- Schema.h - Format version and layout constants of .qir.h5 -*- C++
//-*-===//
//
// The layout itself is documented in docs/store-schema.md; this header
// holds the numbers that code and that document share.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_STORE_SCHEMA_H
#define QIR_STORE_SCHEMA_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace qir::store {

/// Root attributes format_major/format_minor. A reader refuses a file
/// whose major version is newer than FormatMajor; minor versions only add.
constexpr int64_t FormatMajor = 1;
constexpr int64_t FormatMinor = 0;

/// Rows per chunk of each table (docs/store-schema.md, "Chunk shapes").
constexpr uint64_t AtomChunkRows = 16384;
constexpr uint64_t ResidueChunkRows = 4096;
constexpr uint64_t SmallTableChunkRows = 1024;
constexpr uint64_t CoordChunkAtoms = 1024;
constexpr unsigned DeflateLevel = 4;

/// Bits of /toc/flags: which optional arrays a structure has
/// (docs/store-schema.md, "/toc").
enum TocFlag : uint8_t {
  TocAnisoU = 1 << 0,    ///< /core/atoms/aniso_u holds this structure's rows
  TocPresent = 1 << 1,   ///< /core/states/present
  TocOccupancy = 1 << 2, ///< /core/states/occupancy
  TocBIso = 1 << 3,      ///< /core/states/b_iso
  TocSerial = 1 << 4,    ///< /core/states/serial
};

/// The qir version that writes the provenance attributes.
llvm::StringRef qirVersion();

} // namespace qir::store

#endif // QIR_STORE_SCHEMA_H
