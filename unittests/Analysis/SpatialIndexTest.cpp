//===- SpatialIndexTest.cpp - spatial-index analysis ----------------------===//
//
// Every atom pair within 5 A that the per-state cell lists find equals a
// brute-force scan on real files (one state, and all models of an NMR
// ensemble); each state has its own list; atoms a model lacks are left out
// of that model's list; the option is validated; the print table.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/SpatialIndex.h"
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/PassOptions.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

using namespace qir;
using namespace llvm;

namespace {

using Pair = std::pair<uint32_t, uint32_t>;

std::unique_ptr<Structure> load(StringRef Name) {
  auto R = io::readStructureFile(
      (Twine(QIR_SOURCE_DIR) + "/test/Inputs/" + Name).str());
  if (!R) {
    ADD_FAILURE() << toString(R.takeError());
    return nullptr;
  }
  return std::make_unique<Structure>(std::move(*R));
}

bool hasPosition(const Structure &S, size_t St, uint32_t A) {
  std::array<float, 3> P = S.position(St, A);
  return S.isPresent(St, A) && std::isfinite(P[0]) && std::isfinite(P[1]) &&
         std::isfinite(P[2]);
}

/// Pairs (i < j) of atoms of state \p St within \p R, by scanning all.
std::set<Pair> bruteForcePairs(const Structure &S, size_t St, float R) {
  std::set<Pair> Out;
  const uint32_t N = S.numAtoms();
  for (uint32_t I = 0; I < N; ++I) {
    if (!hasPosition(S, St, I))
      continue;
    std::array<float, 3> P = S.position(St, I);
    for (uint32_t J = I + 1; J < N; ++J) {
      if (!hasPosition(S, St, J))
        continue;
      std::array<float, 3> Q = S.position(St, J);
      float DX = P[0] - Q[0], DY = P[1] - Q[1], DZ = P[2] - Q[2];
      if (DX * DX + DY * DY + DZ * DZ <= R * R)
        Out.insert({I, J});
    }
  }
  return Out;
}

/// The same pairs from the index: a query around every atom.
std::set<Pair> indexPairs(const Structure &S, const SpatialIndex &X, size_t St,
                          float R) {
  std::set<Pair> Out;
  for (uint32_t I = 0; I < S.numAtoms(); ++I) {
    if (!hasPosition(S, St, I))
      continue;
    X.forEachWithin(S, St, S.position(St, I), R, [&](uint32_t J, float) {
      if (I < J)
        Out.insert({I, J});
    });
  }
  return Out;
}

TEST(SpatialIndexTest, PairsWithin5AMatchBruteForce) {
  for (StringRef File : {"1ubq.cif", "1k6p.cif", "1orc.pdb"}) {
    std::unique_ptr<Structure> S = load(File);
    ASSERT_TRUE(S);
    for (double Cell : {5.0, 2.0, 9.0}) {
      AnalysisManager AM;
      SpatialIndexAnalysis::Options O;
      O.Cell = Cell;
      const SpatialIndex &X = AM.getResult<SpatialIndexAnalysis>(*S, O);
      ASSERT_EQ(X.States.size(), S->numStates());
      std::set<Pair> Expected = bruteForcePairs(*S, 0, 5.0f);
      EXPECT_GT(Expected.size(), S->numAtoms()); // a real test
      EXPECT_EQ(indexPairs(*S, X, 0, 5.0f), Expected)
          << File.str() << " cell " << Cell;
    }
  }
}

TEST(SpatialIndexTest, EveryModelHasItsOwnList) {
  std::unique_ptr<Structure> S = load("1l2y.cif");
  ASSERT_TRUE(S);
  ASSERT_GT(S->numStates(), 1u);
  AnalysisManager AM;
  const SpatialIndex &X = AM.getResult<SpatialIndexAnalysis>(*S);
  ASSERT_EQ(X.States.size(), S->numStates());
  EXPECT_EQ(X.Cell, 5.0f);
  size_t Differ = 0;
  for (size_t St = 0; St < S->numStates(); ++St) {
    const CellList &L = X.States[St];
    EXPECT_EQ(L.verify(S->numAtoms()), "");
    EXPECT_EQ(L.cellSize(), 5.0f);
    // Exactly the list of that state's coordinates.
    CellList Own = CellList::build(SpatialIndex::coords(*S, St), 5.0f);
    EXPECT_EQ(L.origin(), Own.origin()) << "state " << St;
    EXPECT_EQ(L.order(), Own.order()) << "state " << St;
    EXPECT_EQ(L.cellKeys(), Own.cellKeys()) << "state " << St;
    // Its origin is that model's minimum corner.
    for (int D = 0; D < 3; ++D) {
      float Min = INFINITY;
      for (size_t A = 0; A < S->numAtoms(); ++A)
        Min = std::min(Min, S->position(St, A)[D]);
      EXPECT_EQ(L.origin()[D], Min) << "state " << St;
    }
    Differ += St > 0 && L.order() != X.States[0].order();
    EXPECT_EQ(indexPairs(*S, X, St, 5.0f), bruteForcePairs(*S, St, 5.0f))
        << "state " << St;
  }
  EXPECT_GT(Differ, 0u); // the models really differ
}

/// One ATOM record in fixed PDB columns.
std::string atomLine(int Serial, StringRef Name, StringRef Res, int Seq,
                     float X, float Y, float Z) {
  std::string S;
  raw_string_ostream OS(S);
  OS << format("ATOM  %5d  %-3s %3s A%4d    %8.3f%8.3f%8.3f  1.00  0.00"
               "           %c\n",
               Serial, Name.str().c_str(), Res.str().c_str(), Seq, X, Y, Z,
               Name[0]);
  return OS.str();
}

TEST(SpatialIndexTest, AtomsAModelLacksAreLeftOut) {
  // Model 2 lacks GLY 2's C; model 1 has it.
  std::string Text =
      "MODEL        1\n" + atomLine(1, "N", "GLY", 1, 0, 0, 0) +
      atomLine(2, "CA", "GLY", 1, 1.4f, 0, 0) +
      atomLine(3, "C", "GLY", 1, 2.0f, 1.3f, 0) +
      atomLine(4, "N", "GLY", 2, 3.3f, 1.4f, 0) +
      atomLine(5, "CA", "GLY", 2, 4.0f, 2.6f, 0) +
      atomLine(6, "C", "GLY", 2, 5.4f, 2.4f, 0) + "ENDMDL\nMODEL        2\n" +
      atomLine(1, "N", "GLY", 1, 10, 0, 0) +
      atomLine(2, "CA", "GLY", 1, 11.4f, 0, 0) +
      atomLine(3, "C", "GLY", 1, 12.0f, 1.3f, 0) +
      atomLine(4, "N", "GLY", 2, 13.3f, 1.4f, 0) +
      atomLine(5, "CA", "GLY", 2, 14.0f, 2.6f, 0) + "ENDMDL\nEND\n";
  auto R = io::readStructureBuffer(Text, "models.pdb");
  ASSERT_TRUE(static_cast<bool>(R)) << toString(R.takeError());
  Structure &S = *R;
  ASSERT_EQ(S.numStates(), 2u);
  ASSERT_EQ(S.numAtoms(), 6u);
  ASSERT_FALSE(S.isPresent(1, 5));
  AnalysisManager AM;
  const SpatialIndex &X = AM.getResult<SpatialIndexAnalysis>(S);
  ASSERT_EQ(X.States.size(), 2u);
  EXPECT_EQ(X.States[0].order().size(), 6u);
  EXPECT_EQ(X.States[1].order().size(), 5u);
  EXPECT_EQ(
      std::count(X.States[1].order().begin(), X.States[1].order().end(), 5u),
      0);
  EXPECT_EQ(X.States[1].origin(), (CellList::Point{10, 0, 0}));
  // A query around where model 1 has the C finds nothing of model 2 there.
  std::vector<uint32_t> Found;
  X.forEachWithin(S, 1, {15.4f, 2.4f, 0}, 0.5f,
                  [&](uint32_t A, float) { Found.push_back(A); });
  EXPECT_TRUE(Found.empty());
  X.forEachWithin(S, 0, {5.4f, 2.4f, 0}, 0.5f,
                  [&](uint32_t A, float) { Found.push_back(A); });
  EXPECT_EQ(Found, (std::vector<uint32_t>{5}));

  std::string Out;
  raw_string_ostream OS(Out);
  SpatialIndexAnalysis::print(OS, S, X, {});
  // Model 1: every atom but GLY 2's C (x = 5.4) is in the origin's cell.
  // Model 2: all five atoms in one cell.
  EXPECT_EQ(OS.str(), "model\tatoms\tcells\tmax_atoms_per_cell\t"
                      "mean_atoms_per_cell\tcell\n"
                      "1\t6\t2\t5\t3.000\t5.000\n"
                      "2\t5\t1\t5\t5.000\t5.000\n");
}

TEST(SpatialIndexTest, CellOptionIsValidated) {
  auto Parse = [](StringRef Text) {
    std::optional<OptionIssue> Issue;
    SpatialIndexAnalysis::Options O =
        parseOptions<SpatialIndexAnalysis::Options>(splitParams(Text), Issue);
    return std::make_pair(O, Issue);
  };
  auto [Default, NoIssue] = Parse("");
  EXPECT_FALSE(NoIssue);
  EXPECT_EQ(Default.Cell, 5.0);
  EXPECT_EQ(canonicalOptions(Default), "cell=5");
  auto [Three, Ok] = Parse("cell=3.5");
  EXPECT_FALSE(Ok);
  EXPECT_EQ(Three.Cell, 3.5);
  for (StringRef Bad : {"cell=0", "cell=-1", "cell=1e300", "cell=1e-300"}) {
    auto [O, Issue] = Parse(Bad);
    ASSERT_TRUE(Issue.has_value()) << Bad.str();
    EXPECT_NE(Issue->Message.find("positive"), std::string::npos)
        << Issue->Message;
  }
}

TEST(SpatialIndexTest, CachedPerCellAndInvalidatedByCoordinates) {
  std::unique_ptr<Structure> S = load("1ubq.cif");
  ASSERT_TRUE(S);
  AnalysisManager AM;
  SpatialIndexAnalysis::Options Three;
  Three.Cell = 3;
  const SpatialIndex &A = AM.getResult<SpatialIndexAnalysis>(*S);
  const SpatialIndex &B = AM.getResult<SpatialIndexAnalysis>(*S, Three);
  EXPECT_NE(&A, &B);
  EXPECT_EQ(B.Cell, 3.0f);
  EXPECT_GT(B.States[0].numCells(), A.States[0].numCells());
  EXPECT_EQ(AM.size(), 2u);
  S->coordsForWrite()[0] += 1.0f;
  EXPECT_EQ(AM.getCachedResult<SpatialIndexAnalysis>(*S), nullptr);
}

} // namespace
