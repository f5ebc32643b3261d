//===- DiagnosticTest.cpp -------------------------------------------------===//
#include "qir/Support/Diagnostic.h"

#include "gtest/gtest.h"

using namespace qir;

TEST(Diagnostic, LocatesLineAndColumn) {
  llvm::StringRef Text = "line one\nline two\n  third line\n";
  const char *Pos = Text.data() + Text.find("third");
  Diagnostic D = locate("f.cif", Text, Pos, "bad thing");
  EXPECT_EQ(D.Line, 3u);
  EXPECT_EQ(D.Column, 3u);
  EXPECT_EQ(D.LineText, "  third line");
}

TEST(Diagnostic, EndOfFileIsOnTheLastLine) {
  llvm::StringRef Text = "a\nbc";
  Diagnostic D = locate("f", Text, Text.end(), "eof");
  EXPECT_EQ(D.Line, 2u);
  EXPECT_EQ(D.Column, 3u);
}

TEST(Diagnostic, RendersLikeSourceMgr) {
  llvm::StringRef Text = "x\nATOM 12 ab\n";
  Diagnostic D =
      locate("in.pdb", Text, Text.data() + Text.find("ab"), "not a number");
  std::string S;
  llvm::raw_string_ostream OS(S);
  D.print(OS);
  EXPECT_EQ(OS.str(), "in.pdb:2:9: error: not a number\n"
                      "ATOM 12 ab\n"
                      "        ^\n");
}

TEST(Diagnostic, BinaryBytesAreEchoedPrintably) {
  llvm::StringRef Text("\x01\x02ok", 4);
  Diagnostic D = locate("b", Text, Text.data(), "binary");
  EXPECT_EQ(D.LineText, "??ok");
}

TEST(Diagnostic, ParseErrorCarriesTheDiagnostic) {
  llvm::StringRef Text = "abc";
  llvm::Error E = makeParseError("f", Text, Text.data() + 1, "oops");
  std::string Msg;
  llvm::handleAllErrors(std::move(E), [&](const ParseError &PE) {
    Msg = PE.diagnostic().File + ":" + std::to_string(PE.diagnostic().Line) +
          ":" + std::to_string(PE.diagnostic().Column);
  });
  EXPECT_EQ(Msg, "f:1:2");
}
