//===- OptionsTest.cpp - Pipeline text of the transforms ------------------===//
#include "qir/Passes/PassBuilder.h"

#include "gtest/gtest.h"

using namespace qir;

namespace {
/// The canonical spec of \p Pipeline, or "error: MESSAGE".
std::string parse(llvm::StringRef Pipeline) {
  PassBuilder PB;
  PassManager PM;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  if (llvm::Error E = PB.parsePassPipeline(PM, Pipeline, OS))
    return "error: " + llvm::toString(std::move(E));
  return PM.spec();
}
bool mentions(const std::string &S, llvm::StringRef What) {
  return llvm::StringRef(S).contains(What);
}
} // namespace

TEST(TransformOptions, CanonicalSpecs) {
  EXPECT_EQ(parse("strip<hydrogens;waters>"),
            "strip<hydrogens=true;ions=false;ligands=false;waters=true>");
  EXPECT_EQ(parse("select-model<3>"), "select-model<model=3>");
  EXPECT_EQ(parse("select-altloc"), "select-altloc<policy=first>");
  EXPECT_EQ(parse("select-altloc<B>"), "select-altloc<policy=B>");
  EXPECT_EQ(parse("select-altloc<highest-occupancy>"),
            "select-altloc<policy=highest-occupancy>");
  EXPECT_EQ(parse("extract<chain=A;residues=-5--1;atoms=N,CA>"),
            "extract<atoms=N,CA;chain=A;residues=-5--1;select=>");
  // Selector values keep spaces, parentheses, quotes and primes.
  EXPECT_EQ(parse("extract<select=name \"C1'\" O5' and (chain A or chain "
                  "'B')>"),
            "extract<atoms=;chain=;residues=;select=name \"C1'\" O5' and "
            "(chain A or chain 'B')>");
  EXPECT_EQ(parse("extract<chain=A;select=within 5 of resname HEM>,"
                  "extract<select=not water>"),
            "extract<atoms=;chain=A;residues=;select=within 5 of resname "
            "HEM>,extract<atoms=;chain=;residues=;select=not water>");
  EXPECT_EQ(parse("renumber"), "renumber<start=1>");
  EXPECT_EQ(parse("renumber<start=-3>"), "renumber<start=-3>");
  EXPECT_EQ(parse("rotate<90>"), "rotate<angle=90;axis=0,0,1;center=0,0,0>");
  EXPECT_EQ(parse("rotate<angle=45;axis=1,0,0;center=1,2,3>"),
            "rotate<angle=45;axis=1,0,0;center=1,2,3>");
}

TEST(TransformOptions, Errors) {
  std::string E = parse("strip");
  EXPECT_TRUE(mentions(E, "at least one")) << E;
  E = parse("strip<salt>");
  EXPECT_TRUE(mentions(E, "error:")) << E;
  E = parse("select-altloc<AB>");
  EXPECT_TRUE(mentions(E, "'policy'")) << E;
  E = parse("select-altloc<policy=highest>");
  EXPECT_TRUE(mentions(E, "'policy'")) << E;
  E = parse("select-model<two>");
  EXPECT_TRUE(mentions(E, "model")) << E;
  E = parse("extract");
  EXPECT_TRUE(mentions(E, "at least one")) << E;
  E = parse("extract<residues=50-10>");
  EXPECT_TRUE(mentions(E, "'residues'")) << E;
  E = parse("extract<atoms=N,,CA>");
  EXPECT_TRUE(mentions(E, "atom name list")) << E;
  // A selector error points at the value and names the selector column.
  E = parse("extract<chain=A;select=name CA and chian A>");
  EXPECT_EQ(E, "error: <pipeline>:1:24: error: invalid selector (column 13): "
               "unknown keyword 'chian'; did you mean 'chain'?\n"
               "extract<chain=A;select=name CA and chian A>\n"
               "                       ^\n")
      << E;
  E = parse("extract<select=resid 80 to 50>");
  EXPECT_TRUE(mentions(E, "1:16: error: invalid selector (column 7): empty "
                          "range '80 to 50'"))
      << E;
  E = parse("extract<select=(chain A>");
  EXPECT_TRUE(mentions(E, "(column 1): unbalanced '('")) << E;
  E = parse("rotate<angle=90;axis=0,0,0>");
  EXPECT_TRUE(mentions(E, "non-zero")) << E;
  E = parse("rotate<axis=1,2>");
  EXPECT_TRUE(mentions(E, "x,y,z")) << E;
}
