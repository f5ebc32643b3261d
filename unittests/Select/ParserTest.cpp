//===- ParserTest.cpp - Selector syntax, printing and errors --------------===//
#include "qir/Select/Parser.h"
#include "qir/Select/Lexer.h"
#include "qir/Select/Selector.h"
#include "qir/Support/Diagnostic.h"

#include "gtest/gtest.h"

using namespace qir;
using namespace qir::select;

namespace {

Selector parseOk(llvm::StringRef Text) {
  auto S = Selector::parse(Text);
  if (!S) {
    ADD_FAILURE() << Text.str() << ": " << llvm::toString(S.takeError());
    return *Selector::parse("none");
  }
  return std::move(*S);
}

/// "COLUMN: MESSAGE" of the error parsing \p Text, or "parsed".
std::string errorOf(llvm::StringRef Text) {
  auto S = Selector::parse(Text);
  if (S)
    return "parsed";
  std::string Out;
  llvm::handleAllErrors(
      S.takeError(),
      [&](const ParseError &E) {
        Out = std::to_string(E.diagnostic().Column) + ": " +
              E.diagnostic().Message;
      },
      [&](const llvm::ErrorInfoBase &E) { Out = "other: " + E.message(); });
  return Out;
}

std::string canon(llvm::StringRef Text) { return parseOk(Text).str(); }

} // namespace

TEST(SelectLexer, WordsStringsAndPrimes) {
  llvm::StringRef Text = "name O5' \"C1'\" 'x' (H5'')";
  auto T = lex(Text);
  ASSERT_TRUE(bool(T)) << llvm::toString(T.takeError());
  std::vector<std::string> Got;
  for (const Token &K : *T)
    Got.push_back(std::to_string(K.K) + ":" + K.Text.str());
  std::vector<std::string> Want = {"0:name", "0:O5'",  "1:C1'", "1:x",
                                   "2:(",    "0:H5''", "3:)",   "4:"};
  EXPECT_EQ(Got, Want);
  EXPECT_EQ((*T)[2].Loc - Text.data(), 9); // the opening quote
  EXPECT_EQ((*T)[7].Loc - Text.data(), long(Text.size()));
}

TEST(SelectParser, CanonicalText) {
  EXPECT_EQ(canon("chain B and resid 50 to 80 and name CA"),
            "chain B and resid 50 to 80 and name CA");
  EXPECT_EQ(canon("  chain   B\tand(resid 50 to 80)and name CA "),
            "chain B and resid 50 to 80 and name CA");
  EXPECT_EQ(canon("resid -5 to 52A"), "resid -5 to 52A");
  EXPECT_EQ(canon("resid 1 2 5 to 9"), "resid 1 2 5 to 9");
  EXPECT_EQ(canon("name N CA C"), "name N CA C");
  EXPECT_EQ(canon("chain A B"), "chain A B");
  EXPECT_EQ(canon("within 4.50 of water"), "within 4.5 of water");
  EXPECT_EQ(canon("within 0 of water"), "within 0 of water");
  EXPECT_EQ(canon("name \"C1'\""), "name C1'");
  EXPECT_EQ(canon("name O5' C5'"), "name O5' C5'");
  EXPECT_EQ(canon("chain \"or\""), "chain \"or\"");
  EXPECT_EQ(canon("altloc \"\" A"), "altloc \"\" A");
  EXPECT_EQ(canon("altloc ''"), "altloc \"\"");
  EXPECT_EQ(canon("name \"A B\""), "name \"A B\"");
  EXPECT_EQ(canon("name 'x\"y'"), "name x\"y"); // a quote inside a word
  EXPECT_EQ(canon("name '\"x'"), "name '\"x'");
  EXPECT_EQ(canon("model 1 to 5 and index 0 to 99"),
            "model 1 to 5 and index 0 to 99");
  EXPECT_EQ(canon("label_asym C and label_seq 10 to 20 and entity 2"),
            "label_asym C and label_seq 10 to 20 and entity 2");
  EXPECT_EQ(canon("element C N and not hydrogen"),
            "element C N and not hydrogen");
  EXPECT_EQ(canon("resname HEM or protein or nucleic or water or hetero or "
                  "backbone or sidechain or all or none"),
            "resname HEM or protein or nucleic or water or hetero or "
            "backbone or sidechain or all or none");
}

