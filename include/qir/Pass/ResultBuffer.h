//===- ResultBuffer.h - In-memory result sink and source --------*- C++ -*-===//
//
// A ResultSink and ResultSource in memory: what a serializer writes is kept
// as named arrays (element type, shape, bytes), string lists and scalar
// attributes, and can be read back as if from the store. Tests round-trip
// results through it; the store buffers results in it before it lays them
// out in a shard (copyTo()).
//
// Names: arrays and string lists share one namespace (both become datasets
// in the store); attributes have their own. Writing a name twice is an
// error. Reading converts between element types only when every value
// converts exactly (an int32 array read as float64, a float64 array of whole
// numbers read as uint32); otherwise the error names the array and the
// first value that does not fit.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_PASS_RESULTBUFFER_H
#define QIR_PASS_RESULTBUFFER_H

#include "qir/Pass/ResultSerializer.h"

#include <cassert>
#include <cstring>
#include <map>
#include <variant>

namespace qir {

class ResultBuffer final : public ResultSink, public ResultSource {
public:
  /// One stored array.
  struct Array {
    ElementType Type = ElementType::U8;
    llvm::SmallVector<uint64_t, 3> Shape; ///< never empty
    std::vector<uint8_t> Bytes;           ///< count() * elementSize(Type)

    size_t count() const { return Bytes.size() / elementSize(Type); }
    /// Element \p I, which must be of type \p T.
    template <typename T> T get(size_t I) const {
      assert(ElementTypeOf<T>::value == Type && I < count());
      T V;
      std::memcpy(&V, Bytes.data() + I * sizeof(T), sizeof(T));
      return V;
    }
    template <typename T> void set(size_t I, T V) {
      assert(ElementTypeOf<T>::value == Type && I < count());
      std::memcpy(Bytes.data() + I * sizeof(T), &V, sizeof(T));
    }
  };
  using Attribute = std::variant<int64_t, double, std::string>;

  // ResultSink.
  using ResultSink::setAttribute;
  llvm::Error writeArray(llvm::StringRef Name, ElementType T, const void *Data,
                         size_t Count, llvm::ArrayRef<uint64_t> Shape) override;
  llvm::Error writeStrings(llvm::StringRef Name,
                           llvm::ArrayRef<std::string> Values) override;
  llvm::Error setAttribute(llvm::StringRef Name, int64_t V) override;
  llvm::Error setAttribute(llvm::StringRef Name, double V) override;
  llvm::Error setAttribute(llvm::StringRef Name, llvm::StringRef V) override;

  // ResultSource.
  llvm::Error describe(llvm::StringRef Name, ElementType &T,
                       llvm::SmallVectorImpl<uint64_t> &Shape) override;
  llvm::Error readArray(llvm::StringRef Name, ElementType T, void *Out,
                        size_t Count) override;
  llvm::Error readStrings(llvm::StringRef Name,
                          std::vector<std::string> &Out) override;
  llvm::Expected<int64_t> getInt(llvm::StringRef Name) override;
  llvm::Expected<double> getDouble(llvm::StringRef Name) override;
  llvm::Expected<std::string> getString(llvm::StringRef Name) override;

  /// Write everything held to \p Sink: arrays and string lists, then
  /// attributes, each in name order.
  llvm::Error copyTo(ResultSink &Sink) const;

  /// Inspection and surgery (tests corrupt bodies with these).
  const Array *array(llvm::StringRef Name) const;
  Array *array(llvm::StringRef Name);
  const std::vector<std::string> *strings(llvm::StringRef Name) const;
  const Attribute *attribute(llvm::StringRef Name) const;
  /// Drop array or string list \p Name; false when there is none.
  bool erase(llvm::StringRef Name);
  bool eraseAttribute(llvm::StringRef Name);
  /// Names of the arrays and string lists, sorted.
  std::vector<std::string> names() const;
  std::vector<std::string> attributeNames() const;
  bool empty() const { return Datasets.empty() && Attributes.empty(); }
  void clear() {
    Datasets.clear();
    Attributes.clear();
  }

private:
  using Dataset = std::variant<Array, std::vector<std::string>>;
  llvm::Error checkNewDataset(llvm::StringRef Name) const;
  llvm::Error checkNewAttribute(llvm::StringRef Name) const;
  llvm::Expected<const Attribute &> findAttribute(llvm::StringRef Name) const;

  std::map<std::string, Dataset, std::less<>> Datasets;
  std::map<std::string, Attribute, std::less<>> Attributes;
};

} // namespace qir

#endif // QIR_PASS_RESULTBUFFER_H
