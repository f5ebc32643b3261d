//===- Columns.cpp - The structure columns a selector reads ---------------===//
#include "qir/Select/Columns.h"

using namespace qir::select;
using namespace llvm;

StringRef qir::select::columnName(Column C) {
  switch (C) {
  case Column::AtomName:
    return "AtomName";
  case Column::Element:
    return "Element";
  case Column::AltLoc:
    return "AltLoc";
  case Column::AtomFlags:
    return "AtomFlags";
  case Column::Coordinates:
    return "Coordinates";
  case Column::Residues:
    return "Residues";
  case Column::Chains:
    return "Chains";
  case Column::Entities:
    return "Entities";
  }
  return "?";
}

std::string qir::select::columnList(ColumnSet S) {
  std::string Out;
  for (unsigned I = 0; I < NumColumns; ++I)
    if (S.contains(static_cast<Column>(I)))
      Out +=
          (Out.empty() ? "" : ",") + columnName(static_cast<Column>(I)).str();
  return Out;
}
