//===- TokensTest.cpp - tokens, relpos, distogram, pair-features ----------===//
//
// A hand-built mmCIF holding every case of the AF3/Boltz tokenization: a
// protein chain with a modified residue (MSE, whose SE has two conformers)
// peptide-linked to a standard GLY, a standard ALA with an alternate CB; a
// DNA chain; a second copy of the protein entity (an ALA without CB); an
// ethanol ligand covalently linked (struct_conn) to the second copy; a
// water. Every expected value below is worked out in the test from the
// published rules (AF3 supplement section 2.6 and Algorithm 3; Boltz's
// vocabulary order), not taken from qir's output. Write/read round trips
// and damaged bodies use test/Inputs/1pfe.cif.gz.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Tokens.h"
#include "qir/Analysis/Distogram.h"
#include "qir/Analysis/PairFeatures.h"
#include "qir/Analysis/Relpos.h"
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/ResultBuffer.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

using namespace qir;
using namespace llvm;

namespace {

// Entities: 1 protein (chains A and C), 2 DNA (B), 3 ethanol (D), 4 water
// (E). Chain A: GLY 1, MSE 2 (its N 1.33 A from GLY's C: a peptide link),
// ALA 40 (CB in conformers A and B). Chain B: DA 1 (C4 exactly 7 A from
// chain A's GLY CA), DC 2. Chain C: GLY 1, ALA 2 without CB. Chain D:
// EOH with C1-C2 1.5 A, C2-O 1.43 A, C1-O 2.07 A and one hydrogen; C1 is
// bonded by struct_conn to chain C's GLY CA.
const char *const Complex = R"(data_TOK
loop_
_entity.id
_entity.type
1 polymer
2 polymer
3 non-polymer
4 water
loop_
_entity_poly.entity_id
_entity_poly.type
1 'polypeptide(L)'
2 polydeoxyribonucleotide
loop_
_struct_conn.id
_struct_conn.conn_type_id
_struct_conn.ptnr1_auth_asym_id
_struct_conn.ptnr1_auth_comp_id
_struct_conn.ptnr1_auth_seq_id
_struct_conn.ptnr1_label_atom_id
_struct_conn.ptnr2_auth_asym_id
_struct_conn.ptnr2_auth_comp_id
_struct_conn.ptnr2_auth_seq_id
_struct_conn.ptnr2_label_atom_id
covale1 covale D EOH 1 C1 C GLY 1 CA
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
_atom_site.Cartn_x
_atom_site.Cartn_y
_atom_site.Cartn_z
_atom_site.auth_seq_id
_atom_site.auth_asym_id
_atom_site.pdbx_PDB_model_num
ATOM 1 N N . GLY A 1 1 0 3 0 1 A 1
ATOM 2 C CA . GLY A 1 1 0 0 0 1 A 1
ATOM 3 C C . GLY A 1 1 0 -3 0 1 A 1
ATOM 4 O O . GLY A 1 1 3 -3 0 1 A 1
ATOM 5 H H . GLY A 1 1 0 4 0 1 A 1
HETATM 6 N N . MSE A 1 2 0 -4.33 0 2 A 1
HETATM 7 C CA . MSE A 1 2 0 -7.33 0 2 A 1
HETATM 8 C C . MSE A 1 2 0 -10.33 0 2 A 1
HETATM 9 O O . MSE A 1 2 3 -10.33 0 2 A 1
HETATM 10 C CB . MSE A 1 2 -3 -7.33 0 2 A 1
HETATM 11 C CG . MSE A 1 2 -6 -7.33 0 2 A 1
HETATM 12 SE SE A MSE A 1 2 -9 -7.33 0 2 A 1
HETATM 13 SE SE B MSE A 1 2 -9 -7.33 3 2 A 1
HETATM 14 C CE . MSE A 1 2 -12 -7.33 0 2 A 1
ATOM 15 N N . ALA A 1 40 20 0 0 40 A 1
ATOM 16 C CA . ALA A 1 40 20 3 0 40 A 1
ATOM 17 C C . ALA A 1 40 20 6 0 40 A 1
ATOM 18 O O . ALA A 1 40 23 6 0 40 A 1
ATOM 19 C CB A ALA A 1 40 17 3 0 40 A 1
ATOM 20 C CB B ALA A 1 40 17 3 3 40 A 1
ATOM 21 P P . DA B 2 1 40 0 0 1 B 1
ATOM 22 C "C1'" . DA B 2 1 40 3 0 1 B 1
ATOM 23 C C4 . DA B 2 1 0 0 7 1 B 1
ATOM 24 P P . DC B 2 2 40 10 0 2 B 1
ATOM 25 C "C1'" . DC B 2 2 40 13 0 2 B 1
ATOM 26 C C2 . DC B 2 2 40 16 0 2 B 1
ATOM 27 N N . GLY C 1 1 60 3 0 1 C 1
ATOM 28 C CA . GLY C 1 1 60 0 0 1 C 1
ATOM 29 C C . GLY C 1 1 60 -3 0 1 C 1
ATOM 30 O O . GLY C 1 1 63 -3 0 1 C 1
ATOM 31 N N . ALA C 1 2 80 0 0 2 C 1
ATOM 32 C CA . ALA C 1 2 80 3 0 2 C 1
ATOM 33 C C . ALA C 1 2 80 6 0 2 C 1
ATOM 34 O O . ALA C 1 2 83 6 0 2 C 1
HETATM 35 C C1 . EOH D 3 . 60 0 1.5 1 D 1
HETATM 36 C C2 . EOH D 3 . 60 0 3.0 1 D 1
HETATM 37 O O . EOH D 3 . 60 1.43 3.0 1 D 1
HETATM 38 H H1 . EOH D 3 . 60 -1.0 1.5 1 D 1
HETATM 39 O O . HOH E 4 . 100 100 100 101 E 1
)";

