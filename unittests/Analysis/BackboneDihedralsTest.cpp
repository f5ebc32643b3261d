//===- BackboneDihedralsTest.cpp - backbone-dihedrals analysis ------------===//
//
// The dihedral formula on points whose angle is known by construction, the
// neighbour, altloc and missing-atom rules on small hand-made PDB text, and
// a few values of a real NMR ensemble (1L2Y) against numbers from gemmi.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/BackboneDihedrals.h"
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <cmath>
#include <string>
#include <vector>

using namespace qir;
using namespace llvm;

namespace {

using Vec = std::array<double, 3>;

// With P1 at the origin and P2 on +z, P0 on +x and P3 at angle T (counter-
// clockwise seen from +z) in the plane z = 1, the dihedral is T: looking
// down P1->P2 (along +z) the rotation from P0 to P3 is clockwise.
Vec onCircle(double Deg, double R = 1.0, double Z = 1.0) {
  double T = Deg * numbers::pi / 180.0;
  return {R * std::cos(T), R * std::sin(T), Z};
}

TEST(DihedralTest, KnownAngles) {
  const Vec P0 = {1, 0, 0}, P1 = {0, 0, 0}, P2 = {0, 0, 1};
  EXPECT_NEAR(dihedralDegrees(P0, P1, P2, onCircle(60)), 60.0, 1e-9);
  EXPECT_NEAR(dihedralDegrees(P0, P1, P2, onCircle(-60)), -60.0, 1e-9);
  EXPECT_NEAR(dihedralDegrees(P0, P1, P2, onCircle(120)), 120.0, 1e-9);
  EXPECT_NEAR(dihedralDegrees(P0, P1, P2, onCircle(-150)), -150.0, 1e-9);
  // Cis and trans, exactly.
  EXPECT_EQ(dihedralDegrees(P0, P1, P2, {1, 0, 1}), 0.0);
  EXPECT_EQ(dihedralDegrees(P0, P1, P2, {-1, 0, 1}), 180.0);
  // Trans with y = -0 would be -180 from atan2; the range is (-180, 180].
  EXPECT_EQ(dihedralDegrees(P0, P1, P2, {-1, -0.0, 1}), 180.0);
  // Distances along the bonds and along the axis do not matter.
  EXPECT_NEAR(
      dihedralDegrees({2.5, 0, -3}, P1, {0, 0, 0.5}, onCircle(-60, 4.0, 7.0)),
      -60.0, 1e-9);
}

TEST(DihedralTest, IndependentOfFrame) {
  // A trans zig-zag (omega-like, 180) and a -60 gauche, both translated and
  // rotated by 90 degrees about x: (x, y, z) -> (x, -z, y) + (5, -3, 2).
  auto Move = [](Vec P) -> Vec { return {P[0] + 5, -P[2] - 3, P[1] + 2}; };
  const Vec P0 = {1, 0, 0}, P1 = {0, 0, 0}, P2 = {0, 0, 1.5};
  EXPECT_NEAR(dihedralDegrees(Move(P0), Move(P1), Move(P2), Move({-1, 0, 1.5})),
              180.0, 1e-9);
  EXPECT_NEAR(dihedralDegrees(Move(P0), Move(P1), Move(P2),
                              Move(onCircle(-60, 1.0, 1.5))),
              -60.0, 1e-9);
  // Mirror image (z -> -z) flips the sign.
  EXPECT_NEAR(dihedralDegrees({1, 0, 0}, P1, {0, 0, -1}, onCircle(60, 1, -1)),
              -60.0, 1e-9);
}

TEST(DihedralTest, NaNPropagates) {
  double NaN = std::nan("");
  EXPECT_TRUE(std::isnan(
      dihedralDegrees({NaN, 0, 0}, {0, 0, 0}, {0, 0, 1}, {1, 1, 1})));
}

/// One ATOM record in fixed PDB columns.
std::string atomLine(int Serial, StringRef Name, char AltLoc, StringRef Res,
                     int Seq, Vec P, StringRef Element) {
  std::string S;
  raw_string_ostream OS(S);
  OS << format("ATOM  %5d %-4s%c%3s A%4d    %8.3f%8.3f%8.3f  1.00  0.00"
               "          %2s\n",
               Serial, (" " + Name).str().c_str(), AltLoc ? AltLoc : ' ',
               Res.str().c_str(), Seq, P[0], P[1], P[2], Element.str().c_str());
  return OS.str();
}

struct Atom {
  StringRef Name;
  char AltLoc;
  StringRef Res;
  int Seq;
  Vec P;
};

/// The backbone of test/Analysis/Inputs/backbone.pdb: ALA 2 has phi = psi
/// = -90 and omega = 180 by construction; GLY 3's N-CA-C then gives
/// phi(3) = 180; GLY 4's N is 3.0 A from GLY 3's C (no peptide bond).
std::vector<Atom> handMadeBackbone() {
  return {
      {"N", 0, "GLY", 1, {2.5, 1.0, -0.5}},
      {"CA", 0, "GLY", 1, {2.0, 0.5, 0.5}},
      {"C", 0, "GLY", 1, {1.3, 0.0, 0.0}},
      {"N", 0, "ALA", 2, {0, 0, 0}},
      {"CA", 0, "ALA", 2, {0, 0, 1.5}},
      {"C", 0, "ALA", 2, {0, -1.5, 1.5}},
      {"N", 0, "GLY", 3, {-1.3, -1.5, 1.5}},
      {"CA", 0, "GLY", 3, {-1.3, -2.9, 1.5}},
      {"C", 0, "GLY", 3, {-2.5, -3.5, 1.5}},
      {"N", 0, "GLY", 4, {-5.5, -3.5, 1.5}},
      {"CA", 0, "GLY", 4, {-6.5, -4.5, 1.5}},
      {"C", 0, "GLY", 4, {-7.5, -4.0, 2.5}},
  };
}

std::string pdbText(ArrayRef<Atom> Atoms) {
  std::string S;
  int Serial = 1;
  for (const Atom &A : Atoms)
    S += atomLine(Serial++, A.Name, A.AltLoc, A.Res, A.Seq, A.P,
                  A.Name.substr(0, 1));
  return S + "TER\nEND\n";
}

class BackboneDihedralsTest : public ::testing::Test {
protected:
  const BackboneDihedrals &compute(StringRef Text) {
    auto R = io::readStructureBuffer(Text, "test.pdb");
    EXPECT_TRUE(static_cast<bool>(R)) << toString(R.takeError());
    S = std::make_unique<Structure>(std::move(*R));
    return AM.getResult<BackboneDihedralsAnalysis>(*S);
  }
  std::string printed(const BackboneDihedrals &D) {
    std::string Out;
    raw_string_ostream OS(Out);
    BackboneDihedralsAnalysis::print(OS, *S, D, {});
    return OS.str();
  }
  std::unique_ptr<Structure> S;
  AnalysisManager AM;
};

TEST_F(BackboneDihedralsTest, HandMadeBackbone) {
  const BackboneDihedrals &D = compute(pdbText(handMadeBackbone()));
  ASSERT_EQ(D.Residues.size(), 4u);
  ASSERT_EQ(D.NumStates, 1u);
  EXPECT_TRUE(std::isnan(D.phi(0, 0))); // no residue before GLY 1
  EXPECT_NEAR(D.phi(0, 1), -90.0, 1e-4);
  EXPECT_NEAR(D.psi(0, 1), -90.0, 1e-4);
  EXPECT_NEAR(D.omega(0, 1), 180.0, 1e-4);
  EXPECT_NEAR(std::fabs(D.phi(0, 2)), 180.0, 1e-4);
  // The chain break between GLY 3 and GLY 4.
  EXPECT_TRUE(std::isnan(D.psi(0, 2)));
  EXPECT_TRUE(std::isnan(D.omega(0, 2)));
  EXPECT_TRUE(std::isnan(D.phi(0, 3)));
  EXPECT_EQ(printed(D), "model\tchain\tseq\ticode\tresname\tphi\tpsi\tomega\n"
                        "1\tA\t1\t.\tGLY\t.\t-119.662\t-45.000\n"
                        "1\tA\t2\t.\tALA\t-90.000\t-90.000\t180.000\n"
                        "1\tA\t3\t.\tGLY\t180.000\t.\t.\n"
                        "1\tA\t4\t.\tGLY\t.\t.\t.\n");
}

TEST_F(BackboneDihedralsTest, PeptideBondCutoff) {
  // Move GLY 4 so that C(3)-N(4) is just inside, then just outside, the
  // cutoff of 1.341 * 1.5 = 2.0115 A (along -x from C(3)).
  for (double Gap : {2.005, 2.02}) {
    std::vector<Atom> Atoms = handMadeBackbone();
    double Shift = 3.0 - Gap;
    for (Atom &A : Atoms)
      if (A.Seq == 4)
        A.P[0] += Shift;
    AM.clear();
    const BackboneDihedrals &D = compute(pdbText(Atoms));
    bool Bonded = Gap < MaxPeptideBondDistance;
    EXPECT_EQ(!std::isnan(D.psi(0, 2)), Bonded) << Gap;
    EXPECT_EQ(!std::isnan(D.omega(0, 2)), Bonded) << Gap;
    EXPECT_EQ(!std::isnan(D.phi(0, 3)), Bonded) << Gap;
  }
}

TEST_F(BackboneDihedralsTest, FirstAltLocWins) {
  // ALA 2's C in two conformers: B first in the file, then A. The first in
  // file order (B, at the constructed position) is used whatever its id.
  std::vector<Atom> Atoms = handMadeBackbone();
  std::vector<Atom> WithAlt;
  for (const Atom &A : Atoms) {
    if (A.Seq == 2 && A.Name == "C") {
      WithAlt.push_back({"C", 'B', "ALA", 2, A.P});
      WithAlt.push_back({"C", 'A', "ALA", 2, {0.5, -1.4, 1.5}});
      continue;
    }
    WithAlt.push_back(A);
  }
  const BackboneDihedrals &D = compute(pdbText(WithAlt));
  ASSERT_EQ(D.Residues.size(), 4u);
  EXPECT_NEAR(D.phi(0, 1), -90.0, 1e-4);
  EXPECT_NEAR(D.psi(0, 1), -90.0, 1e-4);
  EXPECT_NEAR(D.omega(0, 1), 180.0, 1e-4);
}

TEST_F(BackboneDihedralsTest, MissingAtomsAndRows) {
  // No CA in GLY 3: it has no row, and CA-dependent angles of its
  // neighbours (omega of ALA 2) are missing; phi and psi of ALA 2 remain
  // (C(1), N(3) are there). A water gets no row.
  std::vector<Atom> Atoms;
  for (const Atom &A : handMadeBackbone())
    if (!(A.Seq == 3 && A.Name == "CA"))
      Atoms.push_back(A);
  std::string Text = pdbText(Atoms);
  Text.insert(Text.find("TER"), "HETATM   40  O   HOH A 101      10.000  "
                                "10.000  10.000  1.00  0.00           O\n");
  const BackboneDihedrals &D = compute(Text);
  EXPECT_EQ(printed(D), "model\tchain\tseq\ticode\tresname\tphi\tpsi\tomega\n"
                        "1\tA\t1\t.\tGLY\t.\t-119.662\t-45.000\n"
                        "1\tA\t2\t.\tALA\t-90.000\t-90.000\t.\n"
                        "1\tA\t4\t.\tGLY\t.\t.\t.\n");
}

TEST_F(BackboneDihedralsTest, AbsentInOneModel) {
  // Two models; the second lacks ALA 2's CA: no ALA 2 row in model 2, and
  // the angles of its neighbours that need that CA are missing there.
  std::vector<Atom> Atoms = handMadeBackbone();
  std::string Text = "MODEL        1\n";
  Text += pdbText(Atoms);
  Text.erase(Text.rfind("END"));
  Text += "ENDMDL\nMODEL        2\n";
  std::vector<Atom> Second;
  for (const Atom &A : Atoms)
    if (!(A.Seq == 2 && A.Name == "CA"))
      Second.push_back(A);
  std::string T2 = pdbText(Second);
  T2.erase(T2.rfind("END"));
  Text += T2 + "ENDMDL\nEND\n";
  const BackboneDihedrals &D = compute(Text);
  ASSERT_EQ(D.NumStates, 2u);
  std::string Out = printed(D);
  EXPECT_NE(Out.find("1\tA\t2\t.\tALA\t-90.000\t-90.000\t180.000\n"),
            std::string::npos);
  EXPECT_EQ(Out.find("2\tA\t2\t.\tALA"), std::string::npos) << Out;
  EXPECT_NE(Out.find("2\tA\t1\t.\tGLY\t.\t-119.662\t.\n"), std::string::npos)
      << Out;
  EXPECT_NE(Out.find("2\tA\t3\t.\tGLY\t180.000\t.\t.\n"), std::string::npos)
      << Out;
}

// 1L2Y (Trp-cage, 38 NMR models, 20 residues). Expected values came from
// gemmi 0.5.7 (utils/oracle/backbone_dihedrals.py, i.e.
// gemmi.calculate_phi_psi / gemmi.calculate_omega), rounded to 3 decimals.
TEST(BackboneDihedralsFileTest, TrpCageAgainstGemmi) {
  auto R = io::readStructureFile(QIR_SOURCE_DIR "/test/Inputs/1l2y.cif");
  ASSERT_TRUE(static_cast<bool>(R)) << toString(R.takeError());
  Structure S = std::move(*R);
  AnalysisManager AM;
  const BackboneDihedrals &D = AM.getResult<BackboneDihedralsAnalysis>(S);
  ASSERT_EQ(D.NumStates, 38u);
  ASSERT_EQ(D.Residues.size(), 20u);
  struct Expected {
    unsigned State, Row;
    double Phi, Psi, Omega;
  };
  const double NaN = std::nan("");
  const Expected Cases[] = {
      {0, 0, NaN, -56.145, 176.734},      // model 1 ASN 1
      {0, 1, -43.980, -51.309, 178.886},  // model 1 LEU 2
      {0, 9, 110.784, 8.079, 179.216},    // model 1 GLY 10
      {0, 19, -78.100, NaN, NaN},         // model 1 SER 20
      {1, 8, -75.190, -11.090, -173.728}, // model 2 ASP 9
      {37, 9, 124.306, 8.881, -177.205},  // model 38 GLY 10
  };
  auto Check = [](double Got, double Want, const char *What, unsigned St,
                  unsigned Row) {
    if (std::isnan(Want)) {
      EXPECT_TRUE(std::isnan(Got)) << What << " state " << St << " row " << Row;
      return;
    }
    double Diff = std::fabs(Got - Want);
    Diff = std::min(Diff, 360.0 - Diff);
    EXPECT_LT(Diff, 0.002) << What << " state " << St << " row " << Row << ": "
                           << Got << " vs " << Want;
  };
  for (const Expected &E : Cases) {
    Check(D.phi(E.State, E.Row), E.Phi, "phi", E.State, E.Row);
    Check(D.psi(E.State, E.Row), E.Psi, "psi", E.State, E.Row);
    Check(D.omega(E.State, E.Row), E.Omega, "omega", E.State, E.Row);
  }
  EXPECT_EQ(S.residues().AuthSeq[D.Residues[9]], 10);
  EXPECT_EQ(S.residues().Name[D.Residues[9]].str(), "GLY");
  EXPECT_EQ(D.rowOf(D.Residues[9]), 9);
}

} // namespace
