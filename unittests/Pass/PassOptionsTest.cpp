//===- PassOptionsTest.cpp - Parsing and canonical option text ------------===//
#include "qir/Pass/PassOptions.h"

#include "gtest/gtest.h"

using namespace qir;
using namespace llvm;

namespace {

enum class Algo { ShrakeRupley, LeeRichards };

struct Opts : PassOptionsBase {
  bool Waters = false;
  double Cutoff = 8.0;
  Algo Alg = Algo::ShrakeRupley;
  std::string Name = "x";
  int64_t Count = 3;
  Vec3Option Axis = {0, 0, 1};
  template <typename M> void map(M &O) {
    O.flag("waters", Waters, "flag");
    O.option("cutoff", Cutoff, "number");
    O.choice("algorithm", Alg,
             {{"sr", Algo::ShrakeRupley}, {"lr", Algo::LeeRichards}}, "enum");
    O.option("axis", Axis, "vector");
    O.positional("name", Name, "first positional");
    O.positional("count", Count, "second positional");
  }
  std::optional<Invalid> validate() const {
    if (Cutoff <= 0)
      return Invalid{"cutoff", "must be positive"};
    return std::nullopt;
  }
};

/// Parse \p Text; on error, return "COL: message" (0-based column).
std::string parse(StringRef Text, Opts &O) {
  std::optional<OptionIssue> Issue;
  O = parseOptions<Opts>(splitParams(Text), Issue);
  if (!Issue)
    return "";
  return std::to_string(Issue->Loc - Text.data()) + ": " + Issue->Message;
}

} // namespace

TEST(PassOptions, DefaultsCanonicalSortedAndComplete) {
  Opts O;
  EXPECT_EQ(canonicalOptions(O), "algorithm=sr;axis=0,0,1;count=3;cutoff=8;"
                                 "name=x;waters=false");
}

TEST(PassOptions, NamedFlagAndPositionalForms) {
  Opts O;
  ASSERT_EQ(parse("waters;cutoff=4.5;algorithm=lr;foo;7", O), "");
  EXPECT_TRUE(O.Waters);
  EXPECT_EQ(O.Cutoff, 4.5);
  EXPECT_EQ(O.Alg, Algo::LeeRichards);
  EXPECT_EQ(O.Name, "foo");
  EXPECT_EQ(O.Count, 7);
  // The canonical text parses back to the same options.
  std::string C = canonicalOptions(O);
  Opts Back;
  ASSERT_EQ(parse(C, Back), "");
  EXPECT_EQ(canonicalOptions(Back), C);
  // Positionals can be named too.
  ASSERT_EQ(parse("count=9;name=bar", O), "");
  EXPECT_EQ(O.Count, 9);
  EXPECT_EQ(O.Name, "bar");
}

TEST(PassOptions, DoublesAreShortestRoundTrip) {
  Opts O;
  ASSERT_EQ(parse("cutoff=0.1", O), "");
  EXPECT_NE(canonicalOptions(O).find("cutoff=0.1;"), std::string::npos);
  ASSERT_EQ(parse("cutoff=8.000", O), "");
  EXPECT_NE(canonicalOptions(O).find("cutoff=8;"), std::string::npos);
  ASSERT_EQ(parse("cutoff=1e-7", O), "");
  EXPECT_NE(canonicalOptions(O).find("cutoff=1e-07;"), std::string::npos);
  ASSERT_EQ(parse("axis=-0,0.5,+2", O), "");
  EXPECT_NE(canonicalOptions(O).find("axis=0,0.5,2;"), std::string::npos);
}

TEST(PassOptions, MistakesPointAtTheirText) {
  Opts O;
  EXPECT_EQ(parse("cutoff=abc", O),
            "7: invalid value 'abc' for option 'cutoff': expected a number");
  EXPECT_EQ(parse("waters;algorithm=xx", O),
            "17: invalid value 'xx' for 'algorithm' (expected one of: sr, lr)");
  EXPECT_EQ(parse("bogus=1", O).substr(0, 26), "0: unknown option 'bogus' ");
  EXPECT_EQ(parse("a;5;c", O).substr(0, 30), "4: unexpected parameter 'c' (o");
  EXPECT_EQ(parse("cutoff=1;cutoff=2", O), "9: option 'cutoff' given twice");
  EXPECT_EQ(parse("cutoff=-1", O), "7: must be positive");
  EXPECT_EQ(parse("axis=1,2", O).substr(0, 30),
            "5: invalid value '1,2' for opt");
  EXPECT_EQ(parse("waters;;cutoff=1", O), "7: empty parameter");
  EXPECT_EQ(parse("cutoff", O), "0: option 'cutoff' needs a value: cutoff=...");
  EXPECT_EQ(parse("waters=maybe", O),
            "7: invalid value 'maybe' for option 'waters': expected true or "
            "false");
}

TEST(PassOptions, SplitRespectsNestedBrackets) {
  auto P = splitParams("sasa<algorithm=sr;probe=1.4>;depth=residue");
  ASSERT_EQ(P.size(), 2u);
  EXPECT_EQ(P[0].Text, "sasa<algorithm=sr;probe=1.4>");
  EXPECT_FALSE(P[0].HasValue);
  EXPECT_EQ(P[1].Name, "depth");
  EXPECT_EQ(P[1].Value, "residue");
}

TEST(PassOptions, SyntaxLine) {
  EXPECT_EQ(optionSyntax(describeOptions<Opts>()),
            "<waters;cutoff=number;algorithm=sr|lr;axis=x,y,z;[name=]string;"
            "[count=]int>");
  EXPECT_EQ(optionSyntax(describeOptions<NoOptions>()), "");
}
