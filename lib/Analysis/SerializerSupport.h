//===- SerializerSupport.h - Shared checks of analysis read() ---*- C++ -*-===//
//
// Private to lib/Analysis: reading an array of a persisted result body with
// the shape the structure implies, turning every problem (a missing array,
// a wrong shape, values that do not convert) into a malformedResult error
// that names the analysis and the array.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_LIB_ANALYSIS_SERIALIZERSUPPORT_H
#define QIR_LIB_ANALYSIS_SERIALIZERSUPPORT_H

#include "qir/Pass/ResultSerializer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"

#include <string>
#include <vector>

namespace qir {
namespace serial {

/// "[3, 4]" for messages.
inline std::string shapeText(llvm::ArrayRef<uint64_t> Shape) {
  std::string S = "[";
  for (size_t I = 0; I < Shape.size(); ++I)
    S += (I ? ", " : "") + std::to_string(Shape[I]);
  return S + "]";
}

inline llvm::Error malformed(llvm::StringRef Analysis,
                             const llvm::Twine &What) {
  return malformedResult((Analysis + ": " + What).str());
}

/// Read array \p Name into \p Out, requiring exactly \p Shape.
template <typename T>
llvm::Error readShaped(ResultSource &Source, llvm::StringRef Analysis,
                       llvm::StringRef Name, std::vector<T> &Out,
                       llvm::ArrayRef<uint64_t> Shape) {
  ElementType Stored;
  llvm::SmallVector<uint64_t, 3> Dims;
  if (llvm::Error E = Source.describe(Name, Stored, Dims))
    return malformed(Analysis, llvm::toString(std::move(E)));
  if (!llvm::equal(Dims, Shape))
    return malformed(Analysis, "array '" + Name + "' has shape " +
                                   shapeText(Dims) + ", expected " +
                                   shapeText(Shape));
  if (llvm::Error E = Source.read(Name, Out))
    return malformed(Analysis, llvm::toString(std::move(E)));
  return llvm::Error::success();
}

/// Read 1-D array \p Name of any length into \p Out.
template <typename T>
llvm::Error read1D(ResultSource &Source, llvm::StringRef Analysis,
                   llvm::StringRef Name, std::vector<T> &Out) {
  ElementType Stored;
  llvm::SmallVector<uint64_t, 3> Dims;
  if (llvm::Error E = Source.describe(Name, Stored, Dims))
    return malformed(Analysis, llvm::toString(std::move(E)));
  if (Dims.size() != 1)
    return malformed(Analysis, "array '" + Name + "' has shape " +
                                   shapeText(Dims) + ", expected 1-D");
  if (llvm::Error E = Source.read(Name, Out))
    return malformed(Analysis, llvm::toString(std::move(E)));
  return llvm::Error::success();
}

} // namespace serial
} // namespace qir

#endif // QIR_LIB_ANALYSIS_SERIALIZERSUPPORT_H
