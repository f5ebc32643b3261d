//===- AST.h - Syntax tree of the selector language -------------*- C++ -*-===//
//
// One node type, tagged by ExprKind: leaves carry their values, operators
// their operands. And and Or are n-ary and flat (the parser merges nested
// runs of the same operator: "a and (b and c)" is And(a, b, c)), so that
// one logical selection has one tree and print() is canonical.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SELECT_AST_H
#define QIR_SELECT_AST_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace qir::select {

enum class ExprKind : uint8_t {
  // Classes (no values).
  All,
  None,
  Protein,
  Nucleic,
  Water,
  Hetero,
  Backbone,
  Sidechain,
  Hydrogen,
  // String lists.
  Chain,     ///< auth_asym_id
  LabelAsym, ///< label_asym_id
  Entity,    ///< _entity.id
  ResName,
  Name,
  Element, ///< symbols, matched by atomic number
  AltLoc,  ///< one character each; "" = no altloc
  // Ranges.
  ResId,    ///< auth seq id + insertion code
  LabelSeq, ///< label_seq_id
  Model,    ///< file model numbers
  Index,    ///< 0-based atom row
  // Operators.
  Not,
  And,
  Or,
  Within,
};

/// The keyword spelling of \p K ("chain", "resid", "and", ...).
llvm::StringRef keywordOf(ExprKind K);

/// A position of the auth numbering: (seq, icode) ordered
/// lexicographically, the blank insertion code ('\0') before 'A'.
struct ResIdKey {
  int32_t Seq = 0;
  char ICode = 0;

  bool operator<(const ResIdKey &O) const {
    return Seq != O.Seq ? Seq < O.Seq
                        : static_cast<unsigned char>(ICode) <
                              static_cast<unsigned char>(O.ICode);
  }
  bool operator<=(const ResIdKey &O) const { return !(O < *this); }
  bool operator==(const ResIdKey &O) const {
    return Seq == O.Seq && ICode == O.ICode;
  }
};

/// Inclusive range; a single value has From == To.
struct ResIdRange {
  ResIdKey From, To;
  bool contains(ResIdKey K) const { return From <= K && K <= To; }
  bool operator==(const ResIdRange &O) const {
    return From == O.From && To == O.To;
  }
};
struct IntRange {
  int64_t From = 0, To = 0;
  bool contains(int64_t V) const { return From <= V && V <= To; }
  bool operator==(const IntRange &O) const {
    return From == O.From && To == O.To;
  }
};

struct Expr {
  ExprKind Kind = ExprKind::All;
  /// 1-based column of the keyword in the parsed text; 0 when built by
  /// hand. Not part of equality.
  unsigned Column = 0;
  std::vector<std::string> Values; ///< Chain .. AltLoc
  std::vector<ResIdRange> ResIds;  ///< ResId
  std::vector<IntRange> Ints;      ///< LabelSeq, Model, Index
  double Distance = 0;             ///< Within, Angstrom
  /// Not, Within: one; And, Or: two or more.
  std::vector<std::unique_ptr<Expr>> Operands;

  explicit Expr(ExprKind K = ExprKind::All, unsigned Column = 0)
      : Kind(K), Column(Column) {}

  bool isClass() const { return Kind <= ExprKind::Hydrogen; }
  bool isStringList() const {
    return Kind >= ExprKind::Chain && Kind <= ExprKind::AltLoc;
  }
  bool isRangeList() const {
    return Kind >= ExprKind::ResId && Kind <= ExprKind::Index;
  }
  bool isOperator() const { return Kind >= ExprKind::Not; }

  /// Structural equality (columns ignored).
  bool operator==(const Expr &O) const;
  bool operator!=(const Expr &O) const { return !(*this == O); }
};

/// Canonical text of \p E: keywords in lower case, single spaces, values
/// quoted only when they must be, parentheses only where precedence needs
/// them. Parsing the text gives a tree equal to \p E.
void print(llvm::raw_ostream &OS, const Expr &E);
std::string toString(const Expr &E);

/// A value as the printer writes it: bare when it lexes back as the same
/// non-keyword word, else in double quotes (single quotes when it contains
/// a double quote).
std::string quoteValue(llvm::StringRef V);

/// True for every reserved word of the language (keywords, operators, 'to',
/// 'of').
bool isReservedWord(llvm::StringRef W);
/// The reserved words, for suggestions.
llvm::ArrayRef<llvm::StringLiteral> reservedWords();

} // namespace qir::select

#endif // QIR_SELECT_AST_H
