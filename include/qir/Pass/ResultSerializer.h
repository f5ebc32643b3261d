//===- ResultSerializer.h - Named typed arrays for persisted results -*- C++
//-*-===//
//
// Every persisted analysis result is written to a ResultSink and read back
// from a ResultSource: a flat namespace of named, typed, n-dimensional
// arrays plus scalar attributes. The store implements both on HDF5 (one
// dataset per array under /overlays/<analysis>/<key>); tests implement
// them in memory. Analyses never see HDF5, and the store knows no concrete
// analysis (docs/design.md section 3, "Result persistence").
//
// An analysis opts in to persistence by defining, next to run() and
// print():
//
//   static llvm::Error write(ResultSink &, const Result &);
//   static llvm::Expected<Result> read(ResultSource &, const Structure &);
//
// read() gets the structure the result describes so that it can check
// sizes (a body with 57 rows for a structure with 58 residues is an
// error, not a crash). Analyses without these are computed but never
// persisted.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_PASS_RESULTSERIALIZER_H
#define QIR_PASS_RESULTSERIALIZER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

namespace qir {

/// Element types a persisted array may have (ElementType.def).
enum class ElementType : uint8_t {
#define QIR_ELEMENT_TYPE(ENUM, CTYPE, NAME, H5TYPE) ENUM,
#include "qir/Pass/ElementType.def"
};

llvm::StringRef elementTypeName(ElementType T);
size_t elementSize(ElementType T);

template <typename T> struct ElementTypeOf;
#define QIR_ELEMENT_TYPE(ENUM, CTYPE, NAME, H5TYPE)                            \
  template <> struct ElementTypeOf<CTYPE> {                                    \
    static constexpr ElementType value = ElementType::ENUM;                    \
  };
#include "qir/Pass/ElementType.def"

/// Where a result is written.
class ResultSink {
public:
  virtual ~ResultSink();

  /// Write array \p Name of \p Shape (row-major; product = element count)
  /// from \p Data. An empty \p Shape means 1-D of the given \p Count.
  virtual llvm::Error writeArray(llvm::StringRef Name, ElementType T,
                                 const void *Data, size_t Count,
                                 llvm::ArrayRef<uint64_t> Shape) = 0;
  /// Write a list of variable-length strings.
  virtual llvm::Error writeStrings(llvm::StringRef Name,
                                   llvm::ArrayRef<std::string> Values) = 0;
  virtual llvm::Error setAttribute(llvm::StringRef Name, int64_t V) = 0;
  virtual llvm::Error setAttribute(llvm::StringRef Name, double V) = 0;
  virtual llvm::Error setAttribute(llvm::StringRef Name, llvm::StringRef V) = 0;
  llvm::Error setAttribute(llvm::StringRef Name, const char *V) {
    return setAttribute(Name, llvm::StringRef(V));
  }

  template <typename T>
  llvm::Error write(llvm::StringRef Name, llvm::ArrayRef<T> Data,
                    llvm::ArrayRef<uint64_t> Shape = {}) {
    return writeArray(Name, ElementTypeOf<T>::value, Data.data(), Data.size(),
                      Shape);
  }
};

/// Where a result is read from.
class ResultSource {
public:
  virtual ~ResultSource();

  /// Shape and element type of array \p Name; an error naming the array
  /// when there is none.
  virtual llvm::Error describe(llvm::StringRef Name, ElementType &T,
                               llvm::SmallVectorImpl<uint64_t> &Shape) = 0;
  /// Read all of array \p Name into \p Out (converted to \p T when the
  /// stored type differs but converts exactly, else an error).
  virtual llvm::Error readArray(llvm::StringRef Name, ElementType T, void *Out,
                                size_t Count) = 0;
  virtual llvm::Error readStrings(llvm::StringRef Name,
                                  std::vector<std::string> &Out) = 0;
  virtual llvm::Expected<int64_t> getInt(llvm::StringRef Name) = 0;
  virtual llvm::Expected<double> getDouble(llvm::StringRef Name) = 0;
  virtual llvm::Expected<std::string> getString(llvm::StringRef Name) = 0;

  /// Read array \p Name into \p Out, resized to its element count; \p Shape
  /// (optional) receives its dimensions.
  template <typename T>
  llvm::Error read(llvm::StringRef Name, std::vector<T> &Out,
                   llvm::SmallVectorImpl<uint64_t> *Shape = nullptr) {
    ElementType Stored;
    llvm::SmallVector<uint64_t, 3> Dims;
    if (llvm::Error E = describe(Name, Stored, Dims))
      return E;
    size_t Count = 1;
    for (uint64_t D : Dims)
      Count *= D;
    Out.resize(Count);
    if (Shape)
      Shape->assign(Dims.begin(), Dims.end());
    return readArray(Name, ElementTypeOf<T>::value, Out.data(), Count);
  }
};

/// An error for a result body that does not fit the structure it claims
/// to describe.
llvm::Error malformedResult(llvm::StringRef What);

} // namespace qir

/// In the class (ResultLayout.h) of an analysis whose result is persisted:
/// write(), read() and printLayout() generated from layout().
#define QIR_RESULT_LAYOUT()                                                    \
  template <typename L> static void layout(L &Lay, Result &R);                 \
  static llvm::Error write(ResultSink &Sink, const Result &R);                 \
  static llvm::Expected<Result> read(ResultSource &Source,                     \
                                     const Structure &S);                      \
  static void printLayout(llvm::raw_ostream &OS)

#endif // QIR_PASS_RESULTSERIALIZER_H
