//===- PdbTest.cpp - PDB reader and writer --------------------------------===//
#include "qir/IO/PdbReader.h"
#include "qir/IO/Writer.h"
#include "qir/IR/StructureBuilder.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <cmath>
#include <string>

using namespace qir;
using namespace qir::io;
using llvm::StringRef;

namespace {

// Columns matter: every line below was laid out with the PDB's widths.
const char *const Basic =
    "HEADER    HYDROLASE                               01-JAN-00   1ABC\n"
    "EXPDTA    X-RAY DIFFRACTION\n"
    "REMARK   2 RESOLUTION.    1.80 ANGSTROMS.\n"
    "CRYST1   50.840   42.770   28.950  90.00  90.00  90.00 P 21 21 21    8\n"
    "ATOM      1  N   MET A   1      27.340  24.430   2.614  1.00  9.67  "
    "         N  \n"
    "ANISOU    1  N   MET A   1     1234   2345   3456   -123    456   -789  "
    "     N\n"
    "ATOM      2  CA AMET A   1      26.266  25.413   2.842  0.60 10.38  "
    "         C  \n"
    "ATOM      3  CA BMET A   1      26.270  25.410   2.840  0.40 10.38  "
    "         C  \n"
    "ATOM      4  C   MET A   1      26.913  26.639   3.531  1.00  9.62  "
    "         C  \n"
    "ATOM      5  N   GLN A   2A     26.335  27.770   3.258  1.00  9.27  "
    "         N  \n"
    "ATOM      6  CA  GLN A   2A     26.850  29.021   3.898  1.00  9.07  "
    "         C  \n"
    "TER       7      GLN A   2A\n"
    "HETATM    8 ZN    ZN A 101      10.000  11.000  12.000  1.00 20.00  "
    "        ZN2+\n"
    "HETATM    9  O   HOH A 201      -1.500  -2.250  -3.125  1.00 30.00  "
    "         O  \n"
    "END\n";

ReadOptions quiet(std::vector<Diagnostic> *Warnings = nullptr) {
  ReadOptions O;
  O.Warn = [Warnings](const Diagnostic &D) {
    if (Warnings)
      Warnings->push_back(D);
  };
  return O;
}

Structure readOk(StringRef Text, bool Bonds = false) {
  ReadOptions O = quiet();
  O.PerceiveBonds = Bonds;
  auto S = readPdb(Text, "test.pdb", O);
  if (!S) {
    std::string Msg = llvm::toString(S.takeError());
    ADD_FAILURE() << Msg;
    return Structure();
  }
  return std::move(*S);
}

/// The diagnostic of a failed read (Line 0 if it was not a ParseError).
Diagnostic readError(StringRef Text) {
  auto S = readPdb(Text, "test.pdb", quiet());
  Diagnostic D;
  if (S) {
    ADD_FAILURE() << "expected an error";
    return D;
  }
  llvm::handleAllErrors(
      S.takeError(), [&](const ParseError &PE) { D = PE.diagnostic(); },
      [&](const llvm::ErrorInfoBase &EI) { D.Message = EI.message(); });
  return D;
}

std::string writeOk(const Structure &S) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  if (llvm::Error E = writePdb(S, OS))
    ADD_FAILURE() << llvm::toString(std::move(E));
  return Out;
}

std::string writeError(const Structure &S) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::Error E = writePdb(S, OS);
  if (!E) {
    ADD_FAILURE() << "expected a write error";
    return "";
  }
  EXPECT_TRUE(Out.empty()) << "nothing is written before the check";
  return llvm::toString(std::move(E));
}

std::vector<StringRef> atomLines(StringRef Text) {
  llvm::SmallVector<StringRef, 0> Lines;
  Text.split(Lines, '\n');
  std::vector<StringRef> Out;
  for (StringRef L : Lines)
    if (L.starts_with("ATOM") || L.starts_with("HETATM") ||
        L.starts_with("ANISOU"))
      Out.push_back(L.rtrim("\r"));
  return Out;
}

/// Columns First..Last of \p L (1-based, inclusive), blank-padded.
std::string cols(StringRef L, unsigned First, unsigned Last) {
  std::string S = L.str();
  S.resize(std::max<size_t>(S.size(), 80), ' ');
  return S.substr(First - 1, Last - First + 1);
}

double num(StringRef L, unsigned First, unsigned Last, double Missing) {
  StringRef F = StringRef(cols(L, First, Last)).trim();
  if (F.empty())
    return Missing;
  return std::stod(F.str());
}

