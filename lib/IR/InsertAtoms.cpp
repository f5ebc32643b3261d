//===- InsertAtoms.cpp - Adding atoms to a residue of a Structure ---------===//
#include "qir/IR/InsertAtoms.h"

#include <algorithm>
#include <cassert>
#include <cmath>

using namespace qir;
using llvm::ArrayRef;
using llvm::StringRef;

/// In each of \p NumBlocks blocks of \p N rows of \p Width values of \p V,
/// insert at row \p At the rows that \p Value gives for (block, new row).
template <typename T, typename ValueFn>
static void insertRows(std::vector<T> &V, size_t NumBlocks, size_t N, size_t At,
                       size_t K, ValueFn Value, size_t Width = 1) {
  assert(V.size() == NumBlocks * N * Width && "column length");
  std::vector<T> Out;
  Out.reserve(NumBlocks * (N + K) * Width);
  for (size_t B = 0; B < NumBlocks; ++B) {
    auto Base = V.begin() + B * N * Width;
    Out.insert(Out.end(), Base, Base + At * Width);
    for (size_t I = 0; I < K; ++I)
      for (size_t W = 0; W < Width; ++W)
        Out.push_back(Value(B, I, W));
    Out.insert(Out.end(), Base + At * Width, Base + N * Width);
  }
  V = std::move(Out);
}

static bool holds(const NewAtom &A, size_t State) {
  return !std::isnan(A.Coords[State][0]);
}

