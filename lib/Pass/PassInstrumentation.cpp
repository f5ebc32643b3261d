//===- PassInstrumentation.cpp - Hooks around passes and analyses ---------===//
#include "qir/Pass/PassInstrumentation.h"

using namespace qir;
using namespace llvm;

PassInstrumentation::~PassInstrumentation() = default;

void PassInstrumentationList::beforePass(StringRef Spec, const Structure &S) {
  for (auto &P : List)
    P->beforePass(Spec, S);
}
void PassInstrumentationList::afterPass(StringRef Spec, const Structure &S,
                                        FacetSet Written) {
  for (auto &P : List)
    P->afterPass(Spec, S, Written);
}
void PassInstrumentationList::beforeAnalysis(StringRef Spec,
                                             const Structure &S) {
  for (auto &P : List)
    P->beforeAnalysis(Spec, S);
}
void PassInstrumentationList::afterAnalysis(StringRef Spec,
                                            const Structure &S) {
  for (auto &P : List)
    P->afterAnalysis(Spec, S);
}
void PassInstrumentationList::analysisCacheHit(StringRef Spec) {
  for (auto &P : List)
    P->analysisCacheHit(Spec);
}
void PassInstrumentationList::analysisServed(StringRef Spec, StringRef From) {
  for (auto &P : List)
    P->analysisServed(Spec, From);
}
void PassInstrumentationList::analysisStale(StringRef Spec, Facet Changed) {
  for (auto &P : List)
    P->analysisStale(Spec, Changed);
}
void PassInstrumentationList::analysisInvalidated(StringRef Spec,
                                                  StringRef Pass,
                                                  const Facet *Cause,
                                                  StringRef Because) {
  for (auto &P : List)
    P->analysisInvalidated(Spec, Pass, Cause, Because);
}
void PassInstrumentationList::analysisPreserved(StringRef Spec,
                                                StringRef Pass) {
  for (auto &P : List)
    P->analysisPreserved(Spec, Pass);
}
