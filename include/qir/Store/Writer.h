//===- Writer.h - Writing structures and results to .qir.h5 -----*- C++ -*-===//
//
// A StoreWriter writes one file atomically (AtomicFile.h): nothing appears
// at the destination until commit(). Two kinds of file, one layout
// (docs/store-schema.md):
//
//   structure  one structure; /core/states/coords is [S][N][3]
//   shard      many structures as concatenated columns (each column once
//              for the whole shard), coords [T][3] with T = sum of S*N,
//              and a /toc row per structure with its offsets and id
//
// Both have a /toc (a structure file has one row), so a reader treats a
// structure file as a shard of one whose coordinates happen to be 3-D.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_STORE_WRITER_H
#define QIR_STORE_WRITER_H

#include "qir/Pass/ResultSerializer.h"
#include "qir/Store/Overlay.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>

namespace qir {
class Structure;
}

namespace qir::store {

/// Where a structure came from.
struct SourceInfo {
  std::string Id;     ///< shard id; the file stem when empty
  std::string Path;   ///< as given on the command line
  std::string Sha256; ///< hex digest of the file's bytes
};

/// SHA-256 of the file at \p Path, in lower-case hex.
llvm::Expected<std::string> sha256File(llvm::StringRef Path);

enum class StoreKind { Structure, Shard };

class StoreWriter {
public:
  static llvm::Expected<std::unique_ptr<StoreWriter>>
  create(llvm::StringRef Path, StoreKind Kind);
  ~StoreWriter();

  /// Append \p S. A structure file takes exactly one. Returns the id it
  /// got (unique within the file: "1ubq", then "1ubq_2", ...).
  llvm::Expected<std::string> addStructure(const Structure &S,
                                           const SourceInfo &Source);
  /// Write an overlay group at P.path() (structure files only) with its
  /// provenance attributes; \p Body writes the result arrays.
  llvm::Error addOverlay(const OverlayProvenance &P,
                         llvm::function_ref<llvm::Error(ResultSink &)> Body);
  /// Copy overlay \p P of \p From as it is (HDF5 object copy: the body
  /// is never decoded, so overlays of analyses this qir does not know
  /// survive), setting its stale flag to \p Stale.
  llvm::Error copyOverlay(class StoreReader &From, const OverlayProvenance &P,
                          bool Stale);
  /// Write /index/<Name> (structure files only).
  llvm::Error addIndex(llvm::StringRef Name,
                       llvm::function_ref<llvm::Error(ResultSink &)> Body);
  /// Finish, close and rename into place.
  llvm::Error commit();

  const std::string &path() const;
  size_t numStructures() const;

  struct Impl;

private:
  explicit StoreWriter(std::unique_ptr<Impl> I);
  std::unique_ptr<Impl> P;
};

} // namespace qir::store

#endif // QIR_STORE_WRITER_H
