//===- EvaluateTest.cpp - Selectors evaluated on real structures ----------===//
//
// Every expectation is computed independently from the IR tables (plain
// loops, brute-force distances), never from the evaluator.
//
//===----------------------------------------------------------------------===//
#include "qir/IO/Reader.h"
#include "qir/IR/AtomFilter.h"
#include "qir/IR/Structure.h"
#include "qir/Select/Selector.h"
#include "qir/Support/CellList.h"

#include "gtest/gtest.h"

#include <cmath>
#include <functional>

using namespace qir;
using namespace qir::select;

namespace {

Structure readInput(llvm::StringRef Name) {
  io::ReadOptions O;
  O.Warn = [](const Diagnostic &) {};
  auto S = io::readStructureFile(
      std::string(QIR_SOURCE_DIR) + "/test/Inputs/" + Name.str(), O);
  if (!S) {
    ADD_FAILURE() << llvm::toString(S.takeError());
    return Structure();
  }
  return std::move(*S);
}

Structure readText(llvm::StringRef Text) {
  io::ReadOptions O;
  O.Warn = [](const Diagnostic &) {};
  auto S = io::readStructureBuffer(Text, "test.cif", O);
  if (!S) {
    ADD_FAILURE() << llvm::toString(S.takeError());
    return Structure();
  }
  return std::move(*S);
}

llvm::BitVector sel(const Structure &S, llvm::StringRef Text,
                    const EvalContext &Ctx = {}) {
  auto P = Selector::parse(Text);
  if (!P) {
    ADD_FAILURE() << llvm::toString(P.takeError());
    return llvm::BitVector(S.numAtoms());
  }
  auto R = P->evaluate(S, Ctx);
  if (!R) {
    ADD_FAILURE() << Text.str() << ": " << llvm::toString(R.takeError());
    return llvm::BitVector(S.numAtoms());
  }
  llvm::BitVector B = R->toBitVector(S.numAtoms());
  // The ranges are sorted, disjoint and non-adjacent.
  auto Rg = R->ranges();
  for (size_t I = 0; I < Rg.size(); ++I) {
    EXPECT_LT(Rg[I].first, Rg[I].second);
    if (I)
      EXPECT_LT(Rg[I - 1].second, Rg[I].first);
  }
  EXPECT_EQ(R->count(), B.count());
  return B;
}

llvm::BitVector where(const Structure &S, std::function<bool(size_t)> Pred) {
  llvm::BitVector B(S.numAtoms());
  for (size_t A = 0; A < S.numAtoms(); ++A)
    if (Pred(A))
      B.set(A);
  return B;
}

uint32_t resOf(const Structure &S, size_t A) { return S.atoms().Residue[A]; }
llvm::StringRef nameOf(const Structure &S, size_t A) {
  return S.atoms().Name[A].str();
}
llvm::StringRef chainOf(const Structure &S, size_t A) {
  return S.chains().AuthId[S.residues().Chain[resOf(S, A)]].str();
}
int32_t seqOf(const Structure &S, size_t A) {
  return S.residues().AuthSeq[resOf(S, A)];
}
ResidueKind kindOf(const Structure &S, size_t A) {
  return S.residues().Kind[resOf(S, A)];
}

/// Brute force: atoms present in state \p St within \p D of a present
/// atom of \p Inner (squared distance in float, as documented).
llvm::BitVector bruteWithin(const Structure &S, const llvm::BitVector &Inner,
                            double D, size_t St) {
  llvm::BitVector B(S.numAtoms());
  float R2 = static_cast<float>(D) * static_cast<float>(D);
  for (size_t A = 0; A < S.numAtoms(); ++A) {
    if (!S.isPresent(St, A))
      continue;
    auto P = S.position(St, A);
    for (int I = Inner.find_first(); I >= 0; I = Inner.find_next(I)) {
      if (!S.isPresent(St, I))
        continue;
      auto Q = S.position(St, I);
      float DX = P[0] - Q[0], DY = P[1] - Q[1], DZ = P[2] - Q[2];
      if (DX * DX + DY * DY + DZ * DZ <= R2) {
        B.set(A);
        break;
      }
    }
  }
  return B;
}

} // namespace

