//===- Parser.cpp - Selector text to syntax tree --------------------------===//
#include "qir/Select/Parser.h"

#include "qir/Select/Lexer.h"
#include "qir/Support/Element.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <charconv>
#include <cmath>
#include <limits>

using namespace qir;
using namespace qir::select;
using namespace llvm;

std::string qir::select::closestKeyword(StringRef Word) {
  std::string Best;
  unsigned BestD = std::max<unsigned>(2, Word.size() / 3) + 1;
  for (StringRef K : reservedWords()) {
    unsigned D = Word.edit_distance(K, /*AllowReplacements=*/true, BestD);
    if (D < BestD) {
      BestD = D;
      Best = K.str();
    }
  }
  return Best;
}

namespace {

using ExprPtr = std::unique_ptr<Expr>;

/// A keyword that selects by value, and what its values are.
enum class ValueKind { None, String, ResId, Int };

struct KeywordInfo {
  StringLiteral Word;
  ExprKind Kind;
  ValueKind Values;
};

constexpr KeywordInfo Keywords[] = {
    {"all", ExprKind::All, ValueKind::None},
    {"none", ExprKind::None, ValueKind::None},
    {"protein", ExprKind::Protein, ValueKind::None},
    {"nucleic", ExprKind::Nucleic, ValueKind::None},
    {"water", ExprKind::Water, ValueKind::None},
    {"hetero", ExprKind::Hetero, ValueKind::None},
    {"backbone", ExprKind::Backbone, ValueKind::None},
    {"sidechain", ExprKind::Sidechain, ValueKind::None},
    {"hydrogen", ExprKind::Hydrogen, ValueKind::None},
    {"chain", ExprKind::Chain, ValueKind::String},
    {"label_asym", ExprKind::LabelAsym, ValueKind::String},
    {"entity", ExprKind::Entity, ValueKind::String},
    {"resname", ExprKind::ResName, ValueKind::String},
    {"name", ExprKind::Name, ValueKind::String},
    {"element", ExprKind::Element, ValueKind::String},
    {"altloc", ExprKind::AltLoc, ValueKind::String},
    {"resid", ExprKind::ResId, ValueKind::ResId},
    {"label_seq", ExprKind::LabelSeq, ValueKind::Int},
    {"model", ExprKind::Model, ValueKind::Int},
    {"index", ExprKind::Index, ValueKind::Int},
};

const KeywordInfo *lookupKeyword(StringRef W) {
  for (const KeywordInfo &K : Keywords)
    if (K.Word == W)
      return &K;
  return nullptr;
}

/// How a token reads in a message.
std::string describe(const Token &T) {
  switch (T.K) {
  case Token::End:
    return "the end of the selector";
  case Token::String:
    return "the string \"" + T.Text.str() + "\"";
  default:
    return "'" + T.Text.str() + "'";
  }
}

/// Decimal integer with an optional '-' (no '+', no spaces, no base
/// prefixes).
bool parseInteger(StringRef S, int64_t &V) {
  StringRef Digits = S.starts_with("-") ? S.drop_front() : S;
  if (Digits.empty() || !all_of(Digits, isDigit))
    return false;
  auto R = std::from_chars(S.data(), S.data() + S.size(), V);
  return R.ec == std::errc() && R.ptr == S.data() + S.size();
}

/// A finite decimal number ("5", "4.5", "1e1").
bool parseDistance(StringRef S, double &V) {
  const char *E = S.data() + S.size();
  auto R = std::from_chars(S.data(), E, V);
  return R.ec == std::errc() && R.ptr == E && std::isfinite(V);
}

class Parser {
public:
  explicit Parser(StringRef Text) : Text(Text) {}

  Expected<ExprPtr> parse();

private:
  const Token &peek() const { return Toks[Pos]; }
  const Token &next() { return Toks[Pos == Toks.size() - 1 ? Pos : Pos++]; }
  Error error(const char *Loc, const Twine &Msg) {
    return selectorError(Text, Loc, Msg);
  }
  Error error(const Token &T, const Twine &Msg) { return error(T.Loc, Msg); }
  unsigned column(const Token &T) const {
    return static_cast<unsigned>(T.Loc - Text.data()) + 1;
  }
  static bool isValue(const Token &T) {
    return T.K == Token::String ||
           (T.K == Token::Word && !isReservedWord(T.Text));
  }
  /// The error for token \p T where an operator or the end was expected.
  Error unexpected(const Token &T, StringRef Expected);

  Expected<ExprPtr> parseOr(const Token *After);
  Expected<ExprPtr> parseAnd(const Token *After);
  Expected<ExprPtr> parseUnary(const Token *After);
  Expected<ExprPtr> parsePrimary(const Token *After);
  Expected<ExprPtr> parseValues(const Token &KwTok, const KeywordInfo &K);
  Error parseItem(const Token &KwTok, const KeywordInfo &K, Expr &E);
  Error checkModels(const Expr &E, bool TopLevel);