/// Every ATOM/HETATM/ANISOU field of two lines: text fields by their exact
/// columns, numbers by value (the spacing of numbers is canonical).
void expectSameFields(StringRef A, StringRef B) {
  SCOPED_TRACE(("\n< " + A + "\n> " + B).str());
  EXPECT_EQ(cols(A, 1, 6), cols(B, 1, 6));
  EXPECT_EQ(StringRef(cols(A, 7, 11)).trim(), StringRef(cols(B, 7, 11)).trim());
  EXPECT_EQ(cols(A, 13, 16), cols(B, 13, 16)); // name alignment included
  EXPECT_EQ(cols(A, 17, 17), cols(B, 17, 17));
  EXPECT_EQ(StringRef(cols(A, 18, 21)).trim(),
            StringRef(cols(B, 18, 21)).trim());
  EXPECT_EQ(cols(A, 22, 22), cols(B, 22, 22));
  EXPECT_EQ(StringRef(cols(A, 23, 26)).trim(),
            StringRef(cols(B, 23, 26)).trim());
  EXPECT_EQ(cols(A, 27, 27), cols(B, 27, 27));
  if (A.starts_with("ANISOU")) {
    for (unsigned C = 29; C < 71; C += 7)
      EXPECT_EQ(num(A, C, C + 6, 0), num(B, C, C + 6, 0));
  } else {
    for (unsigned C = 31; C < 55; C += 8)
      EXPECT_DOUBLE_EQ(num(A, C, C + 7, 0), num(B, C, C + 7, 0));
    EXPECT_DOUBLE_EQ(num(A, 55, 60, 1), num(B, 55, 60, 1));
    EXPECT_DOUBLE_EQ(num(A, 61, 66, 0), num(B, 61, 66, 0));
  }
  EXPECT_EQ(cols(A, 73, 76), cols(B, 73, 76));
  EXPECT_EQ(cols(A, 77, 78), cols(B, 77, 78));
  EXPECT_EQ(cols(A, 79, 80), cols(B, 79, 80));
}

void expectRoundTrip(StringRef Text) {
  Structure S = readOk(Text);
  std::string Out = writeOk(S);
  std::vector<StringRef> A = atomLines(Text), B = atomLines(Out);
  ASSERT_EQ(A.size(), B.size()) << Out;
  for (size_t I = 0; I < A.size(); ++I)
    expectSameFields(A[I], B[I]);
  // And the written text reads back to the same text.
  Structure S2 = readOk(Out);
  EXPECT_EQ(Out, writeOk(S2));
}

} // namespace