void qir::insertAtoms(Structure &S, uint32_t Residue, ArrayRef<NewAtom> Atoms) {
  if (Atoms.empty())
    return;
  const size_t N = S.numAtoms(), NS = S.numStates(), K = Atoms.size();
  assert(Residue < S.numResidues() && "residue in range");
  const uint32_t At = S.residues().AtomEnd[Residue];
  auto NewIndex = [&](uint32_t A) {
    return A < At ? A : A + static_cast<uint32_t>(K);
  };
  for (const NewAtom &A : Atoms) {
    (void)A;
    assert(A.Coords.size() == NS && "one position per state");
  }

  // Atoms: the new rows from NewAtom, then every column of the table.
  {
    AtomTable New;
    New.resize(K);
    bool AnyAniso = false;
    for (size_t I = 0; I < K; ++I) {
      const NewAtom &A = Atoms[I];
      New.Name[I] = A.Name;
      New.Element[I] = A.Element;
      New.AtomicNumber[I] = A.AtomicNumber;
      New.AltLoc[I] = A.AltLoc;
      New.Charge[I] = A.Charge;
      New.Occupancy[I] = A.Occupancy;
      New.BIso[I] = A.BIso;
      New.Serial[I] = A.Serial;
      New.Residue[I] = Residue;
      New.Flags[I] = A.Flags;
      AnyAniso |= A.AnisoU.has_value();
    }
    AtomTable &T = S.atomsForWrite(Facet::Topology | Facet::AtomProperties);
    if (AnyAniso || !T.AnisoU.empty()) {
      AnisoRow NaN;
      NaN.fill(std::nanf(""));
      if (T.AnisoU.empty())
        T.AnisoU.assign(N, NaN);
      New.AnisoU.resize(K);
      for (size_t I = 0; I < K; ++I)
        New.AnisoU[I] = Atoms[I].AnisoU.value_or(NaN);
    }
#define QIR_ATOM_COLUMN(Member, Type, StoreName, Facet)                        \
  insertRows(T.Member, 1, N, At, K,                                            \
             [&](size_t, size_t I, size_t) { return New.Member[I]; });
#define QIR_ATOM_OPTIONAL_COLUMN(Member, Type, StoreName, Facet, Bit)          \
  if (!New.Member.empty())                                                     \
  QIR_ATOM_COLUMN(Member, Type, StoreName, Facet)
#include "qir/IR/AtomColumns.def"
  }

  // Residues and chains: ranges after the insertion point shift.
  {
    ResidueTable &Res = S.residuesForWrite(Facet::Topology);
    for (size_t R = 0; R < Res.size(); ++R) {
      if (R > Residue)
        Res.AtomBegin[R] += K;
      if (R >= Residue)
        Res.AtomEnd[R] += K;
    }
  }

  // Bonds and groupings: the index map is monotonic, so order holds.
  if (S.bonds().size()) {
    BondTable &Bo = S.bondsForWrite();
    for (uint32_t &A : Bo.A)
      A = NewIndex(A);
    for (uint32_t &B : Bo.B)
      B = NewIndex(B);
  }
  if (!S.groupings().empty())
    for (Grouping &G : S.groupingsForWrite())
      for (uint32_t &A : G.Atoms)
        A = NewIndex(A);

  // States: coordinates, presence, per-state properties, site order.
  {
    bool AllPresent = true;
    for (const NewAtom &A : Atoms)
      for (size_t Si = 0; Si < NS; ++Si)
        AllPresent &= holds(A, Si);
    StateTable &St =
        S.statesForWrite(Facet::Coordinates | Facet::AtomProperties);
    insertRows(
        St.Coords, NS, N, At, K,
        [&](size_t B, size_t I, size_t W) { return Atoms[I].Coords[B][W]; }, 3);
    if (St.Present.empty() && !AllPresent)
      St.Present.assign(NS * N, 1);
    if (!St.Present.empty())
      insertRows(St.Present, NS, N, At, K, [&](size_t B, size_t I, size_t) {
        return uint8_t(holds(Atoms[I], B));
      });
    if (!St.Occupancy.empty())
      insertRows(St.Occupancy, NS, N, At, K,
                 [&](size_t, size_t I, size_t) { return Atoms[I].Occupancy; });
    if (!St.BIso.empty())
      insertRows(St.BIso, NS, N, At, K,
                 [&](size_t, size_t I, size_t) { return Atoms[I].BIso; });
    if (!St.Serial.empty())
      insertRows(St.Serial, NS, N, At, K,
                 [&](size_t, size_t I, size_t) { return Atoms[I].Serial; });
    if (!St.SiteOrderBegin.empty()) {
      const uint32_t First = S.residues().AtomBegin[Residue];
      std::vector<uint32_t> Order;
      std::vector<uint64_t> Begin{0};
      Order.reserve(St.SiteOrder.size() + NS * K);
      for (size_t Si = 0; Si < NS; ++Si) {
        uint64_t B = St.SiteOrderBegin[Si], E = St.SiteOrderBegin[Si + 1];
        // After the residue's last site, else after the last site before
        // the residue, else first.
        uint64_t After = B, Before = B;
        bool InResidue = false;
        for (uint64_t I = B; I < E; ++I) {
          uint32_t A = St.SiteOrder[I];
          if (A >= First && A < At) {
            After = I + 1;
            InResidue = true;
          } else if (A < First) {
            Before = I + 1;
          }
        }
        uint64_t Pos = InResidue ? After : Before;
        for (uint64_t I = B; I < E; ++I) {
          if (I == Pos)
            for (size_t J = 0; J < K; ++J)
              if (holds(Atoms[J], Si))
                Order.push_back(At + static_cast<uint32_t>(J));
          Order.push_back(NewIndex(St.SiteOrder[I]));
        }
        if (Pos == E)
          for (size_t J = 0; J < K; ++J)
            if (holds(Atoms[J], Si))
              Order.push_back(At + static_cast<uint32_t>(J));
        Begin.push_back(Order.size());
      }
      St.SiteOrder = std::move(Order);
      St.SiteOrderBegin = std::move(Begin);
    }
  }

  // Extra atom-record columns, [S][N] per column.
  if (S.extraColumns().size()) {
    std::vector<std::vector<StringRef>> Values(S.extraColumns().size());
    for (size_t C = 0; C < Values.size(); ++C)
      for (const NewAtom &A : Atoms)
        Values[C].push_back(C < A.Extra.size() ? S.save(A.Extra[C])
                                               : StringRef("?"));
    ExtraColumns &X = S.extraColumnsForWrite();
    for (size_t C = 0; C < X.size(); ++C)
      insertRows(X.Values[C], NS, N, At, K, [&](size_t B, size_t I, size_t) {
        return holds(Atoms[I], B) ? Values[C][I] : StringRef();
      });
  }
}
