//===- MmcifReaderTest.cpp ------------------------------------------------===//
#include "qir/IO/MmcifReader.h"
#include "qir/IO/Writer.h"

#include "gtest/gtest.h"

using namespace qir;
using namespace qir::io;

static const char *const Small = R"(data_TEST
_cell.length_a 10.0
_cell.length_b 20.0
_cell.length_c 30.0
_cell.angle_alpha 90
_cell.angle_beta 90
_cell.angle_gamma 90
_symmetry.space_group_name_H-M 'P 21 21 21'
loop_
_entity.id
_entity.type
1 polymer
2 water
loop_
_atom_site.group_PDB
_atom_site.id
_atom_site.type_symbol
_atom_site.label_atom_id
_atom_site.label_alt_id
_atom_site.label_comp_id
_atom_site.label_asym_id
_atom_site.label_entity_id
_atom_site.label_seq_id
_atom_site.pdbx_PDB_ins_code
_atom_site.Cartn_x
_atom_site.Cartn_y
_atom_site.Cartn_z
_atom_site.occupancy
_atom_site.B_iso_or_equiv
_atom_site.pdbx_formal_charge
_atom_site.auth_seq_id
_atom_site.auth_asym_id
_atom_site.pdbx_PDB_model_num
_atom_site.Cartn_x_esd
ATOM 1 N N . SER A 1 1 ? 1.000 2.000 3.000 1.00 10.00 ? 5 X 1 0.01
ATOM 2 C CA A SER A 1 1 ? 2.000 2.000 3.000 0.60 11.00 ? 5 X 1 ?
ATOM 3 C CA B SER A 1 1 ? 2.100 2.000 3.000 0.40 11.00 ? 5 X 1 ?
ATOM 4 N N . GLY A 1 2 A 3.300 2.000 3.000 1.00 12.50 ? 5 X 1 .
HETATM 5 O O . HOH B 2 . ? 9.000 9.000 9.000 1.00 20.00 -1 101 X 1 ?
)";

static Structure read(llvm::StringRef Text) {
  ReadOptions O;
  O.Warn = [](const Diagnostic &D) { ADD_FAILURE() << D.Message; };
  auto S = readMmcif(Text, "test.cif", O);
  if (!S) {
    std::string Msg = llvm::toString(S.takeError());
    ADD_FAILURE() << Msg;
    return Structure();
  }
  return std::move(*S);
}

static std::string errorOf(llvm::StringRef Text) {
  ReadOptions O;
  auto S = readMmcif(Text, "bad.cif", O);
  if (S)
    return "";
  std::string Out;
  llvm::handleAllErrors(S.takeError(), [&](const ParseError &E) {
    Out = std::to_string(E.diagnostic().Line) + ":" +
          std::to_string(E.diagnostic().Column) + ": " + E.diagnostic().Message;
  });
  return Out;
}

TEST(MmcifReader, ReadsColumns) {
  Structure S = read(Small);
  ASSERT_EQ(S.numAtoms(), 5u);
  const AtomTable &A = S.atoms();
  EXPECT_EQ(A.AltLoc[1], 'A');
  EXPECT_EQ(A.AltLoc[2], 'B');
  EXPECT_FLOAT_EQ(A.Occupancy[2], 0.40f);
  EXPECT_EQ(A.Charge[4], -1);
  EXPECT_EQ(A.Charge[0], NoCharge);
  EXPECT_TRUE(A.isHetero(4));
  // auth ids win, label ids are kept.
  EXPECT_EQ(S.chains().AuthId[0], "X");
  EXPECT_EQ(S.chains().LabelId[0], "A");
  EXPECT_EQ(S.residues().AuthSeq[0], 5);
  EXPECT_EQ(S.residues().LabelSeq[0], 1);
  EXPECT_EQ(S.residues().ICode[1], 'A');
  EXPECT_EQ(S.residues().LabelSeq[2], NoSeqId);
  EXPECT_EQ(S.metadata().SpaceGroup, "P 21 21 21");
  ASSERT_TRUE(S.metadata().Cell.has_value());
  EXPECT_DOUBLE_EQ(S.metadata().Cell->C, 30.0);
  // The unmodelled column is kept verbatim, nulls included.
  ASSERT_EQ(S.extraColumns().size(), 1u);
  EXPECT_EQ(S.extraColumns().Names[0], "_atom_site.Cartn_x_esd");
  EXPECT_EQ(S.extraColumns().Values[0][0], "0.01");
  EXPECT_EQ(S.extraColumns().Values[0][3], ".");
  EXPECT_EQ(S.entities().Type[S.chains().Entity[1]], EntityType::Water);
}

TEST(MmcifReader, WriteReadRoundTrip) {
  Structure S = read(Small);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  ASSERT_FALSE(bool(writeMmcif(S, OS)));
  Structure T = read(OS.str());
  ASSERT_EQ(T.numAtoms(), S.numAtoms());
  for (unsigned F = 0; F < NumFacets; ++F) {
    if (static_cast<Facet>(F) == Facet::Metadata)
      continue; // the writer adds an entry id; compared below
    EXPECT_EQ(S.hash(static_cast<Facet>(F)), T.hash(static_cast<Facet>(F)))
        << facetName(static_cast<Facet>(F)).str();
  }
  EXPECT_EQ(T.metadata().SpaceGroup, S.metadata().SpaceGroup);
}

TEST(MmcifReader, NonNumericCoordinate) {
  std::string Bad = Small;
  Bad.replace(Bad.find("3.300"), 5, "3.3x0");
  EXPECT_EQ(errorOf(Bad),
            "38:26: invalid number '3.3x0' for _atom_site.Cartn_x");
}

TEST(MmcifReader, MissingRequiredColumn) {
  std::string Bad = Small;
  Bad.erase(Bad.find("_atom_site.Cartn_y\n"), strlen("_atom_site.Cartn_y\n"));
  std::string E = errorOf(Bad);
  EXPECT_NE(E.find("lacks required column _atom_site.Cartn_y"),
            std::string::npos)
      << E;
  EXPECT_EQ(E.substr(0, 5), "14:1:");
}

TEST(MmcifReader, TruncatedRow) {
  std::string Bad = Small;
  Bad.resize(Bad.find("HETATM 5") + 20);
  std::string E = errorOf(Bad);
  EXPECT_NE(E.find("is incomplete"), std::string::npos) << E;
}

TEST(MmcifReader, ModelsMustBeContiguous) {
  std::string Bad = Small;
  // Model 2 in the middle, then model 1 again.
  size_t P = Bad.find("ATOM 3");
  Bad.replace(Bad.find(" 1 ?\n", P), 5, " 2 ?\n");
  std::string E = errorOf(Bad);
  EXPECT_NE(E.find("model 1 appears again"), std::string::npos) << E;
}

TEST(MmcifReader, NoDataBlock) {
  EXPECT_EQ(errorOf("_a.b 1\n"),
            "1:1: expected a data block ('data_NAME') at the start of an mmCIF "
            "file");
}
