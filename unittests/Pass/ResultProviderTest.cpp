//===- ResultProviderTest.cpp - Results served from persisted storage -----===//
//
// AnalysisManager with a fake ResultProvider (the role the HDF5 store plays):
// a served result is returned without running the analysis and announced
// through analysisServed; the served entry reads the facets the provider's
// key names, so a transform that writes one of them drops it and the next
// request computes; a provider error reaches AnalysisManager::hasError();
// analyses without a serializer never ask the provider.
//
//===----------------------------------------------------------------------===//
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/PassManager.h"
#include "qir/Pass/ResultBuffer.h"

#include "gtest/gtest.h"

#include <string>
#include <vector>

using namespace qir;
using namespace llvm;

namespace {

/// Reads Coordinates; persistable (write/read through one attribute).
struct PersistedAnalysis : AnalysisInfoMixin<PersistedAnalysis> {
  static constexpr StringLiteral Name = "test-persisted";
  static constexpr StringLiteral Description = "test";
  static constexpr unsigned Version = 2;
  static constexpr FacetSet Reads = FacetSet(Facet::Coordinates);
  using Options = NoOptions;
  using PrintOptions = NoOptions;
  struct Result {
    double X;
  };
  static inline int Runs = 0;
  Result run(const Structure &S, const Options &, AnalysisManager &) {
    ++Runs;
    return {double(S.position(0, 0)[0])};
  }
  static void print(raw_ostream &, const Structure &, const Result &,
                    const PrintOptions &) {}
  static Error write(ResultSink &Sink, const Result &R) {
    return Sink.setAttribute("x", R.X);
  }
  static Expected<Result> read(ResultSource &Source, const Structure &) {
    Expected<double> X = Source.getDouble("x");
    if (!X)
      return X.takeError();
    return Result{*X};
  }
  static AnalysisKey Key;
};
AnalysisKey PersistedAnalysis::Key;

/// Not persistable: the provider is never asked for it.
struct PlainAnalysis : AnalysisInfoMixin<PlainAnalysis> {
  static constexpr StringLiteral Name = "test-plain";
  static constexpr StringLiteral Description = "test";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = FacetSet(Facet::Coordinates);
  using Options = NoOptions;
  using PrintOptions = NoOptions;
  struct Result {
    size_t N;
  };
  static inline int Runs = 0;
  Result run(const Structure &S, const Options &, AnalysisManager &) {
    ++Runs;
    return {S.numAtoms()};
  }
  static void print(raw_ostream &, const Structure &, const Result &,
                    const PrintOptions &) {}
  static AnalysisKey Key;
};
AnalysisKey PlainAnalysis::Key;

/// Serves one persisted body of PersistedAnalysis, recorded against the
/// facet hashes of the structure at the time (as the store keys overlays),
/// claiming to have read \p Claimed. It serves only while those hashes
/// still match.
class FakeProvider final : public ResultProvider {
public:
  FakeProvider(const Structure &S, FacetSet Claimed, double X)
      : Claimed(Claimed) {
    for (unsigned F = 0; F < NumFacets; ++F)
      if (Claimed.contains(Facet(F)))
        Hashes[F] = S.hash(Facet(F));
    cantFail(Body.setAttribute("x", X));
  }

  Expected<std::unique_ptr<AnalysisResultConcept>>
  lookup(const AnalysisInfo &Info, StringRef Canonical, const Structure &S,
         AnalysisCacheKey &Key) override {
    Asked.push_back(Info.Name.str());
    if (Info.Key != PersistedAnalysis::ID())
      return nullptr;
    if (Fail)
      return createStringError(inconvertibleErrorCode(),
                               "overlay test-persisted is damaged");
    for (unsigned F = 0; F < NumFacets; ++F)
      if (Claimed.contains(Facet(F)) && S.hash(Facet(F)) != Hashes[F])
        return nullptr; // stale: not for this structure any more
    auto R = Info.Read(Body, S);
    if (!R)
      return R.takeError();
    Key.Analysis = Info.Key;
    Key.Version = Info.Version;
    Key.Options = Canonical.str();
    Key.Reads = Claimed;
    Key.Hashes = Hashes;
    ++Served;
    return std::move(*R);
  }
  StringRef describe() const override { return "fake-store"; }

