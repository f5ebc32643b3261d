//===- Dssp.cpp - DSSP secondary structure --------------------------------===//
//
// Each step follows mkdssp 4.2.2 (libdssp's dssp.cpp) rule for rule, in its
// order and with its arithmetic types, because ties and boundary cases are
// settled by that order: bridges are found for rows i ascending, then j
// ascending, each extending the first earlier bridge it continues; ladders
// are sorted by (label_asym_id, first i) with std::sort as mkdssp does (the
// order of equal keys is then that of the same algorithm on the same
// sequence) and merged over bulges with mkdssp's unsigned differences;
// sheets are the connected sets of ladders sharing a residue, numbered in
// ladder order. Only the candidate pairs differ from mkdssp's all-pairs
// loop: a bridge (i, j) needs an H bond between {i-1, i, i+1} and
// {j-1, j, j+1}, so the j tried for each i are the bond partners of
// i-1..i+1, +-1; every other j would fail the test anyway.
//
// Persisted form (docs/passes.md, "dssp"): the hbonds arrays (HBonds.cpp),
// then per row ss, helix [R, 4], bend, bridge_partner [R, 2], ladder
// [R, 2], parallel [R, 2], sheet, tco, kappa, alpha, phi, psi and
// accessibility; attributes pp_stretch, prefer_pi, has_accessibility.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Dssp.h"

#include "SerializerSupport.h"

#include "qir/IR/Structure.h"
#include "qir/Pass/TableWriter.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <deque>
#include <limits>
#include <numeric>

using namespace qir;
using namespace llvm;

AnalysisKey DsspAnalysis::Key;

static constexpr StringLiteral AnalysisName = "dssp";

//===----------------------------------------------------------------------===//
// mkdssp's float geometry
//===----------------------------------------------------------------------===//

static DsspPoint sub(const DsspPoint &A, const DsspPoint &B) {
  return {A[0] - B[0], A[1] - B[1], A[2] - B[2]};
}
static float dot(const DsspPoint &A, const DsspPoint &B) {
  return A[0] * B[0] + A[1] * B[1] + A[2] * B[2];
}
static DsspPoint cross(const DsspPoint &A, const DsspPoint &B) {
  return {A[1] * B[2] - B[1] * A[2], A[2] * B[0] - B[2] * A[0],
          A[0] * B[1] - B[0] * A[1]};
}

float qir::dsspDihedral(const DsspPoint &P1, const DsspPoint &P2,
                        const DsspPoint &P3, const DsspPoint &P4) {
  DsspPoint V12 = sub(P1, P2), V43 = sub(P4, P3), Z = sub(P2, P3);
  DsspPoint P = cross(Z, V12), X = cross(Z, V43), Y = cross(Z, X);
  float U = dot(X, X), V = dot(Y, Y);
  float Result = 360;
  if (U > 0 && V > 0) {
    U = dot(P, X) / std::sqrt(U);
    V = dot(P, Y) / std::sqrt(V);
    if (U != 0 || V != 0)
      Result = std::atan2(V, U) * 180.f / static_cast<float>(numbers::pi);
  }
  return Result;
}

float qir::dsspCosAngle(const DsspPoint &P1, const DsspPoint &P2,
                        const DsspPoint &P3, const DsspPoint &P4) {
  DsspPoint V12 = sub(P1, P2), V34 = sub(P3, P4);
  float X = dot(V12, V12) * dot(V34, V34);
  return X > 0 ? dot(V12, V34) / std::sqrt(X) : 0.0f;
}

//===----------------------------------------------------------------------===//
// One state
//===----------------------------------------------------------------------===//

std::optional<DsspAnalysis::Options::Invalid>
DsspAnalysis::Options::validate() const {
  if (PPStretch != 2 && PPStretch != 3)
    return Invalid{"pp-stretch", "must be 2 or 3 (as mkdssp)"};
  if (Model < 0)
    return Invalid{"model", "must be a model number, or 0 for every model"};
  return std::nullopt;
}

