//===- AnalysisPasses.cpp - require<X>, invalidate<X>, print<X> -----------===//
#include "qir/Pass/AnalysisPasses.h"

using namespace qir;
using namespace llvm;

PreservedAnalyses RequireAnalysisPass::run(Structure &S, AnalysisManager &AM) {
  AM.getResult(Info, *Options, S);
  return PreservedAnalyses::all();
}

std::string RequireAnalysisPass::spec() const {
  return "require<" + Info.spec(Options->Canonical) + ">";
}

PreservedAnalyses InvalidateAnalysisPass::run(Structure &S,
                                              AnalysisManager &AM) {
  AM.invalidate(Info.Key, spec());
  return PreservedAnalyses::all();
}

std::string InvalidateAnalysisPass::spec() const {
  return "invalidate<" + Info.Name.str() + ">";
}

PreservedAnalyses PrintAnalysisPass::run(Structure &S, AnalysisManager &AM) {
  const AnalysisResultConcept &R = AM.getResult(Info, *Options, S);
  if (Header)
    OS << "#" << spec() << "\n";
  Info.Print(OS, S, R, *PrintOptions);
  OS.flush();
  return PreservedAnalyses::all();
}

std::string PrintAnalysisPass::spec() const {
  std::string S = "print<" + Info.spec(Options->Canonical);
  if (!PrintOptions->Canonical.empty())
    S += ";" + PrintOptions->Canonical;
  return S + ">";
}
