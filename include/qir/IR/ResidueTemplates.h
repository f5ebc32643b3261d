//===- ResidueTemplates.h - Built-in residue chemistry ----------*- C++ -*-===//
//
// Residue templates for the standard residues: atom names and elements,
// intra-residue bonds, chi-angle definitions and residue kinds. The facts
// live in ResidueTemplates.def; this header only gives typed access.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_IR_RESIDUETEMPLATES_H
#define QIR_IR_RESIDUETEMPLATES_H

#include "qir/IR/Kinds.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace qir {

struct TemplateAtom {
  const char *Name;
  const char *Element;
};

struct TemplateBond {
  const char *A;
  const char *B;
  BondOrder Order;
};

/// Chi angle \p Index (1-based) is the dihedral A-B-C-D.
struct ChiDefinition {
  unsigned Index;
  const char *A, *B, *C, *D;
};

struct ResidueTemplate {
  const char *Name; ///< CCD code
  char OneLetter;   ///< canonical one-letter code ('X' if none)
  ResidueKind Kind;
  const char *Parent; ///< standard parent for modified residues, or ""
  llvm::ArrayRef<TemplateAtom> Atoms; ///< heavy atoms, CCD names
  llvm::ArrayRef<TemplateBond> Bonds; ///< between heavy atoms
  llvm::ArrayRef<ChiDefinition> Chis;

  int findAtom(llvm::StringRef AtomName) const;
};

/// The template for CCD code \p Name, or null if the table has none.
const ResidueTemplate *lookupResidueTemplate(llvm::StringRef Name);

/// The template that \p Name, another name files use for a residue (WAT
/// for HOH), stands for (RESIDUE_ALIAS rows); null if it is none.
const ResidueTemplate *lookupResidueAlias(llvm::StringRef Name);

/// True for a water residue name: a water template (HOH, DOD) or one of
/// its aliases (WAT, H2O, SOL, TIP3, TIP, DIS).
bool isWaterName(llvm::StringRef Name);

/// Every template, in table order.
llvm::ArrayRef<ResidueTemplate> allResidueTemplates();

/// Kind of a residue by name: template kind when known, else Unknown.
ResidueKind residueKindOf(llvm::StringRef Name);

} // namespace qir

#endif // QIR_IR_RESIDUETEMPLATES_H
