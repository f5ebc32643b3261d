//===- AtomFilter.cpp - Removing atoms and states from a Structure --------===//
#include "qir/IR/AtomFilter.h"

#include "qir/IR/Structure.h"

#include <algorithm>
#include <cassert>
#include <cmath>

using namespace qir;
using llvm::BitVector;

/// Keep, in each of \p NumBlocks blocks of \p N rows of \p Width values,
/// the rows whose bit is set in \p Keep. In place: a row never moves up.
template <typename T>
static void compactRows(std::vector<T> &V, const BitVector &Keep,
                        size_t NumBlocks, size_t N, size_t Width = 1) {
  if (V.empty())
    return;
  assert(V.size() == NumBlocks * N * Width && "column length");
  size_t Out = 0;
  for (size_t B = 0; B < NumBlocks; ++B)
    for (size_t A = 0; A < N; ++A) {
      if (!Keep[A])
        continue;
      size_t In = (B * N + A) * Width;
      for (size_t W = 0; W < Width; ++W)
        V[Out++] = V[In + W];
    }
  V.resize(Out);
}

/// Keep the blocks of \p BlockSize values whose bit is set in \p Keep.
template <typename T>
static void compactBlocks(std::vector<T> &V, const BitVector &Keep,
                          size_t BlockSize) {
  if (V.empty())
    return;
  assert(V.size() == Keep.size() * BlockSize && "column length");
  size_t Out = 0;
  for (size_t B = 0; B < Keep.size(); ++B) {
    if (!Keep[B])
      continue;
    for (size_t I = 0; I < BlockSize; ++I)
      V[Out++] = V[B * BlockSize + I];
  }
  V.resize(Out);
}

static bool sameValue(float A, float B) {
  return A == B || (std::isnan(A) && std::isnan(B));
}
static bool sameValue(int64_t A, int64_t B) { return A == B; }

/// Empty the per-state array \p PerState when every state holding an atom
/// agrees with the atom table's value \p AtomValue.
template <typename T>
static void collapsePerState(std::vector<T> &PerState,
                             const std::vector<T> &AtomValue,
                             const StateTable &St, size_t N) {
  if (PerState.empty())
    return;
  size_t NS = St.size();
  for (size_t S = 0; S < NS; ++S)
    for (size_t A = 0; A < N; ++A) {
      bool Present = St.Present.empty() || St.Present[S * N + A];
      if (Present && !sameValue(PerState[S * N + A], AtomValue[A]))
        return;
    }
  PerState.clear();
  PerState.shrink_to_fit();
}

/// Bring the state table back to the form the readers produce (see the
/// header): no presence mask, per-state arrays or site order that say
/// nothing beyond the topology and the atom table.
void qir::canonicalizeStates(StateTable &St, const AtomTable &At) {
  size_t N = At.size();
  if (!St.Present.empty() && std::all_of(St.Present.begin(), St.Present.end(),
                                         [](uint8_t P) { return P != 0; })) {
    St.Present.clear();
    St.Present.shrink_to_fit();
  }
  if (!St.SiteOrderBegin.empty()) {
    bool Sorted = true;
    for (size_t S = 0; S + 1 < St.SiteOrderBegin.size() && Sorted; ++S)
      Sorted = std::is_sorted(St.SiteOrder.begin() + St.SiteOrderBegin[S],
                              St.SiteOrder.begin() + St.SiteOrderBegin[S + 1]);
    if (Sorted) {
      St.SiteOrder.clear();
      St.SiteOrderBegin.clear();
    }
  }
  collapsePerState(St.Occupancy, At.Occupancy, St, N);
  collapsePerState(St.BIso, At.BIso, St, N);
  collapsePerState(St.Serial, At.Serial, St, N);
}