TEST(SelectEval, ChainResidName) {
  Structure S = readInput("1ubq.cif");
  llvm::BitVector B = sel(S, "chain A and resid 10 to 20 and name CA");
  EXPECT_EQ(B, where(S, [&](size_t A) {
              return chainOf(S, A) == "A" && seqOf(S, A) >= 10 &&
                     seqOf(S, A) <= 20 && nameOf(S, A) == "CA";
            }));
  EXPECT_EQ(B.count(), 11u);
  EXPECT_EQ(sel(S, "name N CA C"), where(S, [&](size_t A) {
              llvm::StringRef N = nameOf(S, A);
              return N == "N" || N == "CA" || N == "C";
            }));
  EXPECT_EQ(sel(S, "resid 1 2 5 to 9 and name CA").count(), 7u);
  EXPECT_EQ(sel(S, "resname GLY LEU"), where(S, [&](size_t A) {
              llvm::StringRef N = S.residues().Name[resOf(S, A)].str();
              return N == "GLY" || N == "LEU";
            }));
  // Values are case-sensitive.
  EXPECT_EQ(sel(S, "name ca").count(), 0u);
  // Names longer than the column never match (no truncation).
  EXPECT_EQ(sel(S, "name CAXYZ").count(), 0u);
}

TEST(SelectEval, ClassesAndLogic) {
  Structure S = readInput("1ubq.cif");
  size_t N = S.numAtoms();
  llvm::BitVector Protein = sel(S, "protein");
  EXPECT_EQ(Protein, where(S, [&](size_t A) {
              return kindOf(S, A) == ResidueKind::AminoAcid;
            }));
  EXPECT_EQ(Protein.count(), 602u);
  llvm::BitVector Water = sel(S, "water");
  EXPECT_EQ(Water.count(), 58u);
  EXPECT_EQ(sel(S, "hetero"),
            where(S, [&](size_t A) { return S.atoms().isHetero(A); }));
  EXPECT_EQ(sel(S, "all").count(), N);
  EXPECT_EQ(sel(S, "none").count(), 0u);
  EXPECT_EQ(sel(S, "not water").count(), N - 58);
  // De Morgan.
  EXPECT_EQ(sel(S, "not (water or name CA)"),
            sel(S, "not water and not name CA"));
  EXPECT_EQ(sel(S, "protein or water"), sel(S, "all"));
  // Backbone: the heavy main-chain names (1ubq has no hydrogens).
  EXPECT_EQ(sel(S, "backbone"), where(S, [&](size_t A) {
              llvm::StringRef Nm = nameOf(S, A);
              return kindOf(S, A) == ResidueKind::AminoAcid &&
                     (Nm == "N" || Nm == "CA" || Nm == "C" || Nm == "O" ||
                      Nm == "OXT");
            }));
  EXPECT_EQ(sel(S, "backbone").count(), 76u * 4 + 1); // + OXT of GLY 76
  // Sidechain and backbone partition the protein.
  llvm::BitVector Both = sel(S, "backbone");
  Both &= sel(S, "sidechain");
  EXPECT_EQ(Both.count(), 0u);
  EXPECT_EQ(sel(S, "backbone or sidechain"), Protein);
  EXPECT_EQ(sel(S, "sidechain and name CB").count(), sel(S, "name CB").count());
  // Label ids and entities: the waters are label_asym B, entity 2.
  EXPECT_EQ(sel(S, "label_asym B"), Water);
  EXPECT_EQ(sel(S, "entity 2"), Water);
  EXPECT_EQ(sel(S, "entity 1"), Protein);
  EXPECT_EQ(sel(S, "label_seq 1 to 10"), where(S, [&](size_t A) {
              int32_t L = S.residues().LabelSeq[resOf(S, A)];
              return L != NoSeqId && L >= 1 && L <= 10;
            }));
  // element by atomic number; symbols in any case.
  EXPECT_EQ(sel(S, "element C N"), where(S, [&](size_t A) {
              return S.atoms().AtomicNumber[A] == 6 ||
                     S.atoms().AtomicNumber[A] == 7;
            }));
  EXPECT_EQ(sel(S, "element o"), sel(S, "element O"));
  // index: 0-based rows, cut at the atom count.
  auto P = Selector::parse("index 0 to 99 or index 5 650 to 100000");
  ASSERT_TRUE(bool(P));
  auto R = P->evaluate(S);
  ASSERT_TRUE(bool(R));
  std::vector<AtomRanges::Range> Want = {{0, 100}, {650, uint32_t(N)}};
  EXPECT_EQ(R->ranges().vec(), Want);
}

