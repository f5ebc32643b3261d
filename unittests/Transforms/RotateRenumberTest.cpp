//===- RotateRenumberTest.cpp - rotate and renumber -----------------------===//
#include "TransformTestUtil.h"

#include "qir/Transforms/Renumber.h"
#include "qir/Transforms/Rotate.h"

#include <cmath>
#include <map>

using namespace qir;
using namespace qir::test;

namespace {
double dist(std::array<float, 3> P, std::array<float, 3> Q) {
  double D = 0;
  for (unsigned I = 0; I < 3; ++I)
    D += (double(P[I]) - Q[I]) * (double(P[I]) - Q[I]);
  return std::sqrt(D);
}
} // namespace

//===----------------------------------------------------------------------===//
// rotate
//===----------------------------------------------------------------------===//

TEST(Rotate, QuarterTurnAboutZ) {
  Structure Orig = readInput("1ubq.cif");
  Structure S = readInput("1ubq.cif");
  Generations Before(S);
  RotatePass::Options O;
  O.Angle = 90;
  runPass<RotatePass>(S, O);
  EXPECT_EQ(checkTables(S), "");
  // No AnisoU in 1ubq: coordinates only.
  EXPECT_TRUE(Before.changedIn(S) == FacetSet(Facet::Coordinates));
  for (size_t A = 0; A < S.numAtoms(); ++A) {
    auto P = Orig.position(0, A), Q = S.position(0, A);
    ASSERT_NEAR(Q[0], -P[1], 1e-4);
    ASSERT_NEAR(Q[1], P[0], 1e-4);
    ASSERT_NEAR(Q[2], P[2], 1e-4);
  }
}

TEST(Rotate, PreservesDistancesAndFixesTheAxis) {
  Structure Orig = readInput("1l2y.cif");
  Structure S = readInput("1l2y.cif");
  RotatePass::Options O;
  O.Angle = 37.5;
  O.Axis = {1, -2, 0.5};
  O.Center = {3, -1, 7};
  runPass<RotatePass>(S, O);
  EXPECT_EQ(checkTables(S), "");
  size_t N = S.numAtoms();
  for (size_t St = 0; St < S.numStates(); St += 9)
    for (size_t A = 0; A < N; A += 5)
      for (size_t B = A + 1; B < N; B += 11)
        ASSERT_NEAR(dist(S.position(St, A), S.position(St, B)),
                    dist(Orig.position(St, A), Orig.position(St, B)), 1e-3);
  // A point on the axis stays: add one to a copy through the pass itself.
  // (Distance to the axis line is preserved for every atom.)
  double Ax[3] = {1 / std::sqrt(5.25), -2 / std::sqrt(5.25),
                  0.5 / std::sqrt(5.25)};
  for (size_t A = 0; A < N; A += 7) {
    auto AxisDist = [&](std::array<float, 3> P) {
      double V[3] = {P[0] - 3.0, P[1] + 1.0, P[2] - 7.0};
      double T = V[0] * Ax[0] + V[1] * Ax[1] + V[2] * Ax[2];
      double D = 0;
      for (unsigned I = 0; I < 3; ++I)
        D += (V[I] - T * Ax[I]) * (V[I] - T * Ax[I]);
      return std::make_pair(T, std::sqrt(D));
    };
    auto Before = AxisDist(Orig.position(0, A)),
         After = AxisDist(S.position(0, A));
    EXPECT_NEAR(Before.first, After.first, 1e-3);   // height along the axis
    EXPECT_NEAR(Before.second, After.second, 1e-3); // radius
  }
}

TEST(Rotate, RightHandedAboutXAroundACenter) {
  // 90 degrees about x through (0,1,0): (x, y, z) -> (x, 1 - z, y - 1).
  Structure Orig = readInput("1ubq.cif");
  Structure S = readInput("1ubq.cif");
  RotatePass::Options O;
  O.Angle = 90;
  O.Axis = {2, 0, 0};
  O.Center = {0, 1, 0};
  runPass<RotatePass>(S, O);
  for (size_t A = 0; A < S.numAtoms(); A += 13) {
    auto P = Orig.position(0, A), Q = S.position(0, A);
    EXPECT_NEAR(Q[0], P[0], 1e-4);
    EXPECT_NEAR(Q[1], 1 - P[2], 1e-4);
    EXPECT_NEAR(Q[2], P[1] - 1, 1e-4);
  }
}