// Token indices worked out from the rules: residue tokens for the
// standard GLY/ALA/DA/DC of polymer chains, one token per heavy-atom name
// for MSE (N CA C O CB CG SE CE: 8, the two SE conformers one token) and
// EOH (C1 C2 O; H1 is a hydrogen), none for the water.
enum Tok : uint32_t {
  A_GLY = 0,
  A_MSE_N = 1,
  A_MSE_CA = 2,
  A_MSE_C = 3,
  A_MSE_O = 4,
  A_MSE_CB = 5,
  A_MSE_CG = 6,
  A_MSE_SE = 7,
  A_MSE_CE = 8,
  A_ALA = 9,
  B_DA = 10,
  B_DC = 11,
  C_GLY = 12,
  C_ALA = 13,
  D_C1 = 14,
  D_C2 = 15,
  D_O = 16,
  NumTok = 17
};

/// Boltz's residue-type vocabulary, written out here from its published
/// order (padding, gap, 20 amino acids by three-letter code, UNK, RNA A G C
/// U N, DNA DA DG DC DT DN) so that the .def table is checked against it.
unsigned boltzId(StringRef Name) {
  static const std::vector<std::string> Order = {
      "<pad>", "-",   "ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU",
      "GLY",   "HIS", "ILE", "LEU", "LYS", "MET", "PHE", "PRO", "SER",
      "THR",   "TRP", "TYR", "VAL", "UNK", "A",   "G",   "C",   "U",
      "N",     "DA",  "DG",  "DC",  "DT",  "DN"};
  auto It = std::find(Order.begin(), Order.end(), Name.str());
  EXPECT_NE(It, Order.end()) << Name.str();
  return unsigned(It - Order.begin());
}

Structure readText(StringRef Text) {
  io::ReadOptions O;
  O.Warn = [](const Diagnostic &D) { ADD_FAILURE() << D.Message; };
  auto S = io::readStructureBuffer(Text, "complex.cif", O);
  if (!S) {
    ADD_FAILURE() << toString(S.takeError());
    return Structure();
  }
  return std::move(*S);
}

uint32_t atomNamed(const Structure &S, StringRef Chain, int Seq, StringRef Name,
                   char Alt = 0) {
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  for (uint32_t A = 0; A < At.size(); ++A) {
    uint32_t R = At.Residue[A];
    if (S.chains().AuthId[Res.Chain[R]] == Chain && Res.AuthSeq[R] == Seq &&
        At.Name[A] == Name && At.AltLoc[A] == Alt)
      return A;
  }
  ADD_FAILURE() << "no atom " << Name.str();
  return NoIndex;
}

class TokensTest : public ::testing::Test {
protected:
  void SetUp() override { S = readText(Complex); }
  Structure S;
  AnalysisManager AM;
};

TEST(TokenVocabTest, OrderAndAtomsFollowBoltz) {
  EXPECT_EQ(tokvocab::numResTypes(), 33u);
  for (unsigned Id = 0; Id < tokvocab::numResTypes(); ++Id)
    EXPECT_EQ(boltzId(tokvocab::resTypeName(Id)), Id);
  // Centre: CA for amino acids, C1' for nucleotides. Distogram: CB, CA for
  // glycine, C4 for purines, C2 for pyrimidines, C1' for N and DN.
  auto Centre = [](StringRef N) {
    return tokvocab::centreAtomOf(unsigned(tokvocab::resTypeOf(N)));
  };
  auto Disto = [](StringRef N) {
    return tokvocab::distogramAtomOf(unsigned(tokvocab::resTypeOf(N)));
  };
  EXPECT_EQ(Centre("TRP"), "CA");
  EXPECT_EQ(Centre("DG"), "C1'");
  EXPECT_EQ(Centre("U"), "C1'");
  EXPECT_EQ(Disto("GLY"), "CA");
  EXPECT_EQ(Disto("UNK"), "CB");
  EXPECT_EQ(Disto("ALA"), "CB");
  for (StringRef P : {"A", "G", "DA", "DG"})
    EXPECT_EQ(Disto(P), "C4") << P.str();
  for (StringRef P : {"C", "U", "DC", "DT"})
    EXPECT_EQ(Disto(P), "C2") << P.str();
  EXPECT_EQ(Disto("N"), "C1'");
  EXPECT_EQ(Disto("DN"), "C1'");
  EXPECT_EQ(tokvocab::resTypeOf("MSE"), -1);
  EXPECT_EQ(tokvocab::unknownResType(TokenMolType::Ligand), boltzId("UNK"));
  EXPECT_EQ(tokvocab::unknownResType(TokenMolType::DNA), boltzId("DN"));
  EXPECT_EQ(tokvocab::unknownResType(TokenMolType::RNA), boltzId("N"));
}

