//===- Structure.cpp - The columnar structure IR
//---------------------------===//
#include "qir/IR/Structure.h"
#include "qir/Support/Hashing.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>

using namespace qir;
using llvm::ArrayRef;
using llvm::StringRef;

void AtomTable::reserve(size_t N) {
#define QIR_ATOM_COLUMN(Member, Type, StoreName, Facet) Member.reserve(N);
#define QIR_ATOM_OPTIONAL_COLUMN(Member, Type, StoreName, Facet, Bit)
#include "qir/IR/AtomColumns.def"
}

void AtomTable::resize(size_t N) {
#define QIR_ATOM_COLUMN(Member, Type, StoreName, Facet) Member.resize(N);
#define QIR_ATOM_OPTIONAL_COLUMN(Member, Type, StoreName, Facet, Bit)
#include "qir/IR/AtomColumns.def"
}

int ExtraColumns::find(StringRef N) const {
  for (size_t I = 0; I < Names.size(); ++I)
    if (Names[I] == N)
      return static_cast<int>(I);
  return -1;
}

Structure::Structure()
    : Pool(std::make_unique<llvm::BumpPtrAllocator>()),
      Saver(std::make_unique<llvm::UniqueStringSaver>(*Pool)) {
  for (uint64_t &G : HashGeneration)
    G = ~uint64_t(0);
}

uint32_t Structure::stateForModel(int32_t Model) const {
  for (size_t S = 0; S < States.ModelNumber.size(); ++S)
    if (States.ModelNumber[S] == Model)
      return static_cast<uint32_t>(S);
  return NoIndex;
}

void Structure::markChanged(FacetSet Changes) {
  for (unsigned F = 0; F < NumFacets; ++F)
    if (Changes.contains(static_cast<Facet>(F)))
      ++Generations[F];
}

std::vector<uint32_t> Structure::siteOrder(size_t S) const {
  if (!States.SiteOrderBegin.empty())
    return std::vector<uint32_t>(
        States.SiteOrder.begin() + States.SiteOrderBegin[S],
        States.SiteOrder.begin() + States.SiteOrderBegin[S + 1]);
  std::vector<uint32_t> Out;
  Out.reserve(numAtoms());
  for (uint32_t A = 0; A < numAtoms(); ++A)
    if (isPresent(S, A))
      Out.push_back(A);
  return Out;
}

AtomTable &Structure::atomsForWrite(FacetSet Changes) {
  markChanged(Changes);
  return Atoms;
}
ResidueTable &Structure::residuesForWrite(FacetSet Changes) {
  markChanged(Changes);
  return Residues;
}
ChainTable &Structure::chainsForWrite(FacetSet Changes) {
  markChanged(Changes);
  return Chains;
}
EntityTable &Structure::entitiesForWrite() {
  markChanged(Facet::Topology);
  return Entities;
}
BondTable &Structure::bondsForWrite() {
  markChanged(Facet::Topology);
  return Bonds;
}
StateTable &Structure::statesForWrite(FacetSet Changes) {
  markChanged(Changes);
  return States;
}
llvm::MutableArrayRef<float> Structure::coordsForWrite() {
  markChanged(Facet::Coordinates);
  return States.Coords;
}
std::vector<Grouping> &Structure::groupingsForWrite() {
  markChanged(Facet::Topology);
  return Groupings;
}
Metadata &Structure::metadataForWrite() {
  markChanged(Facet::Metadata);
  return Meta;
}
ExtraColumns &Structure::extraColumnsForWrite() {
  markChanged(Facet::AtomProperties);
  return Extra;
}

uint64_t Structure::hash(Facet F) const {
  unsigned I = static_cast<unsigned>(F);
  if (HashGeneration[I] != Generations[I]) {
    HashCache[I] = computeHash(F);
    HashGeneration[I] = Generations[I];
  }
  return HashCache[I];
}

template <typename T> static ArrayRef<T> col(const std::vector<T> &V) {
  return ArrayRef<T>(V);
}

/// Hash the columns of each table that facet \p F covers, in table order.
static void hashColumns(ContentHasher &H, Facet F, const AtomTable &Atoms) {
#define QIR_ATOM_COLUMN(Member, Type, StoreName, ColumnFacet)                  \
  if (F == Facet::ColumnFacet)                                                 \
    H.add(col(Atoms.Member));
#include "qir/IR/AtomColumns.def"
}
static void hashColumns(ContentHasher &H, Facet F,
                        const ResidueTable &Residues) {
#define QIR_RESIDUE_COLUMN(Member, Type, StoreName, ColumnFacet)               \
  if (F == Facet::ColumnFacet)                                                 \
    H.add(col(Residues.Member));
#include "qir/IR/ResidueColumns.def"
}
static void hashColumns(ContentHasher &H, Facet F, const ChainTable &Chains) {
#define QIR_CHAIN_COLUMN(Member, Type, StoreName, ColumnFacet)                 \
  if (F == Facet::ColumnFacet)                                                 \
    H.add(col(Chains.Member));
#include "qir/IR/ChainColumns.def"
}
static void hashColumns(ContentHasher &H, Facet F, const BondTable &Bonds) {
#define QIR_BOND_COLUMN(Member, Type, StoreName, ColumnFacet)                  \
  if (F == Facet::ColumnFacet)                                                 \
    H.add(col(Bonds.Member));
#include "qir/IR/BondColumns.def"
}
static void hashStateAtomColumns(ContentHasher &H, Facet F,
                                 const StateTable &States) {
#define QIR_STATE_ATOM_COLUMN(Member, Type, StoreName, ColumnFacet, Bit, Fill) \
  if (F == Facet::ColumnFacet)                                                 \
    H.add(col(States.Member));
#include "qir/IR/StateColumns.def"
}

