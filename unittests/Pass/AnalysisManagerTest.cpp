//===- AnalysisManagerTest.cpp - Keyed cache and invalidation -------------===//
//
// The cache contract of docs/design.md section 3, on a real structure
// (1L2Y, 20 NMR models): hits, option sets that coexist, invalidation by
// written facet, dependents falling with their inputs, PreservedAnalyses,
// and facet hashes that change exactly when the arrays do.
//
//===----------------------------------------------------------------------===//
#include "qir/Pass/AnalysisManager.h"
#include "qir/Analysis/Counts.h"
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/PassManager.h"
#include "qir/Passes/StandardInstrumentations.h"
#include "qir/Transforms/Translate.h"

#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace qir;
using namespace llvm;

namespace {

// ---- Test analyses with run counters ---------------------------------------

/// Reads Topology; has an option, so that option sets can coexist.
struct TopoAnalysis : AnalysisInfoMixin<TopoAnalysis> {
  static constexpr StringLiteral Name = "test-topo";
  static constexpr StringLiteral Description = "test";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = FacetSet(Facet::Topology);
  struct Options : PassOptionsBase {
    int K = 1;
    template <typename M> void map(M &O) { O.option("k", K, "a number"); }
  };
  using PrintOptions = NoOptions;
  struct Result {
    size_t Value;
  };
  static inline int Runs = 0;
  Result run(const Structure &S, const Options &O, AnalysisManager &) {
    ++Runs;
    return {S.numResidues() * O.K};
  }
  static void print(raw_ostream &, const Structure &, const Result &,
                    const PrintOptions &) {}
  static AnalysisKey Key;
};
AnalysisKey TopoAnalysis::Key;

/// Reads Coordinates: the centroid x of state 0.
struct CoordAnalysis : AnalysisInfoMixin<CoordAnalysis> {
  static constexpr StringLiteral Name = "test-coord";
  static constexpr StringLiteral Description = "test";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = FacetSet(Facet::Coordinates);
  using Options = NoOptions;
  using PrintOptions = NoOptions;
  struct Result {
    double X;
  };
  static inline int Runs = 0;
  Result run(const Structure &S, const Options &, AnalysisManager &) {
    ++Runs;
    double X = 0;
    for (size_t A = 0; A < S.numAtoms(); ++A)
      X += S.position(0, A)[0];
    return {X / S.numAtoms()};
  }
  static void print(raw_ostream &, const Structure &, const Result &,
                    const PrintOptions &) {}
  static AnalysisKey Key;
};
AnalysisKey CoordAnalysis::Key;

/// Reads Topology itself but asks for CoordAnalysis.
struct DependentAnalysis : AnalysisInfoMixin<DependentAnalysis> {
  static constexpr StringLiteral Name = "test-dependent";
  static constexpr StringLiteral Description = "test";
  static constexpr unsigned Version = 3;
  static constexpr FacetSet Reads = FacetSet(Facet::Topology);
  using Options = NoOptions;
  using PrintOptions = NoOptions;
  struct Result {
    double Value;
  };
  static inline int Runs = 0;
  Result run(const Structure &S, const Options &, AnalysisManager &AM) {
    ++Runs;
    return {AM.getResult<CoordAnalysis>(S).X + S.numAtoms()};
  }
  static void print(raw_ostream &, const Structure &, const Result &,
                    const PrintOptions &) {}
  static AnalysisKey Key;
};
AnalysisKey DependentAnalysis::Key;

/// A transform that writes Topology (renames the first residue).
struct RenameFirstResidue : PassInfoMixin<RenameFirstResidue> {
  static constexpr StringLiteral Name = "test-rename";
  PreservedAnalyses run(Structure &S, AnalysisManager &) {
    S.residuesForWrite(Facet::Topology).Name[0] = ResidueName("XXX");
    return PreservedAnalyses();
  }
};

/// Writes Coordinates but vouches for CoordAnalysis's result.
struct TranslateKeepingCoord : PassInfoMixin<TranslateKeepingCoord> {
  static constexpr StringLiteral Name = "test-translate-keep";
  PreservedAnalyses run(Structure &S, AnalysisManager &AM) {
    TranslatePass::Options O;
    O.Dy = 1;
    TranslatePass(O).run(S, AM);
    PreservedAnalyses PA;
    PA.preserve<CoordAnalysis>();
    return PA;
  }
};

/// Writes nothing but asks for everything to be dropped.
struct DropAll : PassInfoMixin<DropAll> {
  static constexpr StringLiteral Name = "test-drop-all";
  PreservedAnalyses run(Structure &, AnalysisManager &) {
    return PreservedAnalyses::none();
  }
};

class AnalysisManagerTest : public ::testing::Test {
protected:
  void SetUp() override {
    auto R = io::readStructureFile(QIR_SOURCE_DIR "/test/Inputs/1l2y.cif");
    ASSERT_TRUE(static_cast<bool>(R)) << toString(R.takeError());
    S = std::make_unique<Structure>(std::move(*R));
    TopoAnalysis::Runs = CoordAnalysis::Runs = DependentAnalysis::Runs = 0;
    AM.setInstrumentation(&Log);
  }
  template <typename PassT> void runPass(PassT P) {
    PassManager PM;
    PM.addPass(std::move(P));
    ASSERT_FALSE(static_cast<bool>(PM.run(*S, AM)));
  }
  TranslatePass translate(double Dx) {
    TranslatePass::Options O;
    O.Dx = Dx;
    return TranslatePass(O);
  }

