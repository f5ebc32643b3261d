//===- Structure.h - The columnar structure IR ------------------*- C++ -*-===//
//
// A Structure is columns, not objects: each table is a struct of arrays,
// parents are indices, children are contiguous half-open ranges. See
// docs/design.md section 2.
//
//   atoms ──residue──▶ residues ──chain──▶ chains ──entity──▶ entities
//   states: coordinates [S][N][3] float32 over one topology (the union of
//           the atoms seen in any model), with a presence mask per state.
//
// Reading is free; writing goes through the *ForWrite accessors, which name
// the facet they change and bump its generation. Facet hashes are computed
// on demand and cached against that generation.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_IR_STRUCTURE_H
#define QIR_IR_STRUCTURE_H

#include "qir/IR/Facet.h"
#include "qir/IR/Kinds.h"
#include "qir/Support/FixedString.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/StringSaver.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace qir {

using AtomName = FixedString<4>;
using ResidueName = FixedString<5>;
using ElementSymbol = FixedString<2>;
using ChainId = FixedString<8>;

/// Sentinels for optional integer columns.
constexpr int32_t NoSeqId = std::numeric_limits<int32_t>::min();
constexpr int8_t NoCharge = std::numeric_limits<int8_t>::min();
constexpr uint32_t NoIndex = std::numeric_limits<uint32_t>::max();

enum AtomFlags : uint8_t {
  AF_None = 0,
  AF_Hetero = 1 << 0, ///< HETATM record (group_PDB).
};

/// One row of AtomTable::AnisoU: U11 U22 U33 U12 U13 U23 in A^2.
using AnisoRow = std::array<float, 6>;

/// The atom columns, one std::vector per row of qir/IR/AtomColumns.def
/// (which documents each). AnisoU is optional: empty when the file has none,
/// NaN rows for atoms without (resize() leaves it alone).
struct AtomTable {
#define QIR_ATOM_COLUMN(Member, Type, StoreName, Facet)                        \
  std::vector<Type> Member;
#include "qir/IR/AtomColumns.def"

  size_t size() const { return Name.size(); }
  bool hasAniso(size_t I) const {
    return !AnisoU.empty() && !std::isnan(AnisoU[I][0]);
  }
  bool isHetero(size_t I) const { return Flags[I] & AF_Hetero; }
  void reserve(size_t N);
  void resize(size_t N);
};

/// The residue columns of qir/IR/ResidueColumns.def.
struct ResidueTable {
#define QIR_RESIDUE_COLUMN(Member, Type, StoreName, Facet)                     \
  std::vector<Type> Member;
#include "qir/IR/ResidueColumns.def"

  size_t size() const { return Name.size(); }
};

/// The chain columns of qir/IR/ChainColumns.def.
struct ChainTable {
#define QIR_CHAIN_COLUMN(Member, Type, StoreName, Facet)                       \
  std::vector<Type> Member;
#include "qir/IR/ChainColumns.def"

  size_t size() const { return AuthId.size(); }
};

struct EntityTable {
  std::vector<std::string> Id; ///< _entity.id ("1", "2", ...)
  std::vector<EntityType> Type;
  std::vector<PolymerType> Polymer;
  std::vector<std::string> Sequence; ///< one-letter canonical, polymers only
  std::vector<std::string> Description;

  size_t size() const { return Id.size(); }
};

/// The bond columns of qir/IR/BondColumns.def.
struct BondTable {
#define QIR_BOND_COLUMN(Member, Type, StoreName, Facet)                        \
  std::vector<Type> Member;
#include "qir/IR/BondColumns.def"

  size_t size() const { return A.size(); }
};

/// Coordinates of every state over the one topology. A state is an NMR
/// model or a trajectory frame. Atoms that a state lacks have NaN
/// coordinates and a zero in Present; Present is empty when every state
/// holds every atom.
///
/// Per-state atom properties: most files give each atom the same occupancy,
/// B and serial in every model. When they differ, the per-state arrays
/// (S*N, state-major) hold them and the atom-table values are those of the
/// first state holding the atom.
struct StateTable {
  std::vector<int32_t> ModelNumber; ///< the file's model number per state
  std::vector<float> Coords;        ///< [S][N][3]
  /// The [S][N] arrays of qir/IR/StateColumns.def, each empty when it says
  /// nothing: Present (empty when every state holds every atom), Occupancy,
  /// BIso, Serial.
#define QIR_STATE_ATOM_COLUMN(Member, Type, StoreName, Facet, Bit, Fill)       \
  std::vector<Type> Member;
#include "qir/IR/StateColumns.def"
  /// The order in which the source listed each state's atom sites, when
  /// some state's order differs from the topology order (models holding
  /// different water sets, say): the atoms of state S are
  /// SiteOrder[SiteOrderBegin[S] .. SiteOrderBegin[S+1]). Empty otherwise.
  std::vector<uint32_t> SiteOrder;
  std::vector<uint64_t> SiteOrderBegin; ///< S+1 offsets, or empty

  size_t size() const { return ModelNumber.size(); }
};

/// Named atom sets: domains, TLS groups, user selections.
struct Grouping {
  std::string Name;
  std::vector<uint32_t> Atoms; ///< sorted atom indices
};

struct UnitCell {
  double A = 1, B = 1, C = 1, Alpha = 90, Beta = 90, Gamma = 90;
};

