//===- ElementTest.cpp ----------------------------------------------------===//
#include "qir/Support/Element.h"

#include "gtest/gtest.h"

using namespace qir;

TEST(Element, SymbolsAreCaseInsensitive) {
  EXPECT_EQ(atomicNumber("C"), 6);
  EXPECT_EQ(atomicNumber("SE"), 34);
  EXPECT_EQ(atomicNumber("Se"), 34);
  EXPECT_EQ(atomicNumber("se"), 34);
  EXPECT_EQ(atomicNumber(" Fe "), 26);
}

TEST(Element, IsotopesOfHydrogen) {
  EXPECT_EQ(atomicNumber("D"), 1);
  EXPECT_EQ(atomicNumber("T"), 1);
  EXPECT_TRUE(isHydrogen(atomicNumber("D")));
}

TEST(Element, UnknownSymbols) {
  EXPECT_EQ(atomicNumber(""), 0);
  EXPECT_EQ(atomicNumber("Xx"), 0);
  EXPECT_EQ(atomicNumber("ABC"), 0);
  EXPECT_EQ(elementSymbol(0), "X");
}

TEST(Element, TableIsIndexedByAtomicNumber) {
  // Every element of the periodic part maps back to itself.
  for (unsigned Z = 1; Z <= 103; ++Z)
    EXPECT_EQ(atomicNumber(elementSymbol(Z)), Z) << elementSymbol(Z).str();
  EXPECT_EQ(elementSymbol(8), "O");
  EXPECT_EQ(elementSymbol(79), "Au");
}

TEST(Element, CovalentRadii) {
  // Cordero et al. 2008, Table 2.
  EXPECT_FLOAT_EQ(covalentRadius(6), 0.76f);
  EXPECT_FLOAT_EQ(covalentRadius(16), 1.05f);
  EXPECT_FLOAT_EQ(covalentRadius(1), 0.31f);
}
