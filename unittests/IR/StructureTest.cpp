//===- StructureTest.cpp - Tables, builder, facets and hashes -------------===//
#include "qir/IR/Structure.h"
#include "qir/IR/StructureBuilder.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace qir;

namespace {

AtomRecord atom(llvm::StringRef Chain, int Seq, llvm::StringRef Res,
                llvm::StringRef Name, llvm::StringRef El, float X, float Y,
                float Z, char Alt = 0) {
  AtomRecord R;
  R.AuthChain = Chain;
  R.LabelAsym = Chain;
  R.AuthSeq = Seq;
  R.ResName = Res;
  R.AtomName = Name;
  R.Element = El;
  R.X = X;
  R.Y = Y;
  R.Z = Z;
  R.AltLoc = Alt;
  R.Serial = Seq * 10;
  return R;
}

/// Two glycines in ideal-ish geometry, peptide-bonded.
void addDipeptide(StructureBuilder &B, float Shift = 0) {
  B.addAtom(atom("A", 1, "GLY", "N", "N", 0 + Shift, 0, 0));
  B.addAtom(atom("A", 1, "GLY", "CA", "C", 1.46f + Shift, 0, 0));
  B.addAtom(atom("A", 1, "GLY", "C", "C", 2.0f + Shift, 1.42f, 0));
  B.addAtom(atom("A", 1, "GLY", "O", "O", 1.3f + Shift, 2.43f, 0));
  B.addAtom(atom("A", 2, "GLY", "N", "N", 3.33f + Shift, 1.5f, 0));
  B.addAtom(atom("A", 2, "GLY", "CA", "C", 4.0f + Shift, 2.8f, 0));
}

} // namespace

TEST(StructureBuilder, BuildsContiguousTables) {
  StructureBuilder B("test");
  B.beginModel(1);
  addDipeptide(B);
  B.addAtom(atom("A", 101, "HOH", "O", "O", 10, 10, 10));
  Structure S = B.finish();
  EXPECT_EQ(S.verify(), "");
  EXPECT_EQ(S.numAtoms(), 7u);
  EXPECT_EQ(S.numResidues(), 3u);
  EXPECT_EQ(S.residues().AtomBegin[1], 4u);
  EXPECT_EQ(S.residues().AtomEnd[1], 6u);
  EXPECT_EQ(S.residues().Kind[0], ResidueKind::AminoAcid);
  EXPECT_EQ(S.residues().Kind[2], ResidueKind::Water);
  EXPECT_EQ(S.numStates(), 1u);
  EXPECT_FLOAT_EQ(S.position(0, 1)[0], 1.46f);
}

TEST(StructureBuilder, MicroheterogeneityStartsANewResidue) {
  // PRO (A) and SER (B) at one position: two residues, as gemmi reads it.
  StructureBuilder B("test");
  B.beginModel(1);
  B.addAtom(atom("A", 22, "PRO", "N", "N", 0, 0, 0, 'A'));
  B.addAtom(atom("A", 22, "PRO", "CA", "C", 1.5f, 0, 0, 'A'));
  B.addAtom(atom("A", 22, "SER", "N", "N", 0, 0.1f, 0, 'B'));
  B.addAtom(atom("A", 22, "SER", "CA", "C", 1.5f, 0.1f, 0, 'B'));
  Structure S = B.finish();
  ASSERT_EQ(S.numResidues(), 2u);
  EXPECT_EQ(S.residues().Name[0], "PRO");
  EXPECT_EQ(S.residues().Name[1], "SER");
  EXPECT_EQ(S.residues().AuthSeq[1], 22);
}

TEST(StructureBuilder, ModelsShareTheUnionTopology) {
  StructureBuilder B("test");
  B.beginModel(1);
  addDipeptide(B);
  B.beginModel(2);
  addDipeptide(B, 0.5f);
  // An atom model 1 lacks, in the middle of residue 2.
  B.addAtom(atom("A", 2, "GLY", "OXT", "O", 5, 3, 0));
  Structure S = B.finish();
  EXPECT_EQ(S.verify(), "");
  ASSERT_EQ(S.numAtoms(), 7u);
  ASSERT_EQ(S.numStates(), 2u);
  EXPECT_EQ(S.states().ModelNumber[1], 2);
  EXPECT_EQ(S.atoms().Name[6], "OXT");
  EXPECT_EQ(S.residues().AtomEnd[1], 7u); // OXT joined residue 2
  EXPECT_FALSE(S.isPresent(0, 6));
  EXPECT_TRUE(std::isnan(S.position(0, 6)[0]));
  EXPECT_TRUE(S.isPresent(1, 6));
  EXPECT_FLOAT_EQ(S.position(1, 0)[0], 0.5f);
}

