//===- DsspWriterTest.cpp - The entry lines mkdssp writes -----------------===//
//
// The HEADER, COMPND, SOURCE and AUTHOR lines and the disulfide list of
// DsspEntry.h, on small hand-written entries; each expected line is spelled
// out from the rules in DsspEntry.h. (The writers' output is compared with
// mkdssp's own on real files by test/qir-dssp.)
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/DsspEntry.h"
#include "qir/IO/CifBlock.h"
#include "qir/IO/Reader.h"

#include "gtest/gtest.h"

using namespace qir;
using namespace llvm;

static std::string pad(StringRef S) { return dsspFixLength(S, 127); }

TEST(DsspEntry, FixLength) {
  EXPECT_EQ(dsspFixLength("abc", 6), "abc   ");
  EXPECT_EQ(dsspFixLength("abcdef", 6), "abcdef");
  EXPECT_EQ(dsspFixLength("abcdefgh", 6), "ab... ");
}

TEST(DsspEntry, FromMmcif) {
  const char *Text =
      "data_1XYZ\n"
      "_struct_keywords.entry_id 1XYZ\n"
      "_struct_keywords.pdbx_keywords 'TRANSPORT PROTEIN'\n"
      "_pdbx_database_status.recvd_initial_deposition_date 1994-09-28\n"
      "loop_\n_entity.id\n_entity.type\n_entity.src_method\n"
      "_entity.pdbx_description\n_entity.pdbx_fragment\n_entity.pdbx_ec\n"
      "_entity.details\n"
      "1 polymer man 'SOME PROTEIN' 'N DOMAIN' 3.1.1.1 ?\n"
      "2 water nat water ? ? ?\n"
      "3 polymer syn PEPTIDE ? ? 'a note'\n"
      "loop_\n_entity_poly.entity_id\n_entity_poly.pdbx_strand_id\n"
      "1 A,B\n"
      "_entity_name_com.entity_id 1\n_entity_name_com.name SP\n"
      "_entity_src_gen.entity_id 1\n"
      "_entity_src_gen.pdbx_gene_src_scientific_name 'Homo sapiens'\n"
      "_entity_src_gen.gene_src_common_name human\n"
      "_entity_src_gen.pdbx_host_org_scientific_name 'Escherichia coli'\n"
      "loop_\n_audit_author.name\n'Kleywegt, G.J.'\n'Jones, T.A.'\n"
      "'Joint Center for Structural Genomics (JCSG)'\n"
      "loop_\n_struct_conn.id\n_struct_conn.conn_type_id\n"
      "_struct_conn.ptnr1_label_asym_id\n_struct_conn.ptnr1_label_seq_id\n"
      "_struct_conn.ptnr2_label_asym_id\n_struct_conn.ptnr2_label_seq_id\n"
      "disulf1 disulf A 3 B 40\n"
      "metalc1 metalc A 5 C .\n"
      "disulf2 DISULF A 7 A 9\n";
  Expected<io::CifBlock> B = io::parseCifBlock(Text, "t.cif");
  ASSERT_TRUE(bool(B)) << toString(B.takeError());
  DsspEntry E = dsspEntryFromMmcif(*B);
  // Keywords in 40 columns, the date as DD-MON-YY, the block name.
  EXPECT_EQ(E.Header, pad("HEADER    TRANSPORT PROTEIN                       "
                          "28-SEP-94   1XYZ"));
  // Polymer entities only, numbered 1, 2; items in mkdssp's order; a
  // polymer without an entity_poly row has no CHAIN item; syn is
  // ENGINEERED too.
  EXPECT_EQ(E.Compnd,
            pad("COMPND    MOL_ID: 1; MOLECULE: SOME PROTEIN; CHAIN: A, B; "
                "FRAGMENT: N DOMAIN; SYNONYM: SP; EC: 3.1.1.1; ENGINEERED: "
                "YES; MOL_ID: 2; MOLECULE: PEPTIDE; ENGINEERED: YES; "
                "OTHER_DETAILS: a note"));
  // entity_src_gen in mkdssp's order (common name, ..., scientific name,
  // ..., expression system) under the PDB tokens; syn: SYNTHETIC.
  EXPECT_EQ(E.Source, pad("SOURCE    MOL_ID: 1; ORGANISM_COMMON: human; "
                          "ORGANISM_SCIENTIFIC: Homo sapiens; "
                          "EXPRESSION_SYSTEM: Escherichia coli; MOL_ID: 2; "
                          "SYNTHETIC: YES"));
  EXPECT_EQ(E.Author, pad("AUTHOR    G.J.Kleywegt; T.A.Jones; Joint Center "
                          "for Structural Genomics (JCSG)"));
  ASSERT_EQ(E.Disulfides.size(), 2u);
  EXPECT_EQ(E.Disulfides[0].Asym1, "A");
  EXPECT_EQ(E.Disulfides[0].Seq1, 3);
  EXPECT_EQ(E.Disulfides[0].Asym2, "B");
  EXPECT_EQ(E.Disulfides[0].Seq2, 40);
  EXPECT_EQ(E.Disulfides[1].Seq1, 7);
  EXPECT_EQ(E.Disulfides[1].Seq2, 9);
}

TEST(DsspEntry, FromMmcifWithoutKeywords) {
  // No struct_keywords row: mkdssp's template filler stays; no date: blank.
  Expected<io::CifBlock> B =
      io::parseCifBlock("data_ab\n_entry.id ab\n", "t.cif");
  ASSERT_TRUE(bool(B)) << toString(B.takeError());
  DsspEntry E = dsspEntryFromMmcif(*B);
  EXPECT_EQ(E.Header, pad("HEADER    " + std::string(40, 'x') +
                          std::string(12, ' ') + "ab  "));
  EXPECT_EQ(E.Compnd, pad("COMPND    "));
  EXPECT_EQ(E.Source, pad("SOURCE    "));
  EXPECT_EQ(E.Author, pad("AUTHOR    "));
}