  std::unique_ptr<Structure> S;
  AnalysisManager AM;
  std::string LogText;
  raw_string_ostream LogOS{LogText};
  DebugPassManagerPrinter Log{LogOS};
};

} // namespace

TEST_F(AnalysisManagerTest, SecondRequestIsACacheHit) {
  const auto &A = AM.getResult<TopoAnalysis>(*S);
  const auto &B = AM.getResult<TopoAnalysis>(*S);
  EXPECT_EQ(TopoAnalysis::Runs, 1);
  EXPECT_EQ(&A, &B);
  EXPECT_EQ(A.Value, S->numResidues());
  EXPECT_EQ(AM.size(), 1u);
  EXPECT_NE(LogText.find("Cache hit: test-topo<k=1>"), std::string::npos)
      << LogText;
}

TEST_F(AnalysisManagerTest, DifferentOptionsAreDifferentEntries) {
  TopoAnalysis::Options Two;
  Two.K = 2;
  EXPECT_EQ(AM.getResult<TopoAnalysis>(*S).Value, S->numResidues());
  EXPECT_EQ(AM.getResult<TopoAnalysis>(*S, Two).Value, 2 * S->numResidues());
  // Neither evicted the other.
  AM.getResult<TopoAnalysis>(*S);
  AM.getResult<TopoAnalysis>(*S, Two);
  EXPECT_EQ(TopoAnalysis::Runs, 2);
  ASSERT_EQ(AM.size(), 2u);
  std::vector<AnalysisCacheKey> Keys = AM.cachedKeys();
  EXPECT_EQ(Keys[0].Options, "k=1");
  EXPECT_EQ(Keys[1].Options, "k=2");
  EXPECT_EQ(Keys[0].Hashes, Keys[1].Hashes);
}

TEST_F(AnalysisManagerTest, KeyHoldsVersionOptionsAndHashesOfFacetsRead) {
  AM.getResult<DependentAnalysis>(*S);
  std::vector<AnalysisCacheKey> Keys = AM.cachedKeys();
  ASSERT_EQ(Keys.size(), 2u); // the dependency is cached too
  const AnalysisCacheKey &Dep = Keys[1];
  EXPECT_EQ(Dep.Analysis, DependentAnalysis::ID());
  EXPECT_EQ(Dep.Version, 3u);
  // Its own facet plus the one its dependency read.
  EXPECT_TRUE(Dep.Reads == (Facet::Topology | Facet::Coordinates));
  EXPECT_EQ(Dep.Hashes[unsigned(Facet::Topology)], S->hash(Facet::Topology));
  EXPECT_EQ(Dep.Hashes[unsigned(Facet::Coordinates)],
            S->hash(Facet::Coordinates));
  EXPECT_EQ(Dep.Hashes[unsigned(Facet::Metadata)], 0u);
}