TEST(PdbReader, Columns) {
  Structure S = readOk(Basic);
  ASSERT_EQ(S.numAtoms(), 8u);
  ASSERT_EQ(S.numStates(), 1u);
  EXPECT_EQ(S.states().ModelNumber[0], 1);
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();

  EXPECT_EQ(At.Name[0], "N");
  EXPECT_EQ(At.Name[1], "CA");
  EXPECT_EQ(At.AltLoc[0], '\0');
  EXPECT_EQ(At.AltLoc[1], 'A');
  EXPECT_EQ(At.AltLoc[2], 'B');
  EXPECT_FLOAT_EQ(At.Occupancy[1], 0.60f);
  EXPECT_FLOAT_EQ(At.BIso[1], 10.38f);
  EXPECT_EQ(At.Serial[5], 6);
  EXPECT_EQ(At.Element[6], "ZN");
  EXPECT_EQ(At.AtomicNumber[6], 30);
  EXPECT_EQ(At.Charge[6], 2);
  EXPECT_EQ(At.Charge[0], NoCharge);
  EXPECT_TRUE(At.isHetero(6));
  EXPECT_FALSE(At.isHetero(0));
  auto P = S.position(0, 7);
  EXPECT_FLOAT_EQ(P[0], -1.5f);
  EXPECT_FLOAT_EQ(P[1], -2.25f);
  EXPECT_FLOAT_EQ(P[2], -3.125f);

  // Residues: MET 1, GLN 2A, ZN 101, HOH 201.
  ASSERT_EQ(Res.size(), 4u);
  EXPECT_EQ(Res.Name[1], "GLN");
  EXPECT_EQ(Res.AuthSeq[1], 2);
  EXPECT_EQ(Res.ICode[1], 'A');
  EXPECT_EQ(Res.ICode[0], '\0');
  EXPECT_EQ(Res.Kind[2], ResidueKind::Ion);
  EXPECT_EQ(Res.Kind[3], ResidueKind::Water);

  // Label ids derived: polymer, then the ion, then the water.
  ASSERT_EQ(Ch.size(), 3u);
  EXPECT_EQ(Ch.AuthId[0], "A");
  EXPECT_EQ(Ch.AuthId[2], "A");
  EXPECT_EQ(Ch.LabelId[0], "A");
  EXPECT_EQ(Ch.LabelId[1], "B");
  EXPECT_EQ(Ch.LabelId[2], "C");
  EXPECT_EQ(Res.LabelSeq[0], 1);
  EXPECT_EQ(Res.LabelSeq[1], 2);

  // ANISOU: U * 10^4, U11 U22 U33 U12 U13 U23; only atom 1 has one.
  ASSERT_TRUE(At.hasAniso(0));
  EXPECT_FALSE(At.hasAniso(1));
  EXPECT_FLOAT_EQ(At.AnisoU[0][0], 0.1234f);
  EXPECT_FLOAT_EQ(At.AnisoU[0][3], -0.0123f);
  EXPECT_FLOAT_EQ(At.AnisoU[0][5], -0.0789f);

  const Metadata &M = S.metadata();
  EXPECT_EQ(M.Id, "1ABC");
  EXPECT_EQ(M.Method, "X-RAY DIFFRACTION");
  ASSERT_TRUE(M.Resolution.has_value());
  EXPECT_DOUBLE_EQ(*M.Resolution, 1.80);
  ASSERT_TRUE(M.Cell.has_value());
  EXPECT_DOUBLE_EQ(M.Cell->A, 50.84);
  EXPECT_DOUBLE_EQ(M.Cell->Gamma, 90.0);
  EXPECT_EQ(M.SpaceGroup, "P 21 21 21");
  EXPECT_EQ(M.SourceFormat, "pdb");
}

TEST(PdbReader, BareAtomsCrlfAndShortLines) {
  // No HEADER, no CRYST1, CRLF endings; the second line stops at column 54
  // (no occupancy, B or element) and is still a full atom; the missing
  // occupancy and B stay missing (NaN) rather than taking a default (gemmi
  // substitutes 1.0/20.0 here), so a writer can leave them blank again.
  const char *Text =
      "ATOM      1  CA  GLY B   5       1.000   2.000   3.000  0.50 12.00"
      "           C\r\n"
      "ATOM      2  CA  GLY B   6       4.000   5.000   6.000\r\n";
  Structure S = readOk(Text);
  ASSERT_EQ(S.numAtoms(), 2u);
  EXPECT_FLOAT_EQ(S.atoms().Occupancy[0], 0.5f);
  EXPECT_TRUE(std::isnan(S.atoms().Occupancy[1]));
  EXPECT_TRUE(std::isnan(S.atoms().BIso[1]));
  EXPECT_EQ(S.atoms().Element[1], "C"); // inferred: " CA " is carbon
  EXPECT_FLOAT_EQ(S.position(0, 1)[2], 6.0f);
  EXPECT_FALSE(S.metadata().Cell.has_value());
  EXPECT_TRUE(S.metadata().Id.empty());
}

TEST(PdbReader, ElementInferredFromName) {
  // Columns 77-78 blank: the symbol is in columns 13-14.
  const char *Text =
      "ATOM      1  CA  ALA A   1       0.000   0.000   0.000  1.00  0.00\n"
      "HETATM    2 CA    CA A   2       0.000   0.000   0.000  1.00  0.00\n"
      "ATOM      3 HG12 VAL A   3       0.000   0.000   0.000  1.00  0.00\n"
      "ATOM      4 1HG1 VAL A   3       0.000   0.000   0.000  1.00  0.00\n"
      "HETATM    5 FE   HEM A   4       0.000   0.000   0.000  1.00  0.00\n";
  Structure S = readOk(Text);
  ASSERT_EQ(S.numAtoms(), 5u);
  EXPECT_EQ(S.atoms().Element[0], "C");
  EXPECT_EQ(S.atoms().Element[1], "CA");
  EXPECT_EQ(S.atoms().Element[2], "H");
  EXPECT_EQ(S.atoms().Element[3], "H");
  EXPECT_EQ(S.atoms().Element[4], "FE");
  EXPECT_EQ(S.atoms().AtomicNumber[4], 26);
  expectRoundTrip(Text); // columns 77-78 stay blank
}

