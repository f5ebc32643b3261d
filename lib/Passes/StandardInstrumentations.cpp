//===- StandardInstrumentations.cpp - -debug-pass-manager & co ------------===//
#include "qir/Passes/StandardInstrumentations.h"

#include "qir/IR/Dump.h"
#include "qir/IR/Structure.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

using namespace qir;
using namespace llvm;

static void printFacets(raw_ostream &OS, FacetSet Set) {
  bool First = true;
  for (unsigned F = 0; F < NumFacets; ++F)
    if (Set.contains(static_cast<Facet>(F))) {
      OS << (First ? "" : ", ") << facetName(static_cast<Facet>(F));
      First = false;
    }
  if (First)
    OS << "nothing";
}

//===----------------------------------------------------------------------===//
// -debug-pass-manager
//===----------------------------------------------------------------------===//

void DebugPassManagerPrinter::beforePass(StringRef Spec, const Structure &) {
  OS << "Running pass: " << Spec << "\n";
}

void DebugPassManagerPrinter::afterPass(StringRef Spec, const Structure &,
                                        FacetSet Written) {
  if (Written.empty())
    return;
  OS << "Pass " << Spec << " wrote: ";
  printFacets(OS, Written);
  OS << "\n";
}

void DebugPassManagerPrinter::beforeAnalysis(StringRef Spec,
                                             const Structure &) {
  OS << "Running analysis: " << Spec << "\n";
}

void DebugPassManagerPrinter::analysisCacheHit(StringRef Spec) {
  OS << "Cache hit: " << Spec << "\n";
}

void DebugPassManagerPrinter::analysisServed(StringRef Spec, StringRef From) {
  OS << "Served from " << From << ": " << Spec << "\n";
}

void DebugPassManagerPrinter::analysisStale(StringRef Spec, Facet Changed) {
  OS << "Stale: " << Spec << " (" << facetName(Changed)
     << " changed outside the pass manager)\n";
}

void DebugPassManagerPrinter::analysisInvalidated(StringRef Spec,
                                                  StringRef Pass,
                                                  const Facet *Cause,
                                                  StringRef Because) {
  OS << "Invalidating analysis: " << Spec << " (";
  if (Cause)
    OS << facetName(*Cause) << " written by " << Pass;
  else if (!Because.empty())
    OS << "it used " << Because << ", which was invalidated";
  else
    OS << "by " << Pass;
  OS << ")\n";
}

void DebugPassManagerPrinter::analysisPreserved(StringRef Spec,
                                                StringRef Pass) {
  OS << "Preserved analysis: " << Spec << " (kept by " << Pass << ")\n";
}

//===----------------------------------------------------------------------===//
// -time-passes
//===----------------------------------------------------------------------===//

TimePassesHandler::Row &TimePassesHandler::row(StringRef Name,
                                               bool IsAnalysis) {
  for (Row &R : Rows)
    if (R.Name == Name && R.IsAnalysis == IsAnalysis)
      return R;
  Rows.push_back(Row{Name.str(), IsAnalysis});
  return Rows.back();
}

void TimePassesHandler::start(Row &R) {
  Running.emplace_back(Clock::now(), &R - Rows.data());
}

void TimePassesHandler::stop() {
  auto [Start, I] = Running.back();
  Running.pop_back();
  Rows[I].Seconds +=
      std::chrono::duration<double>(Clock::now() - Start).count();
  ++Rows[I].Count;
}

void TimePassesHandler::beforePass(StringRef Spec, const Structure &) {
  start(row(Spec, /*IsAnalysis=*/false));
}

void TimePassesHandler::afterPass(StringRef, const Structure &, FacetSet) {
  stop();
}

void TimePassesHandler::beforeAnalysis(StringRef Spec, const Structure &) {
  start(row(Spec, /*IsAnalysis=*/true));
}

void TimePassesHandler::afterAnalysis(StringRef, const Structure &) { stop(); }

void TimePassesHandler::report() {
  Reported = true;
  double PassTotal = 0;
  for (const Row &R : Rows)
    if (!R.IsAnalysis)
      PassTotal += R.Seconds;
  OS << "===" << std::string(70, '-') << "===\n"
     << "                      qopt pass execution timing report\n"
     << "===" << std::string(70, '-') << "===\n"
     << formatv("  Total wall time of passes: {0:F4} s\n\n", PassTotal)
     << formatv("  {0,12}  {1,7}  {2,6}  {3}\n", "wall (ms)", "%", "runs",
                "name");
  auto Print = [&](bool Analyses) {
    for (const Row &R : Rows) {
      if (R.IsAnalysis != Analyses || R.Count == 0)
        continue;
      double Pct = PassTotal > 0 ? 100 * R.Seconds / PassTotal : 0;
      OS << formatv("  {0,12:F3}  {1,6:F1}%  {2,6}  {3}{4}\n", R.Seconds * 1e3,
                    Pct, R.Count, Analyses ? "analysis " : "", R.Name);
    }
  };
  Print(false);
  Print(true);
  OS << "  (analysis time is also counted in the pass that asked for it)\n";
}

TimePassesHandler::~TimePassesHandler() {
  if (!Reported)
    report();
}

//===----------------------------------------------------------------------===//
// -print-after
//===----------------------------------------------------------------------===//

void PrintAfterHandler::afterPass(StringRef Spec, const Structure &S,
                                  FacetSet Written) {
  StringRef Name = Spec.take_until([](char C) { return C == '<'; });
  if (!All && !llvm::is_contained(Passes, Name))
    return;
  OS << "*** IR after " << Spec << " (wrote: ";
  printFacets(OS, Written);
  OS << ") ***\n";
  printSummary(S, OS);
}
