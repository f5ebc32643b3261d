//===- BondPerception.cpp - Filling the bond table ------------------------===//
#include "qir/IR/BondPerception.h"
#include "qir/IR/ResidueTemplates.h"
#include "qir/IR/Structure.h"
#include "qir/Support/Element.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace qir;
using llvm::StringRef;

namespace {

/// Template bonds as pairs of template atom indices, per template (built
/// once, thread-safely, on first use).
const std::vector<std::vector<std::pair<int, int>>> &templateBondIndices() {
  static const std::vector<std::vector<std::pair<int, int>>> Table = [] {
    std::vector<std::vector<std::pair<int, int>>> T;
    for (const ResidueTemplate &RT : allResidueTemplates()) {
      T.emplace_back();
      for (const TemplateBond &B : RT.Bonds)
        T.back().push_back({RT.findAtom(B.A), RT.findAtom(B.B)});
    }
    return T;
  }();
  return Table;
}

class Perceiver {
public:
  Perceiver(const Structure &S, const BondPerceptionOptions &Opts)
      : S(S), Opts(Opts), Pos(S.numAtoms() * 3, std::nanf("")),
        Radius(S.numAtoms()) {
    for (size_t A = 0; A < S.numAtoms(); ++A)
      Radius[A] = covalentRadius(S.atoms().AtomicNumber[A]);
    // Each atom's position in the first state that holds it.
    size_t N = S.numAtoms();
    for (size_t A = 0; A < N; ++A)
      for (size_t St = 0; St < S.numStates(); ++St)
        if (S.isPresent(St, A)) {
          auto P = S.position(St, A);
          std::copy(P.begin(), P.end(), &Pos[A * 3]);
          break;
        }
  }

  void explicitBonds(llvm::ArrayRef<ExplicitBond> Explicit);
  void residueBonds(llvm::ArrayRef<ChemCompBond> ChemComp);
  void polymerLinks();
  void store(Structure &Out);

private:
  static bool compatible(char A, char B) { return !A || !B || A == B; }
  float dist2(uint32_t A, uint32_t B) const {
    float D = 0;
    for (int K = 0; K < 3; ++K) {
      float T = Pos[A * 3 + K] - Pos[B * 3 + K];
      D += T * T;
    }
    return D; // NaN when either position is unknown
  }
  bool withinCovalent(uint32_t A, uint32_t B) const {
    float Max = Radius[A] + Radius[B] + Opts.Tolerance;
    float D2 = dist2(A, B);
    return D2 <= Max * Max && D2 > 0.16f; // closer than 0.4 A: a clash
  }
  void add(uint32_t A, uint32_t B, BondOrder O, BondOrigin Origin) {
    if (A == B)
      return;
    if (A > B)
      std::swap(A, B);
    Bonds.push_back({A, B, O, Origin});
  }

