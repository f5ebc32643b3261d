//===- AST.cpp - Syntax tree of the selector language ---------------------===//
#include "qir/Select/AST.h"

#include "llvm/ADT/STLExtras.h"

#include <charconv>

using namespace qir::select;
using namespace llvm;

StringRef qir::select::keywordOf(ExprKind K) {
  switch (K) {
  case ExprKind::All:
    return "all";
  case ExprKind::None:
    return "none";
  case ExprKind::Protein:
    return "protein";
  case ExprKind::Nucleic:
    return "nucleic";
  case ExprKind::Water:
    return "water";
  case ExprKind::Hetero:
    return "hetero";
  case ExprKind::Backbone:
    return "backbone";
  case ExprKind::Sidechain:
    return "sidechain";
  case ExprKind::Hydrogen:
    return "hydrogen";
  case ExprKind::Chain:
    return "chain";
  case ExprKind::LabelAsym:
    return "label_asym";
  case ExprKind::Entity:
    return "entity";
  case ExprKind::ResName:
    return "resname";
  case ExprKind::Name:
    return "name";
  case ExprKind::Element:
    return "element";
  case ExprKind::AltLoc:
    return "altloc";
  case ExprKind::ResId:
    return "resid";
  case ExprKind::LabelSeq:
    return "label_seq";
  case ExprKind::Model:
    return "model";
  case ExprKind::Index:
    return "index";
  case ExprKind::Not:
    return "not";
  case ExprKind::And:
    return "and";
  case ExprKind::Or:
    return "or";
  case ExprKind::Within:
    return "within";
  }
  return "?";
}

static constexpr StringLiteral Reserved[] = {
    "all",      "none",      "protein",  "nucleic", "water",      "hetero",
    "backbone", "sidechain", "hydrogen", "chain",   "label_asym", "entity",
    "resname",  "name",      "element",  "altloc",  "resid",      "label_seq",
    "model",    "index",     "not",      "and",     "or",         "within",
    "of",       "to"};

ArrayRef<StringLiteral> qir::select::reservedWords() { return Reserved; }

bool qir::select::isReservedWord(StringRef W) {
  return is_contained(Reserved, W);
}

bool Expr::operator==(const Expr &O) const {
  if (Kind != O.Kind || Values != O.Values || ResIds != O.ResIds ||
      Ints != O.Ints || Distance != O.Distance ||
      Operands.size() != O.Operands.size())
    return false;
  for (size_t I = 0; I < Operands.size(); ++I)
    if (*Operands[I] != *O.Operands[I])
      return false;
  return true;
}

std::string qir::select::quoteValue(StringRef V) {
  bool Bare = !V.empty() && V.front() != '\'' && V.front() != '"' &&
              !isReservedWord(V) && none_of(V, [](char C) {
                return C == ' ' || C == '\t' || C == '\n' || C == '\r' ||
                       C == '\v' || C == '\f' || C == '(' || C == ')';
              });
  if (Bare)
    return V.str();
  char Q = V.contains('"') ? '\'' : '"';
  return Q + V.str() + Q;
}

static void printResId(raw_ostream &OS, ResIdKey K) {
  OS << K.Seq;
  if (K.ICode)
    OS << K.ICode;
}

static void printDouble(raw_ostream &OS, double V) {
  char Buf[32];
  auto R = std::to_chars(Buf, Buf + sizeof(Buf), V);
  OS << StringRef(Buf, R.ptr - Buf);
}

/// Does \p Child need parentheses as an operand of \p Parent?
static bool needsParens(ExprKind Parent, const Expr &Child) {
  switch (Parent) {
  case ExprKind::And:
    return Child.Kind == ExprKind::Or || Child.Kind == ExprKind::And;
  case ExprKind::Or:
    return Child.Kind == ExprKind::Or;
  case ExprKind::Not:
  case ExprKind::Within:
    return Child.Kind == ExprKind::And || Child.Kind == ExprKind::Or;
  default:
    return false;
  }
}

static void printOperand(raw_ostream &OS, ExprKind Parent, const Expr &Child) {
  bool Parens = needsParens(Parent, Child);
  if (Parens)
    OS << '(';
  print(OS, Child);
  if (Parens)
    OS << ')';
}

void qir::select::print(raw_ostream &OS, const Expr &E) {
  switch (E.Kind) {
  case ExprKind::Not:
    OS << "not ";
    printOperand(OS, E.Kind, *E.Operands[0]);
    return;
  case ExprKind::Within:
    OS << "within ";
    printDouble(OS, E.Distance);
    OS << " of ";
    printOperand(OS, E.Kind, *E.Operands[0]);
    return;
  case ExprKind::And:
  case ExprKind::Or:
    for (size_t I = 0; I < E.Operands.size(); ++I) {
      if (I)
        OS << ' ' << keywordOf(E.Kind) << ' ';
      printOperand(OS, E.Kind, *E.Operands[I]);
    }
    return;
  default:
    break;
  }
  OS << keywordOf(E.Kind);
  for (const std::string &V : E.Values)
    OS << ' ' << quoteValue(V);
  for (const ResIdRange &R : E.ResIds) {
    OS << ' ';
    printResId(OS, R.From);
    if (!(R.From == R.To)) {
      OS << " to ";
      printResId(OS, R.To);
    }
  }
  for (const IntRange &R : E.Ints) {
    OS << ' ' << R.From;
    if (R.From != R.To)
      OS << " to " << R.To;
  }
}

std::string qir::select::toString(const Expr &E) {
  std::string S;
  raw_string_ostream OS(S);
  print(OS, E);
  return S;
}
