//===- Hashing.h - Content hashes of columns --------------------*- C++ -*-===//
//
// Facet hashes are xxh3-64 over the canonical bytes of each column, chained
// column by column. Only trivially copyable element types are hashed as
// bytes; strings are hashed with their length so that ("ab","c") and
// ("a","bc") differ.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SUPPORT_HASHING_H
#define QIR_SUPPORT_HASHING_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/xxhash.h"

#include <cstdint>
#include <type_traits>

namespace qir {

class ContentHasher {
public:
  template <typename T> void add(llvm::ArrayRef<T> Column) {
    static_assert(std::is_trivially_copyable<T>::value,
                  "hash only plain columns as bytes");
    addBytes(Column.data(), Column.size() * sizeof(T));
  }
  void add(llvm::StringRef S) { addBytes(S.data(), S.size()); }
  void addInt(uint64_t V) { addBytes(&V, sizeof(V)); }
  uint64_t result() const { return State; }

private:
  void addBytes(const void *P, size_t N) {
    // Chain: each chunk's hash is mixed with its length and the state.
    uint64_t H = llvm::xxh3_64bits(
        llvm::ArrayRef<uint8_t>(static_cast<const uint8_t *>(P), N));
    uint64_t Mix[3] = {State, H, static_cast<uint64_t>(N)};
    State = llvm::xxh3_64bits(llvm::ArrayRef<uint8_t>(
        reinterpret_cast<const uint8_t *>(Mix), sizeof(Mix)));
  }
  uint64_t State = 0x9E3779B97F4A7C15ULL;
};

} // namespace qir

#endif // QIR_SUPPORT_HASHING_H
