//===- PassBuilder.cpp - Pass names, pipeline text, registration ----------===//
#include "qir/Passes/PassBuilder.h"

#include "qir/Pass/AnalysisPasses.h"
#include "qir/Support/Diagnostic.h"

// Every class named in PassRegistry.def.
#include "qir/Analysis/BackboneDihedrals.h"
#include "qir/Analysis/Counts.h"
#include "qir/Analysis/Dihedrals.h"
#include "qir/Analysis/Distogram.h"
#include "qir/Analysis/Dssp.h"
#include "qir/Analysis/Frames.h"
#include "qir/Analysis/HBonds.h"
#include "qir/Analysis/Neighbors.h"
#include "qir/Analysis/PairFeatures.h"
#include "qir/Analysis/Relpos.h"
#include "qir/Analysis/Sasa.h"
#include "qir/Analysis/ShEdges.h"
#include "qir/Analysis/SpatialIndex.h"
#include "qir/Analysis/Tokens.h"
#include "qir/Transforms/Extract.h"
#include "qir/Transforms/Renumber.h"
#include "qir/Transforms/Rotate.h"
#include "qir/Transforms/SelectAltLoc.h"
#include "qir/Transforms/SelectModel.h"
#include "qir/Transforms/Strip.h"
#include "qir/Transforms/Translate.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

using namespace qir;
using namespace llvm;

static constexpr StringLiteral PipelineBufferName = "<pipeline>";

PassBuilder::PassBuilder() {
#define QIR_ANALYSIS(CLASS) registerAnalysis<CLASS>();
#define QIR_TRANSFORM(CLASS) registerTransform<CLASS>();
#include "PassRegistry.def"
}

void PassBuilder::addTransform(TransformInfo I) {
  I.Origin = Origin;
  if (TransformByName.count(I.Name) || AnalysisByName.count(I.Name)) {
    Conflicts.push_back(I.Name.str() + " (from " + Origin + ")");
    return;
  }
  Transforms.push_back(std::make_unique<TransformInfo>(std::move(I)));
  TransformByName[Transforms.back()->Name] = Transforms.back().get();
}

void PassBuilder::addAnalysis(const AnalysisInfo &I) {
  if (TransformByName.count(I.Name) || AnalysisByName.count(I.Name)) {
    // Registering the very same analysis twice is harmless.
    if (AnalysisByName.lookup(I.Name) != &I)
      Conflicts.push_back(I.Name.str() + " (from " + Origin + ")");
    return;
  }
  Analyses.emplace_back(&I, Origin);
  AnalysisByName[I.Name] = &I;
}

const AnalysisInfo *PassBuilder::lookupAnalysis(StringRef Name) const {
  return AnalysisByName.lookup(Name);
}

const TransformInfo *PassBuilder::lookupTransform(StringRef Name) const {
  return TransformByName.lookup(Name);
}

//===----------------------------------------------------------------------===//
// Pipeline text
//===----------------------------------------------------------------------===//

namespace {

/// name<params> as sliced from the pipeline text.
struct Element {
  StringRef Name;
  StringRef Params; ///< between the brackets
  bool HasParams = false;
  StringRef Text; ///< the whole element
};

class PipelineParser {
public:
  PipelineParser(const PassBuilder &PB, StringRef Text, raw_ostream &PrintOS)
      : PB(PB), Text(Text), PrintOS(PrintOS) {}

  Error parse(PassManager &PM);

private:
  Error error(const char *Loc, const Twine &Msg) {
    return makeParseError(PipelineBufferName, Text, Loc, Msg);
  }
  Error error(const OptionIssue &I, const char *Fallback) {
    return error(I.Loc ? I.Loc : Fallback, I.Message);
  }
  /// Split \p T at top-level ',' and check that brackets balance.
  Error split(StringRef T, SmallVectorImpl<StringRef> &Out);
  Expected<Element> element(StringRef T);
  Expected<std::unique_ptr<PassConcept>> build(const Element &E);
  /// The analysis named by the first parameter of require/print/invalidate.
  Expected<const AnalysisInfo *> analysisOf(const Element &E,
                                            const PassParam &P,
                                            std::unique_ptr<AnyOptions> *Opts);

  const PassBuilder &PB;
  StringRef Text;
  raw_ostream &PrintOS;
};

} // namespace

Error PipelineParser::split(StringRef T, SmallVectorImpl<StringRef> &Out) {
  SmallVector<const char *, 4> Open;
  size_t Start = 0;
  for (size_t I = 0; I < T.size(); ++I) {
    char C = T[I];
    if (C == '<') {
      Open.push_back(T.data() + I);
    } else if (C == '>') {
      if (Open.empty())
        return error(T.data() + I, "unbalanced '>': no '<' to close");
      Open.pop_back();
    } else if (C == ',' && Open.empty()) {
      Out.push_back(T.slice(Start, I));
      Start = I + 1;
    }
  }
  if (!Open.empty())
    return error(Open.back(), "unbalanced '<': no matching '>'");
  Out.push_back(T.substr(Start));
  return Error::success();
}