namespace {

enum class BridgeType : uint8_t { None, Parallel, AntiParallel };

struct Bridge {
  BridgeType Type;
  uint32_t Sheet = 0, Ladder = 0;
  std::deque<uint32_t> I, J;
  StringRef ChainI, ChainJ; // label_asym_id
  // mkdssp's bridge::operator<.
  bool operator<(const Bridge &B) const {
    return ChainI < B.ChainI || (ChainI == B.ChainI && I.front() < B.I.front());
  }
};

constexpr uint8_t flag(DsspHelixFlag F) { return static_cast<uint8_t>(F); }

/// The rows of computed model K of Out.HB; writes those rows of \p Out.
class StateDssp {
public:
  StateDssp(Dssp &Out, size_t K, const DsspModelRows &M, int64_t PPStretch,
            bool PreferPi, std::vector<DsspLadder> *Ladders)
      : Ladders(Ladders), HB(Out.HB), First(Out.HB.rowBegin(K)),
        NR(Out.HB.rowEnd(K) - Out.HB.rowBegin(K)), PPStretch(PPStretch),
        PreferPi(PreferPi), Out(Out), N(M.N), CA(M.CA), C(M.C), Ox(M.O),
        Asym(M.Asym), SeqId(M.SeqId) {
    assert(M.N.size() == NR && M.CA.size() == NR && M.C.size() == NR &&
           M.O.size() == NR && M.Asym.size() == NR && M.SeqId.size() == NR);
  }

  void run() {
    geometry();
    betaSheets();
    helices();
    polyProline();
  }

private:
  /// mkdssp's NoChainBreak for rows A <= B.
  bool unbroken(uint32_t A, uint32_t B) const {
    return Asym[A] == Asym[B] &&
           HB.Number[First + B] - HB.Number[First + A] == int32_t(B - A);
  }
  /// mkdssp's TestBond: N-H of \p D bonds C=O of \p A.
  bool bond(uint32_t D, uint32_t A) const {
    return HB.bonded(First + D, First + A);
  }
  char &ss(uint32_t K) { return Out.SS[First + K]; }
  uint8_t &helix(uint32_t K, unsigned Kind) {
    return Out.Helix[First + K][Kind];
  }
  bool helixStart(uint32_t K, unsigned Kind) {
    uint8_t F = helix(K, Kind);
    return F == flag(DsspHelixFlag::Start) ||
           F == flag(DsspHelixFlag::StartAndEnd);
  }

  void geometry();
  BridgeType testBridge(uint32_t I, uint32_t J) const;
  void betaSheets();
  void helices();
  void polyProline();

