//===- Counts.cpp - Residues and atoms per chain --------------------------===//
#include "qir/Analysis/Counts.h"

#include "qir/IR/Structure.h"
#include "qir/Pass/TableWriter.h"

using namespace qir;
using namespace llvm;

AnalysisKey CountsAnalysis::Key;

ChainCounts CountsAnalysis::run(const Structure &S, const Options &,
                                AnalysisManager &) {
  ChainCounts R;
  const ChainTable &C = S.chains();
  const ResidueTable &Res = S.residues();
  const AtomTable &At = S.atoms();
  for (uint32_t I = 0; I < C.size(); ++I) {
    ChainCounts::Row Row{I, C.ResidueEnd[I] - C.ResidueBegin[I], 0, 0};
    if (Row.Residues) {
      uint32_t First = Res.AtomBegin[C.ResidueBegin[I]];
      uint32_t Last = Res.AtomEnd[C.ResidueEnd[I] - 1];
      Row.Atoms = Last - First;
      for (uint32_t A = First; A < Last; ++A)
        Row.Hydrogens += At.AtomicNumber[A] == 1;
    }
    R.Rows.push_back(Row);
  }
  return R;
}

void CountsAnalysis::print(raw_ostream &OS, const Structure &S, const Result &R,
                           const PrintOptions &) {
  TableWriter T(OS);
  T.header(
      {{"chain", "label_asym", "entity", "residues", "atoms", "hydrogens"}});
  const ChainTable &C = S.chains();
  for (const ChainCounts::Row &Row : R.Rows) {
    uint32_t E = C.Entity[Row.Chain];
    T.text(C.AuthId[Row.Chain].str())
        .text(C.LabelId[Row.Chain].str())
        .text(E == NoIndex ? StringRef() : StringRef(S.entities().Id[E]))
        .integer(Row.Residues)
        .integer(Row.Atoms)
        .integer(Row.Hydrogens)
        .endRow();
  }
}
