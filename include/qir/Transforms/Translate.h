//===- Translate.h - Rigid translation of every state -----------*- C++ -*-===//
//
// translate<x;y;z> (or translate<dx=..;dy=..;dz=..>) adds a vector, in
// Angstrom, to the coordinates of every state. Writes the Coordinates
// facet only; every result that reads only Topology stays cached, and so do
// the members of RigidMotionInvariantAnalyses (PreservedAnalyses.h).
//
//===----------------------------------------------------------------------===//
#ifndef QIR_TRANSFORMS_TRANSLATE_H
#define QIR_TRANSFORMS_TRANSLATE_H

#include "qir/Pass/PassManager.h"

namespace qir {

class TranslatePass : public PassInfoMixin<TranslatePass> {
public:
  static constexpr llvm::StringLiteral Name = "translate";
  static constexpr llvm::StringLiteral Description =
      "add a vector (Angstrom) to the coordinates of every state";

  struct Options : PassOptionsBase {
    double Dx = 0, Dy = 0, Dz = 0;
    template <typename M> void map(M &O) {
      O.positional("dx", Dx, "x component (Angstrom)");
      O.positional("dy", Dy, "y component (Angstrom)");
      O.positional("dz", Dz, "z component (Angstrom)");
    }
  };

  TranslatePass() = default;
  explicit TranslatePass(Options O) : Opts(O) {}
  PreservedAnalyses run(Structure &S, AnalysisManager &AM);

  Options Opts;
};

} // namespace qir

#endif // QIR_TRANSFORMS_TRANSLATE_H
