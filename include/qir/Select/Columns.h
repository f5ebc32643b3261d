//===- Columns.h - The structure columns a selector reads -------*- C++ -*-===//
//
// Selector::needs() returns a ColumnSet: what a partial reader (the HDF5
// store) must load into a Structure before evaluating the selector. See
// Selector.h for the contract.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SELECT_COLUMNS_H
#define QIR_SELECT_COLUMNS_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>

namespace qir::select {

enum class Column : uint8_t {
  AtomName,    ///< AtomTable::Name
  Element,     ///< AtomTable::AtomicNumber (and Element, its text)
  AltLoc,      ///< AtomTable::AltLoc
  AtomFlags,   ///< AtomTable::Flags (hetero)
  Coordinates, ///< StateTable: ModelNumber, Present, Coords
  Residues,    ///< the residue table (always loaded)
  Chains,      ///< the chain table (always loaded)
  Entities,    ///< the entity table (always loaded)
};
constexpr unsigned NumColumns = 8;

llvm::StringRef columnName(Column C);

/// A small bit set of columns.
class ColumnSet {
public:
  constexpr ColumnSet() = default;
  constexpr ColumnSet(Column C) : Bits(1u << static_cast<unsigned>(C)) {}
  static constexpr ColumnSet all() { return ColumnSet((1u << NumColumns) - 1); }

  constexpr bool contains(Column C) const {
    return Bits & (1u << static_cast<unsigned>(C));
  }
  constexpr bool empty() const { return Bits == 0; }
  constexpr ColumnSet operator|(ColumnSet O) const {
    return ColumnSet(Bits | O.Bits);
  }
  ColumnSet &operator|=(ColumnSet O) {
    Bits |= O.Bits;
    return *this;
  }
  constexpr bool operator==(ColumnSet O) const { return Bits == O.Bits; }
  constexpr bool operator!=(ColumnSet O) const { return Bits != O.Bits; }
  constexpr uint8_t bits() const { return Bits; }

private:
  constexpr explicit ColumnSet(unsigned B) : Bits(static_cast<uint8_t>(B)) {}
  uint8_t Bits = 0;
};

/// "AtomName,Coordinates" (column names joined by ','), "" when empty.
std::string columnList(ColumnSet S);

} // namespace qir::select

#endif // QIR_SELECT_COLUMNS_H
