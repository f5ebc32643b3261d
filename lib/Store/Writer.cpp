//===- Writer.cpp - Writing structures and results to .qir.h5 -------------===//
#include "qir/Store/Writer.h"

#include "ColumnIO.h"
#include "H5.h"
#include "H5Result.h"
#include "ReaderImpl.h"

#include "qir/IR/Structure.h"
#include "qir/Store/AtomicFile.h"
#include "qir/Store/Schema.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"

#include <cmath>
#include <limits>
#include <map>

using namespace qir;
using namespace qir::store;
using namespace llvm;

StringRef qir::store::qirVersion() { return QIR_VERSION_STRING; }

Expected<std::string> qir::store::sha256File(StringRef Path) {
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                   /*RequiresNullTerminator=*/false);
  if (!Buf)
    return createStringError(Buf.getError(), "cannot read '%s': %s",
                             Path.str().c_str(),
                             Buf.getError().message().c_str());
  std::array<uint8_t, 32> D = SHA256::hash(ArrayRef<uint8_t>(
      reinterpret_cast<const uint8_t *>((*Buf)->getBufferStart()),
      (*Buf)->getBufferSize()));
  return toHex(D, /*LowerCase=*/true);
}

namespace {

/// Appends rows to extendible, chunked, compressed datasets.
class Columns {
public:
  explicit Columns(hid_t File) : File(File) {}

  /// Append \p Rows rows of \p Inner values each (type \p MemType, file
  /// type \p FileType) to dataset \p Path, creating it with \p ChunkRows
  /// rows per chunk. \p Filler (one row) back-fills rows that structures
  /// written before the dataset existed would have had.
  Error append(StringRef Path, hid_t MemType, const void *Data, uint64_t Rows,
               ArrayRef<uint64_t> Inner, uint64_t ChunkRows,
               uint64_t RowsBefore = 0, const void *Filler = nullptr) {
    auto It = Sizes.find(Path);
    if (It == Sizes.end()) {
      if (Error E = create(Path, MemType, Inner, ChunkRows))
        return E;
      It = Sizes.insert({Path, 0}).first;
      if (RowsBefore) {
        size_t RowBytes = H5Tget_size(MemType);
        for (uint64_t D : Inner)
          RowBytes *= D;
        std::vector<char> Fill(RowBytes * RowsBefore);
        for (uint64_t R = 0; R < RowsBefore; ++R)
          if (Filler)
            memcpy(&Fill[R * RowBytes], Filler, RowBytes);
        if (Error E = write(Path, MemType, Fill.data(), RowsBefore, Inner,
                            It->second))
          return E;
      }
    }
    return write(Path, MemType, Data, Rows, Inner, It->second);
  }
  template <typename T>
  Error append(StringRef Path, ArrayRef<T> Data, uint64_t ChunkRows,
               uint64_t RowsBefore = 0, const T *Filler = nullptr,
               ArrayRef<uint64_t> Inner = {}) {
    uint64_t Width = 1;
    for (uint64_t D : Inner)
      Width *= D;
    return append(Path, h5::nativeType(ElementTypeOf<T>::value), Data.data(),
                  Data.size() / Width, Inner, ChunkRows, RowsBefore, Filler);
  }
  bool has(StringRef Path) const { return Sizes.count(Path); }
  uint64_t rows(StringRef Path) const {
    auto It = Sizes.find(Path);
    return It == Sizes.end() ? 0 : It->second;
  }

private:
  Error create(StringRef Path, hid_t MemType, ArrayRef<uint64_t> Inner,
               uint64_t ChunkRows) {
    SmallVector<hsize_t, 3> Dims{0}, Max{H5S_UNLIMITED},
        Chunk{std::max<uint64_t>(1, ChunkRows)};
    for (uint64_t D : Inner) {
      Dims.push_back(D);
      Max.push_back(D);
      Chunk.push_back(std::max<uint64_t>(1, D));
    }
    h5::Handle Space(H5Screate_simple(Dims.size(), Dims.data(), Max.data()));
    h5::Handle DCPL(H5Pcreate(H5P_DATASET_CREATE));
    H5Pset_chunk(DCPL, Chunk.size(), Chunk.data());
    h5::Handle FileType(H5Tcopy(MemType));
    if (H5Tget_class(MemType) != H5T_STRING) {
      H5Tset_order(FileType, H5T_ORDER_LE);
      if (H5Tget_size(MemType) > 1)
        H5Pset_shuffle(DCPL);
    }
    H5Pset_deflate(DCPL, DeflateLevel);
    h5::Handle LCPL(H5Pcreate(H5P_LINK_CREATE));
    H5Pset_create_intermediate_group(LCPL, 1);
    h5::Handle DS(H5Dcreate2(File, Path.str().c_str(), FileType, Space, LCPL,
                             DCPL, H5P_DEFAULT));
    if (!DS.valid())
      return h5::error("cannot create dataset '" + Path + "'");
    return Error::success();
  }

