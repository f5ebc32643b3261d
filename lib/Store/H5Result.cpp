//===- H5Result.cpp - ResultSink/ResultSource on an HDF5 group ------------===//
#include "H5Result.h"

#include "qir/Store/Schema.h"

#include <type_traits>

using namespace qir;
using namespace qir::store;
using namespace llvm;

Error H5ResultSink::writeArray(StringRef Name, ElementType T, const void *Data,
                               size_t Count, ArrayRef<uint64_t> Shape) {
  SmallVector<uint64_t, 3> Dims(Shape.begin(), Shape.end());
  if (Dims.empty())
    Dims.push_back(Count);
  uint64_t N = 1;
  for (uint64_t D : Dims)
    N *= D;
  if (N != Count)
    return h5::error("array '" + Name + "': shape does not match " +
                     Twine(Count) + " elements");
  h5::Layout L;
  L.ChunkRows = AtomChunkRows;
  L.Deflate = DeflateLevel;
  return h5::writeDataset(G, Name, h5::nativeType(T), Data, Dims, L);
}

Error H5ResultSink::writeStrings(StringRef Name, ArrayRef<std::string> V) {
  return h5::writeVarStrings(G, Name, V);
}
Error H5ResultSink::setAttribute(StringRef Name, int64_t V) {
  return h5::setAttr(G, Name, V);
}
Error H5ResultSink::setAttribute(StringRef Name, double V) {
  return h5::setAttr(G, Name, V);
}
Error H5ResultSink::setAttribute(StringRef Name, StringRef V) {
  return h5::setAttr(G, Name, V);
}

static std::optional<ElementType> elementTypeOf(H5T_class_t C, size_t Size,
                                                hid_t Type) {
  if (C != H5T_FLOAT && C != H5T_INTEGER)
    return std::nullopt;
  bool Float = C == H5T_FLOAT;
  bool Signed = Float || H5Tget_sign(Type) == H5T_SGN_2;
#define QIR_ELEMENT_TYPE(ENUM, CTYPE, NAME, H5TYPE)                            \
  if (std::is_floating_point_v<CTYPE> == Float &&                              \
      std::is_signed_v<CTYPE> == Signed && sizeof(CTYPE) == Size)              \
    return ElementType::ENUM;
#include "qir/Pass/ElementType.def"
  if (Float) // a float of another size converts on read
    return ElementType::F64;
  return std::nullopt;
}

Error H5ResultSource::describe(StringRef Name, ElementType &T,
                               SmallVectorImpl<uint64_t> &Shape) {
  H5T_class_t C;
  size_t Size;
  if (Error E = h5::datasetShape(G, Name, Shape, &C, &Size))
    return E;
  h5::Handle DS(H5Dopen2(G, Name.str().c_str(), H5P_DEFAULT));
  h5::Handle Type(H5Dget_type(DS));
  auto ET = elementTypeOf(C, Size, Type);
  if (!ET)
    return h5::error("dataset '" + Name + "' is not a numeric array");
  T = *ET;
  return Error::success();
}

Error H5ResultSource::readArray(StringRef Name, ElementType T, void *Out,
                                size_t Count) {
  ElementType Stored;
  SmallVector<uint64_t, 3> Shape;
  if (Error E = describe(Name, Stored, Shape))
    return E;
  uint64_t N = 1;
  for (uint64_t D : Shape)
    N *= D;
  if (N != Count)
    return h5::error("dataset '" + Name + "' has " + Twine(N) +
                     " elements, expected " + Twine(Count));
  // Integer widening and float conversions that keep every value are left
  // to HDF5; narrowing is refused.
  if (elementSize(T) < elementSize(Stored) ||
      ((T == ElementType::F32 || T == ElementType::F64) !=
       (Stored == ElementType::F32 || Stored == ElementType::F64)))
    return h5::error("dataset '" + Name + "' holds " + elementTypeName(Stored) +
                     ", cannot read as " + elementTypeName(T));
  return h5::readDataset(G, Name, h5::nativeType(T), Out);
}

Error H5ResultSource::readStrings(StringRef Name,
                                  std::vector<std::string> &Out) {
  return h5::readVarStrings(G, Name, Out);
}
Expected<int64_t> H5ResultSource::getInt(StringRef Name) {
  return h5::getIntAttr(G, Name);
}
Expected<double> H5ResultSource::getDouble(StringRef Name) {
  return h5::getDoubleAttr(G, Name);
}
Expected<std::string> H5ResultSource::getString(StringRef Name) {
  return h5::getStringAttr(G, Name);
}
