//===- Lexer.cpp - Tokens of the selector language ------------------------===//
#include "qir/Select/Lexer.h"

#include "qir/Support/Diagnostic.h"

#include "llvm/ADT/StringExtras.h"

using namespace qir;
using namespace qir::select;
using namespace llvm;

Error qir::select::selectorError(StringRef Text, const char *Loc,
                                 const Twine &Message) {
  return makeParseError(SelectorBufferName, Text, Loc, Message);
}

static bool isBlank(char C) {
  return C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\v' ||
         C == '\f';
}
static bool endsWord(char C) { return isBlank(C) || C == '(' || C == ')'; }

Expected<std::vector<Token>> qir::select::lex(StringRef Text) {
  std::vector<Token> Out;
  size_t I = 0, N = Text.size();
  while (true) {
    while (I < N && isBlank(Text[I]))
      ++I;
    Token T;
    T.Loc = Text.data() + I;
    if (I == N) {
      T.K = Token::End;
      T.Text = Text.substr(N);
      Out.push_back(T);
      return Out;
    }
    char C = Text[I];
    if (C == '(' || C == ')') {
      T.K = C == '(' ? Token::LParen : Token::RParen;
      T.Text = Text.substr(I, 1);
      ++I;
    } else if (C == '\'' || C == '"') {
      size_t Close = Text.find(C, I + 1);
      if (Close == StringRef::npos)
        return selectorError(Text, T.Loc,
                             Twine("unterminated string: no closing ") +
                                 (C == '"' ? "'\"'" : "\"'\""));
      T.K = Token::String;
      T.Text = Text.slice(I + 1, Close);
      I = Close + 1;
      if (I < N && !endsWord(Text[I]))
        return selectorError(
            Text, Text.data() + I,
            Twine("expected white space after the closing quote") +
                (Text[I] == C
                     ? Twine(" (a value holding ") + (C == '"' ? "\"" : "'") +
                           " goes in " + (C == '"' ? "single" : "double") +
                           " quotes)"
                     : Twine("")));
    } else {
      size_t B = I;
      while (I < N && !endsWord(Text[I]))
        ++I;
      T.K = Token::Word;
      T.Text = Text.slice(B, I);
    }
    Out.push_back(T);
  }
}
