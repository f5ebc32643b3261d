//===- PassOptions.h - Options of passes and analyses -----------*- C++ -*-===//
//
// A pass's options are a plain struct that lists each option once, in a
// map() member template:
//
//   struct Options : PassOptionsBase {
//     double Cutoff = 8.0;
//     Algorithm Alg = Algorithm::ShrakeRupley;
//     template <typename M> void map(M &O) {
//       O.option("cutoff", Cutoff, "neighbour cutoff in Angstrom");
//       O.choice("algorithm", Alg, {{"sr", Algorithm::ShrakeRupley},
//                                   {"lr", Algorithm::LeeRichards}},
//                "surface algorithm");
//     }
//   };
//
// One listing drives everything that needs to know the options: parsing
// pipeline parameters (OptionParser, with the column of every mistake),
// the canonical text that enters cache keys (printCanonical: every option,
// defaults included, sorted by name, doubles in shortest round-trip form)
// and the syntax shown by -print-passes (describeOptions). Nothing can
// drift because there is nothing to keep in sync.
//
// Parameter forms, inside the angle brackets and split on top-level ';':
//   name=value   any option
//   name         a flag (sets it to true)
//   value        the next positional option, in map() order
//
//===----------------------------------------------------------------------===//
#ifndef QIR_PASS_PASSOPTIONS_H
#define QIR_PASS_PASSOPTIONS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace qir {

using Vec3Option = std::array<double, 3>;

/// A mistake in the options, located at the parameter text it concerns.
struct OptionIssue {
  const char *Loc = nullptr; ///< points into the pipeline text, or null
  std::string Message;
};

/// Base of every Options struct. validate() runs after parsing; hide it in
/// the derived struct to reject combinations that each parse on their own.
/// It names the offending option so that the error points at its text.
struct PassOptionsBase {
  struct Invalid {
    llvm::StringRef Option;
    std::string Message;
  };
  std::optional<Invalid> validate() const { return std::nullopt; }
};

/// Text forms of option values, shared by parser and printer.
namespace optfmt {
void print(llvm::raw_ostream &OS, bool V);
void print(llvm::raw_ostream &OS, int64_t V);
void print(llvm::raw_ostream &OS, double V); ///< shortest round trip
void print(llvm::raw_ostream &OS, const std::string &V);
void print(llvm::raw_ostream &OS, const Vec3Option &V);
inline void print(llvm::raw_ostream &OS, int V) {
  print(OS, static_cast<int64_t>(V));
}
inline void print(llvm::raw_ostream &OS, unsigned V) {
  print(OS, static_cast<int64_t>(V));
}
/// Returns an error message, or an empty string on success.
std::string parse(llvm::StringRef Text, bool &V);
std::string parse(llvm::StringRef Text, int64_t &V);
std::string parse(llvm::StringRef Text, int &V);
std::string parse(llvm::StringRef Text, unsigned &V);
std::string parse(llvm::StringRef Text, double &V);
std::string parse(llvm::StringRef Text, std::string &V);
std::string parse(llvm::StringRef Text, Vec3Option &V);
template <typename T> const char *typeName();
} // namespace optfmt

/// One parameter of a pipeline element, as sliced from the pipeline text.
struct PassParam {
  llvm::StringRef Text; ///< the whole parameter ("cutoff=8" or "waters")
  llvm::StringRef Name; ///< before '=', or the whole text when no '='
  llvm::StringRef Value;
  bool HasValue = false;
};

/// Split a parameter list at top-level ';' (angle brackets nest). The slices
/// point into \p Text, so their positions locate errors.
llvm::SmallVector<PassParam, 4> splitParams(llvm::StringRef Text);

//===----------------------------------------------------------------------===//
// Mappers: what map() is called with.
//===----------------------------------------------------------------------===//

/// Parses parameters into an Options struct.
class OptionParser {
public:
  explicit OptionParser(llvm::ArrayRef<PassParam> Params);

  template <typename T>
  void option(llvm::StringRef Name, T &Value, llvm::StringRef Help) {
    if (const PassParam *P = take(Name, /*Positional=*/false))
      setValue(*P, Value);
  }
  template <typename T>
  void positional(llvm::StringRef Name, T &Value, llvm::StringRef Help) {
    if (const PassParam *P = take(Name, /*Positional=*/true))
      setValue(*P, Value);
  }
  void flag(llvm::StringRef Name, bool &Value, llvm::StringRef Help) {
    if (const PassParam *P = take(Name, /*Positional=*/false)) {
      if (!P->HasValue)
        Value = true;
      else
        setValue(*P, Value);
    }
  }
  template <typename E>
  void choice(llvm::StringRef Name, E &Value,
              std::initializer_list<std::pair<llvm::StringRef, E>> Choices,
              llvm::StringRef Help, bool Positional = false) {
    const PassParam *P = take(Name, Positional);
    if (!P)
      return;
    llvm::StringRef V = P->HasValue || Positional ? valueOf(*P) : "";
    for (const auto &C : Choices)
      if (C.first == V) {
        Value = C.second;
        return;
      }
    std::string Allowed;
    for (const auto &C : Choices)
      Allowed += (Allowed.empty() ? "" : ", ") + C.first.str();
    fail(V.empty() ? P->Text.data() : V.data(),
         "invalid value '" + V.str() + "' for '" + Name.str() +
             "' (expected one of: " + Allowed + ")");
  }