TEST_F(TokensTest, TokensOfEachKind) {
  const TokenTable &T = AM.getResult<TokensAnalysis>(S);
  ASSERT_EQ(T.size(), size_t(NumTok));
  const uint8_t Prot = uint8_t(TokenMolType::Protein),
                Dna = uint8_t(TokenMolType::DNA),
                Lig = uint8_t(TokenMolType::Ligand);
  struct Expect {
    Tok T;
    bool Standard;
    StringRef ResType;
    uint8_t Mol;
    uint32_t Asym, Entity, Sym;
    int32_t ResIndex;
    unsigned Atoms;
  };
  // asym: token-bearing chains A B C D in order; entity: first appearance
  // (protein 0, DNA 1, ethanol 2); sym: copy within the entity (C is the
  // protein's second). Residue index: label_seq_id, else position in the
  // chain (the ligand: 1).
  const Expect Rows[] = {
      {A_GLY, true, "GLY", Prot, 0, 0, 0, 1, 5}, // N CA C O H
      {A_MSE_N, false, "UNK", Prot, 0, 0, 0, 2, 1},
      {A_MSE_CG, false, "UNK", Prot, 0, 0, 0, 2, 1},
      {A_MSE_SE, false, "UNK", Prot, 0, 0, 0, 2, 2}, // two conformers
      {A_MSE_CE, false, "UNK", Prot, 0, 0, 0, 2, 1},
      {A_ALA, true, "ALA", Prot, 0, 0, 0, 40, 6},
      {B_DA, true, "DA", Dna, 1, 1, 0, 1, 3},
      {B_DC, true, "DC", Dna, 1, 1, 0, 2, 3},
      {C_GLY, true, "GLY", Prot, 2, 0, 1, 1, 4},
      {C_ALA, true, "ALA", Prot, 2, 0, 1, 2, 4},
      {D_C1, false, "UNK", Lig, 3, 2, 0, 1, 1},
      {D_O, false, "UNK", Lig, 3, 2, 0, 1, 1},
  };
  for (const Expect &E : Rows) {
    SCOPED_TRACE(unsigned(E.T));
    EXPECT_EQ(T.Standard[E.T], E.Standard);
    EXPECT_EQ(T.ResType[E.T], boltzId(E.ResType));
    EXPECT_EQ(T.MolType[E.T], E.Mol);
    EXPECT_EQ(T.AsymId[E.T], E.Asym);
    EXPECT_EQ(T.EntityId[E.T], E.Entity);
    EXPECT_EQ(T.SymId[E.T], E.Sym);
    EXPECT_EQ(T.ResidueIndex[E.T], E.ResIndex);
    EXPECT_EQ(T.atoms(E.T).size(), E.Atoms);
  }
  // Atom tokens take their atoms' names in order of first appearance.
  const char *MseNames[] = {"N", "CA", "C", "O", "CB", "CG", "SE", "CE"};
  for (unsigned K = 0; K < 8; ++K)
    EXPECT_EQ(S.atoms().Name[T.CentreAtom[A_MSE_N + K]].str(), MseNames[K]);
  EXPECT_EQ(T.atoms(A_MSE_SE)[0], atomNamed(S, "A", 2, "SE", 'A'));
  EXPECT_EQ(T.atoms(A_MSE_SE)[1], atomNamed(S, "A", 2, "SE", 'B'));
  EXPECT_EQ(T.CentreAtom[A_MSE_SE], atomNamed(S, "A", 2, "SE", 'A'));
  // Centre and distogram atoms.
  EXPECT_EQ(T.CentreAtom[A_GLY], atomNamed(S, "A", 1, "CA"));
  EXPECT_EQ(T.DistogramAtom[A_GLY], atomNamed(S, "A", 1, "CA"));
  EXPECT_EQ(T.CentreAtom[A_ALA], atomNamed(S, "A", 40, "CA"));
  EXPECT_EQ(T.DistogramAtom[A_ALA], atomNamed(S, "A", 40, "CB", 'A'));
  EXPECT_EQ(T.CentreAtom[B_DA], atomNamed(S, "B", 1, "C1'"));
  EXPECT_EQ(T.DistogramAtom[B_DA], atomNamed(S, "B", 1, "C4"));
  EXPECT_EQ(T.DistogramAtom[B_DC], atomNamed(S, "B", 2, "C2"));
  EXPECT_EQ(T.DistogramAtom[C_ALA], NoIndex); // no CB
  EXPECT_EQ(T.CentreAtom[D_C2], atomNamed(S, "D", 1, "C2"));
  // Resolved masks: everything but the CB-less ALA's distogram atom.
  for (uint32_t I = 0; I < NumTok; ++I) {
    EXPECT_TRUE(T.resolved(0, I)) << I;
    EXPECT_EQ(T.distogramResolved(0, I), I != C_ALA) << I;
  }
  // The residue tokens' atoms are their residues' atoms, all of them.
  uint32_t R = S.atoms().Residue[atomNamed(S, "A", 40, "CA")];
  std::vector<uint32_t> All;
  for (uint32_t A = S.residues().AtomBegin[R]; A < S.residues().AtomEnd[R]; ++A)
    All.push_back(A);
  EXPECT_EQ(std::vector<uint32_t>(T.atoms(A_ALA).begin(), T.atoms(A_ALA).end()),
            All);
}

