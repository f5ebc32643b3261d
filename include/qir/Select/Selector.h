//===- Selector.h - A parsed selector ---------------------------*- C++ -*-===//
//
// The selector language (VMD/PyMOL family; docs/selectors.md):
//
//   auto Sel = select::Selector::parse("chain B and resid 50 to 80 and name
//   CA"); if (!Sel) return Sel.takeError();       // "<selector>:1:COL: error:
//   ..." auto Atoms = Sel->evaluate(S);          // Expected<AtomRanges>
//
// Contract with partial readers (the HDF5 store): a reader may load only
// what needs() names and then call evaluate(). The residue, chain and
// entity tables and AtomTable::Residue are always loaded. evaluate() reads
//
//   AtomTable::Name          only if needs() contains AtomName
//   AtomTable::AtomicNumber  only if needs() contains Element
//   AtomTable::AltLoc        only if needs() contains AltLoc
//   AtomTable::Flags         only if needs() contains AtomFlags
//   the StateTable           only if needs() contains Coordinates
//
// and finds those columns possibly empty otherwise; the atom count is the
// length of AtomTable::Residue. With Coordinates, it needs ModelNumber and
// Present of the states named by models() (for 'model' terms) and the
// coordinates of the state 'within' measures in (EvalContext::State); a
// reader may load just those states, in state order.
//
// 'model' terms are only allowed as top-level 'and' operands, so models()
// is exactly the set of model numbers whose states can matter.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SELECT_SELECTOR_H
#define QIR_SELECT_SELECTOR_H

#include "qir/Select/AST.h"
#include "qir/Select/AtomRanges.h"
#include "qir/Select/Columns.h"
#include "qir/Select/Evaluate.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace qir::select {

class Selector {
public:
  /// Parse \p Text. Errors are qir::ParseErrors with the 1-based column.
  static llvm::Expected<Selector> parse(llvm::StringRef Text);
  /// Wrap a tree built by hand (checked like a parsed one: 'model' terms
  /// only at the top level).
  static llvm::Expected<Selector> fromExpr(std::unique_ptr<Expr> E);

  /// The canonical text; parse(str()) gives an equal tree.
  std::string str() const { return toString(*Root); }
  const Expr &expr() const { return *Root; }

  /// The columns evaluation reads (see the file comment).
  ColumnSet needs() const { return Needs; }
  /// The model numbers that top-level 'model' terms name, as merged
  /// inclusive ranges in ascending order; empty when there is no 'model'
  /// term. States whose model number lies outside contribute nothing.
  llvm::ArrayRef<IntRange> models() const { return Models; }
  bool hasModelTerms() const { return !Models.empty(); }
  bool namesModel(int32_t Model) const;
  /// True when the selector uses 'within' (needs coordinates of one state).
  bool usesWithin() const { return UsesWithin; }

  /// The state 'within' measures in for \p Ctx: Ctx.State, else the first
  /// state whose model number models() names, else 0.
  uint32_t withinState(const Structure &S, const EvalContext &Ctx = {}) const;

  /// The selected atoms of \p S.
  llvm::Expected<AtomRanges> evaluate(const Structure &S,
                                      const EvalContext &Ctx = {}) const;
  /// The same as one bit per atom.
  llvm::Expected<llvm::BitVector>
  evaluateBits(const Structure &S, const EvalContext &Ctx = {}) const;

private:
  Selector() = default;
  std::shared_ptr<const Expr> Root; ///< immutable; copies share it
  ColumnSet Needs;
  std::vector<IntRange> Models;
  bool UsesWithin = false;
};

} // namespace qir::select

#endif // QIR_SELECT_SELECTOR_H
