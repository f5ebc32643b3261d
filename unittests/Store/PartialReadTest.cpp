//===- PartialReadTest.cpp - Selector reads from a store ------------------===//
//
// StoreReader::read(Sel, Models) must equal what the in-memory path gives:
// the whole structure read back, keepStates() to the kept models, then
// keepAtoms() to the atoms the selector picks there. Checked for many
// selectors (every kind of predicate, 'within', 'model') on test/Inputs and
// the corpus, from a structure store and from a shard.
//
//===----------------------------------------------------------------------===//
#include "qir/IR/AtomFilter.h"
#include "qir/Select/Selector.h"
#include "qir/Store/Reader.h"
#include "qir/Store/Writer.h"

#include "StoreTestUtil.h"

#include "llvm/ADT/SmallString.h"

using namespace qir;
using namespace qir::store;
using namespace qir::storetest;
using namespace llvm;

namespace {

const char *const Selectors[] = {
    "all",
    "none",
    "name CA",
    "chain A and resid 5 to 20 and name CA",
    "chain B and resid 50 to 80 and name CA",
    "protein and backbone",
    "sidechain and not hydrogen",
    "water or hetero",
    "nucleic",
    "element C N",
    "altloc A or altloc \"\"",
    "resid -5 to 52A",
    "index 0 to 9 or index 100 to 120",
    "label_asym A and label_seq 1 to 10",
    "entity 1 and not backbone",
    "within 5 of resname HEM",
    "within 4 of (chain A and resid 10)",
    "model 2 and name CA",
    "model 1 3 to 4 and protein",
    "model 1 and within 3 of water",
};

/// The in-memory answer: keepStates then keepAtoms on the whole structure.
Expected<Structure> reference(StoreReader &R, size_t I,
                              const select::Selector &Sel,
                              ArrayRef<int32_t> Models) {
  Expected<Structure> S = R.readStructure(I);
  if (!S)
    return S.takeError();
  const std::vector<int32_t> &M = S->states().ModelNumber;
  BitVector KeepStates(M.size());
  for (size_t X = 0; X < M.size(); ++X)
    KeepStates[X] = !Models.empty()
                        ? is_contained(Models, M[X])
                        : !Sel.hasModelTerms() || Sel.namesModel(M[X]);
  keepStates(*S, KeepStates);
  Expected<BitVector> Bits = Sel.evaluateBits(*S);
  if (!Bits)
    return Bits.takeError();
  keepAtoms(*S, *Bits);
  return S;
}

void checkFile(StoreReader &R, size_t I, StringRef What) {
  const std::vector<std::vector<int32_t>> ModelSets = {{}, {1}, {2, 3}};
  for (const char *Text : Selectors) {
    auto Sel = select::Selector::parse(Text);
    ASSERT_TRUE(bool(Sel)) << toString(Sel.takeError());
    for (const std::vector<int32_t> &Models : ModelSets) {
      std::string Trace = (What + " | " + Text + " | models").str();
      for (int32_t M : Models)
        Trace += " " + std::to_string(M);
      Expected<Structure> Want = reference(R, I, *Sel, Models);
      Expected<Structure> Got = R.read(*Sel, Models, I);
      // Both fail together ('within' without a state to measure in).
      ASSERT_EQ(bool(Want), bool(Got)) << Trace;
      if (!Want) {
        consumeError(Want.takeError());
        consumeError(Got.takeError());
        continue;
      }
      expectSame(*Want, *Got, Trace);
      if (::testing::Test::HasFailure())
        return;
    }
  }
}

class PartialReadTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("qir-partial-test", Dir));
  }
  void TearDown() override { sys::fs::remove_directories(Dir); }
  std::string path(StringRef Name) {
    SmallString<256> P(Dir);
    sys::path::append(P, Name);
    return std::string(P);
  }

  void run(const std::vector<std::string> &Files) {
    std::string ShardPath = path("all.qir.h5");
    auto Shard = StoreWriter::create(ShardPath, StoreKind::Shard);
    ASSERT_TRUE(bool(Shard)) << toString(Shard.takeError());
    std::vector<std::string> InShard;
    for (const std::string &F : Files) {
      auto S = io::readStructureFile(F, quiet());
      if (!S) {
        consumeError(S.takeError());
        continue;
      }
      std::string One = path("one.qir.h5");
      {
        auto W = StoreWriter::create(One, StoreKind::Structure);
        ASSERT_TRUE(bool(W)) << toString(W.takeError());
        SourceInfo Src;
        Src.Path = F;
        ASSERT_TRUE(bool((*W)->addStructure(*S, Src)));
        ASSERT_FALSE(bool((*W)->commit()));
      }
      auto R = StoreReader::open(One);
      ASSERT_TRUE(bool(R)) << toString(R.takeError());
      checkFile(**R, 0, F);
      if (HasFailure())
        return;
      SourceInfo Src;
      Src.Path = F;
      ASSERT_TRUE(bool((*Shard)->addStructure(*S, Src)));
      InShard.push_back(F);
    }
    ASSERT_FALSE(bool((*Shard)->commit()));
    auto R = StoreReader::open(ShardPath);
    ASSERT_TRUE(bool(R)) << toString(R.takeError());
    ASSERT_EQ((*R)->size(), InShard.size());
    for (size_t I = 0; I < InShard.size(); ++I) {
      checkFile(**R, I, "shard: " + InShard[I]);
      if (HasFailure())
        return;
    }
  }

  SmallString<256> Dir;
};