TEST_F(AnalysisManagerTest, CoordinatesTransformKeepsTopologyResults) {
  const size_t Residues = AM.getResult<CountsAnalysis>(*S).Rows[0].Residues;
  AM.getResult<CoordAnalysis>(*S);
  runPass(translate(1.5));
  EXPECT_NE(AM.getCachedResult<CountsAnalysis>(*S), nullptr);
  EXPECT_EQ(AM.getCachedResult<CoordAnalysis>(*S), nullptr);
  EXPECT_EQ(AM.size(), 1u);
  EXPECT_NE(LogText.find("Invalidating analysis: test-coord (Coordinates "
                         "written by translate)"),
            std::string::npos)
      << LogText;
  EXPECT_EQ(LogText.find("Invalidating analysis: counts"), std::string::npos);
  // counts is still the same object and still right.
  EXPECT_EQ(AM.getResult<CountsAnalysis>(*S).Rows[0].Residues, Residues);
  double Before = CoordAnalysis::Runs;
  AM.getResult<CoordAnalysis>(*S);
  EXPECT_EQ(CoordAnalysis::Runs, Before + 1);
}

TEST_F(AnalysisManagerTest, TopologyTransformInvalidatesBoth) {
  AM.getResult<CountsAnalysis>(*S);
  AM.getResult<TopoAnalysis>(*S);
  AM.getResult<CoordAnalysis>(*S);
  runPass(RenameFirstResidue());
  EXPECT_EQ(AM.getCachedResult<CountsAnalysis>(*S), nullptr);
  EXPECT_EQ(AM.getCachedResult<TopoAnalysis>(*S), nullptr);
  // Coordinates were not written: that result stays.
  EXPECT_NE(AM.getCachedResult<CoordAnalysis>(*S), nullptr);
}

TEST_F(AnalysisManagerTest, DependentsFallWithTheirInputs) {
  AM.getResult<DependentAnalysis>(*S);
  EXPECT_EQ(CoordAnalysis::Runs, 1);
  runPass(translate(2.0));
  // DependentAnalysis reads only Topology itself, but used a Coordinates
  // result.
  EXPECT_EQ(AM.getCachedResult<DependentAnalysis>(*S), nullptr);
  EXPECT_EQ(AM.size(), 0u);
  EXPECT_NE(LogText.find("Invalidating analysis: test-dependent"),
            std::string::npos)
      << LogText;
  AM.getResult<DependentAnalysis>(*S);
  EXPECT_EQ(DependentAnalysis::Runs, 2);
  EXPECT_EQ(CoordAnalysis::Runs, 2);
}

TEST_F(AnalysisManagerTest, InvalidatingADependencyDropsItsDependents) {
  AM.getResult<DependentAnalysis>(*S);
  AM.getResult<TopoAnalysis>(*S);
  AM.invalidate(CoordAnalysis::ID(), "invalidate<test-coord>");
  EXPECT_EQ(AM.getCachedResult<DependentAnalysis>(*S), nullptr);
  EXPECT_NE(AM.getCachedResult<TopoAnalysis>(*S), nullptr);
  EXPECT_NE(LogText.find("Invalidating analysis: test-dependent (it used "
                         "test-coord, which was invalidated)"),
            std::string::npos)
      << LogText;
}

TEST_F(AnalysisManagerTest, InvalidateDropsEveryOptionSet) {
  TopoAnalysis::Options Two;
  Two.K = 2;
  AM.getResult<TopoAnalysis>(*S);
  AM.getResult<TopoAnalysis>(*S, Two);
  AM.getResult<CoordAnalysis>(*S);
  AM.invalidate(TopoAnalysis::ID(), "invalidate<test-topo>");
  EXPECT_EQ(AM.size(), 1u);
  EXPECT_NE(AM.getCachedResult<CoordAnalysis>(*S), nullptr);
}

TEST_F(AnalysisManagerTest, PreservedAnalysesKeepsWhatItNames) {
  const double X0 = AM.getResult<CoordAnalysis>(*S).X;
  AM.getResult<TopoAnalysis>(*S);
  runPass(TranslateKeepingCoord());
  // Kept although Coordinates was written, and re-keyed to the new hash so
  // that it still hits.
  const CoordAnalysis::Result *R = AM.getCachedResult<CoordAnalysis>(*S);
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->X, X0); // (a y shift keeps the x centroid)
  AM.getResult<CoordAnalysis>(*S);
  EXPECT_EQ(CoordAnalysis::Runs, 1);
  EXPECT_EQ(AM.cachedKeys()[0].Hashes[unsigned(Facet::Coordinates)],
            S->hash(Facet::Coordinates));
  EXPECT_NE(LogText.find("Preserved analysis: test-coord"), std::string::npos);
}