TEST(SelectEval, HydrogenAndNucleic) {
  Structure L = readInput("1l2y.cif");
  EXPECT_EQ(sel(L, "hydrogen"),
            where(L, [&](size_t A) { return L.atoms().AtomicNumber[A] == 1; }));
  EXPECT_GT(sel(L, "hydrogen").count(), 100u);
  // With hydrogens: HA, H, H1-H3 are backbone; HB* are sidechain.
  EXPECT_EQ(sel(L, "backbone and hydrogen"), where(L, [&](size_t A) {
              llvm::StringRef N = nameOf(L, A);
              return L.atoms().AtomicNumber[A] == 1 &&
                     (N == "H" || N == "H1" || N == "H2" || N == "H3" ||
                      N == "HA" || N == "HA2" || N == "HA3" || N == "HXT");
            }));

  Structure D = readInput("1pfe.cif.gz");
  llvm::BitVector Nuc = sel(D, "nucleic");
  EXPECT_EQ(Nuc, where(D, [&](size_t A) {
              return kindOf(D, A) == ResidueKind::DNA ||
                     kindOf(D, A) == ResidueKind::RNA;
            }));
  EXPECT_GT(Nuc.count(), 0u);
  const char *NucBackbone[] = {"P",   "OP1", "OP2", "OP3", "O1P", "O2P",
                               "O3P", "O5'", "C5'", "C4'", "C3'", "O3'"};
  EXPECT_EQ(sel(D, "nucleic and backbone and not hydrogen"),
            where(D, [&](size_t A) {
              return Nuc.test(A) && D.atoms().AtomicNumber[A] != 1 &&
                     llvm::is_contained(NucBackbone, nameOf(D, A));
            }));
  EXPECT_EQ(sel(D, "name O5' C5'"), sel(D, "name \"O5'\" \"C5'\""));
  EXPECT_GT(sel(D, "name O5'").count(), 0u);
}

TEST(SelectEval, InsertionCodes) {
  // 1orc.pdb inserts 56A-56E between 56 and 57.
  Structure S = readInput("1orc.pdb");
  auto Codes = [&](llvm::StringRef Text) {
    std::string Out;
    llvm::BitVector B = sel(S, Text);
    for (int A = B.find_first(); A >= 0; A = B.find_next(A)) {
      const ResidueTable &R = S.residues();
      uint32_t Ri = resOf(S, A);
      Out += std::to_string(R.AuthSeq[Ri]);
      Out += R.ICode[Ri] ? R.ICode[Ri] : '-';
      Out += ' ';
    }
    return Out;
  };
  EXPECT_EQ(Codes("resid 56 to 56C and name CA"), "56- 56A 56B 56C ");
  EXPECT_EQ(Codes("resid 56A to 57 and name CA"), "56A 56B 56C 56D 56E 57- ");
  EXPECT_EQ(Codes("resid 56 and name CA"), "56- ");
  EXPECT_EQ(Codes("resid 56D 55 and name CA"), "55- 56D ");
  EXPECT_EQ(Codes("resid 55 to 57 and name CA"),
            "55- 56- 56A 56B 56C 56D 56E 57- ");
}

