//===- H5.h - Thin RAII layer over the HDF5 C API (private) -----*- C++ -*-===//
//
// The only file that includes hdf5.h besides the Store sources. Handles
// close themselves; every failing call becomes an llvm::Error that names
// the object (HDF5's own error stack printing is switched off).
//
//===----------------------------------------------------------------------===//
#ifndef QIR_LIB_STORE_H5_H
#define QIR_LIB_STORE_H5_H

#include "qir/Pass/ResultSerializer.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <hdf5.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace qir::store::h5 {

/// Switch off HDF5's automatic error printing (once per process).
void quietErrors();

/// An owned hid_t closed with the matching H5?close.
class Handle {
public:
  Handle() = default;
  explicit Handle(hid_t Id) : Id(Id) {}
  Handle(Handle &&O) : Id(O.Id) { O.Id = H5I_INVALID_HID; }
  Handle &operator=(Handle &&O) {
    if (this != &O) {
      reset();
      Id = O.Id;
      O.Id = H5I_INVALID_HID;
    }
    return *this;
  }
  Handle(const Handle &) = delete;
  Handle &operator=(const Handle &) = delete;
  ~Handle() { reset(); }

  hid_t get() const { return Id; }
  operator hid_t() const { return Id; }
  bool valid() const { return Id >= 0; }
  void reset();

private:
  hid_t Id = H5I_INVALID_HID;
};

llvm::Error error(const llvm::Twine &Msg);

/// Datasets of one file kept open by path: a reader that reads the same
/// columns again (every request of a loader) opens each dataset once.
class DatasetCache {
public:
  explicit DatasetCache(hid_t File = H5I_INVALID_HID) : File(File) {}
  /// The open dataset at \p Path (absolute), or an invalid id.
  hid_t get(llvm::StringRef Path);

private:
  hid_t File;
  std::map<std::string, Handle, std::less<>> Open;
};

/// Where a read finds its dataset: under a file or group (opened and
/// closed per call), or in a DatasetCache.
class Loc {
public:
  Loc(hid_t Parent) : Parent(Parent) {}
  Loc(const Handle &Parent) : Parent(Parent.get()) {}
  Loc(DatasetCache &C) : Cache(&C) {}
  /// Open dataset \p Name; \p Owned holds it when it is not cached.
  hid_t open(llvm::StringRef Name, Handle &Owned) const;

private:
  hid_t Parent = H5I_INVALID_HID;
  DatasetCache *Cache = nullptr;
};

/// The HDF5 memory/file type of an element type.
hid_t nativeType(ElementType T);
/// Fixed-length, null-padded string type of \p Size bytes (owned).
Handle fixedStringType(size_t Size);
Handle varStringType();

/// Dataset creation: chunked over the first dimension with \p ChunkRows
/// (clamped to [1, rows]), shuffle + deflate level 4.
struct Layout {
  uint64_t ChunkRows = 16384;
  unsigned Deflate = 4;
};

llvm::Expected<Handle> createGroup(hid_t Parent, llvm::StringRef Name);
llvm::Expected<Handle> openGroup(hid_t Parent, llvm::StringRef Name);
bool exists(hid_t Parent, llvm::StringRef Path);

/// Write a dataset of \p Dims from \p Data of memory type \p MemType.
llvm::Error writeDataset(hid_t Parent, llvm::StringRef Name, hid_t MemType,
                         const void *Data, llvm::ArrayRef<uint64_t> Dims,
                         const Layout &L = {});
template <typename T>
llvm::Error writeColumn(hid_t Parent, llvm::StringRef Name,
                        llvm::ArrayRef<T> Data, const Layout &L = {}) {
  uint64_t N = Data.size();
  return writeDataset(Parent, Name, nativeType(ElementTypeOf<T>::value),
                      Data.data(), {N}, L);
}
/// Fixed-length string column: \p Count elements of \p Width bytes.
llvm::Error writeFixedStrings(hid_t Parent, llvm::StringRef Name,
                              const void *Data, size_t Count, size_t Width,
                              const Layout &L = {});
llvm::Error writeVarStrings(hid_t Parent, llvm::StringRef Name,
                            llvm::ArrayRef<std::string> Values,
                            const Layout &L = {});

/// Dimensions of dataset \p Name; error when missing.
llvm::Error datasetShape(Loc Parent, llvm::StringRef Name,
                         llvm::SmallVectorImpl<uint64_t> &Dims,
                         H5T_class_t *Class = nullptr, size_t *Size = nullptr);
