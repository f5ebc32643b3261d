//===- Tokens.cpp - AF3/Boltz tokenization of a structure -----------------===//
//
// Residues are visited in IR order (chain rows own contiguous residue
// ranges, so tokens come chain by chain). A residue is
//   - skipped when it is water (residue kind Water or a water entity);
//   - one residue token when its name is in TokenVocab.def and its chain's
//     entity is a polymer (Boltz tokenizes non-polymer chains per atom
//     whatever their residue names);
//   - otherwise one atom token per distinct heavy-atom name, in order of
//     first appearance; the conformers of one name are that token's atoms.
// Chain rows that produce tokens get asym ids 0, 1, ... in order; entity
// ids are dense in order of first appearance (a chain with an unknown
// entity is its own entity); the sym id counts the earlier token-bearing
// chains of the same entity.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Tokens.h"

#include "SerializerSupport.h"

#include "qir/IR/Structure.h"
#include "qir/Pass/TableWriter.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <cmath>

using namespace qir;
using namespace llvm;

AnalysisKey TokensAnalysis::Key;

namespace {
struct VocabEntry {
  StringRef Name;
  TokenMolType Mol;
  StringRef Centre, Distogram;
};
const VocabEntry Vocab[] = {
#define QIR_TOKEN(ID, NAME, MOLTYPE, CENTRE, DISTOGRAM)                        \
  {NAME, TokenMolType::MOLTYPE, CENTRE, DISTOGRAM},
#include "qir/Analysis/TokenVocab.def"
};
constexpr unsigned NumVocab = sizeof(Vocab) / sizeof(Vocab[0]);
} // namespace

StringRef qir::tokenMolTypeName(TokenMolType T) {
  switch (T) {
  case TokenMolType::Protein:
    return "protein";
  case TokenMolType::DNA:
    return "dna";
  case TokenMolType::RNA:
    return "rna";
  case TokenMolType::Ligand:
    return "ligand";
  }
  return "?";
}

unsigned tokvocab::numResTypes() { return FirstStandardResType + NumVocab; }

int tokvocab::resTypeOf(StringRef Name) {
  for (unsigned I = 0; I < NumVocab; ++I)
    if (Vocab[I].Name == Name)
      return int(FirstStandardResType + I);
  return -1;
}

StringRef tokvocab::resTypeName(unsigned Id) {
  if (Id == Pad)
    return "<pad>";
  if (Id == Gap)
    return "-";
  return Id < numResTypes() ? Vocab[Id - FirstStandardResType].Name : "?";
}

TokenMolType tokvocab::molTypeOf(unsigned Id) {
  return Vocab[Id - FirstStandardResType].Mol;
}
StringRef tokvocab::centreAtomOf(unsigned Id) {
  return Vocab[Id - FirstStandardResType].Centre;
}
StringRef tokvocab::distogramAtomOf(unsigned Id) {
  return Vocab[Id - FirstStandardResType].Distogram;
}

unsigned tokvocab::unknownResType(TokenMolType T) {
  switch (T) {
  case TokenMolType::DNA:
    return unsigned(resTypeOf("DN"));
  case TokenMolType::RNA:
    return unsigned(resTypeOf("N"));
  default:
    return unsigned(resTypeOf("UNK"));
  }
}

/// Molecule type of an atom token's residue: ligand outside polymer
/// chains; inside one, the residue's kind where it names a polymer class,
/// else the chain's polymer type, else protein (Boltz-2's fallback).
static TokenMolType atomTokenMolType(const Structure &S, uint32_t R,
                                     bool Polymer) {
  if (!Polymer)
    return TokenMolType::Ligand;
  switch (S.residues().Kind[R]) {
  case ResidueKind::AminoAcid:
    return TokenMolType::Protein;
  case ResidueKind::DNA:
    return TokenMolType::DNA;
  case ResidueKind::RNA:
    return TokenMolType::RNA;
  default:
    break;
  }
  uint32_t E = S.chains().Entity[S.residues().Chain[R]];
  switch (S.entities().Polymer[E]) {
  case PolymerType::DNA:
    return TokenMolType::DNA;
  case PolymerType::RNA:
  case PolymerType::DNARNAHybrid:
    return TokenMolType::RNA;
  default:
    return TokenMolType::Protein;
  }
}

