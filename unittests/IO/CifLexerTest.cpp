//===- CifLexerTest.cpp ---------------------------------------------------===//
#include "qir/IO/CifLexer.h"

#include "gtest/gtest.h"

#include <vector>

using namespace qir::io;
using K = CifLexer::Kind;

static std::vector<CifLexer::Token> lexAll(llvm::StringRef Text) {
  CifLexer L(Text);
  std::vector<CifLexer::Token> Out;
  for (;;) {
    CifLexer::Token T = L.next();
    Out.push_back(T);
    if (T.K == K::Eof || T.K == K::Error)
      return Out;
  }
}

TEST(CifLexer, BlocksLoopsTagsValues) {
  auto T = lexAll("data_1ABC\n# comment\nloop_\n_a.x\n_a.y\n1 'two words'\n");
  ASSERT_EQ(T.size(), 7u);
  EXPECT_EQ(T[0].K, K::DataBlock);
  EXPECT_EQ(T[0].Text, "1ABC");
  EXPECT_EQ(T[1].K, K::Loop);
  EXPECT_EQ(T[2].K, K::Tag);
  EXPECT_EQ(T[2].Text, "_a.x");
  EXPECT_EQ(T[4].K, K::Value);
  EXPECT_EQ(T[4].Text, "1");
  EXPECT_FALSE(T[4].Quoted);
  EXPECT_EQ(T[5].Text, "two words");
  EXPECT_TRUE(T[5].Quoted);
  EXPECT_EQ(T[6].K, K::Eof);
}

TEST(CifLexer, ReservedWordsAreCaseInsensitive) {
  auto T = lexAll("DATA_x LOOP_ Save_f stop_ GLOBAL_");
  EXPECT_EQ(T[0].K, K::DataBlock);
  EXPECT_EQ(T[1].K, K::Loop);
  EXPECT_EQ(T[2].K, K::SaveFrame);
  EXPECT_EQ(T[3].K, K::Stop);
  EXPECT_EQ(T[4].K, K::Global);
}

TEST(CifLexer, NullsOnlyWhenBare) {
  auto T = lexAll("? . '?' \".\"");
  EXPECT_TRUE(T[0].isNull());
  EXPECT_TRUE(T[1].isNull());
  EXPECT_FALSE(T[2].isNull());
  EXPECT_FALSE(T[3].isNull());
}

TEST(CifLexer, QuoteClosesOnlyBeforeWhitespace) {
  // CIF 1.1: "O5'" style names inside quotes of the other kind, and an
  // embedded quote that is not followed by a blank.
  auto T = lexAll("\"O5'\" 'it's' O3'");
  EXPECT_EQ(T[0].Text, "O5'");
  EXPECT_EQ(T[1].Text, "it's");
  EXPECT_EQ(T[2].Text, "O3'");
  EXPECT_FALSE(T[2].Quoted);
}

TEST(CifLexer, TextFields) {
  auto T = lexAll("_x.y\n;line one\nline two\n;\n_z.w 1\n");
  ASSERT_GE(T.size(), 3u);
  EXPECT_EQ(T[1].K, K::Value);
  EXPECT_TRUE(T[1].Quoted);
  EXPECT_EQ(T[1].Text, "line one\nline two");
  EXPECT_EQ(T[2].Text, "_z.w");
}

TEST(CifLexer, SemicolonInsideALineIsData) {
  auto T = lexAll("a;b ;c");
  EXPECT_EQ(T[0].Text, "a;b");
  EXPECT_EQ(T[1].Text, ";c");
}

TEST(CifLexer, UnterminatedQuoteIsAnErrorAtTheQuote) {
  llvm::StringRef Text = "_a.b 'open value\n";
  auto T = lexAll(Text);
  ASSERT_EQ(T.back().K, K::Error);
  EXPECT_EQ(T.back().Pos, Text.data() + 5);
}

TEST(CifLexer, UnterminatedTextFieldIsAnErrorAtItsStart) {
  llvm::StringRef Text = "_a.b\n;never closed\nmore\n";
  auto T = lexAll(Text);
  ASSERT_EQ(T.back().K, K::Error);
  EXPECT_EQ(T.back().Pos, Text.data() + 5);
}

TEST(CifLexer, CrLfLineEnds) {
  auto T = lexAll("data_x\r\n_a.b\r\n;t\r\n;\r\n");
  EXPECT_EQ(T[0].Text, "x");
  EXPECT_EQ(T[2].Text, "t");
}
