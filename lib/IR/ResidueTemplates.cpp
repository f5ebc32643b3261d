//===- ResidueTemplates.cpp - Built-in residue chemistry ------------------===//
//
// Expands ResidueTemplates.def four times: atoms, bonds, chis, then the
// table that points at them; then twice more for the aliases (the table
// index of each ID, the alias rows). Every per-residue array ends with a
// sentinel row (so that a residue without bonds still has an array), which the
// table leaves out of the ArrayRef.
//
//===----------------------------------------------------------------------===//
#include "qir/IR/ResidueTemplates.h"

#include "llvm/ADT/StringMap.h"

#include <cstring>

using namespace qir;

namespace {

#define RESIDUE_BEGIN(ID, CCD, ONE, KIND, PARENT)                              \
  const TemplateAtom ID##_Atoms[] = {
#define RESIDUE_END(ID)                                                        \
  { nullptr, nullptr }                                                         \
  }                                                                            \
  ;
#define TATOM(NAME, ELEMENT) {NAME, ELEMENT},
#include "qir/IR/ResidueTemplates.def"

#define RESIDUE_BEGIN(ID, CCD, ONE, KIND, PARENT)                              \
  const TemplateBond ID##_Bonds[] = {
#define RESIDUE_END(ID)                                                        \
  { nullptr, nullptr, BondOrder::Unknown }                                     \
  }                                                                            \
  ;
#define TBOND(A, B, ORDER) {A, B, BondOrder::ORDER},
#include "qir/IR/ResidueTemplates.def"

#define RESIDUE_BEGIN(ID, CCD, ONE, KIND, PARENT)                              \
  const ChiDefinition ID##_Chis[] = {
#define RESIDUE_END(ID)                                                        \
  { 0, nullptr, nullptr, nullptr, nullptr }                                    \
  }                                                                            \
  ;
#define TCHI(K, A, B, C, D) {K, A, B, C, D},
#include "qir/IR/ResidueTemplates.def"

template <typename T, size_t N>
llvm::ArrayRef<T> withoutSentinel(const T (&Rows)[N]) {
  return llvm::ArrayRef<T>(Rows, N - 1);
}

const ResidueTemplate Templates[] = {
#define RESIDUE_BEGIN(ID, CCD, ONE, KIND, PARENT)                              \
  {CCD,                                                                        \
   ONE,                                                                        \
   ResidueKind::KIND,                                                          \
   PARENT,                                                                     \
   withoutSentinel(ID##_Atoms),                                                \
   withoutSentinel(ID##_Bonds),                                                \
   withoutSentinel(ID##_Chis)},
#include "qir/IR/ResidueTemplates.def"
};

enum TemplateIndex : unsigned {
#define RESIDUE_BEGIN(ID, CCD, ONE, KIND, PARENT) ID##_Index,
#include "qir/IR/ResidueTemplates.def"
};

struct ResidueAlias {
  const char *Name;
  TemplateIndex Of;
};
const ResidueAlias Aliases[] = {
#define RESIDUE_ALIAS(NAME, ID) {NAME, ID##_Index},
#include "qir/IR/ResidueTemplates.def"
};

const llvm::StringMap<const ResidueTemplate *> &templateIndex() {
  static const llvm::StringMap<const ResidueTemplate *> Index = [] {
    llvm::StringMap<const ResidueTemplate *> M;
    for (const ResidueTemplate &T : Templates)
      M[T.Name] = &T;
    return M;
  }();
  return Index;
}

const llvm::StringMap<const ResidueTemplate *> &aliasIndex() {
  static const llvm::StringMap<const ResidueTemplate *> Index = [] {
    llvm::StringMap<const ResidueTemplate *> M;
    for (const ResidueAlias &A : Aliases)
      M[A.Name] = &Templates[A.Of];
    return M;
  }();
  return Index;
}

} // namespace

int ResidueTemplate::findAtom(llvm::StringRef AtomName) const {
  if (AtomName.empty())
    return -1;
  size_t L = AtomName.size();
  for (size_t I = 0; I < Atoms.size(); ++I) {
    const char *N = Atoms[I].Name;
    // First character, then the rest without a strlen per candidate.
    if (N[0] == AtomName[0] && std::strncmp(N, AtomName.data(), L) == 0 &&
        N[L] == '\0')
      return static_cast<int>(I);
  }
  return -1;
}

const ResidueTemplate *qir::lookupResidueTemplate(llvm::StringRef Name) {
  const auto &Index = templateIndex();
  auto It = Index.find(Name);
  return It == Index.end() ? nullptr : It->second;
}

llvm::ArrayRef<ResidueTemplate> qir::allResidueTemplates() { return Templates; }

ResidueKind qir::residueKindOf(llvm::StringRef Name) {
  const ResidueTemplate *T = lookupResidueTemplate(Name);
  return T ? T->Kind : ResidueKind::Unknown;
}

const ResidueTemplate *qir::lookupResidueAlias(llvm::StringRef Name) {
  const auto &Index = aliasIndex();
  auto It = Index.find(Name);
  return It == Index.end() ? nullptr : It->second;
}

bool qir::isWaterName(llvm::StringRef Name) {
  const ResidueTemplate *T = lookupResidueTemplate(Name);
  if (!T)
    T = lookupResidueAlias(Name);
  return T && T->Kind == ResidueKind::Water;
}
