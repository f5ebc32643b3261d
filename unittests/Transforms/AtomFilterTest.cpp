//===- AtomFilterTest.cpp - keepAtoms / keepStates ------------------------===//
#include "TransformTestUtil.h"

#include "qir/IR/AtomFilter.h"

#include <map>
#include <set>

using namespace qir;
using namespace qir::test;
using llvm::BitVector;

// Two models over one topology. Model 2 lacks GLY 2 CA, gives GLY 1 N
// another occupancy and serial, and lists GLY 1 in another order, so the
// state table carries a presence mask, per-state occupancy and serial
// arrays, and a site order. One verbatim extra column (Cartn_x_esd).
static const char *const TwoModels = R"(data_TWO
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
ATOM 1 N N . GLY A 1 1 ? 0.000 0.000 0.000 1.00 10.0 ? 1 A 1 a1
ATOM 2 C CA . GLY A 1 1 ? 1.460 0.000 0.000 1.00 10.0 ? 1 A 1 a2
ATOM 3 C C . GLY A 1 1 ? 2.000 1.420 0.000 1.00 10.0 ? 1 A 1 a3
ATOM 4 O O . GLY A 1 1 ? 1.300 2.430 0.000 1.00 10.0 ? 1 A 1 a4
ATOM 5 N N . GLY A 1 2 ? 3.330 1.500 0.000 1.00 10.0 ? 2 A 1 a5
ATOM 6 C CA . GLY A 1 2 ? 4.000 2.800 0.000 1.00 10.0 ? 2 A 1 a6
HETATM 7 O O . HOH B 2 . ? 9.000 9.000 9.000 1.00 20.0 ? 101 A 1 a7
ATOM 11 C C . GLY A 1 1 ? 2.100 1.420 0.000 1.00 10.0 ? 1 A 2 b3
ATOM 12 C CA . GLY A 1 1 ? 1.560 0.000 0.000 1.00 10.0 ? 1 A 2 b2
ATOM 13 N N . GLY A 1 1 ? 0.100 0.000 0.000 0.50 10.0 ? 1 A 2 b1
ATOM 14 O O . GLY A 1 1 ? 1.400 2.430 0.000 1.00 10.0 ? 1 A 2 b4
ATOM 15 N N . GLY A 1 2 ? 3.430 1.500 0.000 1.00 10.0 ? 2 A 2 b5
HETATM 17 O O . HOH B 2 . ? 9.100 9.000 9.000 1.00 20.0 ? 101 A 2 b7
)";

namespace {
struct TwoModelFixture : ::testing::Test {
  void SetUp() override {
    S = readText(TwoModels, "two.cif");
    ASSERT_EQ(S.numAtoms(), 7u);
    ASSERT_EQ(S.numStates(), 2u);
  }
  Structure S;
};
} // namespace

TEST_F(TwoModelFixture, InputHasEveryStateFeature) {
  // The fixture exercises what keepAtoms must rebuild.
  const StateTable &St = S.states();
  EXPECT_FALSE(St.Present.empty());
  EXPECT_FALSE(St.Occupancy.empty());
  EXPECT_FALSE(St.Serial.empty());
  EXPECT_FALSE(St.SiteOrder.empty());
  EXPECT_EQ(S.extraColumns().size(), 1u);
  EXPECT_EQ(checkTables(S), "");
}