struct Metadata {
  std::string Id;     ///< entry id (data block name or HEADER id code)
  std::string Method; ///< exptl.method, upper case as in the file
  std::optional<double> Resolution;
  std::optional<UnitCell> Cell;
  std::string SpaceGroup;   ///< Hermann-Mauguin symbol as written
  std::string SourceFormat; ///< "mmcif" or "pdb"
};

/// Text columns of the source's atom records that the IR does not model
/// (e.g. `_atom_site.Cartn_x_esd`, PDB segment ids), kept verbatim so that
/// writers put them back. Values are per atom record: [S][N], state-major,
/// with an empty StringRef where the state lacks the atom. Null CIF values
/// are kept as written ("?" or ".").
struct ExtraColumns {
  std::vector<std::string> Names;
  std::vector<std::vector<llvm::StringRef>> Values;

  size_t size() const { return Names.size(); }
  int find(llvm::StringRef Name) const;
};

class Structure {
public:
  Structure();
  Structure(Structure &&) = default;
  Structure &operator=(Structure &&) = default;
  Structure(const Structure &) = delete;
  Structure &operator=(const Structure &) = delete;

  // ---- Read access --------------------------------------------------------
  const AtomTable &atoms() const { return Atoms; }
  const ResidueTable &residues() const { return Residues; }
  const ChainTable &chains() const { return Chains; }
  const EntityTable &entities() const { return Entities; }
  const BondTable &bonds() const { return Bonds; }
  const StateTable &states() const { return States; }
  const std::vector<Grouping> &groupings() const { return Groupings; }
  const Metadata &metadata() const { return Meta; }
  const ExtraColumns &extraColumns() const { return Extra; }

  size_t numAtoms() const { return Atoms.size(); }
  size_t numResidues() const { return Residues.size(); }
  size_t numChains() const { return Chains.size(); }
  size_t numStates() const { return States.size(); }

  /// Coordinates of atom \p A in state \p S (NaN if the state lacks it).
  std::array<float, 3> position(size_t S, size_t A) const {
    const float *P = &States.Coords[(S * numAtoms() + A) * 3];
    return {P[0], P[1], P[2]};
  }
  bool isPresent(size_t S, size_t A) const {
    return States.Present.empty() || States.Present[S * numAtoms() + A];
  }
  float occupancy(size_t S, size_t A) const {
    return States.Occupancy.empty() ? Atoms.Occupancy[A]
                                    : States.Occupancy[S * numAtoms() + A];
  }
  float bIso(size_t S, size_t A) const {
    return States.BIso.empty() ? Atoms.BIso[A]
                               : States.BIso[S * numAtoms() + A];
  }
  int64_t serial(size_t S, size_t A) const {
    return States.Serial.empty() ? Atoms.Serial[A]
                                 : States.Serial[S * numAtoms() + A];
  }
  /// The atoms state \p S holds, in the order the source listed them
  /// (topology order unless StateTable::SiteOrder says otherwise).
  std::vector<uint32_t> siteOrder(size_t S) const;
  /// Index of the state whose file model number is \p Model, or NoIndex.
  uint32_t stateForModel(int32_t Model) const;

  // ---- Mutation: every write names the facet it changes ------------------
  AtomTable &atomsForWrite(FacetSet Changes);
  ResidueTable &residuesForWrite(FacetSet Changes);
  ChainTable &chainsForWrite(FacetSet Changes);
  EntityTable &entitiesForWrite(); ///< Topology
  BondTable &bondsForWrite();      ///< Topology
  StateTable &statesForWrite(FacetSet Changes);
  /// Coordinates of every state, [S][N][3]; bumps Coordinates.
  llvm::MutableArrayRef<float> coordsForWrite();
  std::vector<Grouping> &groupingsForWrite(); ///< Topology
  Metadata &metadataForWrite();               ///< Metadata
  ExtraColumns &extraColumnsForWrite();       ///< AtomProperties
  /// Keeps \p S alive as long as the structure (for ExtraColumns values).
  llvm::StringRef save(llvm::StringRef S) { return Saver->save(S); }

  // ---- Facets ------------------------------------------------------------
  /// Generation counter of \p F: bumped by every write to it.
  uint64_t generation(Facet F) const {
    return Generations[static_cast<unsigned>(F)];
  }
  /// Content hash of \p F (xxh3-64 over its canonical arrays). Cached until
  /// the facet's generation changes.
  uint64_t hash(Facet F) const;
  /// Mark \p Changes as written without going through an accessor.
  void markChanged(FacetSet Changes);

  /// Check the table invariants: every column of a table as long as the
  /// table (optional ones empty or full), ranges contiguous and covering,
  /// parents and bond ends in range, coordinates [S][N][3], the per-state
  /// arrays empty or [S][N], presence agreeing with NaN coordinates, each
  /// state's site order listing exactly its present atoms once, extra
  /// columns [S][N], groupings sorted and in range. Returns a description of
  /// the first violation, or an empty string.
  std::string verify() const;

private:
  uint64_t computeHash(Facet F) const;

  AtomTable Atoms;
  ResidueTable Residues;
  ChainTable Chains;
  EntityTable Entities;
  BondTable Bonds;
  StateTable States;
  std::vector<Grouping> Groupings;
  Metadata Meta;
  ExtraColumns Extra;

  std::unique_ptr<llvm::BumpPtrAllocator> Pool;
  std::unique_ptr<llvm::UniqueStringSaver>
      Saver; ///< one copy per distinct value

  uint64_t Generations[NumFacets] = {};
  mutable uint64_t HashCache[NumFacets] = {};
  mutable uint64_t HashGeneration[NumFacets];
};

} // namespace qir

#endif // QIR_IR_STRUCTURE_H
