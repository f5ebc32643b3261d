//===- PassOptions.cpp - Options of passes and analyses -------------------===//
#include "qir/Pass/PassOptions.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <charconv>
#include <cmath>

using namespace qir;
using namespace llvm;

//===----------------------------------------------------------------------===//
// Value formats
//===----------------------------------------------------------------------===//

void optfmt::print(raw_ostream &OS, bool V) { OS << (V ? "true" : "false"); }
void optfmt::print(raw_ostream &OS, int64_t V) { OS << V; }
void optfmt::print(raw_ostream &OS, double V) {
  if (V == 0)
    V = 0; // -0 and 0 are one key
  char Buf[32];
  auto R = std::to_chars(Buf, Buf + sizeof(Buf), V);
  OS << StringRef(Buf, R.ptr - Buf);
}
void optfmt::print(raw_ostream &OS, const std::string &V) { OS << V; }
void optfmt::print(raw_ostream &OS, const Vec3Option &V) {
  print(OS, V[0]);
  OS << ',';
  print(OS, V[1]);
  OS << ',';
  print(OS, V[2]);
}

std::string optfmt::parse(StringRef Text, bool &V) {
  if (Text == "true" || Text == "1") {
    V = true;
    return "";
  }
  if (Text == "false" || Text == "0") {
    V = false;
    return "";
  }
  return "expected true or false";
}

std::string optfmt::parse(StringRef Text, int64_t &V) {
  const char *E = Text.data() + Text.size();
  auto R = std::from_chars(Text.data(), E, V);
  if (Text.empty() || R.ec != std::errc() || R.ptr != E)
    return "expected an integer";
  return "";
}

std::string optfmt::parse(StringRef Text, int &V) {
  int64_t W;
  std::string Err = parse(Text, W);
  if (!Err.empty())
    return Err;
  if (W < INT32_MIN || W > INT32_MAX)
    return "integer out of range";
  V = static_cast<int>(W);
  return "";
}

std::string optfmt::parse(StringRef Text, unsigned &V) {
  int64_t W;
  std::string Err = parse(Text, W);
  if (!Err.empty())
    return "expected a non-negative integer";
  if (W < 0 || W > UINT32_MAX)
    return "expected a non-negative integer";
  V = static_cast<unsigned>(W);
  return "";
}

std::string optfmt::parse(StringRef Text, double &V) {
  const char *B = Text.data(), *E = B + Text.size();
  if (!Text.empty() && *B == '+')
    ++B;
  auto R = std::from_chars(B, E, V);
  if (Text.empty() || R.ec != std::errc() || R.ptr != E || !std::isfinite(V))
    return "expected a number";
  return "";
}

std::string optfmt::parse(StringRef Text, std::string &V) {
  V = Text.str(); // may be empty: "name=" is how an empty string prints
  return "";
}

std::string optfmt::parse(StringRef Text, Vec3Option &V) {
  SmallVector<StringRef, 3> Parts;
  Text.split(Parts, ',');
  if (Parts.size() != 3)
    return "expected three comma-separated numbers x,y,z";
  for (unsigned I = 0; I < 3; ++I)
    if (!parse(Parts[I].trim(), V[I]).empty())
      return "expected three comma-separated numbers x,y,z";
  return "";
}

namespace qir {
namespace optfmt {
template <> const char *typeName<bool>() { return "bool"; }
template <> const char *typeName<int64_t>() { return "int"; }
template <> const char *typeName<int>() { return "int"; }
template <> const char *typeName<unsigned>() { return "uint"; }
template <> const char *typeName<double>() { return "number"; }
template <> const char *typeName<std::string>() { return "string"; }
template <> const char *typeName<Vec3Option>() { return "x,y,z"; }
} // namespace optfmt
} // namespace qir

//===----------------------------------------------------------------------===//
// Splitting
//===----------------------------------------------------------------------===//