  std::vector<DsspLadder> *Ladders;
  const HBonds &HB;
  const uint32_t First, NR;
  const int64_t PPStretch;
  const bool PreferPi;
  Dssp &Out;
  ArrayRef<DsspPoint> N, CA, C, Ox;
  ArrayRef<std::string> Asym;
  ArrayRef<int32_t> SeqId;
  // mkdssp's values with their undefined markers (360, TCO 0).
  std::vector<float> Kappa, Phi, Psi;
};

void StateDssp::geometry() {
  const float NaN = std::numeric_limits<float>::quiet_NaN();
  Kappa.assign(NR, 360);
  Phi.assign(NR, 360);
  Psi.assign(NR, 360);
  for (uint32_t I = 0; I < NR; ++I) {
    const uint32_t Row = First + I;
    if (I >= 2 && I + 2 < NR && unbroken(I - 2, I + 2) &&
        SeqId[I - 2] + 4 == SeqId[I + 2]) {
      float CKap = dsspCosAngle(CA[I], CA[I - 2], CA[I + 2], CA[I]);
      float SKap = std::sqrt(1 - CKap * CKap);
      Kappa[I] = std::atan2(SKap, CKap) * static_cast<float>(180 / numbers::pi);
    }
    if (I + 1 < NR && unbroken(I, I + 1))
      Psi[I] = dsspDihedral(N[I], CA[I], C[I], N[I + 1]);
    if (I > 0 && unbroken(I - 1, I)) {
      Out.TCO[Row] = dsspCosAngle(C[I], Ox[I], C[I - 1], Ox[I - 1]);
      Phi[I] = dsspDihedral(C[I - 1], N[I], CA[I], C[I]);
    }
    if (I >= 1 && I + 2 < NR && unbroken(I - 1, I + 2))
      Out.Alpha[Row] = dsspDihedral(CA[I - 1], CA[I], CA[I + 1], CA[I + 2]);
    else
      Out.Alpha[Row] = NaN;
    Out.Kappa[Row] = Kappa[I] == 360 ? NaN : Kappa[I];
    Out.Phi[Row] = Phi[I] == 360 ? NaN : Phi[I];
    Out.Psi[Row] = Psi[I] == 360 ? NaN : Psi[I];
    if (Out.Alpha[Row] == 360)
      Out.Alpha[Row] = NaN;
  }
}

BridgeType StateDssp::testBridge(uint32_t I, uint32_t J) const {
  //   I.  a   d    II.  a   d        parallel
  //        \   \        /   /
  //       b   e        b   e
  //        \   \      /   /
  //       c   f      c   f
  //
  //   III. a <- f   IV. a   f        antiparallel
  //        b    e       b <-> e
  //        c -> d       c   d
  const uint32_t A = I - 1, B = I, Cc = I + 1, D = J - 1, E = J, F = J + 1;
  if (!unbroken(A, Cc) || !unbroken(D, F))
    return BridgeType::None;
  if ((bond(Cc, E) && bond(E, A)) || (bond(F, B) && bond(B, D)))
    return BridgeType::Parallel;
  if ((bond(Cc, D) && bond(F, A)) || (bond(E, B) && bond(B, E)))
    return BridgeType::AntiParallel;
  return BridgeType::None;
}

void StateDssp::betaSheets() {
  // Bond partners (either direction) of every row, from the acceptor slots.
  std::vector<SmallVector<uint32_t, 4>> Partners(NR);
  for (uint32_t D = 0; D < NR; ++D)
    for (int K = 0; K < 2; ++K) {
      int32_t A = HB.Acceptor[First + D][K];
      if (A >= 0 && bond(D, uint32_t(A - int32_t(First)))) {
        Partners[D].push_back(uint32_t(A) - First);
        Partners[uint32_t(A) - First].push_back(D);
      }
    }

  std::vector<Bridge> Bridges;
  std::vector<uint32_t> Candidates;
  for (uint32_t I = 1; I + 4 < NR; ++I) {
    Candidates.clear();
    for (uint32_t X = I - 1; X <= I + 1; ++X)
      for (uint32_t P : Partners[X])
        for (int64_t J = int64_t(P) - 1; J <= int64_t(P) + 1; ++J)
          if (J >= int64_t(I) + 3 && J + 1 < int64_t(NR))
            Candidates.push_back(uint32_t(J));
    llvm::sort(Candidates);
    Candidates.erase(std::unique(Candidates.begin(), Candidates.end()),
                     Candidates.end());
    for (uint32_t J : Candidates) {
      BridgeType Type = testBridge(I, J);
      if (Type == BridgeType::None)
        continue;
      bool Found = false;
      for (Bridge &Br : Bridges) {
        if (Type != Br.Type || I != Br.I.back() + 1)
          continue;
        if (Type == BridgeType::Parallel && Br.J.back() + 1 == J) {
          Br.I.push_back(I);
          Br.J.push_back(J);
          Found = true;
          break;
        }
        if (Type == BridgeType::AntiParallel && Br.J.front() - 1 == J) {
          Br.I.push_back(I);
          Br.J.push_front(J);
          Found = true;
          break;
        }
      }
      if (!Found) {
        Bridge Br;
        Br.Type = Type;
        Br.I.push_back(I);
        Br.ChainI = Asym[I];
        Br.J.push_back(J);
        Br.ChainJ = Asym[J];
        Bridges.push_back(std::move(Br));
      }
    }
  }

  // Ladders over bulges. std::sort, not a stable sort: mkdssp's order.
  std::sort(Bridges.begin(), Bridges.end());
  for (uint32_t I = 0; I < Bridges.size(); ++I) {
    for (uint32_t J = I + 1; J < Bridges.size(); ++J) {
      uint32_t Ibi = Bridges[I].I.front(), Iei = Bridges[I].I.back();
      uint32_t Jbi = Bridges[I].J.front(), Jei = Bridges[I].J.back();
      uint32_t Ibj = Bridges[J].I.front(), Iej = Bridges[J].I.back();
      uint32_t Jbj = Bridges[J].J.front(), Jej = Bridges[J].J.back();
      // Unsigned differences, as mkdssp: a "negative" one is huge.
      if (Bridges[I].Type != Bridges[J].Type ||
          !unbroken(std::min(Ibi, Ibj), std::max(Iei, Iej)) ||
          !unbroken(std::min(Jbi, Jbj), std::max(Jei, Jej)) || Ibj - Iei >= 6 ||
          (Iei >= Ibj && Ibi <= Iej))
        continue;
      bool Bulge;
      if (Bridges[I].Type == BridgeType::Parallel)
        Bulge = (Jbj - Jei < 6 && Ibj - Iei < 3) || (Jbj - Jei < 3);
      else
        Bulge = (Jbi - Jej < 6 && Ibj - Iei < 3) || (Jbi - Jej < 3);
      if (!Bulge)
        continue;
      Bridge &To = Bridges[I];
      const Bridge &From = Bridges[J];
      To.I.insert(To.I.end(), From.I.begin(), From.I.end());
      if (To.Type == BridgeType::Parallel)
        To.J.insert(To.J.end(), From.J.begin(), From.J.end());
      else
        To.J.insert(To.J.begin(), From.J.begin(), From.J.end());
      Bridges.erase(Bridges.begin() + J);
      --J;
    }
  }

  // Sheets: ladders sharing a residue, transitively. A sheet's ladders are
  // numbered in ladder order; sheets in the order of their first ladder.
  const uint32_t NB = static_cast<uint32_t>(Bridges.size());
  std::vector<uint32_t> Parent(NB);
  std::iota(Parent.begin(), Parent.end(), 0);
  auto Find = [&](uint32_t X) {
    while (Parent[X] != X)
      X = Parent[X] = Parent[Parent[X]];
    return X;
  };
  std::vector<uint32_t> LadderOfRow(NR, UINT32_MAX);
  for (uint32_t B = 0; B < NB; ++B)
    for (const std::deque<uint32_t> *Side : {&Bridges[B].I, &Bridges[B].J})
      for (uint32_t Row : *Side) {
        if (LadderOfRow[Row] == UINT32_MAX)
          LadderOfRow[Row] = B;
        else
          Parent[Find(B)] = Find(LadderOfRow[Row]);
      }
  std::vector<uint32_t> SheetOfRoot(NB, 0);
  uint32_t NextSheet = 1;
  for (uint32_t B = 0; B < NB; ++B) {
    uint32_t Root = Find(B);
    if (!SheetOfRoot[Root])
      SheetOfRoot[Root] = NextSheet++;
    Bridges[B].Sheet = SheetOfRoot[Root];
  }
  uint32_t NextLadder = 0;
  for (uint32_t Sh = 1; Sh < NextSheet; ++Sh)
    for (Bridge &Br : Bridges)
      if (Br.Sheet == Sh)
        Br.Ladder = NextLadder++;

  // Partners, codes and sheets, ladder after ladder in ladder-list order.
  for (const Bridge &Br : Bridges) {
    auto Taken = [&](const std::deque<uint32_t> &Side) {
      for (uint32_t Row : Side)
        if (Out.BridgePartner[First + Row][0] >= 0)
          return 1;
      return 0;
    };
    const int BetaI = Taken(Br.I), BetaJ = Taken(Br.J);
    const bool Par = Br.Type == BridgeType::Parallel;
    auto Set = [&](uint32_t Row, int Slot, uint32_t Partner) {
      Out.BridgePartner[First + Row][Slot] = int32_t(First + Partner);
      Out.Ladder[First + Row][Slot] = Br.Ladder;
      Out.Parallel[First + Row][Slot] = Par;
    };
    if (Par) {
      for (size_t K = 0; K < Br.I.size(); ++K)
        Set(Br.I[K], BetaI, Br.J[K]);
      for (size_t K = 0; K < Br.J.size(); ++K)
        Set(Br.J[K], BetaJ, Br.I[K]);
    } else {
      for (size_t K = 0; K < Br.I.size(); ++K)
        Set(Br.I[K], BetaI, Br.J[Br.J.size() - 1 - K]);
      for (size_t K = 0; K < Br.J.size(); ++K)
        Set(Br.J[K], BetaJ, Br.I[Br.I.size() - 1 - K]);
    }
    if (Ladders) {
      DsspLadder L;
      L.Parallel = Par;
      L.Ladder = Br.Ladder;
      L.Sheet = Br.Sheet;
      for (uint32_t Row : Br.I)
        L.I.push_back(First + Row);
      for (uint32_t Row : Br.J)
        L.J.push_back(First + Row);
      Ladders->push_back(std::move(L));
    }
    const char Code = Br.I.size() > 1 ? 'E' : 'B';
    for (const std::deque<uint32_t> *Side : {&Br.I, &Br.J})
      for (uint32_t Row = Side->front(); Row <= Side->back(); ++Row) {
        if (ss(Row) != 'E')
          ss(Row) = Code;
        Out.Sheet[First + Row] = Br.Sheet;
      }
  }
}

void StateDssp::helices() {
  for (unsigned Kind : {DsspHelix3, DsspHelix4, DsspHelix5}) {
    const uint32_t Stride = Kind + 3;
    for (uint32_t I = 0; I + Stride < NR; ++I) {
      if (!unbroken(I, I + Stride) || !bond(I + Stride, I))
        continue;
      helix(I + Stride, Kind) = flag(DsspHelixFlag::End);
      for (uint32_t J = I + 1; J < I + Stride; ++J)
        if (helix(J, Kind) == flag(DsspHelixFlag::None))
          helix(J, Kind) = flag(DsspHelixFlag::Middle);
      helix(I, Kind) = helix(I, Kind) == flag(DsspHelixFlag::End)
                           ? flag(DsspHelixFlag::StartAndEnd)
                           : flag(DsspHelixFlag::Start);
    }
  }
  for (uint32_t I = 0; I < NR; ++I)
    Out.Bend[First + I] = Kappa[I] != 360 && Kappa[I] > 70;

  for (uint32_t I = 1; I + 4 < NR; ++I)
    if (helixStart(I, DsspHelix4) && helixStart(I - 1, DsspHelix4))
      for (uint32_t J = I; J <= I + 3; ++J)
        ss(J) = 'H';

  for (uint32_t I = 1; I + 3 < NR; ++I)
    if (helixStart(I, DsspHelix3) && helixStart(I - 1, DsspHelix3)) {
      bool Empty = true;
      for (uint32_t J = I; Empty && J <= I + 2; ++J)
        Empty = ss(J) == ' ' || ss(J) == 'G';
      if (Empty)
        for (uint32_t J = I; J <= I + 2; ++J)
          ss(J) = 'G';
    }

  for (uint32_t I = 1; I + 5 < NR; ++I)
    if (helixStart(I, DsspHelix5) && helixStart(I - 1, DsspHelix5)) {
      bool Empty = true;
      for (uint32_t J = I; Empty && J <= I + 4; ++J)
        Empty = ss(J) == ' ' || ss(J) == 'I' || (PreferPi && ss(J) == 'H');
      if (Empty)
        for (uint32_t J = I; J <= I + 4; ++J)
          ss(J) = 'I';
    }

  for (uint32_t I = 1; I + 1 < NR; ++I) {
    if (ss(I) != ' ')
      continue;
    bool Turn = false;
    for (unsigned Kind : {DsspHelix3, DsspHelix4, DsspHelix5})
      for (uint32_t K = 1; K < Kind + 3 && !Turn; ++K)
        Turn = I >= K && helixStart(I - K, Kind);
    if (Turn)
      ss(I) = 'T';
    else if (Out.Bend[First + I])
      ss(I) = 'S';
  }
}

void StateDssp::polyProline() {
  const float Epsilon = 29;
  const float PhiMin = -75 - Epsilon, PhiMax = -75 + Epsilon;
  const float PsiMin = 145 - Epsilon, PsiMax = 145 + Epsilon;
  // mkdssp copies phi and psi of rows 1 .. N-2; the ends stay 0.
  std::vector<float> Ph(NR, 0), Ps(NR, 0);
  for (uint32_t I = 1; I + 1 < NR; ++I) {
    Ph[I] = Phi[I];
    Ps[I] = Psi[I];
  }
  auto In = [&](uint32_t I) {
    return !(PhiMin > Ph[I] || Ph[I] > PhiMax) &&
           !(PsiMin > Ps[I] || Ps[I] > PsiMax);
  };
  auto PP = [&](uint32_t I) -> uint8_t & { return helix(I, DsspHelixPP); };
  for (uint32_t I = 1; I + 3 < NR; ++I) {
    if (PPStretch == 2) {
      if (!In(I) || !In(I + 1))
        continue;
      if (PP(I) == flag(DsspHelixFlag::None))
        PP(I) = flag(DsspHelixFlag::Start);
      else if (PP(I) == flag(DsspHelixFlag::End))
        PP(I) = flag(DsspHelixFlag::Middle);
      PP(I + 1) = flag(DsspHelixFlag::End);
      for (uint32_t J = I; J <= I + 1; ++J)
        if (ss(J) == ' ')
          ss(J) = 'P';
    } else {
      if (!In(I) || !In(I + 1) || !In(I + 2))
        continue;
      if (PP(I) == flag(DsspHelixFlag::None))
        PP(I) = flag(DsspHelixFlag::Start);
      else if (PP(I) == flag(DsspHelixFlag::End))
        PP(I) = flag(DsspHelixFlag::StartAndEnd);
      PP(I + 1) = flag(DsspHelixFlag::Middle);
      PP(I + 2) = flag(DsspHelixFlag::End);
      for (uint32_t J = I; J <= I + 2; ++J)
        if (ss(J) == ' ')
          ss(J) = 'P';
    }
  }
}

} // namespace

