//===- ModelOption.h - The states a model option names ----------*- C++ -*-===//
//
// Private to lib/Analysis. Analyses that compute one model or all of them
// (hbonds, dssp, sasa) take `model=N`: the file's model number, or 0 for
// every model. A number the file lacks names no state.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_LIB_ANALYSIS_MODELOPTION_H
#define QIR_LIB_ANALYSIS_MODELOPTION_H

#include "qir/IR/Structure.h"

#include <cstdint>
#include <vector>

namespace qir {

/// The states, ascending, that `model=Model` asks for.
inline std::vector<uint32_t> statesForModelOption(const Structure &S,
                                                  int64_t Model) {
  std::vector<uint32_t> Out;
  if (Model == 0) {
    for (uint32_t St = 0; St < S.numStates(); ++St)
      Out.push_back(St);
  } else if (Model > 0 && Model <= INT32_MAX) {
    uint32_t St = S.stateForModel(static_cast<int32_t>(Model));
    if (St != NoIndex)
      Out.push_back(St);
  }
  return Out;
}

} // namespace qir

#endif // QIR_LIB_ANALYSIS_MODELOPTION_H