static bool isNameChar(char C) {
  return isAlnum(C) || C == '-' || C == '_' || C == '.';
}

Expected<Element> PipelineParser::element(StringRef T) {
  Element E;
  E.Text = T;
  StringRef Trimmed = T.trim();
  if (Trimmed.empty())
    return error(T.data(), "empty pass name");
  size_t N = 0;
  while (N < Trimmed.size() && isNameChar(Trimmed[N]))
    ++N;
  E.Name = Trimmed.substr(0, N);
  if (E.Name.empty())
    return error(Trimmed.data(), Twine("expected a pass name, found '") +
                                     Trimmed.substr(0, 1) + "'");
  StringRef Rest = Trimmed.substr(N);
  if (Rest.empty())
    return E;
  if (Rest.front() != '<')
    return error(Rest.data(), Twine("unexpected '") + Rest.substr(0, 1) +
                                  "' after pass name '" + E.Name + "'");
  // Brackets balance (split() checked): the '>' that closes the first '<'
  // must be the last character.
  int Depth = 0;
  for (size_t I = 0; I < Rest.size(); ++I) {
    if (Rest[I] == '<')
      ++Depth;
    else if (Rest[I] == '>' && --Depth == 0 && I + 1 != Rest.size())
      return error(Rest.data() + I + 1,
                   "unexpected text after the parameters of '" + E.Name + "'");
  }
  if (Rest.back() != '>')
    return error(Rest.data() + Rest.size(), "expected '>' to close the "
                                            "parameters of '" +
                                                E.Name + "'");
  E.Params = Rest.drop_front().drop_back();
  E.HasParams = true;
  return E;
}

std::string PassBuilder::closestName(StringRef Name) const {
  std::string Best;
  unsigned BestD = std::max<unsigned>(2, Name.size() / 3) + 1;
  auto Try = [&](StringRef Cand) {
    unsigned D = Name.edit_distance(Cand, true, BestD);
    if (D < BestD) {
      BestD = D;
      Best = Cand.str();
    }
  };
  for (StringRef S : {"require", "invalidate", "print"})
    Try(S);
  for (const auto &T : Transforms)
    Try(T->Name);
  for (const auto &A : Analyses)
    Try(A.first->Name);
  return Best;
}

Expected<const AnalysisInfo *>
PipelineParser::analysisOf(const Element &Outer, const PassParam &P,
                           std::unique_ptr<AnyOptions> *Opts) {
  if (P.HasValue)
    return error(P.Text.data(), Twine("'") + Outer.Name +
                                    "' expects an analysis, not an option");
  Expected<Element> E = element(P.Text);
  if (!E)
    return E.takeError();
  const AnalysisInfo *Info = PB.lookupAnalysis(E->Name);
  if (!Info) {
    std::string Msg = "unknown analysis '" + E->Name.str() + "'";
    if (PB.lookupTransform(E->Name))
      Msg += " ('" + E->Name.str() + "' is a transform)";
    else if (std::string Near = PB.closestName(E->Name); !Near.empty())
      Msg += "; did you mean '" + Near + "'?";
    return error(E->Name.data(), Msg);
  }
  if (!Opts) {
    if (E->HasParams)
      return error(E->Params.data(),
                   "invalidate<X> takes the analysis name only: it drops "
                   "results for every option set");
    return Info;
  }
  std::optional<OptionIssue> Issue;
  SmallVector<PassParam, 4> Params = splitParams(E->Params);
  if (!E->HasParams)
    Params.clear();
  *Opts = Info->ParseOptions(Params, Issue);
  if (Issue)
    return error(*Issue, E->Name.data());
  return Info;
}

