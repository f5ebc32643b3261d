//===- HBondsTest.cpp - hbonds analysis (DSSP H bonds) --------------------===//
//
// The Kabsch-Sander energy and the amide H on points placed by hand, with
// the expected numbers worked out from the formula in the comments; the row,
// numbering, PRO, altloc and partner-slot rules on a small hand-made PDB
// text; write/read round trips and damaged bodies on real files.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/HBonds.h"
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/ResultBuffer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <cmath>
#include <map>
#include <string>
#include <vector>

using namespace qir;
using namespace llvm;

namespace {

// ---- energy and H on hand-placed points ----------------------------------

TEST(DsspEnergy, LinearBond) {
  // N at 0, H at 1, O at 3, C at 4.23 on one line: r(HO) = 2, r(HC) = 3.23,
  // r(NC) = 4.23, r(NO) = 3, so
  //   E = -27.888 (1/2 - 1/3.23 + 1/4.23 - 1/3)
  //     = -27.888 (0.5 - 0.3095975 + 0.2364066 - 0.3333333)
  //     = -27.888 * 0.0934758 = -2.60685  ->  -2.607 after rounding.
  double E = dsspHBondEnergy({0, 0, 0}, {1, 0, 0}, {4.23f, 0, 0}, {3, 0, 0});
  EXPECT_DOUBLE_EQ(E, -2.607);
  // The same bond turned and moved: distances are all that count.
  E = dsspHBondEnergy({5, 5, 5}, {5, 6, 5}, {5, 9.23f, 5}, {5, 8, 5});
  EXPECT_DOUBLE_EQ(E, -2.607);
}

TEST(DsspEnergy, RepulsiveAndClamped) {
  // O beyond C (C=O pointing at the H): r(HO) = 3.23 + ... the signs swap:
  // r(HO) = 3.23, r(HC) = 2, r(NC) = 3, r(NO) = 4.23 gives +2.607.
  EXPECT_DOUBLE_EQ(
      dsspHBondEnergy({0, 0, 0}, {1, 0, 0}, {3, 0, 0}, {4.23f, 0, 0}), 2.607);
  // r(HO) = 0.6, r(HC) = 1.83, r(NC) = 2.83, r(NO) = 1.6:
  // -27.888 (1.6667 - 0.5464 + 0.3534 - 0.625) = -23.67, clamped to -9.9.
  EXPECT_DOUBLE_EQ(
      dsspHBondEnergy({0, 0, 0}, {1, 0, 0}, {2.83f, 0, 0}, {1.6f, 0, 0}),
      double(-9.9f));
  // Any of the four distances below 0.5 A: -9.9 whatever the formula says.
  EXPECT_DOUBLE_EQ(
      dsspHBondEnergy({0, 0, 0}, {1, 0, 0}, {5, 0, 0}, {1.4f, 0, 0}),
      double(-9.9f));
  // Far apart: the four terms nearly cancel, rounding gives 0.
  EXPECT_EQ(dsspHBondEnergy({0, 0, 0}, {1, 0, 0}, {101.23f, 0, 0}, {100, 0, 0}),
            0.0);
}

TEST(DsspEnergy, AmideHydrogen) {
  // C' - O' = (0, 0, -1.23): H is one Angstrom from N along -z.
  DsspPoint H = dsspAmideHydrogen({1, 2, 3}, {0, 0, 0}, {0, 0, 1.23f});
  EXPECT_FLOAT_EQ(H[0], 1);
  EXPECT_FLOAT_EQ(H[1], 2);
  EXPECT_FLOAT_EQ(H[2], 2);
  // Along a diagonal: (3, 4, 0) / 5.
  H = dsspAmideHydrogen({0, 0, 0}, {3, 4, 0}, {0, 0, 0});
  EXPECT_FLOAT_EQ(H[0], 0.6f);
  EXPECT_FLOAT_EQ(H[1], 0.8f);
  EXPECT_FLOAT_EQ(H[2], 0);
}

// ---- rows and partners on hand-made PDB text ------------------------------

struct Atom {
  StringRef Name;
  char AltLoc;
  StringRef Res;
  char Chain;
  int Seq;
  std::array<double, 3> P;
};

std::string pdbText(ArrayRef<Atom> Atoms) {
  std::string S;
  raw_string_ostream OS(S);
  int Serial = 1;
  for (const Atom &A : Atoms)
    OS << format("ATOM  %5d %-4s%c%3s %c%4d    %8.3f%8.3f%8.3f  1.00  0.00"
                 "          %2s\n",
                 Serial++, (" " + A.Name).str().c_str(),
                 A.AltLoc ? A.AltLoc : ' ', A.Res.str().c_str(), A.Chain, A.Seq,
                 A.P[0], A.P[1], A.P[2], A.Name.substr(0, 1).str().c_str());
  OS << "END\n";
  return OS.str();
}

/// Chain A: GLY 1, then ALA 2 whose N is at the origin; GLY 1's C=O
/// (C at (-1, 1, 0), O 1.23 A further along -x) puts ALA 2's H at
/// (1, 0, 0). ALA 3 lacks its O (not a row). GLY 4 has O at (3, 0, 0) and
/// C at (4.23, 0, 0): the linear bond of DsspEnergy.LinearBond, E = -2.607,
/// from ALA 2's N-H to GLY 4's C=O. Chain B: two bonded GLY 30 A away in z,
/// beyond the 9 A CA cutoff of everything in chain A.
std::vector<Atom> handMade(StringRef Res2 = "ALA") {
  return {
      {"N", 0, "GLY", 'A', 1, {-3.0, 2.5, 0}},
      {"CA", 0, "GLY", 'A', 1, {-1.5, 2.3, 0}},
      {"C", 0, "GLY", 'A', 1, {-1.0, 1.0, 0}},
      {"O", 0, "GLY", 'A', 1, {-2.23, 1.0, 0}},
      {"N", 0, Res2, 'A', 2, {0, 0, 0}},
      {"CA", 0, Res2, 'A', 2, {0, -1.45, 0}},
      {"C", 0, Res2, 'A', 2, {1.2, -2.2, 0}},
      {"O", 0, Res2, 'A', 2, {1.2, -3.43, 0}},
      {"N", 0, "ALA", 'A', 3, {2.4, -1.6, 0}},
      {"CA", 0, "ALA", 'A', 3, {3.6, -2.4, 0}},
      {"C", 0, "ALA", 'A', 3, {4.8, -1.6, 0}},
      {"N", 0, "GLY", 'A', 4, {6.3, 1.0, 0}},
      {"CA", 0, "GLY", 'A', 4, {5.0, 1.2, 0}},
      {"C", 0, "GLY", 'A', 4, {4.23, 0, 0}},
      {"O", 0, "GLY", 'A', 4, {3.0, 0, 0}},
      {"N", 0, "GLY", 'B', 1, {0, 0, 30}},
      {"CA", 0, "GLY", 'B', 1, {1.45, 0, 30}},
      {"C", 0, "GLY", 'B', 1, {2.0, 1.4, 30}},
      {"O", 0, "GLY", 'B', 1, {1.3, 2.4, 30}},
      {"N", 0, "GLY", 'B', 2, {3.3, 1.5, 30}},
      {"CA", 0, "GLY", 'B', 2, {4.0, 2.8, 30}},
      {"C", 0, "GLY", 'B', 2, {5.5, 2.7, 30}},
      {"O", 0, "GLY", 'B', 2, {6.2, 3.7, 30}},
  };
}

class HBondsTest : public ::testing::Test {
protected:
  const HBonds &compute(StringRef Text, HBondsAnalysis::Options O = {}) {
    auto R = io::readStructureBuffer(Text, "test.pdb");
    EXPECT_TRUE(static_cast<bool>(R)) << toString(R.takeError());
    AM.clear();
    S = std::make_unique<Structure>(std::move(*R));
    return AM.getResult<HBondsAnalysis>(*S, O);
  }
  std::unique_ptr<Structure> S;
  AnalysisManager AM;
};

TEST_F(HBondsTest, RowsNumbersAndH) {
  const HBonds &R = compute(pdbText(handMade()));
  // A 1, 2, 4 and B 1, 2; ALA 3 has no O.
  ASSERT_EQ(R.numRows(), 5u);
  ASSERT_EQ(R.States.size(), 1u);
  EXPECT_EQ(S->residues().AuthSeq[R.Residue[2]], 4);
  // GLY 4's N is far from ALA 2's C, and so is B 1's from GLY 4's C: the
  // number jumps at both.
  EXPECT_EQ(R.Number, (std::vector<int32_t>{1, 2, 4, 6, 7}));
  EXPECT_EQ(R.Break, (std::vector<uint8_t>{
                         uint8_t(DsspBreak::NewChain), uint8_t(DsspBreak::None),
                         uint8_t(DsspBreak::Gap), uint8_t(DsspBreak::NewChain),
                         uint8_t(DsspBreak::None)}));
  // The first row's H is its N; ALA 2's comes from GLY 1's C=O.
  EXPECT_EQ(R.H[0], (DsspPoint{-3.0f, 2.5f, 0}));
  EXPECT_FLOAT_EQ(R.H[1][0], 1);
  EXPECT_FLOAT_EQ(R.H[1][1], 0);
  EXPECT_FLOAT_EQ(R.H[1][2], 0);
  // Over the gap, GLY 4's H follows its list neighbour ALA 2:
  // N + (C - O) / |C - O| = (6.3, 1, 0) + (0, 1, 0); and B 1's follows
  // GLY 4 of the other chain: (0, 0, 30) + (1, 0, 0).
  EXPECT_FLOAT_EQ(R.H[2][0], 6.3f);
  EXPECT_FLOAT_EQ(R.H[2][1], 2.0f);
  EXPECT_FLOAT_EQ(R.H[3][0], 1.0f);
  EXPECT_FLOAT_EQ(R.H[3][1], 0.0f);
  EXPECT_FLOAT_EQ(R.H[3][2], 30.0f);
  // The designed bond, best of both ends.
  EXPECT_EQ(R.Acceptor[1][0], 2);
  EXPECT_DOUBLE_EQ(R.AcceptorEnergy[1][0], -2.607);
  EXPECT_EQ(R.Donor[2][0], 1);
  EXPECT_DOUBLE_EQ(R.DonorEnergy[2][0], -2.607);
  EXPECT_TRUE(R.bonded(1, 2));
  EXPECT_FALSE(R.bonded(2, 1));
  // Chain B is out of reach of chain A.
  for (int Row : {0, 1, 2})
    for (int K = 0; K < 2; ++K)
      for (int Other : {3, 4}) {
        EXPECT_NE(R.Acceptor[Row][K], Other);
        EXPECT_NE(R.Donor[Row][K], Other);
      }
  // Slots are filled best first, with negative energies only.
  for (size_t Row = 0; Row < R.numRows(); ++Row)
    for (auto [P, E] : {std::make_pair(R.Acceptor[Row], R.AcceptorEnergy[Row]),
                        std::make_pair(R.Donor[Row], R.DonorEnergy[Row])}) {
      if (P[0] < 0)
        EXPECT_EQ(P[1], -1);
      for (int K = 0; K < 2; ++K)
        EXPECT_EQ(P[K] < 0, E[K] == 0.0);
      if (P[1] >= 0)
        EXPECT_LE(E[0], E[1]);
    }
}

TEST_F(HBondsTest, ProlineDonatesNothing) {
  const HBonds &R = compute(pdbText(handMade("PRO")));
  ASSERT_EQ(R.numRows(), 5u);
  EXPECT_EQ(R.H[1], (DsspPoint{0, 0, 0})); // H = N
  EXPECT_EQ(R.Acceptor[1][0], -1);
  EXPECT_EQ(R.Acceptor[1][1], -1);
  EXPECT_NE(R.Donor[2][0], 1);
  EXPECT_NE(R.Donor[2][1], 1);
}

TEST_F(HBondsTest, LastAltLocWins) {
  // GLY 4's O twice: first far away (altloc A), then in place (B). mkdssp
  // keeps the last one read, so the bond is the designed one; in the other
  // order the far O is used and ALA 2 has no partner in GLY 4.
  for (bool InPlaceLast : {true, false}) {
    std::vector<Atom> Atoms = handMade();
    auto It = llvm::find_if(
        Atoms, [](const Atom &A) { return A.Seq == 4 && A.Name == "O"; });
    Atom O = *It;
    Atoms.erase(It);
    Atom Far = O;
    Far.P = {3.0, 0, 10.0};
    O.AltLoc = InPlaceLast ? 'B' : 'A';
    Far.AltLoc = InPlaceLast ? 'A' : 'B';
    It = llvm::find_if(Atoms, [](const Atom &A) { return A.Chain == 'B'; });
    It = Atoms.insert(It, InPlaceLast ? O : Far);
    Atoms.insert(It, InPlaceLast ? Far : O);
    const HBonds &R = compute(pdbText(Atoms));
    ASSERT_EQ(R.numRows(), 5u);
    EXPECT_EQ(R.bonded(1, 2), InPlaceLast);
    if (InPlaceLast)
      EXPECT_DOUBLE_EQ(R.AcceptorEnergy[1][0], -2.607);
  }
}

TEST_F(HBondsTest, FarPairsAreNotCandidates) {
  // Move GLY 4 by 20 A along z: its CA is then over 9 A from every other
  // CA and no energy is computed with it.
  std::vector<Atom> Atoms = handMade();
  for (Atom &A : Atoms)
    if (A.Chain == 'A' && A.Seq == 4)
      A.P[2] += 20;
  const HBonds &R = compute(pdbText(Atoms));
  ASSERT_EQ(R.numRows(), 5u);
  for (int K = 0; K < 2; ++K) {
    EXPECT_EQ(R.Acceptor[2][K], -1);
    EXPECT_EQ(R.Donor[2][K], -1);
    EXPECT_NE(R.Acceptor[1][K], 2);
  }
}

TEST_F(HBondsTest, ModelOption) {
  // Model 2 has GLY 4 moved out of reach.
  std::vector<Atom> Moved = handMade();
  for (Atom &A : Moved)
    if (A.Chain == 'A' && A.Seq == 4)
      A.P[2] += 20;
  std::string Text = "MODEL        1\n" + pdbText(handMade());
  Text.resize(Text.size() - 4); // drop END
  Text += "ENDMDL\nMODEL        2\n" + pdbText(Moved);
  Text.resize(Text.size() - 4);
  Text += "ENDMDL\nEND\n";
  HBondsAnalysis::Options O;
  const HBonds &One = compute(Text, O);
  ASSERT_EQ(One.States, (std::vector<uint32_t>{0}));
  EXPECT_TRUE(One.bonded(1, 2));
  O.Model = 2;
  const HBonds &Second = compute(Text, O);
  ASSERT_EQ(Second.States, (std::vector<uint32_t>{1}));
  EXPECT_FALSE(Second.bonded(1, 2));
  O.Model = 0;
  const HBonds &All = compute(Text, O);
  ASSERT_EQ(All.States, (std::vector<uint32_t>{0, 1}));
  ASSERT_EQ(All.numRows(), 10u);
  EXPECT_EQ(All.rowBegin(1), 5u);
  EXPECT_EQ(All.Number[5], 1);
  EXPECT_TRUE(All.bonded(1, 2));
  EXPECT_FALSE(All.bonded(6, 7));
  EXPECT_EQ(All.stateOfRow(7), 1u);
  EXPECT_EQ(All.stateOfRow(4), 0u);
  O.Model = 3; // no such model: nothing computed
  EXPECT_EQ(compute(Text, O).numRows(), 0u);
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

std::string readError(ResultBuffer &B, const Structure &S) {
  auto R = HBondsAnalysis::read(B, S);
  if (R)
    return "";
  std::string Msg = toString(R.takeError());
  EXPECT_EQ(Msg.rfind("malformed result: ", 0), 0u) << Msg;
  EXPECT_NE(Msg.find("hbonds"), std::string::npos) << Msg;
  return Msg;
}

void expectSame(const HBonds &A, const HBonds &B) {
  EXPECT_EQ(A.Model, B.Model);
  EXPECT_EQ(A.States, B.States);
  EXPECT_EQ(A.RowBegin, B.RowBegin);
  EXPECT_EQ(A.Residue, B.Residue);
  EXPECT_EQ(A.Number, B.Number);
  EXPECT_EQ(A.Break, B.Break);
  EXPECT_EQ(A.H, B.H);
  EXPECT_EQ(A.Acceptor, B.Acceptor);
  EXPECT_EQ(A.Donor, B.Donor);
  EXPECT_EQ(A.AcceptorEnergy, B.AcceptorEnergy);
  EXPECT_EQ(A.DonorEnergy, B.DonorEnergy);
}

TEST(HBondsSerializer, RoundTrip) {
  for (StringRef File : {"1cbs.cif.gz", "1l2y.cif"})
    for (int64_t Model : {1, 0}) {
      const Structure &S = load(File);
      AnalysisManager AM;
      HBondsAnalysis::Options O;
      O.Model = Model;
      const HBonds &R = AM.getResult<HBondsAnalysis>(S, O);
      ASSERT_GT(R.numRows(), 0u);
      ResultBuffer B;
      ASSERT_FALSE(static_cast<bool>(HBondsAnalysis::write(B, R)));
      auto Back = HBondsAnalysis::read(B, S);
      ASSERT_TRUE(static_cast<bool>(Back)) << toString(Back.takeError());
      expectSame(*Back, R);
    }
  EXPECT_TRUE(analysisInfo<HBondsAnalysis>().persistable());
}

class HBondsDamage : public ::testing::Test {
protected:
  void SetUp() override {
    R = &AM.getResult<HBondsAnalysis>(S);
    ASSERT_FALSE(static_cast<bool>(HBondsAnalysis::write(B, *R)));
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
  std::string error() { return readError(B, S); }

  const Structure &S = load("1ubq.cif");
  AnalysisManager AM;
  const HBonds *R = nullptr;
  ResultBuffer B;
};

TEST_F(HBondsDamage, IntactReads) { EXPECT_EQ(error(), ""); }

TEST_F(HBondsDamage, MissingArrays) {
  for (StringRef Name :
       {"states", "row_begin", "residue", "number", "break", "h", "acceptor",
        "acceptor_energy", "donor", "donor_energy"}) {
    ResultBuffer C;
    ASSERT_FALSE(static_cast<bool>(B.copyTo(C)));
    C.erase(Name);
    std::string E = readError(C, S);
    EXPECT_NE(E.find(("'" + Name + "'").str()), std::string::npos) << E;
  }
  ResultBuffer C;
  ASSERT_FALSE(static_cast<bool>(B.copyTo(C)));
  C.eraseAttribute("model");
  EXPECT_NE(readError(C, S), "");
}

TEST_F(HBondsDamage, AnotherStructure) {
  EXPECT_NE(readError(B, load("1l2y.cif")), "");
}

TEST_F(HBondsDamage, BadRows) {
  const uint64_t NR = R->numRows();
  std::vector<uint32_t> Res = array<uint32_t>("residue");
  std::swap(Res[3], Res[4]); // not ascending
  replace("residue", Res);
  EXPECT_NE(error(), "");
  std::swap(Res[3], Res[4]);
  replace("residue", Res);
  std::vector<int32_t> Num = array<int32_t>("number");
  Num[5] += 3; // a jump of 4
  replace("number", Num);
  EXPECT_NE(error(), "");
  Num[5] -= 3;
  replace("number", Num);
  std::vector<uint8_t> Brk = array<uint8_t>("break");
  Brk[5] = 7;
  replace("break", Brk);
  EXPECT_NE(error(), "");
  Brk[5] = 0;
  replace("break", Brk);
  EXPECT_EQ(error(), "");
  std::vector<int32_t> Acc = array<int32_t>("acceptor");
  Acc[10] = int32_t(NR); // partner out of range
  replace("acceptor", Acc, {NR, 2});
  EXPECT_NE(error(), "");
  Acc[10] = 5; // row 5 names itself
  replace("acceptor", Acc, {NR, 2});
  EXPECT_NE(error(), "");
  Acc[10] = 7;
  Acc[11] = 8;
  replace("acceptor", Acc, {NR, 2});
  std::vector<double> En = array<double>("acceptor_energy");
  En[10] = -1.0;
  En[11] = -2.0; // worse after better
  replace("acceptor_energy", En, {NR, 2});
  EXPECT_NE(error(), "");
  En[11] = -10.5; // below -9.9
  replace("acceptor_energy", En, {NR, 2});
  EXPECT_NE(error(), "");
  En[11] = -0.5;
  replace("acceptor_energy", En, {NR, 2});
  EXPECT_EQ(error(), "");
}

} // namespace
