//===- SelectModel.cpp - Keep one model of an ensemble --------------------===//
#include "qir/Transforms/SelectModel.h"

#include "qir/IR/AtomFilter.h"
#include "qir/IR/Structure.h"

#include <limits>

using namespace qir;
using namespace llvm;

PreservedAnalyses SelectModelPass::run(Structure &S, AnalysisManager &) {
  uint32_t Kept = NoIndex;
  if (Opts.Model >= std::numeric_limits<int32_t>::min() &&
      Opts.Model <= std::numeric_limits<int32_t>::max())
    Kept = S.stateForModel(static_cast<int32_t>(Opts.Model));
  BitVector KeepStates(S.numStates(), false);
  if (Kept != NoIndex)
    KeepStates.set(Kept);
  keepStates(S, KeepStates);

  BitVector KeepAtoms(S.numAtoms(), S.numStates() != 0);
  if (S.numStates() != 0)
    for (size_t A = 0; A < S.numAtoms(); ++A)
      if (!S.isPresent(0, A))
        KeepAtoms.reset(A);
  keepAtoms(S, KeepAtoms);
  return PreservedAnalyses();
}