static const char *const Numbered = R"(data_NUM
loop_
_atom_site.group_PDB
_atom_site.id
_atom_site.type_symbol
_atom_site.label_atom_id
_atom_site.label_alt_id
_atom_site.label_comp_id
_atom_site.label_asym_id
_atom_site.label_entity_id
_atom_site.label_seq_id
_atom_site.pdbx_PDB_ins_code
_atom_site.Cartn_x
_atom_site.Cartn_y
_atom_site.Cartn_z
_atom_site.occupancy
_atom_site.B_iso_or_equiv
_atom_site.auth_seq_id
_atom_site.auth_asym_id
_atom_site.pdbx_PDB_model_num
ATOM 1 C CA . ALA A 1 1 ? 0.0 0.0 0.0 1.0 10.0 -5 A 1
ATOM 2 C CA . ALA A 1 2 ? 3.8 0.0 0.0 1.0 10.0 -1 A 1
ATOM 3 C CA . ALA A 1 3 A 7.6 0.0 0.0 1.0 10.0 -1 A 1
ATOM 4 C CA . ALA A 1 4 ? 11.4 0.0 0.0 1.0 10.0 0 A 1
ATOM 5 C CA . ALA A 1 5 ? 15.2 0.0 0.0 1.0 10.0 3 A 1
ATOM 6 C CA . ALA A 1 6 A 19.0 0.0 0.0 1.0 10.0 3 A 1
ATOM 7 C CA . ALA A 1 7 ? 22.8 0.0 0.0 1.0 10.0 52 A 1
ATOM 8 C CA . ALA A 1 8 A 26.6 0.0 0.0 1.0 10.0 52 A 1
)";

TEST(SelectEval, NegativeNumbers) {
  Structure S = readText(Numbered);
  ASSERT_EQ(S.numResidues(), 8u);
  auto Idx = [&](llvm::StringRef Text) {
    std::string Out;
    llvm::BitVector B = sel(S, Text);
    for (int A = B.find_first(); A >= 0; A = B.find_next(A))
      Out += std::to_string(A);
    return Out;
  };
  EXPECT_EQ(Idx("resid -5 to 0"), "0123");
  EXPECT_EQ(Idx("resid -5 to -1"), "01");
  EXPECT_EQ(Idx("resid -1A to 3"), "234");
  EXPECT_EQ(Idx("resid -5 to 52A"), "01234567");
  EXPECT_EQ(Idx("resid -5 to 52"), "0123456");
  EXPECT_EQ(Idx("resid -1 3A"), "15");
  // Label numbering is separate from auth numbering.
  EXPECT_EQ(Idx("label_seq 1 to 2"), "01");
  // Distances on a line 3.8 A apart: inclusive at exactly 3.8.
  EXPECT_EQ(Idx("within 3.8 of index 2"), "123");
  EXPECT_EQ(Idx("within 3.7 of index 2"), "2");
  EXPECT_EQ(Idx("within 0 of index 2"), "2");
}

TEST(SelectEval, AltLocs) {
  Structure S = readInput("3bkr.cif");
  llvm::BitVector A = sel(S, "altloc A");
  EXPECT_EQ(A, where(S, [&](size_t I) { return S.atoms().AltLoc[I] == 'A'; }));
  EXPECT_GT(A.count(), 0u);
  llvm::BitVector None = sel(S, "altloc \"\"");
  EXPECT_EQ(None, where(S, [&](size_t I) { return S.atoms().AltLoc[I] == 0; }));
  EXPECT_EQ(sel(S, "altloc A B C or altloc ''"), sel(S, "all"));
  EXPECT_EQ(sel(S, "altloc B C"), where(S, [&](size_t I) {
              return S.atoms().AltLoc[I] == 'B' || S.atoms().AltLoc[I] == 'C';
            }));
}