SmallVector<PassParam, 4> qir::splitParams(StringRef Text) {
  SmallVector<PassParam, 4> Out;
  if (Text.empty())
    return Out;
  auto Add = [&](StringRef Piece) {
    PassParam P;
    P.Text = Piece;
    // '=' at depth 0 separates name and value; nested specs keep theirs.
    int Depth = 0;
    size_t Eq = StringRef::npos;
    for (size_t I = 0; I < Piece.size(); ++I) {
      char C = Piece[I];
      if (C == '<')
        ++Depth;
      else if (C == '>')
        --Depth;
      else if (C == '=' && Depth == 0) {
        Eq = I;
        break;
      }
    }
    if (Eq == StringRef::npos) {
      P.Name = Piece;
    } else {
      P.Name = Piece.substr(0, Eq);
      P.Value = Piece.substr(Eq + 1);
      P.HasValue = true;
    }
    Out.push_back(P);
  };
  int Depth = 0;
  size_t Start = 0;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '<')
      ++Depth;
    else if (C == '>')
      --Depth;
    else if (C == ';' && Depth == 0) {
      Add(Text.slice(Start, I));
      Start = I + 1;
    }
  }
  Add(Text.substr(Start));
  return Out;
}

//===----------------------------------------------------------------------===//
// OptionParser
//===----------------------------------------------------------------------===//

OptionParser::OptionParser(ArrayRef<PassParam> Params)
    : Params(Params), Claimed(Params.size(), false), ClaimedAs(Params.size()) {
  for (const PassParam &P : Params)
    if (P.Text.empty() && !Issue)
      fail(P.Text.data(), "empty parameter");
}

const PassParam *OptionParser::take(StringRef Name, bool Positional) {
  Known.push_back(Name);
  if (Issue)
    return nullptr;
  const PassParam *Found = nullptr;
  // Named form first: "name=value" or a bare flag name.
  for (size_t I = 0; I < Params.size(); ++I) {
    if (Claimed[I] || Params[I].Name != Name)
      continue;
    if (Found) {
      fail(Params[I].Text.data(), "option '" + Name.str() + "' given twice");
      return nullptr;
    }
    Claimed[I] = true;
    ClaimedAs[I] = Name;
    Found = &Params[I];
  }
  if (Found || !Positional)
    return Found;
  // Positional: the first bare parameter that names no option of this pass.
  // Names declared later in map() are not known yet, so a bare word equal
  // to a later flag would be taken here; map() lists flags before
  // positionals to keep that unambiguous.
  for (size_t I = 0; I < Params.size(); ++I) {
    if (Claimed[I] || Params[I].HasValue)
      continue;
    if (llvm::is_contained(Known, Params[I].Name))
      continue;
    Claimed[I] = true;
    ClaimedAs[I] = Name;
    return &Params[I];
  }
  return nullptr;
}

StringRef OptionParser::nameOf(const PassParam &P) const {
  size_t I = &P - Params.data();
  return ClaimedAs[I].empty() ? P.Name : ClaimedAs[I];
}

const char *OptionParser::locationOf(StringRef Option) const {
  for (size_t I = 0; I < Params.size(); ++I)
    if (ClaimedAs[I] == Option)
      return Params[I].HasValue ? Params[I].Value.data()
                                : Params[I].Text.data();
  return Params.empty() ? nullptr : Params.front().Text.data();
}

void OptionParser::reportUnclaimed() {
  if (Issue)
    return;
  for (size_t I = 0; I < Params.size(); ++I) {
    if (Claimed[I])
      continue;
    const PassParam &P = Params[I];
    std::string Msg;
    if (llvm::is_contained(Known, P.Name))
      Msg = "option '" + P.Name.str() + "' given twice";
    else if (Known.empty())
      Msg = "unexpected parameter '" + P.Text.str() + "': this takes none";
    else {
      std::string Names;
      for (StringRef K : Known)
        Names += (Names.empty() ? "" : ", ") + K.str();
      Msg = (P.HasValue ? "unknown option '" + P.Name.str() + "'"
                        : "unexpected parameter '" + P.Text.str() + "'") +
            " (options: " + Names + ")";
    }
    fail(P.Text.data(), Msg);
    return;
  }
}

void OptionParser::fail(const char *Loc, std::string Msg) {
  if (!Issue)
    Issue = OptionIssue{Loc, std::move(Msg)};
}

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

std::string OptionPrinter::str() {
  llvm::sort(Entries);
  std::string S;
  for (const auto &E : Entries) {
    if (!S.empty())
      S += ';';
    S += E.first + "=" + E.second;
  }
  return S;
}

std::string qir::optionSyntax(ArrayRef<OptionDescription> Options) {
  if (Options.empty())
    return "";
  std::string S = "<";
  bool First = true;
  for (const OptionDescription &D : Options) {
    if (!First)
      S += ';';
    First = false;
    if (D.Positional)
      S += "[" + D.Name + "=]" + D.Type;
    else if (D.Flag)
      S += D.Name;
    else
      S += D.Name + "=" + D.Type;
  }
  return S + ">";
}
