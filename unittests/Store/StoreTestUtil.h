//===- StoreTestUtil.h - Shared helpers of the store unit tests -*- C++ -*-===//
#ifndef QIR_UNITTESTS_STORE_STORETESTUTIL_H
#define QIR_UNITTESTS_STORE_STORETESTUTIL_H

#include "qir/IO/Reader.h"
#include "qir/IR/Dump.h"
#include "qir/IR/Structure.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <string>
#include <vector>

namespace qir::storetest {

/// Structure files under \p Dir (recursively), sorted; CCD files left out.
inline std::vector<std::string> structureFiles(llvm::StringRef Dir) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End;
       It != End && !EC; It.increment(EC)) {
    llvm::StringRef P = It->path();
    llvm::StringRef Name = llvm::sys::path::filename(P);
    if (Name.contains(".cif") || Name.contains(".pdb") || Name.contains(".ent"))
      if (!P.contains("/ccd/") && !Name.ends_with(".md"))
        Files.push_back(P.str());
  }
  llvm::sort(Files);
  return Files;
}

inline std::string dumpAll(const Structure &S) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  printSummary(S, OS);
  for (DumpTable T : {DumpTable::Atoms, DumpTable::Residues, DumpTable::Chains,
                      DumpTable::Entities, DumpTable::Bonds})
    printTable(S, T, std::nullopt, OS);
  return Out;
}

/// Every facet hash, the table dumps, the states and the metadata agree.
inline void expectSame(const Structure &A, const Structure &B,
                       llvm::StringRef What) {
  SCOPED_TRACE(What.str());
  for (unsigned F = 0; F < NumFacets; ++F)
    EXPECT_EQ(A.hash(static_cast<Facet>(F)), B.hash(static_cast<Facet>(F)))
        << facetName(static_cast<Facet>(F)).str();
  EXPECT_EQ(B.verify(), "");
  EXPECT_EQ(A.numStates(), B.numStates());
  EXPECT_EQ(A.states().ModelNumber, B.states().ModelNumber);
  EXPECT_EQ(A.metadata().Id, B.metadata().Id);
  EXPECT_EQ(A.metadata().Resolution, B.metadata().Resolution);
  EXPECT_EQ(A.metadata().Cell.has_value(), B.metadata().Cell.has_value());
  EXPECT_EQ(A.extraColumns().Names, B.extraColumns().Names);
  EXPECT_EQ(A.groupings().size(), B.groupings().size());
  EXPECT_EQ(dumpAll(A), dumpAll(B));
}

inline io::ReadOptions quiet() {
  io::ReadOptions O;
  O.Warn = [](const Diagnostic &) {};
  return O;
}

} // namespace qir::storetest

#endif // QIR_UNITTESTS_STORE_STORETESTUTIL_H
