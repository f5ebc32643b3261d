//===- SelectAltLoc.h - Keep one alternate conformation ---------*- C++ -*-===//
//
// select-altloc<POLICY> keeps one conformer per residue position and clears
// the altloc ids of what it keeps. POLICY is one of
//
//   first              the altloc id seen first (topology order, which is
//                      the file order of the atoms) at the position
//   highest-occupancy  the id with the highest mean atom occupancy over the
//                      position's atoms carrying it (atom-table occupancy:
//                      the first state holding the atom; missing (NaN)
//                      values do not count, an id with none ranks last);
//                      ties go to the id seen first
//   C                  a single printable character: that id; a position
//                      with altlocs none of which is C keeps its first id
//
// The default is `first`.
//
// A position is a residue, or a run of consecutive residues of one chain
// sharing auth seq id and insertion code (microheterogeneity: PRO/SER at
// one position are two residues with altlocs of their own). At each
// position, with C the chosen id:
//
//  - atoms without an altloc id are kept;
//  - of the atoms of one residue that share a name and carry altloc ids,
//    exactly one is kept: the one with id C, or, when the name lacks C
//    (partial altlocs), the first seen, so that no atom name disappears;
//  - when a position holds several residues, a residue whose atoms all
//    carry ids none of which is C (the other chemical identity) is removed
//    whole.
//
// Kept atoms get AltLoc '\0'; occupancies are left as they are. Writes
// Topology (altloc ids are part of the atoms' identity) and, when atoms
// are removed, Coordinates and AtomProperties too (AtomFilter.h). A
// structure without altloc ids is left untouched.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_TRANSFORMS_SELECTALTLOC_H
#define QIR_TRANSFORMS_SELECTALTLOC_H

#include "qir/Pass/PassManager.h"

namespace qir {

class SelectAltLocPass : public PassInfoMixin<SelectAltLocPass> {
public:
  static constexpr llvm::StringLiteral Name = "select-altloc";
  static constexpr llvm::StringLiteral Description =
      "keep one alternate conformation per residue and clear altloc ids";

  struct Options : PassOptionsBase {
    std::string Policy = "first";
    template <typename M> void map(M &O) {
      O.positional("policy", Policy,
                   "first, highest-occupancy, or an altloc id (one "
                   "character)");
    }
    std::optional<Invalid> validate() const {
      if (Policy == "first" || Policy == "highest-occupancy")
        return std::nullopt;
      if (Policy.size() == 1 && Policy[0] > ' ' && Policy[0] <= '~')
        return std::nullopt;
      return Invalid{"policy", "invalid value '" + Policy +
                                   "' for 'policy' (expected first, "
                                   "highest-occupancy, or a one-character "
                                   "altloc id)"};
    }
  };

  SelectAltLocPass() = default;
  explicit SelectAltLocPass(Options O) : Opts(std::move(O)) {}
  PreservedAnalyses run(Structure &S, AnalysisManager &AM);

  Options Opts;
};

} // namespace qir

#endif // QIR_TRANSFORMS_SELECTALTLOC_H
