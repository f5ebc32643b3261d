//===- DsspWriter.h - DSSP results as mkdssp writes them --------*- C++ -*-===//
//
// The two outputs of mkdssp 4.2.2, written from a dssp result (Dssp.h) of
// one computed model:
//
//   legacy   the classic fixed-column .dssp file: four lines naming the
//            program, reference and entry (DsspEntry.h), the statistics
//            (residues, chains, SS bridges, accessible surface, H-bond
//            counts per 100 residues, four histograms), then one line per
//            residue in mkdssp's columns, with a '!' line wherever the
//            numbering jumps ('*' when the chain changes). A cysteine in a
//            disulfide is written with a lowercase letter, a for the first
//            bridge, b for the second, ... (mkdssp's 8-bit bridge number,
//            modulo 26).
//   mmCIF    the input data block with struct_conf and struct_conf_type
//            replaced by DSSP's elements (helices, strands, turns, bends;
//            loops too with WriteOther) and a software row added; with
//            WriteExperimental also struct_sheet, struct_sheet_order,
//            struct_sheet_range, struct_sheet_hbond and
//            pdbx_struct_sheet_hbond replaced and mkdssp's dssp_* categories
//            added. Categories not replaced are copied verbatim, in the
//            input's order.
//
// docs/qir-dssp.md has the columns, the statistics and every difference
// from mkdssp.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_DSSPWRITER_H
#define QIR_ANALYSIS_DSSPWRITER_H

#include "qir/Analysis/Dssp.h"
#include "qir/Analysis/DsspEntry.h"
#include "qir/IO/CifBlock.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <array>
#include <string>
#include <vector>

namespace qir {

/// mkdssp's statistics of one model.
struct DsspStatistics {
  static constexpr size_t HistogramSize = 30;
  using Histogram = std::array<uint32_t, HistogramSize>;

  uint32_t Residues = 0;
  /// Rows that start a chain or follow a break within one.
  uint32_t Chains = 0;
  /// Disulfides found among the rows, and those within one unbroken chain.
  uint32_t SSBridges = 0, IntraChainSSBridges = 0;
  /// O(i)-->H-N(j) bonds (donor slots with energy below -0.5), those in
  /// ladders (I span + 2 per ladder), and per j - i from -5 to +5.
  uint32_t HBonds = 0, HBondsParallel = 0, HBondsAntiparallel = 0;
  std::array<uint32_t, 11> HBondsPerDistance{};
  /// Sum of the residue accessibilities (A^2).
  double AccessibleSurface = 0;
  /// Residues per alpha helix (runs of H in one label_asym_id, a run that
  /// ends its chain or the model not counted, as mkdssp), bridges per
  /// ladder, ladders per sheet (a one-ladder sheet only when the ladder
  /// has more than one bridge); the last bin holds everything larger.
  Histogram ResiduesPerAlphaHelix{}, ParallelBridgesPerLadder{},
      AntiparallelBridgesPerLadder{}, LaddersPerSheet{};
};

/// What the writers need besides the result: model, SS-bridge numbers,
/// ladders and statistics.
struct DsspReport {
  /// The computed model (index into R.HB.States) the report is about.
  size_t Model = 0;
  /// Per row of the model (row - R.HB.rowBegin(Model)): mkdssp's SS-bridge
  /// number (8 bits, 0 for none).
  std::vector<uint8_t> SSBridge;
  std::vector<DsspLadder> Ladders;
  DsspStatistics Stats;
  /// Disulfides of the entry not found among the rows (for --verbose).
  std::vector<std::string> Notes;
};

/// Summarize computed model \p K of \p R, with the disulfides of \p E.
DsspReport dsspReport(const Structure &S, const Dssp &R, size_t K,
                      const DsspEntry &E);

/// Residues of polymer entities that the model holds but that are not DSSP
/// rows, each with the reason ("no O atom", ...), for --verbose.
std::vector<std::string> dsspSkippedResidues(const Structure &S, const Dssp &R,
                                             size_t K);

/// The first line of the legacy output names the program and the date
/// (YYYY-MM-DD).
struct DsspLegacyOptions {
  std::string Program = "qir-dssp";
  std::string Date;
};

/// The legacy .dssp text. Errors (writing nothing) when a row's chain id
/// (the one column the format has) is longer than one character.
llvm::Error writeDsspLegacy(llvm::raw_ostream &OS, const Structure &S,
                            const Dssp &R, const DsspReport &Rep,
                            const DsspEntry &E, const DsspLegacyOptions &Opts);

struct DsspMmcifOptions {
  bool WriteOther = false;        ///< loops as struct_conf OTHER
  bool WriteExperimental = false; ///< sheets and the dssp_* categories
  /// The software row: name, version and date.
  std::string Program = "qir-dssp";
  std::string Version;
  std::string Date;
};

/// The mmCIF output. \p Input is the input's data block (its text must be
/// alive) or null, when the structure came from a PDB file: then qir's own
/// mmCIF of \p S stands in for it.
llvm::Error writeDsspMmcif(llvm::raw_ostream &OS, const Structure &S,
                           const Dssp &R, const DsspReport &Rep,
                           const io::CifBlock *Input,
                           const DsspMmcifOptions &Opts);

} // namespace qir

#endif // QIR_ANALYSIS_DSSPWRITER_H