TEST_F(TokensTest, TokenBondsFollowAF3Rule) {
  const TokenTable &T = AM.getResult<TokensAnalysis>(S);
  std::set<std::pair<uint32_t, uint32_t>> Got;
  for (size_t K = 0; K < T.BondA.size(); ++K) {
    EXPECT_LT(T.BondA[K], T.BondB[K]);
    Got.insert({T.BondA[K], T.BondB[K]});
  }
  EXPECT_EQ(Got.size(), T.BondA.size()) << "duplicates";
  // MSE: the CCD bonds N-CA CA-C C-O CA-CB CB-CG CG-SE SE-CE (both SE
  // conformers map to one token). Ethanol: C1-C2 (1.5 A) and C2-O
  // (1.43 A) are within covalent radii + 0.4 A (C 0.76, O 0.66), C1-O
  // (2.07 A) is not. The struct_conn links ethanol C1 to chain C's GLY.
  // The GLY-MSE peptide link (two polymer residues) is no token bond, nor
  // is the ethanol C1-H1 bond (hydrogens have no token).
  std::set<std::pair<uint32_t, uint32_t>> Want = {
      {A_MSE_N, A_MSE_CA},  {A_MSE_CA, A_MSE_C},  {A_MSE_C, A_MSE_O},
      {A_MSE_CA, A_MSE_CB}, {A_MSE_CB, A_MSE_CG}, {A_MSE_CG, A_MSE_SE},
      {A_MSE_SE, A_MSE_CE}, {D_C1, D_C2},         {D_C2, D_O},
      {C_GLY, D_C1}};
  EXPECT_EQ(Got, Want);
  // The peptide link is in the IR's bond table all the same.
  uint32_t C = atomNamed(S, "A", 1, "C"), N = atomNamed(S, "A", 2, "N");
  bool Linked = false;
  for (size_t K = 0; K < S.bonds().size(); ++K)
    Linked |=
        S.bonds().A[K] == std::min(C, N) && S.bonds().B[K] == std::max(C, N);
  EXPECT_TRUE(Linked);
}

/// clip(D + M, 0, 2M), the AF3 offset class.
unsigned clipClass(int D, int M) {
  return unsigned(std::clamp(D + M, 0, 2 * M));
}

