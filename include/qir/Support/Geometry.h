//===- Geometry.h - Small 3-D geometry on Eigen -----------------*- C++ -*-===//
//
// Points and vectors are Eigen::Vector3d; rotations a row-major 3x3 matrix.
// The helpers keep the summation order of the scalar code they replaced
// (x, then y, then z): Eigen's dot product and norm of a contiguous
// Vector3d, and of a row of a row-major matrix, add the three products left
// to right, and its cross product writes the textbook components, so
// results are bit-identical to the hand-written sums (GeometryTest pins
// this). Columns of a row-major matrix are strided and summed in another
// order: take dot products of rows.
//
// Include this header only where the maths is done (a .cpp); public headers
// of other components keep std::array so that Eigen stays out of them.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SUPPORT_GEOMETRY_H
#define QIR_SUPPORT_GEOMETRY_H

#include <Eigen/Core>
#include <Eigen/Geometry>

#include <array>

namespace qir {

using Vec3 = Eigen::Vector3d;
/// Row-major, so that Rot.row(i).dot(v) sums in x, y, z order.
using Mat3 = Eigen::Matrix<double, 3, 3, Eigen::RowMajor>;

template <typename T> inline Vec3 toVec3(const std::array<T, 3> &P) {
  return Vec3(P[0], P[1], P[2]);
}

/// The dihedral angle p0-p1-p2-p3 in degrees, in (-180, 180]: positive when,
/// looking down p1->p2, p3 is rotated clockwise from p0 (the IUPAC sign).
/// NaN when any coordinate is NaN; 0 when three points are collinear
/// (atan2(0, 0)).
double dihedralDegrees(const Vec3 &P0, const Vec3 &P1, const Vec3 &P2,
                       const Vec3 &P3);

/// The right-handed orthonormal frame of three points by Gram-Schmidt: x
/// along \p Origin -> \p XPoint, y towards \p PlanePoint in the plane of the
/// three, z = x cross y; the axes are the columns of \p Rot. Returns false
/// (and leaves \p Rot unspecified) when x or the in-plane part of y is
/// shorter than \p MinLength.
bool gramSchmidtFrame(const Vec3 &Origin, const Vec3 &XPoint,
                      const Vec3 &PlanePoint, Mat3 &Rot,
                      double MinLength = 1e-6);

/// Rodrigues' matrix of the rotation by \p Radians about the unit vector
/// \p Axis (right-hand rule).
Mat3 axisAngleRotation(const Vec3 &Axis, double Radians);

} // namespace qir

#endif // QIR_SUPPORT_GEOMETRY_H
