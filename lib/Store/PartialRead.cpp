//===- PartialRead.cpp - Reading the atoms a selector picks ---------------===//
//
// StoreReader::read(Selector, Models) in three steps:
//
//  1. Evaluation structure: the small tables (residues, chains, entities),
//     the atom-to-residue column, the atom columns Selector::needs() names,
//     the model numbers, and, only when the selector asks for them, the
//     presence mask of the kept states and the coordinates of the one state
//     'within' measures in.
//  2. Evaluate the selector there: sorted atom ranges.
//  3. Read every atom column, and each kept state's coordinates and
//     per-state arrays, at those ranges only (one union-of-hyperslabs read
//     per dataset and state; h5::readRowRanges merges ranges that meet in
//     one chunk, so the chunks touched are exactly those holding selected
//     rows), then assemble the tables as keepStates() followed by
//     keepAtoms() would leave them on the whole structure.
//
//===----------------------------------------------------------------------===//
#include "qir/Store/Reader.h"

#include "ColumnIO.h"
#include "H5.h"
#include "ReaderImpl.h"

#include "qir/IR/AtomFilter.h"
#include "qir/IR/Structure.h"
#include "qir/Select/Selector.h"
#include "qir/Store/Schema.h"

#include "llvm/ADT/STLExtras.h"

using namespace qir;
using namespace qir::store;
using namespace llvm;

namespace {

/// The rows of one structure's tables in the file, and how to address a
/// state's rows of the per-state datasets: [S][N](3) datasets in a structure
/// store (leading index = state), [T](3) record rows in a shard.
struct Rows {
  StoreKind Kind;
  uint64_t AtomBase, RecordBase, NumAtoms;
  std::vector<h5::RowRange> Atoms; ///< selected atom rows, absolute

  /// Leading indices and absolute rows of state \p S's selected atoms.
  void state(uint32_t S, SmallVectorImpl<uint64_t> &Lead,
             std::vector<h5::RowRange> &Out,
             ArrayRef<h5::RowRange> Local) const {
    Lead.clear();
    Out.clear();
    uint64_t Shift = RecordBase + uint64_t(S) * NumAtoms;
    if (Kind == StoreKind::Structure) {
      Lead.push_back(S);
      Shift = 0;
    }
    for (const h5::RowRange &R : Local)
      Out.push_back({R.first + Shift, R.second + Shift});
  }
};

} // namespace

