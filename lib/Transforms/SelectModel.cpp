//===- SelectModel.cpp - Keep one model of an ensemble --------------------===//
#include "qir/Transforms/SelectModel.h"

#include "qir/IR/AtomFilter.h"
#include "qir/IR/Structure.h"

#include <limits>

using namespace qir;
using namespace llvm;

/// "1-38", or "1, 3, 5" when the numbers are not a run.
static std::string describeModels(const Structure &S) {
  const std::vector<int32_t> &M = S.states().ModelNumber;
  if (M.empty())
    return "none";
  bool Run = true;
  for (size_t I = 1; I < M.size(); ++I)
    Run &= M[I] == M[I - 1] + 1;
  if (Run)
    return M.size() == 1
               ? std::to_string(M[0])
               : std::to_string(M.front()) + "-" + std::to_string(M.back());
  std::string S2;
  for (int32_t N : M)
    S2 += (S2.empty() ? "" : ", ") + std::to_string(N);
  return S2;
}

PreservedAnalyses SelectModelPass::run(Structure &S, AnalysisManager &AM) {
  uint32_t Kept = NoIndex;
  if (Opts.Model >= std::numeric_limits<int32_t>::min() &&
      Opts.Model <= std::numeric_limits<int32_t>::max())
    Kept = S.stateForModel(static_cast<int32_t>(Opts.Model));
  if (Kept == NoIndex) {
    AM.emitError(createStringError(inconvertibleErrorCode(),
                                   "no model " + std::to_string(Opts.Model) +
                                       "; the structure has models " +
                                       describeModels(S)));
    return PreservedAnalyses::all();
  }
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
