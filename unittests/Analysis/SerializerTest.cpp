//===- SerializerTest.cpp - write()/read() of persisted analyses ----------===//
//
// counts, backbone-dihedrals, spatial-index and neighbors computed on real
// files of test/Inputs, written to a ResultBuffer, read back and compared field
// by field; damaged bodies (a missing array, a wrong row count, a body read
// against another structure, values that break an invariant) give
// malformed-result errors, never a crash.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/BackboneDihedrals.h"
#include "qir/Analysis/Counts.h"
#include "qir/Analysis/Neighbors.h"
#include "qir/Analysis/SpatialIndex.h"
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/ResultBuffer.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstring>
#include <map>

using namespace qir;
using namespace llvm;

namespace {

const Structure &load(StringRef Name) {
  static std::map<std::string, std::unique_ptr<Structure>> Cache;
  std::unique_ptr<Structure> &S = Cache[Name.str()];
  if (!S) {
    auto R = io::readStructureFile(
        (Twine(QIR_SOURCE_DIR) + "/test/Inputs/" + Name).str());
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
ResultBuffer written(const typename AnalysisT::Result &R) {
  ResultBuffer B;
  Error E = AnalysisT::write(B, R);
  EXPECT_FALSE(static_cast<bool>(E)) << toString(std::move(E));
  return B;
}

/// The error of reading \p B back against \p S ("" when it reads).
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

/// Replace array \p Name of \p B by \p V with shape \p Shape.
template <typename T>
void replace(ResultBuffer &B, StringRef Name, std::vector<T> V,
             ArrayRef<uint64_t> Shape = {}) {
  B.erase(Name);
  Error E = B.write<T>(Name, V, Shape);
  ASSERT_FALSE(static_cast<bool>(E)) << toString(std::move(E));
}

template <typename T> std::vector<T> arrayOf(ResultBuffer &B, StringRef Name) {
  std::vector<T> V;
  Error E = B.read(Name, V);
  EXPECT_FALSE(static_cast<bool>(E)) << toString(std::move(E));
  return V;
}

/// Bitwise equality (NaN equals NaN).
bool sameDoubles(const std::vector<double> &A, const std::vector<double> &B) {
  return A.size() == B.size() &&
         (A.empty() || std::memcmp(A.data(), B.data(), 8 * A.size()) == 0);
}

// ---- counts -------------------------------------------------------------

TEST(CountsSerializer, RoundTrip) {
  for (StringRef File : {"1ubq.cif", "1l2y.cif", "3bkr.cif"}) {
    const Structure &S = load(File);
    AnalysisManager AM;
    const ChainCounts &R = AM.getResult<CountsAnalysis>(S);
    ASSERT_FALSE(R.Rows.empty());
    ResultBuffer B = written<CountsAnalysis>(R);
    EXPECT_EQ(B.names(), (std::vector<std::string>{"atoms", "chain",
                                                   "hydrogens", "residues"}));
    auto Back = CountsAnalysis::read(B, S);
    ASSERT_TRUE(static_cast<bool>(Back)) << toString(Back.takeError());
    ASSERT_EQ(Back->Rows.size(), R.Rows.size());
    for (size_t I = 0; I < R.Rows.size(); ++I) {
      EXPECT_EQ(Back->Rows[I].Chain, R.Rows[I].Chain);
      EXPECT_EQ(Back->Rows[I].Residues, R.Rows[I].Residues);
      EXPECT_EQ(Back->Rows[I].Atoms, R.Rows[I].Atoms);
      EXPECT_EQ(Back->Rows[I].Hydrogens, R.Rows[I].Hydrogens);
    }
  }
  EXPECT_TRUE(analysisInfo<CountsAnalysis>().persistable());
}

TEST(CountsSerializer, DamagedBodies) {
  const Structure &S = load("1ubq.cif");
  AnalysisManager AM;
  const ChainCounts &R = AM.getResult<CountsAnalysis>(S);
  const size_t NC = R.Rows.size();
  ASSERT_GE(NC, 2u);
  {
    ResultBuffer B = written<CountsAnalysis>(R);
    B.erase("atoms");
    std::string E = readError<CountsAnalysis>(B, S);
    EXPECT_NE(E.find("'atoms'"), std::string::npos) << E;
  }
  {
    // One row short.
    ResultBuffer B = written<CountsAnalysis>(R);
    std::vector<uint32_t> V = arrayOf<uint32_t>(B, "residues");
    V.pop_back();
    replace(B, "residues", V);
    std::string E = readError<CountsAnalysis>(B, S);
    EXPECT_NE(E.find("'residues'"), std::string::npos) << E;
  }
  {
    // Rows out of chain order.
    ResultBuffer B = written<CountsAnalysis>(R);
    std::vector<uint32_t> V = arrayOf<uint32_t>(B, "chain");
    std::swap(V[0], V[1]);
    replace(B, "chain", V);
    EXPECT_NE(readError<CountsAnalysis>(B, S), "");
  }
  {
    // A 2-D array where rows are expected.
    ResultBuffer B = written<CountsAnalysis>(R);
    std::vector<uint32_t> V = arrayOf<uint32_t>(B, "atoms");
    V.resize(2 * NC);
    replace(B, "atoms", V, {uint64_t(NC), 2});
    EXPECT_NE(readError<CountsAnalysis>(B, S), "");
  }
  {
    // Another structure's body: 1L2Y has one chain row.
    ResultBuffer B = written<CountsAnalysis>(R);
    const Structure &Other = load("1l2y.cif");
    ASSERT_NE(Other.chains().size(), S.chains().size());
    EXPECT_NE(readError<CountsAnalysis>(B, Other), "");
  }
  {
    // Negative counts do not convert to uint32.
    ResultBuffer B = written<CountsAnalysis>(R);
    std::vector<int32_t> V(NC, -1);
    B.erase("hydrogens");
    ASSERT_FALSE(static_cast<bool>(B.write<int32_t>("hydrogens", V)));
    std::string E = readError<CountsAnalysis>(B, S);
    EXPECT_NE(E.find("'hydrogens'"), std::string::npos) << E;
  }
}

// ---- backbone-dihedrals ------------------------------------------------

void expectSameDihedrals(const BackboneDihedrals &A,
                         const BackboneDihedrals &B) {
  EXPECT_EQ(A.NumStates, B.NumStates);
  EXPECT_EQ(A.Residues, B.Residues);
  EXPECT_EQ(A.InState, B.InState);
  EXPECT_TRUE(sameDoubles(A.Phi, B.Phi));
  EXPECT_TRUE(sameDoubles(A.Psi, B.Psi));
  EXPECT_TRUE(sameDoubles(A.Omega, B.Omega));
}

TEST(BackboneDihedralsSerializer, RoundTrip) {
  for (StringRef File : {"1l2y.cif", "1ubq.cif", "5i55.cif"}) {
    const Structure &S = load(File);
    AnalysisManager AM;
    const BackboneDihedrals &R = AM.getResult<BackboneDihedralsAnalysis>(S);
    ASSERT_FALSE(R.Residues.empty()) << File.str();
    ResultBuffer B = written<BackboneDihedralsAnalysis>(R);
    ASSERT_NE(B.array("phi"), nullptr);
    EXPECT_EQ(B.array("phi")->Shape,
              (SmallVector<uint64_t, 3>{S.numStates(), R.Residues.size()}));
    EXPECT_EQ(B.array("in_state")->Type, ElementType::U8);
    auto Back = BackboneDihedralsAnalysis::read(B, S);
    ASSERT_TRUE(static_cast<bool>(Back)) << toString(Back.takeError());
    expectSameDihedrals(*Back, R);
    // Missing angles stay missing.
    size_t NaNs = 0;
    for (double V : Back->Phi)
      NaNs += std::isnan(V);
    EXPECT_GT(NaNs, 0u);
  }
  EXPECT_TRUE(analysisInfo<BackboneDihedralsAnalysis>().persistable());
}

TEST(BackboneDihedralsSerializer, DamagedBodies) {
  const Structure &S = load("1l2y.cif");
  ASSERT_GT(S.numStates(), 1u);
  AnalysisManager AM;
  const BackboneDihedrals &R = AM.getResult<BackboneDihedralsAnalysis>(S);
  const uint64_t NS = S.numStates(), NR = R.Residues.size();
  {
    ResultBuffer B = written<BackboneDihedralsAnalysis>(R);
    B.erase("psi");
    std::string E = readError<BackboneDihedralsAnalysis>(B, S);
    EXPECT_NE(E.find("'psi'"), std::string::npos) << E;
  }
  {
    // One state short.
    ResultBuffer B = written<BackboneDihedralsAnalysis>(R);
    std::vector<double> V = arrayOf<double>(B, "omega");
    V.resize((NS - 1) * NR);
    replace(B, "omega", V, {NS - 1, NR});
    std::string E = readError<BackboneDihedralsAnalysis>(B, S);
    EXPECT_NE(E.find("'omega'"), std::string::npos) << E;
  }
  {
    // One row short, everywhere consistently.
    ResultBuffer B = written<BackboneDihedralsAnalysis>(R);
    std::vector<uint32_t> Res = arrayOf<uint32_t>(B, "residues");
    Res.pop_back();
    replace(B, "residues", Res);
    std::string E = readError<BackboneDihedralsAnalysis>(B, S);
    EXPECT_NE(E.find("'residues'"), std::string::npos) << E;
  }
  {
    // The right number of rows, the wrong residues.
    ResultBuffer B = written<BackboneDihedralsAnalysis>(R);
    std::vector<uint32_t> Res = arrayOf<uint32_t>(B, "residues");
    Res[0] = Res[1];
    replace(B, "residues", Res);
    EXPECT_NE(readError<BackboneDihedralsAnalysis>(B, S), "");
  }
  {
    // Flattened [S*R] instead of [S][R].
    ResultBuffer B = written<BackboneDihedralsAnalysis>(R);
    replace(B, "phi", arrayOf<double>(B, "phi"));
    EXPECT_NE(readError<BackboneDihedralsAnalysis>(B, S), "");
  }
  {
    ResultBuffer B = written<BackboneDihedralsAnalysis>(R);
    B.array("in_state")->set<uint8_t>(3, 2);
    std::string E = readError<BackboneDihedralsAnalysis>(B, S);
    EXPECT_NE(E.find("'in_state'"), std::string::npos) << E;
  }
  {
    // 1L2Y's body read against 1UBQ (one state, other residues).
    ResultBuffer B = written<BackboneDihedralsAnalysis>(R);
    EXPECT_NE(readError<BackboneDihedralsAnalysis>(B, load("1ubq.cif")), "");
  }
}

// ---- spatial-index ------------------------------------------------------

void expectSameIndex(const SpatialIndex &A, const SpatialIndex &B) {
  EXPECT_EQ(A.Cell, B.Cell);
  ASSERT_EQ(A.States.size(), B.States.size());
  for (size_t St = 0; St < A.States.size(); ++St) {
    const CellList &X = A.States[St], &Y = B.States[St];
    EXPECT_EQ(X.origin(), Y.origin()) << "state " << St;
    EXPECT_EQ(X.cellSize(), Y.cellSize()) << "state " << St;
    EXPECT_EQ(X.order(), Y.order()) << "state " << St;
    EXPECT_EQ(X.cellKeys(), Y.cellKeys()) << "state " << St;
    EXPECT_EQ(X.cellBegin(), Y.cellBegin()) << "state " << St;
  }
}

TEST(SpatialIndexSerializer, RoundTrip) {
  for (StringRef File : {"1l2y.cif", "1ubq.cif", "1k6p.cif"})
    for (double Cell : {5.0, 2.5}) {
      const Structure &S = load(File);
      AnalysisManager AM;
      SpatialIndexAnalysis::Options O;
      O.Cell = Cell;
      const SpatialIndex &R = AM.getResult<SpatialIndexAnalysis>(S, O);
      ASSERT_EQ(R.States.size(), S.numStates());
      ResultBuffer B = written<SpatialIndexAnalysis>(R);
      EXPECT_EQ(B.names(), (std::vector<std::string>{
                               "cell_begin", "cell_keys", "order", "origin",
                               "state_cell_begin", "state_order_begin"}));
      EXPECT_EQ(B.array("origin")->Shape,
                (SmallVector<uint64_t, 3>{S.numStates(), 3}));
      auto Cellattr = B.getDouble("cell");
      ASSERT_TRUE(static_cast<bool>(Cellattr));
      EXPECT_EQ(*Cellattr, Cell);
      auto Back = SpatialIndexAnalysis::read(B, S);
      ASSERT_TRUE(static_cast<bool>(Back)) << toString(Back.takeError());
      expectSameIndex(*Back, R);
    }
  EXPECT_TRUE(analysisInfo<SpatialIndexAnalysis>().persistable());
}

class SpatialIndexDamage : public ::testing::Test {
protected:
  void SetUp() override {
    R = &AM.getResult<SpatialIndexAnalysis>(S);
    B = written<SpatialIndexAnalysis>(*R);
  }
  std::string error() { return readError<SpatialIndexAnalysis>(B, S); }

  const Structure &S = load("1l2y.cif");
  AnalysisManager AM;
  const SpatialIndex *R = nullptr;
  ResultBuffer B;
};

TEST_F(SpatialIndexDamage, IntactReads) { EXPECT_EQ(error(), ""); }

TEST_F(SpatialIndexDamage, MissingArraysAndAttribute) {
  for (StringRef Name : {"order", "cell_keys", "cell_begin",
                         "state_order_begin", "state_cell_begin", "origin"}) {
    ResultBuffer C;
    ASSERT_FALSE(static_cast<bool>(B.copyTo(C)));
    C.erase(Name);
    std::string E = readError<SpatialIndexAnalysis>(C, S);
    EXPECT_NE(E.find(("'" + Name + "'").str()), std::string::npos) << E;
  }
  B.eraseAttribute("cell");
  std::string E = error();
  EXPECT_NE(E.find("'cell'"), std::string::npos) << E;
}

TEST_F(SpatialIndexDamage, WrongStateCount) {
  // Another structure's body: 1UBQ has one state, not 38.
  EXPECT_NE(readError<SpatialIndexAnalysis>(B, load("1ubq.cif")), "");
  // Drop the last state's origin row.
  std::vector<float> O = arrayOf<float>(B, "origin");
  O.resize(O.size() - 3);
  replace(B, "origin", O, {S.numStates() - 1, 3});
  std::string E = error();
  EXPECT_NE(E.find("'origin'"), std::string::npos) << E;
}

TEST_F(SpatialIndexDamage, OffsetsThatDoNotCover) {
  std::vector<uint64_t> V = arrayOf<uint64_t>(B, "state_order_begin");
  V.back() -= 1;
  replace(B, "state_order_begin", V);
  EXPECT_NE(error(), "");
}

TEST_F(SpatialIndexDamage, OffsetsThatDecrease) {
  std::vector<uint64_t> V = arrayOf<uint64_t>(B, "state_cell_begin");
  std::swap(V[1], V[2]);
  replace(B, "state_cell_begin", V);
  EXPECT_NE(error(), "");
}

TEST_F(SpatialIndexDamage, AtomIndexOutOfRange) {
  B.array("order")->set<uint32_t>(5, uint32_t(S.numAtoms()));
  std::string E = error();
  EXPECT_NE(E.find("out of range"), std::string::npos) << E;
}

TEST_F(SpatialIndexDamage, AtomListedTwice) {
  uint32_t First = B.array("order")->get<uint32_t>(0);
  B.array("order")->set<uint32_t>(1, First);
  EXPECT_NE(error(), "");
}

TEST_F(SpatialIndexDamage, CellOffsetsOutOfOrder) {
  B.array("cell_begin")->set<uint32_t>(1, 0);
  EXPECT_NE(error(), "");
}

TEST_F(SpatialIndexDamage, KeysOutOfOrder) {
  std::vector<uint64_t> K = arrayOf<uint64_t>(B, "cell_keys");
  std::swap(K[0], K[1]);
  replace(B, "cell_keys", K);
  EXPECT_NE(error(), "");
}

TEST_F(SpatialIndexDamage, ShorterArrays) {
  std::vector<uint32_t> O = arrayOf<uint32_t>(B, "order");
  O.pop_back();
  replace(B, "order", O);
  EXPECT_NE(error(), "");
  ResultBuffer C = written<SpatialIndexAnalysis>(*R);
  std::vector<uint32_t> CB = arrayOf<uint32_t>(C, "cell_begin");
  CB.pop_back();
  replace(C, "cell_begin", CB);
  std::string E = readError<SpatialIndexAnalysis>(C, S);
  EXPECT_NE(E.find("'cell_begin'"), std::string::npos) << E;
}

TEST_F(SpatialIndexDamage, BadCellAndOrigin) {
  B.eraseAttribute("cell");
  ASSERT_FALSE(static_cast<bool>(B.setAttribute("cell", -5.0)));
  EXPECT_NE(error(), "");
  ResultBuffer C = written<SpatialIndexAnalysis>(*R);
  C.array("origin")->set<float>(4, std::nanf(""));
  EXPECT_NE(readError<SpatialIndexAnalysis>(C, S), "");
}

TEST_F(SpatialIndexDamage, ListsAnAtomTheStateLacks) {
  // A verify()-clean body, read against the same structure where state
  // 0 has lost the position of atom 7.
  auto Copy = io::readStructureFile(QIR_SOURCE_DIR "/test/Inputs/1l2y.cif");
  ASSERT_TRUE(static_cast<bool>(Copy)) << toString(Copy.takeError());
  EXPECT_EQ(readError<SpatialIndexAnalysis>(B, *Copy), "");
  Copy->coordsForWrite()[3 * 7] = std::nanf(""); // atom 7 of state 0
  std::string E = readError<SpatialIndexAnalysis>(B, *Copy);
  EXPECT_NE(E.find("atom 7"), std::string::npos) << E;
}

// ---- neighbors ----------------------------------------------------------

void expectSameGraph(const NeighborGraph &A, const NeighborGraph &B) {
  EXPECT_EQ(A.Level, B.Level);
  EXPECT_EQ(A.Cutoff, B.Cutoff);
  EXPECT_EQ(A.NumNodes, B.NumNodes);
  EXPECT_EQ(A.NumStates, B.NumStates);
  EXPECT_EQ(A.RowBegin, B.RowBegin);
  EXPECT_EQ(A.Col, B.Col);
  EXPECT_EQ(A.Dist, B.Dist);
}

TEST(NeighborsSerializer, RoundTrip) {
  for (StringRef File : {"1l2y.cif", "3bkr.cif"})
    for (NeighborLevel L : {NeighborLevel::Atom, NeighborLevel::Residue}) {
      const Structure &S = load(File);
      AnalysisManager AM;
      NeighborsAnalysis::Options O;
      O.Level = L;
      O.Cutoff = 4.5;
      const NeighborGraph &R = AM.getResult<NeighborsAnalysis>(S, O);
      ASSERT_FALSE(R.Col.empty());
      ResultBuffer B = written<NeighborsAnalysis>(R);
      ASSERT_NE(B.array("row_begin"), nullptr);
      EXPECT_EQ(B.array("row_begin")->Shape,
                (SmallVector<uint64_t, 3>{S.numStates(), R.NumNodes + 1}));
      auto Back = NeighborsAnalysis::read(B, S);
      ASSERT_TRUE(static_cast<bool>(Back)) << toString(Back.takeError());
      expectSameGraph(*Back, R);
    }
  EXPECT_TRUE(analysisInfo<NeighborsAnalysis>().persistable());
}

class NeighborsDamage : public ::testing::Test {
protected:
  void SetUp() override {
    R = &AM.getResult<NeighborsAnalysis>(S);
    B = written<NeighborsAnalysis>(*R);
  }
  std::string error() { return readError<NeighborsAnalysis>(B, S); }

  const Structure &S = load("1l2y.cif");
  AnalysisManager AM;
  const NeighborGraph *R = nullptr;
  ResultBuffer B;
};

TEST_F(NeighborsDamage, IntactReads) { EXPECT_EQ(error(), ""); }

TEST_F(NeighborsDamage, MissingArraysAndAttributes) {
  for (StringRef Name : {"row_begin", "col", "distance"}) {
    ResultBuffer C;
    ASSERT_FALSE(static_cast<bool>(B.copyTo(C)));
    C.erase(Name);
    std::string E = readError<NeighborsAnalysis>(C, S);
    EXPECT_NE(E.find(("'" + Name + "'").str()), std::string::npos) << E;
  }
  for (StringRef Name : {"level", "cutoff"}) {
    ResultBuffer C;
    ASSERT_FALSE(static_cast<bool>(B.copyTo(C)));
    C.eraseAttribute(Name);
    EXPECT_NE(readError<NeighborsAnalysis>(C, S), "");
  }
}

TEST_F(NeighborsDamage, AnotherStructure) {
  EXPECT_NE(readError<NeighborsAnalysis>(B, load("1ubq.cif")), "");
}

TEST_F(NeighborsDamage, BrokenEdges) {
  std::vector<uint32_t> Col = arrayOf<uint32_t>(B, "col");
  {
    std::vector<uint32_t> V = Col; // a node out of range
    V[0] = static_cast<uint32_t>(S.numAtoms());
    replace(B, "col", V);
    EXPECT_NE(error(), "");
  }
  {
    std::vector<uint32_t> V = Col; // one direction of an edge moved
    V[0] = V[0] == 1 ? 2 : 1;
    replace(B, "col", V);
    EXPECT_NE(error(), "");
  }
  replace(B, "col", Col);
  std::vector<float> D = arrayOf<float>(B, "distance");
  D[0] += 0.5f; // twins disagree
  replace(B, "distance", D);
  EXPECT_NE(error(), "");
  D[0] = 100.f; // beyond the cutoff
  replace(B, "distance", D);
  EXPECT_NE(error(), "");
}

TEST_F(NeighborsDamage, OffsetsThatDoNotPartition) {
  std::vector<uint64_t> V = arrayOf<uint64_t>(B, "row_begin");
  V.back() += 1;
  replace(B, "row_begin", V, {S.numStates(), S.numAtoms() + 1});
  EXPECT_NE(error(), "");
  V.back() -= 1;
  std::swap(V[5], V[6]);
  replace(B, "row_begin", V, {S.numStates(), S.numAtoms() + 1});
  EXPECT_NE(error(), "");
}

} // namespace
