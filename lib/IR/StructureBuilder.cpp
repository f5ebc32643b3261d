//===- StructureBuilder.cpp - Filling the IR from atom records ------------===//
#include "qir/IR/StructureBuilder.h"
#include "qir/IR/ResidueTemplates.h"
#include "qir/Support/Element.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Sequence.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <cmath>

using namespace qir;
using llvm::StringRef;

StructureBuilder::StructureBuilder(StringRef SourceFormat)
    : SourceFormat(SourceFormat.str()) {}

void StructureBuilder::setExtraColumnNames(std::vector<std::string> Names) {
  ExtraNames = std::move(Names);
}

void StructureBuilder::beginModel(int32_t ModelNumber) {
  Models.emplace_back();
  Models.back().Number = ModelNumber;
  Cursor = 0;
  NextForcesChain = true;
}

void StructureBuilder::addEntity(EntityRecord E) {
  Entities.push_back(std::move(E));
}

/// Key of an atom across models: every id that names it.
static void appendAtomKey(llvm::SmallVectorImpl<char> &Out, StringRef Auth,
                          StringRef Label, StringRef ResName, int32_t Seq,
                          char ICode, StringRef Atom, char Alt) {
  Out.clear();
  auto Put = [&](StringRef S) {
    Out.append(S.begin(), S.end());
    Out.push_back('\x1f');
  };
  Put(Auth);
  Put(Label);
  Put(ResName);
  char Buf[sizeof(int32_t)];
  std::memcpy(Buf, &Seq, sizeof(Seq));
  Out.append(Buf, Buf + sizeof(Buf));
  Out.push_back(ICode);
  Put(Atom);
  Out.push_back(Alt);
}

void StructureBuilder::appendTopologyAtom(const AtomRecord &R) {
  uint32_t A = static_cast<uint32_t>(Atoms.size());
  bool NewChain = NextForcesChain || R.ForceNewChain || Chains.size() == 0 ||
                  Chains.AuthId.back() != R.AuthChain ||
                  Chains.LabelId.back() != R.LabelAsym;
  NextForcesChain = false;
  if (NewChain) {
    // Close the previous chain, open a new one.
    uint32_t RB = static_cast<uint32_t>(Residues.size());
    if (Chains.size())
      Chains.ResidueEnd.back() = RB;
    Chains.AuthId.emplace_back(R.AuthChain);
    Chains.LabelId.emplace_back(R.LabelAsym);
    Chains.Entity.push_back(NoIndex);
    Chains.ResidueBegin.push_back(RB);
    Chains.ResidueEnd.push_back(RB);
    ChainEntityId.push_back(Strings.save(R.EntityId));
  }
  uint32_t C = static_cast<uint32_t>(Chains.size() - 1);
  bool NewResidue = NewChain || Residues.size() == 0 ||
                    Residues.AuthSeq.back() != R.AuthSeq ||
                    Residues.ICode.back() != R.ICode ||
                    Residues.Name.back() != R.ResName;
  if (NewResidue) {
    if (Residues.size())
      Residues.AtomEnd.back() = A;
    Residues.Name.emplace_back(R.ResName);
    Residues.AuthSeq.push_back(R.AuthSeq);
    Residues.ICode.push_back(R.ICode);
    Residues.LabelSeq.push_back(R.LabelSeq);
    Residues.Chain.push_back(C);
    Residues.Kind.push_back(ResidueKind::Unknown);
    Residues.AtomBegin.push_back(A);
    Residues.AtomEnd.push_back(A);
    Chains.ResidueEnd.back() = static_cast<uint32_t>(Residues.size());
  }
  Atoms.Name.emplace_back(R.AtomName);
  Atoms.Element.emplace_back(R.Element);
  uint8_t Z = atomicNumber(R.Element);
  Atoms.AtomicNumber.push_back(Z);
  Atoms.AltLoc.push_back(R.AltLoc);
  Atoms.Charge.push_back(R.Charge);
  Atoms.Occupancy.push_back(R.Occupancy);
  Atoms.BIso.push_back(R.BIso);
  Atoms.Serial.push_back(R.Serial);
  Atoms.Residue.push_back(static_cast<uint32_t>(Residues.size() - 1));
  Atoms.Flags.push_back(R.Hetero ? AF_Hetero : AF_None);
  Residues.AtomEnd.back() = A + 1;
}

