//===- CifBlock.cpp - One CIF data block as categories --------------------===//
#include "qir/IO/CifBlock.h"

#include "qir/Support/Diagnostic.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

using namespace qir;
using namespace qir::io;
using namespace llvm;
using Token = CifLexer::Token;
using Kind = CifLexer::Kind;

int CifCategory::column(StringRef Item) const {
  for (size_t I = 0; I < Items.size(); ++I)
    if (Item.equals_insensitive(Items[I]))
      return static_cast<int>(I);
  return -1;
}

StringRef CifCategory::str(size_t Row, StringRef Item) const {
  int C = column(Item);
  if (C < 0 || Row >= rows())
    return {};
  const Token &T = Values[Row * width() + C];
  return T.isNull() ? StringRef() : T.Text;
}

const CifCategory *CifBlock::find(StringRef Name) const {
  for (const CifCategory &C : Categories)
    if (Name.equals_insensitive(C.Name))
      return &C;
  return nullptr;
}

/// The end of the text of value token \p T (after a closing quote or the
/// text field's closing ';').
static const char *tokenEnd(const Token &T) {
  if (!T.Quoted)
    return T.Text.end();
  if (*T.Pos == ';') {
    // Text up to "\n;" (or "\r\n;"), then the ';'.
    const char *P = T.Text.end();
    while (*P != ';')
      ++P;
    return P + 1;
  }
  return T.Text.end() + 1;
}

StringRef qir::io::cifTokenSource(const Token &T) {
  return StringRef(T.Pos, tokenEnd(T) - T.Pos);
}