void qir::keepAtoms(Structure &S, const BitVector &Keep) {
  const size_t N = S.numAtoms(), NS = S.numStates();
  assert(Keep.size() == N && "one bit per atom");
  if (Keep.all())
    return; // nothing removed, nothing written

  std::vector<uint32_t> NewIndex(N, NoIndex);
  uint32_t NewN = 0;
  for (size_t A = 0; A < N; ++A)
    if (Keep[A])
      NewIndex[A] = NewN++;

  // Residues: drop those left without atoms; ranges follow the new indices.
  std::vector<uint32_t> NewResidue(S.numResidues(), NoIndex);
  {
    ResidueTable &Res = S.residuesForWrite(Facet::Topology);
    const size_t NR = Res.size();
    BitVector KeepRes(NR);
    size_t Out = 0;
    uint32_t Next = 0;
    for (size_t R = 0; R < NR; ++R) {
      uint32_t Count = 0;
      for (uint32_t A = Res.AtomBegin[R]; A < Res.AtomEnd[R]; ++A)
        Count += Keep[A];
      if (!Count)
        continue;
      NewResidue[R] = static_cast<uint32_t>(Out);
      KeepRes.set(R);
      Res.AtomBegin[R] = Next;
      Res.AtomEnd[R] = Next + Count;
      Next += Count;
      ++Out;
    }
#define QIR_RESIDUE_COLUMN(Member, Type, StoreName, Facet)                     \
  compactRows(Res.Member, KeepRes, 1, NR);
#include "qir/IR/ResidueColumns.def"
  }

  // Chains: drop those left without residues. Residues of a chain are
  // contiguous, so the kept ones are too.
  {
    const ResidueTable &Res = S.residues();
    ChainTable &Ch = S.chainsForWrite(Facet::Topology);
    const size_t NC = Ch.size();
    BitVector KeepChain(NC);
    std::vector<uint32_t> NewChain(NC, NoIndex);
    std::vector<uint32_t> Count(NC, 0);
    for (size_t R = 0; R < Res.size(); ++R)
      ++Count[Res.Chain[R]];
    size_t Out = 0;
    uint32_t Next = 0;
    for (size_t C = 0; C < NC; ++C) {
      if (!Count[C])
        continue;
      NewChain[C] = static_cast<uint32_t>(Out);
      KeepChain.set(C);
      Ch.ResidueBegin[C] = Next;
      Ch.ResidueEnd[C] = Next + Count[C];
      Next += Count[C];
      ++Out;
    }
#define QIR_CHAIN_COLUMN(Member, Type, StoreName, Facet)                       \
  compactRows(Ch.Member, KeepChain, 1, NC);
#include "qir/IR/ChainColumns.def"
    ResidueTable &ResW = S.residuesForWrite(Facet::Topology);
    for (uint32_t &C : ResW.Chain)
      C = NewChain[C];
  }

  // Atoms: every column, AnisoU when present.
  {
    AtomTable &At = S.atomsForWrite(Facet::Topology | Facet::AtomProperties);
#define QIR_ATOM_COLUMN(Member, Type, StoreName, Facet)                        \
  compactRows(At.Member, Keep, 1, N);
#include "qir/IR/AtomColumns.def"
    for (uint32_t &R : At.Residue)
      R = NewResidue[R];
  }

  // Bonds: drop those touching a removed atom. The index map is monotonic,
  // so A < B still holds.
  {
    BondTable &Bo = S.bondsForWrite();
    const size_t NB = Bo.size();
    BitVector KeepBond(NB);
    for (size_t B = 0; B < NB; ++B) {
      uint32_t NA = NewIndex[Bo.A[B]], NBi = NewIndex[Bo.B[B]];
      if (NA == NoIndex || NBi == NoIndex)
        continue;
      KeepBond.set(B);
      Bo.A[B] = NA;
      Bo.B[B] = NBi;
    }
#define QIR_BOND_COLUMN(Member, Type, StoreName, Facet)                        \
  compactRows(Bo.Member, KeepBond, 1, NB);
#include "qir/IR/BondColumns.def"
  }

  // States: [S][N] arrays and each state's site order.
  {
    StateTable &St =
        S.statesForWrite(Facet::Coordinates | Facet::AtomProperties);
    compactRows(St.Coords, Keep, NS, N, 3);
#define QIR_STATE_ATOM_COLUMN(Member, Type, StoreName, Facet, Bit, Fill)       \
  compactRows(St.Member, Keep, NS, N);
#include "qir/IR/StateColumns.def"
    if (!St.SiteOrderBegin.empty()) {
      std::vector<uint32_t> Order;
      std::vector<uint64_t> Begin{0};
      Order.reserve(St.SiteOrder.size());
      for (size_t Si = 0; Si < NS; ++Si) {
        for (uint64_t I = St.SiteOrderBegin[Si]; I < St.SiteOrderBegin[Si + 1];
             ++I)
          if (uint32_t A = NewIndex[St.SiteOrder[I]]; A != NoIndex)
            Order.push_back(A);
        Begin.push_back(Order.size());
      }
      St.SiteOrder = std::move(Order);
      St.SiteOrderBegin = std::move(Begin);
    }
    canonicalizeStates(St, S.atoms());
  }

  // Extra atom-record columns, [S][N] per column.
  if (S.extraColumns().size()) {
    ExtraColumns &X = S.extraColumnsForWrite();
    for (std::vector<llvm::StringRef> &V : X.Values)
      compactRows(V, Keep, NS, N);
  }

  // Groupings: removed atoms leave them.
  if (!S.groupings().empty())
    for (Grouping &G : S.groupingsForWrite()) {
      size_t Out = 0;
      for (uint32_t A : G.Atoms)
        if (NewIndex[A] != NoIndex)
          G.Atoms[Out++] = NewIndex[A];
      G.Atoms.resize(Out);
    }
}

