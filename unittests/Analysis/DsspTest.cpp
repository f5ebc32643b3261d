//===- DsspTest.cpp - dssp analysis (DSSP secondary structure) ------------===//
//
// The rules on hand-built rows: H bonds set by hand in the acceptor slots
// (the patterns of Kabsch & Sander's figures), positions on a straight line
// (no bend, no PPII) or built from chosen phi/psi; the codes, flags,
// partners, ladders and sheets expected are worked out from the rules in
// the comments. The float geometry and the dot surface on points placed by
// hand. write/read round trips and damaged bodies on real files.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Dssp.h"
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/ResultBuffer.h"

#include "gtest/gtest.h"

#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

using namespace qir;
using namespace llvm;

namespace {

constexpr double Pi = 3.141592653589793238462643383279502884;

// ---- geometry -------------------------------------------------------------

TEST(DsspGeometry, Dihedral) {
  // P1 on +x, P2 at 0, P3 on +z, P4 at 60 degrees counter-clockwise seen
  // from +z: the IUPAC dihedral is +60 (clockwise looking down P2->P3).
  const float C60 = 0.5f, S60 = float(std::sqrt(3.0) / 2);
  EXPECT_NEAR(dsspDihedral({1, 0, 0}, {0, 0, 0}, {0, 0, 1}, {C60, S60, 1}),
              60.0, 1e-4);
  EXPECT_NEAR(dsspDihedral({1, 0, 0}, {0, 0, 0}, {0, 0, 1}, {C60, -S60, 1}),
              -60.0, 1e-4);
  EXPECT_NEAR(dsspDihedral({1, 0, 0}, {0, 0, 0}, {0, 0, 1}, {-1, 0, 1}), 180.0,
              1e-4);
  // Collinear points: undefined, mkdssp's 360.
  EXPECT_EQ(dsspDihedral({0, 0, -1}, {0, 0, 0}, {0, 0, 1}, {0, 0, 2}), 360.0f);
}

TEST(DsspGeometry, CosAngle) {
  // (P1 - P2) = (1, 0, 0), (P3 - P4) = (1, 1, 0): cos 45.
  EXPECT_NEAR(dsspCosAngle({1, 0, 0}, {0, 0, 0}, {1, 1, 0}, {0, 0, 0}),
              std::sqrt(0.5), 1e-6);
  EXPECT_NEAR(dsspCosAngle({0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 0, 0}),
              -std::sqrt(0.5), 1e-6);
  EXPECT_EQ(dsspCosAngle({1, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 0, 0}), 0.0f);
}

// ---- surface --------------------------------------------------------------

TEST(DsspSurface, Dots) {
  ArrayRef<DsspPoint> Dots = dsspSurfaceDots();
  ASSERT_EQ(Dots.size(), 401u);
  for (const DsspPoint &D : Dots)
    EXPECT_NEAR(D[0] * D[0] + D[1] * D[1] + D[2] * D[2], 1.0, 1e-5);
  // Latitudes asin(2i/401): the first dot is near the south pole, the
  // middle one on the equator.
  EXPECT_NEAR(Dots[0][2], -400.0 / 401, 1e-6);
  EXPECT_NEAR(Dots[200][2], 0.0, 1e-7);
  EXPECT_DOUBLE_EQ(dsspSurfaceDotWeight(), 4 * Pi / 401);
}

TEST(DsspSurface, AtomSurface) {
  // Alone (itself in the list is ignored): the whole sphere of radius
  // r + 1.4, 401 weights of 4 pi / 401.
  const float R = 1.8f;
  const double Full = 4 * Pi * (R + 1.4) * (R + 1.4);
  EXPECT_NEAR(dsspAtomSurface({0, 0, 0}, R, {{0, 0, 0}}, {R}), Full,
              Full * 1e-5);
  // A neighbour beyond r + r' + 2.8 covers nothing.
  EXPECT_NEAR(dsspAtomSurface({0, 0, 0}, R, {{6.7f, 0, 0}}, {1.8f}), Full,
              Full * 1e-5);
  // One at 3 A covers a cap: free dots lie outside its sphere of 3.2 A.
  // The dot at angle t from the +x axis is at distance
  // sqrt(3.2^2 + 3^2 - 2 * 3.2 * 3 cos t) from it, covered when cos t >
  // (3.2^2 + 9 - 3.2^2) / (2 * 3.2 * 3) = 0.46875: a cap of area
  // 2 pi 3.2^2 (1 - 0.46875) of the 4 pi 3.2^2 sphere, 26.6 %.
  float Half = dsspAtomSurface({0, 0, 0}, R, {{3, 0, 0}}, {1.8f});
  EXPECT_NEAR(Half / Full, 1 - (1 - 0.46875) / 2, 0.01);
  // Buried: neighbours 1.5 A away in all 26 grid directions.
  std::vector<DsspPoint> Cage;
  for (int X = -1; X <= 1; ++X)
    for (int Y = -1; Y <= 1; ++Y)
      for (int Z = -1; Z <= 1; ++Z)
        if (X || Y || Z) {
          double L = 1.5 / std::sqrt(double(X * X + Y * Y + Z * Z));
          Cage.push_back({float(X * L), float(Y * L), float(Z * L)});
        }
  EXPECT_EQ(dsspAtomSurface({0, 0, 0}, R, Cage,
                            std::vector<float>(Cage.size(), 1.8f)),
            0.0f);
}

// ---- the rules on hand-built rows -------------------------------------------

/// N rows of one chain numbered 1..N with CA 3.8 A apart on the x axis (all
/// atoms in the plane z = 0: every dihedral 0 or 180, no PPII; kappa 0, no
/// bend), and the given N-H(donor) -> O(acceptor) bonds, -2.0 kcal/mol.
struct Rows {
  Dssp R;
  DsspModelRows M;

