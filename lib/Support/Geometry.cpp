//===- Geometry.cpp - Small 3-D geometry on Eigen -------------------------===//
#include "qir/Support/Geometry.h"

#include "llvm/Support/MathExtras.h"

#include <cmath>

using namespace qir;

double qir::dihedralDegrees(const Vec3 &P0, const Vec3 &P1, const Vec3 &P2,
                            const Vec3 &P3) {
  const Vec3 B0 = P1 - P0, B1 = P2 - P1, B2 = P3 - P2;
  const Vec3 N1 = B0.cross(B1), N2 = B1.cross(B2);
  const double Y = B1.norm() * B0.dot(N2);
  const double X = N1.dot(N2);
  const double Deg = std::atan2(Y, X) * (180.0 / llvm::numbers::pi);
  // atan2 gives -180 for y = -0 and x < 0; the range is (-180, 180].
  return Deg <= -180.0 ? Deg + 360.0 : Deg;
}

bool qir::gramSchmidtFrame(const Vec3 &Origin, const Vec3 &XPoint,
                           const Vec3 &PlanePoint, Mat3 &Rot,
                           double MinLength) {
  Vec3 X = XPoint - Origin, Y = PlanePoint - Origin;
  const double LX = X.norm();
  if (!(LX >= MinLength))
    return false;
  X /= LX;
  Y -= X.dot(Y) * X;
  const double LY = Y.norm();
  if (!(LY >= MinLength))
    return false;
  Y /= LY;
  Rot.col(0) = X;
  Rot.col(1) = Y;
  Rot.col(2) = X.cross(Y);
  return true;
}

Mat3 qir::axisAngleRotation(const Vec3 &Axis, double Radians) {
  const double X = Axis[0], Y = Axis[1], Z = Axis[2];
  const double C = std::cos(Radians), Sn = std::sin(Radians), T = 1 - C;
  Mat3 R;
  R << T * X * X + C, T * X * Y - Sn * Z, T * X * Z + Sn * Y, //
      T * X * Y + Sn * Z, T * Y * Y + C, T * Y * Z - Sn * X,  //
      T * X * Z - Sn * Y, T * Y * Z + Sn * X, T * Z * Z + C;
  return R;
}