Expected<std::unique_ptr<PassConcept>> PipelineParser::build(const Element &E) {
  SmallVector<PassParam, 4> Params;
  if (E.HasParams)
    Params = splitParams(E.Params);

  if (E.Name == "require" || E.Name == "print" || E.Name == "invalidate") {
    if (Params.empty())
      return error(E.HasParams ? E.Params.data() : E.Name.end(),
                   Twine("'") + E.Name + "' needs an analysis: " + E.Name +
                       "<ANALYSIS>");
    std::unique_ptr<AnyOptions> Opts;
    bool IsInvalidate = E.Name == "invalidate";
    Expected<const AnalysisInfo *> Info =
        analysisOf(E, Params[0], IsInvalidate ? nullptr : &Opts);
    if (!Info)
      return Info.takeError();
    ArrayRef<PassParam> Rest = ArrayRef<PassParam>(Params).drop_front();
    if (E.Name == "print") {
      std::optional<OptionIssue> Issue;
      std::unique_ptr<AnyOptions> PrintOpts =
          (*Info)->ParsePrintOptions(Rest, Issue);
      if (Issue)
        return error(*Issue, Params[0].Text.data());
      return std::unique_ptr<PassConcept>(std::make_unique<PrintAnalysisPass>(
          **Info, std::move(Opts), std::move(PrintOpts), PrintOS));
    }
    if (!Rest.empty())
      return error(Rest.front().Text.data(),
                   Twine("'") + E.Name + "' takes one analysis; " +
                       "unexpected '" + Rest.front().Text + "'");
    if (IsInvalidate)
      return std::unique_ptr<PassConcept>(
          std::make_unique<InvalidateAnalysisPass>(**Info));
    return std::unique_ptr<PassConcept>(
        std::make_unique<RequireAnalysisPass>(**Info, std::move(Opts)));
  }

  if (const TransformInfo *T = PB.lookupTransform(E.Name)) {
    std::optional<OptionIssue> Issue;
    std::unique_ptr<PassConcept> P = T->Create(Params, Issue);
    if (Issue)
      return error(*Issue, E.Name.data());
    return std::move(P);
  }
  if (PB.lookupAnalysis(E.Name))
    return error(E.Name.data(), Twine("'") + E.Name +
                                    "' is an analysis: use require<" + E.Name +
                                    "> or print<" + E.Name + ">");
  std::string Msg = "unknown pass '" + E.Name.str() + "'";
  if (std::string Near = PB.closestName(E.Name); !Near.empty())
    Msg += "; did you mean '" + Near + "'?";
  return error(E.Name.data(), Msg + " (-print-passes lists them)");
}

Error PipelineParser::parse(PassManager &PM) {
  if (Text.trim().empty())
    return error(Text.data(), "empty pipeline");
  SmallVector<StringRef, 8> Pieces;
  if (Error Err = split(Text, Pieces))
    return Err;
  SmallVector<PrintAnalysisPass *, 4> Prints;
  for (StringRef Piece : Pieces) {
    Expected<Element> E = element(Piece);
    if (!E)
      return E.takeError();
    Expected<std::unique_ptr<PassConcept>> P = build(*E);
    if (!P)
      return P.takeError();
    if (E->Name == "print")
      Prints.push_back(static_cast<PrintAnalysisPass *>(P->get()));
    PM.addPass(std::move(*P));
  }
  if (Prints.size() > 1)
    for (PrintAnalysisPass *P : Prints)
      P->setHeader(true);
  return Error::success();
}

Error PassBuilder::parsePassPipeline(PassManager &PM, StringRef Text,
                                     raw_ostream &PrintOS) {
  return PipelineParser(*this, Text, PrintOS).parse(PM);
}

//===----------------------------------------------------------------------===//
// -print-passes
//===----------------------------------------------------------------------===//

static void printOptions(raw_ostream &OS, ArrayRef<OptionDescription> Opts,
                         StringRef Indent) {
  for (const OptionDescription &O : Opts) {
    std::string Kind = O.Flag ? "flag" : O.Type;
    OS << Indent
       << formatv("{0,-14} {1,-24} default {2}", O.Name,
                  (O.Positional ? "positional " : "") + Kind,
                  O.Default.empty() ? "-" : O.Default)
       << "\n"
       << Indent << "    " << O.Help << "\n";
  }
}

void PassBuilder::printPassNames(raw_ostream &OS) const {
  OS << "Transforms (pipeline elements that change the structure):\n";
  for (const auto &T : Transforms) {
    OS << "  " << T->Name << optionSyntax(T->Options);
    if (T->Origin != "built-in")
      OS << "   [" << T->Origin << "]";
    OS << "\n      " << T->Description << "\n";
    printOptions(OS, T->Options, "      ");
  }
  OS << "\nAnalyses (use as require<X>, print<X>, invalidate<X>):\n";
  for (const auto &[A, From] : Analyses) {
    OS << "  " << A->Name << optionSyntax(A->Options);
    if (From != "built-in")
      OS << "   [" << From << "]";
    OS << "\n      " << A->Description << "\n";
    OS << "      reads: ";
    bool First = true;
    for (unsigned F = 0; F < NumFacets; ++F)
      if (A->Reads.contains(static_cast<Facet>(F))) {
        OS << (First ? "" : ", ") << facetName(static_cast<Facet>(F));
        First = false;
      }
    OS << "; version " << A->Version << "\n";
    printOptions(OS, A->Options, "      ");
    if (!A->PrintOptions.empty()) {
      OS << "      print options: print<" << A->Name << ";"
         << StringRef(optionSyntax(A->PrintOptions)).drop_front() << "\n";
      printOptions(OS, A->PrintOptions, "      ");
    }
  }
  OS << "\nAnalysis passes:\n"
        "  require<ANALYSIS>                compute ANALYSIS and keep it "
        "cached\n"
        "  invalidate<ANALYSIS>             drop every cached ANALYSIS "
        "result and what used it\n"
        "  print<ANALYSIS;PRINT-OPTIONS>    write ANALYSIS as a "
        "tab-separated table to stdout\n"
        "  An analysis with options is written inside: "
        "print<NAME<opt=value>;print-opt=value>\n";
}
