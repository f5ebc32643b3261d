//===- Rotate.cpp - Rigid rotation of every state -------------------------===//
#include "qir/Transforms/Rotate.h"

#include "qir/IR/Structure.h"

#include <cmath>

using namespace qir;
using namespace llvm;

PreservedAnalyses RotatePass::run(Structure &S, AnalysisManager &) {
  if (Opts.Angle == 0)
    return PreservedAnalyses(); // nothing written, nothing to drop
  double Len =
      std::sqrt(Opts.Axis[0] * Opts.Axis[0] + Opts.Axis[1] * Opts.Axis[1] +
                Opts.Axis[2] * Opts.Axis[2]);
  if (!(Len > 0))
    return PreservedAnalyses(); // validate() rejects a zero axis
  const double X = Opts.Axis[0] / Len, Y = Opts.Axis[1] / Len,
               Z = Opts.Axis[2] / Len;
  constexpr double Pi = 3.14159265358979323846;
  const double Theta = Opts.Angle * (Pi / 180.0);
  const double C = std::cos(Theta), Sn = std::sin(Theta), T = 1 - C;
  // Rodrigues' rotation matrix, row-major.
  const double R[3][3] = {
      {T * X * X + C, T * X * Y - Sn * Z, T * X * Z + Sn * Y},
      {T * X * Y + Sn * Z, T * Y * Y + C, T * Y * Z - Sn * X},
      {T * X * Z - Sn * Y, T * Y * Z + Sn * X, T * Z * Z + C}};
  const double *Ctr = Opts.Center.data();

  MutableArrayRef<float> XYZ = S.coordsForWrite();
  for (size_t I = 0; I + 2 < XYZ.size(); I += 3) {
    double P[3] = {XYZ[I] - Ctr[0], XYZ[I + 1] - Ctr[1], XYZ[I + 2] - Ctr[2]};
    for (unsigned K = 0; K < 3; ++K)
      XYZ[I + K] = static_cast<float>(R[K][0] * P[0] + R[K][1] * P[1] +
                                      R[K][2] * P[2] + Ctr[K]);
  }

  if (!S.atoms().AnisoU.empty()) {
    AtomTable &At = S.atomsForWrite(Facet::AtomProperties);
    for (std::array<float, 6> &U6 : At.AnisoU) {
      if (std::isnan(U6[0]))
        continue; // atom without anisotropic U
      const double U[3][3] = {
          {U6[0], U6[3], U6[4]}, {U6[3], U6[1], U6[5]}, {U6[4], U6[5], U6[2]}};
      double RU[3][3], Out[3][3];
      for (unsigned I = 0; I < 3; ++I)
        for (unsigned J = 0; J < 3; ++J)
          RU[I][J] = R[I][0] * U[0][J] + R[I][1] * U[1][J] + R[I][2] * U[2][J];
      for (unsigned I = 0; I < 3; ++I)
        for (unsigned J = 0; J < 3; ++J)
          Out[I][J] =
              RU[I][0] * R[J][0] + RU[I][1] * R[J][1] + RU[I][2] * R[J][2];
      U6 = {static_cast<float>(Out[0][0]), static_cast<float>(Out[1][1]),
            static_cast<float>(Out[2][2]), static_cast<float>(Out[0][1]),
            static_cast<float>(Out[0][2]), static_cast<float>(Out[1][2])};
    }
  }
  // A rigid motion: what does not depend on position stays valid
  // (PreservedAnalyses.h, RigidMotionInvariantAnalyses).
  PreservedAnalyses PA;
  PA.preserveSet<RigidMotionInvariantAnalyses>();
  return PA;
}