void StructureBuilder::buildKeyIndex() {
  if (KeyIndexBuilt)
    return;
  KeyIndexBuilt = true;
  llvm::SmallString<64> Key;
  for (uint32_t A = 0; A < Atoms.size(); ++A) {
    uint32_t R = Atoms.Residue[A], C = Residues.Chain[R];
    appendAtomKey(Key, Chains.AuthId[C].str(), Chains.LabelId[C].str(),
                  Residues.Name[R].str(), Residues.AuthSeq[R],
                  Residues.ICode[R], Atoms.Name[A].str(), Atoms.AltLoc[A]);
    KeyIndex.try_emplace(Key, A); // first occurrence wins
  }
}

void StructureBuilder::addAtom(const AtomRecord &R,
                               llvm::ArrayRef<StringRef> Extra) {
  assert(!Models.empty() && "beginModel() first");
  assert(Extra.size() == ExtraNames.size() && "one value per extra column");
  ModelData &M = Models.back();
  ++NumRecords;
  uint32_t Index;
  if (Models.size() == 1) {
    Index = static_cast<uint32_t>(Atoms.size());
    appendTopologyAtom(R);
  } else {
    // Later model: match against the topology, cursor first.
    auto Matches = [&](uint32_t A) {
      if (A >= Atoms.size())
        return false;
      uint32_t Res = Atoms.Residue[A], C = Residues.Chain[Res];
      return Atoms.Name[A] == R.AtomName && Atoms.AltLoc[A] == R.AltLoc &&
             Residues.AuthSeq[Res] == R.AuthSeq &&
             Residues.ICode[Res] == R.ICode &&
             Residues.Name[Res] == R.ResName &&
             Chains.AuthId[C] == R.AuthChain &&
             Chains.LabelId[C] == R.LabelAsym;
    };
    uint32_t Stamp = static_cast<uint32_t>(Models.size());
    if (UsedInModel.size() < Atoms.size())
      UsedInModel.resize(Atoms.size(), 0);
    Index = NoIndex;
    if (Matches(Cursor) && UsedInModel[Cursor] != Stamp) {
      Index = Cursor;
    } else {
      buildKeyIndex();
      llvm::SmallString<64> Key;
      appendAtomKey(Key, R.AuthChain, R.LabelAsym, R.ResName, R.AuthSeq,
                    R.ICode, R.AtomName, R.AltLoc);
      auto It = KeyIndex.find(Key);
      if (It != KeyIndex.end() && UsedInModel[It->second] != Stamp)
        Index = It->second;
    }
    if (Index != NoIndex) {
      UsedInModel[Index] = Stamp;
      Cursor = Index + 1;
    } else {
      // An atom the first model lacks. Another later model may have seen
      // it already: one late atom per key.
      llvm::SmallString<64> Key;
      appendAtomKey(Key, R.AuthChain, R.LabelAsym, R.ResName, R.AuthSeq,
                    R.ICode, R.AtomName, R.AltLoc);
      auto [It, Inserted] =
          LateIndex.try_emplace(Key, static_cast<uint32_t>(Late.size()));
      if (!Inserted && Late[It->second].UsedInModel == Stamp) {
        // The same key twice in one model: keep both as distinct atoms.
        It->second = static_cast<uint32_t>(Late.size());
        Inserted = true;
      }
      if (Inserted) {
        LateAtom L{R, Cursor ? Cursor - 1 : NoIndex, 0};
        L.Rec.AuthChain = Strings.save(R.AuthChain);
        L.Rec.LabelAsym = Strings.save(R.LabelAsym);
        L.Rec.EntityId = Strings.save(R.EntityId);
        L.Rec.ResName = Strings.save(R.ResName);
        L.Rec.AtomName = Strings.save(R.AtomName);
        L.Rec.Element = Strings.save(R.Element);
        Late.push_back(L);
      }
      Late[It->second].UsedInModel = Stamp;
      Index = LateTag | It->second;
    }
  }
  M.Index.push_back(Index);
  M.XYZ.push_back(R.X);
  M.XYZ.push_back(R.Y);
  M.XYZ.push_back(R.Z);
  M.Occ.push_back(R.Occupancy);
  M.B.push_back(R.BIso);
  M.Serial.push_back(R.Serial);
  for (StringRef V : Extra)
    M.Extra.push_back(Strings.save(V));
}

