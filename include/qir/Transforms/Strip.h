//===- Strip.h - Remove hydrogens, waters, ligands, ions --------*- C++ -*-===//
//
// strip<hydrogens;waters;ligands;ions> removes the atoms of the classes
// named (at least one is required):
//
//   hydrogens  atoms with atomic number 1 (H and D), wherever they are
//   waters     residues of kind Water (HOH, WAT, DOD, ... : Kinds.h)
//   ions       residues of kind Ion: a residue the template table names an
//              ion (NA, MG, CA, ...), or else a single-atom residue outside
//              a polymer whose element is heavier than neon and not sulfur
//              (StructureBuilder's rule; a lone F or O is a ligand)
//   ligands    residues of kind Ligand whose chain's entity is not a
//              polymer: small molecules, and branched (glycan) entities;
//              a non-standard residue inside a polymer entity is kept
//
// Residues and chains left without atoms disappear; bonds, states, extra
// columns and groupings follow (AtomFilter.h). Writes Topology,
// Coordinates and AtomProperties when anything is removed, nothing when
// the structure holds no atom of the classes named.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_TRANSFORMS_STRIP_H
#define QIR_TRANSFORMS_STRIP_H

#include "qir/Pass/PassManager.h"

namespace qir {

class StripPass : public PassInfoMixin<StripPass> {
public:
  static constexpr llvm::StringLiteral Name = "strip";
  static constexpr llvm::StringLiteral Description =
      "remove hydrogens, waters, ligands and/or ions";

  struct Options : PassOptionsBase {
    bool Hydrogens = false, Waters = false, Ligands = false, Ions = false;
    template <typename M> void map(M &O) {
      O.flag("hydrogens", Hydrogens, "remove H and D atoms");
      O.flag("waters", Waters, "remove water residues");
      O.flag("ligands", Ligands,
             "remove non-polymer residues that are neither water nor ion");
      O.flag("ions", Ions, "remove ion residues");
    }
    std::optional<Invalid> validate() const {
      if (!Hydrogens && !Waters && !Ligands && !Ions)
        return Invalid{"hydrogens", "strip needs at least one of hydrogens, "
                                    "waters, ligands, ions"};
      return std::nullopt;
    }
  };

  StripPass() = default;
  explicit StripPass(Options O) : Opts(O) {}
  PreservedAnalyses run(Structure &S, AnalysisManager &AM);

  Options Opts;
};

} // namespace qir

#endif // QIR_TRANSFORMS_STRIP_H
