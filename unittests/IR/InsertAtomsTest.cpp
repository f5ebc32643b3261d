//===- InsertAtomsTest.cpp - insertAtoms ----------------------------------===//
#include "qir/IR/InsertAtoms.h"

#include "qir/IO/Reader.h"
#include "qir/IO/Writer.h"
#include "qir/IR/Structure.h"

#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

#include <cmath>
#include <string>

using namespace qir;

namespace {

io::ReadOptions quiet() {
  io::ReadOptions O;
  O.Warn = [](const Diagnostic &) {};
  return O;
}

Structure readInput(llvm::StringRef Name) {
  auto S = io::readStructureFile(
      std::string(QIR_SOURCE_DIR) + "/test/Inputs/" + Name.str(), quiet());
  if (!S) {
    ADD_FAILURE() << llvm::toString(S.takeError());
    return Structure();
  }
  return std::move(*S);
}

Structure readText(llvm::StringRef Text, llvm::StringRef Name) {
  auto S = io::readStructureBuffer(Text, Name, quiet());
  if (!S) {
    ADD_FAILURE() << llvm::toString(S.takeError());
    return Structure();
  }
  return std::move(*S);
}

/// Residue, name and altloc of atom \p A: what identifies it when rows move.
std::string atomKey(const Structure &S, size_t A) {
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  uint32_t R = At.Residue[A];
  std::string K = S.chains().AuthId[Res.Chain[R]].str().str() + "/" +
                  std::to_string(Res.AuthSeq[R]) + "/" +
                  Res.Name[R].str().str() + "/" + At.Name[A].str().str();
  if (At.AltLoc[A])
    K += std::string(".") + At.AltLoc[A];
  return K;
}

/// An altloc copy of atom \p A of \p S, shifted by \p Shift in every state
/// holding \p A, with altloc \p Alt.
NewAtom copyOf(const Structure &S, uint32_t A, char Alt, float Shift) {
  NewAtom N;
  const AtomTable &At = S.atoms();
  N.Name = At.Name[A];
  N.Element = At.Element[A];
  N.AtomicNumber = At.AtomicNumber[A];
  N.AltLoc = Alt;
  N.Charge = At.Charge[A];
  N.Occupancy = 0.25f;
  N.BIso = 42.5f;
  N.Serial = 90000 + A;
  N.Flags = At.Flags[A];
  for (size_t Si = 0; Si < S.numStates(); ++Si) {
    auto P = S.position(Si, A);
    N.Coords.push_back({P[0] + Shift, P[1] + Shift, P[2] + Shift});
  }
  return N;
}

struct Snapshot {
  std::vector<std::string> Keys;
  std::vector<std::pair<std::string, std::string>> Bonds;
  uint64_t Gen[NumFacets];
  explicit Snapshot(const Structure &S) {
    for (size_t A = 0; A < S.numAtoms(); ++A)
      Keys.push_back(atomKey(S, A));
    for (size_t B = 0; B < S.bonds().size(); ++B)
      Bonds.emplace_back(atomKey(S, S.bonds().A[B]),
                         atomKey(S, S.bonds().B[B]));
    for (unsigned F = 0; F < NumFacets; ++F)
      Gen[F] = S.generation(static_cast<Facet>(F));
  }
};

/// Insert \p K altloc copies of the first atoms of residue \p R and check
/// every table: old atoms keep their rows' content in order around the new
/// ones, bonds name the same atoms, the facets moved, verify() holds.
void insertAndCheck(Structure &S, uint32_t R, size_t K) {
  ASSERT_EQ(S.verify(), "");
  Snapshot Before(S);
  const size_t N = S.numAtoms();
  const uint32_t Begin = S.residues().AtomBegin[R],
                 End = S.residues().AtomEnd[R];
  ASSERT_GE(End - Begin, K);
  std::vector<NewAtom> New;
  for (size_t I = 0; I < K; ++I)
    New.push_back(copyOf(S, Begin + I, 'Z', 0.5f));
  std::vector<std::array<float, 3>> OldPos;
  for (size_t A = 0; A < N; ++A)
    OldPos.push_back(S.position(0, A));

  insertAtoms(S, R, New);

  EXPECT_EQ(S.verify(), "");
  ASSERT_EQ(S.numAtoms(), N + K);
  EXPECT_EQ(S.residues().AtomBegin[R], Begin);
  EXPECT_EQ(S.residues().AtomEnd[R], End + K);
  for (size_t A = 0, Old = 0; A < S.numAtoms(); ++A) {
    if (A >= End && A < End + K) {
      const NewAtom &X = New[A - End];
      EXPECT_EQ(S.atoms().Residue[A], R);
      EXPECT_EQ(S.atoms().Name[A], X.Name);
      EXPECT_EQ(S.atoms().AltLoc[A], 'Z');
      EXPECT_EQ(S.occupancy(0, A), 0.25f);
      EXPECT_EQ(S.bIso(0, A), 42.5f);
      EXPECT_EQ(S.serial(0, A), X.Serial);
      for (size_t Si = 0; Si < S.numStates(); ++Si)
        EXPECT_EQ(S.position(Si, A)[1], X.Coords[Si][1]);
      continue;
    }
    EXPECT_EQ(atomKey(S, A), Before.Keys[Old]) << "row " << A;
    EXPECT_EQ(S.position(0, A)[0], OldPos[Old][0]);
    ++Old;
  }
  ASSERT_EQ(S.bonds().size(), Before.Bonds.size());
  for (size_t B = 0; B < S.bonds().size(); ++B) {
    EXPECT_EQ(atomKey(S, S.bonds().A[B]), Before.Bonds[B].first);
    EXPECT_EQ(atomKey(S, S.bonds().B[B]), Before.Bonds[B].second);
  }
  for (Facet F : {Facet::Topology, Facet::Coordinates, Facet::AtomProperties})
    EXPECT_NE(S.generation(F), Before.Gen[static_cast<unsigned>(F)]);
  EXPECT_EQ(S.generation(Facet::Metadata),
            Before.Gen[static_cast<unsigned>(Facet::Metadata)]);
}

/// Write \p S as \p Format, read it back and compare every atom of every
/// state (to the writers' 3 decimals).
void expectRoundTrip(const Structure &S, bool Pdb) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  llvm::Error E = Pdb ? io::writePdb(S, OS) : io::writeMmcif(S, OS);
  ASSERT_FALSE(bool(E)) << llvm::toString(std::move(E));
  OS.flush();
  Structure Back = readText(Text, Pdb ? "rt.pdb" : "rt.cif");
  ASSERT_EQ(Back.verify(), "");
  ASSERT_EQ(Back.numAtoms(), S.numAtoms());
  ASSERT_EQ(Back.numStates(), S.numStates());
  for (size_t A = 0; A < S.numAtoms(); ++A) {
    ASSERT_EQ(atomKey(Back, A), atomKey(S, A)) << "atom " << A;
    EXPECT_EQ(Back.atoms().Element[A], S.atoms().Element[A]);
    EXPECT_EQ(Back.atoms().hasAniso(A), S.atoms().hasAniso(A));
    for (size_t Si = 0; Si < S.numStates(); ++Si) {
      ASSERT_EQ(Back.isPresent(Si, A), S.isPresent(Si, A));
      if (!S.isPresent(Si, A))
        continue;
      for (int D = 0; D < 3; ++D)
        EXPECT_NEAR(Back.position(Si, A)[D], S.position(Si, A)[D], 1e-3);
      EXPECT_NEAR(Back.occupancy(Si, A), S.occupancy(Si, A), 1e-2);
      EXPECT_NEAR(Back.bIso(Si, A), S.bIso(Si, A), 1e-2);
    }
  }
}