  Rows(int N, ArrayRef<std::pair<int, int>> Bonds) {
    HBonds &HB = R.HB;
    HB.States = {0};
    HB.RowBegin = {0, uint32_t(N)};
    for (int I = 0; I < N; ++I) {
      HB.Residue.push_back(I);
      HB.Number.push_back(I + 1);
      HB.Break.push_back(I ? 0 : uint8_t(DsspBreak::NewChain));
      HB.H.push_back({0, 0, 0});
      M.Asym.push_back("A");
      M.SeqId.push_back(I + 1);
      float X = 3.8f * I;
      M.CA.push_back({X, 0, 0});
      M.N.push_back({X - 1.0f, 0.5f, 0});
      M.C.push_back({X + 1.0f, 0.5f, 0});
      M.O.push_back({X + 1.0f, 1.7f, 0});
    }
    HB.Acceptor.assign(N, {-1, -1});
    HB.Donor.assign(N, {-1, -1});
    HB.AcceptorEnergy.assign(N, {0, 0});
    HB.DonorEnergy.assign(N, {0, 0});
    for (auto [D, A] : Bonds) {
      int Slot = HB.Acceptor[D][0] < 0 ? 0 : 1;
      EXPECT_LT(HB.Acceptor[D][Slot], 0) << "more than two acceptors";
      HB.Acceptor[D][Slot] = A;
      HB.AcceptorEnergy[D][Slot] = -2.0;
    }
  }
  const Dssp &assign(int64_t PPStretch = 3, bool PreferPi = true) {
    R.PPStretch = PPStretch;
    R.PreferPi = PreferPi;
    dsspAllocate(R);
    dsspAssignModel(R, 0, M);
    return R;
  }
};

std::string codes(const Dssp &R) {
  return std::string(R.SS.begin(), R.SS.end());
}

/// DSSP's flag characters: '>' start, '<' end, 'X' both, '3' '4' '5' 'P'
/// inside.
std::string flags(const Dssp &R, unsigned Kind) {
  std::string S;
  for (const auto &H : R.Helix) {
    switch (static_cast<DsspHelixFlag>(H[Kind])) {
    case DsspHelixFlag::None:
      S += ' ';
      break;
    case DsspHelixFlag::Start:
      S += '>';
      break;
    case DsspHelixFlag::End:
      S += '<';
      break;
    case DsspHelixFlag::StartAndEnd:
      S += 'X';
      break;
    case DsspHelixFlag::Middle:
      S += Kind == DsspHelixPP ? 'P' : char('3' + Kind);
      break;
    }
  }
  return S;
}

/// n-turns at the given starts: N-H(i+n) -> O(i).
std::vector<std::pair<int, int>> turns(int Stride, ArrayRef<int> Starts) {
  std::vector<std::pair<int, int>> B;
  for (int I : Starts)
    B.push_back({I + Stride, I});
  return B;
}

TEST(DsspRules, AlphaHelix) {
  // 4-turns starting at rows 1..5: two consecutive starts at i-1 and i
  // (i = 2..5) make i..i+3 helical, rows 2..8. Row 1 starts the first turn
  // but only row 2 has a start before it; row 9 ends the last turn. Flags:
  // row 5 ends the turn from 1 and starts one (X); rows 6..9 end turns;
  // a middle mark never replaces an end.
  Rows T(12, turns(4, {1, 2, 3, 4, 5}));
  const Dssp &R = T.assign();
  EXPECT_EQ(codes(R), "  HHHHHHH   ");
  EXPECT_EQ(flags(R, DsspHelix4), " >>>>X<<<<  ");
  EXPECT_EQ(flags(R, DsspHelix3), "            ");
}

TEST(DsspRules, TurnsAndMinimalHelices) {
  // One 4-turn at row 2: no helix, rows 3..5 are T (the k = 1..3 rows
  // after its start). Two 3-turns at rows 6 and 7: G over 7..9; row 6,
  // a start with no start before it, stays loop.
  Rows T(14, {{6, 2}, {9, 6}, {10, 7}});
  const Dssp &R = T.assign();
  EXPECT_EQ(codes(R), "   TTT GGG    ");
  EXPECT_EQ(flags(R, DsspHelix4), "  >444<       ");
  EXPECT_EQ(flags(R, DsspHelix3), "      >>3<<   ");
}

TEST(DsspRules, PiHelixPriority) {
  // 4-turns at rows 1..3 give H at 2..6; 5-turns at rows 1..3 a pi helix
  // at 2..6 and 3..7. By default (prefer-pi, as mkdssp) I replaces H:
  // rows 2..7 are I. Without it the residues are not all loop and H stays;
  // row 7 (after the 5-turn starts at 3 and 4-turn start at 3) is T.
  std::vector<std::pair<int, int>> B = turns(4, {1, 2, 3});
  for (auto P : turns(5, {1, 2, 3}))
    B.push_back(P);
  Rows T(12, B);
  EXPECT_EQ(codes(T.assign(3, true)), "  IIIIII    ");
  EXPECT_EQ(codes(T.assign(3, false)), "  HHHHHT    ");
}

TEST(DsspRules, ThreeTenOnlyOverLoop) {
  // 4-turns at 1..3 (H at 2..6) and 3-turns at 4..6: the G at 5..7 and at
  // 6..8 would overlap the H, so there is none, and rows 7, 8 (within two
  // of the 3-turn start at 6) are T; 3-turns at 8, 9 give G at 9..11.
  std::vector<std::pair<int, int>> B = turns(4, {1, 2, 3});
  for (auto P : turns(3, {4, 5, 6, 8, 9}))
    B.push_back(P);
  Rows T(14, B);
  EXPECT_EQ(codes(T.assign()), "  HHHHHTTGGG  ");
}

/// Bonds both ways between the rows of each pair (antiparallel pattern IV).
std::vector<std::pair<int, int>> antiparallel(ArrayRef<std::pair<int, int>> P) {
  std::vector<std::pair<int, int>> B;
  for (auto [I, J] : P) {
    B.push_back({I, J});
    B.push_back({J, I});
  }
  return B;
}

TEST(DsspRules, AntiparallelLadder) {
  // Pairs (4, 15), (5, 14), (6, 13): one ladder of three bridges, E on
  // both strands, partners facing each other, label A, sheet 1.
  Rows T(20, antiparallel({{4, 15}, {5, 14}, {6, 13}}));
  const Dssp &R = T.assign();
  EXPECT_EQ(codes(R), "    EEE      EEE    ");
  for (auto [I, J] : {std::pair{4, 15}, {5, 14}, {6, 13}}) {
    EXPECT_EQ(R.BridgePartner[I][0], J);
    EXPECT_EQ(R.BridgePartner[J][0], I);
    EXPECT_EQ(R.Ladder[I][0], 0u);
    EXPECT_EQ(R.Parallel[I][0], 0);
    EXPECT_EQ(R.Sheet[I], 1u);
    EXPECT_EQ(R.Sheet[J], 1u);
    EXPECT_EQ(R.BridgePartner[I][1], -1);
  }
}

TEST(DsspRules, BulgeJoinsLadders) {
  // Ladders (4, 20)-(5, 19) and (8, 18)-(9, 17): on the first strand a gap
  // of 2 (5 -> 8), on the second of 0 (18 -> 19): mkdssp's bulge test
  // (jbi - jej = 19 - 18 < 3) merges them into one ladder; rows 6 and 7
  // are E (in the strand's range) without partners.
  Rows T(24, antiparallel({{4, 20}, {5, 19}, {8, 18}, {9, 17}}));
  const Dssp &R = T.assign();
  EXPECT_EQ(codes(R), "    EEEEEE       EEEE   ");
  EXPECT_EQ(R.BridgePartner[6][0], -1);
  EXPECT_EQ(R.Sheet[6], 1u);
  EXPECT_EQ(R.BridgePartner[8][0], 18);
  EXPECT_EQ(R.Ladder[8][0], 0u);
  EXPECT_EQ(R.Ladder[4][0], 0u);
}

TEST(DsspRules, NoBulgeOverLongGaps) {
  // Ladders (4, 24)-(5, 23) and (12, 22)-(13, 21): 12 - 5 >= 6, two
  // ladders; they share no residue: two sheets, labels A and B. (No bond
  // here links rows 3, 4 or 5 apart forwards, so there are no turns.)
  Rows T(28, antiparallel({{4, 24}, {5, 23}, {12, 22}, {13, 21}}));
  const Dssp &R = T.assign();
  EXPECT_EQ(codes(R), "    EE      EE       EEEE   ");
  EXPECT_EQ(R.Ladder[4][0], 0u);
  EXPECT_EQ(R.Ladder[12][0], 1u);
  EXPECT_EQ(R.Sheet[4], 1u);
  EXPECT_EQ(R.Sheet[12], 2u);
  EXPECT_EQ(R.BridgePartner[13][0], 21);
}

TEST(DsspRules, SheetOfTwoLadders) {
  // Row 10 pairs with 4 (antiparallel) and with 16 (antiparallel): two
  // ladders sharing row 10, one sheet; row 10 has both partners, in the
  // order the ladders were assigned.
  Rows T(22, antiparallel({{4, 10}, {10, 16}}));
  const Dssp &R = T.assign();
  EXPECT_EQ(codes(R), "    B     B     B     ");
  EXPECT_EQ(R.Sheet[4], 1u);
  EXPECT_EQ(R.Sheet[16], 1u);
  EXPECT_EQ(R.BridgePartner[10][0], 4);
  EXPECT_EQ(R.BridgePartner[10][1], 16);
  EXPECT_EQ(R.Ladder[10][0], 0u);
  EXPECT_EQ(R.Ladder[10][1], 1u);
}

TEST(DsspRules, ParallelBridge) {
  // Pattern I: N-H(i+1) -> O(j) and N-H(j) -> O(i-1), i = 5, j = 15: a
  // parallel bridge, B on both, lower-case label (Parallel set).
  Rows T(20, {{6, 15}, {15, 4}});
  const Dssp &R = T.assign();
  EXPECT_EQ(codes(R), "     B         B    ");
  EXPECT_EQ(R.BridgePartner[5][0], 15);
  EXPECT_EQ(R.BridgePartner[15][0], 5);
  EXPECT_EQ(R.Parallel[5][0], 1);
}

TEST(DsspRules, BreakStopsBridgesAndTurns) {
  // The parallel bridge of ParallelBridge with a number jump between rows
  // 4 and 5 (a break inside i-1..i+1): no bridge; the 4-turn at 8 (T at
  // 9..11) is not broken. With another jump between rows 10 and 11 the
  // turn spans a break and is no turn.
  Rows T(20, {{6, 15}, {15, 4}, {12, 8}});
  for (int I = 5; I < 20; ++I)
    T.R.HB.Number[I] += 1;
  const Dssp &R = T.assign();
  EXPECT_EQ(codes(R), "         TTT        ");
  T.R.HB.Number[10] += 1;
  for (int I = 11; I < 20; ++I)
    T.R.HB.Number[I] += 1;
  EXPECT_EQ(codes(T.assign()), std::string(20, ' '));
}

// ---- PPII on built coordinates ---------------------------------------------

using P3 = std::array<double, 3>;

/// NeRF: the point at distance L from C with angle B-C-D = Theta and
/// dihedral A-B-C-D = Phi (degrees).
P3 place(const P3 &A, const P3 &B, const P3 &C, double L, double Theta,
         double Phi) {
  auto Sub = [](P3 X, P3 Y) {
    return P3{X[0] - Y[0], X[1] - Y[1], X[2] - Y[2]};
  };
  auto Cross = [](P3 X, P3 Y) {
    return P3{X[1] * Y[2] - X[2] * Y[1], X[2] * Y[0] - X[0] * Y[2],
              X[0] * Y[1] - X[1] * Y[0]};
  };
  auto Unit = [](P3 X) {
    double N = std::sqrt(X[0] * X[0] + X[1] * X[1] + X[2] * X[2]);
    return P3{X[0] / N, X[1] / N, X[2] / N};
  };
  double T = Theta * Pi / 180, F = Phi * Pi / 180;
  P3 BC = Unit(Sub(C, B));
  P3 N = Unit(Cross(Sub(B, A), BC));
  P3 M = Cross(N, BC);
  P3 D2 = {-L * std::cos(T), L * std::sin(T) * std::cos(F),
           L * std::sin(T) * std::sin(F)};
  P3 Out;
  for (int K = 0; K < 3; ++K)
    Out[K] = C[K] + D2[0] * BC[K] + D2[1] * M[K] + D2[2] * N[K];
  return Out;
}

/// A backbone with the given phi/psi per residue (omega 180), ideal bond
/// lengths and angles; no H bonds.
Rows backbone(ArrayRef<std::pair<double, double>> PhiPsi) {
  const int N = int(PhiPsi.size());
  Rows T(N, {});
  std::vector<P3> Atoms = {{0, 1.4, 0}, {0, 0, 0}, {1.5, 0, 0}}; // N CA C
  for (int I = 1; I < N; ++I) {
    size_t K = Atoms.size();
    // N(i): psi(i-1) = N-CA-C-N; CA(i): omega; C(i): phi(i).
    Atoms.push_back(place(Atoms[K - 3], Atoms[K - 2], Atoms[K - 1], 1.33, 116,
                          PhiPsi[I - 1].second));
    Atoms.push_back(
        place(Atoms[K - 2], Atoms[K - 1], Atoms[K], 1.46, 122, 180));
    Atoms.push_back(place(Atoms[K - 1], Atoms[K], Atoms[K + 1], 1.52, 111,
                          PhiPsi[I].first));
  }
  auto F = [](const P3 &X) {
    return DsspPoint{float(X[0]), float(X[1]), float(X[2])};
  };
  for (int I = 0; I < N; ++I) {
    T.M.N[I] = F(Atoms[3 * I]);
    T.M.CA[I] = F(Atoms[3 * I + 1]);
    T.M.C[I] = F(Atoms[3 * I + 2]);
    // O in the peptide plane, opposite the next N (only TCO reads it).
    T.M.O[I] = F(place(Atoms[3 * I], Atoms[3 * I + 1], Atoms[3 * I + 2], 1.23,
                       121, PhiPsi[I].second + 180));
  }
  return T;
}

TEST(DsspRules, PolyProline) {
  // Fourteen residues at phi -75, psi 145 (the PPII centre) but row 8 with
  // psi 100 (out of [116, 174]). phi is defined from row 1, psi up to row
  // N-2, and mkdssp reads only rows 1..N-2.
  std::vector<std::pair<double, double>> PP(14, {-75, 145});
  PP[8] = {-75, 100};
  Rows T = backbone(PP);
  // The premise: no bend anywhere (kappa, the angle between CA(i-2)->CA(i)
  // and CA(i)->CA(i+2), below 70 degrees), so every residue not in a
  // window stays loop.
  for (int I = 2; I + 2 < 14; ++I) {
    double U[3], V[3], UV = 0, UU = 0, VV = 0;
    for (int K = 0; K < 3; ++K) {
      U[K] = double(T.M.CA[I][K]) - T.M.CA[I - 2][K];
      V[K] = double(T.M.CA[I + 2][K]) - T.M.CA[I][K];
      UV += U[K] * V[K];
      UU += U[K] * U[K];
      VV += V[K] * V[K];
    }
    ASSERT_LT(std::acos(UV / std::sqrt(UU * VV)) * 180 / Pi, 70) << I;
  }
  const Dssp &R = T.assign(3);
  EXPECT_NEAR(R.Phi[3], -75, 0.01);
  EXPECT_NEAR(R.Psi[3], 145, 0.01);
  EXPECT_NEAR(R.Psi[8], 100, 0.01);
  EXPECT_TRUE(std::isnan(R.Phi[0]));
  EXPECT_TRUE(std::isnan(R.Psi[13]));
  // Windows of three in range: 1..3 up to 5..7, then 9..11, 10..12 (row
  // 12 is N-2, the last mkdssp reads; windows start below N-3).
  EXPECT_EQ(codes(R), " PPPPPPP PPPP ");
  EXPECT_EQ(flags(R, DsspHelixPP), " >PPPPP< >PP< ");
  // Stretch 2: windows of two from rows 1..N-4 (mkdssp's loop bound), so
  // row 11 ends the last window; a start after an end becomes a middle.
  const Dssp &R2 = T.assign(2);
  EXPECT_EQ(codes(R2), " PPPPPPP PPP  ");
  EXPECT_EQ(flags(R2, DsspHelixPP), " >PPPPP< >P<  ");
}

// ---- persisted form -------------------------------------------------------

const Structure &load(StringRef Name) {
  static std::map<std::string, std::unique_ptr<Structure>> Cache;
  std::unique_ptr<Structure> &S = Cache[Name.str()];
  if (!S) {
    auto R = io::readStructureFile(
        (Twine(QIR_SOURCE_DIR) + "/test/Inputs/" + Name).str());
    EXPECT_TRUE(static_cast<bool>(R)) << toString(R.takeError());
    S = std::make_unique<Structure>(R ? std::move(*R) : Structure());
  }
  return *S;
}

bool sameFloats(const std::vector<float> &A, const std::vector<float> &B) {
  if (A.size() != B.size())
    return false;
  for (size_t I = 0; I < A.size(); ++I)
    if (!(A[I] == B[I] || (std::isnan(A[I]) && std::isnan(B[I]))))
      return false;
  return true;
}

TEST(DsspSerializer, RoundTrip) {
  for (StringRef File : {"1cbs.cif.gz", "1l2y.cif"})
    for (bool Acc : {true, false}) {
      const Structure &S = load(File);
      AnalysisManager AM;
      DsspAnalysis::Options O;
      O.Accessibility = Acc;
      O.Model = File == "1l2y.cif" ? 0 : 1;
      const Dssp &R = AM.getResult<DsspAnalysis>(S, O);
      ASSERT_GT(R.numRows(), 0u);
      ResultBuffer B;
      ASSERT_FALSE(static_cast<bool>(DsspAnalysis::write(B, R)));
      auto Back = DsspAnalysis::read(B, S);
      ASSERT_TRUE(static_cast<bool>(Back)) << toString(Back.takeError());
      EXPECT_EQ(Back->HB.Residue, R.HB.Residue);
      EXPECT_EQ(Back->HB.Acceptor, R.HB.Acceptor);
      EXPECT_EQ(Back->SS, R.SS);
      EXPECT_EQ(Back->Helix, R.Helix);
      EXPECT_EQ(Back->Bend, R.Bend);
      EXPECT_EQ(Back->BridgePartner, R.BridgePartner);
      EXPECT_EQ(Back->Ladder, R.Ladder);
      EXPECT_EQ(Back->Parallel, R.Parallel);
      EXPECT_EQ(Back->Sheet, R.Sheet);
      EXPECT_EQ(Back->PPStretch, R.PPStretch);
      EXPECT_EQ(Back->PreferPi, R.PreferPi);
      EXPECT_EQ(Back->HasAccessibility, Acc);
      for (auto [A, B2] : {std::pair{&Back->TCO, &R.TCO},
                           {&Back->Kappa, &R.Kappa},
                           {&Back->Alpha, &R.Alpha},
                           {&Back->Phi, &R.Phi},
                           {&Back->Psi, &R.Psi},
                           {&Back->Accessibility, &R.Accessibility}})
        EXPECT_TRUE(sameFloats(*A, *B2));
    }
  EXPECT_TRUE(analysisInfo<DsspAnalysis>().persistable());
}

TEST(DsspSurface, ThreadsDoNotChangeValues) {
  const Structure &S = load("1cbs.cif.gz");
  AnalysisManager AM;
  const Dssp &R = AM.getResult<DsspAnalysis>(S);
  ASSERT_GT(R.numRows(), 100u);
  for (unsigned T : {1u, 2u, 3u}) {
    std::vector<float> Acc = dsspAccessibility(S, 0, R.HB.Residue, T);
    EXPECT_TRUE(sameFloats(Acc, R.Accessibility)) << T;
  }
}

class DsspDamage : public ::testing::Test {
protected:
  void SetUp() override {
    R = &AM.getResult<DsspAnalysis>(S);
    ASSERT_FALSE(static_cast<bool>(DsspAnalysis::write(B, *R)));
  }
  template <typename T> std::vector<T> array(StringRef Name) {
    std::vector<T> V;
    EXPECT_FALSE(static_cast<bool>(B.read(Name, V)));
    return V;
  }
  template <typename T>
  void replace(StringRef Name, std::vector<T> V,
               ArrayRef<uint64_t> Shape = {}) {
    B.erase(Name);
    ASSERT_FALSE(static_cast<bool>(B.write<T>(Name, V, Shape)));
  }
  std::string error() {
    auto Back = DsspAnalysis::read(B, S);
    if (Back)
      return "";
    std::string Msg = toString(Back.takeError());
    EXPECT_EQ(Msg.rfind("malformed result: ", 0), 0u) << Msg;
    EXPECT_NE(Msg.find("dssp"), std::string::npos) << Msg;
    return Msg;
  }