static bool finitePosition(const Structure &S, size_t St, uint32_t A) {
  if (A == NoIndex || !S.isPresent(St, A))
    return false;
  std::array<float, 3> P = S.position(St, A);
  return std::isfinite(P[0]) && std::isfinite(P[1]) && std::isfinite(P[2]);
}

TokenTable TokensAnalysis::run(const Structure &S, const Options &,
                               AnalysisManager &) {
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  const EntityTable &Ent = S.entities();

  TokenTable T;
  T.NumStates = S.numStates();
  T.AtomBegin.push_back(0);
  std::vector<uint32_t> TokenChain;

  auto FirstNamed = [&](uint32_t R, StringRef Name) -> uint32_t {
    for (uint32_t A = Res.AtomBegin[R]; A < Res.AtomEnd[R]; ++A)
      if (At.Name[A] == Name)
        return A;
    return NoIndex;
  };
  auto AddToken = [&](uint32_t R, bool Standard, uint8_t ResType,
                      TokenMolType Mol, uint32_t Centre, uint32_t Disto) {
    uint32_t C = Res.Chain[R];
    T.Residue.push_back(R);
    // The token's atoms were appended just before: this is their end.
    T.AtomBegin.push_back(uint32_t(T.Atoms.size()));
    T.CentreAtom.push_back(Centre);
    T.DistogramAtom.push_back(Disto);
    T.Standard.push_back(Standard);
    T.ResType.push_back(ResType);
    T.MolType.push_back(uint8_t(Mol));
    T.ResidueIndex.push_back(Res.LabelSeq[R] != NoSeqId
                                 ? Res.LabelSeq[R]
                                 : int32_t(R - Ch.ResidueBegin[C] + 1));
    TokenChain.push_back(C);
  };

  for (uint32_t R = 0; R < Res.size(); ++R) {
    uint32_t E = Ch.Entity[Res.Chain[R]];
    if (Res.Kind[R] == ResidueKind::Water ||
        (E != NoIndex && Ent.Type[E] == EntityType::Water))
      continue;
    bool Polymer = E != NoIndex && Ent.Type[E] == EntityType::Polymer;
    int Id = Polymer ? tokvocab::resTypeOf(Res.Name[R].str()) : -1;
    if (Id >= 0) {
      for (uint32_t A = Res.AtomBegin[R]; A < Res.AtomEnd[R]; ++A)
        T.Atoms.push_back(A);
      AddToken(R, true, uint8_t(Id), tokvocab::molTypeOf(Id),
               FirstNamed(R, tokvocab::centreAtomOf(Id)),
               FirstNamed(R, tokvocab::distogramAtomOf(Id)));
      continue;
    }
    // One token per heavy-atom name; conformers of a name join its token.
    SmallVector<SmallVector<uint32_t, 2>, 32> Groups;
    for (uint32_t A = Res.AtomBegin[R]; A < Res.AtomEnd[R]; ++A) {
      if (At.AtomicNumber[A] == 1)
        continue;
      auto It = llvm::find_if(Groups, [&](const SmallVector<uint32_t, 2> &G) {
        return At.Name[G.front()] == At.Name[A];
      });
      if (It == Groups.end())
        Groups.push_back({A});
      else
        It->push_back(A);
    }
    TokenMolType Mol = atomTokenMolType(S, R, Polymer);
    uint8_t ResType = uint8_t(tokvocab::unknownResType(Mol));
    for (const auto &G : Groups) {
      T.Atoms.insert(T.Atoms.end(), G.begin(), G.end());
      AddToken(R, false, ResType, Mol, G.front(), G.front());
    }
  }
  // Chain, entity and copy ids.
  const size_t NT = T.size();
  T.AsymId.resize(NT);
  T.EntityId.resize(NT);
  T.SymId.resize(NT);
  DenseMap<uint32_t, uint32_t> AsymOf, SymOf, EntityOf, CopiesOf;
  for (size_t I = 0; I < NT; ++I) {
    uint32_t C = TokenChain[I];
    auto [AIt, NewChain] = AsymOf.try_emplace(C, uint32_t(AsymOf.size()));
    // An unknown entity is the chain's own: key it past every entity row.
    uint32_t Key =
        Ch.Entity[C] != NoIndex ? Ch.Entity[C] : uint32_t(Ent.size() + C);
    auto [EIt, NewEntity] =
        EntityOf.try_emplace(Key, uint32_t(EntityOf.size()));
    if (NewChain)
      SymOf[C] = CopiesOf[Key]++;
    T.AsymId[I] = AIt->second;
    T.EntityId[I] = EIt->second;
    T.SymId[I] = SymOf[C];
  }

  // Resolved masks.
  T.Resolved.assign(T.NumStates * NT, 0);
  T.DistogramResolved.assign(T.NumStates * NT, 0);
  for (size_t St = 0; St < T.NumStates; ++St)
    for (size_t I = 0; I < NT; ++I) {
      T.Resolved[St * NT + I] = finitePosition(S, St, T.CentreAtom[I]);
      T.DistogramResolved[St * NT + I] =
          finitePosition(S, St, T.DistogramAtom[I]);
    }

  // Token bonds: an atom bond between two different tokens counts when it
  // lies within one residue (atom tokens of a ligand or modified residue)
  // or when either end is a ligand (non-polymer chain) token; bonds
  // between two polymer residues (peptide and phosphodiester links,
  // disulfides, links of modified residues) do not.
  std::vector<uint32_t> TokenOf(At.size(), NoIndex);
  for (size_t I = 0; I < NT; ++I)
    for (uint32_t A : T.atoms(I))
      TokenOf[A] = uint32_t(I);
  const BondTable &Bd = S.bonds();
  std::vector<std::pair<uint32_t, uint32_t>> Pairs;
  for (size_t K = 0; K < Bd.size(); ++K) {
    uint32_t TA = TokenOf[Bd.A[K]], TB = TokenOf[Bd.B[K]];
    if (TA == NoIndex || TB == NoIndex || TA == TB)
      continue;
    bool SameResidue = T.Residue[TA] == T.Residue[TB];
    bool Ligand = T.MolType[TA] == uint8_t(TokenMolType::Ligand) ||
                  T.MolType[TB] == uint8_t(TokenMolType::Ligand);
    if (SameResidue || Ligand)
      Pairs.emplace_back(std::min(TA, TB), std::max(TA, TB));
  }
  llvm::sort(Pairs);
  Pairs.erase(std::unique(Pairs.begin(), Pairs.end()), Pairs.end());
  for (auto [A, B] : Pairs) {
    T.BondA.push_back(A);
    T.BondB.push_back(B);
  }
  return T;
}