TEST(PdbReader, ModelsUnionTopology) {
  // Model 2 has an atom (CB) that model 1 lacks.
  const char *Text =
      "MODEL        1\n"
      "ATOM      1  N   ALA A   1       1.000   1.000   1.000  1.00  0.00"
      "           N\n"
      "ATOM      2  CA  ALA A   1       2.000   2.000   2.000  1.00  0.00"
      "           C\n"
      "ENDMDL\n"
      "MODEL        2\n"
      "ATOM      1  N   ALA A   1       1.100   1.100   1.100  1.00  0.00"
      "           N\n"
      "ATOM      2  CA  ALA A   1       2.100   2.100   2.100  1.00  0.00"
      "           C\n"
      "ATOM      3  CB  ALA A   1       3.100   3.100   3.100  1.00  0.00"
      "           C\n"
      "ENDMDL\n"
      "END\n";
  Structure S = readOk(Text);
  ASSERT_EQ(S.numStates(), 2u);
  EXPECT_EQ(S.states().ModelNumber[0], 1);
  EXPECT_EQ(S.states().ModelNumber[1], 2);
  ASSERT_EQ(S.numAtoms(), 3u);
  EXPECT_EQ(S.atoms().Name[2], "CB");
  EXPECT_FALSE(S.isPresent(0, 2));
  EXPECT_TRUE(S.isPresent(1, 2));
  EXPECT_TRUE(std::isnan(S.position(0, 2)[0]));
  EXPECT_FLOAT_EQ(S.position(1, 0)[0], 1.1f);
  EXPECT_FLOAT_EQ(S.position(1, 2)[1], 3.1f);

  std::string Out = writeOk(S);
  EXPECT_NE(Out.find("MODEL        1\n"), std::string::npos);
  EXPECT_NE(Out.find("MODEL        2\n"), std::string::npos);
  EXPECT_EQ(atomLines(Out).size(), 5u); // 2 + 3 present atoms
  expectRoundTrip(Text);
}

TEST(PdbReader, TerSplitsChains) {
  // Two chains both named A, told apart only by TER.
  const char *Text =
      "ATOM      1  CA  GLY A   1       0.000   0.000   0.000  1.00  0.00"
      "           C\n"
      "ATOM      2  CA  GLY A   2       3.800   0.000   0.000  1.00  0.00"
      "           C\n"
      "TER       3      GLY A   2\n"
      "ATOM      4  CA  GLY A   1      10.000   0.000   0.000  1.00  0.00"
      "           C\n"
      "ATOM      5  CA  GLY A   2      13.800   0.000   0.000  1.00  0.00"
      "           C\n"
      "TER       6      GLY A   2\n";
  Structure S = readOk(Text);
  ASSERT_EQ(S.numChains(), 2u);
  EXPECT_EQ(S.chains().AuthId[0], "A");
  EXPECT_EQ(S.chains().AuthId[1], "A");
  EXPECT_NE(S.chains().LabelId[0], S.chains().LabelId[1]);
  // The writer puts a TER after each polymer chain: serial = last + 1.
  std::string Out = writeOk(S);
  EXPECT_NE(Out.find("TER       3      GLY A   2"), std::string::npos) << Out;
  EXPECT_NE(Out.find("TER       6      GLY A   2"), std::string::npos) << Out;
  Structure S2 = readOk(Out);
  EXPECT_EQ(S2.numChains(), 2u);
}

TEST(PdbReader, Hybrid36) {
  const char *Text =
      "ATOM  A0000  CA  GLY AA000       0.000   0.000   0.000  1.00  0.00"
      "           C\n"
      "ATOM  A0001  CA  GLY AA001       3.800   0.000   0.000  1.00  0.00"
      "           C\n"
      "ATOM  a0000  CA  GLY A   5       7.600   0.000   0.000  1.00  0.00"
      "           C\n";
  Structure S = readOk(Text);
  ASSERT_EQ(S.numAtoms(), 3u);
  EXPECT_EQ(S.atoms().Serial[0], 100000);
  EXPECT_EQ(S.atoms().Serial[1], 100001);
  EXPECT_EQ(S.atoms().Serial[2], 100000 + 26 * 36 * 36 * 36 * 36);
  EXPECT_EQ(S.residues().AuthSeq[0], 10000);
  EXPECT_EQ(S.residues().AuthSeq[1], 10001);
}