/// Rebuild the topology with the late atoms inserted where the model that
/// first had them put them: right after the atom that preceded them there.
/// When that predecessor lies in another residue but the late atom's residue
/// exists, the atom goes first in its residue, so residues stay contiguous.
void StructureBuilder::mergeLateAtoms() {
  if (Late.empty())
    return;
  size_t N0 = Atoms.size();
  // Residue key -> residue index in the first-model topology.
  llvm::StringMap<uint32_t> ResidueIndex;
  llvm::SmallString<64> Key;
  auto ResKey = [&](StringRef Auth, StringRef Label, StringRef Name,
                    int32_t Seq, char ICode) {
    appendAtomKey(Key, Auth, Label, Name, Seq, ICode, "", 0);
    return StringRef(Key);
  };
  for (uint32_t R = 0; R < Residues.size(); ++R) {
    uint32_t C = Residues.Chain[R];
    ResidueIndex.try_emplace(
        ResKey(Chains.AuthId[C].str(), Chains.LabelId[C].str(),
               Residues.Name[R].str(), Residues.AuthSeq[R], Residues.ICode[R]),
        R);
  }
  // Insertion lists: position P means "after topology atom P-1" (P = 0:
  // before the first atom).
  std::vector<llvm::SmallVector<uint32_t, 1>> After(N0 + 1);
  for (uint32_t L = 0; L < Late.size(); ++L) {
    const AtomRecord &R = Late[L].Rec;
    uint32_t Pred = Late[L].After;
    uint32_t Pos = Pred == NoIndex ? 0 : Pred + 1;
    auto It = ResidueIndex.find(
        ResKey(R.AuthChain, R.LabelAsym, R.ResName, R.AuthSeq, R.ICode));
    if (It != ResidueIndex.end()) {
      uint32_t Res = It->second;
      bool PredInResidue = Pred != NoIndex && Atoms.Residue[Pred] == Res;
      if (!PredInResidue)
        Pos = Pred != NoIndex && Pred >= Residues.AtomEnd[Res]
                  ? Residues.AtomEnd[Res]
                  : Residues.AtomBegin[Res];
    }
    After[Pos].push_back(L);
  }
  // Replay the union in order through appendTopologyAtom().
  AtomTable OldAtoms = std::move(Atoms);
  ResidueTable OldRes = std::move(Residues);
  ChainTable OldChains = std::move(Chains);
  std::vector<StringRef> OldEntityIds = std::move(ChainEntityId);
  Atoms = AtomTable();
  Residues = ResidueTable();
  Chains = ChainTable();
  ChainEntityId.clear();
  std::vector<uint32_t> OldToNew(N0), LateToNew(Late.size());
  uint32_t PrevOldChain = NoIndex;
  NextForcesChain = true;
  auto EmitLate = [&](uint32_t Pos) {
    for (uint32_t L : After[Pos]) {
      LateToNew[L] = static_cast<uint32_t>(Atoms.size());
      appendTopologyAtom(Late[L].Rec);
    }
  };
  EmitLate(0);
  for (uint32_t A = 0; A < N0; ++A) {
    uint32_t R = OldAtoms.Residue[A], C = OldRes.Chain[R];
    AtomRecord Rec;
    Rec.AuthChain = OldChains.AuthId[C].str();
    Rec.LabelAsym = OldChains.LabelId[C].str();
    Rec.EntityId = OldEntityIds[C];
    Rec.ResName = OldRes.Name[R].str();
    Rec.AuthSeq = OldRes.AuthSeq[R];
    Rec.ICode = OldRes.ICode[R];
    Rec.LabelSeq = OldRes.LabelSeq[R];
    Rec.AtomName = OldAtoms.Name[A].str();
    Rec.Element = OldAtoms.Element[A].str();
    Rec.AltLoc = OldAtoms.AltLoc[A];
    Rec.Charge = OldAtoms.Charge[A];
    Rec.Occupancy = OldAtoms.Occupancy[A];
    Rec.BIso = OldAtoms.BIso[A];
    Rec.Serial = OldAtoms.Serial[A];
    Rec.Hetero = OldAtoms.isHetero(A);
    // Keep the first model's chain splits (TER) even where ids repeat.
    Rec.ForceNewChain = C != PrevOldChain;
    PrevOldChain = C;
    OldToNew[A] = static_cast<uint32_t>(Atoms.size());
    appendTopologyAtom(Rec);
    EmitLate(A + 1);
  }
  for (ModelData &M : Models)
    for (uint32_t &I : M.Index)
      I = (I & LateTag) ? LateToNew[I & ~LateTag] : OldToNew[I];
}

