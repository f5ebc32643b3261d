//===- ReaderImpl.h - StoreReader internals (private) -----------*- C++ -*-===//
#ifndef QIR_LIB_STORE_READERIMPL_H
#define QIR_LIB_STORE_READERIMPL_H

#include "H5.h"

#include "qir/Store/Reader.h"

#include <map>

namespace qir {
struct StateTable;
}

namespace qir::store {

struct StoreReader::Impl {
  std::string Path;
  StoreKind Kind = StoreKind::Structure;
  h5::Handle H;
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
};

} // namespace qir::store

#endif // QIR_LIB_STORE_READERIMPL_H
