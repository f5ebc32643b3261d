//===- Parser.h - Selector text to syntax tree ------------------*- C++ -*-===//
//
// Grammar (docs/selectors.md has the full reference):
//
//   selector := or
//   or       := and ('or' and)*
//   and      := unary ('and' unary)*
//   unary    := 'not' unary
//             | 'within' DISTANCE 'of' unary
//             | primary
//   primary  := '(' or ')' | CLASS | LISTKW value+ | RANGEKW item+
//   item     := value ('to' value)?
//
// 'not' binds tightest, then 'and', then 'or'; 'within D of X' takes X at
// the level of 'not', so "within 5 of resname HEM and chain A" is
// "(within 5 of resname HEM) and chain A". A value list ends at the first
// reserved word, parenthesis or the end. 'model' terms may only appear as
// top-level 'and' operands (not under 'or', 'not' or 'within').
//
// Every error is a qir::ParseError located at its 1-based column.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SELECT_PARSER_H
#define QIR_SELECT_PARSER_H

#include "qir/Select/AST.h"

#include "llvm/Support/Error.h"

#include <memory>

namespace qir::select {

llvm::Expected<std::unique_ptr<Expr>> parseExpr(llvm::StringRef Text);

/// The reserved word closest to \p Word within a small edit distance, or
/// "" (for "did you mean" hints).
std::string closestKeyword(llvm::StringRef Word);

} // namespace qir::select

#endif // QIR_SELECT_PARSER_H
