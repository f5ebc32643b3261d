//===- Element.h - Chemical element lookup ----------------------*- C++ -*-===//
//
// Element facts indexed by atomic number, generated from Elements.def.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SUPPORT_ELEMENT_H
#define QIR_SUPPORT_ELEMENT_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>

namespace qir {

/// Atomic number of an element symbol, case-insensitive ("SE", "Se", "se").
/// "D" and "T" map to 1. Returns 0 for an unknown or empty symbol.
uint8_t atomicNumber(llvm::StringRef Symbol);

/// Canonical symbol of an atomic number ("X" for 0 or out of range).
llvm::StringRef elementSymbol(uint8_t Z);

/// Single-bond covalent radius in Angstrom (Cordero 2008); 1.5 if unknown.
float covalentRadius(uint8_t Z);

/// True for a metal (Elements.def, gemmi's is_metal); false for 0.
bool isMetal(uint8_t Z);

/// True for H (including D and T).
inline bool isHydrogen(uint8_t Z) { return Z == 1; }

} // namespace qir

#endif // QIR_SUPPORT_ELEMENT_H
