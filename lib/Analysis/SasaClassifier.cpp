//===- SasaClassifier.cpp - FreeSASA's radii and atom classes -------------===//
//
// The .def rows become sorted arrays once (first use, thread-safe static
// initialisation); lookups are binary searches on (residue, atom) strings.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/SasaClassifier.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

using namespace qir;
using namespace llvm;

namespace {

struct TypeRow {
  SasaRadiiSet Set;
  StringRef Type;
  double Radius;
  SasaAtomClass Class;
};

struct AtomRow {
  SasaRadiiSet Set;
  StringRef Residue, Atom, Type;
};

struct ReferenceRow {
  SasaRadiiSet Set;
  StringRef Residue;
  SasaReference Ref;
};

constexpr SasaRadiiSet Protor = SasaRadiiSet::Protor;
constexpr SasaRadiiSet Naccess = SasaRadiiSet::Naccess;
constexpr SasaAtomClass Polar = SasaAtomClass::Polar;
constexpr SasaAtomClass Apolar = SasaAtomClass::Apolar;

const TypeRow TypeRows[] = {
#define SASA_TYPE(SET, TYPE, RADIUS, CLASS) {SET, TYPE, RADIUS, CLASS},
#include "qir/Analysis/SasaRadii.def"
};

const AtomRow AtomRows[] = {
#define SASA_ATOM(SET, RESIDUE, ATOM, TYPE) {SET, RESIDUE, ATOM, TYPE},
#include "qir/Analysis/SasaRadii.def"
};

const ReferenceRow ReferenceRows[] = {
#define SASA_REFERENCE(SET, RESIDUE, TOTAL, MAIN, SIDE, POLAR, APOLAR)         \
  {SET, RESIDUE, {TOTAL, MAIN, SIDE, POLAR, APOLAR}},
#include "qir/Analysis/SasaRadii.def"
};

const std::pair<StringRef, double> ElementRows[] = {
#define SASA_ELEMENT(SYMBOL, RADIUS) {SYMBOL, RADIUS},
#include "qir/Analysis/SasaRadii.def"
};

const StringRef MainChainRows[] = {
#define SASA_MAIN_CHAIN(ATOM) ATOM,
#include "qir/Analysis/SasaRadii.def"
};

/// (set, residue, atom) -> type, sorted for binary search.
struct AtomIndex {
  struct Entry {
    SasaRadiiSet Set;
    StringRef Residue, Atom;
    SasaAtomType Type;
    bool operator<(const Entry &O) const {
      return std::tie(Set, Residue, Atom) < std::tie(O.Set, O.Residue, O.Atom);
    }
  };
  std::vector<Entry> Entries;

  AtomIndex() {
    for (const AtomRow &A : AtomRows) {
      const TypeRow *T = find_if(TypeRows, [&](const TypeRow &T) {
        return T.Set == A.Set && T.Type == A.Type;
      });
      // Every atom row names a type of its set (sasa-tables.test checks the
      // table); a row that did not would be skipped, as FreeSASA's parser
      // rejects it.
      if (T == std::end(TypeRows))
        continue;
      Entries.push_back({A.Set, A.Residue, A.Atom, {T->Radius, T->Class}});
    }
    // Stable: a (residue, atom) listed twice keeps its first row, as
    // FreeSASA's linear search does.
    std::stable_sort(Entries.begin(), Entries.end());
  }

  std::optional<SasaAtomType> find(SasaRadiiSet Set, StringRef Residue,
                                   StringRef Atom) const {
    Entry Key{Set, Residue, Atom, {}};
    auto It = std::lower_bound(Entries.begin(), Entries.end(), Key);
    if (It != Entries.end() && It->Set == Set && It->Residue == Residue &&
        It->Atom == Atom)
      return It->Type;
    return std::nullopt;
  }
};

const AtomIndex &atomIndex() {
  static const AtomIndex I;
  return I;
}

} // namespace

StringRef qir::sasaRadiiSetName(SasaRadiiSet Set) {
  return Set == SasaRadiiSet::Protor ? "ProtOr" : "NACCESS";
}

StringRef qir::sasaAtomClassName(SasaAtomClass C) {
  switch (C) {
  case SasaAtomClass::Polar:
    return "polar";
  case SasaAtomClass::Apolar:
    return "apolar";
  case SasaAtomClass::Unknown:
    break;
  }
  return "unknown";
}

std::optional<SasaAtomType>
qir::lookupSasaAtom(SasaRadiiSet Set, StringRef Residue, StringRef Atom) {
  const AtomIndex &I = atomIndex();
  Residue = Residue.trim();
  Atom = Atom.trim();
  if (std::optional<SasaAtomType> T = I.find(Set, Residue, Atom))
    return T;
  return I.find(Set, "ANY", Atom);
}

std::optional<double> qir::sasaElementRadius(StringRef Symbol) {
  Symbol = Symbol.trim();
  for (const auto &[Sym, Radius] : ElementRows)
    if (Sym == Symbol)
      return Radius;
  return std::nullopt;
}

bool qir::isSasaMainChain(StringRef Atom) {
  Atom = Atom.trim();
  return is_contained(MainChainRows, Atom);
}

const SasaReference *qir::sasaReference(SasaRadiiSet Set, StringRef Residue) {
  Residue = Residue.trim();
  for (const ReferenceRow &R : ReferenceRows)
    if (R.Set == Set && R.Residue == Residue)
      return &R.Ref;
  return nullptr;
}
