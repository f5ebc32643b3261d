//===- TableWriter.h - The print<X> output contract -------------*- C++ -*-===//
//
// Every print<X> writes one tab-separated table: a header line naming the
// columns, then one row per item. Residues are identified by
//   model chain seq icode resname     (auth ids; '.' for no insertion code)
// atoms add `atom altloc`, and pair rows carry both ends with _1/_2
// suffixes. '.' marks a missing value; angles, distances, areas and
// energies have 3 decimals, spherical-harmonic values 7 (docs/passes.md).
//
//   TableWriter T(OS);
//   T.header({TableWriter::ResidueColumns, {"phi", "psi"}});
//   T.residue(S, State, R).fixed(Phi, 3).fixed(Psi, 3).endRow();
//
//===----------------------------------------------------------------------===//
#ifndef QIR_PASS_TABLEWRITER_H
#define QIR_PASS_TABLEWRITER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace qir {

class Structure;

class TableWriter {
public:
  static constexpr const char *ResidueColumnNames[] = {"model", "chain", "seq",
                                                       "icode", "resname"};
  static constexpr unsigned NumResidueColumns = 5;

  explicit TableWriter(llvm::raw_ostream &OS) : OS(OS) {}

  /// Header line from groups of column names.
  void header(std::initializer_list<llvm::ArrayRef<llvm::StringRef>> Groups);
  void header(llvm::ArrayRef<std::string> Columns);
  /// The residue columns, with \p Suffix ("_1") appended to each name.
  static std::vector<std::string> residueColumns(llvm::StringRef Suffix = "");
  /// The residue columns plus atom and altloc.
  static std::vector<std::string> atomColumns(llvm::StringRef Suffix = "");

  /// model chain seq icode resname of residue \p R; \p State picks the model
  /// number.
  TableWriter &residue(const Structure &S, size_t State, uint32_t R);
  /// residue columns of the atom's residue, then atom and altloc.
  TableWriter &atom(const Structure &S, size_t State, uint32_t A);

  TableWriter &text(llvm::StringRef V); ///< '.' when empty
  TableWriter &integer(int64_t V);
  TableWriter &fixed(double V, unsigned Decimals); ///< '.' when NaN
  TableWriter &missing();
  void endRow();

private:
  void sep();
  llvm::raw_ostream &OS;
  bool RowStarted = false;
};

} // namespace qir

#endif // QIR_PASS_TABLEWRITER_H
