//===- CifBlock.h - One CIF data block as categories ------------*- C++ -*-===//
//
// The first data block of a CIF text as a list of categories in file order,
// each with its items, its values (tokens pointing into the text) and the
// spans of text it occupies, for tools that read a few categories the IR
// does not model, or that rewrite some categories of a file and copy the
// rest verbatim (qir-dssp's mmCIF output). The text must outlive the block.
//
// A category is the set of tags `_name.item` sharing one name
// (case-insensitive); it is either one loop or key-value items, which may
// be scattered (each run of them is one span). Save frames are skipped.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_IO_CIFBLOCK_H
#define QIR_IO_CIFBLOCK_H

#include "qir/IO/CifLexer.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <utility>
#include <vector>

namespace qir::io {

struct CifCategory {
  std::string Name;                    ///< as first written, without the '_'
  std::vector<std::string> Items;      ///< as written
  std::vector<CifLexer::Token> Values; ///< row-major
  bool IsLoop = false;
  /// The text it occupies: from its loop_ or first tag to the end of its
  /// last value; key-value items written apart give one span per run.
  std::vector<std::pair<const char *, const char *>> Spans;

  size_t width() const { return Items.size(); }
  size_t rows() const { return Items.empty() ? 0 : Values.size() / width(); }
  /// Index of \p Item (case-insensitive), or -1.
  int column(llvm::StringRef Item) const;
  /// The value of \p Item in row \p Row; empty when the item is absent or
  /// the value is '?' or '.' (as mkdssp's libcifpp reads a null).
  llvm::StringRef str(size_t Row, llvm::StringRef Item) const;
};

struct CifBlock {
  std::string Name;                            ///< data_NAME
  const char *Begin = nullptr, *End = nullptr; ///< data_ .. next block
  std::vector<CifCategory> Categories;         ///< in file order

  /// The category called \p Name (case-insensitive), or null.
  const CifCategory *find(llvm::StringRef Name) const;
};

/// Parse the first data block of \p Text; errors are located
/// (file:line:col) with \p File.
llvm::Expected<CifBlock> parseCifBlock(llvm::StringRef Text,
                                       llvm::StringRef File);

/// Value token \p T as written in its text (with its quotes or text-field
/// semicolons).
llvm::StringRef cifTokenSource(const CifLexer::Token &T);

/// \p V as a CIF 1.1 value: bare when it can be, else in single or double
/// quotes, else a text field (which must start a line); '?' for an empty
/// value.
std::string cifValue(llvm::StringRef V);

} // namespace qir::io

#endif // QIR_IO_CIFBLOCK_H