void qir::dsspAllocate(Dssp &R) {
  const size_t NR = R.HB.numRows();
  const float NaN = std::numeric_limits<float>::quiet_NaN();
  R.SS.assign(NR, ' ');
  R.Helix.assign(NR, {0, 0, 0, 0});
  R.Bend.assign(NR, 0);
  R.BridgePartner.assign(NR, {-1, -1});
  R.Ladder.assign(NR, {0, 0});
  R.Parallel.assign(NR, {0, 0});
  R.Sheet.assign(NR, 0);
  for (std::vector<float> *V :
       {&R.TCO, &R.Kappa, &R.Alpha, &R.Phi, &R.Psi, &R.Accessibility})
    V->assign(NR, NaN);
}

void qir::dsspAssignModel(Dssp &R, size_t K, const DsspModelRows &M,
                          std::vector<DsspLadder> *Ladders) {
  StateDssp(R, K, M, R.PPStretch, R.PreferPi, Ladders).run();
}

std::vector<DsspLadder> qir::dsspLadders(const Structure &S, const Dssp &R,
                                         size_t K) {
  Dssp Scratch;
  Scratch.HB = R.HB;
  Scratch.PPStretch = R.PPStretch;
  Scratch.PreferPi = R.PreferPi;
  dsspAllocate(Scratch);
  std::vector<DsspLadder> Out;
  dsspAssignModel(Scratch, K, dsspModelRows(S, Scratch.HB, K), &Out);
  return Out;
}

