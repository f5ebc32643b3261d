//===- Evaluate.cpp - Selector syntax tree to atom bits -------------------===//
#include "qir/Select/Evaluate.h"

#include "qir/IR/Structure.h"
#include "qir/Select/AtomClasses.h"
#include "qir/Support/CellList.h"
#include "qir/Support/Element.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <algorithm>
#include <bitset>
#include <cmath>

using namespace qir;
using namespace qir::select;
using namespace llvm;

namespace {

class Evaluator {
public:
  Evaluator(const Structure &S, uint32_t State, const CellList *Cells)
      : S(S), At(S.atoms()), Res(S.residues()), Ch(S.chains()), St(S.states()),
        State(State), Cells(Cells), N(S.atoms().Residue.size()) {}

  Error check(const Expr &E);
  BitVector eval(const Expr &E);

private:
  /// Atoms of the residues satisfying \p Pred (tested once per residue).
  BitVector residuesWhere(function_ref<bool(uint32_t)> Pred) const {
    BitVector Bits(N);
    for (uint32_t R = 0, NR = Res.size(); R < NR; ++R)
      if (Pred(R))
        Bits.set(Res.AtomBegin[R], Res.AtomEnd[R]);
    return Bits;
  }
  /// Atoms of the chains satisfying \p Pred (tested once per chain).
  BitVector chainsWhere(function_ref<bool(uint32_t)> Pred) const {
    BitVector Bits(N);
    for (uint32_t C = 0, NC = Ch.size(); C < NC; ++C) {
      uint32_t RB = Ch.ResidueBegin[C], RE = Ch.ResidueEnd[C];
      if (RB < RE && Pred(C))
        Bits.set(Res.AtomBegin[RB], Res.AtomEnd[RE - 1]);
    }
    return Bits;
  }
  BitVector atomsWhere(function_ref<bool(uint32_t)> Pred) const {
    BitVector Bits(N);
    for (uint32_t A = 0; A < N; ++A)
      if (Pred(A))
        Bits.set(A);
    return Bits;
  }
  /// Within each residue for which \p ResPred holds, the atoms for which
  /// \p AtomPred holds.
  BitVector
  atomsOfResiduesWhere(function_ref<bool(uint32_t)> ResPred,
                       function_ref<bool(uint32_t, uint32_t)> AtomPred) const {
    BitVector Bits(N);
    for (uint32_t R = 0, NR = Res.size(); R < NR; ++R)
      if (ResPred(R))
        for (uint32_t A = Res.AtomBegin[R]; A < Res.AtomEnd[R]; ++A)
          if (AtomPred(R, A))
            Bits.set(A);
    return Bits;
  }
  bool present(uint32_t State, uint32_t A) const {
    return St.Present.empty() || St.Present[size_t(State) * N + A];
  }
  BitVector model(const Expr &E) const;
  BitVector within(const Expr &E);

  const Structure &S;
  const AtomTable &At;
  const ResidueTable &Res;
  const ChainTable &Ch;
  const StateTable &St;
  uint32_t State;
  const CellList *Cells;
  uint32_t N;
};

} // namespace

static bool containsKind(const Expr &E, ExprKind K) {
  return E.Kind == K ||
         any_of(E.Operands, [&](const auto &O) { return containsKind(*O, K); });
}

Error Evaluator::check(const Expr &E) {
  if (containsKind(E, ExprKind::Within) && N) {
    if (St.Coords.size() < (size_t(State) + 1) * N * 3)
      return createStringError(inconvertibleErrorCode(),
                               "'within' needs the coordinates of state " +
                                   Twine(State) + "; the structure has " +
                                   Twine(St.Coords.size() / (3 * N)) +
                                   " state(s) with coordinates");
    if (!St.Present.empty() && St.Present.size() < (size_t(State) + 1) * N)
      return createStringError(inconvertibleErrorCode(),
                               "the presence mask lacks state " + Twine(State));
  }
  if (containsKind(E, ExprKind::Model) && !St.Present.empty() &&
      St.Present.size() < St.ModelNumber.size() * size_t(N))
    return createStringError(inconvertibleErrorCode(),
                             "the presence mask does not cover every state");
  return Error::success();
}

BitVector Evaluator::model(const Expr &E) const {
  BitVector Bits(N);
  for (uint32_t Si = 0, NS = St.ModelNumber.size(); Si < NS; ++Si) {
    int32_t M = St.ModelNumber[Si];
    if (none_of(E.Ints, [&](const IntRange &R) { return R.contains(M); }))
      continue;
    if (St.Present.empty()) {
      Bits.set();
      return Bits;
    }
    const uint8_t *P = &St.Present[size_t(Si) * N];
    for (uint32_t A = 0; A < N; ++A)
      if (P[A])
        Bits.set(A);
  }
  return Bits;
}

BitVector Evaluator::within(const Expr &E) {
  BitVector Inner = eval(*E.Operands[0]);
  BitVector Bits(N);
  if (Inner.none())
    return Bits;
  ArrayRef<float> XYZ(St.Coords.data() + size_t(State) * N * 3, size_t(N) * 3);
  CellList Own;
  const CellList *L = Cells;
  if (!L) {
    Own = CellList::build(XYZ, static_cast<float>(std::max(E.Distance, 1.0)));
    L = &Own;
  }
  float Radius = static_cast<float>(E.Distance);
  for (int A = Inner.find_first(); A >= 0; A = Inner.find_next(A)) {
    if (!present(State, A))
      continue;
    const float *P = &XYZ[size_t(A) * 3];
    L->forEachWithin(XYZ, {P[0], P[1], P[2]}, Radius,
                     [&](uint32_t B, float) { Bits.set(B); });
  }
  // A NaN query or point never matches; a point the mask calls absent
  // (coordinates left over) is dropped here.
  if (!St.Present.empty())
    for (int A = Bits.find_first(); A >= 0; A = Bits.find_next(A))
      if (!present(State, A))
        Bits.reset(A);
  return Bits;
}

