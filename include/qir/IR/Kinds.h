//===- Kinds.h - Enumerations of the IR tables ------------------*- C++ -*-===//
#ifndef QIR_IR_KINDS_H
#define QIR_IR_KINDS_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>

namespace qir {

/// What a residue is, chemically. From the residue template table for the
/// residues it knows, else from the entity type, else Ligand.
enum class ResidueKind : uint8_t {
  Unknown,
  AminoAcid,
  RNA,
  DNA,
  Water,
  Ion,
  Ligand,
};

enum class EntityType : uint8_t {
  Unknown,
  Polymer,
  NonPolymer,
  Water,
  Branched,
  Macrolide,
};

enum class PolymerType : uint8_t {
  None,
  PeptideL,
  PeptideD,
  DNA,
  RNA,
  DNARNAHybrid,
  Other,
};

enum class BondOrder : uint8_t {
  Unknown,
  Single,
  Double,
  Triple,
  Aromatic,
};

/// Where a bond came from (DESIGN section 2).
enum class BondOrigin : uint8_t {
  Template,    ///< built-in residue template table
  PolymerLink, ///< peptide C-N / phosphodiester O3'-P by template geometry
  StructConn,  ///< _struct_conn, SSBOND, LINK
  ChemComp,    ///< _chem_comp_bond in the file
  Inferred,    ///< distance vs covalent radii
};
constexpr unsigned NumBondOrigins = 5;

llvm::StringRef residueKindName(ResidueKind K);
llvm::StringRef entityTypeName(EntityType T);
llvm::StringRef polymerTypeName(PolymerType T);
llvm::StringRef bondOrderName(BondOrder O);
llvm::StringRef bondOriginName(BondOrigin O);

/// Parse mmCIF spellings: _entity.type ("polymer", "non-polymer", "water",
/// "branched", "macrolide") and _entity_poly.type ("polypeptide(L)", ...).
EntityType parseEntityType(llvm::StringRef S);
PolymerType parsePolymerType(llvm::StringRef S);
/// _chem_comp_bond.value_order / _struct_conn.pdbx_value_order.
BondOrder parseBondOrder(llvm::StringRef S);

} // namespace qir

#endif // QIR_IR_KINDS_H
