//===- InsertAtoms.h - Adding atoms to a residue of a Structure -*- C++ -*-===//
//
// insertAtoms() is the counterpart of keepAtoms() (qir/IR/AtomFilter.h):
// it adds atom rows after the existing atoms of one residue and rebuilds
// every table that names atoms: all atom columns (AnisoU grows NaN rows for
// the atoms without), residue and chain ranges (later residues shift),
// bonds and groupings (indices renumbered), states (coordinates, presence
// mask, per-state occupancy/B/serial, each state's site order: the new
// atoms follow the residue's last site), and the extra atom-record columns.
// The conformer transforms use it to write predicted altlocs.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_IR_INSERTATOMS_H
#define QIR_IR_INSERTATOMS_H

#include "qir/IR/Structure.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <array>
#include <optional>
#include <vector>

namespace qir {

/// One atom to insert. Occupancy, B and serial are the same in every state
/// holding it.
struct NewAtom {
  AtomName Name;
  ElementSymbol Element;
  uint8_t AtomicNumber = 0; ///< 0 when unknown
  char AltLoc = 0;          ///< '\0' = none
  int8_t Charge = NoCharge;
  float Occupancy = 1;
  float BIso = 0;
  int64_t Serial = 0;
  uint8_t Flags = AF_None; ///< AtomFlags
  /// One position per state of the structure; a NaN row means the state
  /// lacks the atom.
  std::vector<std::array<float, 3>> Coords;
  /// Anisotropic U (AtomTable::AnisoU order), when known.
  std::optional<AnisoRow> AnisoU;
  /// Values of the structure's extra columns, by column index (missing
  /// trailing values are "?"), in every state holding the atom.
  std::vector<llvm::StringRef> Extra;
};

/// Insert \p Atoms after the atoms of residue \p Residue, in the given
/// order. Writes Topology, Coordinates and AtomProperties (nothing when
/// \p Atoms is empty). Structure::verify() stays empty when it was.
void insertAtoms(Structure &S, uint32_t Residue, llvm::ArrayRef<NewAtom> Atoms);

} // namespace qir

#endif // QIR_IR_INSERTATOMS_H