  StringRef Text;
  std::vector<Token> Toks;
  size_t Pos = 0;
};

} // namespace

/// \p L op \p R, merging operands of the same operator.
static ExprPtr combine(ExprKind Op, unsigned Column, ExprPtr L, ExprPtr R) {
  ExprPtr Out;
  if (L->Kind == Op) {
    Out = std::move(L);
  } else {
    Out = std::make_unique<Expr>(Op, Column);
    Out->Operands.push_back(std::move(L));
  }
  if (R->Kind == Op)
    for (ExprPtr &O : R->Operands)
      Out->Operands.push_back(std::move(O));
  else
    Out->Operands.push_back(std::move(R));
  return Out;
}

Error Parser::unexpected(const Token &T, StringRef Expected) {
  if (T.K == Token::RParen && Expected.contains("end"))
    return error(T, "unbalanced ')': no '(' to close");
  if (T.isWord("to"))
    return error(T, "'to' makes a range only after a value of resid, "
                    "label_seq, model or index");
  return error(T, "expected " + Expected + ", found " + describe(T));
}

Expected<ExprPtr> Parser::parse() {
  auto Toks0 = lex(Text);
  if (!Toks0)
    return Toks0.takeError();
  Toks = std::move(*Toks0);
  if (peek().K == Token::End)
    return error(peek(), "empty selector (use 'all' or 'none')");
  Expected<ExprPtr> E = parseOr(nullptr);
  if (!E)
    return E.takeError();
  if (peek().K != Token::End)
    return unexpected(peek(), "'and', 'or' or the end of the selector");
  if (Error Err = checkModels(**E, /*TopLevel=*/true))
    return std::move(Err);
  return E;
}

Error Parser::checkModels(const Expr &E, bool TopLevel) {
  if (E.Kind == ExprKind::Model && !TopLevel)
    return error(Text.data() + E.Column - 1,
                 "'model' must be a top-level 'and' term (not under 'or', "
                 "'not' or 'within')");
  bool ChildTop = TopLevel && E.Kind == ExprKind::And;
  for (const ExprPtr &O : E.Operands)
    if (Error Err = checkModels(*O, ChildTop))
      return Err;
  return Error::success();
}

Expected<ExprPtr> Parser::parseOr(const Token *After) {
  Expected<ExprPtr> L = parseAnd(After);
  if (!L)
    return L;
  ExprPtr Out = std::move(*L);
  while (peek().isWord("or")) {
    const Token &Op = next();
    Expected<ExprPtr> R = parseAnd(&Op);
    if (!R)
      return R;
    Out = combine(ExprKind::Or, column(Op), std::move(Out), std::move(*R));
  }
  return std::move(Out);
}

Expected<ExprPtr> Parser::parseAnd(const Token *After) {
  Expected<ExprPtr> L = parseUnary(After);
  if (!L)
    return L;
  ExprPtr Out = std::move(*L);
  while (peek().isWord("and")) {
    const Token &Op = next();
    Expected<ExprPtr> R = parseUnary(&Op);
    if (!R)
      return R;
    Out = combine(ExprKind::And, column(Op), std::move(Out), std::move(*R));
  }
  return std::move(Out);
}

Expected<ExprPtr> Parser::parseUnary(const Token *After) {
  const Token &T = peek();
  if (T.isWord("not")) {
    const Token &Op = next();
    Expected<ExprPtr> Operand = parseUnary(&Op);
    if (!Operand)
      return Operand;
    auto E = std::make_unique<Expr>(ExprKind::Not, column(Op));
    E->Operands.push_back(std::move(*Operand));
    return std::move(E);
  }
  if (T.isWord("within")) {
    const Token &Op = next();
    const Token &D = peek();
    double Dist = 0;
    if (D.K != Token::Word || !parseDistance(D.Text, Dist))
      return error(D, "expected a distance in Angstrom after 'within', "
                      "found " +
                          describe(D));
    if (Dist < 0)
      return error(D, "the distance of 'within' must not be negative");
    next();
    const Token &Of = peek();
    if (!Of.isWord("of"))
      return error(Of, "expected 'of' after 'within " + D.Text + "', found " +
                           describe(Of));
    next();
    Expected<ExprPtr> Operand = parseUnary(&Of);
    if (!Operand)
      return Operand;
    auto E = std::make_unique<Expr>(ExprKind::Within, column(Op));
    E->Distance = Dist == 0 ? 0.0 : Dist; // one spelling of zero
    E->Operands.push_back(std::move(*Operand));
    return std::move(E);
  }
  return parsePrimary(After);
}

