//===- Counts.cpp - Residues and atoms per chain --------------------------===//
#include "qir/Analysis/Counts.h"

#include "SerializerSupport.h"

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

// Persisted form: four uint32 arrays of one entry per chain row.
Error CountsAnalysis::write(ResultSink &Sink, const Result &R) {
  std::vector<uint32_t> Chain, Residues, Atoms, Hydrogens;
  for (const ChainCounts::Row &Row : R.Rows) {
    Chain.push_back(Row.Chain);
    Residues.push_back(Row.Residues);
    Atoms.push_back(Row.Atoms);
    Hydrogens.push_back(Row.Hydrogens);
  }
  if (Error E = Sink.write<uint32_t>("chain", Chain))
    return E;
  if (Error E = Sink.write<uint32_t>("residues", Residues))
    return E;
  if (Error E = Sink.write<uint32_t>("atoms", Atoms))
    return E;
  return Sink.write<uint32_t>("hydrogens", Hydrogens);
}

Expected<ChainCounts> CountsAnalysis::read(ResultSource &Source,
                                           const Structure &S) {
  const uint64_t NC = S.chains().size();
  std::vector<uint32_t> Chain, Residues, Atoms, Hydrogens;
  for (auto [Array, Out] :
       {std::pair<StringRef, std::vector<uint32_t> *>{"chain", &Chain},
        {"residues", &Residues},
        {"atoms", &Atoms},
        {"hydrogens", &Hydrogens}})
    if (Error E = serial::readShaped(Source, Name, Array, *Out, {NC}))
      return E;
  ChainCounts R;
  for (uint32_t I = 0; I < NC; ++I) {
    if (Chain[I] != I)
      return serial::malformed(Name, "row " + Twine(I) + " is for chain " +
                                         Twine(Chain[I]));
    R.Rows.push_back({I, Residues[I], Atoms[I], Hydrogens[I]});
  }
  return R;
}
