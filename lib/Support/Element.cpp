//===- Element.cpp - Chemical element lookup ------------------------------===//
#include "qir/Support/Element.h"

#include "llvm/ADT/StringExtras.h"

using namespace qir;

namespace {
struct ElementRow {
  uint8_t Z;
  const char *Symbol;
  float Covalent;
  bool Metal;
};
constexpr ElementRow Rows[] = {
#define ELEMENT(Z, SYMBOL, COVALENT, METAL) {Z, SYMBOL, COVALENT, METAL},
#include "qir/Support/Elements.def"
};
constexpr unsigned NumPeriodic = 103;
} // namespace

uint8_t qir::atomicNumber(llvm::StringRef Symbol) {
  Symbol = Symbol.trim();
  if (Symbol.empty() || Symbol.size() > 2)
    return 0;
  char A = llvm::toUpper(Symbol[0]);
  char B = Symbol.size() == 2 ? llvm::toLower(Symbol[1]) : '\0';
  if (A == 'T' && B == '\0')
    return 1; // tritium
  for (const ElementRow &R : Rows)
    if (R.Symbol[0] == A && R.Symbol[1] == B)
      return R.Z;
  return 0;
}

llvm::StringRef qir::elementSymbol(uint8_t Z) {
  if (Z == 0 || Z > NumPeriodic)
    return "X";
  return Rows[Z - 1].Symbol;
}

float qir::covalentRadius(uint8_t Z) {
  if (Z == 0 || Z > NumPeriodic)
    return 1.5f;
  return Rows[Z - 1].Covalent;
}

bool qir::isMetal(uint8_t Z) {
  return Z != 0 && Z <= NumPeriodic && Rows[Z - 1].Metal;
}
