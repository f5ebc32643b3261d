//===- H5.cpp - Thin RAII layer over the HDF5 C API -----------------------===//
#include "H5.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/ErrorHandling.h"

#include <algorithm>
#include <cstring>
#include <mutex>

using namespace llvm;

namespace qir::store::h5 {

void quietErrors() {
  static std::once_flag Once;
  std::call_once(Once, [] { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); });
}

void Handle::reset() {
  if (Id < 0)
    return;
  switch (H5Iget_type(Id)) {
  case H5I_FILE:
    H5Fclose(Id);
    break;
  case H5I_GROUP:
    H5Gclose(Id);
    break;
  case H5I_DATASET:
    H5Dclose(Id);
    break;
  case H5I_DATASPACE:
    H5Sclose(Id);
    break;
  case H5I_DATATYPE:
    H5Tclose(Id);
    break;
  case H5I_ATTR:
    H5Aclose(Id);
    break;
  case H5I_GENPROP_LST:
    H5Pclose(Id);
    break;
  default:
    break;
  }
  Id = H5I_INVALID_HID;
}

Error error(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

hid_t nativeType(ElementType T) {
  switch (T) {
#define QIR_ELEMENT_TYPE(ENUM, CTYPE, NAME, H5TYPE)                            \
  case ElementType::ENUM:                                                      \
    return H5TYPE;
#include "qir/Pass/ElementType.def"
  }
  llvm_unreachable("bad element type");
}

Handle fixedStringType(size_t Size) {
  Handle T(H5Tcopy(H5T_C_S1));
  H5Tset_size(T, Size);
  H5Tset_strpad(T, H5T_STR_NULLPAD);
  return T;
}

Handle varStringType() {
  Handle T(H5Tcopy(H5T_C_S1));
  H5Tset_size(T, H5T_VARIABLE);
  H5Tset_cset(T, H5T_CSET_UTF8);
  return T;
}

Expected<Handle> createGroup(hid_t Parent, StringRef Name) {
  Handle LCPL(H5Pcreate(H5P_LINK_CREATE));
  H5Pset_create_intermediate_group(LCPL, 1);
  // Track creation order so that h5py lists groups as written.
  hid_t G =
      H5Gcreate2(Parent, Name.str().c_str(), LCPL, H5P_DEFAULT, H5P_DEFAULT);
  if (G < 0)
    return error("cannot create group '" + Name + "'");
  return Handle(G);
}

Expected<Handle> openGroup(hid_t Parent, StringRef Name) {
  if (!exists(Parent, Name))
    return error("no group '" + Name + "'");
  hid_t G = H5Gopen2(Parent, Name.str().c_str(), H5P_DEFAULT);
  if (G < 0)
    return error("cannot open group '" + Name + "'");
  return Handle(G);
}

bool exists(hid_t Parent, StringRef Path) {
  // H5Lexists fails on a missing intermediate; walk the components.
  std::string Prefix;
  SmallVector<StringRef, 4> Parts;
  Path.split(Parts, '/', -1, false);
  for (StringRef P : Parts) {
    if (!Prefix.empty())
      Prefix += '/';
    Prefix += P.str();
    if (H5Lexists(Parent, Prefix.c_str(), H5P_DEFAULT) <= 0)
      return false;
  }
  return true;
}

static Handle datasetCreation(ArrayRef<uint64_t> Dims, const Layout &L,
                              size_t ElemSize) {
  Handle DCPL(H5Pcreate(H5P_DATASET_CREATE));
  SmallVector<hsize_t, 3> Chunk(Dims.begin(), Dims.end());
  Chunk[0] = std::max<uint64_t>(1, std::min<uint64_t>(Dims[0], L.ChunkRows));
  for (size_t D = 1; D < Chunk.size(); ++D)
    Chunk[D] = std::max<hsize_t>(1, Chunk[D]);
  H5Pset_chunk(DCPL, Chunk.size(), Chunk.data());
  if (L.Deflate) {
    if (ElemSize > 1)
      H5Pset_shuffle(DCPL);
    H5Pset_deflate(DCPL, L.Deflate);
  }
  return DCPL;
}

static Error writeWithType(hid_t Parent, StringRef Name, hid_t FileType,
                           hid_t MemType, const void *Data,
                           ArrayRef<uint64_t> Dims, const Layout &L) {
  SmallVector<hsize_t, 3> D(Dims.begin(), Dims.end());
  Handle Space(H5Screate_simple(D.size(), D.data(), nullptr));
  Handle DCPL = datasetCreation(Dims, L, H5Tget_size(FileType));
  Handle LCPL(H5Pcreate(H5P_LINK_CREATE));
  H5Pset_create_intermediate_group(LCPL, 1);
  Handle DS(H5Dcreate2(Parent, Name.str().c_str(), FileType, Space, LCPL, DCPL,
                       H5P_DEFAULT));
  if (!DS.valid())
    return error("cannot create dataset '" + Name + "'");
  uint64_t N = 1;
  for (uint64_t X : Dims)
    N *= X;
  if (N && H5Dwrite(DS, MemType, H5S_ALL, H5S_ALL, H5P_DEFAULT, Data) < 0)
    return error("cannot write dataset '" + Name + "'");
  return Error::success();
}

Error writeDataset(hid_t Parent, StringRef Name, hid_t MemType,
                   const void *Data, ArrayRef<uint64_t> Dims, const Layout &L) {
  // Files are little-endian whatever the host: copy the native type and
  // fix its order (a no-op on x86 and arm64).
  Handle FileType(H5Tcopy(MemType));
  if (H5Tget_class(MemType) != H5T_STRING)
    H5Tset_order(FileType, H5T_ORDER_LE);
  return writeWithType(Parent, Name, FileType, MemType, Data, Dims, L);
}

Error writeFixedStrings(hid_t Parent, StringRef Name, const void *Data,
                        size_t Count, size_t Width, const Layout &L) {
  Handle T = fixedStringType(Width);
  uint64_t N = Count;
  return writeWithType(Parent, Name, T, T, Data, {N}, L);
}

Error writeVarStrings(hid_t Parent, StringRef Name,
                      ArrayRef<std::string> Values, const Layout &L) {
  std::vector<const char *> Ptrs;
  Ptrs.reserve(Values.size());
  for (const std::string &S : Values)
    Ptrs.push_back(S.c_str());
  Handle T = varStringType();
  uint64_t N = Values.size();
  Layout VL = L;
  VL.ChunkRows = std::min<uint64_t>(L.ChunkRows, 4096);
  return writeWithType(Parent, Name, T, T, Ptrs.data(), {N}, VL);
}

hid_t DatasetCache::get(StringRef Path) {
  auto It = Open.find(Path);
  if (It != Open.end())
    return It->second.get();
  hid_t Id = H5Dopen2(File, Path.str().c_str(), H5P_DEFAULT);
  if (Id < 0)
    return H5I_INVALID_HID; // not cached: a later writer may add it
  return Open.emplace(Path.str(), Handle(Id)).first->second.get();
}

hid_t Loc::open(StringRef Name, Handle &Owned) const {
  if (Cache)
    return Cache->get(Name);
  if (!exists(Parent, Name))
    return H5I_INVALID_HID;
  Owned = Handle(H5Dopen2(Parent, Name.str().c_str(), H5P_DEFAULT));
  return Owned.get();
}

Error datasetShape(Loc Parent, StringRef Name, SmallVectorImpl<uint64_t> &Dims,
                   H5T_class_t *Class, size_t *Size) {
  Handle Owned;
  hid_t DS = Parent.open(Name, Owned);
  if (DS < 0)
    return error("no dataset '" + Name + "'");
  Handle Space(H5Dget_space(DS));
  int Rank = H5Sget_simple_extent_ndims(Space);
  SmallVector<hsize_t, 3> D(std::max(Rank, 0));
  H5Sget_simple_extent_dims(Space, D.data(), nullptr);
  Dims.assign(D.begin(), D.end());
  if (Class || Size) {
    Handle T(H5Dget_type(DS));
    if (Class)
      *Class = H5Tget_class(T);
    if (Size)
      *Size = H5Tget_size(T);
  }
  return Error::success();
}

/// The transfer properties of every read: a 64 KiB type-conversion buffer
/// instead of HDF5's 1 MiB default, which HDF5 allocates and zeroes on each
/// read that converts (variable-length strings): most reads here are small.
static hid_t readTransfer() {
  static hid_t DXPL = [] {
    hid_t P = H5Pcreate(H5P_DATASET_XFER);
    H5Pset_buffer(P, 64 * 1024, nullptr, nullptr);
    return P;
  }();
  return DXPL;
}

Error readDataset(Loc Parent, StringRef Name, hid_t MemType, void *Out) {
  Handle Owned;
  hid_t DS = Parent.open(Name, Owned);
  if (DS < 0)
    return error("no dataset '" + Name + "'");
  Handle Space(H5Dget_space(DS));
  if (H5Sget_simple_extent_npoints(Space) == 0)
    return Error::success();
  if (H5Dread(DS, MemType, H5S_ALL, H5S_ALL, readTransfer(), Out) < 0)
    return error("cannot read dataset '" + Name +
                 "' (wrong type or damaged data)");
  return Error::success();
}

Error readRows(Loc Parent, StringRef Name, hid_t MemType, uint64_t Begin,
               uint64_t End, void *Out) {
  Handle Owned;
  hid_t DS = Parent.open(Name, Owned);
  if (DS < 0)
    return error("no dataset '" + Name + "'");
  Handle Space(H5Dget_space(DS));
  int Rank = H5Sget_simple_extent_ndims(Space);
  SmallVector<hsize_t, 3> D(std::max(Rank, 0));
  H5Sget_simple_extent_dims(Space, D.data(), nullptr);
  if (Rank < 1 || End > D[0] || Begin > End)
    return error("rows " + Twine(Begin) + "-" + Twine(End) +
                 " out of range for dataset '" + Name + "'");
  SmallVector<hsize_t, 3> Start(Rank, 0), Count(D.begin(), D.end());
  Start[0] = Begin;
  Count[0] = End - Begin;
  H5Sselect_hyperslab(Space, H5S_SELECT_SET, Start.data(), nullptr,
                      Count.data(), nullptr);
  Handle Mem(H5Screate_simple(Rank, Count.data(), nullptr));
  if (H5Dread(DS, MemType, Mem, Space, readTransfer(), Out) < 0)
    return error("cannot read dataset '" + Name + "'");
  return Error::success();
}

Error readRowRanges(Loc Parent, StringRef Name, hid_t MemType,
                    ArrayRef<uint64_t> Lead, ArrayRef<RowRange> Ranges,
                    void *Out) {
  Handle Owned;
  hid_t DS = Parent.open(Name, Owned);
  if (DS < 0)
    return error("no dataset '" + Name + "'");
  Handle Space(H5Dget_space(DS));
  int Rank = H5Sget_simple_extent_ndims(Space);
  size_t K = Lead.size();
  if (Rank < 0 || size_t(Rank) <= K)
    return error("dataset '" + Name + "' has rank " + Twine(Rank) +
                 "; expected more than " + Twine(K));
  SmallVector<hsize_t, 3> D(Rank);
  H5Sget_simple_extent_dims(Space, D.data(), nullptr);
  for (size_t I = 0; I < K; ++I)
    if (Lead[I] >= D[I])
      return error("index " + Twine(Lead[I]) + " out of range for dataset '" +
                   Name + "'");
  uint64_t Wanted = 0;
  for (const RowRange &R : Ranges) {
    if (R.first > R.second || R.second > D[K])
      return error("rows " + Twine(R.first) + "-" + Twine(R.second) +
                   " out of range for dataset '" + Name + "'");
    Wanted += R.second - R.first;
  }
  if (Wanted == 0)
    return Error::success();

  // Coalesce ranges that meet in one chunk: the gap between them lies in
  // chunks read anyway, so reading it costs no I/O and keeps the number of
  // hyperslabs (HDF5 merges them in quadratic time) at most the number of
  // chunks touched.
  hsize_t ChunkRows = 1;
  {
    Handle DCPL(H5Dget_create_plist(DS));
    SmallVector<hsize_t, 3> Chunk(Rank, 0);
    if (H5Pget_layout(DCPL) == H5D_CHUNKED &&
        H5Pget_chunk(DCPL, Rank, Chunk.data()) == Rank)
      ChunkRows = std::max<hsize_t>(1, Chunk[K]);
  }
  SmallVector<RowRange, 16> Slabs;
  for (const RowRange &R : Ranges) {
    if (R.first == R.second)
      continue;
    if (!Slabs.empty() &&
        (Slabs.back().second - 1) / ChunkRows >= R.first / ChunkRows)
      Slabs.back().second = R.second;
    else
      Slabs.push_back(R);
  }

  SmallVector<hsize_t, 3> Start(Rank, 0), Count(D.begin(), D.end());
  for (size_t I = 0; I < K; ++I) {
    Start[I] = Lead[I];
    Count[I] = 1;
  }
  H5Sselect_none(Space);
  hsize_t Rows = 0;
  for (const RowRange &R : Slabs) {
    Start[K] = R.first;
    Count[K] = R.second - R.first;
    Rows += Count[K];
    if (H5Sselect_hyperslab(Space, H5S_SELECT_OR, Start.data(), nullptr,
                            Count.data(), nullptr) < 0)
      return error("cannot select rows of dataset '" + Name + "'");
  }
  size_t RowBytes = H5Tget_size(MemType);
  for (int I = K + 1; I < Rank; ++I)
    RowBytes *= D[I];
  // Memory: the slabs back to back, trailing dimensions whole; then the
  // wanted rows are moved down over the gaps.
  std::vector<char> Tmp;
  char *Buf = static_cast<char *>(Out);
  if (Rows != Wanted) {
    Tmp.resize(Rows * RowBytes);
    Buf = Tmp.data();
  }
  SmallVector<hsize_t, 3> MemDims{Rows};
  MemDims.append(D.begin() + K + 1, D.end());
  Handle Mem(H5Screate_simple(MemDims.size(), MemDims.data(), nullptr));
  if (H5Dread(DS, MemType, Mem, Space, readTransfer(), Buf) < 0)
    return error("cannot read dataset '" + Name + "'");
  if (Buf == Out)
    return Error::success();
  char *Dst = static_cast<char *>(Out);
  size_t SlabAt = 0, BufRow = 0;
  for (const RowRange &R : Ranges) {
    if (R.first == R.second)
      continue;
    while (R.first >= Slabs[SlabAt].second) {
      BufRow += Slabs[SlabAt].second - Slabs[SlabAt].first;
      ++SlabAt;
    }
    size_t From = BufRow + (R.first - Slabs[SlabAt].first);
    size_t Bytes = (R.second - R.first) * RowBytes;
    std::memcpy(Dst, Buf + From * RowBytes, Bytes);
    Dst += Bytes;
  }
  return Error::success();
}

Error readFixedStrings(Loc Parent, StringRef Name, void *Out, size_t Count,
                       size_t Width, uint64_t Begin) {
  Handle T = fixedStringType(Width);
  if (Count == 0)
    return Error::success();
  return readRows(Parent, Name, T, Begin, Begin + Count, Out);
}

Error readVarStrings(Loc Parent, StringRef Name, std::vector<std::string> &Out,
                     uint64_t Begin, uint64_t End) {
  SmallVector<uint64_t, 1> Dims;
  if (Error E = datasetShape(Parent, Name, Dims))
    return E;
  if (Dims.size() != 1)
    return error("dataset '" + Name + "' is not a list of strings");
  End = std::min<uint64_t>(End, Dims[0]);
  Out.clear();
  if (Begin >= End)
    return Error::success();
  std::vector<char *> Ptrs(End - Begin, nullptr);
  Handle T = varStringType();
  if (Error E = readRows(Parent, Name, T, Begin, End, Ptrs.data()))
    return E;
  Out.reserve(Ptrs.size());
  for (char *P : Ptrs)
    Out.emplace_back(P ? P : "");
  // Give the strings HDF5 allocated back.
  Handle Space(
      H5Screate_simple(1, std::array<hsize_t, 1>{Ptrs.size()}.data(), nullptr));
  H5Dvlen_reclaim(T, Space, H5P_DEFAULT, Ptrs.data());
  return Error::success();
}

static Error writeAttr(hid_t Obj, StringRef Name, hid_t Type, hid_t Space,
                       const void *Data) {
  std::string N = Name.str();
  if (H5Aexists(Obj, N.c_str()) > 0)
    H5Adelete(Obj, N.c_str());
  Handle A(H5Acreate2(Obj, N.c_str(), Type, Space, H5P_DEFAULT, H5P_DEFAULT));
  if (!A.valid() || H5Awrite(A, Type, Data) < 0)
    return error("cannot write attribute '" + Name + "'");
  return Error::success();
}

Error setAttr(hid_t Obj, StringRef Name, int64_t V) {
  Handle S(H5Screate(H5S_SCALAR));
  return writeAttr(Obj, Name, H5T_NATIVE_INT64, S, &V);
}
Error setAttr(hid_t Obj, StringRef Name, double V) {
  Handle S(H5Screate(H5S_SCALAR));
  return writeAttr(Obj, Name, H5T_NATIVE_DOUBLE, S, &V);
}
Error setAttr(hid_t Obj, StringRef Name, StringRef V) {
  Handle S(H5Screate(H5S_SCALAR));
  Handle T = varStringType();
  std::string Copy = V.str();
  const char *P = Copy.c_str();
  return writeAttr(Obj, Name, T, S, &P);
}
Error setAttr(hid_t Obj, StringRef Name, ArrayRef<double> V) {
  hsize_t N = V.size();
  Handle S(H5Screate_simple(1, &N, nullptr));
  return writeAttr(Obj, Name, H5T_NATIVE_DOUBLE, S, V.data());
}

bool hasAttr(hid_t Obj, StringRef Name) {
  return H5Aexists(Obj, Name.str().c_str()) > 0;
}

static Expected<Handle> openAttr(hid_t Obj, StringRef Name) {
  if (!hasAttr(Obj, Name))
    return error("no attribute '" + Name + "'");
  Handle A(H5Aopen(Obj, Name.str().c_str(), H5P_DEFAULT));
  if (!A.valid())
    return error("cannot open attribute '" + Name + "'");
  return A;
}

Expected<int64_t> getIntAttr(hid_t Obj, StringRef Name) {
  auto A = openAttr(Obj, Name);
  if (!A)
    return A.takeError();
  Handle T(H5Aget_type(*A));
  if (H5Tget_class(T) != H5T_INTEGER)
    return error("attribute '" + Name + "' is not an integer");
  int64_t V = 0;
  if (H5Aread(*A, H5T_NATIVE_INT64, &V) < 0)
    return error("cannot read attribute '" + Name + "'");
  return V;
}

Expected<double> getDoubleAttr(hid_t Obj, StringRef Name) {
  auto A = openAttr(Obj, Name);
  if (!A)
    return A.takeError();
  Handle T(H5Aget_type(*A));
  H5T_class_t C = H5Tget_class(T);
  if (C != H5T_FLOAT && C != H5T_INTEGER)
    return error("attribute '" + Name + "' is not a number");
  double V = 0;
  if (H5Aread(*A, H5T_NATIVE_DOUBLE, &V) < 0)
    return error("cannot read attribute '" + Name + "'");
  return V;
}

Expected<std::string> getStringAttr(hid_t Obj, StringRef Name) {
  auto A = openAttr(Obj, Name);
  if (!A)
    return A.takeError();
  Handle T(H5Aget_type(*A));
  if (H5Tget_class(T) != H5T_STRING)
    return error("attribute '" + Name + "' is not a string");
  if (H5Tis_variable_str(T) > 0) {
    Handle MT = varStringType();
    char *P = nullptr;
    if (H5Aread(*A, MT, &P) < 0)
      return error("cannot read attribute '" + Name + "'");
    std::string S = P ? P : "";
    H5free_memory(P);
    return S;
  }
  size_t Size = H5Tget_size(T);
  std::string S(Size, '\0');
  Handle MT = fixedStringType(Size);
  if (H5Aread(*A, MT, S.data()) < 0)
    return error("cannot read attribute '" + Name + "'");
  S.resize(strnlen(S.data(), Size));
  return S;
}

Error getDoublesAttr(hid_t Obj, StringRef Name, std::vector<double> &Out) {
  auto A = openAttr(Obj, Name);
  if (!A)
    return A.takeError();
  Handle S(H5Aget_space(*A));
  Out.resize(H5Sget_simple_extent_npoints(S));
  if (!Out.empty() && H5Aread(*A, H5T_NATIVE_DOUBLE, Out.data()) < 0)
    return error("cannot read attribute '" + Name + "'");
  return Error::success();
}

static herr_t collectName(hid_t, const char *Name, const H5L_info_t *,
                          void *Data) {
  static_cast<std::vector<std::string> *>(Data)->emplace_back(Name);
  return 0;
}

std::vector<std::string> listGroup(hid_t G) {
  std::vector<std::string> Names;
  H5Literate(G, H5_INDEX_NAME, H5_ITER_INC, nullptr, collectName, &Names);
  return Names;
}

static herr_t collectAttrName(hid_t, const char *Name, const H5A_info_t *,
                              void *Data) {
  static_cast<std::vector<std::string> *>(Data)->emplace_back(Name);
  return 0;
}

static Error copyAttributes(hid_t Src, hid_t Dst) {
  std::vector<std::string> Names;
  hsize_t Idx = 0;
  H5Aiterate2(Src, H5_INDEX_NAME, H5_ITER_INC, &Idx, collectAttrName, &Names);
  for (const std::string &N : Names) {
    Handle A(H5Aopen(Src, N.c_str(), H5P_DEFAULT));
    Handle T(H5Aget_type(A));
    Handle Sp(H5Aget_space(A));
    bool Scalar = H5Sget_simple_extent_npoints(Sp) == 1 &&
                  H5Sget_simple_extent_ndims(Sp) == 0;
    switch (H5Tget_class(T)) {
    case H5T_STRING: {
      auto V = getStringAttr(Src, N);
      if (!V)
        return V.takeError();
      if (Error E = setAttr(Dst, N, StringRef(*V)))
        return E;
      break;
    }
    case H5T_INTEGER: {
      auto V = getIntAttr(Src, N);
      if (!V)
        return V.takeError();
      if (Error E = setAttr(Dst, N, *V))
        return E;
      break;
    }
    case H5T_FLOAT: {
      std::vector<double> V;
      if (Error E = getDoublesAttr(Src, N, V))
        return E;
      if (Error E = Scalar ? setAttr(Dst, N, V[0])
                           : setAttr(Dst, N, ArrayRef<double>(V)))
        return E;
      break;
    }
    default:
      return error("cannot copy attribute '" + N + "' (unsupported type)");
    }
  }
  return Error::success();
}

Error copyGroup(hid_t Src, hid_t DstParent, StringRef DstName) {
  auto Dst = createGroup(DstParent, DstName);
  if (!Dst)
    return Dst.takeError();
  if (Error E = copyAttributes(Src, *Dst))
    return E;
  for (const std::string &N : listGroup(Src)) {
    H5O_info_t Info;
    if (H5Oget_info_by_name2(Src, N.c_str(), &Info, H5O_INFO_BASIC,
                             H5P_DEFAULT) < 0)
      return error("cannot inspect '" + N + "'");
    if (Info.type == H5O_TYPE_GROUP) {
      auto G = openGroup(Src, N);
      if (!G)
        return G.takeError();
      if (Error E = copyGroup(*G, *Dst, N))
        return E;
      continue;
    }
    if (Info.type != H5O_TYPE_DATASET)
      continue;
    SmallVector<uint64_t, 3> Dims;
    H5T_class_t Class;
    size_t Size;
    if (Error E = datasetShape(Src, N, Dims, &Class, &Size))
      return E;
    Handle DS(H5Dopen2(Src, N.c_str(), H5P_DEFAULT));
    Handle FT(H5Dget_type(DS));
    if (Class == H5T_STRING && H5Tis_variable_str(FT) > 0) {
      std::vector<std::string> V;
      if (Error E = readVarStrings(Src, N, V))
        return E;
      if (Error E = writeVarStrings(*Dst, N, V))
        return E;
      continue;
    }
    Handle MT(Class == H5T_STRING ? H5Tcopy(FT)
                                  : H5Tget_native_type(FT, H5T_DIR_ASCEND));
    uint64_t Count = 1;
    for (uint64_t D : Dims)
      Count *= D;
    std::vector<char> Buf(std::max<uint64_t>(1, Count) * H5Tget_size(MT));
    if (Error E = readDataset(Src, N, MT, Buf.data()))
      return E;
    Layout L;
    if (Error E = writeDataset(*Dst, N, MT, Buf.data(), Dims, L))
      return E;
    Handle Out(H5Dopen2(*Dst, N.c_str(), H5P_DEFAULT));
    if (Error E = copyAttributes(DS, Out))
      return E;
  }
  return Error::success();
}

} // namespace qir::store::h5