  Error write(StringRef Path, hid_t MemType, const void *Data, uint64_t Rows,
              ArrayRef<uint64_t> Inner, uint64_t &Size) {
    if (Rows == 0)
      return Error::success();
    h5::Handle DS(H5Dopen2(File, Path.str().c_str(), H5P_DEFAULT));
    SmallVector<hsize_t, 3> NewDims{Size + Rows}, Start{Size}, Count{Rows};
    for (uint64_t D : Inner) {
      NewDims.push_back(D);
      Start.push_back(0);
      Count.push_back(D);
    }
    if (H5Dset_extent(DS, NewDims.data()) < 0)
      return h5::error("cannot extend dataset '" + Path + "'");
    h5::Handle Space(H5Dget_space(DS));
    H5Sselect_hyperslab(Space, H5S_SELECT_SET, Start.data(), nullptr,
                        Count.data(), nullptr);
    h5::Handle Mem(H5Screate_simple(Count.size(), Count.data(), nullptr));
    if (H5Dwrite(DS, MemType, Mem, Space, H5P_DEFAULT, Data) < 0)
      return h5::error("cannot write dataset '" + Path + "'");
    Size += Rows;
    return Error::success();
  }

  hid_t File;
  StringMap<uint64_t> Sizes;
};

/// A dictionary-encoded text column of a shard: values are written once
/// at commit, indices per atom record as structures arrive.
struct DictColumn {
  std::vector<std::string> Values{""}; ///< 0 = absent
  StringMap<uint32_t> Index{{"", 0}};
  uint32_t code(StringRef V) {
    auto [It, New] = Index.try_emplace(V, Values.size());
    if (New)
      Values.push_back(V.str());
    return It->second;
  }
};

template <typename T> ArrayRef<T> col(const std::vector<T> &V) { return V; }

} // namespace

struct StoreWriter::Impl {
  AtomicFile File;
  StoreKind Kind;
  h5::Handle H;
  std::unique_ptr<Columns> Cols;
  size_t Count = 0;
  StringSet<> Ids;
  // Running totals (rows written to each table so far).
  uint64_t Atoms = 0, Residues = 0, Chains = 0, Entities = 0, Bonds = 0,
           States = 0, Records = 0, Groupings = 0, GroupAtoms = 0,
           SiteOrder = 0, SiteOrderBegin = 0;
  std::map<std::string, DictColumn> Extra;
  // /toc columns.
  std::vector<std::string> TocId, TocPath, TocSha, TocFormat, TocEntry,
      TocMethod, TocSpaceGroup, TocExtra;
  std::vector<double> TocResolution, TocCell;
  struct Offsets {
    std::vector<uint64_t> Begin, Count;
  };
  std::map<std::string, Offsets> TocOffsets;
  std::vector<uint8_t> TocFlags;