TEST_F(TwoModelFixture, KeepAtomsRebuildsEveryTable) {
  // Groupings too: {CA 1, C 1, CA 2}.
  S.groupingsForWrite().push_back(Grouping{"g", {1, 2, 5}});
  // Bonds before, by atom identity.
  std::set<std::pair<std::string, std::string>> BondsBefore;
  for (size_t B = 0; B < S.bonds().size(); ++B)
    BondsBefore.insert(
        {atomKey(S, S.bonds().A[B]), atomKey(S, S.bonds().B[B])});
  ASSERT_TRUE(BondsBefore.count({"A/1/GLY/C", "A/2/GLY/N"})); // peptide

  // Remove GLY 1 CA and the water (a whole residue and its chain row).
  BitVector Keep(7, true);
  Keep.reset(1);
  Keep.reset(6);
  Generations Before(S);
  keepAtoms(S, Keep);
  EXPECT_EQ(checkTables(S), "");
  EXPECT_TRUE(Before.changedIn(S) == (Facet::Topology | Facet::Coordinates |
                                      FacetSet(Facet::AtomProperties)));

  ASSERT_EQ(S.numAtoms(), 5u);
  EXPECT_EQ(S.numResidues(), 2u);
  EXPECT_EQ(S.numChains(), 1u);       // the water's chain row is gone
  EXPECT_EQ(S.entities().size(), 2u); // entities stay
  const char *Keys[] = {"A/1/GLY/N", "A/1/GLY/C", "A/1/GLY/O", "A/2/GLY/N",
                        "A/2/GLY/CA"};
  for (size_t A = 0; A < 5; ++A)
    EXPECT_EQ(atomKey(S, A), Keys[A]);
  EXPECT_EQ(S.residues().AtomBegin[1], 3u);
  EXPECT_EQ(S.residues().AtomEnd[1], 5u);

  // Bonds: exactly the old ones whose ends both survive, same identities.
  std::set<std::pair<std::string, std::string>> BondsAfter;
  for (size_t B = 0; B < S.bonds().size(); ++B) {
    auto K =
        std::make_pair(atomKey(S, S.bonds().A[B]), atomKey(S, S.bonds().B[B]));
    EXPECT_TRUE(BondsBefore.count(K)) << K.first << " - " << K.second;
    BondsAfter.insert(K);
  }
  for (const auto &P : BondsBefore) {
    bool Survives = P.first != "A/1/GLY/CA" && P.second != "A/1/GLY/CA" &&
                    P.first.find("HOH") == std::string::npos;
    EXPECT_EQ(BondsAfter.count(P), Survives ? 1u : 0u)
        << P.first << " - " << P.second;
  }

  // States: coordinates, presence, per-state values follow the atoms.
  EXPECT_FLOAT_EQ(S.position(0, 1)[0], 2.0f); // C of GLY 1, model 1
  EXPECT_FLOAT_EQ(S.position(1, 1)[0], 2.1f); // model 2
  EXPECT_FLOAT_EQ(S.position(1, 0)[0], 0.1f); // N, model 2
  EXPECT_FLOAT_EQ(S.occupancy(1, 0), 0.5f);
  EXPECT_FLOAT_EQ(S.occupancy(0, 0), 1.0f);
  EXPECT_EQ(S.serial(1, 0), 13);
  EXPECT_TRUE(S.isPresent(0, 4));
  EXPECT_FALSE(S.isPresent(1, 4)); // GLY 2 CA still absent from model 2
  // Model 2's file order survives: C, N, O of GLY 1, then GLY 2 N.
  EXPECT_EQ(S.siteOrder(1), (std::vector<uint32_t>{1, 0, 2, 3}));
  EXPECT_EQ(S.siteOrder(0), (std::vector<uint32_t>{0, 1, 2, 3, 4}));

  // Extra column values, [S][N].
  const auto &X = S.extraColumns().Values[0];
  ASSERT_EQ(X.size(), 10u);
  EXPECT_EQ(X[0], "a1");
  EXPECT_EQ(X[1], "a3");
  EXPECT_EQ(X[4], "a6");
  EXPECT_EQ(X[5 + 0], "b1");
  EXPECT_EQ(X[5 + 1], "b3");
  EXPECT_EQ(X[5 + 4], ""); // absent from model 2

  // Grouping {1, 2, 5} lost atom 1: {C 1, CA 2} = {1, 4}.
  ASSERT_EQ(S.groupings().size(), 1u);
  EXPECT_EQ(S.groupings()[0].Atoms, (std::vector<uint32_t>{1, 4}));
}

TEST_F(TwoModelFixture, KeepAtomsCanonicalizesStates) {
  // Without GLY 2 CA every model holds every atom, and without GLY 1 N the
  // models agree on occupancy: mask and occupancy arrays go. Serials still
  // differ (model 2 numbers from 11), and model 2 still lists GLY 1 in
  // another order.
  BitVector Keep(7, true);
  Keep.reset(0);
  Keep.reset(5);
  keepAtoms(S, Keep);
  EXPECT_EQ(checkTables(S), "");
  EXPECT_TRUE(S.states().Present.empty());
  EXPECT_TRUE(S.states().Occupancy.empty());
  EXPECT_FALSE(S.states().Serial.empty());
  // GLY 1 is still listed C, CA, O in model 2.
  EXPECT_FALSE(S.states().SiteOrder.empty());
}

TEST_F(TwoModelFixture, KeepAllWritesNothing) {
  Generations Before(S);
  keepAtoms(S, BitVector(7, true));
  keepStates(S, BitVector(2, true));
  EXPECT_TRUE(Before.changedIn(S).empty());
}

