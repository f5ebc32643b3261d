//===- FixedString.h - Inline short strings for columns ---------*- C++ -*-===//
//
// Atom names, residue names, element symbols and chain ids are short and
// stored by the million: a fixed inline array keeps a column contiguous and
// hashable as raw bytes. Unused bytes are always zero, so equality and
// hashing can work on the bytes.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SUPPORT_FIXEDSTRING_H
#define QIR_SUPPORT_FIXEDSTRING_H

#include "llvm/ADT/StringRef.h"
#include <cstring>

namespace qir {

template <unsigned N> class FixedString {
public:
  static constexpr unsigned Capacity = N;
  FixedString() { std::memset(Data, 0, N); }
  /// Builds from \p S; the caller checks fits() first (excess is dropped).
  explicit FixedString(llvm::StringRef S) {
    std::memset(Data, 0, N);
    std::memcpy(Data, S.data(), S.size() < N ? S.size() : N);
  }
  static bool fits(llvm::StringRef S) { return S.size() <= N; }

  llvm::StringRef str() const { return llvm::StringRef(Data, size()); }
  unsigned size() const {
    unsigned I = 0;
    while (I < N && Data[I])
      ++I;
    return I;
  }
  bool empty() const { return Data[0] == 0; }
  bool operator==(const FixedString &O) const {
    return std::memcmp(Data, O.Data, N) == 0;
  }
  bool operator!=(const FixedString &O) const { return !(*this == O); }
  bool operator==(llvm::StringRef S) const { return str() == S; }
  bool operator!=(llvm::StringRef S) const { return str() != S; }

private:
  char Data[N];
};

} // namespace qir

#endif // QIR_SUPPORT_FIXEDSTRING_H