TEST(SelectEval, WithinAgainstBruteForce) {
  Structure S = readInput("3bkr.cif");
  llvm::BitVector Plm = sel(S, "resname PLM");
  ASSERT_GT(Plm.count(), 0u);
  for (double D : {0.0, 2.5, 3.3, 5.0, 8.0}) {
    std::string Text = "within " + std::to_string(D) + " of resname PLM";
    llvm::BitVector Got = sel(S, Text);
    llvm::BitVector Want = bruteWithin(S, Plm, D, 0);
    EXPECT_EQ(Got, Want) << Text;
    // The inner atoms are included.
    llvm::BitVector Missing = Plm;
    Missing.reset(Got);
    EXPECT_EQ(Missing.count(), 0u);
    // A prebuilt cell list with another cell size gives the same answer.
    CellList Cells = CellList::build(S.states().Coords, 3.0f);
    EvalContext Ctx;
    Ctx.Cells = &Cells;
    EXPECT_EQ(sel(S, Text, Ctx), Want) << Text;
  }
  EXPECT_GT(sel(S, "within 5 of resname PLM").count(), Plm.count());
  llvm::BitVector Shell = sel(S, "within 4 of water and not water");
  llvm::BitVector Want = bruteWithin(S, sel(S, "water"), 4, 0);
  Want.reset(sel(S, "water"));
  EXPECT_EQ(Shell, Want);
  // The empty inner selection selects nothing.
  EXPECT_EQ(sel(S, "within 5 of none").count(), 0u);
}

TEST(SelectEval, ModelsAndStates) {
  Structure S = readInput("1l2y.cif");
  ASSERT_EQ(S.numStates(), 38u);
  size_t N = S.numAtoms();
  EXPECT_EQ(sel(S, "model 1").count(), N);
  EXPECT_EQ(sel(S, "model 1 to 38").count(), N);
  EXPECT_EQ(sel(S, "model 39").count(), 0u);
  EXPECT_EQ(sel(S, "model 39 and name CA").count(), 0u);

  // 'within' measures in the first state a top-level model term names.
  llvm::BitVector Res10 = sel(S, "resid 10");
  for (int M : {1, 3, 17}) {
    std::string Text =
        "model " + std::to_string(M) + " and within 6 of resid 10";
    EXPECT_EQ(sel(S, Text), bruteWithin(S, Res10, 6, M - 1)) << Text;
  }
  EXPECT_EQ(sel(S, "within 6 of resid 10"), bruteWithin(S, Res10, 6, 0));
  EvalContext Ctx;
  Ctx.State = 20;
  EXPECT_EQ(sel(S, "within 6 of resid 10", Ctx), bruteWithin(S, Res10, 6, 20));
  // The states differ, so the choice matters somewhere.
  bool Differs = false;
  for (size_t St = 1; St < 38 && !Differs; ++St)
    Differs = bruteWithin(S, Res10, 6, St) != bruteWithin(S, Res10, 6, 0);
  EXPECT_TRUE(Differs);

  // A state that lacks atoms: make model 2 (state 1) lack atoms 0-9.
  {
    StateTable &St = S.statesForWrite(Facet::Coordinates);
    St.Present.assign(38 * N, 1);
    for (size_t A = 0; A < 10; ++A) {
      St.Present[N + A] = 0;
      for (int K = 0; K < 3; ++K)
        St.Coords[(N + A) * 3 + K] = std::nanf("");
    }
  }
  llvm::BitVector M2 = sel(S, "model 2");
  EXPECT_EQ(M2.count(), N - 10);
  EXPECT_FALSE(M2.test(0));
  EXPECT_TRUE(M2.test(10));
  EXPECT_EQ(sel(S, "model 1 2").count(), N);
  EXPECT_EQ(sel(S, "model 2 and model 1").count(), N - 10);
  // Absent atoms are never within anything, and contribute nothing.
  llvm::BitVector Far = sel(S, "model 2 and within 1000 of all");
  EXPECT_EQ(Far, M2);
  EXPECT_EQ(sel(S, "model 2 and within 0 of index 0 to 9").count(), 0u);
  EXPECT_EQ(sel(S, "model 1 and within 0 of index 0 to 9").count(), 10u);

  // A reader that loads only the named states gets the same answer.
  Structure Part = readInput("1l2y.cif");
  llvm::BitVector Keep(38);
  Keep.set(2);
  keepStates(Part, Keep);
  ASSERT_EQ(Part.numStates(), 1u);
  EXPECT_EQ(sel(Part, "model 3 and within 6 of resid 10 and name CA"),
            sel(readInput("1l2y.cif"),
                "model 3 and within 6 of resid 10 and name CA"));
}

