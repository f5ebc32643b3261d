//===- Frames.h - Backbone rigid frames per residue -------------*- C++ -*-===//
//
// frames: for every amino-acid polymer residue in every state, the rigid
// frame of its backbone N, CA, C (the AlphaFold 2 backbone frame,
// "rigid_from_3_points", Gram-Schmidt):
//
//   origin  CA
//   x       (C - CA) / |C - CA|
//   y       the part of N - CA orthogonal to x, normalised: N lies in the
//           xy-plane with positive y
//   z       x cross y (a proper rotation, det = +1)
//
// Rot maps frame coordinates to the file's: p = Rot * q + Origin, so the
// columns of Rot are x, y and z. Atoms are picked as backbone-dihedrals
// picks them (BackboneAtoms.h). A residue without N, CA or C in a state,
// or with them (nearly) collinear, gets a mask bit and NaN, not a crash.
// docs/passes.md gives the columns and the persisted arrays.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_FRAMES_H
#define QIR_ANALYSIS_FRAMES_H

#include "qir/Pass/AnalysisManager.h"

#include <array>
#include <cstdint>
#include <vector>

namespace qir {

/// Why a frame is missing: bits of BackboneFrames::Mask.
enum FrameMaskBits : uint8_t {
  FM_NoN = 1,        ///< no N in the state
  FM_NoCA = 2,       ///< no CA
  FM_NoC = 4,        ///< no C
  FM_Degenerate = 8, ///< C on CA, or N on the CA-C line (|y| < 1e-6 A)
};

struct BackboneFrames {
  /// Rows: aminoAcidPolymerResidues(S).
  std::vector<uint32_t> Residues;
  size_t NumStates = 0;
  /// [State][Row][3]: CA (NaN without CA).
  std::vector<float> Origin;
  /// [State][Row][3][3] row-major: Rot[i][j] is component i of axis j
  /// (NaN when Mask is not 0).
  std::vector<float> Rot;
  /// [State][Row]: FrameMaskBits, 0 for a frame.
  std::vector<uint8_t> Mask;

  size_t index(size_t State, size_t Row) const {
    return State * Residues.size() + Row;
  }
};

/// The frame of N, CA, C (double precision): fills \p Rot (row-major,
/// columns x y z) and returns 0, or returns FM_Degenerate.
uint8_t backboneFrame(const std::array<double, 3> &N,
                      const std::array<double, 3> &CA,
                      const std::array<double, 3> &C,
                      std::array<double, 9> &Rot);

class FramesAnalysis : public AnalysisInfoMixin<FramesAnalysis> {
public:
  static constexpr llvm::StringLiteral Name = "frames";
  static constexpr llvm::StringLiteral Description =
      "backbone rigid frame (origin CA, x along CA->C, N in the xy-plane) "
      "of amino-acid polymer residues, every model";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = Facet::Topology | Facet::Coordinates;
  using Options = NoOptions;
  using PrintOptions = NoOptions;
  using Result = BackboneFrames;

  Result run(const Structure &S, const Options &O, AnalysisManager &AM);
  static void print(llvm::raw_ostream &OS, const Structure &S, const Result &R,
                    const PrintOptions &P);
  static llvm::Error write(ResultSink &Sink, const Result &R);
  static llvm::Expected<Result> read(ResultSource &Source, const Structure &S);

  static AnalysisKey Key;
};

} // namespace qir

#endif // QIR_ANALYSIS_FRAMES_H
