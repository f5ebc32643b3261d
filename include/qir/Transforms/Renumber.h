//===- Renumber.h - Consecutive residue numbers and serials -----*- C++ -*-===//
//
// renumber<start=1> rewrites
//
//  - residue auth seq ids: consecutive per auth chain id, from `start`, in
//    table order. Chain rows sharing an auth id (an mmCIF polymer and the
//    ligands and waters that carry its auth id) continue one count, so that
//    (auth chain, seq id) stays unique. Residues that shared one position
//    (same chain, auth seq id and insertion code, consecutive:
//    microheterogeneity) keep sharing one number. Residues without an
//    auth seq id get one too. Insertion codes are cleared; label seq ids
//    are left alone.
//  - atom serials: 1..N in topology order. Per-state serial arrays are
//    dropped, as every state then uses the atom's serial (so a state
//    lacking atoms has gaps in its serials).
//
// Writes Topology when a residue number or insertion code changes and
// AtomProperties when a serial changes; nothing when the structure is
// already numbered so.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_TRANSFORMS_RENUMBER_H
#define QIR_TRANSFORMS_RENUMBER_H

#include "qir/Pass/PassManager.h"

namespace qir {

class RenumberPass : public PassInfoMixin<RenumberPass> {
public:
  static constexpr llvm::StringLiteral Name = "renumber";
  static constexpr llvm::StringLiteral Description =
      "number residues consecutively per auth chain and atom serials 1..N";

  struct Options : PassOptionsBase {
    int Start = 1;
    template <typename M> void map(M &O) {
      O.positional("start", Start, "auth seq id of each chain's first residue");
    }
  };

  RenumberPass() = default;
  explicit RenumberPass(Options O) : Opts(O) {}
  PreservedAnalyses run(Structure &S, AnalysisManager &AM);

  Options Opts;
};

} // namespace qir

#endif // QIR_TRANSFORMS_RENUMBER_H
