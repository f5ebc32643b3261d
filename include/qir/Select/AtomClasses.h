//===- AtomClasses.h - Backbone and sidechain atom names --------*- C++ -*-===//
//
// The atom-name tables behind `backbone` and `sidechain`, generated from
// AtomClasses.def (chemistry facts live there, not in code).
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SELECT_ATOMCLASSES_H
#define QIR_SELECT_ATOMCLASSES_H

#include "qir/IR/Structure.h"

#include "llvm/ADT/ArrayRef.h"

namespace qir::select {

/// Atom names of the protein backbone (AtomClasses.def).
llvm::ArrayRef<AtomName> proteinBackboneNames();
/// Atom names of the nucleic-acid backbone (AtomClasses.def).
llvm::ArrayRef<AtomName> nucleicBackboneNames();

bool isProteinBackbone(const AtomName &Name);
bool isNucleicBackbone(const AtomName &Name);

} // namespace qir::select

#endif // QIR_SELECT_ATOMCLASSES_H