  Impl(StringRef Path, StoreKind K) : File(Path), Kind(K) {}

  void offset(const char *Table, uint64_t Begin, uint64_t N) {
    Offsets &O = TocOffsets[Table];
    O.Begin.push_back(Begin);
    O.Count.push_back(N);
  }
  uint64_t chunk(uint64_t Default, uint64_t Rows) const {
    return Kind == StoreKind::Structure
               ? std::min(Default, std::max<uint64_t>(1, Rows))
               : Default;
  }
  Error writeCore(const Structure &S);
  Error writeToc();
};

StoreWriter::StoreWriter(std::unique_ptr<Impl> I) : P(std::move(I)) {}
StoreWriter::~StoreWriter() = default;
const std::string &StoreWriter::path() const { return P->File.destination(); }
size_t StoreWriter::numStructures() const { return P->Count; }

Expected<std::unique_ptr<StoreWriter>> StoreWriter::create(StringRef Path,
                                                           StoreKind Kind) {
  h5::quietErrors();
  auto I = std::make_unique<Impl>(Path, Kind);
  h5::Handle FAPL(H5Pcreate(H5P_FILE_ACCESS));
  // HDF5 1.10 object format: its chunk indexes (single chunk, fixed and
  // extensible arrays) cost bytes where 1.8's B-trees cost kilobytes per
  // dataset (1ubq: 58 KB instead of 200 KB). Every HDF5 >= 1.10 reader,
  // h5py included, opens it.
  H5Pset_libver_bounds(FAPL, H5F_LIBVER_V110, H5F_LIBVER_V110);
  I->H = h5::Handle(
      H5Fcreate(I->File.tempPath().c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, FAPL));
  if (!I->H.valid())
    return createStringError(inconvertibleErrorCode(),
                             "cannot create '%s' (for '%s')",
                             I->File.tempPath().c_str(), Path.str().c_str());
  I->Cols = std::make_unique<Columns>(I->H);
  if (Error E = h5::setAttr(I->H, "format_major", FormatMajor))
    return std::move(E);
  if (Error E = h5::setAttr(I->H, "format_minor", FormatMinor))
    return std::move(E);
  if (Error E =
          h5::setAttr(I->H, "kind",
                      Kind == StoreKind::Structure ? StringRef("structure")
                                                   : StringRef("shard")))
    return std::move(E);
  if (Error E = h5::setAttr(I->H, "qir_version", qirVersion()))
    return std::move(E);
  if (Error E = h5::setAttr(I->H, "created", creationTime()))
    return std::move(E);
  return std::unique_ptr<StoreWriter>(new StoreWriter(std::move(I)));
}

Expected<std::string> StoreWriter::addStructure(const Structure &S,
                                                const SourceInfo &Source) {
  if (P->Kind == StoreKind::Structure && P->Count == 1)
    return createStringError(inconvertibleErrorCode(),
                             "a structure store holds one structure");
  std::string Base = Source.Id;
  if (Base.empty())
    Base = sys::path::stem(Source.Path).str();
  if (StringRef(Base).ends_with(".cif") || StringRef(Base).ends_with(".pdb") ||
      StringRef(Base).ends_with(".ent"))
    Base = sys::path::stem(Base).str(); // 1ubq.cif.gz
  if (Base.empty())
    Base = S.metadata().Id.empty() ? "structure" : S.metadata().Id;
  std::string Id = Base;
  for (unsigned N = 2; P->Ids.count(Id); ++N)
    Id = Base + "_" + std::to_string(N);
  P->Ids.insert(Id);

  const Metadata &M = S.metadata();
  P->TocId.push_back(Id);
  P->TocPath.push_back(Source.Path);
  P->TocSha.push_back(Source.Sha256);
  P->TocFormat.push_back(M.SourceFormat);
  P->TocEntry.push_back(M.Id);
  P->TocMethod.push_back(M.Method);
  P->TocSpaceGroup.push_back(M.SpaceGroup);
  P->TocResolution.push_back(M.Resolution ? *M.Resolution : std::nan(""));
  double NaN = std::nan("");
  if (M.Cell)
    P->TocCell.insert(P->TocCell.end(),
                      {M.Cell->A, M.Cell->B, M.Cell->C, M.Cell->Alpha,
                       M.Cell->Beta, M.Cell->Gamma});
  else
    P->TocCell.insert(P->TocCell.end(), 6, NaN);
  std::string ExtraNames;
  for (const std::string &Name : S.extraColumns().Names)
    ExtraNames += Name + "\n";
  P->TocExtra.push_back(ExtraNames);

  if (Error E = P->writeCore(S))
    return std::move(E);
  ++P->Count;
  return Id;
}