TEST(StructureBuilder, LateAtomsKeepTheirModelsOrder) {
  StructureBuilder B("test");
  B.beginModel(1);
  B.addAtom(atom("A", 1, "GLY", "N", "N", 0, 0, 0));
  B.addAtom(atom("A", 1, "GLY", "C", "C", 2, 1, 0));
  for (int M = 2; M <= 3; ++M) {
    B.beginModel(M);
    B.addAtom(atom("A", 1, "GLY", "N", "N", 0, 0, 0));
    B.addAtom(atom("A", 1, "GLY", "CA", "C", 1, 0, 0));
    B.addAtom(atom("A", 1, "GLY", "C", "C", 2, 1, 0));
  }
  Structure S = B.finish();
  // One late atom for both models, placed after N as they had it.
  ASSERT_EQ(S.numAtoms(), 3u);
  EXPECT_EQ(S.atoms().Name[1], "CA");
  EXPECT_FALSE(S.isPresent(0, 1));
  EXPECT_TRUE(S.isPresent(2, 1));
}

TEST(StructureBuilder, PerStatePropertiesOnlyWhenTheyDiffer) {
  StructureBuilder B("test");
  B.beginModel(1);
  addDipeptide(B);
  B.beginModel(2);
  addDipeptide(B);
  Structure Same = B.finish();
  EXPECT_TRUE(Same.states().Serial.empty());
  EXPECT_TRUE(Same.states().BIso.empty());

  StructureBuilder C("test");
  C.beginModel(1);
  AtomRecord R = atom("A", 1, "GLY", "N", "N", 0, 0, 0);
  C.addAtom(R);
  C.beginModel(2);
  R.Serial = 99;
  R.BIso = 12.5f;
  C.addAtom(R);
  Structure Diff = C.finish();
  EXPECT_EQ(Diff.serial(0, 0), 10);
  EXPECT_EQ(Diff.serial(1, 0), 99);
  EXPECT_FLOAT_EQ(Diff.bIso(1, 0), 12.5f);
  EXPECT_FLOAT_EQ(Diff.bIso(0, 0), 0.0f);
}

TEST(StructureBuilder, DerivesLabelsForUnlabelledChains) {
  // PDB-style input: no label ids. Polymer, a ligand, two waters.
  StructureBuilder B("pdb");
  B.beginModel(1);
  auto Unlabelled = [](AtomRecord R, bool Het) {
    R.LabelAsym = "";
    R.Hetero = Het;
    return R;
  };
  B.addAtom(Unlabelled(atom("A", 1, "GLY", "N", "N", 0, 0, 0), false));
  B.addAtom(Unlabelled(atom("A", 2, "GLY", "N", "N", 3, 0, 0), false));
  B.addAtom(Unlabelled(atom("A", 50, "SO4", "S", "S", 9, 0, 0), true));
  B.addAtom(Unlabelled(atom("A", 60, "HOH", "O", "O", 12, 0, 0), true));
  B.addAtom(Unlabelled(atom("A", 61, "HOH", "O", "O", 15, 0, 0), true));
  Structure S = B.finish();
  EXPECT_EQ(S.verify(), "");
  ASSERT_EQ(S.numChains(), 3u);
  EXPECT_EQ(S.chains().LabelId[0], "A");
  EXPECT_EQ(S.chains().LabelId[1], "B");
  EXPECT_EQ(S.chains().LabelId[2], "C");
  EXPECT_EQ(S.residues().LabelSeq[1], 2);
  EXPECT_EQ(S.residues().LabelSeq[2], NoSeqId);
  const EntityTable &E = S.entities();
  ASSERT_EQ(E.size(), 3u);
  EXPECT_EQ(E.Type[S.chains().Entity[0]], EntityType::Polymer);
  EXPECT_EQ(E.Sequence[S.chains().Entity[0]], "GG");
  EXPECT_EQ(E.Type[S.chains().Entity[1]], EntityType::NonPolymer);
  EXPECT_EQ(E.Type[S.chains().Entity[2]], EntityType::Water);
}

TEST(BondPerception, TemplatePolymerLinkAndInferred) {
  StructureBuilder B("test");
  B.beginModel(1);
  B.addAtom(atom("A", 1, "GLY", "N", "N", 0, 0, 0));
  // A hydrogen on N, 1.0 A away: no template atom, so inferred.
  B.addAtom(atom("A", 1, "GLY", "H", "H", -0.5f, -0.87f, 0));
  B.addAtom(atom("A", 1, "GLY", "CA", "C", 1.46f, 0, 0));
  B.addAtom(atom("A", 1, "GLY", "C", "C", 2.0f, 1.42f, 0));
  B.addAtom(atom("A", 1, "GLY", "O", "O", 1.3f, 2.43f, 0));
  B.addAtom(atom("A", 2, "GLY", "N", "N", 3.33f, 1.5f, 0));
  B.addAtom(atom("A", 2, "GLY", "CA", "C", 4.0f, 2.8f, 0));
  Structure S = B.finish();
  ASSERT_EQ(S.numResidues(), 2u);
  const BondTable &Bo = S.bonds();
  unsigned Count[NumBondOrigins] = {};
  for (size_t I = 0; I < Bo.size(); ++I)
    ++Count[static_cast<unsigned>(Bo.Origin[I])];
  // GLY template: N-CA, CA-C, C=O in residue 1; N-CA in residue 2.
  EXPECT_EQ(Count[static_cast<unsigned>(BondOrigin::Template)], 4u);
  EXPECT_EQ(Count[static_cast<unsigned>(BondOrigin::PolymerLink)], 1u);
  EXPECT_EQ(Count[static_cast<unsigned>(BondOrigin::Inferred)], 1u);
  for (size_t I = 0; I < Bo.size(); ++I)
    EXPECT_LT(Bo.A[I], Bo.B[I]);
}