  /// After map(): report parameters nobody claimed, then run validate().
  template <typename OptionsT> void finish(const OptionsT &O) {
    reportUnclaimed();
    if (Issue)
      return;
    if (auto Bad = O.validate())
      fail(locationOf(Bad->Option), Bad->Message);
  }
  /// The first mistake found, if any.
  const std::optional<OptionIssue> &issue() const { return Issue; }

private:
  const PassParam *take(llvm::StringRef Name, bool Positional);
  llvm::StringRef valueOf(const PassParam &P) const {
    return P.HasValue ? P.Value : P.Text;
  }
  template <typename T> void setValue(const PassParam &P, T &Value) {
    if (!P.HasValue && P.Name == nameOf(P)) {
      fail(P.Text.data(), "option '" + P.Name.str() +
                              "' needs a value: " + P.Name.str() + "=...");
      return;
    }
    llvm::StringRef V = P.HasValue ? P.Value : P.Text;
    std::string Err = optfmt::parse(V, Value);
    if (!Err.empty())
      fail(V.empty() ? P.Text.data() : V.data(),
           "invalid value '" + V.str() + "' for option '" + nameOf(P).str() +
               "': " + Err);
  }
  llvm::StringRef nameOf(const PassParam &P) const;
  const char *locationOf(llvm::StringRef Option) const;
  void reportUnclaimed();
  void fail(const char *Loc, std::string Msg);

  llvm::ArrayRef<PassParam> Params;
  std::vector<bool> Claimed;
  std::vector<llvm::StringRef> ClaimedAs; ///< option name per parameter
  std::vector<llvm::StringRef> Known;     ///< names seen in map()
  std::optional<OptionIssue> Issue;
};

/// Writes the canonical text: name=value pairs sorted by name, joined by ';'.
class OptionPrinter {
public:
  template <typename T>
  void option(llvm::StringRef Name, const T &Value, llvm::StringRef) {
    add(Name, Value);
  }
  template <typename T>
  void positional(llvm::StringRef Name, const T &Value, llvm::StringRef) {
    add(Name, Value);
  }
  void flag(llvm::StringRef Name, const bool &Value, llvm::StringRef) {
    add(Name, Value);
  }
  template <typename E>
  void choice(llvm::StringRef Name, const E &Value,
              std::initializer_list<std::pair<llvm::StringRef, E>> Choices,
              llvm::StringRef, bool = false) {
    for (const auto &C : Choices)
      if (C.second == Value) {
        Entries.emplace_back(Name.str(), C.first.str());
        return;
      }
    Entries.emplace_back(Name.str(), "?");
  }
  std::string str();

private:
  template <typename T> void add(llvm::StringRef Name, const T &Value) {
    std::string S;
    llvm::raw_string_ostream OS(S);
    optfmt::print(OS, Value);
    Entries.emplace_back(Name.str(), OS.str());
  }
  std::vector<std::pair<std::string, std::string>> Entries;
};

/// One option, as -print-passes and --help describe it.
struct OptionDescription {
  std::string Name;
  std::string Type; ///< "bool", "int", "number", "string", "x,y,z", "a|b"
  std::string Default;
  std::string Help;
  bool Positional = false;
  bool Flag = false;
};

class OptionDescriber {
public:
  template <typename T>
  void option(llvm::StringRef Name, const T &Value, llvm::StringRef Help) {
    add(Name, Value, Help, false, false);
  }
  template <typename T>
  void positional(llvm::StringRef Name, const T &Value, llvm::StringRef Help) {
    add(Name, Value, Help, true, false);
  }
  void flag(llvm::StringRef Name, const bool &Value, llvm::StringRef Help) {
    add(Name, Value, Help, false, true);
  }
  template <typename E>
  void choice(llvm::StringRef Name, const E &Value,
              std::initializer_list<std::pair<llvm::StringRef, E>> Choices,
              llvm::StringRef Help, bool Positional = false) {
    OptionDescription D;
    D.Name = Name.str();
    for (const auto &C : Choices) {
      D.Type += (D.Type.empty() ? "" : "|") + C.first.str();
      if (C.second == Value)
        D.Default = C.first.str();
    }
    D.Help = Help.str();
    D.Positional = Positional;
    Options.push_back(std::move(D));
  }
  std::vector<OptionDescription> Options;

private:
  template <typename T>
  void add(llvm::StringRef Name, const T &Value, llvm::StringRef Help,
           bool Positional, bool Flag) {
    OptionDescription D;
    D.Name = Name.str();
    D.Type = optfmt::typeName<T>();
    llvm::raw_string_ostream OS(D.Default);
    optfmt::print(OS, Value);
    OS.flush();
    D.Help = Help.str();
    D.Positional = Positional;
    D.Flag = Flag;
    Options.push_back(std::move(D));
  }
};

//===----------------------------------------------------------------------===//
// Convenience entry points.
//===----------------------------------------------------------------------===//

/// Parse \p Params into a default-constructed OptionsT.
template <typename OptionsT>
OptionsT parseOptions(llvm::ArrayRef<PassParam> Params,
                      std::optional<OptionIssue> &Issue) {
  OptionsT O;
  OptionParser P(Params);
  O.map(P);
  P.finish(O);
  Issue = P.issue();
  return O;
}

/// Canonical text of \p O ("" for a struct without options).
template <typename OptionsT> std::string canonicalOptions(const OptionsT &O) {
  OptionPrinter P;
  const_cast<OptionsT &>(O).map(P); // map() only reads through a printer
  return P.str();
}

template <typename OptionsT> std::vector<OptionDescription> describeOptions() {
  OptionsT O;
  OptionDescriber D;
  O.map(D);
  return std::move(D.Options);
}

/// "<name=bool;cutoff=number>" style syntax line for -print-passes.
std::string optionSyntax(llvm::ArrayRef<OptionDescription> Options);

/// Options struct of a pass that takes none.
struct NoOptions : PassOptionsBase {
  template <typename M> void map(M &) {}
};

} // namespace qir

#endif // QIR_PASS_PASSOPTIONS_H