void TokensAnalysis::print(raw_ostream &OS, const Structure &S, const Result &R,
                           const PrintOptions &P) {
  const AtomTable &At = S.atoms();
  TableWriter T(OS);
  auto AtomName = [&](uint32_t A) {
    return A == NoIndex ? StringRef() : At.Name[A].str();
  };
  if (P.Bonds) {
    std::vector<std::string> Columns;
    for (StringRef Suffix : {"_1", "_2"}) {
      std::vector<std::string> C = TableWriter::residueColumns(Suffix);
      Columns.insert(Columns.end(), C.begin(), C.end());
      Columns.push_back(("token" + Suffix).str());
      Columns.push_back(("atom" + Suffix).str());
    }
    T.header(Columns);
    for (size_t K = 0; K < R.BondA.size(); ++K) {
      for (uint32_t Tok : {R.BondA[K], R.BondB[K]}) {
        T.residue(S, 0, R.Residue[Tok]).integer(Tok);
        T.text(R.Standard[Tok] ? StringRef() : AtomName(R.CentreAtom[Tok]));
      }
      T.endRow();
    }
    return;
  }
  std::vector<std::string> Columns = TableWriter::residueColumns();
  Columns.insert(Columns.end(),
                 {"token", "kind", "atom", "res_type", "mol_type", "asym",
                  "entity", "sym", "residue_index", "atoms", "centre_atom",
                  "distogram_atom", "resolved", "distogram_resolved"});
  T.header(Columns);
  for (size_t St = 0; St < R.NumStates; ++St)
    for (size_t I = 0; I < R.size(); ++I) {
      T.residue(S, St, R.Residue[I])
          .integer(I)
          .text(R.Standard[I] ? "residue" : "atom")
          .text(R.Standard[I] ? StringRef() : AtomName(R.CentreAtom[I]))
          .text(tokvocab::resTypeName(R.ResType[I]))
          .text(tokenMolTypeName(TokenMolType(R.MolType[I])))
          .integer(R.AsymId[I])
          .integer(R.EntityId[I])
          .integer(R.SymId[I])
          .integer(R.ResidueIndex[I])
          .integer(R.AtomBegin[I + 1] - R.AtomBegin[I])
          .text(AtomName(R.CentreAtom[I]))
          .text(AtomName(R.DistogramAtom[I]))
          .integer(R.resolved(St, I))
          .integer(R.distogramResolved(St, I))
          .endRow();
    }
}

