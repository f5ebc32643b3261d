//===- Kinds.cpp - Names of the IR enumerations ---------------------------===//
#include "qir/IR/Kinds.h"
#include "qir/IR/Facet.h"

#include "llvm/ADT/StringSwitch.h"

using namespace qir;
using llvm::StringRef;

StringRef qir::facetName(Facet F) {
  switch (F) {
  case Facet::Topology:
    return "Topology";
  case Facet::Coordinates:
    return "Coordinates";
  case Facet::AtomProperties:
    return "AtomProperties";
  case Facet::Metadata:
    return "Metadata";
  }
  return "?";
}

StringRef qir::residueKindName(ResidueKind K) {
  switch (K) {
  case ResidueKind::Unknown:
    return "unknown";
  case ResidueKind::AminoAcid:
    return "amino-acid";
  case ResidueKind::RNA:
    return "rna";
  case ResidueKind::DNA:
    return "dna";
  case ResidueKind::Water:
    return "water";
  case ResidueKind::Ion:
    return "ion";
  case ResidueKind::Ligand:
    return "ligand";
  }
  return "?";
}

StringRef qir::entityTypeName(EntityType T) {
  switch (T) {
  case EntityType::Unknown:
    return "unknown";
  case EntityType::Polymer:
    return "polymer";
  case EntityType::NonPolymer:
    return "non-polymer";
  case EntityType::Water:
    return "water";
  case EntityType::Branched:
    return "branched";
  case EntityType::Macrolide:
    return "macrolide";
  }
  return "?";
}

StringRef qir::polymerTypeName(PolymerType T) {
  switch (T) {
  case PolymerType::None:
    return ".";
  case PolymerType::PeptideL:
    return "polypeptide(L)";
  case PolymerType::PeptideD:
    return "polypeptide(D)";
  case PolymerType::DNA:
    return "polydeoxyribonucleotide";
  case PolymerType::RNA:
    return "polyribonucleotide";
  case PolymerType::DNARNAHybrid:
    return "polydeoxyribonucleotide/polyribonucleotide hybrid";
  case PolymerType::Other:
    return "other";
  }
  return "?";
}

StringRef qir::bondOrderName(BondOrder O) {
  switch (O) {
  case BondOrder::Unknown:
    return ".";
  case BondOrder::Single:
    return "sing";
  case BondOrder::Double:
    return "doub";
  case BondOrder::Triple:
    return "trip";
  case BondOrder::Aromatic:
    return "arom";
  }
  return "?";
}

StringRef qir::bondOriginName(BondOrigin O) {
  switch (O) {
  case BondOrigin::Template:
    return "template";
  case BondOrigin::PolymerLink:
    return "polymer-link";
  case BondOrigin::StructConn:
    return "struct-conn";
  case BondOrigin::ChemComp:
    return "chem-comp";
  case BondOrigin::Inferred:
    return "inferred";
  }
  return "?";
}

EntityType qir::parseEntityType(StringRef S) {
  return llvm::StringSwitch<EntityType>(S.lower())
      .Case("polymer", EntityType::Polymer)
      .Case("non-polymer", EntityType::NonPolymer)
      .Case("water", EntityType::Water)
      .Case("branched", EntityType::Branched)
      .Case("macrolide", EntityType::Macrolide)
      .Default(EntityType::Unknown);
}

PolymerType qir::parsePolymerType(StringRef S) {
  return llvm::StringSwitch<PolymerType>(S.lower())
      .Case("polypeptide(l)", PolymerType::PeptideL)
      .Case("polypeptide(d)", PolymerType::PeptideD)
      .Case("polydeoxyribonucleotide", PolymerType::DNA)
      .Case("polyribonucleotide", PolymerType::RNA)
      .Case("polydeoxyribonucleotide/polyribonucleotide hybrid",
            PolymerType::DNARNAHybrid)
      .Default(PolymerType::Other);
}

BondOrder qir::parseBondOrder(StringRef S) {
  return llvm::StringSwitch<BondOrder>(S.lower())
      .Case("sing", BondOrder::Single)
      .Case("doub", BondOrder::Double)
      .Case("trip", BondOrder::Triple)
      .Case("arom", BondOrder::Aromatic)
      .Default(BondOrder::Unknown);
}