  const Structure &S = load("1cbs.cif.gz");
  AnalysisManager AM;
  const Dssp *R = nullptr;
  ResultBuffer B;
};

TEST_F(DsspDamage, IntactReads) { EXPECT_EQ(error(), ""); }

TEST_F(DsspDamage, MissingArrays) {
  for (StringRef Name : {"residue", "acceptor", "ss", "helix", "bend",
                         "bridge_partner", "ladder", "parallel", "sheet", "tco",
                         "kappa", "alpha", "phi", "psi", "accessibility"}) {
    ResultBuffer C;
    ASSERT_FALSE(static_cast<bool>(B.copyTo(C)));
    C.erase(Name);
    auto Back = DsspAnalysis::read(C, S);
    ASSERT_FALSE(static_cast<bool>(Back)) << Name.str();
    std::string E = toString(Back.takeError());
    EXPECT_NE(E.find(("'" + Name + "'").str()), std::string::npos) << E;
  }
  for (StringRef Name : {"pp_stretch", "prefer_pi", "has_accessibility"}) {
    ResultBuffer C;
    ASSERT_FALSE(static_cast<bool>(B.copyTo(C)));
    C.eraseAttribute(Name);
    EXPECT_FALSE(static_cast<bool>(DsspAnalysis::read(C, S)));
    consumeError(DsspAnalysis::read(C, S).takeError());
  }
}

TEST_F(DsspDamage, BadValues) {
  const uint64_t NR = R->numRows();
  std::vector<uint8_t> SS = array<uint8_t>("ss");
  SS[3] = 'Q';
  replace("ss", SS);
  EXPECT_NE(error(), "");
  SS[3] = ' ';
  replace("ss", SS);
  std::vector<uint8_t> H = array<uint8_t>("helix");
  H[7] = 9;
  replace("helix", H, {NR, 4});
  EXPECT_NE(error(), "");
  H[7] = 0;
  replace("helix", H, {NR, 4});
  std::vector<int32_t> P = array<int32_t>("bridge_partner");
  int32_t Old = P[0];
  P[0] = int32_t(NR); // out of range
  replace("bridge_partner", P, {NR, 2});
  EXPECT_NE(error(), "");
  P[0] = Old;
  replace("bridge_partner", P, {NR, 2});
  std::vector<float> Phi = array<float>("phi");
  Phi[5] = 400;
  replace("phi", Phi);
  EXPECT_NE(error(), "");
  Phi[5] = -60;
  replace("phi", Phi);
  std::vector<float> Acc = array<float>("accessibility");
  Acc[2] = -1;
  replace("accessibility", Acc);
  EXPECT_NE(error(), "");
  Acc[2] = 10;
  replace("accessibility", Acc);
  EXPECT_EQ(error(), "");
  // Another structure's body.
  auto Back = DsspAnalysis::read(B, load("1ubq.cif"));
  EXPECT_FALSE(static_cast<bool>(Back));
  if (!Back)
    consumeError(Back.takeError());
}

} // namespace
