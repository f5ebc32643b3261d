//===- NeighborsTest.cpp - neighbors analysis and CellList pairs ----------===//
//
// CellList::forEachPair against a scan of all pairs on random point sets
// (several radii against the cell edge, a filter, a far outlier); the
// neighbors analysis against a scan of all atom pairs that applies the
// documented rule (d < cutoff in double, hydrogens and waters by option,
// never two different non-blank altlocs), at atom and residue level, on
// real files: an NMR ensemble with hydrogens (every model), three-way
// altlocs, waters. The CSR invariants and the options are checked too.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Neighbors.h"
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Support/CellList.h"

#include "gtest/gtest.h"

#include <cmath>
#include <map>
#include <random>
#include <set>
#include <tuple>

using namespace qir;
using namespace llvm;

namespace {

std::unique_ptr<Structure> load(StringRef Name) {
  auto R = io::readStructureFile(
      (Twine(QIR_SOURCE_DIR) + "/test/Inputs/" + Name).str());
  if (!R) {
    ADD_FAILURE() << toString(R.takeError());
    return nullptr;
  }
  return std::make_unique<Structure>(std::move(*R));
}

using Pair = std::pair<uint32_t, uint32_t>;

TEST(CellListPairs, EqualsAllPairsScan) {
  std::mt19937 Rng(7);
  std::uniform_real_distribution<float> U(-20.f, 20.f);
  for (size_t N : {0u, 1u, 2u, 50u, 700u}) {
    std::vector<float> XYZ(3 * N);
    for (float &V : XYZ)
      V = U(Rng);
    if (N > 2) { // a NaN point (left out) and a far outlier
      XYZ[0] = std::nanf("");
      XYZ[3] = XYZ[4] = XYZ[5] = 3000.f;
    }
    for (float Cell : {1.5f, 5.f, 12.f})
      for (float R : {0.f, 1.f, 4.9f, 5.f, 11.f, 30.f}) {
        CellList L = CellList::build(XYZ, Cell);
        auto Keep = [](uint32_t I) { return I % 7 != 3; };
        std::set<Pair> Got;
        L.forEachPair(XYZ, R, Keep, [&](uint32_t I, uint32_t J, float D2) {
          EXPECT_NE(I, J);
          EXPECT_TRUE(Got.insert({std::min(I, J), std::max(I, J)}).second)
              << "pair reported twice";
          const float *P = &XYZ[3 * I], *Q = &XYZ[3 * J];
          float E = (P[0] - Q[0]) * (P[0] - Q[0]) +
                    (P[1] - Q[1]) * (P[1] - Q[1]) +
                    (P[2] - Q[2]) * (P[2] - Q[2]);
          EXPECT_FLOAT_EQ(D2, E);
        });
        std::set<Pair> Want;
        for (uint32_t I = 0; I < N; ++I)
          for (uint32_t J = I + 1; J < N; ++J) {
            const float *P = &XYZ[3 * I], *Q = &XYZ[3 * J];
            if (!Keep(I) || !Keep(J) || std::isnan(P[0]) || std::isnan(Q[0]))
              continue;
            double D2 = 0;
            for (int D = 0; D < 3; ++D)
              D2 += double(P[D] - Q[D]) * double(P[D] - Q[D]);
            // forEachPair pads the radius by 1e-5 relative: pairs inside
            // the pad may be reported; none beyond it.
            double Hi = double(R) * (1 + 2e-5);
            if (D2 <= double(R) * R * (1 - 1e-5))
              Want.insert({I, J});
            else if (D2 <= Hi * Hi)
              Got.erase({I, J});
          }
        EXPECT_EQ(Got, Want) << "N " << N << " cell " << Cell << " r " << R;
      }
  }
}

/// The rule of docs/passes.md, by scanning every atom pair of a state:
/// (lower node, higher node) -> squared distance.
std::map<Pair, double> scanPairs(const Structure &S, size_t St,
                                 const NeighborsAnalysis::Options &O) {
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  auto Takes = [&](uint32_t A) {
    std::array<float, 3> P = S.position(St, A);
    if (!S.isPresent(St, A) || !std::isfinite(P[0]))
      return false;
    bool H = At.AtomicNumber[A] == 1;
    bool W = Res.Kind[At.Residue[A]] == ResidueKind::Water;
    return (!H || (O.Level == NeighborLevel::Atom && O.Hydrogens)) &&
           (!W || O.Waters);
  };
  std::map<Pair, double> Out;
  for (uint32_t A = 0; A < S.numAtoms(); ++A) {
    if (!Takes(A))
      continue;
    for (uint32_t B = A + 1; B < S.numAtoms(); ++B) {
      if (!Takes(B))
        continue;
      char X = At.AltLoc[A], Y = At.AltLoc[B];
      if (X && Y && X != Y)
        continue;
      std::array<float, 3> P = S.position(St, A), Q = S.position(St, B);
      double D2 = 0;
      for (int D = 0; D < 3; ++D)
        D2 += (double(Q[D]) - P[D]) * (double(Q[D]) - P[D]);
      if (!(D2 < O.Cutoff * O.Cutoff))
        continue;
      Pair K = {A, B};
      if (O.Level == NeighborLevel::Residue) {
        K = {At.Residue[A], At.Residue[B]};
        if (K.first == K.second)
          continue;
        if (K.first > K.second)
          std::swap(K.first, K.second);
      }
      auto [It, New] = Out.emplace(K, D2);
      if (!New)
        It->second = std::min(It->second, D2);
    }
  }
  return Out;
}

void expectGraphFollowsRule(const Structure &S,
                            const NeighborsAnalysis::Options &O,
                            StringRef What) {
  AnalysisManager AM;
  const NeighborGraph &G = AM.getResult<NeighborsAnalysis>(S, O);
  ASSERT_EQ(G.NumStates, S.numStates());
  ASSERT_EQ(G.NumNodes,
            O.Level == NeighborLevel::Atom ? S.numAtoms() : S.numResidues());
  ASSERT_EQ(G.RowBegin.size(), G.NumStates * (G.NumNodes + 1));
  ASSERT_EQ(G.Col.size(), G.Dist.size());
  size_t Edges = 0;
  for (size_t St = 0; St < S.numStates(); ++St) {
    std::map<Pair, double> Want = scanPairs(S, St, O);
    std::map<Pair, float> Got;
    for (uint32_t I = 0; I < G.NumNodes; ++I) {
      ArrayRef<uint32_t> Nb = G.neighbors(St, I);
      ArrayRef<float> D = G.distances(St, I);
      for (size_t K = 0; K < Nb.size(); ++K) {
        if (K)
          EXPECT_LT(Nb[K - 1], Nb[K]) << "rows ascend";
        Pair P = {std::min(I, Nb[K]), std::max(I, Nb[K])};
        auto [It, New] = Got.emplace(P, D[K]);
        if (!New)
          EXPECT_EQ(It->second, D[K]) << "twin edges differ";
      }
      Edges += Nb.size();
    }
    ASSERT_EQ(Got.size(), Want.size()) << What.str() << " state " << St;
    for (const auto &[P, D2] : Want) {
      auto It = Got.find(P);
      ASSERT_NE(It, Got.end())
          << What.str() << " misses " << P.first << "-" << P.second;
      EXPECT_EQ(It->second, static_cast<float>(std::sqrt(D2)));
    }
  }
  EXPECT_EQ(Edges, G.Col.size());
  EXPECT_GT(Edges, 0u) << What.str();
}

TEST(Neighbors, NmrEnsembleWithHydrogensEveryModel) {
  auto S = load("1l2y.cif");
  ASSERT_TRUE(S);
  ASSERT_EQ(S->numStates(), 38u);
  NeighborsAnalysis::Options O;
  expectGraphFollowsRule(*S, O, "1l2y heavy");
  O.Hydrogens = true;
  O.Cutoff = 3.5;
  expectGraphFollowsRule(*S, O, "1l2y with H at 3.5");
  O.Hydrogens = false;
  O.Level = NeighborLevel::Residue;
  expectGraphFollowsRule(*S, O, "1l2y residues");
}

TEST(Neighbors, AltlocsAndWaters) {
  auto S = load("3bkr.cif"); // A/B/C altlocs, waters, a ligand
  ASSERT_TRUE(S);
  NeighborsAnalysis::Options O;
  expectGraphFollowsRule(*S, O, "3bkr");
  O.Waters = true;
  O.Cutoff = 8;
  expectGraphFollowsRule(*S, O, "3bkr waters at 8");
  O.Level = NeighborLevel::Residue;
  expectGraphFollowsRule(*S, O, "3bkr residues with waters");

  // Alternatives of one atom are never neighbours, even when close.
  AnalysisManager AM;
  const NeighborGraph &G =
      AM.getResult<NeighborsAnalysis>(*S, NeighborsAnalysis::Options());
  const AtomTable &At = S->atoms();
  size_t Checked = 0;
  for (uint32_t A = 0; A < S->numAtoms(); ++A)
    for (uint32_t B : G.neighbors(0, A)) {
      if (At.AltLoc[A] && At.AltLoc[B])
        EXPECT_EQ(At.AltLoc[A], At.AltLoc[B]);
      Checked += At.AltLoc[A] && At.AltLoc[B];
    }
  EXPECT_GT(Checked, 0u);
}

TEST(Neighbors, Options) {
  NeighborsAnalysis::Options O;
  EXPECT_FALSE(O.validate());
  O.Cutoff = 0;
  EXPECT_TRUE(O.validate());
  O.Cutoff = std::nan("");
  EXPECT_TRUE(O.validate());
  O.Cutoff = 5;
  O.Level = NeighborLevel::Residue;
  O.Hydrogens = true;
  ASSERT_TRUE(O.validate());
  EXPECT_EQ(O.validate()->Option, "hydrogens");
}

} // namespace
