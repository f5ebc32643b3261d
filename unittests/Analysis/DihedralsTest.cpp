//===- DihedralsTest.cpp - dihedrals analysis
//------------------------------===//
//
// The chi table lookup; chi angles of a hand-built MSE side chain whose
// torsions are set by construction (each atom placed from the three before
// it with a chosen bond length, bond angle and torsion); the atom pick
// rules (missing atoms, element, altloc, per model, unlisted residues);
// the backbone columns being backbone-dihedrals'; and write/read round
// trips with damaged bodies.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Dihedrals.h"
#include "qir/Analysis/BackboneDihedrals.h"
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/ResultBuffer.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

using namespace qir;
using namespace llvm;

namespace {

using Vec = std::array<double, 3>;

Vec sub(Vec A, Vec B) { return {A[0] - B[0], A[1] - B[1], A[2] - B[2]}; }
Vec add(Vec A, Vec B) { return {A[0] + B[0], A[1] + B[1], A[2] + B[2]}; }
Vec scale(Vec A, double S) { return {A[0] * S, A[1] * S, A[2] * S}; }
Vec cross(Vec A, Vec B) {
  return {A[1] * B[2] - A[2] * B[1], A[2] * B[0] - A[0] * B[2],
          A[0] * B[1] - A[1] * B[0]};
}
Vec unit(Vec A) {
  return scale(A, 1.0 / std::sqrt(A[0] * A[0] + A[1] * A[1] + A[2] * A[2]));
}

/// The atom D bonded to C with |CD| = Bond, angle B-C-D = Angle and
/// dihedral A-B-C-D = Torsion (degrees). Frame: x along B->C, z along
/// (B - A) x x and y = z x x, so that (x, y, z) is right-handed and A lies
/// on the +y side of the B-C axis. Then D - C = Bond * (-cos(Angle) x +
/// sin(Angle) cos(T) y + sin(Angle) sin(T) z): T = 0 puts D on A's side
/// (cis), T = 180 opposite (trans), and T > 0 turns D from y towards z,
/// i.e. right-handed about x: clockwise for a viewer looking from B to C,
/// the IUPAC sign.
Vec place(Vec A, Vec B, Vec C, double Bond, double Angle, double Torsion) {
  const double Rad = numbers::pi / 180.0;
  Vec X = unit(sub(C, B));
  Vec Z = unit(cross(sub(B, A), X));
  Vec Y = cross(Z, X);
  double Th = Angle * Rad, T = Torsion * Rad;
  Vec D =
      add(scale(X, -std::cos(Th)), add(scale(Y, std::sin(Th) * std::cos(T)),
                                       scale(Z, std::sin(Th) * std::sin(T))));
  return add(C, scale(D, Bond));
}

struct Atom {
  StringRef Name;
  char AltLoc;
  StringRef Res;
  int Seq;
  Vec P;
  StringRef Element;
};

std::string atomLine(int Serial, const Atom &A) {
  std::string S;
  raw_string_ostream OS(S);
  OS << format("ATOM  %5d %-4s%c%3s A%4d    %8.3f%8.3f%8.3f  1.00  0.00"
               "          %2s\n",
               Serial,
               (A.Name.size() < 4 ? " " + A.Name : A.Name).str().c_str(),
               A.AltLoc ? A.AltLoc : ' ', A.Res.str().c_str(), A.Seq, A.P[0],
               A.P[1], A.P[2], A.Element.str().c_str());
  return OS.str();
}

std::string pdbText(ArrayRef<Atom> Atoms) {
  std::string S;
  int Serial = 1;
  for (const Atom &A : Atoms)
    S += atomLine(Serial++, A);
  return S + "TER\n";
}

// The torsions built into the MSE side chain.
constexpr double Chi1 = -65.0, Chi2 = 175.0, Chi3 = 70.0;

/// A selenomethionine N CA C O CB CG SE CE with chi1..chi3 = Chi1..Chi3 by
/// construction (bond lengths and angles roughly ideal; only the torsions
/// matter), then a GLY 10 A away: a chain of one residue is not a polymer
/// (as gemmi's entity setup), and only polymer residues have rows. The two
/// are not peptide-bonded, so no backbone angle is defined.
std::vector<Atom> mse() {
  Vec N = {0, 0, 0}, CA = {1.46, 0, 0};
  Vec C = place({0, 1, 0}, N, CA, 1.52, 110.0, 0.0);
  Vec O = place(N, CA, C, 1.23, 121.0, 120.0);
  Vec CB = place(C, N, CA, 1.53, 110.5, -122.5);
  Vec CG = place(N, CA, CB, 1.52, 114.0, Chi1);
  Vec SE = place(CA, CB, CG, 1.95, 112.0, Chi2);
  Vec CE = place(CB, CG, SE, 1.95, 98.0, Chi3);
  return {{"N", 0, "MSE", 1, N, "N"},
          {"CA", 0, "MSE", 1, CA, "C"},
          {"C", 0, "MSE", 1, C, "C"},
          {"O", 0, "MSE", 1, O, "O"},
          {"CB", 0, "MSE", 1, CB, "C"},
          {"CG", 0, "MSE", 1, CG, "C"},
          {"SE", 0, "MSE", 1, SE, "SE"},
          {"CE", 0, "MSE", 1, CE, "C"},
          {"N", 0, "GLY", 2, {10, 0, 0}, "N"},
          {"CA", 0, "GLY", 2, {11.46, 0, 0}, "C"},
          {"C", 0, "GLY", 2, {12, 1.4, 0}, "C"}};
}

std::vector<Atom> without(std::vector<Atom> Atoms, StringRef Name) {
  llvm::erase_if(Atoms, [&](const Atom &A) { return A.Name == Name; });
  return Atoms;
}

// Coordinates are written with 3 decimals: each atom moves by up to
// 0.0005 A per axis, a few hundredths of a degree on these lever arms.
constexpr double Tol = 0.1;

class DihedralsTest : public ::testing::Test {
protected:
  const Dihedrals &compute(StringRef Text) {
    auto R = io::readStructureBuffer(Text, "test.pdb");
    EXPECT_TRUE(static_cast<bool>(R)) << toString(R.takeError());
    S = std::make_unique<Structure>(std::move(*R));
    return AM.getResult<DihedralsAnalysis>(*S);
  }
  std::string printed(const Dihedrals &D) {
    std::string Out;
    raw_string_ostream OS(Out);
    DihedralsAnalysis::print(OS, *S, D, {});
    return OS.str();
  }
  std::unique_ptr<Structure> S;
  AnalysisManager AM;
};

TEST(ChiTableTest, Lookup) {
  const std::array<const char *, 4> *A = chiAtoms("ARG", 5);
  ASSERT_NE(A, nullptr);
  EXPECT_STREQ((*A)[0], "CD");
  EXPECT_STREQ((*A)[3], "NH1");
  A = chiAtoms("MSE", 3);
  ASSERT_NE(A, nullptr);
  EXPECT_STREQ((*A)[2], "SE");
  A = chiAtoms("ILE", 2);
  ASSERT_NE(A, nullptr);
  EXPECT_STREQ((*A)[2], "CG1");
  EXPECT_EQ(chiAtoms("ALA", 1), nullptr);
  EXPECT_EQ(chiAtoms("GLY", 1), nullptr);
  EXPECT_EQ(chiAtoms("LYS", 5), nullptr);
  EXPECT_EQ(chiAtoms("SEP", 1), nullptr);
  // Chi k exists only where chi k-1 does.
  for (StringRef R : {"ARG", "LYS", "MET", "MSE", "GLU", "ILE", "VAL"})
    for (unsigned K = 2; K <= MaxChi; ++K)
      if (chiAtoms(R, K))
        EXPECT_NE(chiAtoms(R, K - 1), nullptr) << R.str() << " chi" << K;
}

TEST(PlaceTest, ConstructionGivesTheTorsion) {
  // The construction itself, checked against the cis/trans geometry that
  // needs no formula: torsion 0 puts D on A's side of the B-C axis, 180
  // on the other, at the requested distance from C.
  Vec A = {1, 1, 0}, B = {0, 0, 0}, C = {0, 0, 1.5};
  Vec Cis = place(A, B, C, 1.5, 90.0, 0.0);
  Vec Trans = place(A, B, C, 1.5, 90.0, 180.0);
  EXPECT_NEAR(Cis[0], 1.5 / std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(Cis[1], 1.5 / std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(Cis[2], 1.5, 1e-12);
  EXPECT_NEAR(Trans[0], -1.5 / std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(Trans[1], -1.5 / std::sqrt(2.0), 1e-12);
  // With A on +x and B->C along +z, +90 puts D on +y (z x x): a quarter
  // turn clockwise for a viewer looking along +z, as the (-180, 180]
  // convention of dihedralDegrees (BackboneDihedralsTest) has it.
  Vec P90 = place({1, 0, 0}, B, C, 1.0, 90.0, 90.0);
  EXPECT_NEAR(P90[0], 0.0, 1e-12);
  EXPECT_NEAR(P90[1], 1.0, 1e-12);
  EXPECT_NEAR(dihedralDegrees({1, 0, 0}, B, C, P90), 90.0, 1e-9);
}

TEST_F(DihedralsTest, HandBuiltSelenomethionine) {
  const Dihedrals &D = compute(pdbText(mse()) + "END\n");
  ASSERT_EQ(D.Residues.size(), 2u);
  ASSERT_EQ(D.NumStates, 1u);
  EXPECT_NEAR(D.chi(0, 0, 1), Chi1, Tol);
  EXPECT_NEAR(D.chi(0, 0, 2), Chi2, Tol);
  EXPECT_NEAR(D.chi(0, 0, 3), Chi3, Tol);
  EXPECT_TRUE(std::isnan(D.chi(0, 0, 4)));
  EXPECT_TRUE(std::isnan(D.chi(0, 0, 5)));
  // GLY has no chi.
  for (unsigned K = 1; K <= MaxChi; ++K)
    EXPECT_TRUE(std::isnan(D.chi(0, 1, K))) << "chi" << K;
  // No peptide bond: no backbone angle.
  EXPECT_TRUE(std::isnan(D.phi(0, 0)));
  EXPECT_TRUE(std::isnan(D.psi(0, 0)));
  EXPECT_TRUE(std::isnan(D.omega(0, 0)));
}

TEST_F(DihedralsTest, MissingAtomsGiveDots) {
  // No CE: chi3 undefined, chi1 and chi2 still there.
  const Dihedrals &D = compute(pdbText(without(mse(), "CE")) + "END\n");
  EXPECT_NEAR(D.chi(0, 0, 1), Chi1, Tol);
  EXPECT_NEAR(D.chi(0, 0, 2), Chi2, Tol);
  EXPECT_TRUE(std::isnan(D.chi(0, 0, 3)));
  std::string Out = printed(D);
  EXPECT_EQ(Out.substr(0, Out.find('\n')),
            "model\tchain\tseq\ticode\tresname\tphi\tpsi\tomega\tchi1\tchi2\t"
            "chi3\tchi4\tchi5");
  EXPECT_NE(Out.find("\tMSE\t.\t.\t.\t-65.0"), std::string::npos) << Out;
  EXPECT_NE(Out.find("\t.\t.\t.\n"), std::string::npos) << Out;
}

TEST_F(DihedralsTest, ElementMustMatchTheTemplate) {
  // An atom named SE that the file calls sulfur is not MSE's SE.
  std::vector<Atom> A = mse();
  for (Atom &X : A)
    if (X.Name == "SE")
      X.Element = "S";
  const Dihedrals &D = compute(pdbText(A) + "END\n");
  EXPECT_NEAR(D.chi(0, 0, 1), Chi1, Tol);
  EXPECT_TRUE(std::isnan(D.chi(0, 0, 2)));
  EXPECT_TRUE(std::isnan(D.chi(0, 0, 3)));
}

TEST_F(DihedralsTest, FirstAltLocWins) {
  // Two conformers of CE: A as built, B at chi3 = -70. A comes first.
  std::vector<Atom> A = mse();
  Vec CB = A[4].P, CG = A[5].P, SE = A[6].P;
  A[7].AltLoc = 'A';
  A.insert(A.begin() + 8,
           {"CE", 'B', "MSE", 1, place(CB, CG, SE, 1.95, 98.0, -70.0), "C"});
  const Dihedrals &D = compute(pdbText(A) + "END\n");
  EXPECT_NEAR(D.chi(0, 0, 3), Chi3, Tol);
  // B first in the file: B wins.
  std::swap(A[7], A[8]);
  const Dihedrals &E = compute(pdbText(A) + "END\n");
  EXPECT_NEAR(E.chi(0, 0, 3), -70.0, Tol);
}

TEST_F(DihedralsTest, PerModel) {
  // Model 2 lacks CE: chi3 is defined in model 1 only.
  std::string Text = "MODEL        1\n" + pdbText(mse()) + "ENDMDL\n" +
                     "MODEL        2\n" + pdbText(without(mse(), "CE")) +
                     "ENDMDL\nEND\n";
  const Dihedrals &D = compute(Text);
  ASSERT_EQ(D.NumStates, 2u);
  EXPECT_NEAR(D.chi(0, 0, 3), Chi3, Tol);
  EXPECT_TRUE(std::isnan(D.chi(1, 0, 3)));
  EXPECT_NEAR(D.chi(1, 0, 2), Chi2, Tol);
}

TEST_F(DihedralsTest, UnlistedResidueHasNoChi) {
  // UNK is an amino acid (a row) but has no chi in ChiAngles.def, even with
  // MET-like atom names.
  std::vector<Atom> A = mse();
  for (Atom &X : A)
    if (X.Res == "MSE")
      X.Res = "UNK";
  const Dihedrals &D = compute(pdbText(A) + "END\n");
  ASSERT_EQ(D.Residues.size(), 2u);
  for (unsigned K = 1; K <= MaxChi; ++K)
    EXPECT_TRUE(std::isnan(D.chi(0, 0, K))) << "chi" << K;
}

// ---- on real files --------------------------------------------------------

std::unique_ptr<Structure> load(StringRef Name) {
  auto R = io::readStructureFile(
      (Twine(QIR_SOURCE_DIR) + "/test/Inputs/" + Name).str());
  if (!R) {
    ADD_FAILURE() << toString(R.takeError());
    return std::make_unique<Structure>();
  }
  return std::make_unique<Structure>(std::move(*R));
}

/// Bitwise equality (NaN equals NaN).
bool sameDoubles(const std::vector<double> &A, const std::vector<double> &B) {
  return A.size() == B.size() &&
         (A.empty() || std::memcmp(A.data(), B.data(), 8 * A.size()) == 0);
}

TEST(DihedralsFileTest, BackboneIsBackboneDihedrals) {
  std::unique_ptr<Structure> S = load("1l2y.cif");
  AnalysisManager AM;
  const Dihedrals &D = AM.getResult<DihedralsAnalysis>(*S);
  const BackboneDihedrals &B = AM.getResult<BackboneDihedralsAnalysis>(*S);
  EXPECT_EQ(D.Residues, B.Residues);
  EXPECT_EQ(D.NumStates, B.NumStates);
  EXPECT_EQ(D.InState, B.InState);
  EXPECT_TRUE(sameDoubles(D.Phi, B.Phi));
  EXPECT_TRUE(sameDoubles(D.Psi, B.Psi));
  EXPECT_TRUE(sameDoubles(D.Omega, B.Omega));
  EXPECT_EQ(D.Chi.size(), D.NumStates * D.Residues.size() * MaxChi);
}

ResultBuffer written(const Dihedrals &R) {
  ResultBuffer B;
  Error E = DihedralsAnalysis::write(B, R);
  EXPECT_FALSE(static_cast<bool>(E)) << toString(std::move(E));
  return B;
}

std::string readError(ResultBuffer &B, const Structure &S) {
  auto R = DihedralsAnalysis::read(B, S);
  if (R)
    return "";
  std::string Msg = toString(R.takeError());
  EXPECT_EQ(Msg.rfind("malformed result: ", 0), 0u) << Msg;
  EXPECT_NE(Msg.find("dihedrals"), std::string::npos) << Msg;
  return Msg;
}

TEST(DihedralsSerializer, RoundTrip) {
  for (StringRef File : {"1l2y.cif", "1ubq.cif", "5i55.cif"}) {
    std::unique_ptr<Structure> S = load(File);
    AnalysisManager AM;
    const Dihedrals &R = AM.getResult<DihedralsAnalysis>(*S);
    ASSERT_FALSE(R.Residues.empty()) << File.str();
    ResultBuffer B = written(R);
    ASSERT_NE(B.array("chi"), nullptr);
    EXPECT_EQ(
        B.array("chi")->Shape,
        (SmallVector<uint64_t, 3>{S->numStates(), R.Residues.size(), MaxChi}));
    auto Back = DihedralsAnalysis::read(B, *S);
    ASSERT_TRUE(static_cast<bool>(Back)) << toString(Back.takeError());
    EXPECT_EQ(Back->Residues, R.Residues);
    EXPECT_EQ(Back->NumStates, R.NumStates);
    EXPECT_EQ(Back->InState, R.InState);
    EXPECT_TRUE(sameDoubles(Back->Phi, R.Phi));
    EXPECT_TRUE(sameDoubles(Back->Psi, R.Psi));
    EXPECT_TRUE(sameDoubles(Back->Omega, R.Omega));
    EXPECT_TRUE(sameDoubles(Back->Chi, R.Chi));
    // Both defined and undefined chi angles occur and survive.
    size_t NaNs = 0;
    for (double V : Back->Chi)
      NaNs += std::isnan(V);
    EXPECT_GT(NaNs, 0u);
    EXPECT_LT(NaNs, Back->Chi.size());
  }
  EXPECT_TRUE(analysisInfo<DihedralsAnalysis>().persistable());
}

TEST(DihedralsSerializer, DamagedBodies) {
  std::unique_ptr<Structure> S = load("1l2y.cif");
  ASSERT_GT(S->numStates(), 1u);
  AnalysisManager AM;
  const Dihedrals &R = AM.getResult<DihedralsAnalysis>(*S);
  const uint64_t NS = S->numStates(), NR = R.Residues.size();
  {
    ResultBuffer B = written(R);
    B.erase("chi");
    std::string E = readError(B, *S);
    EXPECT_NE(E.find("'chi'"), std::string::npos) << E;
  }
  {
    // chi as [S][R] (one chi per row) instead of [S][R][5].
    ResultBuffer B = written(R);
    B.erase("chi");
    std::vector<double> V(NS * NR, 0.0);
    ASSERT_FALSE(static_cast<bool>(B.write<double>("chi", V, {NS, NR})));
    std::string E = readError(B, *S);
    EXPECT_NE(E.find("'chi'"), std::string::npos) << E;
  }
  {
    ResultBuffer B = written(R);
    B.array("in_state")->set<uint8_t>(3, 2);
    std::string E = readError(B, *S);
    EXPECT_NE(E.find("'in_state'"), std::string::npos) << E;
  }
  {
    // The right number of rows, the wrong residues.
    ResultBuffer B = written(R);
    std::vector<uint32_t> Res;
    ASSERT_FALSE(static_cast<bool>(B.read("residues", Res)));
    Res[0] = Res[1];
    B.erase("residues");
    ASSERT_FALSE(static_cast<bool>(B.write<uint32_t>("residues", Res)));
    EXPECT_NE(readError(B, *S), "");
  }
  {
    // 1L2Y's body read against 1UBQ (one state, other residues).
    ResultBuffer B = written(R);
    std::unique_ptr<Structure> U = load("1ubq.cif");
    EXPECT_NE(readError(B, *U), "");
  }
}

} // namespace