TEST(PdbReader, ShortLineError) {
  const char *Text = "HEADER    TEST\n"
                     "ATOM      1  CA  GLY A   1      11.104   6.134\n";
  Diagnostic D = readError(Text);
  EXPECT_EQ(D.File, "test.pdb");
  EXPECT_EQ(D.Line, 2u);
  EXPECT_EQ(D.Column, 47u); // just past the line's 46 characters
  EXPECT_NE(D.Message.find("54"), std::string::npos) << D.Message;
}

TEST(PdbReader, NonNumericCoordinate) {
  const char *Text =
      "ATOM      1  CA  GLY A   1      11.104   6.134  -6.504  1.00  0.00\n"
      "ATOM      2  CA  GLY A   2      11.104   x.134  -6.504  1.00  0.00\n";
  Diagnostic D = readError(Text);
  EXPECT_EQ(D.Line, 2u);
  EXPECT_EQ(D.Column, 39u); // first column of y
  EXPECT_NE(D.Message.find("y"), std::string::npos) << D.Message;

  const char *BadOcc =
      "ATOM      1  CA  GLY A   1      11.104   6.134  -6.504  1.0x  0.00\n";
  D = readError(BadOcc);
  EXPECT_EQ(D.Line, 1u);
  EXPECT_EQ(D.Column, 55u);
}

TEST(PdbReader, OtherErrors) {
  // A serial that is neither decimal nor hybrid-36.
  Diagnostic D = readError(
      "ATOM  1*345  CA  GLY A   1      11.104   6.134  -6.504  1.00  0.00\n");
  EXPECT_EQ(D.Line, 1u);
  EXPECT_EQ(D.Column, 7u);
  // A model number used twice.
  D = readError(
      "MODEL        1\n"
      "ATOM      1  CA  GLY A   1      11.104   6.134  -6.504  1.00  0.00\n"
      "ENDMDL\n"
      "MODEL        1\n"
      "ATOM      1  CA  GLY A   1      11.104   6.134  -6.504  1.00  0.00\n"
      "ENDMDL\n");
  EXPECT_EQ(D.Line, 4u);
  EXPECT_NE(D.Message.find("duplicate model number 1"), std::string::npos);
  // A bad charge.
  D = readError("HETATM    1 ZN    ZN A   1       0.000   0.000   0.000  1.00"
                "  0.00          ZNxx\n");
  EXPECT_EQ(D.Column, 79u);
  // No atoms at all.
  D = readError("HEADER    NOTHING\nREMARK   1\n");
  EXPECT_NE(D.Message.find("no ATOM or HETATM records"), std::string::npos);
}

TEST(PdbReader, AnisouWithoutAtomWarns) {
  const char *Text =
      "ATOM      1  CA  GLY A   1      11.104   6.134  -6.504  1.00  0.00"
      "           C\n"
      "ANISOU    7  CB  GLY A   1     1234   2345   3456   -123    456   -789"
      "       C\n";
  std::vector<Diagnostic> Warnings;
  ReadOptions O = quiet(&Warnings);
  auto S = readPdb(Text, "test.pdb", O);
  ASSERT_TRUE(static_cast<bool>(S)) << llvm::toString(S.takeError());
  ASSERT_EQ(Warnings.size(), 1u);
  EXPECT_EQ(Warnings[0].Kind, DiagKind::Warning);
  EXPECT_EQ(Warnings[0].Line, 2u);
  EXPECT_FALSE(S->atoms().hasAniso(0));
}

TEST(PdbReader, SsbondAndLink) {
  const char *Text =
      "SSBOND   1 CYS A    1    CYS A    2                          1555   "
      "1555  2.03\n"
      "LINK         SG  CYS A   2                ZN    ZN A 101     1555   "
      "1555  2.30\n"
      "ATOM      1  SG  CYS A   1       0.000   0.000   0.000  1.00  0.00"
      "           S\n"
      "ATOM      2  SG  CYS A   2       2.000   0.000   0.000  1.00  0.00"
      "           S\n"
      "HETATM    3 ZN    ZN A 101       4.300   0.000   0.000  1.00  0.00"
      "          ZN\n";
  Structure S = readOk(Text, /*Bonds=*/true);
  const BondTable &B = S.bonds();
  unsigned Conn = 0;
  for (size_t I = 0; I < B.size(); ++I)
    if (B.Origin[I] == BondOrigin::StructConn) {
      ++Conn;
      EXPECT_TRUE((B.A[I] == 0 && B.B[I] == 1) || (B.A[I] == 1 && B.B[I] == 2))
          << B.A[I] << "-" << B.B[I];
    }
  EXPECT_EQ(Conn, 2u);
}

