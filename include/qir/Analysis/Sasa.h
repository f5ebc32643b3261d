//===- Sasa.h - Solvent accessible surface area -----------------*- C++ -*-===//
//
// sasa<algorithm=lr|sr;probe=1.4;slices=20;points=100;radii=protor|naccess;
//      hetatm=false;hydrogens=false;model=1>
//
// FreeSASA 2.1.2's solvent accessible surface area, per atom and summed per
// residue into total, main chain, side chain, polar, apolar and unknown
// class areas, with relative areas against FreeSASA's reference values:
//
//   atoms      of the model, in the order the file lists them: ATOM records
//              (HETATM with hetatm), no H or D (unless hydrogens), and of
//              alternate locations the ones FreeSASA keeps: an atom with an
//              altloc id is kept when no atom with an id was kept since the
//              last atom without one, or when its id is that atom's id.
//   radii      SasaClassifier.h (the ProtOr or NACCESS table, then the
//              element; "unknown" atoms give one warning per residue type).
//   areas      SurfaceArea.h (Lee & Richards or Shrake & Rupley), neighbour
//              candidates from the stored spatial-index; threads from the
//              global -threads=N, results identical for any count.
//
// docs/passes.md gives the print<sasa;depth=atom|residue|chain|structure>
// columns and the persisted arrays; test/Analysis/sasa-*.test compare with
// the freesasa program (utils/oracle/sasa_freesasa.py).
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_SASA_H
#define QIR_ANALYSIS_SASA_H

#include "qir/Analysis/SasaClassifier.h"
#include "qir/Pass/AnalysisManager.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace qir {

enum class SasaAlgorithm : uint8_t { LeeRichards, ShrakeRupley };

/// Area components, in this order in SasaResult::ResidueArea.
enum SasaComponent : unsigned {
  SC_Total,
  SC_MainChain,
  SC_SideChain,
  SC_Polar,
  SC_Apolar,
  SC_Unknown,
  NumSasaComponents
};

struct SasaResult {
  SasaAlgorithm Algorithm = SasaAlgorithm::LeeRichards;
  SasaRadiiSet Radii = SasaRadiiSet::Protor;
  double Probe = 1.4;
  /// Slices per atom (Lee & Richards) or points per atom (Shrake & Rupley).
  unsigned Resolution = 20;

  /// Computed states (the model option), ascending.
  std::vector<uint32_t> States;

  /// Atoms of the calculation, state after state: those of computed state
  /// K are [AtomBegin[K], AtomBegin[K+1]), ascending atom index.
  std::vector<uint64_t> AtomBegin;
  std::vector<uint32_t> Atom;
  std::vector<float> Radius; ///< without the probe, A
  std::vector<double> Area;  ///< A^2
  std::vector<SasaAtomClass> Class;
  std::vector<uint8_t> MainChain;

  /// Residues with at least one atom in the calculation, state after state
  /// (ResidueBegin as AtomBegin), ascending; ResidueArea holds
  /// NumSasaComponents sums per row, ResidueAtoms the atom count.
  std::vector<uint64_t> ResidueBegin;
  std::vector<uint32_t> Residue;
  std::vector<double> ResidueArea;
  std::vector<uint32_t> ResidueAtoms;

  size_t numComputed() const { return States.size(); }
  double residueArea(size_t Row, SasaComponent C) const {
    return ResidueArea[Row * NumSasaComponents + C];
  }
  /// Relative area (percent) of component \p C (Total..Apolar) of residue
  /// row \p Row of structure \p S: NaN when its type has no reference value
  /// or the reference is 0.
  double relative(const Structure &S, size_t Row, SasaComponent C) const;
};

class SasaAnalysis : public AnalysisInfoMixin<SasaAnalysis> {
public:
  static constexpr llvm::StringLiteral Name = "sasa";
  static constexpr llvm::StringLiteral Description =
      "solvent accessible surface area per atom and residue, as FreeSASA "
      "2.1.2 (Lee & Richards or Shrake & Rupley; ProtOr or NACCESS radii)";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = Facet::Topology | Facet::Coordinates;
  struct Options : PassOptionsBase {
    SasaAlgorithm Algorithm = SasaAlgorithm::LeeRichards;
    double Probe = 1.4;
    int64_t Slices = 20;
    int64_t Points = 100;
    SasaRadiiSet Radii = SasaRadiiSet::Protor;
    bool Hetatm = false;
    bool Hydrogens = false;
    int64_t Model = 1;
    template <typename M> void map(M &O) {
      O.choice("algorithm", Algorithm,
               {{"lr", SasaAlgorithm::LeeRichards},
                {"sr", SasaAlgorithm::ShrakeRupley}},
               "Lee & Richards slices or Shrake & Rupley test points");
      O.option("probe", Probe, "probe radius in Angstrom");
      O.option("slices", Slices, "slices per atom (algorithm=lr)");
      O.option("points", Points, "test points per atom (algorithm=sr)");
      O.choice("radii", Radii,
               {{"protor", SasaRadiiSet::Protor},
                {"naccess", SasaRadiiSet::Naccess}},
               "radius and class table (FreeSASA's ProtOr or NACCESS)");
      O.flag("hetatm", Hetatm, "include HETATM records");
      O.flag("hydrogens", Hydrogens, "include hydrogen and deuterium atoms");
      O.option("model", Model,
               "the file's model number to compute (0: every model)");
    }
    std::optional<Invalid> validate() const;
  };
  enum class Depth : uint8_t { Atom, Residue, Chain, Structure };
  struct PrintOptions : PassOptionsBase {
    Depth Level = Depth::Residue;
    template <typename M> void map(M &O) {
      O.choice("depth", Level,
               {{"atom", Depth::Atom},
                {"residue", Depth::Residue},
                {"chain", Depth::Chain},
                {"structure", Depth::Structure}},
               "rows: atoms, residues, chains or whole models");
    }
  };
  using Result = SasaResult;

  Result run(const Structure &S, const Options &O, AnalysisManager &AM);
  static void print(llvm::raw_ostream &OS, const Structure &S, const Result &R,
                    const PrintOptions &P);
  /// Persisted form: docs/passes.md.
  static llvm::Error write(ResultSink &Sink, const Result &R);
  static llvm::Expected<Result> read(ResultSource &Source, const Structure &S);

  static AnalysisKey Key;
};

} // namespace qir

#endif // QIR_ANALYSIS_SASA_H