TEST(DsspEntry, FromPdb) {
  const char *Text =
      "HEADER    CHROMOSOMAL PROTEIN                     02-JAN-87   1UBQ\n"
      "COMPND    MOL_ID: 1;\n"
      "COMPND   2 MOLECULE: UBIQUITIN;\n"
      "COMPND   3 CHAIN: B, A;\n"
      "COMPND   4 SYNONYM: ONE, TWO\n"
      "COMPND   5 THREE;\n"
      "COMPND   6 ENGINEERED: YES\n"
      "SOURCE    MOL_ID: 1;\n"
      "SOURCE   2 ORGANISM_SCIENTIFIC: HOMO SAPIENS;\n"
      "SOURCE   3 ORGANISM_TAXID: 9606;\n"
      "SOURCE   4 ORGANISM_COMMON: HUMAN\n"
      "AUTHOR    S.VIJAY-KUMAR,C.E.BUGG,\n"
      "AUTHOR   2 JOINT CENTER FOR STRUCTURAL GENOMICS (JCSG)\n"
      "REVDAT   2   16-JUL-87 1UBQ    1       JRNL\n"
      "REVDAT   1   16-APR-87 1UBQ    0\n"
      "SSBOND   1 CYS A    1    CYS A    2                          1555   "
      "1555  2.03\n"
      "SSBOND   2 CYS A    1    CYS A    2                          1555   "
      "X555  2.03\n"
      "SSBOND   3 CYS A    1    CYS A    9                          1555   "
      "1555  2.03\n"
      "ATOM      1  N   CYS A   1      11.104   6.134  -6.504  1.00  0.00  "
      "         N\n"
      "ATOM      2  SG ACYS A   1      12.104   6.134  -6.504  0.50  0.00  "
      "         S\n"
      "ATOM      3  SG BCYS A   1      12.204   6.134  -6.504  0.50  0.00  "
      "         S\n"
      "ATOM      4  N   CYS A   2      14.104   6.134  -6.504  1.00  0.00  "
      "         N\n"
      "ATOM      5  SG  CYS A   2      15.104   6.134  -6.504  1.00  0.00  "
      "         S\n"
      "END\n";
  io::ReadOptions O;
  O.Format = io::FileFormat::PDB;
  Expected<Structure> S = io::readStructureBuffer(Text, "t.pdb", O);
  ASSERT_TRUE(bool(S)) << toString(S.takeError());
  DsspEntry E = dsspEntryFromPdb(Text, *S);
  // The date shows because a REVDAT record has modification type 0.
  EXPECT_EQ(E.Header, pad("HEADER    CHROMOSOMAL PROTEIN                     "
                          "02-JAN-87   1UBQ"));
  // Chains sorted; a value's line break before a blank-led line vanishes.
  EXPECT_EQ(E.Compnd, pad("COMPND    MOL_ID: 1; MOLECULE: UBIQUITIN; CHAIN: "
                          "A, B; SYNONYM: ONE, TWOTHREE; ENGINEERED: YES"));
  // Engineered: the entity_src_gen items, in mkdssp's order.
  EXPECT_EQ(E.Source, pad("SOURCE    MOL_ID: 1; ORGANISM_COMMON: HUMAN; "
                          "ORGANISM_SCIENTIFIC: HOMO SAPIENS; "
                          "ORGANISM_TAXID: 9606"));
  // Initials moved to the front again, other letters lower-cased after
  // the first of each word.
  EXPECT_EQ(E.Author, pad("AUTHOR    S.Vijay-Kumar; C.E.Bugg; Joint Center "
                          "For Structural Genomics (Jcsg)"));
  // SSBOND 1: two SG altlocs of A 1 times one of A 2 give two rows; SSBOND
  // 2 has an invalid symmetry operator, SSBOND 3 names a residue the file
  // does not hold: both dropped.
  ASSERT_EQ(E.Disulfides.size(), 2u);
  for (const DsspDisulfide &D : E.Disulfides) {
    EXPECT_EQ(D.Asym1, "A");
    EXPECT_EQ(D.Asym2, "A");
    EXPECT_EQ(D.Seq1, 1);
    EXPECT_EQ(D.Seq2, 2);
  }
}

TEST(DsspEntry, FromPdbWithoutHeader) {
  const char *Text =
      "ATOM      1  N   GLY A   1      11.104   6.134  -6.504  1.00  0.00  "
      "         N\n"
      "ATOM      2  N   GLY A   2      12.104   6.134  -6.504  1.00  0.00  "
      "         N\n";
  io::ReadOptions O;
  O.Format = io::FileFormat::PDB;
  Expected<Structure> S = io::readStructureBuffer(Text, "t.pdb", O);
  ASSERT_TRUE(bool(S)) << toString(S.takeError());
  DsspEntry E = dsspEntryFromPdb(Text, *S);
  // libcifpp's names for what is missing: the filler and "nohd".
  EXPECT_EQ(E.Header, pad("HEADER    " + std::string(40, 'x') +
                          std::string(12, ' ') + "nohd"));
  // The polymer chain becomes a compound of its own.
  EXPECT_EQ(E.Compnd, pad("COMPND    MOL_ID: 1; MOLECULE: ; CHAIN: A"));
  EXPECT_EQ(E.Source, pad("SOURCE    MOL_ID: 1"));
}
