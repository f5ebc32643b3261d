//===- FacetHashGoldenTest.cpp - Facet hashes stay bit-identical ----------===//
//
// Facet hashes key every cached and persisted analysis result (overlay
// names), so a refactor of the IR tables must not move them. The literals
// below were computed by qir itself (the code before the column tables
// became .def files): this test guards against change, not correctness.
// A deliberate change of the hash must update them and say so.
//
//===----------------------------------------------------------------------===//
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"

#include "gtest/gtest.h"

#include <cinttypes>
#include <cstdio>
#include <string>

using namespace qir;

namespace {

std::string hex(uint64_t V) {
  char Buf[32];
  std::snprintf(Buf, sizeof(Buf), "0x%016" PRIx64, V);
  return Buf;
}

io::ReadOptions quiet() {
  io::ReadOptions O;
  O.Warn = [](const Diagnostic &) {};
  return O;
}

Structure readInput(llvm::StringRef Name) {
  auto S = io::readStructureFile(
      std::string(QIR_SOURCE_DIR) + "/test/Inputs/" + Name.str(), quiet());
  if (!S) {
    ADD_FAILURE() << llvm::toString(S.takeError());
    return Structure();
  }
  return std::move(*S);
}

/// Two models; ANISOU records; a segment id (an extra column); a B factor
/// that differs between models (per-state arrays); a water only in model 1
/// (presence mask); an altloc pair and a charged ion.
const char *const TwoModels =
    "HEADER    TEST                                    01-JAN-00   1ABC\n"
    "CRYST1   50.840   42.770   28.950  90.00  90.00  90.00 P 21 21 21    8\n"
    "MODEL        1\n"
    "ATOM      1  N   MET A   1      27.340  24.430   2.614  1.00  9.67"
    "      SEGA N  \n"
    "ANISOU    1  N   MET A   1     1234   2345   3456   -123    456   -789"
    "  SEGA N\n"
    "ATOM      2  CA AMET A   1      26.266  25.413   2.842  0.60 10.38"
    "      SEGA C  \n"
    "ATOM      3  CA BMET A   1      26.270  25.410   2.840  0.40 10.38"
    "      SEGA C  \n"
    "ATOM      4  C   MET A   1      26.913  26.639   3.531  1.00  9.62"
    "      SEGA C  \n"
    "HETATM    5 ZN    ZN A 101      10.000  11.000  12.000  1.00 20.00"
    "      SEGAZN2+\n"
    "HETATM    6  O   HOH A 201      -1.500  -2.250  -3.125  1.00 30.00"
    "      SEGA O  \n"
    "ENDMDL\n"
    "MODEL        2\n"
    "ATOM      1  N   MET A   1      27.440  24.530   2.714  1.00 11.67"
    "      SEGA N  \n"
    "ANISOU    1  N   MET A   1     1334   2445   3556   -223    556   -889"
    "  SEGA N\n"
    "ATOM      2  CA AMET A   1      26.366  25.513   2.942  0.60 10.38"
    "      SEGA C  \n"
    "ATOM      3  CA BMET A   1      26.370  25.510   2.940  0.40 10.38"
    "      SEGA C  \n"
    "ATOM      4  C   MET A   1      27.013  26.739   3.631  1.00  9.62"
    "      SEGA C  \n"
    "HETATM    5 ZN    ZN A 101      10.100  11.100  12.100  1.00 20.00"
    "      SEGAZN2+\n"
    "ENDMDL\n"
    "END\n";

struct Golden {
  uint64_t Topology, Coordinates, AtomProperties, Metadata;
};

void expectHashes(const Structure &S, const Golden &G) {
  EXPECT_EQ(S.verify(), "");
  EXPECT_EQ(hex(S.hash(Facet::Topology)), hex(G.Topology));
  EXPECT_EQ(hex(S.hash(Facet::Coordinates)), hex(G.Coordinates));
  EXPECT_EQ(hex(S.hash(Facet::AtomProperties)), hex(G.AtomProperties));
  EXPECT_EQ(hex(S.hash(Facet::Metadata)), hex(G.Metadata));
}

} // namespace

TEST(FacetHashGolden, Ubiquitin_mmCIF) {
  expectHashes(readInput("1ubq.cif"),
               {0xacc211c12aaa92dbULL, 0x14dde8dd8df6e199ULL,
                0x807fa8d941daa0d2ULL, 0xf127dcea5ceec9c6ULL});
}

TEST(FacetHashGolden, Altlocs_PDB) {
  expectHashes(readInput("1orc.pdb"),
               {0xe9954171e7fa8f60ULL, 0xf70aa49cb76f4e94ULL,
                0xf757797471a8eca4ULL, 0xe2d2f7a0a115e5d9ULL});
}

TEST(FacetHashGolden, NmrEnsemble_mmCIF) {
  Structure S = readInput("1l2y.cif");
  EXPECT_EQ(S.numStates(), 38u);
  expectHashes(S, {0x07c3b82bc995119dULL, 0x6d81342ab66743ccULL,
                   0xf4846a0f81929987ULL, 0xeeb256c6044348feULL});
}

TEST(FacetHashGolden, AnisoExtraColumnsModels_PDB) {
  auto S = io::readStructureBuffer(TwoModels, "two-models.pdb", quiet());
  ASSERT_TRUE(bool(S)) << llvm::toString(S.takeError());
  // The features this case is there for are present.
  EXPECT_EQ(S->numStates(), 2u);
  EXPECT_FALSE(S->atoms().AnisoU.empty());
  EXPECT_GT(S->extraColumns().size(), 0u);
  EXPECT_FALSE(S->states().Present.empty());
  EXPECT_FALSE(S->states().BIso.empty());
  expectHashes(*S, {0x8eac7fd3cb3f2b9dULL, 0x06e88695582360c6ULL,
                    0xc4fbc462c26a3ad0ULL, 0xc7ab493cbc2e637fULL});
}