/// PDB input has no label ids. Split each auth chain the way mmCIF would:
/// the polymer (the residues up to the last ATOM record or standard polymer
/// residue; TER starts a new chain row) is one label asym, each other non-water
/// residue is its own, and the chain's waters share one. Label asym ids are
/// given in order of appearance: A, B, ..., Z, AA, BA, ... (as the PDB does).
/// Label seq ids number the polymer residues from 1.
void StructureBuilder::deriveLabels() {
  auto LabelName = [](unsigned I) {
    std::string S;
    do {
      S.push_back(static_cast<char>('A' + I % 26));
      I /= 26;
    } while (I-- > 0);
    return S;
  };
  ChainTable New;
  std::vector<StringRef> NewEntityIds;
  unsigned NextLabel = 0;
  for (uint32_t C = 0; C < Chains.size(); ++C) {
    uint32_t RB = Chains.ResidueBegin[C], RE = Chains.ResidueEnd[C];
    // Polymer extent: up to the last ATOM record or standard polymer
    // residue of the chain row (a TER always starts a new row).
    uint32_t PolyEnd = RB;
    for (uint32_t R = RB; R < RE; ++R) {
      ResidueKind K = residueKindOf(Residues.Name[R].str());
      bool Standard = K == ResidueKind::AminoAcid || K == ResidueKind::RNA ||
                      K == ResidueKind::DNA;
      bool AtomRecords =
          !Atoms.isHetero(Residues.AtomBegin[R]) && K != ResidueKind::Water;
      if (Standard || AtomRecords)
        PolyEnd = R + 1;
    }
    // A polymer needs at least two residues; one lone residue is a ligand.
    if (PolyEnd - RB < 2)
      PolyEnd = RB;
    auto Open = [&](uint32_t R) {
      New.AuthId.push_back(Chains.AuthId[C]);
      New.LabelId.emplace_back(LabelName(NextLabel++));
      New.Entity.push_back(NoIndex);
      New.ResidueBegin.push_back(R);
      New.ResidueEnd.push_back(R);
      NewEntityIds.push_back(StringRef());
    };
    if (PolyEnd > RB) {
      Open(RB);
      int32_t Seq = 1;
      for (uint32_t R = RB; R < PolyEnd; ++R)
        Residues.LabelSeq[R] = Seq++;
      New.ResidueEnd.back() = PolyEnd;
    }
    // Waters of this chain row go together, after its other residues, as
    // in mmCIF; since residues must stay in file order, a water run gets
    // one label asym each time it is interrupted.
    for (uint32_t R = PolyEnd; R < RE; ++R) {
      bool Water = residueKindOf(Residues.Name[R].str()) == ResidueKind::Water;
      bool PrevWater =
          R > PolyEnd &&
          residueKindOf(Residues.Name[R - 1].str()) == ResidueKind::Water;
      if (!(Water && PrevWater))
        Open(R);
      New.ResidueEnd.back() = R + 1;
    }
  }
  for (uint32_t NC = 0; NC < New.size(); ++NC)
    for (uint32_t R = New.ResidueBegin[NC]; R < New.ResidueEnd[NC]; ++R)
      Residues.Chain[R] = NC;
  Chains = std::move(New);
  ChainEntityId = std::move(NewEntityIds);
}