Expected<Structure> StoreReader::read(const select::Selector &Sel,
                                      ArrayRef<int32_t> Models, size_t I,
                                      const PartialReadOptions &O) {
  if (I >= P->Toc.size())
    return createStringError(inconvertibleErrorCode(), "%s: no structure %zu",
                             P->Path.c_str(), I);
  const TocEntry &T = P->Toc[I];
  h5::Loc H = P->Cache;
  auto Fail = [&](Error E) -> Expected<Structure> {
    return createStringError(inconvertibleErrorCode(), "%s: structure '%s': %s",
                             P->Path.c_str(), T.Id.c_str(),
                             toString(std::move(E)).c_str());
  };
  const uint64_t N = T.Count[TocEntry::Atom], AB = T.Offset[TocEntry::Atom];
  const uint64_t NS = T.Count[TocEntry::State];
  const select::ColumnSet Needs = Sel.needs();

  // The kept states: those Models names, else those the selector's model
  // terms name, else all.
  std::vector<int32_t> ModelNumber;
  {
    uint64_t B = T.Offset[TocEntry::State];
    if (Error E = h5::readColumnRows(H, "/core/states/model_number", B, B + NS,
                                     ModelNumber))
      return Fail(std::move(E));
  }
  std::vector<uint32_t> Kept;
  for (uint32_t S = 0; S < NS; ++S) {
    int32_t M = ModelNumber[S];
    if (!Models.empty() ? is_contained(Models, M)
                        : !Sel.hasModelTerms() || Sel.namesModel(M))
      Kept.push_back(S);
  }
  Rows Ro{P->Kind, AB, T.Offset[TocEntry::Record], N, {}};
  SmallVector<uint64_t, 1> Lead;
  std::vector<h5::RowRange> StateRows;
  const std::vector<h5::RowRange> AllLocal{{0, N}};

  // 1. The evaluation structure.
  Structure Q;
  {
    AtomTable &At = Q.atomsForWrite(FacetSet::all());
    if (Error E = h5::readColumnRows(H, "/core/atoms/residue", AB, AB + N,
                                     At.Residue))
      return Fail(std::move(E));
    if (Needs.contains(select::Column::AtomName))
      if (Error E =
              readFixed<AtomName, 4>(H, "/core/atoms/name", At.Name, AB, N))
        return Fail(std::move(E));
    if (Needs.contains(select::Column::Element)) {
      if (Error E = readFixed<ElementSymbol, 2>(H, "/core/atoms/element",
                                                At.Element, AB, N))
        return Fail(std::move(E));
      if (Error E = h5::readColumnRows(H, "/core/atoms/atomic_number", AB,
                                       AB + N, At.AtomicNumber))
        return Fail(std::move(E));
    }
    if (Needs.contains(select::Column::AltLoc))
      if (Error E =
              readFixed<char, 1>(H, "/core/atoms/altloc", At.AltLoc, AB, N))
        return Fail(std::move(E));
    if (Needs.contains(select::Column::AtomFlags))
      if (Error E =
              h5::readColumnRows(H, "/core/atoms/flags", AB, AB + N, At.Flags))
        return Fail(std::move(E));
  }
  if (Error E = P->readResidues(T, Q.residuesForWrite(FacetSet::all())))
    return Fail(std::move(E));
  if (Error E = P->readChains(T, Q.chainsForWrite(FacetSet::all())))
    return Fail(std::move(E));
  if (Error E = P->readEntities(T, Q.entitiesForWrite()))
    return Fail(std::move(E));
  const bool HasPresent = T.Flags & TocPresent;
  select::EvalContext Ctx;
  {
    StateTable &St = Q.statesForWrite(FacetSet::all());
    for (uint32_t S : Kept)
      St.ModelNumber.push_back(ModelNumber[S]);
    if (Needs.contains(select::Column::Coordinates) && N) {
      if (HasPresent && (Sel.hasModelTerms() || Sel.usesWithin())) {
        St.Present.resize(Kept.size() * N);
        for (size_t K = 0; K < Kept.size(); ++K) {
          std::vector<uint8_t> Mask;
          Ro.state(Kept[K], Lead, StateRows, AllLocal);
          if (Error E = h5::readColumnRanges(H, "/core/states/present", Lead,
                                             StateRows, Mask))
            return Fail(std::move(E));
          std::copy(Mask.begin(), Mask.end(), St.Present.begin() + K * N);
        }
      }
      if (Sel.usesWithin()) {
        uint32_t W = Sel.withinState(Q);
        Ctx.State = W;
        if (W < Kept.size()) {
          // Only state W's slice is read; 'within' looks at no other.
          St.Coords.assign((size_t(W) + 1) * N * 3, 0.0f);
          std::vector<float> XYZ;
          Ro.state(Kept[W], Lead, StateRows, AllLocal);
          if (Error E = h5::readColumnRanges(H, "/core/states/coords", Lead,
                                             StateRows, XYZ, 3))
            return Fail(std::move(E));
          std::copy(XYZ.begin(), XYZ.end(), St.Coords.begin() + W * N * 3);
        }
      }
    }
  }

  // 2. Evaluate.
  Expected<select::AtomRanges> Picked = Sel.evaluate(Q, Ctx);
  if (!Picked)
    return Fail(Picked.takeError());
  std::vector<h5::RowRange> Local;
  for (auto [B, E] : Picked->ranges())
    Local.push_back({B, E});
  for (const h5::RowRange &R : Local)
    Ro.Atoms.push_back({AB + R.first, AB + R.second});
  const size_t NewN = Picked->count();
  std::vector<uint32_t> NewIndex(N, NoIndex);
  {
    uint32_t Next = 0;
    for (uint32_t A : *Picked)
      NewIndex[A] = Next++;
  }

  // 3. The selected rows.
  Structure S;
  const AtomTable &QA = Q.atoms();
  const ResidueTable &QR = Q.residues();
  {
    AtomTable &At = S.atomsForWrite(FacetSet::all());
    // Every column but the parent index, which follows the renumbering
    // below.
#define QIR_ATOM_COLUMN(Member, Type, StoreName, Facet)                        \
  if (StringRef(StoreName) != "residue")                                       \
    if (Error E = readTableColumnRanges(H, "/core/atoms/" StoreName, Ro.Atoms, \
                                        At.Member))                            \
      return Fail(std::move(E));
#define QIR_ATOM_OPTIONAL_COLUMN(Member, Type, StoreName, Facet, Bit)          \
  if (T.Flags & Bit)                                                           \
    if (Error E = readTableColumnRanges(H, "/core/atoms/" StoreName, Ro.Atoms, \
                                        At.Member))                            \
      return Fail(std::move(E));
#include "qir/IR/AtomColumns.def"
    At.Residue.clear();
    At.Residue.reserve(NewN);
    At.Residue.reserve(NewN);
    for (uint32_t A : *Picked)
      At.Residue.push_back(QA.Residue[A]);
  }

  // Residues and chains that keep an atom, renumbered.
  std::vector<uint32_t> NewResidue(QR.size(), NoIndex);
  {
    ResidueTable &R = S.residuesForWrite(FacetSet::all());
    std::vector<uint32_t> Count(QR.size(), 0);
    for (uint32_t Res : S.atoms().Residue)
      ++Count[Res];
    uint32_t Next = 0;
    for (size_t X = 0; X < QR.size(); ++X) {
      if (!Count[X])
        continue;
      NewResidue[X] = R.Name.size();
      R.Name.push_back(QR.Name[X]);
      R.AuthSeq.push_back(QR.AuthSeq[X]);
      R.ICode.push_back(QR.ICode[X]);
      R.LabelSeq.push_back(QR.LabelSeq[X]);
      R.Chain.push_back(QR.Chain[X]);
      R.Kind.push_back(QR.Kind[X]);
      R.AtomBegin.push_back(Next);
      R.AtomEnd.push_back(Next + Count[X]);
      Next += Count[X];
    }
    for (uint32_t &Res : S.atomsForWrite(FacetSet::all()).Residue)
      Res = NewResidue[Res];
    const ChainTable &QC = Q.chains();
    ChainTable &C = S.chainsForWrite(FacetSet::all());
    std::vector<uint32_t> PerChain(QC.size(), 0), NewChain(QC.size(), NoIndex);
    for (uint32_t Ch : R.Chain)
      ++PerChain[Ch];
    uint32_t NextRes = 0;
    for (size_t X = 0; X < QC.size(); ++X) {
      if (!PerChain[X])
        continue;
      NewChain[X] = C.AuthId.size();
      C.AuthId.push_back(QC.AuthId[X]);
      C.LabelId.push_back(QC.LabelId[X]);
      C.Entity.push_back(QC.Entity[X]);
      C.ResidueBegin.push_back(NextRes);
      C.ResidueEnd.push_back(NextRes + PerChain[X]);
      NextRes += PerChain[X];
    }
    for (uint32_t &Ch : R.Chain)
      Ch = NewChain[Ch];
  }
  S.entitiesForWrite() = std::move(Q.entitiesForWrite());

  // Bonds among the selected atoms.
  if (O.Bonds && T.Count[TocEntry::Bond]) {
    BondTable All;
    if (Error E = P->readBonds(T, All))
      return Fail(std::move(E));
    BondTable &Bo = S.bondsForWrite();
    for (size_t X = 0; X < All.size(); ++X) {
      if (All.A[X] >= N || All.B[X] >= N)
        return Fail(h5::error("a bond names an atom beyond the structure"));
      uint32_t A = NewIndex[All.A[X]], B = NewIndex[All.B[X]];
      if (A == NoIndex || B == NoIndex)
        continue;
      Bo.A.push_back(A);
      Bo.B.push_back(B);
      Bo.Order.push_back(All.Order[X]);
      Bo.Origin.push_back(All.Origin[X]);
    }
  }

  // The kept states, at the selected atoms.
  {
    StateTable &St = S.statesForWrite(FacetSet::all());
    for (uint32_t K : Kept)
      St.ModelNumber.push_back(ModelNumber[K]);
    St.Coords.reserve(Kept.size() * NewN * 3);
    // Flag bit 0 means "always there" (the coordinates).
    auto PerState = [&](uint8_t Bit, StringRef Name, auto &V,
                        size_t Width = 1) -> Error {
      if (Bit && !(T.Flags & Bit))
        return Error::success();
      using E = typename std::decay_t<decltype(V)>::value_type;
      std::vector<E> Part;
      for (uint32_t K : Kept) {
        Ro.state(K, Lead, StateRows, Local);
        if (Error Err =
                h5::readColumnRanges(H, Name, Lead, StateRows, Part, Width))
          return Err;
        V.insert(V.end(), Part.begin(), Part.end());
      }
      return Error::success();
    };
    if (NewN) {
      if (Error E = PerState(0, "/core/states/coords", St.Coords, 3))
        return Fail(std::move(E));
#define QIR_STATE_ATOM_COLUMN(Member, Type, StoreName, Facet, Bit, Fill)       \
  if (Error E = PerState(Bit, "/core/states/" StoreName, St.Member))           \
    return Fail(std::move(E));
#include "qir/IR/StateColumns.def"
    }
    if (T.Count[TocEntry::SiteOrderBegin]) {
      std::vector<uint64_t> Begin;
      if (Error E = P->readSiteOrderBegin(T, Begin))
        return Fail(std::move(E));
      if (Begin.size() != NS + 1)
        return Fail(h5::error("site order offsets do not match the states"));
      uint64_t OB = T.Offset[TocEntry::SiteOrder];
      St.SiteOrderBegin.push_back(0);
      std::vector<uint32_t> Order;
      for (uint32_t K : Kept) {
        if (Error E =
                h5::readColumnRows(H, "/core/states/site_order", OB + Begin[K],
                                   OB + Begin[K + 1], Order))
          return Fail(std::move(E));
        for (uint32_t A : Order)
          if (A < N && NewIndex[A] != NoIndex)
            St.SiteOrder.push_back(NewIndex[A]);
        St.SiteOrderBegin.push_back(St.SiteOrder.size());
      }
    }
  }

  // The atom table's occupancy, B and serial come from the first kept state
  // holding the atom (keepStates), then the state table is brought to its
  // canonical form (keepAtoms).
  {
    StateTable &St = S.statesForWrite(FacetSet::all());
    AtomTable &At = S.atomsForWrite(FacetSet::all());
    if (!St.Occupancy.empty() || !St.BIso.empty() || !St.Serial.empty())
      for (size_t A = 0; A < NewN; ++A)
        for (size_t K = 0; K < Kept.size(); ++K) {
          size_t R = K * NewN + A;
          if (!St.Present.empty() && !St.Present[R])
            continue;
          if (!St.Occupancy.empty())
            At.Occupancy[A] = St.Occupancy[R];
          if (!St.BIso.empty())
            At.BIso[A] = St.BIso[R];
          if (!St.Serial.empty())
            At.Serial[A] = St.Serial[R];
          break;
        }
    canonicalizeStates(St, At);
  }

  if (T.Count[TocEntry::Grouping]) {
    std::vector<Grouping> &G = S.groupingsForWrite();
    if (Error E = P->readGroupings(T, G))
      return Fail(std::move(E));
    for (Grouping &Gr : G) {
      size_t Out = 0;
      for (uint32_t A : Gr.Atoms)
        if (A < N && NewIndex[A] != NoIndex)
          Gr.Atoms[Out++] = NewIndex[A];
      Gr.Atoms.resize(Out);
    }
  }

  // Extra atom-record columns: one 1-D dataset of records in both kinds.
  {
    std::vector<h5::RowRange> RecordRows;
    for (uint32_t K : Kept) {
      uint64_t Shift = Ro.RecordBase + uint64_t(K) * N;
      for (const h5::RowRange &R : Local)
        RecordRows.push_back({R.first + Shift, R.second + Shift});
    }
    if (Error E = P->readExtraColumns(I, S, RecordRows))
      return Fail(std::move(E));
  }

  if (Error E = P->finish(I, S))
    return Fail(std::move(E));
  return S;
}