TEST_F(TokensTest, RelposAF3) {
  const RelativePositions &R = AM.getResult<RelposAnalysis>(S);
  ASSERT_EQ(R.NumTokens, size_t(NumTok));
  auto At = [&](const std::vector<uint8_t> &V, Tok I, Tok J) {
    return unsigned(V[R.index(I, J)]);
  };
  const unsigned Other = 2 * 32 + 1, SameChain = 2 * 2 + 1;
  // Same chain, residues 1 and 40: offset -39 clips to 0, +39 to 64.
  EXPECT_EQ(At(R.Residue, A_GLY, A_ALA), 0u);
  EXPECT_EQ(At(R.Residue, A_ALA, A_GLY), 64u);
  EXPECT_EQ(At(R.Residue, A_GLY, A_MSE_CA), clipClass(1 - 2, 32));
  EXPECT_EQ(At(R.Token, A_GLY, A_MSE_CA), Other); // other residue
  EXPECT_EQ(At(R.Chain, A_GLY, A_MSE_CA), SameChain);
  EXPECT_EQ(At(R.SameEntity, A_GLY, A_MSE_CA), 1u);
  // Two atom tokens of one residue: residue offset 0, token offset i - j.
  EXPECT_EQ(At(R.Residue, A_MSE_N, A_MSE_C), 32u);
  EXPECT_EQ(At(R.Token, A_MSE_N, A_MSE_C), clipClass(1 - 3, 32));
  EXPECT_EQ(At(R.Token, A_MSE_CE, A_MSE_N), clipClass(8 - 1, 32));
  EXPECT_EQ(At(R.Token, A_GLY, A_GLY), 32u);
  // Two copies of one entity: other chain, same entity, sym 0 vs 1.
  EXPECT_EQ(At(R.Residue, A_GLY, C_GLY), Other);
  EXPECT_EQ(At(R.Token, A_GLY, C_GLY), Other);
  EXPECT_EQ(At(R.SameEntity, A_GLY, C_GLY), 1u);
  EXPECT_EQ(At(R.Chain, A_GLY, C_GLY), clipClass(0 - 1, 2));
  EXPECT_EQ(At(R.Chain, C_GLY, A_GLY), clipClass(1 - 0, 2));
  // Protein-DNA and DNA-ligand: other entity, sym 0 vs 0.
  EXPECT_EQ(At(R.SameEntity, A_ALA, B_DA), 0u);
  EXPECT_EQ(At(R.Chain, A_ALA, B_DA), 2u);
  EXPECT_EQ(At(R.Residue, B_DC, D_O), Other);
  EXPECT_EQ(At(R.Chain, B_DC, D_O), 2u);
  // The ligand's atoms: one residue, token offsets.
  EXPECT_EQ(At(R.Token, D_O, D_C1), clipClass(16 - 14, 32));
  // Smaller clips.
  RelposAnalysis::Options O;
  O.RMax = 1;
  O.SMax = 0;
  const RelativePositions &Small = AM.getResult<RelposAnalysis>(S, O);
  EXPECT_EQ(unsigned(Small.Residue[Small.index(A_GLY, A_ALA)]), 0u);
  EXPECT_EQ(unsigned(Small.Residue[Small.index(A_GLY, C_GLY)]), 3u);
  EXPECT_EQ(unsigned(Small.Chain[Small.index(A_GLY, C_GLY)]), 0u);
  EXPECT_EQ(unsigned(Small.Chain[Small.index(A_GLY, A_ALA)]), 1u);
}

TEST_F(TokensTest, RelposAF2IgnoresChains) {
  RelposAnalysis::Options O;
  O.Preset = RelposPreset::AF2;
  const RelativePositions &R = AM.getResult<RelposAnalysis>(S, O);
  EXPECT_EQ(R.residueClasses(), 65u);
  EXPECT_TRUE(R.Token.empty());
  // Residue index 1 in chains A and C: offset 0 whatever the chain.
  EXPECT_EQ(unsigned(R.Residue[R.index(A_GLY, C_GLY)]), 32u);
  EXPECT_EQ(unsigned(R.Residue[R.index(A_ALA, B_DC)]), clipClass(40 - 2, 32));
  EXPECT_EQ(unsigned(R.Residue[R.index(B_DC, A_ALA)]), clipClass(2 - 40, 32));
}

TEST(DistogramEdgesTest, PublishedEdges) {
  auto E3 = distogramEdges(DistogramPreset::AF3);
  EXPECT_DOUBLE_EQ(E3.front(), 2.0);
  EXPECT_DOUBLE_EQ(E3.back(), 22.0);
  EXPECT_DOUBLE_EQ(E3[31], 2.0 + 20.0 * 31 / 62); // = 12
  auto E2 = distogramEdges(DistogramPreset::AF2);
  EXPECT_DOUBLE_EQ(E2.front(), 2.3125);
  EXPECT_DOUBLE_EQ(E2.back(), 21.6875);
  // Bins count edges strictly below the distance.
  EXPECT_EQ(distogramBin(DistogramPreset::AF3, 0.0), 0u);
  EXPECT_EQ(distogramBin(DistogramPreset::AF3, 2.0), 0u);
  EXPECT_EQ(distogramBin(DistogramPreset::AF3, 2.0001), 1u);
  EXPECT_EQ(distogramBin(DistogramPreset::AF3, 12.0), 31u);
  EXPECT_EQ(distogramBin(DistogramPreset::AF3, 50.0), 63u);
  EXPECT_EQ(distogramBin(DistogramPreset::AF2, 7.0), 15u); // edge 15 = 7
  EXPECT_EQ(distogramBin(DistogramPreset::AF2, 50.0), 63u);
}

