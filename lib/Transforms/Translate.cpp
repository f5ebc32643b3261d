//===- Translate.cpp - Rigid translation of every state -------------------===//
#include "qir/Transforms/Translate.h"

#include "qir/IR/Structure.h"

using namespace qir;
using namespace llvm;

PreservedAnalyses TranslatePass::run(Structure &S, AnalysisManager &) {
  if (Opts.Dx == 0 && Opts.Dy == 0 && Opts.Dz == 0)
    return PreservedAnalyses(); // nothing written, nothing to drop
  MutableArrayRef<float> C = S.coordsForWrite();
  const double D[3] = {Opts.Dx, Opts.Dy, Opts.Dz};
  for (size_t I = 0; I < C.size(); ++I)
    C[I] = static_cast<float>(C[I] + D[I % 3]); // NaN (absent) stays NaN
  // A rigid motion: what does not depend on position stays valid
  // (PreservedAnalyses.h, RigidMotionInvariantAnalyses).
  PreservedAnalyses PA;
  PA.preserveSet<RigidMotionInvariantAnalyses>();
  return PA;
}
