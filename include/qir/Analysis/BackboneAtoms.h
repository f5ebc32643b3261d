//===- BackboneAtoms.h - N, CA and C of amino-acid residues -----*- C++ -*-===//
//
// The backbone atoms that per-residue geometry (backbone-dihedrals, frames)
// is built from, and the residues that get rows:
//
//   aminoAcidPolymerResidues  amino acids (ResidueKind::AminoAcid) of chains
//                             whose entity is a polymer, in residue order
//   collectBackboneAtoms      per residue, the atoms named N, CA and C with
//                             element N, C, C (or unknown), in topology
//                             order: one per conformer
//   pickInState               the first of such candidates that a state
//                             holds: altloc A where the file lists it
//                             first, else the next conformer (gemmi's
//                             find_atom(name, '*', el), model by model)
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_BACKBONEATOMS_H
#define QIR_ANALYSIS_BACKBONEATOMS_H

#include "qir/IR/Structure.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <vector>

namespace qir {

struct BackboneAtoms {
  llvm::SmallVector<uint32_t, 1> N, CA, C;
};

std::vector<uint32_t> aminoAcidPolymerResidues(const Structure &S);

/// One entry per residue of \p S.
std::vector<BackboneAtoms> collectBackboneAtoms(const Structure &S);

/// The first of \p Candidates present in state \p State, or NoIndex.
inline uint32_t pickInState(const Structure &S, size_t State,
                            llvm::ArrayRef<uint32_t> Candidates) {
  for (uint32_t A : Candidates)
    if (S.isPresent(State, A))
      return A;
  return NoIndex;
}

} // namespace qir

#endif // QIR_ANALYSIS_BACKBONEATOMS_H
