//===- H5Result.h - ResultSink/ResultSource on an HDF5 group (private) ----===//
#ifndef QIR_LIB_STORE_H5RESULT_H
#define QIR_LIB_STORE_H5RESULT_H

#include "H5.h"

namespace qir::store {

/// Writes each array as a chunked, compressed dataset of group \p G and
/// each attribute on \p G.
class H5ResultSink final : public ResultSink {
public:
  explicit H5ResultSink(hid_t G) : G(G) {}
  llvm::Error writeArray(llvm::StringRef Name, ElementType T, const void *Data,
                         size_t Count, llvm::ArrayRef<uint64_t> Shape) override;
  llvm::Error writeStrings(llvm::StringRef Name,
                           llvm::ArrayRef<std::string> Values) override;
  llvm::Error setAttribute(llvm::StringRef Name, int64_t V) override;
  llvm::Error setAttribute(llvm::StringRef Name, double V) override;
  llvm::Error setAttribute(llvm::StringRef Name, llvm::StringRef V) override;
  using ResultSink::setAttribute;

private:
  hid_t G;
};

/// Reads arrays and attributes of group \p G (owned).
class H5ResultSource final : public ResultSource {
public:
  explicit H5ResultSource(h5::Handle G) : G(std::move(G)) {}
  llvm::Error describe(llvm::StringRef Name, ElementType &T,
                       llvm::SmallVectorImpl<uint64_t> &Shape) override;
  llvm::Error readArray(llvm::StringRef Name, ElementType T, void *Out,
                        size_t Count) override;
  llvm::Error readStrings(llvm::StringRef Name,
                          std::vector<std::string> &Out) override;
  llvm::Expected<int64_t> getInt(llvm::StringRef Name) override;
  llvm::Expected<double> getDouble(llvm::StringRef Name) override;
  llvm::Expected<std::string> getString(llvm::StringRef Name) override;

private:
  h5::Handle G;
};

} // namespace qir::store

#endif // QIR_LIB_STORE_H5RESULT_H
