//===- Structure.cpp - The columnar structure IR
//---------------------------===//
#include "qir/IR/Structure.h"
#include "qir/Support/Hashing.h"

#include "llvm/Support/raw_ostream.h"

using namespace qir;
using llvm::ArrayRef;
using llvm::StringRef;

void AtomTable::reserve(size_t N) {
  Name.reserve(N);
  Element.reserve(N);
  AtomicNumber.reserve(N);
  AltLoc.reserve(N);
  Charge.reserve(N);
  Occupancy.reserve(N);
  BIso.reserve(N);
  Serial.reserve(N);
  Residue.reserve(N);
  Flags.reserve(N);
}

void AtomTable::resize(size_t N) {
  Name.resize(N);
  Element.resize(N);
  AtomicNumber.resize(N);
  AltLoc.resize(N);
  Charge.resize(N);
  Occupancy.resize(N);
  BIso.resize(N);
  Serial.resize(N);
  Residue.resize(N);
  Flags.resize(N);
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

uint64_t Structure::computeHash(Facet F) const {
  ContentHasher H;
  H.addInt(static_cast<uint64_t>(F));
  switch (F) {
  case Facet::Topology: {
    H.add(col(Atoms.Name));
    H.add(col(Atoms.Element));
    H.add(col(Atoms.AtomicNumber));
    H.add(col(Atoms.AltLoc));
    H.add(col(Atoms.Charge));
    H.add(col(Atoms.Residue));
    H.add(col(Atoms.Flags));
    H.add(col(Residues.Name));
    H.add(col(Residues.AuthSeq));
    H.add(col(Residues.ICode));
    H.add(col(Residues.LabelSeq));
    H.add(col(Residues.Chain));
    H.add(col(Residues.Kind));
    H.add(col(Residues.AtomBegin));
    H.add(col(Residues.AtomEnd));
    H.add(col(Chains.AuthId));
    H.add(col(Chains.LabelId));
    H.add(col(Chains.Entity));
    H.add(col(Chains.ResidueBegin));
    H.add(col(Chains.ResidueEnd));
    H.addInt(Entities.size());
    for (size_t E = 0; E < Entities.size(); ++E) {
      H.add(StringRef(Entities.Id[E]));
      H.addInt(static_cast<uint64_t>(Entities.Type[E]));
      H.addInt(static_cast<uint64_t>(Entities.Polymer[E]));
      H.add(StringRef(Entities.Sequence[E]));
      H.add(StringRef(Entities.Description[E]));
    }
    H.add(col(Bonds.A));
    H.add(col(Bonds.B));
    H.add(col(Bonds.Order));
    H.add(col(Bonds.Origin));
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
    H.add(col(States.Present));
    H.add(col(States.SiteOrder));
    H.add(col(States.SiteOrderBegin));
    break;
  case Facet::AtomProperties:
    H.add(col(Atoms.Occupancy));
    H.add(col(Atoms.BIso));
    H.add(col(Atoms.Serial));
    H.add(col(Atoms.AnisoU));
    H.add(col(States.Occupancy));
    H.add(col(States.BIso));
    H.add(col(States.Serial));
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
  SameLen(Atoms.Element.size(), "Element");
  SameLen(Atoms.AtomicNumber.size(), "AtomicNumber");
  SameLen(Atoms.AltLoc.size(), "AltLoc");
  SameLen(Atoms.Charge.size(), "Charge");
  SameLen(Atoms.Occupancy.size(), "Occupancy");
  SameLen(Atoms.BIso.size(), "BIso");
  SameLen(Atoms.Serial.size(), "Serial");
  SameLen(Atoms.Residue.size(), "Residue");
  SameLen(Atoms.Flags.size(), "Flags");
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
  if (!States.Present.empty() && States.Present.size() != S * N)
    OS << "presence mask has " << States.Present.size() << " entries";
  return Msg;
}
