//===- Dump.h - Stable text views of a Structure ----------------*- C++ -*-===//
//
// The tab-separated views qir-dump prints (and tests parse by column name).
// Columns are documented in docs/qir-dump.md; keep them stable.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_IR_DUMP_H
#define QIR_IR_DUMP_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

namespace qir {

class Structure;

enum class DumpTable { Atoms, Residues, Chains, Entities, Bonds };

/// "key<TAB>value" lines: counts, bonds by origin, metadata.
void printSummary(const Structure &S, llvm::raw_ostream &OS);

/// One table as TSV with a header line. \p Model restricts state-dependent
/// tables (atoms) to the state with that file model number.
void printTable(const Structure &S, DumpTable T, std::optional<int32_t> Model,
                llvm::raw_ostream &OS);

} // namespace qir

#endif // QIR_IR_DUMP_H