void qir::keepStates(Structure &S, const BitVector &Keep) {
  const size_t N = S.numAtoms(), NS = S.numStates();
  assert(Keep.size() == NS && "one bit per state");
  if (Keep.all())
    return;

  const StateTable &Old = S.states();
  bool PerState =
      !Old.Occupancy.empty() || !Old.BIso.empty() || !Old.Serial.empty();
  bool Props = PerState || S.extraColumns().size();
  StateTable &St =
      S.statesForWrite(Props ? Facet::Coordinates | Facet::AtomProperties
                             : FacetSet(Facet::Coordinates));

  if (!St.SiteOrderBegin.empty()) {
    std::vector<uint32_t> Order;
    std::vector<uint64_t> Begin{0};
    for (size_t Si = 0; Si < NS; ++Si) {
      if (!Keep[Si])
        continue;
      Order.insert(Order.end(), St.SiteOrder.begin() + St.SiteOrderBegin[Si],
                   St.SiteOrder.begin() + St.SiteOrderBegin[Si + 1]);
      Begin.push_back(Order.size());
    }
    St.SiteOrder = std::move(Order);
    St.SiteOrderBegin = std::move(Begin);
  }
  compactBlocks(St.ModelNumber, Keep, 1);
  compactBlocks(St.Coords, Keep, N * 3);
#define QIR_STATE_ATOM_COLUMN(Member, Type, StoreName, Facet, Bit, Fill)       \
  compactBlocks(St.Member, Keep, N);
#include "qir/IR/StateColumns.def"
  if (S.extraColumns().size()) {
    ExtraColumns &X = S.extraColumnsForWrite();
    for (std::vector<llvm::StringRef> &V : X.Values)
      compactBlocks(V, Keep, N);
  }

  // Atom-table values come from the first kept state holding the atom.
  if (PerState) {
    AtomTable &At = S.atomsForWrite(Facet::AtomProperties);
    size_t NewS = St.size();
    for (size_t A = 0; A < N; ++A)
      for (size_t Si = 0; Si < NewS; ++Si) {
        if (!St.Present.empty() && !St.Present[Si * N + A])
          continue;
        if (!St.Occupancy.empty())
          At.Occupancy[A] = St.Occupancy[Si * N + A];
        if (!St.BIso.empty())
          At.BIso[A] = St.BIso[Si * N + A];
        if (!St.Serial.empty())
          At.Serial[A] = St.Serial[Si * N + A];
        break;
      }
  }
  canonicalizeStates(St, S.atoms());
}