Error StoreWriter::Impl::writeCore(const Structure &S) {
  Columns &C = *Cols;
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  const EntityTable &En = S.entities();
  const BondTable &Bo = S.bonds();
  const StateTable &St = S.states();
  const uint64_t N = At.size(), NS = St.size(), NR = NS * N;
  bool Single = Kind == StoreKind::Structure;
  uint8_t Flags = 0;

  offset("atom", Atoms, N);
  offset("residue", Residues, Res.size());
  offset("chain", Chains, Ch.size());
  offset("entity", Entities, En.size());
  offset("bond", Bonds, Bo.size());
  offset("state", States, NS);
  offset("record", Records, NR);

  auto Fixed = [&](StringRef Path, const void *Data, uint64_t Rows,
                   size_t Width, uint64_t Chunk) {
    h5::Handle T = h5::fixedStringType(Width);
    return C.append(Path, T, Data, Rows, {}, Chunk);
  };
  // A column of the IR tables, laid out as its element type says
  // (ColumnIO.h).
  auto Column = [&](StringRef Path, const auto &V, uint64_t Chunk) -> Error {
    using T = typename std::decay_t<decltype(V)>::value_type;
    using CS = ColumnStorage<T>;
    if constexpr (CS::FixedWidth != 0) {
      return Fixed(Path, V.data(), V.size(), CS::FixedWidth, Chunk);
    } else if constexpr (std::is_enum_v<T>) {
      std::vector<uint8_t> Raw(V.size());
      for (size_t I = 0; I < V.size(); ++I)
        Raw[I] = static_cast<uint8_t>(V[I]);
      return C.append(Path, col(Raw), Chunk);
    } else {
      static_assert(CS::Width == 1, "arrays are optional atom columns");
      return C.append(Path, col(V), Chunk);
    }
  };
  // An optional atom column of std::array<E, K>: written, with NaN rows
  // for a structure without it, once any structure of the file has it.
  auto OptionalAtomColumn = [&](StringRef Path, const auto &V, uint64_t Chunk,
                                TocFlag Bit) -> Error {
    using T = typename std::decay_t<decltype(V)>::value_type;
    using E = typename ColumnStorage<T>::Element;
    constexpr unsigned K = ColumnStorage<T>::Width;
    if (V.empty() && !C.has(Path))
      return Error::success();
    const E NaN = std::numeric_limits<E>::quiet_NaN();
    std::vector<E> U;
    if (V.empty())
      U.assign(N * K, NaN);
    else
      U.assign(&V[0][0], &V[0][0] + N * K);
    E Fill[K];
    std::fill(Fill, Fill + K, NaN);
    if (Error Err = C.append<E>(Path, U, Chunk, Atoms, Fill, {K}))
      return Err;
    if (!V.empty())
      Flags |= Bit;
    return Error::success();
  };
  uint64_t AC = chunk(AtomChunkRows, N);
#define QIR_ATOM_COLUMN(Member, Type, StoreName, Facet)                        \
  if (Error E = Column("/core/atoms/" StoreName, At.Member, AC))               \
    return E;
#define QIR_ATOM_OPTIONAL_COLUMN(Member, Type, StoreName, Facet, Bit)          \
  if (Error E =                                                                \
          OptionalAtomColumn("/core/atoms/" StoreName, At.Member, AC, Bit))    \
    return E;
#include "qir/IR/AtomColumns.def"
  uint64_t RC = chunk(ResidueChunkRows, Res.size());
#define QIR_RESIDUE_COLUMN(Member, Type, StoreName, Facet)                     \
  if (Error E = Column("/core/residues/" StoreName, Res.Member, RC))           \
    return E;
#include "qir/IR/ResidueColumns.def"
  uint64_t CC = chunk(SmallTableChunkRows, Ch.size());
#define QIR_CHAIN_COLUMN(Member, Type, StoreName, Facet)                       \
  if (Error E = Column("/core/chains/" StoreName, Ch.Member, CC))              \
    return E;
#include "qir/IR/ChainColumns.def"
  // Entities.
  uint64_t EC = chunk(SmallTableChunkRows, En.size());
  {
    h5::Handle VS = h5::varStringType();
    auto Strings = [&](StringRef Path, const std::vector<std::string> &V) {
      std::vector<const char *> Ptrs;
      for (const std::string &X : V)
        Ptrs.push_back(X.c_str());
      return C.append(Path, VS, Ptrs.data(), Ptrs.size(), {}, EC);
    };
    if (Error E = Strings("/core/entities/id", En.Id))
      return E;
    if (Error E = Strings("/core/entities/sequence", En.Sequence))
      return E;
    if (Error E = Strings("/core/entities/description", En.Description))
      return E;
    std::vector<uint8_t> Type(En.size()), Poly(En.size());
    for (size_t I = 0; I < En.size(); ++I) {
      Type[I] = static_cast<uint8_t>(En.Type[I]);
      Poly[I] = static_cast<uint8_t>(En.Polymer[I]);
    }
    if (Error E = C.append("/core/entities/type", col(Type), EC))
      return E;
    if (Error E = C.append("/core/entities/polymer_type", col(Poly), EC))
      return E;
  }
  uint64_t BC = chunk(AtomChunkRows, Bo.size());
#define QIR_BOND_COLUMN(Member, Type, StoreName, Facet)                        \
  if (Error E = Column("/core/bonds/" StoreName, Bo.Member, BC))               \
    return E;
#include "qir/IR/BondColumns.def"
  // States.
  if (Error E = C.append("/core/states/model_number", col(St.ModelNumber),
                         chunk(SmallTableChunkRows, NS)))
    return E;
  if (Single) {
    // [S][N][3]: one state and a run of atoms per chunk.
    h5::Layout L;
    L.ChunkRows = 1;
    L.Deflate = DeflateLevel;
    SmallVector<uint64_t, 3> Dims{NS, N, 3};
    // Chunk (1, CoordChunkAtoms, 3): writeDataset chunks only the first
    // dimension, so write through a dedicated creation here.
    h5::Handle Space(
        H5Screate_simple(3, std::array<hsize_t, 3>{NS, N, 3}.data(), nullptr));
    h5::Handle DCPL(H5Pcreate(H5P_DATASET_CREATE));
    std::array<hsize_t, 3> Chunk{
        1, std::max<hsize_t>(1, std::min<hsize_t>(N, CoordChunkAtoms)), 3};
    H5Pset_chunk(DCPL, 3, Chunk.data());
    H5Pset_shuffle(DCPL);
    H5Pset_deflate(DCPL, DeflateLevel);
    h5::Handle LCPL(H5Pcreate(H5P_LINK_CREATE));
    H5Pset_create_intermediate_group(LCPL, 1);
    h5::Handle FT(H5Tcopy(H5T_NATIVE_FLOAT));
    H5Tset_order(FT, H5T_ORDER_LE);
    h5::Handle DS(H5Dcreate2(H, "/core/states/coords", FT, Space, LCPL, DCPL,
                             H5P_DEFAULT));
    if (!DS.valid())
      return h5::error("cannot create /core/states/coords");
    if (NR && H5Dwrite(DS, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                       St.Coords.data()) < 0)
      return h5::error("cannot write /core/states/coords");
    (void)Dims;
    (void)L;
    auto PerState = [&](StringRef Name, hid_t Type, const void *Data) -> Error {
      h5::Layout PL;
      PL.ChunkRows = 1;
      PL.Deflate = DeflateLevel;
      // [S][N], chunk (1, AtomChunkRows).
      h5::Handle Sp(
          H5Screate_simple(2, std::array<hsize_t, 2>{NS, N}.data(), nullptr));
      h5::Handle DP(H5Pcreate(H5P_DATASET_CREATE));
      std::array<hsize_t, 2> Ck{
          1, std::max<hsize_t>(1, std::min<hsize_t>(N, AtomChunkRows))};
      H5Pset_chunk(DP, 2, Ck.data());
      if (H5Tget_size(Type) > 1)
        H5Pset_shuffle(DP);
      H5Pset_deflate(DP, DeflateLevel);
      h5::Handle F(H5Tcopy(Type));
      H5Tset_order(F, H5T_ORDER_LE);
      h5::Handle D(
          H5Dcreate2(H, Name.str().c_str(), F, Sp, LCPL, DP, H5P_DEFAULT));
      if (!D.valid() ||
          (NR && H5Dwrite(D, Type, H5S_ALL, H5S_ALL, H5P_DEFAULT, Data) < 0))
        return h5::error("cannot write " + Name);
      return Error::success();
    };
#define QIR_STATE_ATOM_COLUMN(Member, Type, StoreName, Facet, Bit, Fill)       \
  if (!St.Member.empty())                                                      \
    if (Error E = PerState("/core/states/" StoreName,                          \
                           h5::nativeType(ElementTypeOf<Type>::value),         \
                           St.Member.data()))                                  \
      return E;
#include "qir/IR/StateColumns.def"
  } else {
    float NaN3[3] = {std::nanf(""), std::nanf(""), std::nanf("")};
    if (Error E = C.append<float>("/core/states/coords", St.Coords,
                                  CoordChunkAtoms, Records, NaN3, {3}))
      return E;
    auto Optional = [&](StringRef Path, auto &V, auto Filler) -> Error {
      using T = typename std::decay_t<decltype(V)>::value_type;
      if (V.empty() && !C.has(Path))
        return Error::success();
      std::vector<T> Data(V.begin(), V.end());
      if (Data.empty())
        Data.assign(NR, Filler);
      T F = Filler;
      return C.append<T>(Path, Data, AtomChunkRows, Records, &F);
    };
#define QIR_STATE_ATOM_COLUMN(Member, Type, StoreName, Facet, Bit, Fill)       \
  if (Error E = Optional("/core/states/" StoreName, St.Member, Type(Fill)))    \
    return E;
#include "qir/IR/StateColumns.def"
  }
#define QIR_STATE_ATOM_COLUMN(Member, Type, StoreName, Facet, Bit, Fill)       \
  if (!St.Member.empty())                                                      \
    Flags |= Bit;
#include "qir/IR/StateColumns.def"
  // Site order.
  offset("site_order", SiteOrder, St.SiteOrder.size());
  offset("site_order_begin", SiteOrderBegin, St.SiteOrderBegin.size());
  if (!St.SiteOrderBegin.empty() || C.has("/core/states/site_order_begin")) {
    if (Error E = C.append("/core/states/site_order", col(St.SiteOrder),
                           AtomChunkRows))
      return E;
    if (Error E = C.append("/core/states/site_order_begin",
                           col(St.SiteOrderBegin), SmallTableChunkRows))
      return E;
  }
  SiteOrder += St.SiteOrder.size();
  SiteOrderBegin += St.SiteOrderBegin.size();
  // Groupings.
  {
    const std::vector<Grouping> &G = S.groupings();
    offset("grouping", Groupings, G.size());
    std::vector<std::string> Names;
    std::vector<uint64_t> Size;
    std::vector<uint32_t> Members;
    for (const Grouping &X : G) {
      Names.push_back(X.Name);
      Size.push_back(X.Atoms.size());
      Members.insert(Members.end(), X.Atoms.begin(), X.Atoms.end());
    }
    offset("grouping_atom", GroupAtoms, Members.size());
    if (!G.empty() || C.has("/core/groupings/name")) {
      std::vector<const char *> Ptrs;
      for (const std::string &X : Names)
        Ptrs.push_back(X.c_str());
      h5::Handle VS = h5::varStringType();
      if (Error E = C.append("/core/groupings/name", VS, Ptrs.data(),
                             Ptrs.size(), {}, SmallTableChunkRows))
        return E;
      if (Error E =
              C.append("/core/groupings/size", col(Size), SmallTableChunkRows))
        return E;
      if (Error E =
              C.append("/core/groupings/atoms", col(Members), AtomChunkRows))
        return E;
    }
    Groupings += G.size();
    GroupAtoms += Members.size();
  }
  // Extra atom-record columns, dictionary-encoded.
  {
    const ExtraColumns &X = S.extraColumns();
    StringSet<> Mine;
    for (size_t I = 0; I < X.size(); ++I) {
      Mine.insert(X.Names[I]);
      DictColumn &D = Extra[X.Names[I]];
      std::vector<uint32_t> Codes(NR);
      for (uint64_t R = 0; R < NR; ++R)
        Codes[R] = D.code(X.Values[I][R]);
      uint32_t Zero = 0;
      if (Error E =
              C.append<uint32_t>("/core/extra/" + X.Names[I] + "/index", Codes,
                                 chunk(AtomChunkRows, NR), Records, &Zero))
        return E;
    }
    // Columns other structures had: this one's records are absent.
    for (auto &[Name, D] : Extra) {
      if (Mine.count(Name))
        continue;
      std::vector<uint32_t> Codes(NR, 0);
      if (Error E = C.append<uint32_t>("/core/extra/" + Name + "/index", Codes,
                                       AtomChunkRows))
        return E;
    }
  }
  TocFlags.push_back(Flags);

  Atoms += N;
  Residues += Res.size();
  Chains += Ch.size();
  Entities += En.size();
  Bonds += Bo.size();
  States += NS;
  Records += NR;
  return Error::success();
}

