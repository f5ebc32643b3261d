//===- StoreRoundTripTest.cpp - IR -> .qir.h5 -> IR is the identity -------===//
//
// Every structure of test/Inputs (and of ../shared/corpus when it is
// there) is written to a structure store and to one shard, read back, and
// compared with the original: the four facet hashes (which cover every
// column of every table, all models), the table dumps, and the metadata.
//
//===----------------------------------------------------------------------===//
#include "qir/IO/Reader.h"
#include "qir/IR/Dump.h"
#include "qir/IR/Structure.h"
#include "qir/Store/Reader.h"
#include "qir/Store/Writer.h"

#include "StoreTestUtil.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <string>
#include <vector>

using namespace qir;
using namespace qir::store;
using namespace qir::storetest;
using namespace llvm;

namespace {

class StoreTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("qir-store-test", Dir));
  }
  void TearDown() override { sys::fs::remove_directories(Dir); }
  std::string path(StringRef Name) {
    SmallString<256> P(Dir);
    sys::path::append(P, Name);
    return std::string(P);
  }
  SmallString<256> Dir;
};

void roundTrip(const std::vector<std::string> &Files, StringRef ShardPath,
               std::function<std::string(size_t)> StorePath) {
  auto Shard = StoreWriter::create(ShardPath, StoreKind::Shard);
  ASSERT_TRUE(bool(Shard)) << toString(Shard.takeError());
  std::vector<Structure> Originals;
  std::vector<std::string> Read;
  for (size_t I = 0; I < Files.size(); ++I) {
    auto S = io::readStructureFile(Files[I], quiet());
    if (!S) {
      consumeError(S.takeError()); // files qir refuses are not this test's
      continue;
    }
    // Structure store.
    std::string Out = StorePath(I);
    {
      auto W = StoreWriter::create(Out, StoreKind::Structure);
      ASSERT_TRUE(bool(W)) << toString(W.takeError());
      SourceInfo Src;
      Src.Path = Files[I];
      auto Id = (*W)->addStructure(*S, Src);
      ASSERT_TRUE(bool(Id)) << toString(Id.takeError());
      ASSERT_FALSE(bool((*W)->commit()));
    }
    auto R = StoreReader::open(Out);
    ASSERT_TRUE(bool(R)) << toString(R.takeError());
    ASSERT_EQ((*R)->size(), 1u);
    EXPECT_EQ((*R)->entry(0).SourcePath, Files[I]);
    auto Back = (*R)->readStructure();
    ASSERT_TRUE(bool(Back)) << Files[I] << ": " << toString(Back.takeError());
    expectSame(*S, *Back, Files[I]);

    SourceInfo Src;
    Src.Path = Files[I];
    auto Id = (*Shard)->addStructure(*S, Src);
    ASSERT_TRUE(bool(Id)) << toString(Id.takeError());
    Read.push_back(Files[I]);
    Originals.push_back(std::move(*S));
  }
  ASSERT_FALSE(bool((*Shard)->commit()));
  auto R = StoreReader::open(ShardPath);
  ASSERT_TRUE(bool(R)) << toString(R.takeError());
  ASSERT_EQ((*R)->size(), Originals.size());
  for (size_t I = 0; I < Originals.size(); ++I) {
    EXPECT_EQ((*R)->entry(I).SourcePath, Read[I]);
    auto Back = (*R)->readStructure(I);
    ASSERT_TRUE(bool(Back)) << toString(Back.takeError());
    expectSame(Originals[I], *Back, ("shard: " + Read[I]));
  }
}

TEST_F(StoreTest, RoundTripInputs) {
  auto Files = structureFiles(QIR_SOURCE_DIR "/test/Inputs");
  ASSERT_GE(Files.size(), 8u);
  roundTrip(Files, path("inputs.qir.h5"), [&](size_t I) {
    return path("s" + std::to_string(I) + ".qir.h5");
  });
}

TEST_F(StoreTest, RoundTripCorpus) {
  SmallString<256> Corpus(QIR_SOURCE_DIR);
  sys::path::append(Corpus, "..", "shared", "corpus");
  if (!sys::fs::is_directory(Corpus))
    GTEST_SKIP() << "no corpus at " << Corpus.str().str();
  auto Files = structureFiles(Corpus);
  roundTrip(Files, path("corpus.qir.h5"), [&](size_t I) {
    return path("c" + std::to_string(I) + ".qir.h5");
  });
}

TEST_F(StoreTest, ShardIdsAreUniqueStems) {
  auto A =
      io::readStructureFile(QIR_SOURCE_DIR "/test/Inputs/1ubq.cif", quiet());
  auto B =
      io::readStructureFile(QIR_SOURCE_DIR "/test/Inputs/1ubq.pdb", quiet());
  auto C =
      io::readStructureFile(QIR_SOURCE_DIR "/test/Inputs/1cbs.cif.gz", quiet());
  ASSERT_TRUE(A && B && C);
  auto W = StoreWriter::create(path("ids.qir.h5"), StoreKind::Shard);
  ASSERT_TRUE(bool(W));
  auto Id = [&](const Structure &S, StringRef P) {
    SourceInfo Src;
    Src.Path = P.str();
    auto R = (*W)->addStructure(S, Src);
    EXPECT_TRUE(bool(R));
    return R ? *R : std::string();
  };
  EXPECT_EQ(Id(*A, "dir/1ubq.cif"), "1ubq");
  EXPECT_EQ(Id(*B, "other/1ubq.pdb"), "1ubq_2");
  EXPECT_EQ(Id(*C, "1cbs.cif.gz"), "1cbs");
  ASSERT_FALSE(bool((*W)->commit()));
  auto R = StoreReader::open(path("ids.qir.h5"));
  ASSERT_TRUE(bool(R));
  EXPECT_EQ((*R)->find("1ubq_2"), std::optional<size_t>(1));
  EXPECT_EQ((*R)->find("1cbs"), std::optional<size_t>(2));
  EXPECT_FALSE((*R)->find("nope"));
}

TEST_F(StoreTest, UncommittedWriterLeavesNothing) {
  std::string P = path("never.qir.h5");
  {
    auto W = StoreWriter::create(P, StoreKind::Structure);
    ASSERT_TRUE(bool(W));
    auto S =
        io::readStructureFile(QIR_SOURCE_DIR "/test/Inputs/1ubq.cif", quiet());
    ASSERT_TRUE(bool(S));
    ASSERT_TRUE(bool((*W)->addStructure(*S, SourceInfo())));
    // Destroyed without commit().
  }
  EXPECT_FALSE(sys::fs::exists(P));
  std::error_code EC;
  unsigned Left = 0;
  for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    ++Left;
  EXPECT_EQ(Left, 0u) << "temporary file left behind";
}

TEST_F(StoreTest, NotAStore) {
  auto R = StoreReader::open(QIR_SOURCE_DIR "/test/Inputs/1ubq.cif");
  ASSERT_FALSE(bool(R));
  EXPECT_NE(toString(R.takeError()).find("not an HDF5 file"),
            std::string::npos);
}

} // namespace