  FacetSet Claimed;
  std::array<uint64_t, NumFacets> Hashes = {};
  ResultBuffer Body;
  bool Fail = false;
  int Served = 0;
  std::vector<std::string> Asked;
};

/// Records the hooks the tests look at.
struct Recorder final : PassInstrumentation {
  void beforeAnalysis(StringRef Spec, const Structure &) override {
    Events.push_back("run " + Spec.str());
  }
  void analysisServed(StringRef Spec, StringRef From) override {
    Events.push_back("served " + Spec.str() + " from " + From.str());
  }
  void analysisCacheHit(StringRef Spec) override {
    Events.push_back("hit " + Spec.str());
  }
  void analysisInvalidated(StringRef Spec, StringRef Pass, const Facet *Cause,
                           StringRef) override {
    Events.push_back("invalidated " + Spec.str() + " by " + Pass.str() +
                     (Cause ? " (" + facetName(*Cause).str() + ")" : ""));
  }
  std::vector<std::string> Events;
};

/// Writes Topology (renames the first residue).
struct RenameFirstResidue : PassInfoMixin<RenameFirstResidue> {
  static constexpr StringLiteral Name = "test-rename";
  PreservedAnalyses run(Structure &S, AnalysisManager &) {
    S.residuesForWrite(Facet::Topology).Name[0] = ResidueName("XXX");
    return PreservedAnalyses();
  }
};

class ResultProviderTest : public ::testing::Test {
protected:
  void SetUp() override {
    auto R = io::readStructureFile(QIR_SOURCE_DIR "/test/Inputs/1ubq.cif");
    ASSERT_TRUE(static_cast<bool>(R)) << toString(R.takeError());
    S = std::make_unique<Structure>(std::move(*R));
    PersistedAnalysis::Runs = PlainAnalysis::Runs = 0;
    AM.setInstrumentation(&Log);
  }
  void rename() {
    PassManager PM;
    PM.addPass(RenameFirstResidue());
    ASSERT_FALSE(static_cast<bool>(PM.run(*S, AM)));
  }
  bool logged(StringRef Event) const {
    return llvm::is_contained(Log.Events, Event.str());
  }

