//===- Rotate.h - Rigid rotation of every state -----------------*- C++ -*-===//
//
// rotate<angle=DEG;axis=x,y,z;center=x,y,z> rotates the coordinates of every
// state by `angle` degrees about the line through `center` (default the
// origin) along `axis` (default 0,0,1; any non-zero length), counter-
// clockwise when looking down the axis towards its origin (right-hand rule):
// rotate<angle=90> maps (x,y,z) to (-y,x,z). Absent atoms (NaN) stay NaN.
//
// When the structure has anisotropic displacements (AtomTable::AnisoU),
// they turn with the atoms: U' = R U R^T, stored as U11 U22 U33 U12 U13 U23.
//
// Writes Coordinates, and AtomProperties when AnisoU is present; nothing
// when the angle is 0. Preserves RigidMotionInvariantAnalyses (the
// analyses that declare themselves members: PreservedAnalyses.h).
//
//===----------------------------------------------------------------------===//
#ifndef QIR_TRANSFORMS_ROTATE_H
#define QIR_TRANSFORMS_ROTATE_H

#include "qir/Pass/PassManager.h"

namespace qir {

class RotatePass : public PassInfoMixin<RotatePass> {
public:
  static constexpr llvm::StringLiteral Name = "rotate";
  static constexpr llvm::StringLiteral Description =
      "rotate every state about an axis through a point";

  struct Options : PassOptionsBase {
    double Angle = 0;
    Vec3Option Axis = {0, 0, 1};
    Vec3Option Center = {0, 0, 0};
    template <typename M> void map(M &O) {
      O.positional("angle", Angle,
                   "angle in degrees, counter-clockwise about the axis");
      O.option("axis", Axis, "rotation axis direction (non-zero)");
      O.option("center", Center, "a point on the axis (Angstrom)");
    }
    std::optional<Invalid> validate() const {
      if (Axis[0] == 0 && Axis[1] == 0 && Axis[2] == 0)
        return Invalid{"axis", "rotation axis must be non-zero"};
      return std::nullopt;
    }
  };

  RotatePass() = default;
  explicit RotatePass(Options O) : Opts(O) {}
  PreservedAnalyses run(Structure &S, AnalysisManager &AM);

  Options Opts;
};

} // namespace qir

#endif // QIR_TRANSFORMS_ROTATE_H
