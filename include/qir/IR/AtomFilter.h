//===- AtomFilter.h - Removing atoms and states from a Structure -*- C++
//-*-===//
//
// The two primitives every subsetting transform is built on (strip,
// extract, select-altloc, select-model):
//
//  - keepAtoms() removes atoms and rebuilds every table that names them:
//    all atom columns (AnisoU when present), residues and chains (rows left
//    empty are dropped, ranges and parent indices renumbered), bonds (those
//    touching a removed atom are dropped, the others remapped), states
//    (coordinates, presence mask, per-state occupancy/B/serial, the site
//    order of each state), the extra atom-record columns and the groupings
//    (removed atoms leave them; a grouping that becomes empty is kept, with
//    no atoms). Entities and metadata are left alone.
//
//  - keepStates() removes states (models, frames). The topology stays: an
//    atom that no kept state holds remains, absent from every state (callers
//    that want it gone follow with keepAtoms()). Atom-table occupancy, B and
//    serial are those of the first kept state holding the atom.
//
// Both leave the state table in the canonical form the readers produce: the
// presence mask is emptied when every state holds every atom, the per-state
// occupancy/B/serial arrays when every state agrees with the atom table,
// and the site order when every state lists its atoms in topology order.
// Both leave Structure::verify() empty when it was empty before, and both
// write nothing (no facet generation moves) when every row is kept.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_IR_ATOMFILTER_H
#define QIR_IR_ATOMFILTER_H

#include "llvm/ADT/BitVector.h"

namespace qir {

class Structure;
struct AtomTable;
struct StateTable;

/// Keep the atoms whose bit is set in \p Keep (one bit per atom) and remove
/// the others. Writes Topology, Coordinates and AtomProperties when any atom
/// is removed; nothing otherwise.
void keepAtoms(Structure &S, const llvm::BitVector &Keep);

/// Keep the states whose bit is set in \p Keep (one bit per state) and
/// remove the others. Writes Coordinates, and AtomProperties when the
/// structure has per-state occupancy/B/serial arrays or extra columns (their
/// values are per state); nothing when every state is kept. Never writes
/// Topology.
void keepStates(Structure &S, const llvm::BitVector &Keep);

/// Bring \p St to the canonical form above, given the atom table \p At it
/// belongs to: for code that assembles a subset itself (the store's partial
/// reads) and must end where keepStates() and keepAtoms() would.
void canonicalizeStates(StateTable &St, const AtomTable &At);

} // namespace qir

#endif // QIR_IR_ATOMFILTER_H