  struct Bond {
    uint32_t A, B;
    BondOrder Order;
    BondOrigin Origin;
  };
  const Structure &S;
  const BondPerceptionOptions &Opts;
  std::vector<float> Pos;
  std::vector<float> Radius; ///< covalent radius per atom
  std::vector<Bond> Bonds;
};

void Perceiver::explicitBonds(llvm::ArrayRef<ExplicitBond> Explicit) {
  if (Explicit.empty())
    return;
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  // (auth chain, seq, icode, name) -> residues.
  llvm::StringMap<llvm::SmallVector<uint32_t, 1>> Index;
  auto Key = [](StringRef Chain, int32_t Seq, char ICode, StringRef Name) {
    return (Chain + "\x1f" + llvm::Twine(Seq) + "\x1f" +
            StringRef(&ICode, ICode ? 1 : 0) + "\x1f" + Name)
        .str();
  };
  for (uint32_t R = 0; R < Res.size(); ++R)
    Index[Key(Ch.AuthId[Res.Chain[R]].str(), Res.AuthSeq[R], Res.ICode[R],
              Res.Name[R].str())]
        .push_back(R);
  auto Find = [&](const BondEnd &E, llvm::SmallVectorImpl<uint32_t> &Out) {
    auto It = Index.find(Key(E.Chain, E.Seq, E.ICode, E.ResName));
    if (It == Index.end())
      return;
    for (uint32_t R : It->second)
      for (uint32_t A = Res.AtomBegin[R]; A < Res.AtomEnd[R]; ++A)
        if (At.Name[A] == E.Atom && (!E.AltLoc || At.AltLoc[A] == E.AltLoc))
          Out.push_back(A);
  };
  for (const ExplicitBond &EB : Explicit) {
    if (StringRef(EB.Type).starts_with_insensitive("hydrog"))
      continue; // hydrogen bonds are not covalent
    if (!Opts.KeepMetalCoordination &&
        StringRef(EB.Type).starts_with_insensitive("metalc"))
      continue;
    llvm::SmallVector<uint32_t, 4> As, Bs;
    Find(EB.A, As);
    Find(EB.B, Bs);
    for (uint32_t A : As)
      for (uint32_t B : Bs)
        if (compatible(At.AltLoc[A], At.AltLoc[B]))
          add(A, B, EB.Order, BondOrigin::StructConn);
  }
}

void Perceiver::residueBonds(llvm::ArrayRef<ChemCompBond> ChemComp) {
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  // Per component: its atom names (index = position) and its bonds as
  // pairs of those indices.
  struct CompDef {
    llvm::StringMap<int> AtomIndex;
    std::vector<std::pair<int, int>> Pairs;
    std::vector<BondOrder> Orders;
  };
  llvm::StringMap<CompDef> ByComp;
  for (const ChemCompBond &B : ChemComp) {
    CompDef &D = ByComp[B.Comp];
    int IA = D.AtomIndex.try_emplace(B.A, D.AtomIndex.size()).first->second;
    int IB = D.AtomIndex.try_emplace(B.B, D.AtomIndex.size()).first->second;
    D.Pairs.push_back({IA, IB});
    D.Orders.push_back(B.Order);
  }

  llvm::SmallVector<int, 32> TIdx;
  llvm::SmallVector<llvm::SmallVector<uint32_t, 2>, 32> ByIdx;
  for (uint32_t R = 0; R < Res.size(); ++R) {
    StringRef Name = Res.Name[R].str();
    uint32_t AB = Res.AtomBegin[R], AE = Res.AtomEnd[R];
    // Atoms a definition accounts for; the others are bonded by distance.
    llvm::SmallVector<bool, 32> Defined(AE - AB, false);
    TIdx.assign(AE - AB, -1);
    // Bonds by definition index: TIdx maps each atom to its atom in the
    // definition (chem_comp or template), -1 if the definition lacks it.
    auto AddPairs = [&](llvm::ArrayRef<std::pair<int, int>> Pairs,
                        size_t NumDefAtoms, auto OrderOf, BondOrigin Origin) {
      // Atoms by definition index (altloc copies share an index).
      ByIdx.assign(NumDefAtoms, {});
      for (uint32_t A = AB; A < AE; ++A)
        if (TIdx[A - AB] >= 0)
          ByIdx[TIdx[A - AB]].push_back(A);
      for (size_t K = 0; K < Pairs.size(); ++K) {
        if (Pairs[K].first < 0 || Pairs[K].second < 0)
          continue;
        for (uint32_t A : ByIdx[Pairs[K].first])
          for (uint32_t B : ByIdx[Pairs[K].second])
            if (compatible(At.AltLoc[A], At.AltLoc[B]))
              add(A, B, OrderOf(K), Origin);
      }
    };
    auto CC = ByComp.find(Name);
    if (CC != ByComp.end()) {
      const CompDef &D = CC->second;
      for (uint32_t A = AB; A < AE; ++A) {
        auto It = D.AtomIndex.find(At.Name[A].str());
        TIdx[A - AB] = It == D.AtomIndex.end() ? -1 : It->second;
        Defined[A - AB] = TIdx[A - AB] >= 0;
      }
      AddPairs(
          D.Pairs, D.AtomIndex.size(), [&](size_t K) { return D.Orders[K]; },
          BondOrigin::ChemComp);
    } else if (const ResidueTemplate *T = lookupResidueTemplate(Name)) {
      for (uint32_t A = AB; A < AE; ++A) {
        TIdx[A - AB] = T->findAtom(At.Name[A].str());
        Defined[A - AB] = TIdx[A - AB] >= 0;
      }
      AddPairs(
          templateBondIndices()[T - allResidueTemplates().data()],
          T->Atoms.size(), [&](size_t K) { return T->Bonds[K].Order; },
          BondOrigin::Template);
    }
    // Distance inference inside the residue, for pairs with at least one
    // atom that no definition covers (hydrogens, unknown ligands).
    for (uint32_t A = AB; A < AE; ++A)
      for (uint32_t B = A + 1; B < AE; ++B) {
        if (Defined[A - AB] && Defined[B - AB])
          continue;
        if (!compatible(At.AltLoc[A], At.AltLoc[B]))
          continue;
        // Two hydrogens are never bonded to each other in a residue.
        if (isHydrogen(At.AtomicNumber[A]) && isHydrogen(At.AtomicNumber[B]))
          continue;
        if (withinCovalent(A, B))
          add(A, B, BondOrder::Unknown, BondOrigin::Inferred);
      }
  }
}

void Perceiver::polymerLinks() {
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  for (uint32_t R = 0; R + 1 < Res.size(); ++R) {
    if (Res.Chain[R] != Res.Chain[R + 1])
      continue;
    ResidueKind K1 = Res.Kind[R], K2 = Res.Kind[R + 1];
    StringRef From, To;
    float Max;
    if (K1 == ResidueKind::AminoAcid && K2 == ResidueKind::AminoAcid) {
      From = "C", To = "N", Max = Opts.MaxPeptideBond;
    } else if ((K1 == ResidueKind::DNA || K1 == ResidueKind::RNA) &&
               (K2 == ResidueKind::DNA || K2 == ResidueKind::RNA)) {
      From = "O3'", To = "P", Max = Opts.MaxPhosphodiesterBond;
    } else {
      continue;
    }
    for (uint32_t A = Res.AtomBegin[R]; A < Res.AtomEnd[R]; ++A) {
      if (At.Name[A] != From)
        continue;
      for (uint32_t B = Res.AtomBegin[R + 1]; B < Res.AtomEnd[R + 1]; ++B)
        if (At.Name[B] == To && compatible(At.AltLoc[A], At.AltLoc[B]) &&
            dist2(A, B) <= Max * Max)
          add(A, B, BondOrder::Single, BondOrigin::PolymerLink);
    }
  }
}

void Perceiver::store(Structure &Out) {
  // Sources were added in order of precedence; a stable sort keeps the
  // first source of a duplicate pair first, and unique() keeps only it.
  std::stable_sort(Bonds.begin(), Bonds.end(),
                   [](const Bond &X, const Bond &Y) {
                     return std::make_pair(X.A, X.B) < std::make_pair(Y.A, Y.B);
                   });
  Bonds.erase(std::unique(Bonds.begin(), Bonds.end(),
                          [](const Bond &X, const Bond &Y) {
                            return X.A == Y.A && X.B == Y.B;
                          }),
              Bonds.end());
  BondTable &BT = Out.bondsForWrite();
  BT = BondTable();
  BT.A.reserve(Bonds.size());
  BT.B.reserve(Bonds.size());
  BT.Order.reserve(Bonds.size());
  BT.Origin.reserve(Bonds.size());
  for (const Bond &B : Bonds) {
    BT.A.push_back(B.A);
    BT.B.push_back(B.B);
    BT.Order.push_back(B.Order);
    BT.Origin.push_back(B.Origin);
  }
}

} // namespace

void qir::perceiveBonds(Structure &S, llvm::ArrayRef<ExplicitBond> Explicit,
                        llvm::ArrayRef<ChemCompBond> ChemComp,
                        const BondPerceptionOptions &Opts) {
  Perceiver P(S, Opts);
  P.explicitBonds(Explicit);
  P.residueBonds(ChemComp);
  P.polymerLinks();
  P.store(S);
}