const char *const TwoModels =
    "MODEL        1\n"
    "ATOM      1  N   MET A   1      27.340  24.430   2.614  1.00  9.67"
    "      SEGA N  \n"
    "ANISOU    1  N   MET A   1     1234   2345   3456   -123    456   -789"
    "  SEGA N\n"
    "ATOM      2  CA  MET A   1      26.266  25.413   2.842  1.00 10.38"
    "      SEGA C  \n"
    "ATOM      3  C   MET A   1      26.913  26.639   3.531  1.00  9.62"
    "      SEGA C  \n"
    "ATOM      4  N   GLY A   2      26.335  27.770   3.258  1.00  9.27"
    "      SEGA N  \n"
    "HETATM    5  O   HOH A 201      -1.500  -2.250  -3.125  1.00 30.00"
    "      SEGW O  \n"
    "ENDMDL\n"
    "MODEL        2\n"
    "ATOM      1  N   MET A   1      27.440  24.530   2.714  1.00 11.67"
    "      SEGA N  \n"
    "ANISOU    1  N   MET A   1     1334   2445   3556   -223    556   -889"
    "  SEGA N\n"
    "ATOM      2  CA  MET A   1      26.366  25.513   2.942  1.00 10.38"
    "      SEGA C  \n"
    "ATOM      3  C   MET A   1      27.013  26.739   3.631  1.00  9.62"
    "      SEGA C  \n"
    "ATOM      4  N   GLY A   2      26.435  27.870   3.358  1.00  9.27"
    "      SEGA N  \n"
    "ENDMDL\n"
    "END\n";

} // namespace