/// Entities: from the file's _entity when given (matched by id); else
/// derived as a careful reader would: one polymer entity per distinct
/// residue-name sequence, one non-polymer entity per ligand name, one water.
void StructureBuilder::assignEntities() {
  llvm::StringMap<uint32_t> ById;
  for (uint32_t E = 0; E < Entities.size(); ++E)
    ById.try_emplace(Entities[E].Id, E);
  llvm::StringMap<uint32_t> Derived; // signature -> entity
  for (uint32_t C = 0; C < Chains.size(); ++C) {
    StringRef Id = ChainEntityId[C];
    if (!Id.empty() && Id != "?" && Id != ".") {
      auto It = ById.find(Id);
      if (It == ById.end()) {
        // Referenced but not defined: record it with unknown type.
        EntityRecord E;
        E.Id = Id.str();
        It = ById.try_emplace(Id, static_cast<uint32_t>(Entities.size())).first;
        Entities.push_back(std::move(E));
      }
      Chains.Entity[C] = It->second;
      continue;
    }
    // Derive a signature from the residues.
    uint32_t RB = Chains.ResidueBegin[C], RE = Chains.ResidueEnd[C];
    bool Water =
        RE > RB && llvm::all_of(llvm::seq(RB, RE), [&](uint32_t R) {
          return residueKindOf(Residues.Name[R].str()) == ResidueKind::Water;
        });
    std::string Sig;
    EntityRecord E;
    if (Water) {
      Sig = "water";
      E.Type = EntityType::Water;
      E.Description = "water";
    } else if (RE - RB >= 2) {
      E.Type = EntityType::Polymer;
      unsigned NAA = 0, NDNA = 0, NRNA = 0;
      for (uint32_t R = RB; R < RE; ++R) {
        StringRef Name = Residues.Name[R].str();
        Sig += Name;
        Sig += ' ';
        const ResidueTemplate *T = lookupResidueTemplate(Name);
        E.Sequence.push_back(T && T->OneLetter ? T->OneLetter : 'X');
        ResidueKind K = T ? T->Kind : ResidueKind::Unknown;
        NAA += K == ResidueKind::AminoAcid;
        NDNA += K == ResidueKind::DNA;
        NRNA += K == ResidueKind::RNA;
      }
      E.Polymer = NAA >= NDNA + NRNA ? PolymerType::PeptideL
                  : NDNA && NRNA     ? PolymerType::DNARNAHybrid
                  : NDNA             ? PolymerType::DNA
                                     : PolymerType::RNA;
      Sig = "poly " + Sig;
    } else {
      E.Type = EntityType::NonPolymer;
      Sig = "lig " + Residues.Name[RB].str().str();
      E.Description = Residues.Name[RB].str().str();
    }
    auto It = Derived.find(Sig);
    if (It == Derived.end()) {
      uint32_t Index = static_cast<uint32_t>(Entities.size());
      // Give derived entities ids after the highest numeric id in use.
      E.Id = std::to_string(Index + 1);
      while (ById.count(E.Id))
        E.Id = std::to_string(std::stoi(E.Id) + 1);
      ById.try_emplace(E.Id, Index);
      It = Derived.try_emplace(Sig, Index).first;
      Entities.push_back(std::move(E));
    }
    Chains.Entity[C] = It->second;
  }
}

/// Residue kind: the template's kind when the table knows the name; else
/// water by name; else from the chain's entity (polymer type), else a
/// single-atom ion, else ligand.
void StructureBuilder::assignResidueKinds() {
  for (uint32_t R = 0; R < Residues.size(); ++R) {
    StringRef Name = Residues.Name[R].str();
    ResidueKind K = residueKindOf(Name);
    if (K == ResidueKind::Unknown) {
      uint32_t C = Residues.Chain[R];
      uint32_t E = Chains.Entity[C];
      PolymerType PT = E == NoIndex ? PolymerType::None : Entities[E].Polymer;
      bool InPolymer = E != NoIndex && Entities[E].Type == EntityType::Polymer;
      if (isWaterName(Name))
        K = ResidueKind::Water;
      else if (InPolymer &&
               (PT == PolymerType::PeptideL || PT == PolymerType::PeptideD))
        K = ResidueKind::AminoAcid;
      else if (InPolymer && PT == PolymerType::DNA)
        K = ResidueKind::DNA;
      else if (InPolymer && PT == PolymerType::RNA)
        K = ResidueKind::RNA;
      else if (Residues.AtomEnd[R] - Residues.AtomBegin[R] == 1 &&
               Atoms.AtomicNumber[Residues.AtomBegin[R]] > 10 &&
               Atoms.AtomicNumber[Residues.AtomBegin[R]] != 16)
        K = ResidueKind::Ion;
      else
        K = ResidueKind::Ligand;
    }
    Residues.Kind[R] = K;
  }
}