TEST(Rotate, AnisotropicUTurnsWithTheAtoms) {
  Structure Orig = readInput("1pfe.cif.gz");
  Structure S = readInput("1pfe.cif.gz");
  ASSERT_FALSE(S.atoms().AnisoU.empty());
  Generations Before(S);
  RotatePass::Options O;
  O.Angle = 90;
  runPass<RotatePass>(S, O);
  EXPECT_EQ(checkTables(S), "");
  EXPECT_TRUE(Before.changedIn(S) ==
              (Facet::Coordinates | Facet::AtomProperties));
  // R = [[0,-1,0],[1,0,0],[0,0,1]]: U' = R U R^T swaps U11 and U22,
  // negates U12, and maps (U13, U23) to (-U23, U13).
  size_t Checked = 0;
  for (size_t A = 0; A < S.numAtoms(); ++A) {
    const auto &U = Orig.atoms().AnisoU[A], &V = S.atoms().AnisoU[A];
    if (std::isnan(U[0])) {
      EXPECT_TRUE(std::isnan(V[0]));
      continue;
    }
    ++Checked;
    EXPECT_NEAR(V[0], U[1], 1e-6);
    EXPECT_NEAR(V[1], U[0], 1e-6);
    EXPECT_NEAR(V[2], U[2], 1e-6);
    EXPECT_NEAR(V[3], -U[3], 1e-6);
    EXPECT_NEAR(V[4], -U[5], 1e-6);
    EXPECT_NEAR(V[5], U[4], 1e-6);
  }
  EXPECT_GT(Checked, 100u);
}

TEST(Rotate, ZeroAngleWritesNothing) {
  Structure S = readInput("1ubq.cif");
  Generations Before(S);
  runPass<RotatePass>(S, RotatePass::Options());
  EXPECT_TRUE(Before.changedIn(S).empty());
}

//===----------------------------------------------------------------------===//
// renumber
//===----------------------------------------------------------------------===//

TEST(Renumber, InsertionCodesOf1orc) {
  Structure Orig = readInput("1orc.pdb");
  Structure S = readInput("1orc.pdb");
  Generations Before(S);
  runPass<RenumberPass>(S, RenumberPass::Options());
  EXPECT_EQ(checkTables(S), "");
  EXPECT_TRUE(Before.changedIn(S) == (Facet::Topology | Facet::AtomProperties));
  const ResidueTable &Res = S.residues();
  ASSERT_EQ(S.numResidues(), Orig.numResidues());
  // Per auth chain: 1, 2, 3, ... in table order; no insertion code left.
  std::map<std::string, int32_t> Next;
  for (size_t R = 0; R < Res.size(); ++R) {
    std::string Chain = S.chains().AuthId[Res.Chain[R]].str().str();
    auto It = Next.emplace(Chain, 1).first;
    EXPECT_EQ(Res.AuthSeq[R], It->second++) << R;
    EXPECT_EQ(Res.ICode[R], 0);
    EXPECT_EQ(Res.Name[R], Orig.residues().Name[R]);
  }
  for (size_t A = 0; A < S.numAtoms(); ++A)
    EXPECT_EQ(S.atoms().Serial[A], int64_t(A + 1));
  // Renumbering again writes nothing.
  Generations Again(S);
  runPass<RenumberPass>(S, RenumberPass::Options());
  EXPECT_TRUE(Again.changedIn(S).empty());
}

TEST(Renumber, StartAndSharedPositions) {
  // 1pfe: microheterogeneity at B 3 (N2C/NCY) and B 7 keeps one number.
  Structure Orig = readInput("1pfe.cif.gz");
  Structure S = readInput("1pfe.cif.gz");
  RenumberPass::Options O;
  O.Start = -4;
  runPass<RenumberPass>(S, O);
  EXPECT_EQ(checkTables(S), "");
  const ResidueTable &Res = S.residues();
  std::map<std::string, int32_t> Next;
  for (size_t R = 0; R < Res.size(); ++R) {
    std::string Chain = S.chains().AuthId[Res.Chain[R]].str().str();
    bool Shared = R > 0 && Res.Chain[R] == Res.Chain[R - 1] &&
                  Orig.residues().AuthSeq[R] == Orig.residues().AuthSeq[R - 1];
    auto It = Next.emplace(Chain, -4).first;
    if (Shared) {
      EXPECT_EQ(Res.AuthSeq[R], Res.AuthSeq[R - 1]);
      continue;
    }
    EXPECT_EQ(Res.AuthSeq[R], It->second++) << R;
  }
  // Two positions hold two residues each.
  size_t Shared = 0;
  for (size_t R = 1; R < Res.size(); ++R)
    Shared += Res.Chain[R] == Res.Chain[R - 1] &&
              Res.AuthSeq[R] == Res.AuthSeq[R - 1];
  EXPECT_EQ(Shared, 2u);
}

TEST(Renumber, PerStateSerialsAreDropped) {
  // Serials of model 2 differ from model 1's: per-state serial array.
  static const char *const Text = R"(data_M
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
ATOM 5 N N GLY A 1 1 0.0 0.0 0.0 7 A 1
ATOM 6 C CA GLY A 1 1 1.5 0.0 0.0 7 A 1
ATOM 9 N N GLY A 1 1 0.1 0.0 0.0 7 A 2
ATOM 10 C CA GLY A 1 1 1.6 0.0 0.0 7 A 2
)";
  Structure S = readText(Text, "m.cif");
  ASSERT_FALSE(S.states().Serial.empty());
  runPass<RenumberPass>(S, RenumberPass::Options());
  EXPECT_EQ(checkTables(S), "");
  EXPECT_TRUE(S.states().Serial.empty());
  EXPECT_EQ(S.serial(1, 1), 2);
  EXPECT_EQ(S.residues().AuthSeq[0], 1);
}