TEST(SelectParser, Precedence) {
  // not > and > or.
  Selector S = parseOk("chain A or chain B and not name CA");
  const Expr &E = S.expr();
  ASSERT_EQ(E.Kind, ExprKind::Or);
  ASSERT_EQ(E.Operands.size(), 2u);
  EXPECT_EQ(E.Operands[0]->Kind, ExprKind::Chain);
  ASSERT_EQ(E.Operands[1]->Kind, ExprKind::And);
  EXPECT_EQ(E.Operands[1]->Operands[1]->Kind, ExprKind::Not);
  EXPECT_EQ(S.str(), "chain A or chain B and not name CA");

  // within takes a not-level operand.
  Selector W = parseOk("within 5 of resname HEM and chain A");
  ASSERT_EQ(W.expr().Kind, ExprKind::And);
  EXPECT_EQ(W.expr().Operands[0]->Kind, ExprKind::Within);
  EXPECT_EQ(W.expr().Operands[0]->Operands[0]->Kind, ExprKind::ResName);
  EXPECT_EQ(W.str(), "within 5 of resname HEM and chain A");
  Selector W2 = parseOk("within 5 of (resname HEM and chain A)");
  ASSERT_EQ(W2.expr().Kind, ExprKind::Within);
  EXPECT_EQ(W2.str(), "within 5 of (resname HEM and chain A)");
  Selector W3 = parseOk("within 5 of not water");
  EXPECT_EQ(W3.expr().Operands[0]->Kind, ExprKind::Not);
  Selector W4 = parseOk("not within 5 of water");
  EXPECT_EQ(W4.expr().Kind, ExprKind::Not);

  // Parentheses that change the grouping print; others vanish.
  EXPECT_EQ(canon("(chain A or chain B) and name CA"),
            "(chain A or chain B) and name CA");
  EXPECT_EQ(canon("not (water or hetero)"), "not (water or hetero)");
  EXPECT_EQ(canon("(not water) or (hetero)"), "not water or hetero");
  // Runs of one operator are flat.
  Selector F = parseOk("chain A and (name CA and (resid 5))");
  EXPECT_EQ(F.expr().Kind, ExprKind::And);
  EXPECT_EQ(F.expr().Operands.size(), 3u);
  EXPECT_EQ(F.str(), "chain A and name CA and resid 5");
  EXPECT_EQ(canon("not not water"), "not not water");
  EXPECT_EQ(canon("within 3 of within 2 of water"),
            "within 3 of within 2 of water");
}

TEST(SelectParser, RoundTrip) {
  const char *Cases[] = {
      "chain B and resid 50 to 80 and name CA",
      "resid -5 to 52A or resid 52B 53 -10 to -7",
      "(chain A or chain B) and (name CA or name CB) and not hydrogen",
      "within 5 of resname HEM and chain A",
      "within 5 of (resname HEM or resname HOH) or water",
      "not (protein and backbone) or nucleic and sidechain",
      "name O5' \"C1'\" \"O3'\" '\"x'",
      "chain \"and\" \"to\" \"\" x'y",
      "altloc \"\" A B and element Fe SE c",
      "model 3 and (index 0 to 99 or label_seq 1 5 to 6)",
      "entity 2 and label_asym C and resname HEM",
      "within 1e1 of (within 2.25 of water and not water)",
      "not not not all",
  };
  for (const char *C : Cases) {
    Selector A = parseOk(C);
    Selector B = parseOk(A.str());
    EXPECT_EQ(A.expr(), B.expr()) << C << " -> " << A.str();
    EXPECT_EQ(A.str(), B.str()) << C;
  }
}

TEST(SelectParser, RangesAndInsertionCodes) {
  Selector S = parseOk("resid -5 to 52A 60");
  const Expr &E = S.expr();
  ASSERT_EQ(E.ResIds.size(), 2u);
  EXPECT_EQ(E.ResIds[0].From.Seq, -5);
  EXPECT_EQ(E.ResIds[0].From.ICode, 0);
  EXPECT_EQ(E.ResIds[0].To.Seq, 52);
  EXPECT_EQ(E.ResIds[0].To.ICode, 'A');
  EXPECT_EQ(E.ResIds[1].From, E.ResIds[1].To);
  // (seq, icode) order: blank before A, A before B.
  ResIdRange R = E.ResIds[0];
  EXPECT_TRUE(R.contains({52, 0}));
  EXPECT_TRUE(R.contains({52, 'A'}));
  EXPECT_FALSE(R.contains({52, 'B'}));
  EXPECT_TRUE(R.contains({-5, 0}));
  EXPECT_TRUE(R.contains({-5, 'Z'}));
  EXPECT_FALSE(R.contains({-6, 'Z'}));
  EXPECT_EQ(errorOf("resid 52A to 52"),
            "7: empty range '52A to 52': the first bound is after the second");
  EXPECT_EQ(errorOf("resid 52A to 52B"), "parsed");
}

