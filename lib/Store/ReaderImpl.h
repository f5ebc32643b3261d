//===- ReaderImpl.h - StoreReader internals (private) -----------*- C++ -*-===//
#ifndef QIR_LIB_STORE_READERIMPL_H
#define QIR_LIB_STORE_READERIMPL_H

#include "H5.h"

#include "qir/Store/Reader.h"

#include <map>

namespace qir {
class Structure;
struct BondTable;
struct ChainTable;
struct EntityTable;
struct Grouping;
struct ResidueTable;
struct StateTable;
} // namespace qir

namespace qir::store {

struct StoreReader::Impl {
  std::string Path;
  StoreKind Kind = StoreKind::Structure;
  h5::Handle H;
  h5::DatasetCache Cache; ///< after H: closed before the file
  std::vector<TocEntry> Toc;
  std::map<std::string, std::vector<std::string>> Dictionaries;
  ReadStats Stats;

  llvm::Error readToc();
  llvm::Error readMetadata(size_t I, Structure &S);
  llvm::Error readExtraNames(size_t I, std::vector<std::string> &Names);
  llvm::Error readPerState(const TocEntry &T, StateTable &St, uint64_t RB,
                           uint64_t NR);
  const std::vector<std::string> *dictionary(const std::string &Column,
                                             llvm::Error &Err);
  /// The extra atom-record columns of structure \p I at the record rows
  /// \p Records (absolute, sorted), decoded into \p S.
  llvm::Error readExtraColumns(size_t I, Structure &S,
                               llvm::ArrayRef<h5::RowRange> Records);

  /// The metadata of structure \p I into \p S, then S.verify().
  llvm::Error finish(size_t I, Structure &S);

  // Whole tables of one structure (the small ones a partial read loads too).
  llvm::Error readResidues(const TocEntry &T, ResidueTable &R);
  llvm::Error readChains(const TocEntry &T, ChainTable &C);
  llvm::Error readEntities(const TocEntry &T, EntityTable &En);
  llvm::Error readBonds(const TocEntry &T, BondTable &Bo);
  llvm::Error readGroupings(const TocEntry &T, std::vector<Grouping> &G);
  /// The S+1 site-order offsets (local to the structure), or none.
  llvm::Error readSiteOrderBegin(const TocEntry &T,
                                 std::vector<uint64_t> &Begin);
};

/// Fixed-width string column rows [Begin, Begin + Count) into \p Out.
template <typename T, unsigned W>
llvm::Error readFixed(h5::Loc H, llvm::StringRef Path, std::vector<T> &Out,
                      uint64_t Begin, uint64_t Count) {
  static_assert(sizeof(T) == W, "fixed string width");
  Out.resize(Count);
  return h5::readFixedStrings(H, Path, Out.data(), Count, W, Begin);
}

} // namespace qir::store

#endif // QIR_LIB_STORE_READERIMPL_H