Error StoreWriter::Impl::writeToc() {
  h5::Layout L;
  L.ChunkRows = SmallTableChunkRows;
  L.Deflate = DeflateLevel;
  auto Strs = [&](StringRef Name, const std::vector<std::string> &V) {
    return h5::writeVarStrings(H, ("/toc/" + Name).str(), V, L);
  };
  if (Error E = Strs("id", TocId))
    return E;
  if (Error E = Strs("source_path", TocPath))
    return E;
  if (Error E = Strs("source_sha256", TocSha))
    return E;
  if (Error E = Strs("source_format", TocFormat))
    return E;
  if (Error E = Strs("entry_id", TocEntry))
    return E;
  if (Error E = Strs("method", TocMethod))
    return E;
  if (Error E = Strs("space_group", TocSpaceGroup))
    return E;
  if (Error E = Strs("extra_columns", TocExtra))
    return E;
  if (Error E = h5::writeColumn<double>(H, "/toc/resolution", TocResolution, L))
    return E;
  if (Error E = h5::writeDataset(H, "/toc/cell", H5T_NATIVE_DOUBLE,
                                 TocCell.data(), {uint64_t(Count), 6}, L))
    return E;
  if (Error E = h5::writeColumn<uint8_t>(H, "/toc/flags", TocFlags, L))
    return E;
  for (auto &[Table, O] : TocOffsets) {
    if (Error E = h5::writeColumn<uint64_t>(H, "/toc/" + Table + "_offset",
                                            O.Begin, L))
      return E;
    if (Error E = h5::writeColumn<uint64_t>(H, "/toc/" + Table + "_count",
                                            O.Count, L))
      return E;
  }
  // Dictionaries of the extra columns.
  for (auto &[Name, D] : Extra)
    if (Error E = h5::writeVarStrings(H, "/core/extra/" + Name + "/values",
                                      D.Values, L))
      return E;
  return Error::success();
}