TEST(SelectParser, Errors) {
  EXPECT_EQ(errorOf("chian A"),
            "1: unknown keyword 'chian'; did you mean 'chain'?");
  EXPECT_EQ(errorOf("chain A and resnam HEM"),
            "13: unknown keyword 'resnam'; did you mean 'resname'?");
  EXPECT_EQ(errorOf("chain A and xyzzy"), "13: unknown keyword 'xyzzy'");
  EXPECT_EQ(errorOf("resid 80 to 50"),
            "7: empty range '80 to 50': the first bound is after the second");
  EXPECT_EQ(errorOf("model 5 to 1"),
            "7: empty range '5 to 1': the first bound is after the second");
  EXPECT_EQ(errorOf("chain A and"), "12: expected a selection after 'and'");
  EXPECT_EQ(errorOf("chain A or "), "12: expected a selection after 'or'");
  EXPECT_EQ(errorOf("not"), "4: expected a selection after 'not'");
  EXPECT_EQ(errorOf("and chain A"), "1: expected a selection, found 'and'");
  EXPECT_EQ(errorOf(""), "1: empty selector (use 'all' or 'none')");
  EXPECT_EQ(errorOf("   "), "4: empty selector (use 'all' or 'none')");
  EXPECT_EQ(errorOf("(chain A"), "1: unbalanced '(': no matching ')'");
  EXPECT_EQ(errorOf("name CA and ((chain A) or chain B"),
            "13: unbalanced '(': no matching ')'");
  EXPECT_EQ(errorOf("chain A)"), "8: unbalanced ')': no '(' to close");
  EXPECT_EQ(errorOf("()"), "2: expected a selection after '(', found ')'");
  EXPECT_EQ(errorOf("(chain A name CA)"),
            "10: expected 'and', 'or' or ')', found 'name'");
  EXPECT_EQ(errorOf("within 5 resname HEM"),
            "10: expected 'of' after 'within 5', found 'resname'");
  EXPECT_EQ(errorOf("within x of water"),
            "8: expected a distance in Angstrom after 'within', found 'x'");
  EXPECT_EQ(errorOf("within of water"),
            "8: expected a distance in Angstrom after 'within', found 'of'");
  EXPECT_EQ(errorOf("within 5"),
            "9: expected 'of' after 'within 5', found the end of the "
            "selector");
  EXPECT_EQ(errorOf("within -1 of water"),
            "8: the distance of 'within' must not be negative");
  EXPECT_EQ(errorOf("within 5 of"), "12: expected a selection after 'of'");
  EXPECT_EQ(errorOf("chain A B name CA"),
            "11: expected 'and', 'or' or the end of the selector, found "
            "'name'");
  EXPECT_EQ(errorOf("protein A"),
            "9: expected 'and', 'or' or the end of the selector, found 'A'");
  EXPECT_EQ(errorOf("chain"),
            "6: expected a value after 'chain', found the end of the "
            "selector");
  EXPECT_EQ(errorOf("chain and name CA"),
            "7: expected a value after 'chain', found 'and'");
  EXPECT_EQ(errorOf("chain A to C"),
            "9: 'to' makes a range only after a value of resid, label_seq, "
            "model or index");
  EXPECT_EQ(errorOf("resid 1 to"),
            "11: expected a value after 'to', found the end of the selector");
  EXPECT_EQ(errorOf("resid 5-9"),
            "7: expected a residue number (52, -5, 52A) for 'resid', found "
            "'5-9'");
  EXPECT_EQ(errorOf("label_seq 1 to x"),
            "16: expected an integer for 'label_seq', found 'x'");
  EXPECT_EQ(errorOf("index -1"),
            "7: an atom index is 0 or more (0-based rows)");
  EXPECT_EQ(errorOf("model 99999999999"), "7: value out of range for 'model'");
  EXPECT_EQ(errorOf("altloc AB"),
            "8: an altloc id is one character (\"\" selects atoms without "
            "altloc), found 'AB'");
  EXPECT_EQ(errorOf("element C Xx"), "11: unknown element 'Xx'");
  EXPECT_EQ(errorOf("altloc none"),
            "8: altloc \"\" selects atoms without altloc ('none' is the empty "
            "selection)");
  EXPECT_EQ(errorOf("name 'CA"), "6: unterminated string: no closing \"'\"");
  EXPECT_EQ(errorOf("name \"CA\"x"),
            "10: expected white space after the closing quote");
  EXPECT_EQ(errorOf("name 'O5''"),
            "10: expected white space after the closing quote (a value "
            "holding ' goes in double quotes)");
  EXPECT_EQ(errorOf("\"chain\" A"),
            "1: expected a keyword, found the string \"chain\"");
  EXPECT_EQ(errorOf("Chain A"),
            "1: unknown keyword 'Chain'; did you mean 'chain'?");
  // model only as a top-level 'and' term.
  EXPECT_EQ(errorOf("model 1 or chain A"),
            "1: 'model' must be a top-level 'and' term (not under 'or', "
            "'not' or 'within')");
  EXPECT_EQ(errorOf("chain A and not model 1"),
            "17: 'model' must be a top-level 'and' term (not under 'or', "
            "'not' or 'within')");
  EXPECT_EQ(errorOf("within 5 of model 1"),
            "13: 'model' must be a top-level 'and' term (not under 'or', "
            "'not' or 'within')");
  EXPECT_EQ(errorOf("(chain A and model 2) and name CA"), "parsed");
}