TEST_F(AnalysisManagerTest, NoneDropsEverything) {
  AM.getResult<TopoAnalysis>(*S);
  AM.getResult<CoordAnalysis>(*S);
  runPass(DropAll());
  EXPECT_EQ(AM.size(), 0u);
}

TEST_F(AnalysisManagerTest, PassThatWritesNothingKeepsEverything) {
  AM.getResult<CoordAnalysis>(*S);
  runPass(translate(0.0)); // a zero shift writes nothing
  EXPECT_NE(AM.getCachedResult<CoordAnalysis>(*S), nullptr);
}

TEST_F(AnalysisManagerTest, EditsBehindTheManagerAreCaughtByHashes) {
  AM.getResult<CoordAnalysis>(*S);
  S->coordsForWrite()[0] += 1.0f; // not through a pass
  EXPECT_EQ(AM.getCachedResult<CoordAnalysis>(*S), nullptr);
  AM.getResult<CoordAnalysis>(*S);
  EXPECT_EQ(CoordAnalysis::Runs, 2);
  EXPECT_NE(LogText.find("Stale: test-coord"), std::string::npos);
}

TEST_F(AnalysisManagerTest, IdenticalContentIsTheSameKey) {
  AM.getResult<CoordAnalysis>(*S);
  float Old = S->states().Coords[0];
  S->coordsForWrite()[0] = Old + 1.0f;
  S->coordsForWrite()[0] = Old; // back to the same bytes
  // The generation moved, but the key is content: still a hit.
  AM.getResult<CoordAnalysis>(*S);
  EXPECT_EQ(CoordAnalysis::Runs, 1);
}

TEST(FacetHash, ChangesWhenAndOnlyWhenTheFacetArraysChange) {
  auto R = io::readStructureFile(QIR_SOURCE_DIR "/test/Inputs/1ubq.cif");
  ASSERT_TRUE(static_cast<bool>(R)) << toString(R.takeError());
  Structure &S = *R;
  uint64_t H[NumFacets];
  for (unsigned F = 0; F < NumFacets; ++F)
    H[F] = S.hash(static_cast<Facet>(F));
  // Hashing again without a write gives the same value.
  for (unsigned F = 0; F < NumFacets; ++F)
    EXPECT_EQ(S.hash(static_cast<Facet>(F)), H[F]);

  // One coordinate: only Coordinates changes.
  S.coordsForWrite()[7] += 0.001f;
  EXPECT_NE(S.hash(Facet::Coordinates), H[unsigned(Facet::Coordinates)]);
  EXPECT_EQ(S.hash(Facet::Topology), H[unsigned(Facet::Topology)]);
  EXPECT_EQ(S.hash(Facet::AtomProperties), H[unsigned(Facet::AtomProperties)]);
  EXPECT_EQ(S.hash(Facet::Metadata), H[unsigned(Facet::Metadata)]);

  // One B factor: only AtomProperties.
  uint64_t C = S.hash(Facet::Coordinates);
  S.atomsForWrite(Facet::AtomProperties).BIso[3] += 1.0f;
  EXPECT_NE(S.hash(Facet::AtomProperties), H[unsigned(Facet::AtomProperties)]);
  EXPECT_EQ(S.hash(Facet::Coordinates), C);
  EXPECT_EQ(S.hash(Facet::Topology), H[unsigned(Facet::Topology)]);

  // A write that stores the same bytes bumps the generation, not the hash.
  uint64_t G = S.generation(Facet::Metadata);
  S.metadataForWrite();
  EXPECT_NE(S.generation(Facet::Metadata), G);
  EXPECT_EQ(S.hash(Facet::Metadata), H[unsigned(Facet::Metadata)]);

  // A residue name: Topology.
  S.residuesForWrite(Facet::Topology).Name[0] = ResidueName("ALA");
  EXPECT_NE(S.hash(Facet::Topology), H[unsigned(Facet::Topology)]);
}