Structure StructureBuilder::finish(const FinishOptions &Opts) {
  mergeLateAtoms();
  if (Residues.size())
    Residues.AtomEnd.back() = static_cast<uint32_t>(Atoms.size());
  bool NeedLabels =
      llvm::any_of(Chains.LabelId, [](const ChainId &L) { return L.empty(); });
  if (NeedLabels)
    deriveLabels();
  assignEntities();
  assignResidueKinds();

  Structure S;
  size_t N = Atoms.size(), NS = Models.size();
  {
    StateTable &St = S.statesForWrite(FacetSet::all());
    St.ModelNumber.reserve(NS);
    St.Coords.assign(NS * N * 3, std::nanf(""));
    bool AllPresent = true;
    bool SameOcc = true, SameB = true, SameSerial = true;
    std::vector<uint8_t> Present(NS * N, 0);
    std::vector<uint8_t> Seen(N, 0);
    // Atom-level properties come from the first state holding the atom.
    for (size_t M = 0; M < NS; ++M) {
      const ModelData &MD = Models[M];
      St.ModelNumber.push_back(MD.Number);
      for (size_t I = 0; I < MD.Index.size(); ++I) {
        uint32_t A = MD.Index[I];
        std::memcpy(&St.Coords[(M * N + A) * 3], &MD.XYZ[I * 3],
                    3 * sizeof(float));
        Present[M * N + A] = 1;
        if (!Seen[A]) {
          Seen[A] = 1;
          Atoms.Occupancy[A] = MD.Occ[I];
          Atoms.BIso[A] = MD.B[I];
          Atoms.Serial[A] = MD.Serial[I];
        } else {
          SameOcc &= Atoms.Occupancy[A] == MD.Occ[I];
          SameB &= Atoms.BIso[A] == MD.B[I];
          SameSerial &= Atoms.Serial[A] == MD.Serial[I];
        }
      }
    }
    for (uint8_t P : Present)
      AllPresent &= P != 0;
    if (!AllPresent)
      St.Present = std::move(Present);
    auto PerState = [&](auto &Out, auto Member, auto Fill) {
      Out.assign(NS * N, Fill);
      for (size_t M = 0; M < NS; ++M) {
        const ModelData &MD = Models[M];
        const auto &Vals = MD.*Member;
        for (size_t I = 0; I < MD.Index.size(); ++I)
          Out[M * N + MD.Index[I]] = Vals[I];
      }
    };
    if (!SameOcc)
      PerState(St.Occupancy, &ModelData::Occ, std::nanf(""));
    if (!SameB)
      PerState(St.BIso, &ModelData::B, std::nanf(""));
    if (!SameSerial)
      PerState(St.Serial, &ModelData::Serial, int64_t(0));
    // Keep each model's own atom order when one differs from the topology.
    bool InOrder = llvm::all_of(Models, [](const ModelData &MD) {
      return std::is_sorted(MD.Index.begin(), MD.Index.end());
    });
    if (!InOrder) {
      St.SiteOrderBegin.push_back(0);
      for (const ModelData &MD : Models) {
        St.SiteOrder.insert(St.SiteOrder.end(), MD.Index.begin(),
                            MD.Index.end());
        St.SiteOrderBegin.push_back(St.SiteOrder.size());
      }
    }
  }
  {
    ExtraColumns &X = S.extraColumnsForWrite();
    X.Names = ExtraNames;
    X.Values.assign(ExtraNames.size(), std::vector<StringRef>(NS * N));
    size_t W = ExtraNames.size();
    for (size_t M = 0; M < NS; ++M) {
      const ModelData &MD = Models[M];
      for (size_t I = 0; I < MD.Index.size(); ++I)
        for (size_t C = 0; C < W; ++C)
          X.Values[C][M * N + MD.Index[I]] = S.save(MD.Extra[I * W + C]);
    }
  }
  Meta.SourceFormat = SourceFormat;
  S.metadataForWrite() = std::move(Meta);
  S.atomsForWrite(FacetSet::all()) = std::move(Atoms);
  S.residuesForWrite(FacetSet::all()) = std::move(Residues);
  S.chainsForWrite(FacetSet::all()) = std::move(Chains);
  {
    EntityTable &ET = S.entitiesForWrite();
    for (EntityRecord &E : Entities) {
      ET.Id.push_back(std::move(E.Id));
      ET.Type.push_back(E.Type);
      ET.Polymer.push_back(E.Polymer);
      ET.Sequence.push_back(std::move(E.Sequence));
      ET.Description.push_back(std::move(E.Description));
    }
  }
  if (Opts.PerceiveBonds)
    perceiveBonds(S, Explicit, ChemComp);
  return S;
}