TEST_F(TokensTest, DistogramBins) {
  const Distogram &D = AM.getResult<DistogramAnalysis>(S);
  ASSERT_EQ(D.NumTokens, size_t(NumTok));
  // GLY CA (0, 0, 0) to DA C4 (0, 0, 7): 7 A. AF3 edges 2 + 20k/62 below
  // 7 for k <= 15 (k = 15.5 would be 7): bin 16. AF2 edges 2.3125 +
  // 0.3125k below 7 for k <= 14 (k = 15 is 7 itself): bin 15.
  EXPECT_EQ(D.bin(0, A_GLY, B_DA), 16u);
  EXPECT_EQ(D.bin(0, B_DA, A_GLY), 16u);
  DistogramAnalysis::Options O;
  O.Preset = DistogramPreset::AF2;
  EXPECT_EQ(AM.getResult<DistogramAnalysis>(S, O).bin(0, A_GLY, B_DA), 15u);
  // Diagonal 0; the CB-less ALA has no bin with anyone.
  EXPECT_EQ(D.bin(0, A_ALA, A_ALA), 0u);
  for (uint32_t J = 0; J < NumTok; ++J)
    EXPECT_EQ(D.bin(0, C_ALA, J), NoBin) << J;
  // Every other pair: recount the edges below the distance here.
  for (uint32_t I = 0; I < NumTok; ++I)
    for (uint32_t J = 0; J < NumTok; ++J) {
      if (I == C_ALA || J == C_ALA)
        continue;
      const TokenTable &T = AM.getResult<TokensAnalysis>(S);
      auto P = S.position(0, T.DistogramAtom[I]),
           Q = S.position(0, T.DistogramAtom[J]);
      double Dist = std::sqrt(std::pow(double(P[0]) - Q[0], 2) +
                              std::pow(double(P[1]) - Q[1], 2) +
                              std::pow(double(P[2]) - Q[2], 2));
      unsigned Bin = 0;
      for (unsigned K = 0; K < 63; ++K)
        Bin += Dist > 2.0 + 20.0 * K / 62.0;
      EXPECT_EQ(D.bin(0, I, J), Bin) << I << " " << J;
    }
}

TEST_F(TokensTest, PairFeaturesOneHot) {
  const PairFeatures &P = AM.getResult<PairFeaturesAnalysis>(S);
  ASSERT_EQ(P.NumTokens, size_t(NumTok));
  // Layout: d_residue 66 | d_token 66 | same_entity 1 | d_chain 6 |
  // distogram 64.
  const unsigned C = 66 + 66 + 1 + 6 + 64;
  ASSERT_EQ(P.numChannels(), C);
  auto G = P.groups();
  ASSERT_EQ(G.size(), 5u);
  EXPECT_EQ(G[4].Offset, 139u);
  // GLY (chain A) and DA: other chain (65, 66 + 65), other entity (no
  // same_entity channel), d_chain clip(0 - 0 + 2) = 2 -> 133 + 2, bin 16
  // -> 139 + 16.
  SmallVector<unsigned, 5> Hot;
  P.hotChannels(A_GLY, B_DA, Hot);
  EXPECT_EQ(std::vector<unsigned>(Hot.begin(), Hot.end()),
            (std::vector<unsigned>{65, 131, 135, 155}));
  // GLY with itself: offsets 0 (32, 66 + 32), same entity 132, same chain
  // 133 + 5, bin 0 -> 139.
  P.hotChannels(A_GLY, A_GLY, Hot);
  EXPECT_EQ(std::vector<unsigned>(Hot.begin(), Hot.end()),
            (std::vector<unsigned>{32, 98, 132, 138, 139}));
  // The CB-less ALA has no distogram channel.
  P.hotChannels(C_ALA, A_GLY, Hot);
  EXPECT_TRUE(llvm::all_of(Hot, [](unsigned Ch) { return Ch < 139; }));
  // fillRows over blocks of 5 rows gives exactly the hot channels.
  std::vector<float> Block(5 * NumTok * C);
  for (size_t RB = 0; RB < NumTok; RB += 5) {
    size_t RE = std::min<size_t>(RB + 5, NumTok);
    std::fill(Block.begin(), Block.end(), 7.0f); // overwritten
    P.fillRows(RB, RE, Block.data());
    for (size_t I = RB; I < RE; ++I)
      for (size_t J = 0; J < NumTok; ++J) {
        P.hotChannels(I, J, Hot);
        const float *Row = &Block[((I - RB) * NumTok + J) * C];
        for (unsigned Ch = 0; Ch < C; ++Ch)
          ASSERT_EQ(Row[Ch], llvm::is_contained(Hot, Ch) ? 1.0f : 0.0f)
              << I << " " << J << " " << Ch;
      }
  }
  // af2 layout: d_residue 65 | distogram 64 (2.3125 + 0.3125k edges).
  PairFeaturesAnalysis::Options O;
  O.Preset = PairPreset::AF2;
  const PairFeatures &P2 = AM.getResult<PairFeaturesAnalysis>(S, O);
  EXPECT_EQ(P2.numChannels(), 129u);
  P2.hotChannels(A_GLY, B_DA, Hot);
  EXPECT_EQ(std::vector<unsigned>(Hot.begin(), Hot.end()),
            (std::vector<unsigned>{clipClass(1 - 1, 32), 65 + 15}));
}

