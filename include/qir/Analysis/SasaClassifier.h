//===- SasaClassifier.h - FreeSASA's radii and atom classes -----*- C++ -*-===//
//
// How FreeSASA 2.1.2 gives an atom its radius and class, from the tables in
// SasaRadii.def (generated from the installed freesasa; see that file):
//
//   1. the (residue name, atom name) row of the chosen set, else the
//      ("ANY", atom name) row; names are compared exactly, without padding;
//   2. otherwise the atom is unknown: its radius is guessed from its element
//      symbol as the file writes it (upper case only, as FreeSASA compares
//      it), or 0 when the symbol has no entry, and its class is Unknown
//      (counted as neither polar nor apolar).
//
// Whether an atom is main chain depends on its name alone (in any residue),
// and relative SASA divides by the reference areas of the residue name.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_SASACLASSIFIER_H
#define QIR_ANALYSIS_SASACLASSIFIER_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>

namespace qir {

enum class SasaRadiiSet : uint8_t { Protor, Naccess };
enum class SasaAtomClass : uint8_t { Unknown = 0, Polar = 1, Apolar = 2 };

/// "ProtOr" / "NACCESS": the set names FreeSASA reports.
llvm::StringRef sasaRadiiSetName(SasaRadiiSet Set);
/// "polar" / "apolar" / "unknown".
llvm::StringRef sasaAtomClassName(SasaAtomClass C);

struct SasaAtomType {
  double Radius;
  SasaAtomClass Class;
};

/// Reference areas of a residue type in A^2 (what relative SASA divides by).
struct SasaReference {
  double Total, MainChain, SideChain, Polar, Apolar;
};

/// The table entry of atom \p Atom of residue \p Residue in \p Set (step 1
/// above), or nothing when the atom is unknown.
std::optional<SasaAtomType>
lookupSasaAtom(SasaRadiiSet Set, llvm::StringRef Residue, llvm::StringRef Atom);

/// FreeSASA's radius for an unknown atom of element \p Symbol, or nothing
/// when it has none. As FreeSASA 2.1.2, the symbol must be written in upper
/// case ("ZN"): one written "Zn" has no radius (and gets 0).
std::optional<double> sasaElementRadius(llvm::StringRef Symbol);

/// Whether FreeSASA counts an atom named \p Atom as main chain.
bool isSasaMainChain(llvm::StringRef Atom);

/// The reference areas of residue type \p Residue in \p Set, if it has them.
const SasaReference *sasaReference(SasaRadiiSet Set, llvm::StringRef Residue);

} // namespace qir

#endif // QIR_ANALYSIS_SASACLASSIFIER_H
