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

/// String attribute \p Name, required to be one of \p Allowed.
inline llvm::Expected<std::string>
readEnumAttribute(ResultSource &Source, llvm::StringRef Analysis,
                  llvm::StringRef Name,
                  llvm::ArrayRef<llvm::StringRef> Allowed) {
  llvm::Expected<std::string> V = Source.getString(Name);
  if (!V)
    return malformed(Analysis, llvm::toString(V.takeError()));
  if (!llvm::is_contained(Allowed, llvm::StringRef(*V)))
    return malformed(Analysis, "attribute '" + Name + "' is '" + *V +
                                   "', not " + llvm::join(Allowed, " or "));
  return V;
}

/// The side T of the square array \p Name ([T, T]).
inline llvm::Expected<uint64_t> readSquareSide(ResultSource &Source,
                                               llvm::StringRef Analysis,
                                               llvm::StringRef Name) {
  ElementType Stored;
  llvm::SmallVector<uint64_t, 3> Dims;
  if (llvm::Error E = Source.describe(Name, Stored, Dims))
    return malformed(Analysis, llvm::toString(std::move(E)));
  if (Dims.size() != 2 || Dims[0] != Dims[1])
    return malformed(Analysis, "array '" + Name + "' has shape " +
                                   shapeText(Dims) + ", expected [T, T]");
  return Dims[0];
}

/// A uint8 array of class indices: each value below Classes, or Sentinel
/// (when not -1).
struct ClassArray {
  const char *Name;
  std::vector<uint8_t> *Out;
  unsigned Classes;
  int Sentinel = -1;
};

/// Read every array of \p Arrays with shape \p Shape, checking the classes.
inline llvm::Error readClassArrays(ResultSource &Source,
                                   llvm::StringRef Analysis,
                                   llvm::ArrayRef<uint64_t> Shape,
                                   llvm::ArrayRef<ClassArray> Arrays) {
  for (const ClassArray &A : Arrays) {
    if (llvm::Error E = readShaped(Source, Analysis, A.Name, *A.Out, Shape))
      return E;
    for (uint8_t V : *A.Out)
      if (V >= A.Classes && int(V) != A.Sentinel)
        return malformed(Analysis, "array '" + llvm::Twine(A.Name) +
                                       "' holds class " + llvm::Twine(V) +
                                       " of " + llvm::Twine(A.Classes));
  }
  return llvm::Error::success();
}

} // namespace serial
} // namespace qir

#endif // QIR_LIB_ANALYSIS_SERIALIZERSUPPORT_H
