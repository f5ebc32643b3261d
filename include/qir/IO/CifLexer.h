//===- CifLexer.h - CIF 1.1 tokens ------------------------------*- C++ -*-===//
//
// A zero-copy CIF 1.1 lexer: tokens are StringRefs into the buffer. It
// knows data blocks, save frames, global_, loop_, tags, bare, quoted and
// semicolon text-field values, and comments; it keeps the start pointer of
// every token so that a reader can report file:line:col for any value.
//
// CIF quoting rule: a quote closes a quoted value only when followed by
// whitespace or the end of input, so 'O5'' is not a closed value but
// 'it's' is the value it's. A text field is a ';' in column 1 up to the
// next line that starts with ';'.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_IO_CIFLEXER_H
#define QIR_IO_CIFLEXER_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace qir::io {

class CifLexer {
public:
  enum class Kind : uint8_t {
    Eof,
    DataBlock, ///< data_NAME; Text is NAME
    SaveFrame, ///< save_NAME or save_ (end); Text is NAME
    Global,    ///< global_
    Loop,      ///< loop_
    Stop,      ///< stop_
    Tag,       ///< _category.item; Text includes the leading '_'
    Value,     ///< any value; see Quoted / isNull()
    Error,     ///< Text empty; see errorMessage(); Pos is the culprit
  };

  struct Token {
    Kind K = Kind::Eof;
    bool Quoted = false; ///< quoted string or text field
    llvm::StringRef Text;
    const char *Pos = nullptr; ///< first character of the token

    /// Unquoted '?' (unknown) or '.' (inapplicable).
    bool isNull() const {
      return !Quoted && Text.size() == 1 && (Text[0] == '?' || Text[0] == '.');
    }
  };

  explicit CifLexer(llvm::StringRef Buffer)
      : Begin(Buffer.data()), Cur(Buffer.data()),
        End(Buffer.data() + Buffer.size()) {}

  Token next();
  const std::string &errorMessage() const { return ErrorMsg; }
  const char *position() const { return Cur; }
  const char *end() const { return End; }

private:
  Token error(const char *At, std::string Msg) {
    ErrorMsg = std::move(Msg);
    Token T;
    T.K = Kind::Error;
    T.Pos = At;
    return T;
  }
  bool atLineStart(const char *P) const {
    return P == Begin || P[-1] == '\n' || P[-1] == '\r';
  }

  const char *Begin, *Cur, *End;
  std::string ErrorMsg;
};

} // namespace qir::io

#endif // QIR_IO_CIFLEXER_H
