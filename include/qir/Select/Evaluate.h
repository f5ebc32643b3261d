//===- Evaluate.h - Selector syntax tree to atom bits -----------*- C++ -*-===//
//
// Evaluation is O(atoms): every node yields one bit per atom, 'and', 'or'
// and 'not' work a machine word at a time, residue-level predicates (resid,
// resname, protein, ...) are tested once per residue and set the residue's
// atom range at once, chain-level ones (chain, label_asym, entity) once per
// chain. 'within' queries a cell list, never all pairs.
//
// Columns read: only those Selector::needs() names (Selector.h); the atom
// count is the length of AtomTable::Residue, never numAtoms() (which is the
// length of the name column, empty in a partial read).
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SELECT_EVALUATE_H
#define QIR_SELECT_EVALUATE_H

#include "qir/Select/AST.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>

namespace qir {
class CellList;
class Structure;
} // namespace qir

namespace qir::select {

/// How to evaluate: which coordinates 'within' uses.
struct EvalContext {
  /// The state (row of the state table) whose coordinates 'within' uses.
  /// Default: the first state, in state order, whose model number a
  /// top-level 'model' term names; without model terms, state 0.
  std::optional<uint32_t> State;
  /// A cell list built over the coordinates of that state (the store's
  /// /index/spatial, the spatial-index analysis), or null: 'within' then
  /// builds its own.
  const CellList *Cells = nullptr;
};

/// One bit per atom: the atoms \p E selects in \p S, 'within' measured in
/// state \p State (an explicit index; Selector picks the default). Fails
/// when 'within' needs a state that \p S lacks.
llvm::Expected<llvm::BitVector> evaluateBits(const Expr &E, const Structure &S,
                                             uint32_t State,
                                             const CellList *Cells);

} // namespace qir::select

#endif // QIR_SELECT_EVALUATE_H
