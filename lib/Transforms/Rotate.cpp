//===- Rotate.cpp - Rigid rotation of every state -------------------------===//
#include "qir/Transforms/Rotate.h"

#include "qir/IR/Structure.h"
#include "qir/Support/Geometry.h"

#include "llvm/Support/MathExtras.h"

#include <cmath>

using namespace qir;
using namespace llvm;

PreservedAnalyses RotatePass::run(Structure &S, AnalysisManager &) {
  if (Opts.Angle == 0)
    return PreservedAnalyses(); // nothing written, nothing to drop
  const Vec3 Axis = toVec3(Opts.Axis);
  const double Len = Axis.norm();
  if (!(Len > 0))
    return PreservedAnalyses(); // validate() rejects a zero axis
  const Mat3 R =
      axisAngleRotation(Axis / Len, Opts.Angle * (numbers::pi / 180.0));
  const Vec3 Ctr = toVec3(Opts.Center);

  // Rows of R dotted with the point: x, y, z summed in order.
  MutableArrayRef<float> XYZ = S.coordsForWrite();
  for (size_t I = 0; I + 2 < XYZ.size(); I += 3) {
    const Vec3 P = Vec3(XYZ[I], XYZ[I + 1], XYZ[I + 2]) - Ctr;
    for (unsigned K = 0; K < 3; ++K)
      XYZ[I + K] = static_cast<float>(R.row(K).dot(P.transpose()) + Ctr[K]);
  }

  // U' = R U R^T, by rows: U is symmetric, so row j of U is its column j.
  if (!S.atoms().AnisoU.empty()) {
    AtomTable &At = S.atomsForWrite(Facet::AtomProperties);
    for (std::array<float, 6> &U6 : At.AnisoU) {
      if (std::isnan(U6[0]))
        continue; // atom without anisotropic U
      Mat3 U, RU, Out;
      U << U6[0], U6[3], U6[4], U6[3], U6[1], U6[5], U6[4], U6[5], U6[2];
      for (unsigned I = 0; I < 3; ++I)
        for (unsigned J = 0; J < 3; ++J)
          RU(I, J) = R.row(I).dot(U.row(J));
      for (unsigned I = 0; I < 3; ++I)
        for (unsigned J = 0; J < 3; ++J)
          Out(I, J) = RU.row(I).dot(R.row(J));
      U6 = {static_cast<float>(Out(0, 0)), static_cast<float>(Out(1, 1)),
            static_cast<float>(Out(2, 2)), static_cast<float>(Out(0, 1)),
            static_cast<float>(Out(0, 2)), static_cast<float>(Out(1, 2))};
    }
  }
  // A rigid motion: what does not depend on position stays valid
  // (PreservedAnalyses.h, RigidMotionInvariantAnalyses).
  PreservedAnalyses PA;
  PA.preserveSet<RigidMotionInvariantAnalyses>();
  return PA;
}