TEST(TokensMultiModel, ModelOptionPicksTheState) {
  // Two models; model 2 moves the DA C4 from 7 A to 12 A of the GLY CA.
  std::string Text = R"(data_MM
loop_
_entity.id
_entity.type
1 polymer
2 polymer
loop_
_entity_poly.entity_id
_entity_poly.type
1 'polypeptide(L)'
2 polydeoxyribonucleotide
loop_
_atom_site.group_PDB
_atom_site.id
_atom_site.type_symbol
_atom_site.label_atom_id
_atom_site.label_comp_id
_atom_site.label_asym_id
_atom_site.label_entity_id
_atom_site.label_seq_id
_atom_site.Cartn_x
_atom_site.Cartn_y
_atom_site.Cartn_z
_atom_site.auth_seq_id
_atom_site.auth_asym_id
_atom_site.pdbx_PDB_model_num
ATOM 1 C CA GLY A 1 1 0 0 0 1 A 1
ATOM 2 C "C1'" DA B 2 1 0 3 0 1 B 1
ATOM 3 C C4 DA B 2 1 0 0 7 1 B 1
ATOM 4 C CA GLY A 1 1 0 0 0 1 A 2
ATOM 5 C "C1'" DA B 2 1 0 3 0 1 B 2
ATOM 6 C C4 DA B 2 1 0 0 12 1 B 2
)";
  Structure S = readText(Text);
  AnalysisManager AM;
  const TokenTable &T = AM.getResult<TokensAnalysis>(S);
  ASSERT_EQ(T.size(), 2u);
  const Distogram &D = AM.getResult<DistogramAnalysis>(S);
  EXPECT_EQ(D.bin(0, 0, 1), 16u);
  EXPECT_EQ(D.bin(1, 0, 1), 31u); // 12 A = edge 31; 31 edges below
  PairFeaturesAnalysis::Options O;
  O.Model = 2;
  const PairFeatures &P = AM.getResult<PairFeaturesAnalysis>(S, O);
  EXPECT_EQ(P.State, 1u);
  EXPECT_EQ(P.Bins[1], 31u);
  O.Model = 7; // not in the file: no distogram channel
  const PairFeatures &None = AM.getResult<PairFeaturesAnalysis>(S, O);
  EXPECT_EQ(None.State, NoIndex);
  EXPECT_EQ(None.Bins[1], NoBin);
}

//===----------------------------------------------------------------------===//
// Persisted forms.
//===----------------------------------------------------------------------===//

const Structure &load1pfe() {
  static std::unique_ptr<Structure> S;
  if (!S) {
    auto R = io::readStructureFile(std::string(QIR_SOURCE_DIR) +
                                   "/test/Inputs/1pfe.cif.gz");
    if (!R) {
      ADD_FAILURE() << toString(R.takeError());
      S = std::make_unique<Structure>();
    } else {
      S = std::make_unique<Structure>(std::move(*R));
    }
  }
  return *S;
}

template <typename AnalysisT>
std::string readError(ResultBuffer &B, const Structure &S) {
  auto R = AnalysisT::read(B, S);
  if (R)
    return "";
  std::string Msg = toString(R.takeError());
  EXPECT_EQ(Msg.rfind("malformed result: ", 0), 0u) << Msg;
  EXPECT_NE(Msg.find(AnalysisT::Name.str()), std::string::npos) << Msg;
  return Msg;
}

