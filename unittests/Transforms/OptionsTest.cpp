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
            "extract<atoms=N,CA;chain=A;residues=-5--1>");
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
  E = parse("rotate<angle=90;axis=0,0,0>");
  EXPECT_TRUE(mentions(E, "non-zero")) << E;
  E = parse("rotate<axis=1,2>");
  EXPECT_TRUE(mentions(E, "x,y,z")) << E;
}
