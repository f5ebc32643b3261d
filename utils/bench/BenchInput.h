//===- BenchInput.h - The structure a benchmark runs on ---------*- C++ -*-===//
//
// QIR_BENCH_FILE when set, else the largest corpus structure
// (../shared/corpus/multiconformer/3wip.cif) when the corpus is there, else
// a file of test/Inputs. Reports the choice on stderr; exits on a read
// error (a benchmark has no one to return it to).
//
//===----------------------------------------------------------------------===//
#ifndef QIR_UTILS_BENCH_BENCHINPUT_H
#define QIR_UTILS_BENCH_BENCHINPUT_H

#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <memory>
#include <string>

namespace qir {

/// Read the benchmark structure; \p Fallback names a file of test/Inputs.
inline std::unique_ptr<Structure> readBenchStructure(llvm::StringRef Fallback) {
  std::string Path;
  if (const char *P = std::getenv("QIR_BENCH_FILE"))
    Path = P;
  else if (llvm::sys::fs::exists(QIR_SOURCE_DIR
                                 "/../shared/corpus/multiconformer/3wip.cif"))
    Path = QIR_SOURCE_DIR "/../shared/corpus/multiconformer/3wip.cif";
  else
    Path = (QIR_SOURCE_DIR "/test/Inputs/" + Fallback).str();
  auto R = io::readStructureFile(Path);
  if (!R) {
    llvm::errs() << llvm::toString(R.takeError()) << "\n";
    std::exit(1);
  }
  llvm::errs() << "structure: " << Path << ", " << R->numAtoms() << " atoms, "
               << R->numStates() << " state(s)\n";
  return std::make_unique<Structure>(std::move(*R));
}

} // namespace qir

#endif // QIR_UTILS_BENCH_BENCHINPUT_H
