//===- Diagnostic.h - file:line:col diagnostics -----------------*- C++ -*-===//
//
// A Diagnostic is a located message about input text. It renders the way
// llvm::SourceMgr does: "file:line:col: error: what", then the offending
// line and a caret under the column. ParseError carries one through
// llvm::Error so that readers never throw and never print by themselves.
//
// Readers keep pointers into their buffer while parsing and compute
// line:col only when they report (see locate()), so the hot path pays
// nothing for good diagnostics.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SUPPORT_DIAGNOSTIC_H
#define QIR_SUPPORT_DIAGNOSTIC_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <string>

namespace qir {

enum class DiagKind { Error, Warning, Note };

struct Diagnostic {
  DiagKind Kind = DiagKind::Error;
  std::string File;
  unsigned Line = 0;   ///< 1-based; 0 when the message has no location.
  unsigned Column = 0; ///< 1-based; 0 when only the line is known.
  std::string Message;
  std::string LineText; ///< The source line, without its newline.

  /// Render as "file:line:col: kind: message" plus the line and a caret.
  void print(llvm::raw_ostream &OS, bool ShowColors = false) const;
};

/// Build a diagnostic for a position inside \p Buffer (the whole text of
/// \p File). \p Pos may point one past the end (end of file).
Diagnostic locate(llvm::StringRef File, llvm::StringRef Buffer, const char *Pos,
                  llvm::Twine Message, DiagKind Kind = DiagKind::Error);

/// Callback through which readers report warnings (dropped atoms, choices
/// made on ambiguous input). Never null inside a reader: defaults to a
/// handler that prints to llvm::errs().
using DiagnosticHandler = std::function<void(const Diagnostic &)>;
DiagnosticHandler printingDiagnosticHandler(llvm::raw_ostream &OS);

/// An llvm::Error that carries a located diagnostic.
class ParseError : public llvm::ErrorInfo<ParseError> {
public:
  static char ID;
  explicit ParseError(Diagnostic D) : Diag(std::move(D)) {}
  const Diagnostic &diagnostic() const { return Diag; }
  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override;

private:
  Diagnostic Diag;
};

/// Shorthand: an Error located at \p Pos of \p Buffer.
llvm::Error makeParseError(llvm::StringRef File, llvm::StringRef Buffer,
                           const char *Pos, const llvm::Twine &Message);

/// Print every error in \p E: ParseErrors with their source line and caret,
/// anything else as "prog: error: message". Consumes \p E.
void reportError(llvm::Error E, llvm::raw_ostream &OS,
                 llvm::StringRef ProgName = "");

} // namespace qir

#endif // QIR_SUPPORT_DIAGNOSTIC_H
