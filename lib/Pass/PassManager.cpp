//===- PassManager.cpp - Pipelines of transforms --------------------------===//
#include "qir/Pass/PassManager.h"

#include "qir/IR/Structure.h"

using namespace qir;
using namespace llvm;

PassConcept::~PassConcept() = default;

std::string qir::detail::joinSpec(StringRef Name, StringRef Canonical) {
  if (Canonical.empty())
    return Name.str();
  return (Name + "<" + Canonical + ">").str();
}

Error PassManager::run(Structure &S, AnalysisManager &AM) {
  PassInstrumentation *PI = AM.instrumentation();
  for (const std::unique_ptr<PassConcept> &P : Passes) {
    std::string Spec = PI ? P->spec() : std::string();
    if (PI)
      PI->beforePass(Spec, S);
    uint64_t Before[NumFacets];
    for (unsigned F = 0; F < NumFacets; ++F)
      Before[F] = S.generation(static_cast<Facet>(F));

    PreservedAnalyses PA = P->run(S, AM);

    FacetSet Written;
    for (unsigned F = 0; F < NumFacets; ++F)
      if (S.generation(static_cast<Facet>(F)) != Before[F])
        Written = Written | FacetSet(static_cast<Facet>(F));
    // Observers hear what the pass wrote before what that invalidates.
    if (PI)
      PI->afterPass(Spec, S, Written);
    if (!Written.empty() || PA.dropsEverything())
      AM.invalidate(S, Written, PA, P->name());
    if (AM.hasError())
      return createStringError(inconvertibleErrorCode(),
                               P->spec() + ": " + toString(AM.takeError()));
  }
  return Error::success();
}

std::string PassManager::spec() const {
  std::string S;
  for (const std::unique_ptr<PassConcept> &P : Passes) {
    if (!S.empty())
      S += ',';
    S += P->spec();
  }
  return S;
}