DsspModelRows qir::dsspModelRows(const Structure &S, const HBonds &HB,
                                 size_t K) {
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  const uint32_t State = HB.States[K];
  DsspModelRows M;
  for (uint32_t Row = HB.rowBegin(K); Row < HB.rowEnd(K); ++Row) {
    const uint32_t R = HB.Residue[Row];
    const DsspBackbone B = dsspBackbone(S, State, R);
    M.N.push_back(S.position(State, B.N));
    M.CA.push_back(S.position(State, B.CA));
    M.C.push_back(S.position(State, B.C));
    M.O.push_back(S.position(State, B.O));
    M.Asym.push_back(Ch.LabelId[Res.Chain[R]].str().str());
    M.SeqId.push_back(Res.LabelSeq[R]);
  }
  return M;
}

Dssp DsspAnalysis::run(const Structure &S, const Options &O,
                       AnalysisManager &AM) {
  HBondsAnalysis::Options HO;
  HO.Model = O.Model;
  Dssp Out;
  Out.HB = AM.getResult<HBondsAnalysis>(S, HO);
  Out.PPStretch = O.PPStretch;
  Out.PreferPi = O.PreferPi;
  Out.HasAccessibility = O.Accessibility;
  dsspAllocate(Out);
  for (size_t K = 0; K < Out.HB.States.size(); ++K) {
    dsspAssignModel(Out, K, dsspModelRows(S, Out.HB, K));
    if (!O.Accessibility)
      continue;
    const uint32_t B = Out.HB.rowBegin(K), E = Out.HB.rowEnd(K);
    std::vector<float> Acc = dsspAccessibility(
        S, Out.HB.States[K], ArrayRef<uint32_t>(Out.HB.Residue).slice(B, E - B),
        AM.execution().Threads);
    std::copy(Acc.begin(), Acc.end(), Out.Accessibility.begin() + B);
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// print
//===----------------------------------------------------------------------===//

char qir::dsspHelixFlagChar(uint8_t F, unsigned Kind, char None) {
  switch (static_cast<DsspHelixFlag>(F)) {
  case DsspHelixFlag::None:
    return None;
  case DsspHelixFlag::Start:
    return '>';
  case DsspHelixFlag::End:
    return '<';
  case DsspHelixFlag::StartAndEnd:
    return 'X';
  case DsspHelixFlag::Middle:
    return Kind == DsspHelixPP ? 'P' : char('3' + Kind);
  }
  return '?';
}

void DsspAnalysis::print(raw_ostream &OS, const Structure &S, const Result &R,
                         const PrintOptions &) {
  const HBonds &HB = R.HB;
  TableWriter T(OS);
  std::vector<std::string> Columns = TableWriter::residueColumns();
  Columns.insert(Columns.end(),
                 {"ss",      "nr",          "helix_3", "helix_4",
                  "helix_5", "ppii",        "bend",    "chirality",
                  "bp1",     "bp2",         "label1",  "label2",
                  "sheet",   "acc",         "nho1",    "nho1_energy",
                  "onh1",    "onh1_energy", "nho2",    "nho2_energy",
                  "onh2",    "onh2_energy", "tco",     "kappa",
                  "alpha",   "phi",         "psi"});
  T.header(Columns);
  auto Char = [&](char C) {
    T.text(C == ' ' ? StringRef() : StringRef(&C, 1));
  };
  for (size_t K = 0; K < HB.States.size(); ++K)
    for (uint32_t Row = HB.rowBegin(K); Row < HB.rowEnd(K); ++Row) {
      T.residue(S, HB.States[K], HB.Residue[Row]);
      const char SS = R.SS[Row] == ' ' ? '-' : R.SS[Row];
      T.text(StringRef(&SS, 1)).integer(HB.Number[Row]);
      for (unsigned Kind : {DsspHelix3, DsspHelix4, DsspHelix5, DsspHelixPP})
        Char(dsspHelixFlagChar(R.Helix[Row][Kind], Kind, '.'));
      Char(R.Bend[Row] ? 'S' : ' ');
      float Alpha = R.Alpha[Row];
      Char(std::isnan(Alpha) ? ' ' : Alpha < 0 ? '-' : '+');
      for (int Slot = 0; Slot < 2; ++Slot) {
        int32_t P = R.BridgePartner[Row][Slot];
        if (P < 0)
          T.missing();
        else
          T.integer(HB.Number[P]);
      }
      for (int Slot = 0; Slot < 2; ++Slot) {
        if (R.BridgePartner[Row][Slot] < 0) {
          T.missing();
          continue;
        }
        char L = char((R.Parallel[Row][Slot] ? 'a' : 'A') +
                      R.Ladder[Row][Slot] % 26);
        Char(L);
      }
      if (R.Sheet[Row])
        T.integer(R.Sheet[Row]);
      else
        T.missing();
      T.fixed(R.Accessibility[Row], 3);
      auto Partner = [&](int32_t P, double E) {
        if (P < 0) {
          T.missing().missing();
          return;
        }
        T.integer(int64_t(HB.Number[P]) - HB.Number[Row]).fixed(E, 3);
      };
      for (int Slot = 0; Slot < 2; ++Slot) {
        Partner(HB.Acceptor[Row][Slot], HB.AcceptorEnergy[Row][Slot]);
        Partner(HB.Donor[Row][Slot], HB.DonorEnergy[Row][Slot]);
      }
      T.fixed(R.TCO[Row], 3)
          .fixed(R.Kappa[Row], 3)
          .fixed(R.Alpha[Row], 3)
          .fixed(R.Phi[Row], 3)
          .fixed(R.Psi[Row], 3)
          .endRow();
    }
}

//===----------------------------------------------------------------------===//
// Persisted form
//===----------------------------------------------------------------------===//

template <typename T, size_t N>
static std::vector<T> flat(ArrayRef<std::array<T, N>> V) {
  std::vector<T> Out;
  Out.reserve(V.size() * N);
  for (const std::array<T, N> &E : V)
    Out.insert(Out.end(), E.begin(), E.end());
  return Out;
}

template <typename T, size_t N>
static std::vector<std::array<T, N>> unflat(const std::vector<T> &V) {
  std::vector<std::array<T, N>> Out(V.size() / N);
  for (size_t I = 0; I < Out.size(); ++I)
    for (size_t K = 0; K < N; ++K)
      Out[I][K] = V[I * N + K];
  return Out;
}

Error DsspAnalysis::write(ResultSink &Sink, const Result &R) {
  const uint64_t NR = R.numRows();
  if (Error E = writeHBondArrays(Sink, R.HB))
    return E;
  if (Error E = Sink.setAttribute("pp_stretch", R.PPStretch))
    return E;
  if (Error E = Sink.setAttribute("prefer_pi", int64_t(R.PreferPi)))
    return E;
  if (Error E =
          Sink.setAttribute("has_accessibility", int64_t(R.HasAccessibility)))
    return E;
  std::vector<uint8_t> SS(R.SS.begin(), R.SS.end());
  if (Error E = Sink.write<uint8_t>("ss", SS))
    return E;
  if (Error E =
          Sink.write<uint8_t>("helix", flat<uint8_t, 4>(R.Helix), {NR, 4}))
    return E;
  if (Error E = Sink.write<uint8_t>("bend", R.Bend))
    return E;
  if (Error E = Sink.write<int32_t>("bridge_partner",
                                    flat<int32_t, 2>(R.BridgePartner), {NR, 2}))
    return E;
  if (Error E =
          Sink.write<uint32_t>("ladder", flat<uint32_t, 2>(R.Ladder), {NR, 2}))
    return E;
  if (Error E = Sink.write<uint8_t>("parallel", flat<uint8_t, 2>(R.Parallel),
                                    {NR, 2}))
    return E;
  if (Error E = Sink.write<uint32_t>("sheet", R.Sheet))
    return E;
  for (auto [Name, V] :
       {std::make_pair("tco", &R.TCO), std::make_pair("kappa", &R.Kappa),
        std::make_pair("alpha", &R.Alpha), std::make_pair("phi", &R.Phi),
        std::make_pair("psi", &R.Psi),
        std::make_pair("accessibility", &R.Accessibility)})
    if (Error E = Sink.write<float>(Name, *V))
      return E;
  return Error::success();
}

Expected<Dssp> DsspAnalysis::read(ResultSource &Source, const Structure &S) {
  Dssp R;
  Expected<HBonds> HB = readHBondArrays(Source, S, AnalysisName);
  if (!HB)
    return HB.takeError();
  R.HB = std::move(*HB);
  const uint64_t NR = R.HB.numRows();
  Expected<int64_t> PP = Source.getInt("pp_stretch");
  if (!PP)
    return serial::malformed(AnalysisName, toString(PP.takeError()));
  if (*PP != 2 && *PP != 3)
    return serial::malformed(AnalysisName, "pp_stretch is not 2 or 3");
  R.PPStretch = *PP;
  for (auto [Name, Flag] :
       {std::make_pair("prefer_pi", &R.PreferPi),
        std::make_pair("has_accessibility", &R.HasAccessibility)}) {
    Expected<int64_t> V = Source.getInt(Name);
    if (!V)
      return serial::malformed(AnalysisName, toString(V.takeError()));
    if (*V != 0 && *V != 1)
      return serial::malformed(AnalysisName, Twine(Name) + " is not 0 or 1");
    *Flag = *V;
  }
  std::vector<uint8_t> SS, Helix, Par;
  std::vector<int32_t> Partner;
  std::vector<uint32_t> Ladder;
  if (Error E = serial::readShaped(Source, AnalysisName, "ss", SS, {NR}))
    return E;
  R.SS.assign(SS.begin(), SS.end());
  if (Error E =
          serial::readShaped(Source, AnalysisName, "helix", Helix, {NR, 4}))
    return E;
  R.Helix = unflat<uint8_t, 4>(Helix);
  if (Error E = serial::readShaped(Source, AnalysisName, "bend", R.Bend, {NR}))
    return E;
  if (Error E = serial::readShaped(Source, AnalysisName, "bridge_partner",
                                   Partner, {NR, 2}))
    return E;
  R.BridgePartner = unflat<int32_t, 2>(Partner);
  if (Error E =
          serial::readShaped(Source, AnalysisName, "ladder", Ladder, {NR, 2}))
    return E;
  R.Ladder = unflat<uint32_t, 2>(Ladder);
  if (Error E =
          serial::readShaped(Source, AnalysisName, "parallel", Par, {NR, 2}))
    return E;
  R.Parallel = unflat<uint8_t, 2>(Par);
  if (Error E =
          serial::readShaped(Source, AnalysisName, "sheet", R.Sheet, {NR}))
    return E;
  for (auto [Name, V] :
       {std::make_pair("tco", &R.TCO), std::make_pair("kappa", &R.Kappa),
        std::make_pair("alpha", &R.Alpha), std::make_pair("phi", &R.Phi),
        std::make_pair("psi", &R.Psi),
        std::make_pair("accessibility", &R.Accessibility)})
    if (Error E = serial::readShaped(Source, AnalysisName, Name, *V, {NR}))
      return E;

  // Values in their ranges, partners in the same model.
  auto Bad = [&](uint32_t Row, const Twine &What) {
    return serial::malformed(AnalysisName, "row " + Twine(Row) + " " + What);
  };
  for (size_t K = 0; K < R.HB.States.size(); ++K)
    for (uint32_t Row = R.HB.rowBegin(K); Row < R.HB.rowEnd(K); ++Row) {
      if (!StringRef("HBEGIPTS ").contains(R.SS[Row]))
        return Bad(Row, "has an unknown structure code");
      for (uint8_t F : R.Helix[Row])
        if (F > flag(DsspHelixFlag::Middle))
          return Bad(Row, "has an unknown helix flag");
      if (R.Bend[Row] > 1)
        return Bad(Row, "has a bend flag other than 0 or 1");
      for (int Slot = 0; Slot < 2; ++Slot) {
        int32_t P = R.BridgePartner[Row][Slot];
        bool Ok = P < 0 ? P == -1 && R.Ladder[Row][Slot] == 0 &&
                              R.Parallel[Row][Slot] == 0
                        : P >= int32_t(R.HB.rowBegin(K)) &&
                              P < int32_t(R.HB.rowEnd(K)) &&
                              P != int32_t(Row) && R.Parallel[Row][Slot] <= 1;
        if (!Ok)
          return Bad(Row, "has an invalid bridge partner slot");
      }
      auto Angle = [](float V, float Lo, float Hi) {
        return std::isnan(V) || (V >= Lo && V <= Hi);
      };
      if (!Angle(R.Phi[Row], -180, 180) || !Angle(R.Psi[Row], -180, 180) ||
          !Angle(R.Alpha[Row], -180, 180) || !Angle(R.Kappa[Row], 0, 180) ||
          !Angle(R.TCO[Row], -1.0001f, 1.0001f))
        return Bad(Row, "has an angle out of range");
      float A = R.Accessibility[Row];
      if (R.HasAccessibility ? !(A >= 0) : !std::isnan(A))
        return Bad(Row, "has an invalid accessibility");
    }
  return R;
}
