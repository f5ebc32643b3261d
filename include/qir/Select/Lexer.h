//===- Lexer.h - Tokens of the selector language ----------------*- C++ -*-===//
//
// A selector is words, quoted strings and parentheses separated by white
// space (docs/selectors.md):
//
//   word     a run of characters other than white space, '(' and ')' that
//            does not start with a quote. A quote inside or at the end of a
//            word belongs to it: O5' and H5'' are words.
//   string   '...' or "...": everything up to the same quote character;
//            the quotes are not part of the value, which may be empty. The
//            closing quote must be followed by white space, a parenthesis
//            or the end.
//   ( )      grouping
//
// Keywords are words; the parser decides which words are keywords. A string
// is never a keyword, which is how a value that spells one is written
// (chain "or").
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SELECT_LEXER_H
#define QIR_SELECT_LEXER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace qir::select {

/// The buffer name selector diagnostics carry ("<selector>:1:COL: ...").
constexpr llvm::StringLiteral SelectorBufferName = "<selector>";

struct Token {
  enum Kind { Word, String, LParen, RParen, End };
  Kind K = End;
  /// The value: the word, the string without its quotes, "(" or ")";
  /// empty at End. Points into the selector text.
  llvm::StringRef Text;
  /// Where the token starts in the selector text (the opening quote of a
  /// string; one past the last character at End).
  const char *Loc = nullptr;

  bool isWord(llvm::StringRef W) const { return K == Word && Text == W; }
};

/// Split \p Text into tokens; the last one is End. Fails on an unterminated
/// string or text glued to a closing quote, with the column.
llvm::Expected<std::vector<Token>> lex(llvm::StringRef Text);

/// An llvm::Error (a qir::ParseError) at \p Loc inside the selector
/// \p Text: renders as "<selector>:1:COL: error: MESSAGE", the text and a
/// caret.
llvm::Error selectorError(llvm::StringRef Text, const char *Loc,
                          const llvm::Twine &Message);

} // namespace qir::select

#endif // QIR_SELECT_LEXER_H
