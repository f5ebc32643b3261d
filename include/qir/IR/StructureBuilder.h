//===- StructureBuilder.h - Filling the IR from atom records ----*- C++ -*-===//
//
// Readers stream atom records (one per atom site, model by model) into a
// StructureBuilder, which writes them straight into the columns:
//
//  - a new chain row starts when (auth id, label id) changes or the reader
//    says so (PDB TER);
//  - a new residue starts when (name, auth seq, insertion code) changes, so
//    microheterogeneity (PRO/SER at one position) gives two residues;
//  - models share one topology, the union of the atoms seen in any model:
//    an atom is matched across models by (chain, residue, name, altloc); an
//    atom first seen in a later model is inserted at the end of its residue
//    (or, for a new residue, after the atom that preceded it in that model),
//    and states lacking it have NaN coordinates and Present = 0.
//
// finish() then derives what the file did not say (label ids and entities
// for PDB input, residue kinds) and perceives bonds (BondPerception.h).
//
//===----------------------------------------------------------------------===//
#ifndef QIR_IR_STRUCTUREBUILDER_H
#define QIR_IR_STRUCTUREBUILDER_H

#include "qir/IR/BondPerception.h"
#include "qir/IR/Structure.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

namespace qir {

/// One atom site as a reader sees it. StringRefs need to live only for the
/// duration of addAtom(). The reader checks lengths against the column
/// capacities (AtomName, ResidueName, ChainId, ElementSymbol) first.
struct AtomRecord {
  llvm::StringRef AuthChain;
  llvm::StringRef LabelAsym; ///< empty: derive (PDB input)
  llvm::StringRef EntityId;  ///< empty: unknown
  llvm::StringRef ResName;
  int32_t AuthSeq = NoSeqId;
  char ICode = 0;
  int32_t LabelSeq = NoSeqId;
  llvm::StringRef AtomName;
  llvm::StringRef Element;
  char AltLoc = 0;
  int8_t Charge = NoCharge;
  float Occupancy = 1.0f;
  float BIso = 0.0f;
  int64_t Serial = 0;
  bool Hetero = false;
  float X = 0, Y = 0, Z = 0;
  /// Start a new chain row even if the ids do not change (PDB TER).
  bool ForceNewChain = false;
};

struct EntityRecord {
  std::string Id;
  EntityType Type = EntityType::Unknown;
  PolymerType Polymer = PolymerType::None;
  std::string Sequence; ///< one-letter canonical
  std::string Description;
};

class StructureBuilder {
public:
  explicit StructureBuilder(llvm::StringRef SourceFormat);

  /// Names of the verbatim extra columns; addAtom() then takes one value
  /// per name, in this order.
  void setExtraColumnNames(std::vector<std::string> Names);

  /// Starts a model. Models must have distinct numbers; the reader checks.
  void beginModel(int32_t ModelNumber);
  void addAtom(const AtomRecord &R, llvm::ArrayRef<llvm::StringRef> Extra = {});

  void addEntity(EntityRecord E);
  /// A bond named by the file (struct_conn, SSBOND, LINK).
  void addExplicitBond(ExplicitBond B) { Explicit.push_back(std::move(B)); }
  /// A _chem_comp_bond row for component \p Comp.
  void addChemCompBond(ChemCompBond B) { ChemComp.push_back(std::move(B)); }
  Metadata &metadata() { return Meta; }

  size_t numModels() const { return Models.size(); }
  size_t numRecords() const { return NumRecords; }

  struct FinishOptions {
    bool PerceiveBonds = true;
  };
  /// Builds the structure. The builder is spent afterwards.
  Structure finish(const FinishOptions &Opts);
  Structure finish() { return finish(FinishOptions()); }

private:
  struct ModelData;
  struct AtomKey;
  void appendTopologyAtom(const AtomRecord &R);
  void buildKeyIndex();
  void mergeLateAtoms();
  void deriveLabels();
  void assignEntities();
  void assignResidueKinds();

  std::string SourceFormat;
  std::vector<std::string> ExtraNames;
  llvm::BumpPtrAllocator StringPool;
  llvm::UniqueStringSaver Strings{StringPool};

  // Topology as built from the first model (plus late atoms at finish()).
  AtomTable Atoms;
  ResidueTable Residues;
  ChainTable Chains;
  std::vector<llvm::StringRef> ChainEntityId; ///< per chain row
  bool NextForcesChain = false;

  struct ModelData {
    int32_t Number = 0;
    // Per record of this model, in file order.
    std::vector<uint32_t> Index; ///< topology atom (or late-atom id, tagged)
    std::vector<float> XYZ;
    std::vector<float> Occ, B;
    std::vector<int64_t> Serial;
    std::vector<llvm::StringRef> Extra; ///< record-major, ExtraNames.size()
  };
  std::vector<ModelData> Models;
  size_t NumRecords = 0;

  // Cross-model matching.
  llvm::StringMap<uint32_t> KeyIndex; ///< atom key -> topology atom
  bool KeyIndexBuilt = false;
  uint32_t Cursor = 0;
  std::vector<uint32_t> UsedInModel; ///< model number stamp per atom
  struct LateAtom {
    AtomRecord Rec;       ///< strings saved in Strings
    uint32_t After;       ///< topology atom it followed, or NoIndex
    uint32_t UsedInModel; ///< stamp of the last model that had it
  };
  llvm::StringMap<uint32_t> LateIndex; ///< atom key -> late atom
  std::vector<LateAtom> Late;
  static constexpr uint32_t LateTag = 0x80000000u;

  std::vector<EntityRecord> Entities;
  std::vector<ExplicitBond> Explicit;
  std::vector<ChemCompBond> ChemComp;
  Metadata Meta;
};

} // namespace qir

#endif // QIR_IR_STRUCTUREBUILDER_H
