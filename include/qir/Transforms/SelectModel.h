//===- SelectModel.h - Keep one model of an ensemble ------------*- C++ -*-===//
//
// select-model<N> keeps the state whose file model number is N (the number
// of its MODEL record or _atom_site.pdbx_PDB_model_num; StateTable::
// ModelNumber), drops every other state, and then removes the atoms that
// state lacks (its presence mask), with their residues and chains when
// they are left empty (AtomFilter.h). Atom-table occupancy, B and serial
// become those of the kept model.
//
// A model number the structure does not have is an error, reported through
// AnalysisManager::emitError ("no model 39; the structure has models
// 1-38"); the structure is left untouched and the pipeline stops there.
//
// Writes Coordinates when a state is dropped (AtomProperties too when the
// structure has per-state occupancy/B/serial arrays or extra columns), and
// Topology, Coordinates and AtomProperties when atoms are removed. A
// structure whose only state is model N is left untouched.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_TRANSFORMS_SELECTMODEL_H
#define QIR_TRANSFORMS_SELECTMODEL_H

#include "qir/Pass/PassManager.h"

namespace qir {

class SelectModelPass : public PassInfoMixin<SelectModelPass> {
public:
  static constexpr llvm::StringLiteral Name = "select-model";
  static constexpr llvm::StringLiteral Description =
      "keep one model (by its file model number) and the atoms it holds";

  struct Options : PassOptionsBase {
    int64_t Model = 1;
    template <typename M> void map(M &O) {
      O.positional("model", Model, "the file's model number to keep");
    }
  };

  SelectModelPass() = default;
  explicit SelectModelPass(Options O) : Opts(O) {}
  PreservedAnalyses run(Structure &S, AnalysisManager &AM);

  Options Opts;
};

} // namespace qir

#endif // QIR_TRANSFORMS_SELECTMODEL_H
