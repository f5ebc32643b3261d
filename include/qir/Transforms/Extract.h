//===- Extract.h - Keep the atoms matching chain/residue/name ---*- C++ -*-===//
//
// extract<chain=A,B;residues=FROM-TO;atoms=N,CA,C,O;select=SELECTOR> keeps
// the atoms that match every criterion given and removes the others
// (AtomFilter.h):
//
//   chain     comma-separated auth chain ids (auth_asym_id), exact and
//             case-sensitive
//   residues  an inclusive range of auth seq ids FROM-TO; either bound may
//             be negative ("-5--1", "-3-10"); "7" alone means "7-7". Every
//             insertion code of a number in the range is included (10A lies
//             in 10-50, and so does 50B); residues without an auth seq id
//             never match
//   atoms     comma-separated atom names, exact (altloc copies included)
//   select    a selector (docs/selectors.md), e.g.
//             select=chain A and resid 10 to 20 and not hydrogen; 'within'
//             measures in the first state a top-level 'model' term names,
//             else in state 0. A selector that does not parse is an
//             option error pointing at the value, its message naming the
//             column inside the selector
//
// An option left empty does not restrict; at least one must be given.
// Residues and chains left without atoms disappear. Writes Topology,
// Coordinates and AtomProperties when anything is removed, nothing when
// every atom matches.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_TRANSFORMS_EXTRACT_H
#define QIR_TRANSFORMS_EXTRACT_H

#include "qir/Pass/PassManager.h"

#include <cstdint>
#include <string>

namespace qir {

/// Parse "FROM-TO" or "N" into an inclusive range; false when malformed or
/// FROM > TO.
bool parseSeqRange(llvm::StringRef Text, int32_t &From, int32_t &To);

class ExtractPass : public PassInfoMixin<ExtractPass> {
public:
  static constexpr llvm::StringLiteral Name = "extract";
  static constexpr llvm::StringLiteral Description =
      "keep the atoms of the given chains, residue range, atom names and "
      "selector";

  struct Options : PassOptionsBase {
    std::string Chain, Residues, Atoms, Select;
    template <typename M> void map(M &O) {
      O.option("chain", Chain, "comma-separated auth chain ids");
      O.option("residues", Residues,
               "inclusive auth seq id range FROM-TO (negatives allowed)");
      O.option("atoms", Atoms, "comma-separated atom names");
      O.option("select", Select,
               "selector, e.g. chain A and resid 10 to 20 (docs/selectors.md)");
    }
    std::optional<Invalid> validate() const;
  };

  ExtractPass() = default;
  explicit ExtractPass(Options O) : Opts(std::move(O)) {}
  PreservedAnalyses run(Structure &S, AnalysisManager &AM);

  Options Opts;
};

} // namespace qir

#endif // QIR_TRANSFORMS_EXTRACT_H
