//===- AtomClasses.cpp - Backbone and sidechain atom names ----------------===//
#include "qir/Select/AtomClasses.h"

#include "llvm/ADT/STLExtras.h"

using namespace qir;
using namespace qir::select;
using namespace llvm;

static const AtomName ProteinBackbone[] = {
#define QIR_PROTEIN_BACKBONE(NAME) AtomName(NAME),
#include "qir/Select/AtomClasses.def"
};

static const AtomName NucleicBackbone[] = {
#define QIR_NUCLEIC_BACKBONE(NAME) AtomName(NAME),
#include "qir/Select/AtomClasses.def"
};

ArrayRef<AtomName> qir::select::proteinBackboneNames() {
  return ProteinBackbone;
}
ArrayRef<AtomName> qir::select::nucleicBackboneNames() {
  return NucleicBackbone;
}

bool qir::select::isProteinBackbone(const AtomName &Name) {
  return is_contained(ProteinBackbone, Name);
}
bool qir::select::isNucleicBackbone(const AtomName &Name) {
  return is_contained(NucleicBackbone, Name);
}