Error StoreWriter::addOverlay(const OverlayProvenance &Prov,
                              function_ref<Error(ResultSink &)> Body) {
  if (P->Kind != StoreKind::Structure)
    return h5::error("overlays are written to structure stores only");
  auto G = h5::createGroup(P->H, Prov.path());
  if (!G)
    return G.takeError();
  H5ResultSink Sink(*G);
  if (Error E = Body(Sink))
    return E;
  auto Str = [&](StringRef N, StringRef V) { return h5::setAttr(*G, N, V); };
  if (Error E = Str("qir_analysis", Prov.Analysis))
    return E;
  if (Error E = h5::setAttr(*G, "qir_version_of_analysis", Prov.Version))
    return E;
  if (Error E = Str("qir_options", Prov.Options))
    return E;
  if (Error E = Str("qir_facet_hashes", Prov.facetHashes()))
    return E;
  if (Error E = Str("qir_spec", Prov.canonicalSpec()))
    return E;
  if (Error E = Str("qir_selector", Prov.Selector))
    return E;
  if (Error E = Str("qir_version",
                    Prov.QirVersion.empty() ? qirVersion() : Prov.QirVersion))
    return E;
  if (Error E = Str("qir_source_path", Prov.SourcePath))
    return E;
  if (Error E = Str("qir_source_sha256", Prov.SourceSha256))
    return E;
  if (Error E = Str("qir_created",
                    Prov.Created.empty() ? creationTime() : Prov.Created))
    return E;
  return h5::setAttr(*G, "qir_stale", int64_t(Prov.Stale));
}

