//===- SasaTest.cpp - sasa analysis and the surface-area methods ----------===//
//
// The methods against geometry worked out by hand: an isolated sphere has
// area 4 pi R^2; of two overlapping spheres each loses a spherical cap
// (the lens formula, 2 pi R h); same-centre and same-axis spheres give
// defined values, not NaN. Results identical for 1, 2 and 4 threads. The
// analysis: FreeSASA's altloc rule and atom filters on a hand-written file,
// radii and classes from the tables (ANY rows, element fallback), the
// union area kept when an atom is duplicated, print columns, the persisted
// form. Agreement with the freesasa program itself is tested in
// test/Analysis/sasa-*.test.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Sasa.h"
#include "qir/Analysis/SasaClassifier.h"
#include "qir/Analysis/SurfaceArea.h"
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/ResultBuffer.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstring>

using namespace qir;
using namespace llvm;

namespace {

constexpr double Pi = 3.14159265358979323846;

/// Exposed area of sphere 1 (radius R1) overlapping sphere 2 (radius R2)
/// at centre distance D, when neither contains the other: the sphere minus
/// the cap inside sphere 2, whose height is R1 - (D^2 + R1^2 - R2^2) / 2D.
double lensExposed(double R1, double R2, double D) {
  double H = R1 - (D * D + R1 * R1 - R2 * R2) / (2 * D);
  return 4 * Pi * R1 * R1 - 2 * Pi * R1 * H;
}

struct Spheres {
  std::vector<double> XYZ, Radius;
  SphereSet set() const { return {XYZ, Radius}; }
  SphereNeighbors neighbors() const {
    // Every pair is a candidate; buildSphereNeighbors makes the exact test.
    return buildSphereNeighbors(
        set(), [&](function_ref<void(uint32_t, uint32_t)> Fn) {
          for (uint32_t I = 0; I < Radius.size(); ++I)
            for (uint32_t J = I + 1; J < Radius.size(); ++J)
              Fn(I, J);
        });
  }
};

TEST(SurfaceArea, IsolatedSphere) {
  Spheres S{{1.5, -2.0, 7.25}, {1.88 + 1.4}};
  const double Want = 4 * Pi * 3.28 * 3.28;
  for (unsigned Slices : {1u, 5u, 20u, 333u})
    EXPECT_NEAR(leeRichardsAreas(S.set(), S.neighbors(), Slices, 1)[0], Want,
                1e-9 * Want)
        << Slices << " slices";
  for (unsigned Points : {1u, 100u, 1000u})
    EXPECT_NEAR(shrakeRupleyAreas(S.set(), S.neighbors(), Points, 1)[0], Want,
                1e-9 * Want)
        << Points << " points";
}

TEST(SurfaceArea, TwoSpheresAgainstTheLensFormula) {
  // Radii of a CA and an O with the probe, 3.1 A apart along a skew axis.
  const double R1 = 3.28, R2 = 2.82, D = 3.1;
  const double Ux = 0.48, Uy = -0.6, Uz = std::sqrt(1 - Ux * Ux - Uy * Uy);
  Spheres S{{0.3, 0.2, -0.1, 0.3 + D * Ux, 0.2 + D * Uy, -0.1 + D * Uz},
            {R1, R2}};
  const double Want1 = lensExposed(R1, R2, D), Want2 = lensExposed(R2, R1, D);
  SphereNeighbors Nb = S.neighbors();
  ASSERT_EQ(Nb.Index.size(), 2u);
  // Lee & Richards converges as the slices thin; Shrake & Rupley as the
  // points grow. The errors at 20 slices / 100 points are those of the
  // methods themselves (docs/benchmarks.md has the curve).
  double PrevErr = 1e9;
  for (unsigned Slices : {20u, 200u, 4000u}) {
    std::vector<double> A = leeRichardsAreas(S.set(), Nb, Slices, 1);
    double Err = std::max(std::fabs(A[0] - Want1) / Want1,
                          std::fabs(A[1] - Want2) / Want2);
    EXPECT_LT(Err, PrevErr) << Slices;
    PrevErr = Err;
  }
  EXPECT_LT(PrevErr, 1e-4);
  std::vector<double> A = shrakeRupleyAreas(S.set(), Nb, 200000, 1);
  EXPECT_NEAR(A[0], Want1, 2e-4 * Want1);
  EXPECT_NEAR(A[1], Want2, 2e-4 * Want2);
}

TEST(SurfaceArea, SameAxisAndSameCentreAreDefined) {
  // Two equal spheres on one z axis: every slab circle of one is concentric
  // with the other's (FreeSASA divides by zero where they are equal).
  const double R = 3.04, D = 2.0;
  Spheres Axis{{0, 0, 0, 0, 0, D}, {R, R}};
  std::vector<double> A =
      leeRichardsAreas(Axis.set(), Axis.neighbors(), 5000, 1);
  for (double V : A) {
    ASSERT_TRUE(std::isfinite(V));
    EXPECT_NEAR(V, lensExposed(R, R, D), 1e-3 * V);
  }
  // The same sphere twice: the later is hidden, the union's area kept.
  Spheres Twice{{1, 2, 3, 1, 2, 3}, {R, R}};
  SphereNeighbors Nb = Twice.neighbors();
  ASSERT_EQ(Nb.Coincident.size(), 1u);
  EXPECT_EQ(Nb.Coincident[0], std::make_pair(0u, 1u));
  for (bool LR : {true, false}) {
    std::vector<double> T = LR ? leeRichardsAreas(Twice.set(), Nb, 20, 1)
                               : shrakeRupleyAreas(Twice.set(), Nb, 100, 1);
    EXPECT_NEAR(T[0], 4 * Pi * R * R, 1e-9) << LR;
    EXPECT_EQ(T[1], 0.0) << LR;
  }
}

TEST(SurfaceArea, GoldenSpiral) {
  // Unit vectors, z from 1 - 1/N down in steps of 2/N, longitude steps of
  // pi (3 - sqrt 5).
  std::vector<std::array<double, 3>> P = goldenSpiralPoints(10);
  ASSERT_EQ(P.size(), 10u);
  for (size_t K = 0; K < P.size(); ++K) {
    EXPECT_NEAR(P[K][2], 1 - 0.1 - 0.2 * K, 1e-12);
    EXPECT_NEAR(P[K][0] * P[K][0] + P[K][1] * P[K][1] + P[K][2] * P[K][2], 1,
                1e-12);
    double Long = std::fmod(K * Pi * (3 - std::sqrt(5.0)), 2 * Pi);
    double Got = std::atan2(P[K][1], P[K][0]);
    EXPECT_NEAR(std::remainder(Got - Long, 2 * Pi), 0, 1e-9) << K;
  }
}

std::unique_ptr<Structure> readInput(StringRef Name) {
  auto S = io::readStructureFile(std::string(QIR_SOURCE_DIR) + "/test/Inputs/" +
                                 Name.str());
  EXPECT_TRUE(static_cast<bool>(S)) << toString(S.takeError());
  return S ? std::make_unique<Structure>(std::move(*S)) : nullptr;
}

TEST(Sasa, IdenticalForAnyThreadCount) {
  auto S = readInput("1ubq.pdb");
  ASSERT_TRUE(S);
  for (SasaAlgorithm Alg :
       {SasaAlgorithm::LeeRichards, SasaAlgorithm::ShrakeRupley}) {
    SasaAnalysis::Options O;
    O.Algorithm = Alg;
    std::vector<double> First;
    for (unsigned Threads : {1u, 2u, 4u}) {
      AnalysisManager AM;
      AM.setExecution(ExecutionSettings{Threads});
      const SasaResult &R = AM.getResult<SasaAnalysis>(*S, O);
      ASSERT_GT(R.Area.size(), 600u);
      if (First.empty())
        First = R.Area;
      else
        EXPECT_EQ(0, std::memcmp(First.data(), R.Area.data(),
                                 First.size() * sizeof(double)))
            << Threads << " threads";
    }
  }
}

std::string atomLine(int Serial, StringRef Name, char Alt, StringRef Res,
                     int Seq, std::array<double, 3> P, StringRef Element,
                     bool Het = false) {
  std::string L;
  raw_string_ostream OS(L);
  OS << (Het ? "HETATM" : "ATOM  ") << format("%5d", Serial) << " "
     << format("%-4s", Name.str().c_str()) << Alt
     << format("%3s", Res.str().c_str()) << " A" << format("%4d", Seq) << "    "
     << format("%8.3f%8.3f%8.3f", P[0], P[1], P[2]) << "  1.00 10.00          "
     << format("%2s", Element.str().c_str()) << "\n";
  return L;
}

TEST(Sasa, AtomChoiceRadiiAndClasses) {
  // Residue 1: CA in two conformers listed B first (FreeSASA keeps the
  // first id met after an atom without one: B); CB only in A after the
  // blank C (kept: the choice was reset). Residue 2: its first atoms carry
  // A and B without a blank atom before them, and B was chosen last: the
  // A atoms are dropped, the B ones kept. A hydrogen, a water and a zinc
  // (HETATM) are left out by default. Atoms 20 A apart, so each is
  // isolated and its area is 4 pi (r + 1.4)^2.
  std::string Pdb;
  int Serial = 0;
  double X = 0;
  auto Add = [&](StringRef Name, char Alt, StringRef Res, int Seq, StringRef El,
                 bool Het = false) {
    Pdb += atomLine(++Serial, Name, Alt, Res, Seq, {X, 0, 0}, El, Het);
    X += 20;
  };
  Add(" N", ' ', "ALA", 1, "N");   // kept
  Add(" CA", 'B', "ALA", 1, "C");  // kept (first id: B)
  Add(" CA", 'A', "ALA", 1, "C");  // dropped
  Add(" C", ' ', "ALA", 1, "C");   // kept, resets the choice
  Add(" CB", 'A', "ALA", 1, "C");  // kept (first id: A)
  Add(" H", ' ', "ALA", 1, "H");   // hydrogen: left out (no reset)
  Add(" N", 'B', "SER", 2, "N");   // dropped: A is the choice
  Add(" N", 'A', "SER", 2, "N");   // kept
  Add(" OG", ' ', "SER", 2, "O");  // kept
  Add(" XX", ' ', "SER", 2, "SE"); // unknown: element radius 1.90
  Add(" O", ' ', "HOH", 3, "O", true);
  Add("ZN", ' ', " ZN", 4, "ZN", true);
  auto S = io::readStructureBuffer(Pdb + "END\n", "choice.pdb");
  ASSERT_TRUE(static_cast<bool>(S)) << toString(S.takeError());

  AnalysisManager AM;
  const SasaResult &R = AM.getResult<SasaAnalysis>(*S);
  const AtomTable &At = S->atoms();
  std::vector<std::string> Names;
  for (uint32_t A : R.Atom)
    Names.push_back((At.Name[A].str() + ":" +
                     (At.AltLoc[A] ? std::string(1, At.AltLoc[A]) : "-"))
                        .str());
  EXPECT_EQ(Names, (std::vector<std::string>{"N:-", "CA:B", "C:-", "CB:A",
                                             "N:A", "OG:-", "XX:-"}));
  // ProtOr radii and classes; XX is unknown.
  const std::vector<float> Radius = {1.64f, 1.88f, 1.61f, 1.88f,
                                     1.64f, 1.46f, 1.90f};
  EXPECT_EQ(R.Radius, Radius);
  EXPECT_EQ(R.Class[0], SasaAtomClass::Polar);
  EXPECT_EQ(R.Class[1], SasaAtomClass::Apolar);
  EXPECT_EQ(R.Class[6], SasaAtomClass::Unknown);
  EXPECT_EQ(R.MainChain, (std::vector<uint8_t>{1, 1, 1, 0, 1, 0, 0}));
  for (size_t I = 0; I < R.Area.size(); ++I) {
    double Ri = R.Radius[I] + 1.4;
    EXPECT_NEAR(R.Area[I], 4 * Pi * Ri * Ri, 1e-4) << I;
  }
  // Residue sums and relative areas: ALA's four atoms, all main chain but
  // CB; rel_total = 100 * total / 108.76 (ProtOr reference for ALA).
  ASSERT_EQ(R.Residue.size(), 2u);
  EXPECT_EQ(R.ResidueAtoms, (std::vector<uint32_t>{4, 3}));
  double Ala = R.Area[0] + R.Area[1] + R.Area[2] + R.Area[3];
  EXPECT_NEAR(R.residueArea(0, SC_Total), Ala, 1e-9);
  EXPECT_NEAR(R.residueArea(0, SC_SideChain), R.Area[3], 1e-9);
  EXPECT_NEAR(R.residueArea(0, SC_Polar), R.Area[0], 1e-9);
  EXPECT_NEAR(R.relative(*S, 0, SC_Total), 100 * Ala / 108.76, 1e-9);
  EXPECT_NEAR(R.residueArea(1, SC_Unknown), R.Area[6], 1e-9);

  // With hetatm and hydrogens: H (1.10 by element: ProtOr lists no H), the
  // water O (HOH O, 1.46) and ZN (element, 1.39) join.
  SasaAnalysis::Options All;
  All.Hetatm = All.Hydrogens = true;
  const SasaResult &R2 = AM.getResult<SasaAnalysis>(*S, All);
  ASSERT_EQ(R2.Atom.size(), 10u);
  EXPECT_EQ(R2.Radius[4], 1.10f);
  EXPECT_EQ(R2.Radius[8], 1.46f);
  EXPECT_EQ(R2.Radius[9], 1.39f);

  // NACCESS: CA by its ANY row (C_ALI 1.87), CB by ALA's own row.
  SasaAnalysis::Options Nac;
  Nac.Radii = SasaRadiiSet::Naccess;
  const SasaResult &R3 = AM.getResult<SasaAnalysis>(*S, Nac);
  EXPECT_EQ(R3.Radius[1], 1.87f);
  EXPECT_EQ(R3.Radius[3], 1.87f);
}

TEST(SasaClassifier, Lookups) {
  // Names compare without padding; a residue's own row first, then ANY.
  auto CA = lookupSasaAtom(SasaRadiiSet::Protor, "ALA", " CA ");
  ASSERT_TRUE(CA);
  EXPECT_EQ(CA->Radius, 1.88);
  EXPECT_EQ(CA->Class, SasaAtomClass::Apolar);
  EXPECT_FALSE(lookupSasaAtom(SasaRadiiSet::Protor, "HEM", "CA"));
  auto Any = lookupSasaAtom(SasaRadiiSet::Naccess, "HEM", "CA");
  ASSERT_TRUE(Any);
  EXPECT_EQ(Any->Radius, 1.87);
  // Upper case only, as FreeSASA 2.1.2 compares symbols.
  EXPECT_EQ(sasaElementRadius(" FE"), std::optional<double>(1.26));
  EXPECT_FALSE(sasaElementRadius("Fe"));
  EXPECT_FALSE(sasaElementRadius("D"));
  EXPECT_TRUE(isSasaMainChain("OXT"));
  EXPECT_TRUE(isSasaMainChain("O5'"));
  EXPECT_FALSE(isSasaMainChain("OP3"));
  EXPECT_FALSE(isSasaMainChain("CB"));
  ASSERT_TRUE(sasaReference(SasaRadiiSet::Protor, "GLY"));
  EXPECT_EQ(sasaReference(SasaRadiiSet::Protor, "GLY")->SideChain, 0.0);
  EXPECT_FALSE(sasaReference(SasaRadiiSet::Protor, "MSE"));
}

TEST(Sasa, DuplicatedAtomKeepsTheUnionArea) {
  // 1UBQ with its first atom written again after the chain: the copy gets
  // area 0 and the total is that of the file without it.
  auto S = readInput("1ubq.pdb");
  ASSERT_TRUE(S);
  AnalysisManager AM;
  const SasaResult &R = AM.getResult<SasaAnalysis>(*S);
  double Total = 0;
  for (double A : R.Area)
    Total += A;

  auto Buf = MemoryBuffer::getFile(std::string(QIR_SOURCE_DIR) +
                                   "/test/Inputs/1ubq.pdb");
  ASSERT_TRUE(static_cast<bool>(Buf));
  StringRef Text = (*Buf)->getBuffer();
  size_t First = Text.find("\nATOM ");
  std::string Line =
      Text.substr(First + 1, Text.find('\n', First + 1) - First).str();
  Line.replace(22, 4, " 999"); // a residue of its own after the others
  size_t Ter = Text.find("\nTER");
  ASSERT_NE(Ter, StringRef::npos);
  std::string Pdb =
      Text.substr(0, Ter + 1).str() + Line + Text.substr(Ter + 1).str();
  auto S2 = io::readStructureBuffer(Pdb, "twice.pdb");
  ASSERT_TRUE(static_cast<bool>(S2)) << toString(S2.takeError());
  AnalysisManager AM2;
  // The coincident pair is reported through the manager's handler.
  std::vector<Diagnostic> Warnings;
  AM2.setDiagnosticHandler([&](const Diagnostic &D) { Warnings.push_back(D); });
  const SasaResult &R2 = AM2.getResult<SasaAnalysis>(*S2);
  ASSERT_EQ(Warnings.size(), 1u);
  EXPECT_EQ(AM2.numWarnings(), 1u);
  EXPECT_EQ(Warnings[0].Kind, DiagKind::Warning);
  EXPECT_EQ(Warnings[0].File, "sasa");
  EXPECT_TRUE(StringRef(Warnings[0].Message)
                  .starts_with("1 pair of atoms at the same position"))
      << Warnings[0].Message;
  ASSERT_EQ(R2.Area.size(), R.Area.size() + 1);
  double Total2 = 0;
  for (double A : R2.Area) {
    ASSERT_TRUE(std::isfinite(A));
    Total2 += A;
  }
  EXPECT_NEAR(Total2, Total, 1e-6);
}

TEST(Sasa, WarningsGoToTheManagersHandler) {
  // Two atoms of a residue type the radii table does not know: one warning
  // for the type, naming the atoms, through the handler (nothing printed);
  // its default renders it as "sasa: warning: ...".
  std::string Pdb = atomLine(1, " C1", ' ', "LIG", 1, {0, 0, 0}, "C", true) +
                    atomLine(2, " X2", ' ', "LIG", 1, {20, 0, 0}, "C", true);
  auto S = io::readStructureBuffer(Pdb, "lig.pdb");
  ASSERT_TRUE(static_cast<bool>(S)) << toString(S.takeError());
  AnalysisManager AM;
  std::vector<Diagnostic> Warnings;
  AM.setDiagnosticHandler([&](const Diagnostic &D) { Warnings.push_back(D); });
  SasaAnalysis::Options O;
  O.Hetatm = true;
  AM.getResult<SasaAnalysis>(*S, O);
  ASSERT_EQ(Warnings.size(), 1u);
  EXPECT_EQ(AM.numWarnings(), 1u);
  EXPECT_TRUE(StringRef(Warnings[0].Message)
                  .starts_with("residue type LIG: 2 atoms (C1 X2) not in the"))
      << Warnings[0].Message;
  std::string Text;
  raw_string_ostream OS(Text);
  Warnings[0].print(OS);
  EXPECT_TRUE(StringRef(Text).starts_with("sasa: warning: residue type LIG"))
      << Text;
}

TEST(Sasa, PrintAndPersistedForm) {
  auto S = readInput("1ubq.pdb");
  ASSERT_TRUE(S);
  AnalysisManager AM;
  const SasaResult &R = AM.getResult<SasaAnalysis>(*S);

  std::string Text;
  raw_string_ostream OS(Text);
  SasaAnalysis::PrintOptions P;
  P.Level = SasaAnalysis::Depth::Structure;
  SasaAnalysis::print(OS, *S, R, P);
  EXPECT_EQ(Text.substr(0, Text.find('\n')),
            "model\tatoms\ttotal\tmain_chain\tside_chain\tpolar\tapolar\t"
            "unknown");
  P.Level = SasaAnalysis::Depth::Chain;
  Text.clear();
  SasaAnalysis::print(OS, *S, R, P);
  EXPECT_NE(Text.find("\n1\tA\t76\t602\t"), std::string::npos) << Text;

  ResultBuffer B;
  ASSERT_FALSE(static_cast<bool>(SasaAnalysis::write(B, R)));
  auto Back = SasaAnalysis::read(B, *S);
  ASSERT_TRUE(static_cast<bool>(Back)) << toString(Back.takeError());
  EXPECT_EQ(Back->Atom, R.Atom);
  EXPECT_EQ(Back->Area, R.Area);
  EXPECT_EQ(Back->Radius, R.Radius);
  EXPECT_EQ(Back->Class, R.Class);
  EXPECT_EQ(Back->Residue, R.Residue);
  EXPECT_EQ(Back->ResidueArea, R.ResidueArea);
  EXPECT_EQ(Back->Resolution, R.Resolution);
  // Residue rows must be the residues of the atoms.
  std::vector<uint32_t> Res = R.Residue;
  std::swap(Res[0], Res[1]);
  B.erase("residue");
  ASSERT_FALSE(static_cast<bool>(B.write<uint32_t>("residue", Res)));
  auto Bad = SasaAnalysis::read(B, *S);
  ASSERT_FALSE(static_cast<bool>(Bad));
  EXPECT_NE(toString(Bad.takeError()).find("'residue'"), std::string::npos);
}

} // namespace