// Persisted form: per-token arrays, the atom CSR, [state][token] masks and
// the bond list as [B, 2].
Error TokensAnalysis::write(ResultSink &Sink, const Result &R) {
  const uint64_t NT = R.size();
  const uint64_t Masks[] = {R.NumStates, NT};
  std::vector<uint32_t> Bonds;
  for (size_t K = 0; K < R.BondA.size(); ++K) {
    Bonds.push_back(R.BondA[K]);
    Bonds.push_back(R.BondB[K]);
  }
  const uint64_t BondShape[] = {R.BondA.size(), 2};
  if (Error E = Sink.write<uint32_t>("residue", R.Residue))
    return E;
  if (Error E = Sink.write<uint32_t>("atom_begin", R.AtomBegin))
    return E;
  if (Error E = Sink.write<uint32_t>("atoms", R.Atoms))
    return E;
  if (Error E = Sink.write<uint32_t>("centre_atom", R.CentreAtom))
    return E;
  if (Error E = Sink.write<uint32_t>("distogram_atom", R.DistogramAtom))
    return E;
  if (Error E = Sink.write<uint8_t>("standard", R.Standard))
    return E;
  if (Error E = Sink.write<uint8_t>("res_type", R.ResType))
    return E;
  if (Error E = Sink.write<uint8_t>("mol_type", R.MolType))
    return E;
  if (Error E = Sink.write<int32_t>("residue_index", R.ResidueIndex))
    return E;
  if (Error E = Sink.write<uint32_t>("asym_id", R.AsymId))
    return E;
  if (Error E = Sink.write<uint32_t>("entity_id", R.EntityId))
    return E;
  if (Error E = Sink.write<uint32_t>("sym_id", R.SymId))
    return E;
  if (Error E = Sink.write<uint8_t>("resolved", R.Resolved, Masks))
    return E;
  if (Error E =
          Sink.write<uint8_t>("distogram_resolved", R.DistogramResolved, Masks))
    return E;
  return Sink.write<uint32_t>("bonds", Bonds, BondShape);
}

