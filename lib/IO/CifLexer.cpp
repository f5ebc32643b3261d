//===- CifLexer.cpp - CIF 1.1 tokens --------------------------------------===//
#include "qir/IO/CifLexer.h"

#include "llvm/ADT/StringExtras.h"

using namespace qir::io;
using llvm::StringRef;

namespace {
// Character classes (CIF 1.1 section 2.2.7.1): whitespace ends a bare token.
enum : uint8_t { C_Other = 0, C_Space = 1 };
struct ClassTable {
  uint8_t T[256] = {};
  constexpr ClassTable() {
    T[static_cast<uint8_t>(' ')] = C_Space;
    T[static_cast<uint8_t>('\t')] = C_Space;
    T[static_cast<uint8_t>('\n')] = C_Space;
    T[static_cast<uint8_t>('\r')] = C_Space;
    T[static_cast<uint8_t>('\v')] = C_Space;
    T[static_cast<uint8_t>('\f')] = C_Space;
  }
};
constexpr ClassTable Classes;
inline bool isSpace(char C) {
  return Classes.T[static_cast<uint8_t>(C)] == C_Space;
}
} // namespace

CifLexer::Token CifLexer::next() {
  // Skip whitespace and comments.
  for (;;) {
    while (Cur < End && isSpace(*Cur))
      ++Cur;
    if (Cur < End && *Cur == '#') {
      while (Cur < End && *Cur != '\n' && *Cur != '\r')
        ++Cur;
      continue;
    }
    break;
  }
  Token T;
  T.Pos = Cur;
  if (Cur == End)
    return T;

  char C = *Cur;
  // Text field: ';' in column 1 up to the next "\n;".
  if (C == ';' && atLineStart(Cur)) {
    const char *Start = Cur + 1;
    const char *P = Start;
    for (;;) {
      const void *NL = std::memchr(P, '\n', End - P);
      if (!NL)
        return error(Cur, "text field starting with ';' is never closed: no "
                          "line beginning with ';' follows");
      P = static_cast<const char *>(NL) + 1;
      if (P < End && *P == ';') {
        const char *TextEnd = P - 1; // the '\n'
        if (TextEnd > Start && TextEnd[-1] == '\r')
          --TextEnd;
        T.K = Kind::Value;
        T.Quoted = true;
        T.Text = StringRef(Start, TextEnd - Start);
        Cur = P + 1;
        return T;
      }
    }
  }
  // Quoted value.
  if (C == '\'' || C == '"') {
    const char *P = Cur + 1;
    for (;;) {
      if (P >= End || *P == '\n' || *P == '\r')
        return error(Cur,
                     std::string("unterminated quoted value: no closing ") + C +
                         " on this line");
      if (*P == C && (P + 1 == End || isSpace(P[1])))
        break;
      ++P;
    }
    T.K = Kind::Value;
    T.Quoted = true;
    T.Text = StringRef(Cur + 1, P - Cur - 1);
    Cur = P + 1;
    return T;
  }
  // Bare token.
  const char *P = Cur;
  while (P < End && !isSpace(*P))
    ++P;
  StringRef Word(Cur, P - Cur);
  Cur = P;
  if (C == '_') {
    T.K = Kind::Tag;
    T.Text = Word;
    return T;
  }
  // Reserved words (case-insensitive) start with d, l, s or g and hold an
  // underscore; numbers and names rarely pass this first test.
  char L = C | 0x20;
  if (Word.size() >= 5 && (L == 'd' || L == 'l' || L == 's' || L == 'g') &&
      Word.contains('_')) {
    if (Word.starts_with_insensitive("data_")) {
      T.K = Kind::DataBlock;
      T.Text = Word.drop_front(5);
      return T;
    }
    if (Word.size() == 5 && Word.equals_insensitive("loop_")) {
      T.K = Kind::Loop;
      return T;
    }
    if (Word.starts_with_insensitive("save_")) {
      T.K = Kind::SaveFrame;
      T.Text = Word.drop_front(5);
      return T;
    }
    if (Word.size() == 5 && Word.equals_insensitive("stop_")) {
      T.K = Kind::Stop;
      return T;
    }
    if (Word.size() == 7 && Word.equals_insensitive("global_")) {
      T.K = Kind::Global;
      return T;
    }
  }
  T.K = Kind::Value;
  T.Text = Word;
  return T;
}
