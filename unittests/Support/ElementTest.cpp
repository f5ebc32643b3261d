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

// gemmi's is_metal (elem.hpp): the metalloids Ge and Sb are metals, At and
// Rn are not; the other non-metals and unknown (0) are not.
TEST(Element, Metals) {
  for (const char *M : {"Li", "Na", "Mg", "Al", "K", "Ca", "Fe", "Zn", "Ga",
                        "Ge", "Sn", "Sb", "Cs", "Hg", "Pb", "Bi", "Po", "U"})
    EXPECT_TRUE(isMetal(atomicNumber(M))) << M;
  for (const char *N :
       {"H", "D",  "He", "B",  "C",  "N",  "O", "F",  "Si", "P",
        "S", "Cl", "As", "Se", "Br", "Te", "I", "Xe", "At", "Rn"})
    EXPECT_FALSE(isMetal(atomicNumber(N))) << N;
  EXPECT_FALSE(isMetal(0));
  EXPECT_FALSE(isMetal(200));
}