Expected<TokenTable> TokensAnalysis::read(ResultSource &Source,
                                          const Structure &S) {
  TokenTable R;
  R.NumStates = S.numStates();
  if (Error E = serial::read1D(Source, Name, "residue", R.Residue))
    return E;
  const uint64_t NT = R.Residue.size();
  const uint64_t PerToken[] = {NT};
  const uint64_t Offsets[] = {NT + 1};
  const uint64_t Masks[] = {R.NumStates, NT};
  if (Error E =
          serial::readShaped(Source, Name, "atom_begin", R.AtomBegin, Offsets))
    return E;
  if (Error E = serial::read1D(Source, Name, "atoms", R.Atoms))
    return E;
  struct U32 {
    const char *Name;
    std::vector<uint32_t> *V;
  };
  for (U32 A :
       {U32{"centre_atom", &R.CentreAtom},
        U32{"distogram_atom", &R.DistogramAtom}, U32{"asym_id", &R.AsymId},
        U32{"entity_id", &R.EntityId}, U32{"sym_id", &R.SymId}})
    if (Error E = serial::readShaped(Source, Name, A.Name, *A.V, PerToken))
      return E;
  if (Error E =
          serial::readShaped(Source, Name, "standard", R.Standard, PerToken))
    return E;
  if (Error E =
          serial::readShaped(Source, Name, "res_type", R.ResType, PerToken))
    return E;
  if (Error E =
          serial::readShaped(Source, Name, "mol_type", R.MolType, PerToken))
    return E;
  if (Error E = serial::readShaped(Source, Name, "residue_index",
                                   R.ResidueIndex, PerToken))
    return E;
  if (Error E = serial::readShaped(Source, Name, "resolved", R.Resolved, Masks))
    return E;
  if (Error E = serial::readShaped(Source, Name, "distogram_resolved",
                                   R.DistogramResolved, Masks))
    return E;
  std::vector<uint32_t> Bonds;
  ElementType Stored;
  SmallVector<uint64_t, 3> Dims;
  if (Error E = Source.describe("bonds", Stored, Dims))
    return serial::malformed(Name, toString(std::move(E)));
  if (Dims.size() != 2 || Dims[1] != 2)
    return serial::malformed(Name, "array 'bonds' has shape " +
                                       serial::shapeText(Dims) +
                                       ", expected [B, 2]");
  if (Error E = serial::readShaped(Source, Name, "bonds", Bonds, Dims))
    return E;

  // Consistency with the structure.
  const size_t NA = S.numAtoms(), NR = S.numResidues();
  if (R.AtomBegin.front() != 0 || R.AtomBegin.back() != R.Atoms.size())
    return serial::malformed(Name, "array 'atom_begin' does not run from 0 "
                                   "to the length of 'atoms'");
  for (size_t I = 0; I < NT; ++I) {
    if (R.AtomBegin[I] >= R.AtomBegin[I + 1])
      return serial::malformed(Name, "token " + Twine(I) + " has no atoms");
    if (R.Residue[I] >= NR || (I && R.Residue[I] < R.Residue[I - 1]))
      return serial::malformed(Name, "array 'residue' is not ascending "
                                     "residue indices of the structure");
    for (uint32_t A : R.atoms(I))
      if (A >= NA || S.atoms().Residue[A] != R.Residue[I])
        return serial::malformed(Name, "token " + Twine(I) +
                                           " lists an atom outside its "
                                           "residue");
    for (uint32_t A : {R.CentreAtom[I], R.DistogramAtom[I]})
      if (A != NoIndex && (A >= NA || S.atoms().Residue[A] != R.Residue[I]))
        return serial::malformed(Name, "token " + Twine(I) +
                                           " has a centre or distogram atom "
                                           "outside its residue");
    if (R.Standard[I] > 1 || R.MolType[I] >= NumTokenMolTypes ||
        R.ResType[I] < tokvocab::FirstStandardResType ||
        R.ResType[I] >= tokvocab::numResTypes())
      return serial::malformed(Name, "token " + Twine(I) +
                                         " has an invalid standard flag, "
                                         "molecule or residue type");
    if (R.AsymId[I] >= NT || R.EntityId[I] >= NT || R.SymId[I] >= NT)
      return serial::malformed(Name, "token " + Twine(I) +
                                         " has an asym, entity or sym id "
                                         "beyond the token count");
  }
  for (auto *M : {&R.Resolved, &R.DistogramResolved})
    for (uint8_t V : *M)
      if (V > 1)
        return serial::malformed(Name, "a resolved mask holds " +
                                           Twine(unsigned(V)) + ", not 0 or 1");
  for (size_t K = 0; K < Bonds.size(); K += 2) {
    if (Bonds[K] >= Bonds[K + 1] || Bonds[K + 1] >= NT ||
        (K && std::make_pair(Bonds[K - 2], Bonds[K - 1]) >=
                  std::make_pair(Bonds[K], Bonds[K + 1])))
      return serial::malformed(Name, "array 'bonds' is not ascending pairs "
                                     "i < j of token indices");
    R.BondA.push_back(Bonds[K]);
    R.BondB.push_back(Bonds[K + 1]);
  }
  return R;
}