TEST(SelectParser, ErrorRendering) {
  auto S = Selector::parse("chain A and chian B");
  ASSERT_FALSE(bool(S));
  std::string Text = llvm::toString(S.takeError());
  EXPECT_EQ(Text, "<selector>:1:13: error: unknown keyword 'chian'; did you "
                  "mean 'chain'?\n"
                  "chain A and chian B\n"
                  "            ^\n");
}

TEST(SelectParser, NeedsAndModels) {
  auto Needs = [](llvm::StringRef T) { return columnList(parseOk(T).needs()); };
  EXPECT_EQ(Needs("all"), "");
  EXPECT_EQ(Needs("index 0 to 9"), "");
  EXPECT_EQ(Needs("name CA"), "AtomName");
  EXPECT_EQ(Needs("backbone"), "AtomName,Residues");
  EXPECT_EQ(Needs("hydrogen or element C"), "Element");
  EXPECT_EQ(Needs("altloc A"), "AltLoc");
  EXPECT_EQ(Needs("hetero"), "AtomFlags");
  EXPECT_EQ(Needs("model 2"), "Coordinates");
  EXPECT_EQ(Needs("within 3 of water"), "Coordinates,Residues");
  EXPECT_EQ(Needs("chain A or label_asym B"), "Chains");
  EXPECT_EQ(Needs("entity 1"), "Chains,Entities");
  EXPECT_EQ(Needs("resid 5 and resname ALA"), "Residues");

  Selector M = parseOk("model 3 5 to 7 and chain A and (model 6 to 9 and "
                       "name CA)");
  std::vector<std::pair<int64_t, int64_t>> Got;
  for (IntRange R : M.models())
    Got.emplace_back(R.From, R.To);
  EXPECT_EQ(Got, (std::vector<std::pair<int64_t, int64_t>>{{3, 3}, {5, 9}}));
  EXPECT_TRUE(M.namesModel(8));
  EXPECT_FALSE(M.namesModel(4));
  EXPECT_TRUE(parseOk("chain A").models().empty());
  EXPECT_TRUE(parseOk("within 5 of water").usesWithin());
  EXPECT_FALSE(parseOk("water").usesWithin());
}

TEST(SelectParser, FromExprFlattensAndChecks) {
  auto Leaf = [](ExprKind K, std::string V) {
    auto E = std::make_unique<Expr>(K);
    E->Values.push_back(std::move(V));
    return E;
  };
  auto Inner = std::make_unique<Expr>(ExprKind::And);
  Inner->Operands.push_back(Leaf(ExprKind::Chain, "A"));
  Inner->Operands.push_back(Leaf(ExprKind::Name, "CA"));
  auto Outer = std::make_unique<Expr>(ExprKind::And);
  Outer->Operands.push_back(std::move(Inner));
  Outer->Operands.push_back(Leaf(ExprKind::ResName, "ALA"));
  auto S = Selector::fromExpr(std::move(Outer));
  ASSERT_TRUE(bool(S));
  EXPECT_EQ(S->str(), "chain A and name CA and resname ALA");
  EXPECT_EQ(S->expr(), parseOk(S->str()).expr());

  auto Bad = std::make_unique<Expr>(ExprKind::Not);
  auto M = std::make_unique<Expr>(ExprKind::Model);
  M->Ints.push_back({1, 1});
  Bad->Operands.push_back(std::move(M));
  auto E = Selector::fromExpr(std::move(Bad));
  EXPECT_FALSE(bool(E));
  llvm::consumeError(E.takeError());
}