TEST(InsertAtoms, FirstResidue) {
  Structure S = readInput("1ubq.cif");
  insertAndCheck(S, 0, 2);
  expectRoundTrip(S, false);
  expectRoundTrip(S, true);
}

TEST(InsertAtoms, MiddleResidue) {
  Structure S = readInput("1ubq.cif");
  insertAndCheck(S, 37, 3);
  expectRoundTrip(S, false);
  expectRoundTrip(S, true);
}

TEST(InsertAtoms, LastResidue) {
  Structure S = readInput("1ubq.cif");
  insertAndCheck(S, static_cast<uint32_t>(S.numResidues() - 1), 1);
  EXPECT_EQ(S.residues().AtomEnd.back(), S.numAtoms());
  expectRoundTrip(S, false);
  expectRoundTrip(S, true);
}

TEST(InsertAtoms, EmptyListWritesNothing) {
  Structure S = readInput("1ubq.cif");
  Snapshot Before(S);
  insertAtoms(S, 3, {});
  for (unsigned F = 0; F < NumFacets; ++F)
    EXPECT_EQ(S.generation(static_cast<Facet>(F)), Before.Gen[F]);
}

TEST(InsertAtoms, MultiModel) {
  Structure S = readInput("1l2y.cif");
  ASSERT_EQ(S.numStates(), 38u);
  insertAndCheck(S, 10, 2);
  // An atom that only some models hold: the presence mask appears.
  uint32_t R = 5;
  NewAtom X = copyOf(S, S.residues().AtomBegin[R], 'Y', 1.0f);
  for (size_t Si = 1; Si < S.numStates(); Si += 2)
    X.Coords[Si] = {std::nanf(""), std::nanf(""), std::nanf("")};
  insertAtoms(S, R, X);
  EXPECT_EQ(S.verify(), "");
  uint32_t A = S.residues().AtomEnd[R] - 1;
  EXPECT_TRUE(S.isPresent(0, A));
  EXPECT_FALSE(S.isPresent(1, A));
  EXPECT_EQ(S.siteOrder(1).size() + 1, S.siteOrder(0).size());
  expectRoundTrip(S, false);
  expectRoundTrip(S, true);
}

TEST(InsertAtoms, AnisoExtraColumnsAndPerState) {
  Structure S = readText(TwoModels, "two.pdb");
  ASSERT_EQ(S.numStates(), 2u);
  ASSERT_FALSE(S.atoms().AnisoU.empty());
  ASSERT_FALSE(S.states().BIso.empty());
  ASSERT_FALSE(S.states().Present.empty());
  int Seg = S.extraColumns().find("segid");
  if (Seg < 0)
    Seg = 0;
  ASSERT_GT(S.extraColumns().size(), 0u);
  // Two copies in MET 1: one with ANISOU, one without.
  NewAtom WithU = copyOf(S, 1, 'B', 0.3f);
  WithU.AnisoU = AnisoRow{0.1f, 0.2f, 0.3f, 0.01f, 0.02f, 0.03f};
  WithU.Extra.assign(S.extraColumns().size(), "SEGB");
  NewAtom WithoutU = copyOf(S, 2, 'B', 0.3f);
  WithoutU.Extra.assign(S.extraColumns().size(), "SEGC");
  insertAtoms(S, 0, {WithU, WithoutU});
  EXPECT_EQ(S.verify(), "");
  ASSERT_EQ(S.numAtoms(), 7u);
  ASSERT_EQ(S.atoms().AnisoU.size(), 7u);
  EXPECT_TRUE(S.atoms().hasAniso(0));
  EXPECT_TRUE(S.atoms().hasAniso(3));
  EXPECT_FALSE(S.atoms().hasAniso(4));
  EXPECT_EQ(S.atoms().AnisoU[3][1], 0.2f);
  // Per-state B of the new atoms in both models; the water stays absent
  // from model 2 at its new row.
  EXPECT_EQ(S.bIso(1, 3), 42.5f);
  EXPECT_EQ(S.bIso(0, 0), 9.67f);
  EXPECT_EQ(S.bIso(1, 0), 11.67f);
  EXPECT_FALSE(S.isPresent(1, 6));
  const auto &V = S.extraColumns().Values[Seg];
  EXPECT_EQ(V[3], "SEGB");
  EXPECT_EQ(V[7 + 4], "SEGC");
  EXPECT_EQ(V[7 + 6], ""); // the water, absent from model 2
  expectRoundTrip(S, true);
  expectRoundTrip(S, false);
}