  std::unique_ptr<Structure> S;
  AnalysisManager AM;
  Recorder Log;
};

TEST_F(ResultProviderTest, ServedWithoutRunning) {
  FakeProvider P(*S, FacetSet(Facet::Coordinates), 42.0);
  AM.setResultProvider(&P);
  EXPECT_EQ(AM.resultProvider(), &P);
  const auto &R = AM.getResult<PersistedAnalysis>(*S);
  EXPECT_EQ(R.X, 42.0); // the persisted value, not position(0, 0).x
  EXPECT_EQ(PersistedAnalysis::Runs, 0);
  EXPECT_EQ(P.Served, 1);
  EXPECT_TRUE(logged("served test-persisted from fake-store"));
  EXPECT_FALSE(logged("run test-persisted"));
  EXPECT_FALSE(AM.hasError());
  // Cached like a computed result: the second request is a hit and does not
  // ask the provider again.
  EXPECT_EQ(&AM.getResult<PersistedAnalysis>(*S), &R);
  EXPECT_EQ(P.Served, 1);
  EXPECT_TRUE(logged("hit test-persisted"));
  ASSERT_EQ(AM.size(), 1u);
  const AnalysisCacheKey K = AM.cachedKeys()[0];
  EXPECT_EQ(K.Analysis, PersistedAnalysis::ID());
  EXPECT_EQ(K.Version, 2u);
  EXPECT_EQ(K.Hashes[unsigned(Facet::Coordinates)],
            S->hash(Facet::Coordinates));
}

TEST_F(ResultProviderTest, ServedEntryReadsTheProvidersFacets) {
  // The body claims Topology besides Coordinates (as a result computed
  // with a dependency on a topology analysis would).
  FakeProvider P(*S, Facet::Coordinates | Facet::Topology, 42.0);
  AM.setResultProvider(&P);
  EXPECT_EQ(AM.getResult<PersistedAnalysis>(*S).X, 42.0);
  ASSERT_EQ(AM.size(), 1u);
  EXPECT_TRUE(AM.cachedKeys()[0].Reads ==
              (Facet::Coordinates | Facet::Topology));
  EXPECT_EQ(AM.cachedKeys()[0].Hashes[unsigned(Facet::Topology)],
            S->hash(Facet::Topology));

  // A transform writing Topology, which the analysis itself does not read,
  // drops the served entry...
  rename();
  EXPECT_EQ(AM.getCachedResult<PersistedAnalysis>(*S), nullptr);
  EXPECT_TRUE(logged("invalidated test-persisted by test-rename (Topology)"))
      << ::testing::PrintToString(Log.Events);
  // ...and the next request computes (the body no longer matches).
  const double X0 = S->position(0, 0)[0];
  EXPECT_EQ(AM.getResult<PersistedAnalysis>(*S).X, X0);
  EXPECT_EQ(PersistedAnalysis::Runs, 1);
  EXPECT_EQ(P.Served, 1);
  EXPECT_TRUE(logged("run test-persisted"));
}

TEST_F(ResultProviderTest, EntryServedWithItsOwnFacetsSurvivesOtherWrites) {
  FakeProvider P(*S, FacetSet(Facet::Coordinates), 42.0);
  AM.setResultProvider(&P);
  AM.getResult<PersistedAnalysis>(*S);
  rename(); // Topology only
  const auto *R = AM.getCachedResult<PersistedAnalysis>(*S);
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->X, 42.0);
  EXPECT_EQ(PersistedAnalysis::Runs, 0);
}

TEST_F(ResultProviderTest, ProviderErrorReachesTheManager) {
  FakeProvider P(*S, FacetSet(Facet::Coordinates), 42.0);
  P.Fail = true;
  AM.setResultProvider(&P);
  EXPECT_FALSE(AM.hasError());
  // The result is computed all the same; the error waits for the pipeline.
  const double X0 = S->position(0, 0)[0];
  EXPECT_EQ(AM.getResult<PersistedAnalysis>(*S).X, X0);
  EXPECT_EQ(PersistedAnalysis::Runs, 1);
  EXPECT_FALSE(logged("served test-persisted from fake-store"));
  ASSERT_TRUE(AM.hasError());
  Error E = AM.takeError();
  EXPECT_EQ(toString(std::move(E)), "overlay test-persisted is damaged");
  EXPECT_FALSE(AM.hasError());
}

TEST_F(ResultProviderTest, DamagedBodyIsAnError) {
  FakeProvider P(*S, FacetSet(Facet::Coordinates), 42.0);
  P.Body.clear(); // no attribute x: read() fails
  AM.setResultProvider(&P);
  AM.getResult<PersistedAnalysis>(*S);
  EXPECT_EQ(PersistedAnalysis::Runs, 1);
  ASSERT_TRUE(AM.hasError());
  std::string Msg = toString(AM.takeError());
  EXPECT_NE(Msg.find("'x'"), std::string::npos) << Msg;
}

TEST_F(ResultProviderTest, AnalysesWithoutSerializerAreNeverLookedUp) {
  FakeProvider P(*S, FacetSet(Facet::Coordinates), 42.0);
  AM.setResultProvider(&P);
  EXPECT_FALSE(analysisInfo<PlainAnalysis>().persistable());
  EXPECT_TRUE(analysisInfo<PersistedAnalysis>().persistable());
  AM.getResult<PlainAnalysis>(*S);
  EXPECT_EQ(PlainAnalysis::Runs, 1);
  EXPECT_TRUE(P.Asked.empty());
  AM.getResult<PersistedAnalysis>(*S);
  EXPECT_EQ(P.Asked, (std::vector<std::string>{"test-persisted"}));
}

} // namespace