Expected<CifBlock> qir::io::parseCifBlock(StringRef Text, StringRef File) {
  CifLexer Lex(Text);
  auto Fail = [&](const char *Pos, const Twine &Msg) -> Error {
    return makeParseError(File, Text, Pos, Msg);
  };
  Token T = Lex.next();
  if (T.K == Kind::Error)
    return Fail(T.Pos, Lex.errorMessage());
  if (T.K != Kind::DataBlock)
    return Fail(T.K == Kind::Eof ? Lex.end() : T.Pos,
                "expected a data block ('data_NAME') at the start of an "
                "mmCIF file");
  CifBlock B;
  B.Name = T.Text.str();
  B.Begin = T.Pos;
  B.End = Lex.end();
  StringMap<size_t> Index; // lower-case name -> category
  auto Get = [&](StringRef Name) -> CifCategory & {
    auto [It, New] = Index.try_emplace(Name.lower(), B.Categories.size());
    if (New) {
      B.Categories.emplace_back();
      B.Categories.back().Name = Name.str();
    }
    return B.Categories[It->second];
  };
  auto SplitTag = [](StringRef Tag) {
    auto [Cat, Item] = Tag.drop_front().split('.');
    return std::make_pair(Cat, Item);
  };

  T = Lex.next();
  CifCategory *Run = nullptr; // the category of the key-value run going on
  for (;;) {
    switch (T.K) {
    case Kind::Error:
      return Fail(T.Pos, Lex.errorMessage());
    case Kind::Eof:
      return B;
    case Kind::DataBlock:
      B.End = T.Pos;
      return B;
    case Kind::Value:
      return Fail(T.Pos, "value '" + T.Text + "' without a tag");
    case Kind::SaveFrame: {
      // Skip the frame up to its closing save_.
      Run = nullptr;
      if (T.Text.empty()) {
        T = Lex.next();
        continue;
      }
      do {
        T = Lex.next();
        if (T.K == Kind::Error)
          return Fail(T.Pos, Lex.errorMessage());
      } while (T.K != Kind::Eof && !(T.K == Kind::SaveFrame && T.Text.empty()));
      if (T.K == Kind::SaveFrame)
        T = Lex.next();
      continue;
    }
    case Kind::Global:
    case Kind::Stop:
      Run = nullptr;
      T = Lex.next();
      continue;
    case Kind::Tag: {
      Token Tag = T;
      Token V = Lex.next();
      if (V.K == Kind::Error)
        return Fail(V.Pos, Lex.errorMessage());
      if (V.K != Kind::Value)
        return Fail(V.K == Kind::Eof ? Lex.end() : V.Pos,
                    "tag " + Tag.Text + " has no value");
      auto [Cat, Item] = SplitTag(Tag.Text);
      CifCategory &C = Get(Cat);
      if (C.IsLoop)
        return Fail(Tag.Pos,
                    "_" + Cat + " given both as a loop and as single items");
      if (&C != Run) {
        C.Spans.push_back({Tag.Pos, tokenEnd(V)});
        Run = &C;
      } else {
        C.Spans.back().second = tokenEnd(V);
      }
      C.Items.push_back(Item.str());
      C.Values.push_back(V);
      T = Lex.next();
      continue;
    }
    case Kind::Loop: {
      Run = nullptr;
      const char *LoopPos = T.Pos;
      T = Lex.next();
      if (T.K != Kind::Tag)
        return Fail(T.K == Kind::Eof ? Lex.end() : T.Pos, "loop_ without tags");
      auto [Cat, Item0] = SplitTag(T.Text);
      if (Index.count(Cat.lower()))
        return Fail(T.Pos, "_" + Cat + " appears twice in the block");
      CifCategory &C = Get(Cat);
      C.IsLoop = true;
      while (T.K == Kind::Tag) {
        auto [TC, TI] = SplitTag(T.Text);
        if (!TC.equals_insensitive(Cat))
          return Fail(T.Pos, "loop_ of _" + Cat + " holds a tag of _" + TC);
        C.Items.push_back(TI.str());
        T = Lex.next();
      }
      const char *End = nullptr;
      while (T.K == Kind::Value) {
        C.Values.push_back(T);
        End = tokenEnd(T);
        T = Lex.next();
      }
      if (T.K == Kind::Error)
        return Fail(T.Pos, Lex.errorMessage());
      if (C.Values.size() % C.width() != 0)
        return Fail(LoopPos, "loop_ of _" + Cat + " has " +
                                 Twine(C.Values.size()) +
                                 " values, not a "
                                 "multiple of its " +
                                 Twine(C.width()) + " tags");
      if (!End) {
        // A loop without values: its span ends after the last tag.
        End = LoopPos;
        CifLexer Again(StringRef(LoopPos, Lex.end() - LoopPos));
        for (Token U = Again.next(); U.K == Kind::Loop || U.K == Kind::Tag;
             U = Again.next())
          End = U.K == Kind::Loop ? U.Pos + 5 : U.Text.end();
      }
      C.Spans.push_back({LoopPos, End});
      continue;
    }
    }
  }
}

std::string qir::io::cifValue(StringRef V) {
  if (V.empty())
    return "?";
  bool Space = false, NewLine = false;
  for (char C : V) {
    Space |= C == ' ' || C == '\t';
    NewLine |= C == '\n' || C == '\r';
  }
  if (NewLine)
    return (";" + V + "\n;").str();
  char F = V[0];
  bool Reserved =
      V.starts_with_insensitive("data_") ||
      V.starts_with_insensitive("save_") || V.equals_insensitive("loop_") ||
      V.equals_insensitive("stop_") || V.equals_insensitive("global_");
  if (!Space && !Reserved && F != '_' && F != '#' && F != '$' && F != '\'' &&
      F != '"' && F != '[' && F != ']' && F != ';' && V != "?" && V != ".")
    return V.str();
  // A quote closes a quoted value only before whitespace: a quote char
  // inside is fine unless whitespace follows it.
  auto Fits = [&](char Q) {
    for (size_t I = 0; I + 1 < V.size(); ++I)
      if (V[I] == Q && (V[I + 1] == ' ' || V[I + 1] == '\t'))
        return false;
    return V.back() != Q;
  };
  if (Fits('\''))
    return ("'" + V + "'").str();
  if (Fits('"'))
    return ("\"" + V + "\"").str();
  return (";" + V + "\n;").str();
}