TEST_F(PartialReadTest, Inputs) {
  run(structureFiles(QIR_SOURCE_DIR "/test/Inputs"));
}

TEST_F(PartialReadTest, Corpus) {
  SmallString<256> Corpus(QIR_SOURCE_DIR);
  sys::path::append(Corpus, "..", "shared", "corpus");
  if (!sys::fs::is_directory(Corpus))
    GTEST_SKIP() << "no corpus at " << Corpus.str().str();
  run(structureFiles(Corpus));
}

TEST_F(PartialReadTest, SelectedAtomsOnly) {
  // Hand-checked against test/Inputs/1ubq.cif: the CA atoms of residues
  // 10-12 are atom_site ids 76, 80 and 89 (GLY, LYS, THR of chain A).
  auto S =
      io::readStructureFile(QIR_SOURCE_DIR "/test/Inputs/1ubq.cif", quiet());
  ASSERT_TRUE(bool(S)) << toString(S.takeError());
  std::string One = path("1ubq.qir.h5");
  {
    auto W = StoreWriter::create(One, StoreKind::Structure);
    ASSERT_TRUE(bool(W));
    ASSERT_TRUE(bool((*W)->addStructure(*S, SourceInfo())));
    ASSERT_FALSE(bool((*W)->commit()));
  }
  auto R = StoreReader::open(One);
  ASSERT_TRUE(bool(R));
  auto Sel = select::Selector::parse("resid 10 to 12 and name CA");
  ASSERT_TRUE(bool(Sel));
  auto P = (*R)->read(*Sel);
  ASSERT_TRUE(bool(P)) << toString(P.takeError());
  ASSERT_EQ(P->numAtoms(), 3u);
  ASSERT_EQ(P->numResidues(), 3u);
  ASSERT_EQ(P->numChains(), 1u);
  EXPECT_EQ(P->chains().AuthId[0].str(), "A");
  const ResidueTable &Res = P->residues();
  EXPECT_EQ(Res.AuthSeq, (std::vector<int32_t>{10, 11, 12}));
  EXPECT_EQ(Res.Name[0].str(), "GLY");
  EXPECT_EQ(Res.Name[1].str(), "LYS");
  EXPECT_EQ(Res.Name[2].str(), "THR");
  EXPECT_EQ(P->atoms().Serial, (std::vector<int64_t>{76, 80, 89}));
  const float Want[3][3] = {{28.978f, 43.960f, 14.678f},
                            {31.191f, 42.012f, 12.331f},
                            {29.542f, 39.020f, 10.653f}};
  ASSERT_EQ(P->states().Coords.size(), 9u);
  for (uint32_t A = 0; A < 3; ++A) {
    EXPECT_EQ(P->atoms().Name[A].str(), "CA");
    for (int K = 0; K < 3; ++K)
      EXPECT_FLOAT_EQ(P->states().Coords[A * 3 + K], Want[A][K]);
  }
}

} // namespace
