//===- BondPerception.h - Filling the bond table ----------------*- C++ -*-===//
//
// Bonds come from, in order of precedence (DESIGN section 2):
//   1. the file: struct_conn / SSBOND / LINK (StructConn), and
//      _chem_comp_bond for components the file defines (ChemComp);
//   2. the built-in residue templates for standard residues (Template);
//   3. polymer links between consecutive residues of one chain, when the
//      template linking atoms (C-N, O3'-P) are within bonding distance
//      (PolymerLink);
//   4. distance inference from covalent radii for everything else: atoms of
//      residues without a template or chem_comp definition, hydrogens, and
//      template atoms the template does not list (Inferred).
// Altloc copies bond only within one conformer: two atoms bond if either has
// no altloc or both have the same one. Distances use the first state that
// holds both atoms.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_IR_BONDPERCEPTION_H
#define QIR_IR_BONDPERCEPTION_H

#include "qir/IR/Kinds.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace qir {

class Structure;

/// Names one end of a file-declared bond, by auth ids.
struct BondEnd {
  std::string Chain;
  int32_t Seq = 0;
  char ICode = 0;
  std::string ResName;
  std::string Atom;
  char AltLoc = 0; ///< 0: every conformer
};

struct ExplicitBond {
  BondEnd A, B;
  BondOrder Order = BondOrder::Unknown;
  std::string Type; ///< conn_type_id ("disulf", "covale", "metalc", ...)
};

struct ChemCompBond {
  std::string Comp, A, B;
  BondOrder Order = BondOrder::Unknown;
};

struct BondPerceptionOptions {
  /// Bond if d <= r_cov(a) + r_cov(b) + Tolerance.
  float Tolerance = 0.4f;
  /// Polymer links need the linking atoms within this distance.
  float MaxPeptideBond = 2.0f;
  float MaxPhosphodiesterBond = 2.0f;
  /// Metal coordination (struct_conn metalc) is kept as a bond.
  bool KeepMetalCoordination = true;
};

/// Replace the bond table of \p S with perceived bonds.
void perceiveBonds(Structure &S, llvm::ArrayRef<ExplicitBond> Explicit,
                   llvm::ArrayRef<ChemCompBond> ChemComp,
                   const BondPerceptionOptions &Opts = {});

} // namespace qir

#endif // QIR_IR_BONDPERCEPTION_H