TEST(BondPerception, AltlocsBondWithinOneConformer) {
  StructureBuilder B("test");
  B.beginModel(1);
  B.addAtom(atom("A", 1, "SER", "CA", "C", 0, 0, 0));
  B.addAtom(atom("A", 1, "SER", "CB", "C", 1.53f, 0, 0, 'A'));
  B.addAtom(atom("A", 1, "SER", "CB", "C", 1.50f, 0.3f, 0, 'B'));
  B.addAtom(atom("A", 1, "SER", "OG", "O", 2.0f, 1.35f, 0, 'A'));
  B.addAtom(atom("A", 1, "SER", "OG", "O", 2.0f, 1.45f, 0.3f, 'B'));
  Structure S = B.finish();
  // CA-CB(A), CA-CB(B), CB(A)-OG(A), CB(B)-OG(B); never A with B.
  EXPECT_EQ(S.bonds().size(), 4u);
  for (size_t I = 0; I < S.bonds().size(); ++I) {
    char X = S.atoms().AltLoc[S.bonds().A[I]];
    char Y = S.atoms().AltLoc[S.bonds().B[I]];
    EXPECT_TRUE(!X || !Y || X == Y);
  }
}

TEST(Facets, WritesBumpOnlyTheirFacet) {
  StructureBuilder B("test");
  B.beginModel(1);
  addDipeptide(B);
  Structure S = B.finish();
  uint64_t Topo = S.generation(Facet::Topology);
  uint64_t Coord = S.generation(Facet::Coordinates);
  S.coordsForWrite()[0] += 1.0f;
  EXPECT_EQ(S.generation(Facet::Topology), Topo);
  EXPECT_EQ(S.generation(Facet::Coordinates), Coord + 1);
  S.metadataForWrite().Id = "X";
  EXPECT_EQ(S.generation(Facet::Topology), Topo);
}

TEST(Facets, HashesChangeWhenAndOnlyWhenContentChanges) {
  StructureBuilder B("test");
  B.beginModel(1);
  addDipeptide(B);
  Structure S = B.finish();
  uint64_t Topo = S.hash(Facet::Topology);
  uint64_t Coord = S.hash(Facet::Coordinates);
  uint64_t Props = S.hash(Facet::AtomProperties);

  // A write that restores the same value: new generation, same hash.
  float Old = S.coordsForWrite()[3];
  S.coordsForWrite()[3] = Old + 0.5f;
  uint64_t Moved = S.hash(Facet::Coordinates);
  EXPECT_NE(Moved, Coord);
  S.coordsForWrite()[3] = Old;
  EXPECT_EQ(S.hash(Facet::Coordinates), Coord);
  EXPECT_EQ(S.hash(Facet::Topology), Topo);
  EXPECT_EQ(S.hash(Facet::AtomProperties), Props);

  S.atomsForWrite(Facet::AtomProperties).BIso[0] = 30.0f;
  EXPECT_NE(S.hash(Facet::AtomProperties), Props);
  EXPECT_EQ(S.hash(Facet::Topology), Topo);

  S.atomsForWrite(Facet::Topology).Name[0] = AtomName("NX");
  EXPECT_NE(S.hash(Facet::Topology), Topo);
}

TEST(Facets, IdenticalStructuresHashEqually) {
  auto Build = [] {
    StructureBuilder B("test");
    B.beginModel(1);
    addDipeptide(B);
    return B.finish();
  };
  Structure A = Build(), C = Build();
  for (unsigned F = 0; F < NumFacets; ++F)
    EXPECT_EQ(A.hash(static_cast<Facet>(F)), C.hash(static_cast<Facet>(F)));
}

TEST(Structure, VerifyCatchesBrokenRanges) {
  StructureBuilder B("test");
  B.beginModel(1);
  addDipeptide(B);
  Structure S = B.finish();
  S.residuesForWrite(Facet::Topology).AtomEnd[0] = 3;
  EXPECT_NE(S.verify(), "");
}
