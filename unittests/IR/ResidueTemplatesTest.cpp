//===- ResidueTemplatesTest.cpp - Residue template table tests ------------===//
//
// Checks the built-in residue table (ResidueTemplates.def) for internal
// consistency and against chemistry that can be stated independently of
// the table: heavy-atom counts from the molecular formulas, kinds, one-letter
// codes, chi definitions. Comparison with real CCD entries and with corpus
// geometry is done by utils/check_templates.py.
//
//===----------------------------------------------------------------------===//
#include "qir/IR/ResidueTemplates.h"
#include "qir/Support/Element.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

using namespace qir;
using llvm::StringRef;

namespace {

const ResidueTemplate &get(StringRef Name) {
  const ResidueTemplate *T = lookupResidueTemplate(Name);
  if (!T) {
    ADD_FAILURE() << "no template for " << Name.str();
    static const ResidueTemplate Empty{"", 'X', ResidueKind::Unknown, "", {},
                                       {}, {}};
    return Empty;
  }
  return *T;
}

bool hasBond(const ResidueTemplate &T, StringRef A, StringRef B) {
  for (const TemplateBond &Bd : T.Bonds)
    if ((A == Bd.A && B == Bd.B) || (A == Bd.B && B == Bd.A))
      return true;
  return false;
}

BondOrder bondOrder(const ResidueTemplate &T, StringRef A, StringRef B) {
  for (const TemplateBond &Bd : T.Bonds)
    if ((A == Bd.A && B == Bd.B) || (A == Bd.B && B == Bd.A))
      return Bd.Order;
  return BondOrder::Unknown;
}

unsigned countElement(const ResidueTemplate &T, StringRef El) {
  unsigned N = 0;
  for (const TemplateAtom &A : T.Atoms)
    N += El == A.Element;
  return N;
}

TEST(ResidueTemplatesTest, Lookup) {
  const ResidueTemplate *Ala = lookupResidueTemplate("ALA");
  ASSERT_NE(Ala, nullptr);
  EXPECT_STREQ(Ala->Name, "ALA");
  EXPECT_EQ(lookupResidueTemplate("XYZ"), nullptr);
  EXPECT_EQ(lookupResidueTemplate(""), nullptr);
  // Lookup is by exact CCD code.
  EXPECT_EQ(lookupResidueTemplate("ala"), nullptr);
  EXPECT_EQ(lookupResidueTemplate("ALA "), nullptr);
  EXPECT_EQ(lookupResidueTemplate("ALAX"), nullptr);
  // A lookup returns the row of the table.
  bool Found = false;
  for (const ResidueTemplate &T : allResidueTemplates())
    Found |= &T == Ala;
  EXPECT_TRUE(Found);
  EXPECT_EQ(Ala->findAtom("N"), 0);
  EXPECT_GE(Ala->findAtom("CB"), 0);
  EXPECT_EQ(Ala->findAtom("CG"), -1);
  EXPECT_EQ(Ala->findAtom("HA"), -1);
}

TEST(ResidueTemplatesTest, Coverage) {
  const char *Names[] = {
      "GLY", "ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU", "HIS", "ILE",
      "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL",
      "MSE", "SEC", "PYL", "UNK", "A",   "C",   "G",   "U",   "N",   "DA",
      "DC",  "DG",  "DT",  "DN",  "HOH", "DOD", "NA",  "K",   "MG",  "CA",
      "ZN",  "MN",  "FE",  "FE2", "CU",  "CU1", "CO",  "NI",  "CD",  "CL",
      "BR",  "IOD", "CS",  "SR",  "BA",  "HG",  "PT",  "AU",  "AG",  "PB",
      "LI",  "RB",  "F",   "YB",  "SM",  "GD",  "EU",  "TB"};
  for (const char *Name : Names)
    EXPECT_NE(lookupResidueTemplate(Name), nullptr) << Name;
  EXPECT_GE(allResidueTemplates().size(), std::size(Names));
}

TEST(ResidueTemplatesTest, NamesAreUnique) {
  llvm::StringSet<> Seen;
  for (const ResidueTemplate &T : allResidueTemplates()) {
    EXPECT_TRUE(Seen.insert(T.Name).second) << "duplicate " << T.Name;
    EXPECT_EQ(lookupResidueTemplate(T.Name), &T) << T.Name;
  }
}

TEST(ResidueTemplatesTest, AtomsAreWellFormed) {
  for (const ResidueTemplate &T : allResidueTemplates()) {
    SCOPED_TRACE(T.Name);
    EXPECT_FALSE(T.Atoms.empty());
    llvm::StringSet<> Names;
    for (size_t I = 0; I < T.Atoms.size(); ++I) {
      const TemplateAtom &A = T.Atoms[I];
      ASSERT_NE(A.Name, nullptr);
      ASSERT_NE(A.Element, nullptr);
      EXPECT_FALSE(StringRef(A.Name).empty());
      EXPECT_LE(StringRef(A.Name).size(), 4u) << A.Name;
      EXPECT_TRUE(Names.insert(A.Name).second) << "duplicate atom " << A.Name;
      EXPECT_EQ(T.findAtom(A.Name), static_cast<int>(I));
      // A real element, spelled canonically, and never hydrogen.
      uint8_t Z = atomicNumber(A.Element);
      EXPECT_NE(Z, 0) << A.Name << " " << A.Element;
      EXPECT_FALSE(isHydrogen(Z)) << A.Name;
      EXPECT_EQ(elementSymbol(Z), A.Element) << A.Name;
    }
  }
}

TEST(ResidueTemplatesTest, BondsNameOwnAtoms) {
  for (const ResidueTemplate &T : allResidueTemplates()) {
    SCOPED_TRACE(T.Name);
    llvm::DenseSet<std::pair<int, int>> Seen;
    for (const TemplateBond &B : T.Bonds) {
      int IA = T.findAtom(B.A), IB = T.findAtom(B.B);
      EXPECT_GE(IA, 0) << B.A << "-" << B.B;
      EXPECT_GE(IB, 0) << B.A << "-" << B.B;
      EXPECT_NE(IA, IB) << B.A << "-" << B.B;
      // The CCD gives single or double bonds; aromaticity is a flag there.
      EXPECT_TRUE(B.Order == BondOrder::Single || B.Order == BondOrder::Double)
          << B.A << "-" << B.B;
      std::pair<int, int> Key(std::min(IA, IB), std::max(IA, IB));
      EXPECT_TRUE(Seen.insert(Key).second)
          << "duplicate bond " << B.A << "-" << B.B;
    }
  }
}

TEST(ResidueTemplatesTest, ChisNameBondedAtoms) {
  for (const ResidueTemplate &T : allResidueTemplates()) {
    SCOPED_TRACE(T.Name);
    for (size_t I = 0; I < T.Chis.size(); ++I) {
      const ChiDefinition &C = T.Chis[I];
      EXPECT_EQ(C.Index, I + 1);
      const char *Path[] = {C.A, C.B, C.C, C.D};
      for (const char *Atom : Path)
        EXPECT_GE(T.findAtom(Atom), 0) << "chi" << C.Index << " " << Atom;
      for (int K = 0; K < 3; ++K)
        EXPECT_TRUE(hasBond(T, Path[K], Path[K + 1]))
            << "chi" << C.Index << " " << Path[K] << "-" << Path[K + 1];
    }
  }
}

// Heavy-atom counts from the molecular formulas of the free (zwitterion
// or 5'-monophosphate) components, i.e. with OXT and OP3.
TEST(ResidueTemplatesTest, HeavyAtomCounts) {
  const std::pair<const char *, size_t> Counts[] = {
      {"GLY", 5}, {"ALA", 6},  {"ARG", 12}, {"ASN", 9},  {"ASP", 9},
      {"CYS", 7}, {"GLN", 10}, {"GLU", 10}, {"HIS", 11}, {"ILE", 9},
      {"LEU", 9}, {"LYS", 10}, {"MET", 9},  {"PHE", 12}, {"PRO", 8},
      {"SER", 7}, {"THR", 8},  {"TRP", 15}, {"TYR", 13}, {"VAL", 8},
      {"MSE", 9}, {"SEC", 7},  {"PYL", 18}, {"UNK", 6},  {"A", 23},
      {"C", 21},  {"G", 24},   {"U", 21},   {"N", 13},   {"DA", 22},
      {"DC", 20}, {"DG", 23},  {"DT", 21},  {"DN", 12},  {"HOH", 1},
      {"DOD", 1}};
  for (const auto &[Name, N] : Counts)
    EXPECT_EQ(get(Name).Atoms.size(), N) << Name;
}

// Bond counts: a tree has atoms - 1 bonds, every ring closure adds one.
TEST(ResidueTemplatesTest, RingClosures) {
  const std::pair<const char *, size_t> Rings[] = {
      {"GLY", 0}, {"ALA", 0}, {"ARG", 0}, {"LYS", 0}, {"MET", 0}, {"PRO", 1},
      {"PHE", 1}, {"TYR", 1}, {"HIS", 1}, {"TRP", 2}, {"PYL", 1}, {"A", 3},
      {"G", 3},   {"C", 2},   {"U", 2},   {"DA", 3},  {"DG", 3},  {"DC", 2},
      {"DT", 2},  {"N", 1},   {"DN", 1},  {"HOH", 0}, {"ZN", 0}};
  for (const auto &[Name, R] : Rings) {
    const ResidueTemplate &T = get(Name);
    EXPECT_EQ(T.Bonds.size() + 1, T.Atoms.size() + R) << Name;
  }
}

TEST(ResidueTemplatesTest, Elements) {
  // Formula heavy atoms: C, N, O, S, Se, P.
  struct Formula {
    const char *Name;
    unsigned C, N, O, S, Se, P;
  } Formulas[] = {
      {"TRP", 11, 2, 2, 0, 0, 0}, {"ARG", 6, 4, 2, 0, 0, 0},
      {"HIS", 6, 3, 2, 0, 0, 0},  {"MET", 5, 1, 2, 1, 0, 0},
      {"CYS", 3, 1, 2, 1, 0, 0},  {"MSE", 5, 1, 2, 0, 1, 0},
      {"SEC", 3, 1, 2, 0, 1, 0},  {"PYL", 12, 3, 3, 0, 0, 0},
      {"A", 10, 5, 7, 0, 0, 1},   {"G", 10, 5, 8, 0, 0, 1},
      {"C", 9, 3, 8, 0, 0, 1},    {"U", 9, 2, 9, 0, 0, 1},
      {"DA", 10, 5, 6, 0, 0, 1},  {"DG", 10, 5, 7, 0, 0, 1},
      {"DC", 9, 3, 7, 0, 0, 1},   {"DT", 10, 2, 8, 0, 0, 1},
  };
  for (const Formula &F : Formulas) {
    SCOPED_TRACE(F.Name);
    const ResidueTemplate &T = get(F.Name);
    EXPECT_EQ(countElement(T, "C"), F.C);
    EXPECT_EQ(countElement(T, "N"), F.N);
    EXPECT_EQ(countElement(T, "O"), F.O);
    EXPECT_EQ(countElement(T, "S"), F.S);
    EXPECT_EQ(countElement(T, "Se"), F.Se);
    EXPECT_EQ(countElement(T, "P"), F.P);
  }
}

TEST(ResidueTemplatesTest, Kinds) {
  for (const char *Name : {"GLY", "ALA", "TRP", "MSE", "SEC", "PYL", "UNK"})
    EXPECT_EQ(get(Name).Kind, ResidueKind::AminoAcid) << Name;
  for (const char *Name : {"A", "C", "G", "U", "N"})
    EXPECT_EQ(get(Name).Kind, ResidueKind::RNA) << Name;
  for (const char *Name : {"DA", "DC", "DG", "DT", "DN"})
    EXPECT_EQ(get(Name).Kind, ResidueKind::DNA) << Name;
  EXPECT_EQ(get("HOH").Kind, ResidueKind::Water);
  EXPECT_EQ(get("DOD").Kind, ResidueKind::Water);
  EXPECT_EQ(residueKindOf("CA"), ResidueKind::Ion);
  EXPECT_EQ(residueKindOf("HOH"), ResidueKind::Water);
  EXPECT_EQ(residueKindOf("ATP"), ResidueKind::Unknown);
  EXPECT_EQ(residueKindOf("LYS"), ResidueKind::AminoAcid);
}

TEST(ResidueTemplatesTest, OneLetterCodes) {
  const std::pair<const char *, char> Codes[] = {
      {"GLY", 'G'}, {"ALA", 'A'}, {"ARG", 'R'}, {"ASN", 'N'}, {"ASP", 'D'},
      {"CYS", 'C'}, {"GLN", 'Q'}, {"GLU", 'E'}, {"HIS", 'H'}, {"ILE", 'I'},
      {"LEU", 'L'}, {"LYS", 'K'}, {"MET", 'M'}, {"PHE", 'F'}, {"PRO", 'P'},
      {"SER", 'S'}, {"THR", 'T'}, {"TRP", 'W'}, {"TYR", 'Y'}, {"VAL", 'V'},
      {"MSE", 'M'}, {"SEC", 'U'}, {"PYL", 'O'}, {"UNK", 'X'}, {"A", 'A'},
      {"C", 'C'},   {"G", 'G'},   {"U", 'U'},   {"N", 'N'},   {"DA", 'A'},
      {"DC", 'C'},  {"DG", 'G'},  {"DT", 'T'},  {"DN", 'N'},  {"HOH", 'X'},
      {"ZN", 'X'}};
  for (const auto &[Name, One] : Codes)
    EXPECT_EQ(get(Name).OneLetter, One) << Name;
}

TEST(ResidueTemplatesTest, Parents) {
  EXPECT_STREQ(get("MSE").Parent, "MET");
  EXPECT_STREQ(get("SEC").Parent, "CYS");
  EXPECT_STREQ(get("PYL").Parent, "LYS");
  EXPECT_STREQ(get("ALA").Parent, "");
  EXPECT_STREQ(get("DA").Parent, "");
  for (const ResidueTemplate &T : allResidueTemplates())
    if (*T.Parent)
      EXPECT_NE(lookupResidueTemplate(T.Parent), nullptr) << T.Name;
}

TEST(ResidueTemplatesTest, AminoAcidBackbone) {
  for (const ResidueTemplate &T : allResidueTemplates()) {
    if (T.Kind != ResidueKind::AminoAcid)
      continue;
    SCOPED_TRACE(T.Name);
    for (const char *Atom : {"N", "CA", "C", "O", "OXT"})
      EXPECT_GE(T.findAtom(Atom), 0) << Atom;
    EXPECT_EQ(bondOrder(T, "N", "CA"), BondOrder::Single);
    EXPECT_EQ(bondOrder(T, "CA", "C"), BondOrder::Single);
    EXPECT_EQ(bondOrder(T, "C", "O"), BondOrder::Double);
    EXPECT_EQ(bondOrder(T, "C", "OXT"), BondOrder::Single);
    if (StringRef(T.Name) != "GLY")
      EXPECT_TRUE(hasBond(T, "CA", "CB"));
  }
  EXPECT_TRUE(hasBond(get("PRO"), "N", "CD"));
  EXPECT_EQ(get("GLY").findAtom("CB"), -1);
}

TEST(ResidueTemplatesTest, NucleotideBackbone) {
  for (const ResidueTemplate &T : allResidueTemplates()) {
    bool IsRNA = T.Kind == ResidueKind::RNA;
    if (!IsRNA && T.Kind != ResidueKind::DNA)
      continue;
    SCOPED_TRACE(T.Name);
    for (const char *Atom : {"P", "OP1", "OP2", "OP3", "O5'", "C5'", "C4'",
                             "O4'", "C3'", "O3'", "C2'", "C1'"})
      EXPECT_GE(T.findAtom(Atom), 0) << Atom;
    EXPECT_EQ(T.findAtom("O2'") >= 0, IsRNA);
    EXPECT_EQ(bondOrder(T, "P", "OP1"), BondOrder::Double);
    EXPECT_TRUE(hasBond(T, "C3'", "O3'"));
    EXPECT_TRUE(hasBond(T, "O4'", "C1'"));
    EXPECT_TRUE(hasBond(T, "C4'", "O4'"));
  }
  // Purines attach by N9, pyrimidines by N1.
  for (const char *Name : {"A", "G", "DA", "DG"})
    EXPECT_TRUE(hasBond(get(Name), "C1'", "N9")) << Name;
  for (const char *Name : {"C", "U", "DC", "DT"})
    EXPECT_TRUE(hasBond(get(Name), "C1'", "N1")) << Name;
  EXPECT_TRUE(hasBond(get("DT"), "C5", "C7"));
}

TEST(ResidueTemplatesTest, KekuleBondOrders) {
  // The CCD's Kekule structures: count double bonds.
  const std::pair<const char *, unsigned> Doubles[] = {
      {"PHE", 4}, {"TYR", 4}, {"TRP", 5}, {"HIS", 3}, {"ARG", 2}, {"ASP", 2},
      {"GLU", 2}, {"ASN", 2}, {"GLN", 2}, {"LYS", 1}, {"PYL", 3}, {"A", 5},
      {"G", 5},   {"C", 4},   {"U", 4},   {"DT", 4}};
  for (const auto &[Name, N] : Doubles) {
    unsigned Count = 0;
    for (const TemplateBond &B : get(Name).Bonds)
      Count += B.Order == BondOrder::Double;
    EXPECT_EQ(Count, N) << Name;
  }
  const ResidueTemplate &His = get("HIS");
  EXPECT_EQ(bondOrder(His, "CG", "CD2"), BondOrder::Double);
  EXPECT_EQ(bondOrder(His, "ND1", "CE1"), BondOrder::Double);
  EXPECT_EQ(bondOrder(His, "CG", "ND1"), BondOrder::Single);
}

TEST(ResidueTemplatesTest, Chis) {
  using Chi = std::array<const char *, 4>;
  struct Expected {
    const char *Name;
    std::vector<Chi> Chis;
  };
  const Expected Table[] = {
      {"GLY", {}},
      {"ALA", {}},
      {"ARG",
       {{"N", "CA", "CB", "CG"},
        {"CA", "CB", "CG", "CD"},
        {"CB", "CG", "CD", "NE"},
        {"CG", "CD", "NE", "CZ"}}},
      {"ASN", {{"N", "CA", "CB", "CG"}, {"CA", "CB", "CG", "OD1"}}},
      {"ASP", {{"N", "CA", "CB", "CG"}, {"CA", "CB", "CG", "OD1"}}},
      {"CYS", {{"N", "CA", "CB", "SG"}}},
      {"GLN",
       {{"N", "CA", "CB", "CG"},
        {"CA", "CB", "CG", "CD"},
        {"CB", "CG", "CD", "OE1"}}},
      {"GLU",
       {{"N", "CA", "CB", "CG"},
        {"CA", "CB", "CG", "CD"},
        {"CB", "CG", "CD", "OE1"}}},
      {"HIS", {{"N", "CA", "CB", "CG"}, {"CA", "CB", "CG", "ND1"}}},
      {"ILE", {{"N", "CA", "CB", "CG1"}, {"CA", "CB", "CG1", "CD1"}}},
      {"LEU", {{"N", "CA", "CB", "CG"}, {"CA", "CB", "CG", "CD1"}}},
      {"LYS",
       {{"N", "CA", "CB", "CG"},
        {"CA", "CB", "CG", "CD"},
        {"CB", "CG", "CD", "CE"},
        {"CG", "CD", "CE", "NZ"}}},
      {"MET",
       {{"N", "CA", "CB", "CG"},
        {"CA", "CB", "CG", "SD"},
        {"CB", "CG", "SD", "CE"}}},
      {"PHE", {{"N", "CA", "CB", "CG"}, {"CA", "CB", "CG", "CD1"}}},
      {"PRO", {{"N", "CA", "CB", "CG"}, {"CA", "CB", "CG", "CD"}}},
      {"SER", {{"N", "CA", "CB", "OG"}}},
      {"THR", {{"N", "CA", "CB", "OG1"}}},
      {"TRP", {{"N", "CA", "CB", "CG"}, {"CA", "CB", "CG", "CD1"}}},
      {"TYR", {{"N", "CA", "CB", "CG"}, {"CA", "CB", "CG", "CD1"}}},
      {"VAL", {{"N", "CA", "CB", "CG1"}}},
      {"MSE",
       {{"N", "CA", "CB", "CG"},
        {"CA", "CB", "CG", "SE"},
        {"CB", "CG", "SE", "CE"}}},
      {"SEC", {{"N", "CA", "CB", "SE"}}},
      {"PYL",
       {{"N", "CA", "CB", "CG"},
        {"CA", "CB", "CG", "CD"},
        {"CB", "CG", "CD", "CE"},
        {"CG", "CD", "CE", "NZ"}}},
  };
  for (const Expected &E : Table) {
    SCOPED_TRACE(E.Name);
    const ResidueTemplate &T = get(E.Name);
    ASSERT_EQ(T.Chis.size(), E.Chis.size());
    for (size_t I = 0; I < E.Chis.size(); ++I) {
      EXPECT_EQ(T.Chis[I].Index, I + 1);
      EXPECT_STREQ(T.Chis[I].A, E.Chis[I][0]);
      EXPECT_STREQ(T.Chis[I].B, E.Chis[I][1]);
      EXPECT_STREQ(T.Chis[I].C, E.Chis[I][2]);
      EXPECT_STREQ(T.Chis[I].D, E.Chis[I][3]);
    }
  }
  // Only amino acids have chi definitions in the table.
  for (const ResidueTemplate &T : allResidueTemplates())
    if (T.Kind != ResidueKind::AminoAcid)
      EXPECT_TRUE(T.Chis.empty()) << T.Name;
}

TEST(ResidueTemplatesTest, Ions) {
  const std::pair<const char *, const char *> Ions[] = {
      {"NA", "Na"}, {"K", "K"},   {"MG", "Mg"},  {"CA", "Ca"}, {"ZN", "Zn"},
      {"MN", "Mn"}, {"FE", "Fe"}, {"FE2", "Fe"}, {"CU", "Cu"}, {"CU1", "Cu"},
      {"CO", "Co"}, {"NI", "Ni"}, {"CD", "Cd"},  {"CL", "Cl"}, {"BR", "Br"},
      {"IOD", "I"}, {"CS", "Cs"}, {"SR", "Sr"},  {"BA", "Ba"}, {"HG", "Hg"},
      {"PT", "Pt"}, {"AU", "Au"}, {"AG", "Ag"},  {"PB", "Pb"}, {"LI", "Li"},
      {"RB", "Rb"}, {"F", "F"},   {"YB", "Yb"},  {"SM", "Sm"}, {"GD", "Gd"},
      {"EU", "Eu"}, {"TB", "Tb"}};
  for (const auto &[Name, El] : Ions) {
    SCOPED_TRACE(Name);
    const ResidueTemplate &T = get(Name);
    EXPECT_EQ(T.Kind, ResidueKind::Ion);
    EXPECT_EQ(T.OneLetter, 'X');
    ASSERT_EQ(T.Atoms.size(), 1u);
    EXPECT_TRUE(T.Bonds.empty());
    EXPECT_TRUE(T.Chis.empty());
    EXPECT_STREQ(T.Atoms[0].Element, El);
  }
  // Atom names that differ from the residue code.
  EXPECT_STREQ(get("IOD").Atoms[0].Name, "I");
  EXPECT_STREQ(get("FE2").Atoms[0].Name, "FE");
  EXPECT_STREQ(get("CU1").Atoms[0].Name, "CU");
  EXPECT_STREQ(get("CL").Atoms[0].Name, "CL");
  EXPECT_STREQ(get("CA").Atoms[0].Name, "CA");
  // Every single-atom ion names its atom by its element.
  for (const ResidueTemplate &T : allResidueTemplates())
    if (T.Kind == ResidueKind::Ion)
      EXPECT_TRUE(
          StringRef(T.Atoms[0].Name).equals_insensitive(T.Atoms[0].Element))
          << T.Name;
}

TEST(ResidueTemplatesTest, Water) {
  for (const char *Name : {"HOH", "DOD"}) {
    const ResidueTemplate &T = get(Name);
    ASSERT_EQ(T.Atoms.size(), 1u) << Name;
    EXPECT_STREQ(T.Atoms[0].Name, "O");
    EXPECT_STREQ(T.Atoms[0].Element, "O");
    EXPECT_TRUE(T.Bonds.empty());
  }
}

TEST(ResidueTemplatesTest, WaterAliases) {
  for (const char *Name : {"WAT", "H2O", "SOL", "TIP3", "TIP", "DIS"}) {
    const ResidueTemplate *T = lookupResidueAlias(Name);
    ASSERT_TRUE(T) << Name;
    EXPECT_STREQ(T->Name, "HOH");
    EXPECT_TRUE(isWaterName(Name)) << Name;
    // An alias is not a template: its kind comes from the builder.
    EXPECT_EQ(lookupResidueTemplate(Name), nullptr) << Name;
  }
  EXPECT_TRUE(isWaterName("HOH"));
  EXPECT_TRUE(isWaterName("DOD"));
  for (const char *Name : {"ZN", "ALA", "EDO", "hoh", ""})
    EXPECT_FALSE(isWaterName(Name)) << Name;
  EXPECT_EQ(lookupResidueAlias("HOH"), nullptr);
}

} // namespace
