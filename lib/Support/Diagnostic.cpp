//===- Diagnostic.cpp - file:line:col diagnostics -------------------------===//
#include "qir/Support/Diagnostic.h"

#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"

using namespace qir;
using namespace llvm;

char ParseError::ID = 0;

void Diagnostic::print(raw_ostream &OS, bool ShowColors) const {
  SourceMgr::DiagKind K = Kind == DiagKind::Error     ? SourceMgr::DK_Error
                          : Kind == DiagKind::Warning ? SourceMgr::DK_Warning
                                                      : SourceMgr::DK_Note;
  if (Line == 0) {
    SMDiagnostic(File, K, Message).print("", OS, ShowColors);
    return;
  }
  SourceMgr Dummy;
  // Column is 1-based here; SMDiagnostic wants 0-based and prints +1.
  SMDiagnostic D(Dummy, SMLoc(), File, static_cast<int>(Line),
                 Column ? static_cast<int>(Column) - 1 : -1, K, Message,
                 LineText, {});
  D.print("", OS, ShowColors);
}

Diagnostic qir::locate(StringRef File, StringRef Buffer, const char *Pos,
                       Twine Message, DiagKind Kind) {
  Diagnostic D;
  D.Kind = Kind;
  D.File = File.str();
  D.Message = Message.str();
  const char *Begin = Buffer.data();
  const char *End = Begin + Buffer.size();
  if (!Pos || Pos < Begin || Pos > End)
    return D;
  unsigned Line = 1;
  const char *LineStart = Begin;
  for (const char *P = Begin; P < Pos; ++P)
    if (*P == '\n') {
      ++Line;
      LineStart = P + 1;
    }
  const char *LineEnd = LineStart;
  while (LineEnd < End && *LineEnd != '\n' && *LineEnd != '\r')
    ++LineEnd;
  D.Line = Line;
  D.Column = static_cast<unsigned>(Pos - LineStart) + 1;
  // Keep the echoed line printable: binary garbage becomes '?'.
  D.LineText.reserve(LineEnd - LineStart);
  for (const char *P = LineStart; P < LineEnd && P - LineStart < 200; ++P)
    D.LineText.push_back((*P >= 0x20 && *P < 0x7f) || *P == '\t' ? *P : '?');
  return D;
}

DiagnosticHandler qir::printingDiagnosticHandler(raw_ostream &OS) {
  return [&OS](const Diagnostic &D) { D.print(OS); };
}

void ParseError::log(raw_ostream &OS) const { Diag.print(OS); }

std::error_code ParseError::convertToErrorCode() const {
  return inconvertibleErrorCode();
}

Error qir::makeParseError(StringRef File, StringRef Buffer, const char *Pos,
                          const Twine &Message) {
  return make_error<ParseError>(locate(File, Buffer, Pos, Message));
}

void qir::reportError(Error E, raw_ostream &OS, StringRef ProgName) {
  handleAllErrors(
      std::move(E), [&](const ParseError &PE) { PE.diagnostic().print(OS); },
      [&](const ErrorInfoBase &EI) {
        if (!ProgName.empty())
          OS << ProgName << ": ";
        OS << "error: " << EI.message() << "\n";
      });
}