TEST(SelectEval, EvaluationErrors) {
  Structure S = readInput("1ubq.cif");
  auto P = Selector::parse("within 5 of water");
  ASSERT_TRUE(bool(P));
  EvalContext Ctx;
  Ctx.State = 3;
  auto R = P->evaluate(S, Ctx);
  ASSERT_FALSE(bool(R));
  EXPECT_EQ(llvm::toString(R.takeError()),
            "'within' needs the coordinates of state 3; the structure has 1 "
            "state(s) with coordinates");
  // Without 'within', the state is not looked at.
  auto Q = Selector::parse("water");
  ASSERT_TRUE(bool(Q));
  auto R2 = Q->evaluate(S, Ctx);
  ASSERT_TRUE(bool(R2));
  EXPECT_EQ(R2->count(), 58u);
}

/// Clear every column \p Needs does not name (and those no selector reads).
static void clearUnneeded(Structure &S, ColumnSet Needs) {
  AtomTable &At = S.atomsForWrite(Facet::Topology);
  if (!Needs.contains(Column::AtomName))
    At.Name.clear();
  if (!Needs.contains(Column::Element)) {
    At.Element.clear();
    At.AtomicNumber.clear();
  }
  if (!Needs.contains(Column::AltLoc))
    At.AltLoc.clear();
  if (!Needs.contains(Column::AtomFlags))
    At.Flags.clear();
  At.Charge.clear();
  At.Occupancy.clear();
  At.BIso.clear();
  At.Serial.clear();
  At.AnisoU.clear();
  if (!Needs.contains(Column::Coordinates)) {
    StateTable &St = S.statesForWrite(Facet::Coordinates);
    St = StateTable();
  }
}

TEST(SelectEval, NeedsContract) {
  const char *Selectors[] = {
      "chain A and resid 10 to 20 and name CA",
      "protein and not backbone",
      "sidechain or nucleic",
      "water or hetero",
      "hydrogen or element S",
      "altloc A \"\" and resname ALA SER",
      "label_asym A B and label_seq 1 to 30",
      "entity 1 2 and index 5 to 500",
      "model 1 and within 5 of resname PLM HOH",
      "within 3.5 of (chain A and resid 3) and not water",
      "all",
      "none",
  };
  for (const char *File : {"3bkr.cif", "1l2y.cif", "1pfe.cif.gz", "1orc.pdb"}) {
    Structure Full = readInput(File);
    for (const char *Text : Selectors) {
      auto P = Selector::parse(Text);
      ASSERT_TRUE(bool(P)) << Text;
      Structure Part = readInput(File);
      clearUnneeded(Part, P->needs());
      auto A = P->evaluate(Full);
      auto B = P->evaluate(Part);
      ASSERT_TRUE(bool(A)) << llvm::toString(A.takeError());
      ASSERT_TRUE(bool(B)) << File << ": " << Text << ": "
                           << llvm::toString(B.takeError());
      EXPECT_EQ(*A, *B) << File << ": " << Text;
    }
  }
}
