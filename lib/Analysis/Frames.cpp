//===- Frames.cpp - Backbone rigid frames per residue ---------------------===//
//
// Persisted form (docs/passes.md, "frames"):
//
//   residues  [R]        uint32   the row residues
//   origin    [S][R][3]  float32  CA
//   rot       [S][R][9]  float32  row-major rotation, columns x y z
//   mask      [S][R]     uint8    FrameMaskBits
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Frames.h"

#include "SerializerSupport.h"

#include "qir/Analysis/BackboneAtoms.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/TableWriter.h"
#include "qir/Support/Geometry.h"

#include <cmath>
#include <limits>

using namespace qir;
using namespace llvm;

AnalysisKey FramesAnalysis::Key;

using Vec = std::array<double, 3>;

uint8_t qir::backboneFrame(const Vec &N, const Vec &CA, const Vec &C,
                           std::array<double, 9> &Rot) {
  Mat3 R;
  if (!gramSchmidtFrame(toVec3(CA), toVec3(C), toVec3(N), R))
    return FM_Degenerate;
  Eigen::Map<Mat3>(Rot.data()) = R;
  return 0;
}

BackboneFrames FramesAnalysis::run(const Structure &S, const Options &,
                                   AnalysisManager &) {
  BackboneFrames Out;
  Out.NumStates = S.numStates();
  Out.Residues = aminoAcidPolymerResidues(S);
  std::vector<BackboneAtoms> BB = collectBackboneAtoms(S);
  const size_t NRows = Out.Residues.size();
  const float NaN = std::numeric_limits<float>::quiet_NaN();
  Out.Origin.assign(Out.NumStates * NRows * 3, NaN);
  Out.Rot.assign(Out.NumStates * NRows * 9, NaN);
  Out.Mask.assign(Out.NumStates * NRows, 0);
  for (size_t St = 0; St < Out.NumStates; ++St)
    for (size_t Row = 0; Row < NRows; ++Row) {
      const BackboneAtoms &B = BB[Out.Residues[Row]];
      uint32_t N = pickInState(S, St, B.N), CA = pickInState(S, St, B.CA),
               C = pickInState(S, St, B.C);
      size_t I = Out.index(St, Row);
      uint8_t M = (N == NoIndex ? FM_NoN : 0) | (CA == NoIndex ? FM_NoCA : 0) |
                  (C == NoIndex ? FM_NoC : 0);
      auto Pos = [&](uint32_t A) -> Vec {
        std::array<float, 3> P = S.position(St, A);
        return {P[0], P[1], P[2]};
      };
      if (CA != NoIndex)
        for (int D = 0; D < 3; ++D)
          Out.Origin[3 * I + D] = S.position(St, CA)[D];
      if (M == 0) {
        std::array<double, 9> R;
        M = backboneFrame(Pos(N), Pos(CA), Pos(C), R);
        if (M == 0)
          for (int K = 0; K < 9; ++K)
            Out.Rot[9 * I + K] = static_cast<float>(R[K]);
      }
      Out.Mask[I] = M;
    }
  return Out;
}

void FramesAnalysis::print(raw_ostream &OS, const Structure &S, const Result &R,
                           const PrintOptions &) {
  TableWriter T(OS);
  std::vector<std::string> Columns = TableWriter::residueColumns();
  Columns.insert(Columns.end(),
                 {"mask", "origin_x", "origin_y", "origin_z", "x_x", "x_y",
                  "x_z", "y_x", "y_y", "y_z", "z_x", "z_y", "z_z"});
  T.header(Columns);
  for (size_t St = 0; St < R.NumStates; ++St)
    for (size_t Row = 0; Row < R.Residues.size(); ++Row) {
      size_t I = R.index(St, Row);
      T.residue(S, St, R.Residues[Row]).integer(R.Mask[I]);
      for (int D = 0; D < 3; ++D)
        T.fixed(R.Origin[3 * I + D], 3);
      // Axis by axis: x_x x_y x_z is column 0 of Rot.
      for (int Axis = 0; Axis < 3; ++Axis)
        for (int D = 0; D < 3; ++D)
          T.fixed(R.Rot[9 * I + 3 * D + Axis], 6);
      T.endRow();
    }
}

Error FramesAnalysis::write(ResultSink &Sink, const Result &R) {
  const uint64_t NS = R.NumStates, NR = R.Residues.size();
  if (Error E = Sink.write<uint32_t>("residues", R.Residues))
    return E;
  if (Error E = Sink.write<float>("origin", R.Origin, {NS, NR, 3}))
    return E;
  if (Error E = Sink.write<float>("rot", R.Rot, {NS, NR, 9}))
    return E;
  return Sink.write<uint8_t>("mask", R.Mask, {NS, NR});
}

Expected<BackboneFrames> FramesAnalysis::read(ResultSource &Source,
                                              const Structure &S) {
  BackboneFrames R;
  R.NumStates = S.numStates();
  std::vector<uint32_t> Rows = aminoAcidPolymerResidues(S);
  if (Error E = serial::readShaped(Source, Name, "residues", R.Residues,
                                   {uint64_t(Rows.size())}))
    return E;
  if (R.Residues != Rows)
    return serial::malformed(Name, "array 'residues' is not the structure's "
                                   "amino-acid polymer residues");
  const uint64_t NS = R.NumStates, NR = Rows.size();
  if (Error E =
          serial::readShaped(Source, Name, "origin", R.Origin, {NS, NR, 3}))
    return E;
  if (Error E = serial::readShaped(Source, Name, "rot", R.Rot, {NS, NR, 9}))
    return E;
  if (Error E = serial::readShaped(Source, Name, "mask", R.Mask, {NS, NR}))
    return E;
  for (size_t I = 0; I < R.Mask.size(); ++I) {
    if (R.Mask[I] > 15)
      return serial::malformed(Name, "array 'mask' holds " +
                                         Twine(unsigned(R.Mask[I])) +
                                         ", not a combination of 1, 2, 4, 8");
    // A frame is a rotation: orthonormal columns, det +1 (float32).
    if (R.Mask[I] == 0) {
      const float *M = &R.Rot[9 * I];
      double Det = M[0] * (double(M[4]) * M[8] - double(M[5]) * M[7]) -
                   M[1] * (double(M[3]) * M[8] - double(M[5]) * M[6]) +
                   M[2] * (double(M[3]) * M[7] - double(M[4]) * M[6]);
      if (!(std::fabs(Det - 1) < 1e-4))
        return serial::malformed(Name, "frame " + Twine(I) +
                                           " is not a proper rotation");
    }
  }
  return R;
}
