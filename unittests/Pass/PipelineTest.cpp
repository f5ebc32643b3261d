//===- PipelineTest.cpp - Pipeline text to passes -------------------------===//
#include "qir/IO/Reader.h"
#include "qir/Passes/PassBuilder.h"
#include "qir/Support/Diagnostic.h"

#include "gtest/gtest.h"

using namespace qir;
using namespace llvm;

namespace {
/// The canonical pipeline, or "error: COL: message".
std::string build(StringRef Text) {
  PassBuilder PB;
  PassManager PM;
  std::string Out;
  raw_string_ostream OS(Out);
  if (Error E = PB.parsePassPipeline(PM, Text, OS)) {
    std::string Msg;
    handleAllErrors(std::move(E), [&](const ParseError &PE) {
      Msg = "error: " + std::to_string(PE.diagnostic().Column) + ": " +
            PE.diagnostic().Message;
    });
    return Msg;
  }
  return PM.spec();
}
} // namespace

TEST(Pipeline, CanonicalSpecs) {
  EXPECT_EQ(build("translate<1;2;3>,require<counts>,print<counts>,"
                  "invalidate<counts>"),
            "translate<dx=1;dy=2;dz=3>,require<counts>,print<counts>,"
            "invalidate<counts>");
  EXPECT_EQ(build(" translate<dz=0.5> , print<counts> "),
            "translate<dx=0;dy=0;dz=0.5>,print<counts>");
}

TEST(Pipeline, ErrorsNameTheColumn) {
  EXPECT_EQ(build("nosuch"), "error: 1: unknown pass 'nosuch' (-print-passes "
                             "lists them)");
  EXPECT_EQ(build("translate<1>,prnt<counts>"),
            "error: 14: unknown pass 'prnt'; did you mean 'print'? "
            "(-print-passes lists them)");
  EXPECT_EQ(build("print<counts"), "error: 6: unbalanced '<': no matching '>'");
  EXPECT_EQ(build("print<counts>>"),
            "error: 14: unbalanced '>': no '<' to close");
  EXPECT_EQ(build("translate<1>,,print<counts>"), "error: 14: empty pass name");
  EXPECT_EQ(build("counts"), "error: 1: 'counts' is an analysis: use "
                             "require<counts> or print<counts>");
  EXPECT_EQ(build("print<translate>"),
            "error: 7: unknown analysis 'translate' ('translate' is a "
            "transform)");
  EXPECT_EQ(build("translate<x=1>").substr(0, 35),
            "error: 11: unknown option 'x' (opti");
  EXPECT_EQ(build("translate<1;2;zz>"),
            "error: 15: invalid value 'zz' for option 'dz': expected a "
            "number");
  EXPECT_EQ(build("require<counts<x=1>>"),
            "error: 16: unexpected parameter 'x=1': this takes none");
  EXPECT_EQ(build("invalidate<counts;x>"),
            "error: 19: 'invalidate' takes one analysis; unexpected 'x'");
  EXPECT_EQ(build("print"), "error: 6: 'print' needs an analysis: "
                            "print<ANALYSIS>");
  EXPECT_EQ(build("translate<1>x"),
            "error: 13: unexpected text after the parameters of 'translate'");
  EXPECT_EQ(build(""), "error: 1: empty pipeline");
}
