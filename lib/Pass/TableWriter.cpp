//===- TableWriter.cpp - The print<X> output contract ---------------------===//
#include "qir/Pass/TableWriter.h"

#include "qir/IR/Structure.h"

#include "llvm/Support/Format.h"

#include <cmath>

using namespace qir;
using namespace llvm;

void TableWriter::header(std::initializer_list<ArrayRef<StringRef>> Groups) {
  bool First = true;
  for (ArrayRef<StringRef> G : Groups)
    for (StringRef C : G) {
      if (!First)
        OS << '\t';
      First = false;
      OS << C;
    }
  OS << '\n';
}

void TableWriter::header(ArrayRef<std::string> Columns) {
  bool First = true;
  for (const std::string &C : Columns) {
    if (!First)
      OS << '\t';
    First = false;
    OS << C;
  }
  OS << '\n';
}

std::vector<std::string> TableWriter::residueColumns(StringRef Suffix) {
  std::vector<std::string> V;
  for (const char *C : ResidueColumnNames)
    V.push_back((C + Suffix).str());
  return V;
}

std::vector<std::string> TableWriter::atomColumns(StringRef Suffix) {
  std::vector<std::string> V = residueColumns(Suffix);
  V.push_back(("atom" + Suffix).str());
  V.push_back(("altloc" + Suffix).str());
  return V;
}

void TableWriter::sep() {
  if (RowStarted)
    OS << '\t';
  RowStarted = true;
}

TableWriter &TableWriter::residue(const Structure &S, size_t State,
                                  uint32_t R) {
  const ResidueTable &Res = S.residues();
  integer(State < S.numStates() ? S.states().ModelNumber[State] : 1);
  text(S.chains().AuthId[Res.Chain[R]].str());
  if (Res.AuthSeq[R] == NoSeqId)
    missing();
  else
    integer(Res.AuthSeq[R]);
  char IC = Res.ICode[R];
  text(IC ? StringRef(&IC, 1) : StringRef());
  return text(Res.Name[R].str());
}

TableWriter &TableWriter::atom(const Structure &S, size_t State, uint32_t A) {
  residue(S, State, S.atoms().Residue[A]);
  text(S.atoms().Name[A].str());
  char Alt = S.atoms().AltLoc[A];
  return text(Alt ? StringRef(&Alt, 1) : StringRef());
}

TableWriter &TableWriter::text(StringRef V) {
  sep();
  if (V.empty())
    OS << '.';
  else
    OS << V;
  return *this;
}

TableWriter &TableWriter::integer(int64_t V) {
  sep();
  OS << V;
  return *this;
}

TableWriter &TableWriter::fixed(double V, unsigned Decimals) {
  sep();
  if (std::isnan(V)) {
    OS << '.';
    return *this;
  }
  // printf rounds the exact binary value; a value that rounds to zero
  // prints without its sign ("0.000", never "-0.000").
  char Buf[64];
  int N = snprintf(Buf, sizeof(Buf), "%.*f", static_cast<int>(Decimals), V);
  StringRef T(Buf, N > 0 ? N : 0);
  if (T.starts_with("-") && T.find_first_not_of("-0.") == StringRef::npos)
    T = T.drop_front();
  OS << T;
  return *this;
}

TableWriter &TableWriter::missing() {
  sep();
  OS << '.';
  return *this;
}

void TableWriter::endRow() {
  OS << '\n';
  RowStarted = false;
}