TEST(PdbRoundTrip, EveryField) { expectRoundTrip(Basic); }

TEST(PdbRoundTrip, VerbatimColumns) {
  // Segment ids, a name off the alignment rule (" NA " for sodium would be
  // "NA  "; here "CA  " names a carbon), a left-aligned element, a charge
  // written "+2", a four-letter residue name reaching column 21, and a
  // lower-case element.
  const char *Text =
      "ATOM      1  N   ALA A   1       1.000   2.000   3.000  1.00  5.00"
      "      SEG1 N  \n"
      "ATOM      2 CA   ALA A   1       2.000   2.000   3.000  1.00  5.00"
      "      SEG1 C  \n"
      "ATOM      3  C   ALA A   1       3.000   2.000   3.000  1.00  5.00"
      "      SEG1C   \n"
      "HETATM    4 MG    MG A 101       4.000   2.000   3.000  1.00  5.00"
      "      SEG2MG+2\n"
      "HETATM    5  OH2 TIP3W   1       5.000   2.000   3.000  1.00  5.00"
      "      WAT  O  \n"
      "HETATM    6 SE   MSE A 102       6.000   2.000   3.000  1.00  5.00"
      "          se  \n";
  Structure S = readOk(Text);
  ASSERT_EQ(S.numAtoms(), 6u);
  EXPECT_EQ(S.residues().Name[2], "TIP3");
  EXPECT_EQ(S.atoms().Charge[3], 2);
  EXPECT_EQ(S.atoms().Element[2], "C");
  EXPECT_GE(S.extraColumns().find("pdb_segid"), 0);
  expectRoundTrip(Text);
}

TEST(PdbRoundTrip, AnisouAndHybridSerials) {
  const char *Text =
      "ATOM  A0000  CA  GLY A   1       0.000   0.000   0.000  1.00  0.00"
      "           C\n"
      "ANISOUA0000  CA  GLY A   1      100    200    300    -10     20    -30"
      "       C\n";
  expectRoundTrip(Text);
}

namespace {
Structure buildOne(StringRef Chain, StringRef ResName, int32_t Seq,
                   size_t NumAtoms = 1) {
  StructureBuilder B("test");
  B.beginModel(1);
  for (size_t I = 0; I < NumAtoms; ++I) {
    AtomRecord R;
    R.AuthChain = Chain;
    R.ResName = ResName;
    R.AuthSeq = Seq;
    R.AtomName = "C";
    R.Element = "C";
    R.Serial = static_cast<int64_t>(I + 1);
    R.X = static_cast<float>(I % 100);
    R.Hetero = true;
    B.addAtom(R);
  }
  StructureBuilder::FinishOptions O;
  O.PerceiveBonds = false;
  return B.finish(O);
}
} // namespace

TEST(PdbWriter, Limits) {
  std::string E = writeError(buildOne("AAA", "LIG", 1));
  EXPECT_NE(E.find("chain id 'AAA' has 3 characters; PDB holds 1 (write "
                   "mmCIF instead)"),
            std::string::npos)
      << E;
  E = writeError(buildOne("A", "ABCDE", 1));
  EXPECT_NE(E.find("residue name 'ABCDE' has 5 characters"), std::string::npos)
      << E;
  E = writeError(buildOne("A", "LIG", 10000));
  EXPECT_NE(E.find("10000"), std::string::npos) << E;
  EXPECT_NE(E.find("-999..9999"), std::string::npos) << E;
  E = writeError(buildOne("A", "LIG", -1000));
  EXPECT_NE(E.find("-1000"), std::string::npos) << E;
  E = writeError(buildOne("A", "HOH", 1, 100000));
  EXPECT_NE(E.find("99999"), std::string::npos) << E;
  // At the limits themselves, all is well.
  writeOk(buildOne("A", "LIG", 9999));
  writeOk(buildOne("A", "LIG", -999));
  writeOk(buildOne("", "LIGA", 1));
}

TEST(PdbWriter, CoordinateTooWide) {
  Structure S = buildOne("A", "LIG", 1);
  S.coordsForWrite()[0] = 12345.0f;
  std::string E = writeError(S);
  EXPECT_NE(E.find("12345"), std::string::npos) << E;
}