/// Read all of dataset \p Name as \p MemType into \p Out (sized by caller).
llvm::Error readDataset(Loc Parent, llvm::StringRef Name, hid_t MemType,
                        void *Out);
/// Read rows [Begin, End) of a dataset's first dimension (all of the
/// others) into \p Out.
llvm::Error readRows(Loc Parent, llvm::StringRef Name, hid_t MemType,
                     uint64_t Begin, uint64_t End, void *Out);
template <typename T>
llvm::Error readColumn(Loc Parent, llvm::StringRef Name, std::vector<T> &Out) {
  llvm::SmallVector<uint64_t, 3> Dims;
  if (llvm::Error E = datasetShape(Parent, Name, Dims))
    return E;
  uint64_t N = 1;
  for (uint64_t D : Dims)
    N *= D;
  Out.resize(N);
  return readDataset(Parent, Name, nativeType(ElementTypeOf<T>::value),
                     Out.data());
}
template <typename T>
llvm::Error readColumnRows(Loc Parent, llvm::StringRef Name, uint64_t Begin,
                           uint64_t End, std::vector<T> &Out) {
  Out.resize(End - Begin);
  if (Begin == End)
    return llvm::Error::success();
  return readRows(Parent, Name, nativeType(ElementTypeOf<T>::value), Begin, End,
                  Out.data());
}
/// Rows [first, second) of \p Ranges (sorted, disjoint; rows of dimension
/// Lead.size()) of dataset \p Name, with the leading dimensions fixed at
/// \p Lead and the trailing ones whole, as one HDF5 read of the union of
/// hyperslabs: only the chunks holding those rows are touched. \p Out gets
/// the rows one after another.
using RowRange = std::pair<uint64_t, uint64_t>;
llvm::Error readRowRanges(Loc Parent, llvm::StringRef Name, hid_t MemType,
                          llvm::ArrayRef<uint64_t> Lead,
                          llvm::ArrayRef<RowRange> Ranges, void *Out);
template <typename T>
llvm::Error readColumnRanges(Loc Parent, llvm::StringRef Name,
                             llvm::ArrayRef<uint64_t> Lead,
                             llvm::ArrayRef<RowRange> Ranges,
                             std::vector<T> &Out, size_t Width = 1) {
  uint64_t N = 0;
  for (const RowRange &R : Ranges)
    N += R.second - R.first;
  Out.resize(N * Width);
  return readRowRanges(Parent, Name, nativeType(ElementTypeOf<T>::value), Lead,
                       Ranges, Out.data());
}
llvm::Error readFixedStrings(Loc Parent, llvm::StringRef Name, void *Out,
                             size_t Count, size_t Width, uint64_t Begin = 0);
llvm::Error readVarStrings(Loc Parent, llvm::StringRef Name,
                           std::vector<std::string> &Out, uint64_t Begin = 0,
                           uint64_t End = UINT64_MAX);

// Attributes (scalars) on any object.
llvm::Error setAttr(hid_t Obj, llvm::StringRef Name, int64_t V);
llvm::Error setAttr(hid_t Obj, llvm::StringRef Name, double V);
llvm::Error setAttr(hid_t Obj, llvm::StringRef Name, llvm::StringRef V);
llvm::Error setAttr(hid_t Obj, llvm::StringRef Name, llvm::ArrayRef<double> V);
bool hasAttr(hid_t Obj, llvm::StringRef Name);
llvm::Expected<int64_t> getIntAttr(hid_t Obj, llvm::StringRef Name);
llvm::Expected<double> getDoubleAttr(hid_t Obj, llvm::StringRef Name);
llvm::Expected<std::string> getStringAttr(hid_t Obj, llvm::StringRef Name);
llvm::Error getDoublesAttr(hid_t Obj, llvm::StringRef Name,
                           std::vector<double> &Out);

/// Copy group \p Src (datasets, attributes, subgroups) into new group
/// \p DstName under \p DstParent, decoding and re-encoding every value
/// (H5Ocopy of variable-length string attributes crashes HDF5 1.10.8).
llvm::Error copyGroup(hid_t Src, hid_t DstParent, llvm::StringRef DstName);

/// Names of the links in group \p G, in name order.
std::vector<std::string> listGroup(hid_t G);

} // namespace qir::store::h5

#endif // QIR_LIB_STORE_H5_H