Expected<ExprPtr> Parser::parsePrimary(const Token *After) {
  const Token &T = peek();
  std::string Where =
      After ? " after '" + After->Text.str() + "'" : std::string();
  switch (T.K) {
  case Token::End:
    return error(T, "expected a selection" + Where);
  case Token::RParen:
    return error(T, "expected a selection" + Where + ", found ')'");
  case Token::String:
    return error(T, "expected a keyword" + Where + ", found " + describe(T));
  case Token::LParen: {
    const Token &Open = next();
    Expected<ExprPtr> E = parseOr(&Open);
    if (!E)
      return E;
    if (peek().K == Token::RParen) {
      next();
      return E;
    }
    if (peek().K == Token::End)
      return error(Open, "unbalanced '(': no matching ')'");
    return unexpected(peek(), "'and', 'or' or ')'");
  }
  case Token::Word:
    break;
  }
  if (const KeywordInfo *K = lookupKeyword(T.Text)) {
    const Token &KwTok = next();
    if (K->Values == ValueKind::None)
      return std::make_unique<Expr>(K->Kind, column(KwTok));
    return parseValues(KwTok, *K);
  }
  if (isReservedWord(T.Text))
    return error(T, "expected a selection" + Where + ", found " + describe(T));
  std::string Msg = "unknown keyword '" + T.Text.str() + "'";
  if (std::string Near = closestKeyword(T.Text); !Near.empty())
    Msg += "; did you mean '" + Near + "'?";
  return error(T, Msg);
}

Expected<ExprPtr> Parser::parseValues(const Token &KwTok,
                                      const KeywordInfo &K) {
  auto E = std::make_unique<Expr>(K.Kind, column(KwTok));
  if (K.Kind == ExprKind::AltLoc && peek().isWord("none"))
    return error(peek(), "altloc \"\" selects atoms without altloc ('none' "
                         "is the empty selection)");
  if (!isValue(peek()))
    return error(peek(), "expected a value after '" + KwTok.Text + "', found " +
                             describe(peek()));
  while (isValue(peek())) {
    if (K.Values != ValueKind::String) {
      if (Error Err = parseItem(KwTok, K, *E))
        return std::move(Err);
      continue;
    }
    const Token &V = next();
    if (K.Kind == ExprKind::AltLoc && V.Text.size() > 1)
      return error(V, "an altloc id is one character (\"\" selects atoms "
                      "without altloc), found " +
                          describe(V));
    if (K.Kind == ExprKind::Element && atomicNumber(V.Text) == 0)
      return error(V, "unknown element " + describe(V));
    E->Values.push_back(V.Text.str());
  }
  return std::move(E);
}

Error Parser::parseItem(const Token &KwTok, const KeywordInfo &K, Expr &E) {
  StringRef Kw = KwTok.Text;
  auto ParseInt = [&](const Token &V, int64_t &Out) -> Error {
    int64_t Lo = K.Kind == ExprKind::Index ? 0 : INT32_MIN;
    int64_t Hi = K.Kind == ExprKind::Index ? int64_t(UINT32_MAX) - 1
                                           : int64_t(INT32_MAX);
    if (!parseInteger(V.Text, Out))
      return error(V, "expected an integer for '" + Kw + "', found " +
                          describe(V));
    if (Out < Lo || Out > Hi)
      return error(V, K.Kind == ExprKind::Index
                          ? "an atom index is 0 or more (0-based rows)"
                          : "value out of range for '" + Kw + "'");
    return Error::success();
  };
  auto ParseResId = [&](const Token &V, ResIdKey &Out) -> Error {
    StringRef S = V.Text;
    char ICode = 0;
    if (!S.empty() && isAlpha(S.back())) {
      ICode = S.back();
      S = S.drop_back();
    }
    int64_t Seq;
    if (!parseInteger(S, Seq))
      return error(V, "expected a residue number (52, -5, 52A) for '" + Kw +
                          "', found " + describe(V));
    if (Seq < INT32_MIN + 1 || Seq > INT32_MAX)
      return error(V, "residue number out of range");
    Out.Seq = static_cast<int32_t>(Seq);
    Out.ICode = ICode;
    return Error::success();
  };

  const Token &First = next();
  const Token *Last = &First;
  bool IsRange = false;
  if (peek().isWord("to")) {
    next(); // 'to'
    if (!isValue(peek()))
      return error(peek(),
                   "expected a value after 'to', found " + describe(peek()));
    Last = &next();
    IsRange = true;
  }
  auto BadRange = [&]() {
    return error(First, "empty range '" + First.Text + " to " + Last->Text +
                            "': the first bound is after the second");
  };
  if (K.Values == ValueKind::ResId) {
    ResIdRange R;
    if (Error Err = ParseResId(First, R.From))
      return Err;
    R.To = R.From;
    if (IsRange) {
      if (Error Err = ParseResId(*Last, R.To))
        return Err;
      if (R.To < R.From)
        return BadRange();
    }
    E.ResIds.push_back(R);
    return Error::success();
  }
  IntRange R;
  if (Error Err = ParseInt(First, R.From))
    return Err;
  R.To = R.From;
  if (IsRange) {
    if (Error Err = ParseInt(*Last, R.To))
      return Err;
    if (R.To < R.From)
      return BadRange();
  }
  E.Ints.push_back(R);
  return Error::success();
}

Expected<std::unique_ptr<Expr>> qir::select::parseExpr(StringRef Text) {
  return Parser(Text).parse();
}
