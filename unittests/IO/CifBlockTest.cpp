//===- CifBlockTest.cpp ---------------------------------------------------===//
#include "qir/IO/CifBlock.h"
#include "qir/IO/InputFile.h"
#include "qir/IO/OutputFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

using namespace qir::io;
using namespace llvm;

/// The error's message ("" for success), consuming it.
static std::string message(Error E) { return E ? toString(std::move(E)) : ""; }
template <typename T> static bool fails(Expected<T> V) {
  if (V)
    return false;
  consumeError(V.takeError());
  return true;
}

static const char *Block = "data_1ABC\n"
                           "#\n"
                           "_entry.id 1ABC\n"
                           "_cell.length_a 10.0\n"
                           "_cell.length_b 'two words'\n"
                           "#\n"
                           "loop_\n"
                           "_atom.id\n"
                           "_atom.name\n"
                           "1 N\n"
                           "2 ?\n"
                           "#\n"
                           "_ENTRY.title\n"
                           ";a text\nfield\n;\n"
                           "data_second\n"
                           "_other.x 1\n";

TEST(CifBlock, CategoriesInFileOrderWithTheirSpans) {
  StringRef Text = Block;
  Expected<CifBlock> B = parseCifBlock(Text, "t.cif");
  ASSERT_TRUE(bool(B)) << toString(B.takeError());
  EXPECT_EQ(B->Name, "1ABC");
  // Only the first block; the second starts where it ends.
  EXPECT_EQ(StringRef(B->End), StringRef("data_second\n_other.x 1\n"));
  ASSERT_EQ(B->Categories.size(), 3u);
  EXPECT_EQ(B->Categories[0].Name, "entry");
  EXPECT_EQ(B->Categories[1].Name, "cell");
  EXPECT_EQ(B->Categories[2].Name, "atom");

  // entry: two runs of items, case-insensitive names, two spans.
  const CifCategory *E = B->find("ENTRY");
  ASSERT_NE(E, nullptr);
  EXPECT_FALSE(E->IsLoop);
  ASSERT_EQ(E->rows(), 1u);
  EXPECT_EQ(E->str(0, "id"), "1ABC");
  EXPECT_EQ(E->str(0, "Title"), "a text\nfield");
  ASSERT_EQ(E->Spans.size(), 2u);
  EXPECT_EQ(
      StringRef(E->Spans[0].first, E->Spans[0].second - E->Spans[0].first),
      "_entry.id 1ABC");
  EXPECT_EQ(
      StringRef(E->Spans[1].first, E->Spans[1].second - E->Spans[1].first),
      "_ENTRY.title\n;a text\nfield\n;");

  const CifCategory *C = B->find("cell");
  EXPECT_EQ(C->str(0, "length_b"), "two words");
  EXPECT_EQ(cifTokenSource(C->Values[1]), "'two words'");
  EXPECT_EQ(
      StringRef(C->Spans[0].first, C->Spans[0].second - C->Spans[0].first),
      "_cell.length_a 10.0\n_cell.length_b 'two words'");

  // A loop: rows, nulls read as empty, the span from loop_ to its last
  // value.
  const CifCategory *A = B->find("atom");
  EXPECT_TRUE(A->IsLoop);
  ASSERT_EQ(A->rows(), 2u);
  EXPECT_EQ(A->str(1, "id"), "2");
  EXPECT_EQ(A->str(1, "name"), "");
  EXPECT_EQ(A->str(0, "missing"), "");
  EXPECT_EQ(A->column("NAME"), 1);
  EXPECT_EQ(
      StringRef(A->Spans[0].first, A->Spans[0].second - A->Spans[0].first),
      "loop_\n_atom.id\n_atom.name\n1 N\n2 ?");
}