Error StoreWriter::copyOverlay(StoreReader &From, const OverlayProvenance &Pr,
                               bool Stale) {
  if (P->Kind != StoreKind::Structure)
    return h5::error("overlays are written to structure stores only");
  std::string Path = Pr.path();
  std::string Parent = "/overlays/" + Pr.Analysis;
  if (!h5::exists(P->H, Parent))
    if (auto G = h5::createGroup(P->H, Parent); !G)
      return G.takeError();
  auto Src = h5::openGroup(From.impl().H, Path);
  if (!Src)
    return Src.takeError();
  if (Error E = h5::copyGroup(*Src, P->H, Path))
    return createStringError(
        inconvertibleErrorCode(), "cannot copy overlay '%s' from '%s': %s",
        Path.c_str(), From.path().c_str(), toString(std::move(E)).c_str());
  auto G = h5::openGroup(P->H, Path);
  if (!G)
    return G.takeError();
  return h5::setAttr(*G, "qir_stale", int64_t(Stale));
}

Error StoreWriter::addIndex(StringRef Name,
                            function_ref<Error(ResultSink &)> Body) {
  if (P->Kind != StoreKind::Structure)
    return h5::error("indexes are written to structure stores only");
  auto G = h5::createGroup(P->H, ("/index/" + Name).str());
  if (!G)
    return G.takeError();
  H5ResultSink Sink(*G);
  return Body(Sink);
}

Error StoreWriter::commit() {
  if (P->Kind == StoreKind::Structure && P->Count != 1)
    return h5::error("a structure store needs exactly one structure");
  if (Error E = P->writeToc())
    return E;
  AtomicFile::crashPoint("close");
  H5Fflush(P->H, H5F_SCOPE_GLOBAL);
  P->H.reset();
  return P->File.commit();
}
