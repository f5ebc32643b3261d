//===- ColumnIO.h - Store layout of the IR table columns (private) -*- C++
//-*-===//
//
// How a column of the IR tables (qir/IR/*Columns.def) is laid out in the
// store follows from its element type, so that the tables need not say it
// and the writer, reader and partial read need not list columns:
//
//   FixedString<W>   fixed-width string of W bytes (char: width 1)
//   an enum          uint8
//   std::array<E,K>  [N][K] of E
//   otherwise        the native numeric type
//
//===----------------------------------------------------------------------===//
#ifndef QIR_LIB_STORE_COLUMNIO_H
#define QIR_LIB_STORE_COLUMNIO_H

#include "H5.h"

#include "qir/Support/FixedString.h"

#include <array>
#include <type_traits>
#include <vector>

namespace qir::store {

/// The store's view of element type \p T (see the file comment).
template <typename T> struct ColumnStorage {
  static constexpr unsigned FixedWidth = 0; ///< bytes of a fixed string
  static constexpr unsigned Width = 1;      ///< values per row
  using Element = T;                        ///< one stored value
};
template <unsigned W> struct ColumnStorage<FixedString<W>> {
  static constexpr unsigned FixedWidth = W;
  static constexpr unsigned Width = 1;
  using Element = FixedString<W>;
};
template <> struct ColumnStorage<char> {
  static constexpr unsigned FixedWidth = 1;
  static constexpr unsigned Width = 1;
  using Element = char;
};
template <typename E, size_t K> struct ColumnStorage<std::array<E, K>> {
  static constexpr unsigned FixedWidth = 0;
  static constexpr unsigned Width = K;
  using Element = E;
};

/// Rows [Begin, Begin + Count) of the table column \p Path into \p Out.
template <typename T>
llvm::Error readTableColumn(h5::Loc H, llvm::StringRef Path,
                            std::vector<T> &Out, uint64_t Begin,
                            uint64_t Count) {
  using CS = ColumnStorage<T>;
  if constexpr (CS::FixedWidth != 0) {
    static_assert(sizeof(T) == CS::FixedWidth, "fixed string width");
    Out.resize(Count);
    return h5::readFixedStrings(H, Path, Out.data(), Count, CS::FixedWidth,
                                Begin);
  } else if constexpr (std::is_enum_v<T>) {
    std::vector<uint8_t> Raw;
    if (llvm::Error E = h5::readColumnRows(H, Path, Begin, Begin + Count, Raw))
      return E;
    Out.resize(Count);
    for (size_t I = 0; I < Count; ++I)
      Out[I] = static_cast<T>(Raw[I]);
    return llvm::Error::success();
  } else if constexpr (CS::Width != 1) {
    Out.resize(Count);
    if (!Count)
      return llvm::Error::success();
    return h5::readRows(
        H, Path, h5::nativeType(ElementTypeOf<typename CS::Element>::value),
        Begin, Begin + Count, Out.data());
  } else {
    return h5::readColumnRows(H, Path, Begin, Begin + Count, Out);
  }
}

/// The rows \p Ranges (sorted, disjoint) of the table column \p Path, one
/// after another, into \p Out.
template <typename T>
llvm::Error readTableColumnRanges(h5::Loc H, llvm::StringRef Path,
                                  llvm::ArrayRef<h5::RowRange> Ranges,
                                  std::vector<T> &Out) {
  using CS = ColumnStorage<T>;
  if constexpr (CS::FixedWidth != 0) {
    static_assert(sizeof(T) == CS::FixedWidth, "fixed string width");
    uint64_t N = 0;
    for (const h5::RowRange &R : Ranges)
      N += R.second - R.first;
    Out.resize(N);
    h5::Handle Type = h5::fixedStringType(CS::FixedWidth);
    return h5::readRowRanges(H, Path, Type, {}, Ranges, Out.data());
  } else if constexpr (std::is_enum_v<T>) {
    std::vector<uint8_t> Raw;
    if (llvm::Error E = h5::readColumnRanges(H, Path, {}, Ranges, Raw))
      return E;
    Out.resize(Raw.size());
    for (size_t I = 0; I < Raw.size(); ++I)
      Out[I] = static_cast<T>(Raw[I]);
    return llvm::Error::success();
  } else if constexpr (CS::Width != 1) {
    uint64_t N = 0;
    for (const h5::RowRange &R : Ranges)
      N += R.second - R.first;
    Out.resize(N);
    return h5::readRowRanges(
        H, Path, h5::nativeType(ElementTypeOf<typename CS::Element>::value), {},
        Ranges, Out.data());
  } else {
    return h5::readColumnRanges(H, Path, {}, Ranges, Out);
  }
}

} // namespace qir::store

#endif // QIR_LIB_STORE_COLUMNIO_H