TEST(CifBlock, Errors) {
  EXPECT_TRUE(fails(parseCifBlock("_a.x 1\n", "t.cif")));
  EXPECT_TRUE(fails(parseCifBlock("data_x\nloop_\n_a.x\n_a.y\n1\n", "t.cif")));
  EXPECT_TRUE(
      fails(parseCifBlock("data_x\nloop_\n_a.x\n_b.y\n1 2\n", "t.cif")));
  EXPECT_TRUE(
      fails(parseCifBlock("data_x\n_a.x 1\nloop_\n_a.y\n1\n", "t.cif")));
}

TEST(CifBlock, ValuesQuotedAsCifNeeds) {
  EXPECT_EQ(cifValue(""), "?");
  EXPECT_EQ(cifValue("ALA"), "ALA");
  EXPECT_EQ(cifValue("-0.5"), "-0.5");
  EXPECT_EQ(cifValue("O(I)-->H-N(J)"), "O(I)-->H-N(J)");
  EXPECT_EQ(cifValue("model annotation"), "'model annotation'");
  EXPECT_EQ(cifValue("?"), "'?'");
  EXPECT_EQ(cifValue("."), "'.'");
  EXPECT_EQ(cifValue("_tag"), "'_tag'");
  EXPECT_EQ(cifValue("#x"), "'#x'");
  EXPECT_EQ(cifValue("data_x"), "'data_x'");
  EXPECT_EQ(cifValue("loop_"), "'loop_'");
  EXPECT_EQ(cifValue("O5'"), "O5'");
  // A quote closes a quoted value only before a blank.
  EXPECT_EQ(cifValue("it's here"), "'it's here'");
  EXPECT_EQ(cifValue("it' s"), "\"it' s\"");
  EXPECT_EQ(cifValue("a' \"b\" c"), ";a' \"b\" c\n;");
  EXPECT_EQ(cifValue("two\nlines"), ";two\nlines\n;");
  // What cifValue writes reads back as the same value.
  for (StringRef V : {"model annotation", "it's here", "it' s", "a' \"b\" c",
                      "O5'", "two\nlines", "?", "_tag"}) {
    std::string W = cifValue(V);
    // A text field starts a line.
    std::string Text =
        "data_x\n_a.v" + std::string(W[0] == ';' ? "\n" : " ") + W + "\n";
    Expected<CifBlock> B = parseCifBlock(Text, "t.cif");
    ASSERT_TRUE(bool(B)) << V.str() << toString(B.takeError());
    EXPECT_EQ(B->Categories[0].Values[0].Text, V);
  }
}

TEST(OutputFile, WholeOrNothingAndGzip) {
  SmallString<128> Dir;
  ASSERT_FALSE(sys::fs::createUniqueDirectory("qir-outputfile", Dir));
  std::string Plain = (Dir + "/a.txt").str();
  std::string Gz = (Dir + "/a.txt.gz").str();
  auto Hello = [](raw_ostream &OS) -> Error {
    OS << "hello\n";
    return Error::success();
  };
  ASSERT_EQ(message(writeOutputFile(Plain, Hello)), "");
  ASSERT_EQ(message(writeOutputFile(Gz, Hello)), "");
  auto P = loadInputFile(Plain);
  ASSERT_TRUE(bool(P)) << toString(P.takeError());
  EXPECT_EQ((*P)->getBuffer(), "hello\n");
  auto Raw = MemoryBuffer::getFile(Gz);
  ASSERT_TRUE(bool(Raw));
  EXPECT_TRUE(isGzip((*Raw)->getBuffer()));
  auto Z = loadInputFile(Gz);
  ASSERT_TRUE(bool(Z)) << toString(Z.takeError());
  EXPECT_EQ((*Z)->getBuffer(), "hello\n");
  // A writer's error leaves no file.
  std::string Bad = (Dir + "/b.txt").str();
  EXPECT_EQ(message(writeOutputFile(Bad,
                                    [](raw_ostream &OS) -> Error {
                                      OS << "partial";
                                      return createStringError(
                                          inconvertibleErrorCode(), "no");
                                    })),
            "no");
  EXPECT_FALSE(sys::fs::exists(Bad));
  sys::fs::remove_directories(Dir);
}