TEST_F(TwoModelFixture, KeepStatesTakesValuesFromTheKeptState) {
  Generations Before(S);
  keepStates(S, BitVector(2, false).set(1));
  EXPECT_EQ(checkTables(S), "");
  // Coordinates and (per-state arrays, extra columns) AtomProperties.
  EXPECT_TRUE(Before.changedIn(S) ==
              (Facet::Coordinates | Facet::AtomProperties));
  ASSERT_EQ(S.numStates(), 1u);
  EXPECT_EQ(S.states().ModelNumber, std::vector<int32_t>{2});
  EXPECT_EQ(S.numAtoms(), 7u); // topology unchanged
  EXPECT_FALSE(S.isPresent(0, 5));
  // Atom-table values are model 2's; the per-state arrays are gone.
  EXPECT_FLOAT_EQ(S.atoms().Occupancy[0], 0.5f);
  EXPECT_EQ(S.atoms().Serial[0], 13);
  EXPECT_EQ(S.atoms().Serial[6], 17);
  EXPECT_TRUE(S.states().Occupancy.empty());
  EXPECT_TRUE(S.states().Serial.empty());
  EXPECT_EQ(S.siteOrder(0), (std::vector<uint32_t>{2, 1, 0, 3, 4, 6}));
  EXPECT_EQ(S.extraColumns().Values[0][0], "b1");
  EXPECT_FLOAT_EQ(S.position(0, 0)[0], 0.1f);
}

TEST(AtomFilter, KeepStatesWithoutPerStateDataWritesCoordinatesOnly) {
  Structure S = readInput("1l2y.cif");
  ASSERT_EQ(S.numStates(), 38u);
  ASSERT_TRUE(S.states().Occupancy.empty());
  ASSERT_TRUE(S.states().BIso.empty());
  ASSERT_EQ(S.extraColumns().size(), 0u);
  // 1l2y numbers its atom sites on across models (model 2 starts at 305),
  // so serials are per state; clear them to see Coordinates alone.
  ASSERT_FALSE(S.states().Serial.empty());
  EXPECT_EQ(S.serial(1, 0), 305);
  S.statesForWrite(Facet::AtomProperties).Serial.clear();
  Generations Before(S);
  BitVector Keep(38, false);
  Keep.set(3);
  Keep.set(7);
  keepStates(S, Keep);
  EXPECT_TRUE(Before.changedIn(S) == FacetSet(Facet::Coordinates));
  EXPECT_EQ(S.states().ModelNumber, (std::vector<int32_t>{4, 8}));
  EXPECT_EQ(checkTables(S), "");
}

TEST(AtomFilter, AnisoURowsFollowTheirAtoms) {
  // 1pfe carries _atom_site_anisotrop.
  Structure Orig = readInput("1pfe.cif.gz");
  Structure S = readInput("1pfe.cif.gz");
  ASSERT_FALSE(S.atoms().AnisoU.empty());
  BitVector Keep(S.numAtoms(), false);
  for (size_t A = 0; A < S.numAtoms(); A += 3)
    Keep.set(A);
  keepAtoms(S, Keep);
  EXPECT_EQ(checkTables(S), "");
  ASSERT_EQ(S.numAtoms(), Keep.count());
  size_t New = 0;
  for (size_t A = 0; A < Orig.numAtoms(); ++A) {
    if (!Keep[A])
      continue;
    EXPECT_EQ(atomKey(S, New), atomKey(Orig, A));
    for (unsigned I = 0; I < 6; ++I) {
      float U = Orig.atoms().AnisoU[A][I], V = S.atoms().AnisoU[New][I];
      EXPECT_TRUE(U == V || (std::isnan(U) && std::isnan(V)));
    }
    EXPECT_EQ(S.position(0, New), Orig.position(0, A));
    ++New;
  }
}

TEST(AtomFilter, RemovingEverythingLeavesAnEmptyValidStructure) {
  Structure S = readInput("1ubq.cif");
  keepAtoms(S, BitVector(S.numAtoms(), false));
  EXPECT_EQ(checkTables(S), "");
  EXPECT_EQ(S.numAtoms(), 0u);
  EXPECT_EQ(S.numResidues(), 0u);
  EXPECT_EQ(S.numChains(), 0u);
  EXPECT_EQ(S.bonds().size(), 0u);
  EXPECT_EQ(S.numStates(), 1u);
}