uint64_t Structure::computeHash(Facet F) const {
  ContentHasher H;
  H.addInt(static_cast<uint64_t>(F));
  switch (F) {
  case Facet::Topology: {
    hashColumns(H, F, Atoms);
    hashColumns(H, F, Residues);
    hashColumns(H, F, Chains);
    H.addInt(Entities.size());
    for (size_t E = 0; E < Entities.size(); ++E) {
      H.add(StringRef(Entities.Id[E]));
      H.addInt(static_cast<uint64_t>(Entities.Type[E]));
      H.addInt(static_cast<uint64_t>(Entities.Polymer[E]));
      H.add(StringRef(Entities.Sequence[E]));
      H.add(StringRef(Entities.Description[E]));
    }
    hashColumns(H, F, Bonds);
    H.addInt(Groupings.size());
    for (const Grouping &G : Groupings) {
      H.add(StringRef(G.Name));
      H.add(col(G.Atoms));
    }
    break;
  }
  case Facet::Coordinates:
    H.add(col(States.ModelNumber));
    H.add(col(States.Coords));
    hashStateAtomColumns(H, F, States);
    H.add(col(States.SiteOrder));
    H.add(col(States.SiteOrderBegin));
    break;
  case Facet::AtomProperties:
    hashColumns(H, F, Atoms);
    hashStateAtomColumns(H, F, States);
    H.addInt(Extra.size());
    for (size_t C = 0; C < Extra.size(); ++C) {
      H.add(StringRef(Extra.Names[C]));
      for (StringRef V : Extra.Values[C]) {
        H.addInt(V.size());
        H.add(V);
      }
    }
    break;
  case Facet::Metadata:
    H.add(StringRef(Meta.Id));
    H.add(StringRef(Meta.Method));
    H.add(StringRef(Meta.SpaceGroup));
    H.add(StringRef(Meta.SourceFormat));
    if (Meta.Resolution) {
      double R = *Meta.Resolution;
      H.add(ArrayRef<double>(&R, 1));
    }
    if (Meta.Cell) {
      double C[6] = {Meta.Cell->A,     Meta.Cell->B,    Meta.Cell->C,
                     Meta.Cell->Alpha, Meta.Cell->Beta, Meta.Cell->Gamma};
      H.add(ArrayRef<double>(C));
    }
    break;
  }
  return H.result();
}

