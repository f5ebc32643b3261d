//===- Strip.cpp - Remove hydrogens, waters, ligands, ions ----------------===//
#include "qir/Transforms/Strip.h"

#include "qir/IR/AtomFilter.h"
#include "qir/IR/Structure.h"

using namespace qir;
using namespace llvm;

PreservedAnalyses StripPass::run(Structure &S, AnalysisManager &) {
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  const EntityTable &Ent = S.entities();
  BitVector Keep(S.numAtoms(), true);
  for (size_t R = 0; R < Res.size(); ++R) {
    ResidueKind K = Res.Kind[R];
    uint32_t E = Ch.Entity[Res.Chain[R]];
    bool InPolymer = E != NoIndex && Ent.Type[E] == EntityType::Polymer;
    bool Drop = (Opts.Waters && K == ResidueKind::Water) ||
                (Opts.Ions && K == ResidueKind::Ion) ||
                (Opts.Ligands && K == ResidueKind::Ligand && !InPolymer);
    if (Drop) {
      Keep.reset(Res.AtomBegin[R], Res.AtomEnd[R]);
      continue;
    }
    if (Opts.Hydrogens)
      for (uint32_t A = Res.AtomBegin[R]; A < Res.AtomEnd[R]; ++A)
        if (At.AtomicNumber[A] == 1)
          Keep.reset(A);
  }
  keepAtoms(S, Keep);
  return PreservedAnalyses();
}
