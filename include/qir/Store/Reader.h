//===- Reader.h - Reading structures and results from .qir.h5 ---*- C++ -*-===//
//
// A StoreReader opens a structure store or a shard read-only (many
// processes may read one file at once) and reads whole structures, the
// atoms a selector picks (partial reads: only the chunks holding them), the
// overlays with their provenance, and the stored indexes.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_STORE_READER_H
#define QIR_STORE_READER_H

#include "qir/Pass/ResultSerializer.h"
#include "qir/Store/Overlay.h"
#include "qir/Store/Writer.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qir {
class Structure;
namespace select {
class Selector;
}
} // namespace qir

namespace qir::store {

/// One /toc row: a structure of the file and where its rows are.
struct TocEntry {
  std::string Id, SourcePath, SourceSha256;
  enum Table {
    Atom,
    Residue,
    Chain,
    Entity,
    Bond,
    State,
    Record, ///< atom records: S*N, the rows of coords and per-state arrays
    SiteOrder,
    SiteOrderBegin,
    Grouping,
    GroupingAtom,
    NumTables
  };
  uint64_t Offset[NumTables] = {}, Count[NumTables] = {};
  uint8_t Flags = 0; ///< bit 0 aniso, 1 present, 2 occ, 3 B, 4 serial
};

/// What a partial read does beyond the selected atoms.
struct PartialReadOptions {
  bool Bonds = true; ///< read the bond table and keep bonds among the atoms
};

/// I/O a reader did, from HDF5's own accounting where it has one.
struct ReadStats {
  uint64_t DatasetReads = 0; ///< H5Dread calls
};

class StoreReader {
public:
  static llvm::Expected<std::unique_ptr<StoreReader>>
  open(llvm::StringRef Path);
  ~StoreReader();

  const std::string &path() const;
  StoreKind kind() const;
  /// Number of structures (1 for a structure store).
  size_t size() const;
  const TocEntry &entry(size_t I) const;
  std::optional<size_t> find(llvm::StringRef Id) const;

  /// The whole structure \p I.
  llvm::Expected<Structure> readStructure(size_t I = 0);

  /// The atoms of structure \p I that \p Sel picks, in the states of
  /// \p Models (file model numbers; empty: the selector's `model` terms,
  /// else every state). Equal to keepStates(models) then keepAtoms(Sel) on
  /// the whole structure, but reads only the columns the selector needs,
  /// then the chunks that hold the selected rows.
  llvm::Expected<Structure> read(const select::Selector &Sel,
                                 llvm::ArrayRef<int32_t> Models = {},
                                 size_t I = 0,
                                 const PartialReadOptions &O = {});

  /// Every overlay of the file with its provenance, in path order.
  std::vector<OverlayProvenance> overlays() const;
  llvm::Expected<std::unique_ptr<ResultSource>>
  openOverlay(const OverlayProvenance &P);
  /// /index/<Name>, or an error when the file has none.
  llvm::Expected<std::unique_ptr<ResultSource>> openIndex(llvm::StringRef Name);

  const ReadStats &stats() const;

  struct Impl;
  Impl &impl() { return *P; }

private:
  explicit StoreReader(std::unique_ptr<Impl> I);
  std::unique_ptr<Impl> P;
};

/// True when \p Path names an HDF5 file (by its signature), whatever its
/// extension.
bool isStoreFile(llvm::StringRef Path);

} // namespace qir::store

#endif // QIR_STORE_READER_H