std::string Structure::verify() const {
  std::string Msg;
  llvm::raw_string_ostream OS(Msg);
  size_t N = Atoms.size();
  auto SameLen = [&](size_t L, StringRef What) {
    if (L != N && Msg.empty())
      OS << "atom column " << What << " has " << L << " rows, expected " << N;
  };
#define QIR_ATOM_COLUMN(Member, Type, StoreName, Facet)                        \
  SameLen(Atoms.Member.size(), #Member);
#define QIR_ATOM_OPTIONAL_COLUMN(Member, Type, StoreName, Facet, Bit)          \
  if (!Atoms.Member.empty())                                                   \
    SameLen(Atoms.Member.size(), #Member);
#include "qir/IR/AtomColumns.def"
  auto TableLen = [&](size_t L, size_t Rows, StringRef Table, StringRef What) {
    if (L != Rows && Msg.empty())
      OS << Table << " column " << What << " has " << L << " rows, expected "
         << Rows;
  };
#define QIR_RESIDUE_COLUMN(Member, Type, StoreName, Facet)                     \
  TableLen(Residues.Member.size(), Residues.size(), "residue", #Member);
#include "qir/IR/ResidueColumns.def"
#define QIR_CHAIN_COLUMN(Member, Type, StoreName, Facet)                       \
  TableLen(Chains.Member.size(), Chains.size(), "chain", #Member);
#include "qir/IR/ChainColumns.def"
#define QIR_BOND_COLUMN(Member, Type, StoreName, Facet)                        \
  TableLen(Bonds.Member.size(), Bonds.size(), "bond", #Member);
#include "qir/IR/BondColumns.def"
  if (!Msg.empty())
    return Msg;
  // Residues cover the atoms contiguously, in order.
  uint32_t Next = 0;
  for (size_t R = 0; R < Residues.size(); ++R) {
    if (Residues.AtomBegin[R] != Next || Residues.AtomEnd[R] < Next) {
      OS << "residue " << R << " atom range [" << Residues.AtomBegin[R] << ", "
         << Residues.AtomEnd[R] << ") does not continue at " << Next;
      return Msg;
    }
    for (uint32_t A = Residues.AtomBegin[R]; A < Residues.AtomEnd[R]; ++A)
      if (Atoms.Residue[A] != R) {
        OS << "atom " << A << " has parent " << Atoms.Residue[A]
           << " but lies in residue " << R;
        return Msg;
      }
    Next = Residues.AtomEnd[R];
  }
  if (Next != N) {
    OS << "residues cover " << Next << " of " << N << " atoms";
    return Msg;
  }
  Next = 0;
  for (size_t C = 0; C < Chains.size(); ++C) {
    if (Chains.ResidueBegin[C] != Next) {
      OS << "chain " << C << " does not start at residue " << Next;
      return Msg;
    }
    for (uint32_t R = Chains.ResidueBegin[C]; R < Chains.ResidueEnd[C]; ++R)
      if (Residues.Chain[R] != C) {
        OS << "residue " << R << " has parent " << Residues.Chain[R]
           << " but lies in chain " << C;
        return Msg;
      }
    if (Chains.Entity[C] != NoIndex && Chains.Entity[C] >= Entities.size()) {
      OS << "chain " << C << " names entity " << Chains.Entity[C] << " of "
         << Entities.size();
      return Msg;
    }
    Next = Chains.ResidueEnd[C];
  }
  if (Next != Residues.size()) {
    OS << "chains cover " << Next << " of " << Residues.size() << " residues";
    return Msg;
  }
  for (size_t B = 0; B < Bonds.size(); ++B)
    if (Bonds.A[B] >= N || Bonds.B[B] >= N || Bonds.A[B] >= Bonds.B[B]) {
      OS << "bond " << B << " (" << Bonds.A[B] << ", " << Bonds.B[B]
         << ") is out of range or not ordered";
      return Msg;
    }
  size_t S = States.size();
  if (States.Coords.size() != S * N * 3) {
    OS << "coordinates hold " << States.Coords.size() << " floats, expected "
       << S * N * 3;
    return Msg;
  }
#define QIR_STATE_ATOM_COLUMN(Member, Type, StoreName, Facet, Bit, Fill)       \
  if (!States.Member.empty() && States.Member.size() != S * N) {               \
    OS << "per-state " #Member " has " << States.Member.size()                 \
       << " entries, expected " << S * N;                                      \
    return Msg;                                                                \
  }
#include "qir/IR/StateColumns.def"
  for (size_t Si = 0; Si < S; ++Si)
    for (size_t A = 0; A < N; ++A)
      if (isPresent(Si, A) == std::isnan(States.Coords[(Si * N + A) * 3])) {
        OS << "atom " << A << " of state " << Si << " is "
           << (isPresent(Si, A) ? "present with NaN" : "absent without NaN")
           << " coordinates";
        return Msg;
      }
  if (!States.SiteOrderBegin.empty()) {
    if (States.SiteOrderBegin.size() != S + 1 ||
        States.SiteOrderBegin.front() != 0 ||
        States.SiteOrderBegin.back() != States.SiteOrder.size()) {
      OS << "site order offsets do not cover " << S << " states and "
         << States.SiteOrder.size() << " sites";
      return Msg;
    }
    std::vector<uint8_t> Seen(N);
    for (size_t Si = 0; Si < S; ++Si) {
      std::fill(Seen.begin(), Seen.end(), 0);
      uint64_t B = States.SiteOrderBegin[Si], E = States.SiteOrderBegin[Si + 1];
      if (B > E) {
        OS << "site order offsets of state " << Si << " decrease";
        return Msg;
      }
      size_t Count = 0;
      for (size_t A = 0; A < N; ++A)
        Count += isPresent(Si, A);
      if (E - B != Count) {
        OS << "site order of state " << Si << " lists " << E - B << " of its "
           << Count << " atoms";
        return Msg;
      }
      for (uint64_t I = B; I < E; ++I) {
        uint32_t A = States.SiteOrder[I];
        if (A >= N || !isPresent(Si, A) || Seen[A]) {
          OS << "site order of state " << Si << " names atom " << A
             << ", out of range, absent or twice";
          return Msg;
        }
        Seen[A] = 1;
      }
    }
  } else if (!States.SiteOrder.empty()) {
    OS << "site order without offsets";
    return Msg;
  }
  if (Extra.Values.size() != Extra.Names.size()) {
    OS << Extra.Names.size() << " extra column names for "
       << Extra.Values.size() << " columns";
    return Msg;
  }
  for (size_t C = 0; C < Extra.size(); ++C)
    if (Extra.Values[C].size() != S * N) {
      OS << "extra column " << Extra.Names[C] << " has "
         << Extra.Values[C].size() << " values, expected " << S * N;
      return Msg;
    }
  for (const Grouping &G : Groupings)
    for (size_t I = 0; I < G.Atoms.size(); ++I)
      if (G.Atoms[I] >= N || (I && G.Atoms[I - 1] >= G.Atoms[I])) {
        OS << "grouping " << G.Name << " is not sorted or names atom "
           << G.Atoms[I] << " of " << N;
        return Msg;
      }
  return Msg;
}