BitVector Evaluator::eval(const Expr &E) {
  switch (E.Kind) {
  case ExprKind::All:
    return BitVector(N, true);
  case ExprKind::None:
    return BitVector(N, false);
  case ExprKind::Protein:
    return residuesWhere(
        [&](uint32_t R) { return Res.Kind[R] == ResidueKind::AminoAcid; });
  case ExprKind::Nucleic:
    return residuesWhere([&](uint32_t R) {
      return Res.Kind[R] == ResidueKind::RNA || Res.Kind[R] == ResidueKind::DNA;
    });
  case ExprKind::Water:
    return residuesWhere(
        [&](uint32_t R) { return Res.Kind[R] == ResidueKind::Water; });
  case ExprKind::Hetero:
    return atomsWhere([&](uint32_t A) { return At.Flags[A] & AF_Hetero; });
  case ExprKind::Backbone:
    return atomsOfResiduesWhere(
        [&](uint32_t R) {
          ResidueKind K = Res.Kind[R];
          return K == ResidueKind::AminoAcid || K == ResidueKind::RNA ||
                 K == ResidueKind::DNA;
        },
        [&](uint32_t R, uint32_t A) {
          return Res.Kind[R] == ResidueKind::AminoAcid
                     ? isProteinBackbone(At.Name[A])
                     : isNucleicBackbone(At.Name[A]);
        });
  case ExprKind::Sidechain:
    return atomsOfResiduesWhere(
        [&](uint32_t R) { return Res.Kind[R] == ResidueKind::AminoAcid; },
        [&](uint32_t, uint32_t A) { return !isProteinBackbone(At.Name[A]); });
  case ExprKind::Hydrogen:
    return atomsWhere([&](uint32_t A) { return At.AtomicNumber[A] == 1; });
  case ExprKind::Chain:
  case ExprKind::LabelAsym: {
    const std::vector<ChainId> &Ids =
        E.Kind == ExprKind::Chain ? Ch.AuthId : Ch.LabelId;
    return chainsWhere(
        [&](uint32_t C) { return is_contained(E.Values, Ids[C].str()); });
  }
  case ExprKind::Entity: {
    const EntityTable &Ent = S.entities();
    return chainsWhere([&](uint32_t C) {
      uint32_t En = Ch.Entity[C];
      return En < Ent.size() && is_contained(E.Values, Ent.Id[En]);
    });
  }
  case ExprKind::ResName:
    return residuesWhere(
        [&](uint32_t R) { return is_contained(E.Values, Res.Name[R].str()); });
  case ExprKind::Name: {
    SmallVector<AtomName, 4> Names;
    for (const std::string &V : E.Values)
      if (AtomName::fits(V)) // longer names never match
        Names.push_back(AtomName(V));
    return atomsWhere(
        [&](uint32_t A) { return is_contained(Names, At.Name[A]); });
  }
  case ExprKind::Element: {
    std::bitset<256> Z;
    for (const std::string &V : E.Values)
      Z.set(atomicNumber(V));
    Z.reset(0);
    return atomsWhere([&](uint32_t A) { return Z.test(At.AtomicNumber[A]); });
  }
  case ExprKind::AltLoc: {
    std::bitset<256> Ids;
    for (const std::string &V : E.Values)
      Ids.set(V.empty() ? 0 : static_cast<unsigned char>(V[0]));
    return atomsWhere([&](uint32_t A) {
      return Ids.test(static_cast<unsigned char>(At.AltLoc[A]));
    });
  }
  case ExprKind::ResId:
    return residuesWhere([&](uint32_t R) {
      if (Res.AuthSeq[R] == NoSeqId)
        return false;
      ResIdKey K{Res.AuthSeq[R], Res.ICode[R]};
      return any_of(E.ResIds,
                    [&](const ResIdRange &Rg) { return Rg.contains(K); });
    });
  case ExprKind::LabelSeq:
    return residuesWhere([&](uint32_t R) {
      int32_t L = Res.LabelSeq[R];
      return L != NoSeqId &&
             any_of(E.Ints, [&](const IntRange &Rg) { return Rg.contains(L); });
    });
  case ExprKind::Index: {
    BitVector Bits(N);
    for (const IntRange &R : E.Ints)
      if (R.From < int64_t(N))
        Bits.set(static_cast<unsigned>(R.From),
                 static_cast<unsigned>(std::min<int64_t>(R.To + 1, N)));
    return Bits;
  }
  case ExprKind::Model:
    return model(E);
  case ExprKind::Within:
    return within(E);
  case ExprKind::Not: {
    BitVector Bits = eval(*E.Operands[0]);
    Bits.flip();
    return Bits;
  }
  case ExprKind::And: {
    BitVector Bits = eval(*E.Operands[0]);
    for (size_t I = 1; I < E.Operands.size() && Bits.any(); ++I)
      Bits &= eval(*E.Operands[I]);
    return Bits;
  }
  case ExprKind::Or: {
    BitVector Bits = eval(*E.Operands[0]);
    for (size_t I = 1; I < E.Operands.size() && !Bits.all(); ++I)
      Bits |= eval(*E.Operands[I]);
    return Bits;
  }
  }
  return BitVector(N);
}

Expected<BitVector> qir::select::evaluateBits(const Expr &E, const Structure &S,
                                              uint32_t State,
                                              const CellList *Cells) {
  Evaluator Ev(S, State, Cells);
  if (Error Err = Ev.check(E))
    return std::move(Err);
  return Ev.eval(E);
}
