//===- BackboneAtoms.cpp - N, CA and C of amino-acid residues -------------===//
#include "qir/Analysis/BackboneAtoms.h"

using namespace qir;

std::vector<uint32_t> qir::aminoAcidPolymerResidues(const Structure &S) {
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  const EntityTable &Ent = S.entities();
  std::vector<uint32_t> Out;
  for (uint32_t R = 0; R < Res.size(); ++R) {
    uint32_t E = Ch.Entity[Res.Chain[R]];
    if (Res.Kind[R] == ResidueKind::AminoAcid && E != NoIndex &&
        Ent.Type[E] == EntityType::Polymer)
      Out.push_back(R);
  }
  return Out;
}

std::vector<BackboneAtoms> qir::collectBackboneAtoms(const Structure &S) {
  const AtomTable &At = S.atoms();
  std::vector<BackboneAtoms> BB(S.numResidues());
  for (uint32_t A = 0; A < At.size(); ++A) {
    uint8_t Z = At.AtomicNumber[A];
    BackboneAtoms &B = BB[At.Residue[A]];
    if (At.Name[A] == "N" && (Z == 7 || Z == 0))
      B.N.push_back(A);
    else if (At.Name[A] == "CA" && (Z == 6 || Z == 0))
      B.CA.push_back(A);
    else if (At.Name[A] == "C" && (Z == 6 || Z == 0))
      B.C.push_back(A);
  }
  return BB;
}