TEST(TokensSerializer, RoundTripsAndRejectsDamage) {
  const Structure &S = load1pfe();
  AnalysisManager AM;
  const TokenTable &T = AM.getResult<TokensAnalysis>(S);
  ASSERT_GT(T.size(), 0u);
  ResultBuffer B;
  ASSERT_FALSE(static_cast<bool>(TokensAnalysis::write(B, T)));
  auto R = TokensAnalysis::read(B, S);
  ASSERT_TRUE(static_cast<bool>(R)) << toString(R.takeError());
  EXPECT_EQ(R->Residue, T.Residue);
  EXPECT_EQ(R->AtomBegin, T.AtomBegin);
  EXPECT_EQ(R->Atoms, T.Atoms);
  EXPECT_EQ(R->CentreAtom, T.CentreAtom);
  EXPECT_EQ(R->DistogramAtom, T.DistogramAtom);
  EXPECT_EQ(R->Standard, T.Standard);
  EXPECT_EQ(R->ResType, T.ResType);
  EXPECT_EQ(R->MolType, T.MolType);
  EXPECT_EQ(R->ResidueIndex, T.ResidueIndex);
  EXPECT_EQ(R->AsymId, T.AsymId);
  EXPECT_EQ(R->EntityId, T.EntityId);
  EXPECT_EQ(R->SymId, T.SymId);
  EXPECT_EQ(R->Resolved, T.Resolved);
  EXPECT_EQ(R->DistogramResolved, T.DistogramResolved);
  EXPECT_EQ(R->BondA, T.BondA);
  EXPECT_EQ(R->BondB, T.BondB);

  // A bond i >= j.
  ResultBuffer Bad;
  ASSERT_FALSE(static_cast<bool>(TokensAnalysis::write(Bad, T)));
  Bad.erase("bonds");
  std::vector<uint32_t> Rev = {3, 2};
  const uint64_t Shape[] = {1, 2};
  ASSERT_FALSE(static_cast<bool>(Bad.write<uint32_t>("bonds", Rev, Shape)));
  EXPECT_NE(readError<TokensAnalysis>(Bad, S).find("bonds"), std::string::npos);
  // An atom outside its token's residue.
  ResultBuffer Bad2;
  ASSERT_FALSE(static_cast<bool>(TokensAnalysis::write(Bad2, T)));
  std::vector<uint32_t> Atoms = T.Atoms;
  std::swap(Atoms.front(), Atoms.back());
  Bad2.erase("atoms");
  ASSERT_FALSE(static_cast<bool>(Bad2.write<uint32_t>("atoms", Atoms)));
  EXPECT_NE(readError<TokensAnalysis>(Bad2, S).find("outside"),
            std::string::npos);
  // A missing array.
  ResultBuffer Bad3;
  ASSERT_FALSE(static_cast<bool>(TokensAnalysis::write(Bad3, T)));
  Bad3.erase("sym_id");
  EXPECT_NE(readError<TokensAnalysis>(Bad3, S), "");
}

TEST(PairSerializer, RelposDistogramPairFeaturesRoundTrip) {
  const Structure &S = load1pfe();
  AnalysisManager AM;
  const RelativePositions &R = AM.getResult<RelposAnalysis>(S);
  ResultBuffer BR;
  ASSERT_FALSE(static_cast<bool>(RelposAnalysis::write(BR, R)));
  auto R2 = RelposAnalysis::read(BR, S);
  ASSERT_TRUE(static_cast<bool>(R2)) << toString(R2.takeError());
  EXPECT_EQ(R2->Residue, R.Residue);
  EXPECT_EQ(R2->Token, R.Token);
  EXPECT_EQ(R2->SameEntity, R.SameEntity);
  EXPECT_EQ(R2->Chain, R.Chain);
  EXPECT_EQ(R2->RMax, 32u);
  // A class beyond the clip.
  std::vector<uint8_t> Bad = R.Chain;
  Bad[0] = 6;
  BR.erase("d_chain");
  ASSERT_FALSE(static_cast<bool>(BR.write<uint8_t>(
      "d_chain", Bad, {uint64_t(R.NumTokens), uint64_t(R.NumTokens)})));
  EXPECT_NE(readError<RelposAnalysis>(BR, S).find("d_chain"),
            std::string::npos);

  const Distogram &D = AM.getResult<DistogramAnalysis>(S);
  ResultBuffer BD;
  ASSERT_FALSE(static_cast<bool>(DistogramAnalysis::write(BD, D)));
  auto D2 = DistogramAnalysis::read(BD, S);
  ASSERT_TRUE(static_cast<bool>(D2)) << toString(D2.takeError());
  EXPECT_EQ(D2->Bins, D.Bins);
  EXPECT_EQ(D2->Atom, D.Atom);
  // An asymmetric bin.
  std::vector<uint8_t> Asym = D.Bins;
  Asym[1] = uint8_t(Asym[1] == 5 ? 6 : 5);
  BD.erase("bins");
  ASSERT_FALSE(static_cast<bool>(BD.write<uint8_t>(
      "bins", Asym, {1, uint64_t(D.NumTokens), uint64_t(D.NumTokens)})));
  EXPECT_NE(readError<DistogramAnalysis>(BD, S), "");

  const PairFeatures &P = AM.getResult<PairFeaturesAnalysis>(S);
  ResultBuffer BP;
  ASSERT_FALSE(static_cast<bool>(PairFeaturesAnalysis::write(BP, P)));
  auto P2 = PairFeaturesAnalysis::read(BP, S);
  ASSERT_TRUE(static_cast<bool>(P2)) << toString(P2.takeError());
  EXPECT_EQ(P2->Residue, P.Residue);
  EXPECT_EQ(P2->Bins, P.Bins);
  EXPECT_EQ(P2->State, P.State);
  // Another structure's state.
  BP.eraseAttribute("state");
  ASSERT_FALSE(static_cast<bool>(BP.setAttribute("state", int64_t(5))));
  EXPECT_NE(readError<PairFeaturesAnalysis>(BP, S), "");
}

} // namespace
