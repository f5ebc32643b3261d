//===- Reader.cpp - Reading structures and results from .qir.h5 -----------===//
#include "qir/Store/Reader.h"

#include "ColumnIO.h"
#include "H5.h"
#include "H5Result.h"
#include "ReaderImpl.h"

#include "qir/IR/Structure.h"
#include "qir/Store/Schema.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

using namespace qir;
using namespace qir::store;
using namespace llvm;

static const char *const TableNames[TocEntry::NumTables] = {
    "atom",         "residue", "chain",      "entity",           "bond",
    "state",        "record",  "site_order", "site_order_begin", "grouping",
    "grouping_atom"};

bool qir::store::isStoreFile(StringRef Path) {
  static const char Signature[8] = {'\x89', 'H',  'D',    'F',
                                    '\r',   '\n', '\x1a', '\n'};
  int FD;
  if (sys::fs::openFileForRead(Path, FD))
    return false;
  char Buf[8] = {};
  ssize_t Got = ::read(FD, Buf, 8);
  ::close(FD);
  return Got == 8 && memcmp(Buf, Signature, 8) == 0;
}

StoreReader::StoreReader(std::unique_ptr<Impl> I) : P(std::move(I)) {}
StoreReader::~StoreReader() = default;
const std::string &StoreReader::path() const { return P->Path; }
StoreKind StoreReader::kind() const { return P->Kind; }
size_t StoreReader::size() const { return P->Toc.size(); }
const TocEntry &StoreReader::entry(size_t I) const { return P->Toc[I]; }
const ReadStats &StoreReader::stats() const { return P->Stats; }

std::optional<size_t> StoreReader::find(StringRef Id) const {
  for (size_t I = 0; I < P->Toc.size(); ++I)
    if (P->Toc[I].Id == Id)
      return I;
  return std::nullopt;
}

static Error badFile(StringRef Path, const Twine &Why) {
  return createStringError(inconvertibleErrorCode(), "%s: %s",
                           Path.str().c_str(), Why.str().c_str());
}

Expected<std::unique_ptr<StoreReader>> StoreReader::open(StringRef Path) {
  h5::quietErrors();
  if (!sys::fs::exists(Path))
    return badFile(Path, "no such file");
  if (!isStoreFile(Path))
    return badFile(Path, "not an HDF5 file (no HDF5 signature)");
  auto I = std::make_unique<Impl>();
  I->Path = Path.str();
  // QIR_STORE_READ_LOG=FILE: HDF5's log driver records the address and
  // size of every read in FILE; tests map them to chunks to check that a
  // partial read touches only the chunks holding the selection.
  h5::Handle FAPL(H5Pcreate(H5P_FILE_ACCESS));
  if (const char *Log = std::getenv("QIR_STORE_READ_LOG"))
    H5Pset_fapl_log(FAPL, Log, H5FD_LOG_LOC_READ, 0);
  I->H = h5::Handle(H5Fopen(I->Path.c_str(), H5F_ACC_RDONLY, FAPL));
  I->Cache = h5::DatasetCache(I->H);
  if (!I->H.valid())
    return badFile(Path, "cannot open as HDF5");
  auto Major = h5::getIntAttr(I->H, "format_major");
  if (!Major) {
    consumeError(Major.takeError());
    return badFile(Path, "not a qir store (no format_major attribute)");
  }
  if (*Major > FormatMajor)
    return badFile(Path, "store format " + Twine(*Major) +
                             ".x is newer than this qir reads (" +
                             Twine(FormatMajor) + "." + Twine(FormatMinor) +
                             "); use a newer qir");
  auto Kind = h5::getStringAttr(I->H, "kind");
  if (!Kind)
    return badFile(Path, toString(Kind.takeError()));
  I->Kind = *Kind == "shard" ? StoreKind::Shard : StoreKind::Structure;
  if (Error E = I->readToc())
    return badFile(Path, toString(std::move(E)));
  return std::unique_ptr<StoreReader>(new StoreReader(std::move(I)));
}

Error StoreReader::Impl::readToc() {
  std::vector<std::string> Ids, Paths, Shas;
  if (Error E = h5::readVarStrings(Cache, "/toc/id", Ids))
    return E;
  if (Error E = h5::readVarStrings(Cache, "/toc/source_path", Paths))
    return E;
  if (Error E = h5::readVarStrings(Cache, "/toc/source_sha256", Shas))
    return E;
  std::vector<uint8_t> Flags;
  if (Error E = h5::readColumn(Cache, "/toc/flags", Flags))
    return E;
  size_t N = Ids.size();
  if (Paths.size() != N || Shas.size() != N || Flags.size() != N)
    return h5::error("/toc columns differ in length");
  Toc.resize(N);
  for (size_t I = 0; I < N; ++I) {
    Toc[I].Id = Ids[I];
    Toc[I].SourcePath = Paths[I];
    Toc[I].SourceSha256 = Shas[I];
    Toc[I].Flags = Flags[I];
  }
  for (unsigned T = 0; T < TocEntry::NumTables; ++T) {
    std::vector<uint64_t> Off, Cnt;
    std::string Base = std::string("/toc/") + TableNames[T];
    if (Error E = h5::readColumn(H.get(), Base + "_offset", Off))
      return E;
    if (Error E = h5::readColumn(H.get(), Base + "_count", Cnt))
      return E;
    if (Off.size() != N || Cnt.size() != N)
      return h5::error("/toc columns differ in length");
    for (size_t I = 0; I < N; ++I) {
      Toc[I].Offset[T] = Off[I];
      Toc[I].Count[T] = Cnt[I];
    }
  }
  return Error::success();
}

Error StoreReader::Impl::readMetadata(size_t I, Structure &S) {
  Metadata &M = S.metadataForWrite();
  std::vector<std::string> V;
  auto One = [&](StringRef Col, std::string &Out) -> Error {
    if (Error E = h5::readVarStrings(H, ("/toc/" + Col).str(), V, I, I + 1))
      return E;
    Out = V.empty() ? "" : V[0];
    return Error::success();
  };
  if (Error E = One("entry_id", M.Id))
    return E;
  if (Error E = One("method", M.Method))
    return E;
  if (Error E = One("space_group", M.SpaceGroup))
    return E;
  if (Error E = One("source_format", M.SourceFormat))
    return E;
  std::vector<double> R, Cell;
  if (Error E = h5::readColumnRows(Cache, "/toc/resolution", I, I + 1, R))
    return E;
  M.Resolution.reset();
  if (!std::isnan(R[0]))
    M.Resolution = R[0];
  Cell.resize(6);
  if (Error E = h5::readRows(Cache, "/toc/cell", H5T_NATIVE_DOUBLE, I, I + 1,
                             Cell.data()))
    return E;
  M.Cell.reset();
  if (!std::isnan(Cell[0]))
    M.Cell = UnitCell{Cell[0], Cell[1], Cell[2], Cell[3], Cell[4], Cell[5]};
  return Error::success();
}

Error StoreReader::Impl::readExtraNames(size_t I,
                                        std::vector<std::string> &Names) {
  std::vector<std::string> V;
  if (Error E = h5::readVarStrings(Cache, "/toc/extra_columns", V, I, I + 1))
    return E;
  Names.clear();
  if (V.empty())
    return Error::success();
  SmallVector<StringRef, 8> Parts;
  StringRef(V[0]).split(Parts, '\n', -1, false);
  for (StringRef X : Parts)
    Names.push_back(X.str());
  return Error::success();
}

const std::vector<std::string> *
StoreReader::Impl::dictionary(const std::string &Column, Error &Err) {
  auto It = Dictionaries.find(Column);
  if (It != Dictionaries.end())
    return &It->second;
  std::vector<std::string> Values;
  if ((Err = h5::readVarStrings(Cache, "/core/extra/" + Column + "/values",
                                Values)))
    return nullptr;
  return &(Dictionaries[Column] = std::move(Values));
}

Error StoreReader::Impl::readResidues(const TocEntry &T, ResidueTable &R) {
  uint64_t B = T.Offset[TocEntry::Residue], N = T.Count[TocEntry::Residue];
#define QIR_RESIDUE_COLUMN(Member, Type, StoreName, Facet)                     \
  if (Error E =                                                                \
          readTableColumn(Cache, "/core/residues/" StoreName, R.Member, B, N)) \
    return E;
#include "qir/IR/ResidueColumns.def"
  return Error::success();
}

Error StoreReader::Impl::readChains(const TocEntry &T, ChainTable &C) {
  uint64_t B = T.Offset[TocEntry::Chain], N = T.Count[TocEntry::Chain];
#define QIR_CHAIN_COLUMN(Member, Type, StoreName, Facet)                       \
  if (Error E =                                                                \
          readTableColumn(Cache, "/core/chains/" StoreName, C.Member, B, N))   \
    return E;
#include "qir/IR/ChainColumns.def"
  return Error::success();
}

Error StoreReader::Impl::readEntities(const TocEntry &T, EntityTable &En) {
  uint64_t B = T.Offset[TocEntry::Entity], N = T.Count[TocEntry::Entity];
  if (Error E = h5::readVarStrings(Cache, "/core/entities/id", En.Id, B, B + N))
    return E;
  if (Error E = h5::readVarStrings(Cache, "/core/entities/sequence",
                                   En.Sequence, B, B + N))
    return E;
  if (Error E = h5::readVarStrings(Cache, "/core/entities/description",
                                   En.Description, B, B + N))
    return E;
  std::vector<uint8_t> Type, Poly;
  if (Error E =
          h5::readColumnRows(Cache, "/core/entities/type", B, B + N, Type))
    return E;
  if (Error E = h5::readColumnRows(Cache, "/core/entities/polymer_type", B,
                                   B + N, Poly))
    return E;
  En.Type.resize(N);
  En.Polymer.resize(N);
  for (size_t X = 0; X < N; ++X) {
    En.Type[X] = static_cast<EntityType>(Type[X]);
    En.Polymer[X] = static_cast<PolymerType>(Poly[X]);
  }
  En.Id.resize(N);
  En.Sequence.resize(N);
  En.Description.resize(N);
  return Error::success();
}

Error StoreReader::Impl::readBonds(const TocEntry &T, BondTable &Bo) {
  uint64_t B = T.Offset[TocEntry::Bond], N = T.Count[TocEntry::Bond];
#define QIR_BOND_COLUMN(Member, Type, StoreName, Facet)                        \
  if (Error E =                                                                \
          readTableColumn(Cache, "/core/bonds/" StoreName, Bo.Member, B, N))   \
    return E;
#include "qir/IR/BondColumns.def"
  return Error::success();
}

Error StoreReader::Impl::readSiteOrderBegin(const TocEntry &T,
                                            std::vector<uint64_t> &Begin) {
  uint64_t BB = T.Offset[TocEntry::SiteOrderBegin],
           BN = T.Count[TocEntry::SiteOrderBegin];
  return h5::readColumnRows(Cache, "/core/states/site_order_begin", BB, BB + BN,
                            Begin);
}

Error StoreReader::Impl::readGroupings(const TocEntry &T,
                                       std::vector<Grouping> &G) {
  uint64_t NG = T.Count[TocEntry::Grouping];
  if (!NG)
    return Error::success();
  uint64_t GB = T.Offset[TocEntry::Grouping];
  std::vector<std::string> Names;
  std::vector<uint64_t> Size;
  std::vector<uint32_t> Atoms;
  if (Error E =
          h5::readVarStrings(Cache, "/core/groupings/name", Names, GB, GB + NG))
    return E;
  if (Error E =
          h5::readColumnRows(Cache, "/core/groupings/size", GB, GB + NG, Size))
    return E;
  uint64_t AB = T.Offset[TocEntry::GroupingAtom],
           AN = T.Count[TocEntry::GroupingAtom];
  if (Error E = h5::readColumnRows(Cache, "/core/groupings/atoms", AB, AB + AN,
                                   Atoms))
    return E;
  uint64_t At = 0;
  for (size_t X = 0; X < NG; ++X) {
    Grouping Gr;
    Gr.Name = Names[X];
    if (At + Size[X] > Atoms.size())
      return h5::error("grouping sizes exceed the member list");
    Gr.Atoms.assign(Atoms.begin() + At, Atoms.begin() + At + Size[X]);
    At += Size[X];
    G.push_back(std::move(Gr));
  }
  return Error::success();
}

Expected<Structure> StoreReader::readStructure(size_t I) {
  if (I >= P->Toc.size())
    return badFile(P->Path, "no structure " + Twine(I));
  const TocEntry &T = P->Toc[I];
  Structure S;
  h5::DatasetCache &Cache = P->Cache;
  auto Fail = [&](Error E) -> Expected<Structure> {
    return badFile(P->Path,
                   "structure '" + T.Id + "': " + toString(std::move(E)));
  };
  // Atoms.
  {
    uint64_t B = T.Offset[TocEntry::Atom], N = T.Count[TocEntry::Atom];
    AtomTable &At = S.atomsForWrite(FacetSet::all());
#define QIR_ATOM_COLUMN(Member, Type, StoreName, Facet)                        \
  if (Error E =                                                                \
          readTableColumn(Cache, "/core/atoms/" StoreName, At.Member, B, N))   \
    return Fail(std::move(E));
#define QIR_ATOM_OPTIONAL_COLUMN(Member, Type, StoreName, Facet, Bit)          \
  if (T.Flags & Bit)                                                           \
    if (Error E =                                                              \
            readTableColumn(Cache, "/core/atoms/" StoreName, At.Member, B, N)) \
      return Fail(std::move(E));
#include "qir/IR/AtomColumns.def"
  }
  if (Error E = P->readResidues(T, S.residuesForWrite(FacetSet::all())))
    return Fail(std::move(E));
  if (Error E = P->readChains(T, S.chainsForWrite(FacetSet::all())))
    return Fail(std::move(E));
  if (Error E = P->readEntities(T, S.entitiesForWrite()))
    return Fail(std::move(E));
  if (Error E = P->readBonds(T, S.bondsForWrite()))
    return Fail(std::move(E));
  // States.
  {
    StateTable &St = S.statesForWrite(FacetSet::all());
    uint64_t B = T.Offset[TocEntry::State], NS = T.Count[TocEntry::State];
    if (Error E = h5::readColumnRows(Cache, "/core/states/model_number", B,
                                     B + NS, St.ModelNumber))
      return Fail(std::move(E));
    uint64_t RB = T.Offset[TocEntry::Record], NR = T.Count[TocEntry::Record];
    St.Coords.resize(NR * 3);
    if (NR) {
      if (P->Kind == StoreKind::Structure) {
        if (Error E = h5::readDataset(Cache, "/core/states/coords",
                                      H5T_NATIVE_FLOAT, St.Coords.data()))
          return Fail(std::move(E));
      } else if (Error E = h5::readRows(Cache, "/core/states/coords",
                                        H5T_NATIVE_FLOAT, RB, RB + NR,
                                        St.Coords.data()))
        return Fail(std::move(E));
    }
    if (Error E = P->readPerState(T, St, RB, NR))
      return Fail(std::move(E));
    uint64_t OB = T.Offset[TocEntry::SiteOrder],
             ON = T.Count[TocEntry::SiteOrder];
    if (T.Count[TocEntry::SiteOrderBegin]) {
      if (Error E = h5::readColumnRows(Cache, "/core/states/site_order", OB,
                                       OB + ON, St.SiteOrder))
        return Fail(std::move(E));
      if (Error E = P->readSiteOrderBegin(T, St.SiteOrderBegin))
        return Fail(std::move(E));
    }
  }
  if (T.Count[TocEntry::Grouping])
    if (Error E = P->readGroupings(T, S.groupingsForWrite()))
      return Fail(std::move(E));
  // Extra columns.
  {
    uint64_t RB = T.Offset[TocEntry::Record], NR = T.Count[TocEntry::Record];
    if (Error E = P->readExtraColumns(I, S, {{RB, RB + NR}}))
      return Fail(std::move(E));
  }
  if (Error E = P->finish(I, S))
    return Fail(std::move(E));
  return S;
}

Error StoreReader::Impl::finish(size_t I, Structure &S) {
  if (Error E = readMetadata(I, S))
    return E;
  std::string Problem = S.verify();
  if (!Problem.empty())
    return h5::error("tables are inconsistent: " + Problem);
  return Error::success();
}

Error StoreReader::Impl::readExtraColumns(size_t I, Structure &S,
                                          ArrayRef<h5::RowRange> Records) {
  std::vector<std::string> Names;
  if (Error E = readExtraNames(I, Names))
    return E;
  if (Names.empty())
    return Error::success();
  ExtraColumns &X = S.extraColumnsForWrite();
  for (const std::string &Name : Names) {
    Error Err = Error::success();
    const std::vector<std::string> *Dict = dictionary(Name, Err);
    if (!Dict)
      return Err;
    consumeError(std::move(Err));
    std::vector<uint32_t> Codes;
    if (Error E = h5::readColumnRanges(Cache, "/core/extra/" + Name + "/index",
                                       {}, Records, Codes))
      return E;
    std::vector<StringRef> Values(Codes.size());
    for (size_t R = 0; R < Codes.size(); ++R) {
      if (Codes[R] >= Dict->size())
        return h5::error("extra column '" + Name +
                         "' has a code beyond its dictionary");
      Values[R] = Codes[R] ? S.save((*Dict)[Codes[R]]) : StringRef();
    }
    X.Names.push_back(Name);
    X.Values.push_back(std::move(Values));
  }
  return Error::success();
}

Error StoreReader::Impl::readPerState(const TocEntry &T, StateTable &St,
                                      uint64_t RB, uint64_t NR) {
  auto One = [&](uint8_t Bit, StringRef Name, auto &V) -> Error {
    using E = typename std::decay_t<decltype(V)>::value_type;
    V.clear();
    if (!(T.Flags & Bit) || NR == 0)
      return Error::success();
    V.resize(NR);
    hid_t Type = h5::nativeType(ElementTypeOf<E>::value);
    if (Kind == StoreKind::Structure)
      return h5::readDataset(H, Name, Type, V.data());
    return h5::readRows(H, Name, Type, RB, RB + NR, V.data());
  };
#define QIR_STATE_ATOM_COLUMN(Member, Type, StoreName, Facet, Bit, Fill)       \
  if (Error E = One(Bit, "/core/states/" StoreName, St.Member))                \
    return E;
#include "qir/IR/StateColumns.def"
  return Error::success();
}

std::vector<OverlayProvenance> StoreReader::overlays() const {
  std::vector<OverlayProvenance> Out;
  if (!h5::exists(P->H, "overlays"))
    return Out;
  auto Root = h5::openGroup(P->H, "overlays");
  if (!Root) {
    consumeError(Root.takeError());
    return Out;
  }
  for (const std::string &Analysis : h5::listGroup(*Root)) {
    auto AG = h5::openGroup(*Root, Analysis);
    if (!AG) {
      consumeError(AG.takeError());
      continue;
    }
    for (const std::string &Key : h5::listGroup(*AG)) {
      auto G = h5::openGroup(*AG, Key);
      if (!G) {
        consumeError(G.takeError());
        continue;
      }
      OverlayProvenance Pr;
      auto Str = [&](StringRef Name) {
        auto V = h5::getStringAttr(*G, Name);
        if (!V) {
          consumeError(V.takeError());
          return std::string();
        }
        return *V;
      };
      Pr.Analysis = Str("qir_analysis");
      auto Ver = h5::getIntAttr(*G, "qir_version_of_analysis");
      Pr.Version = Ver ? *Ver : -1;
      if (!Ver)
        consumeError(Ver.takeError());
      Pr.Options = Str("qir_options");
      if (!Pr.parseFacetHashes(Str("qir_facet_hashes")))
        Pr.Reads = FacetSet();
      Pr.Selector = Str("qir_selector");
      Pr.QirVersion = Str("qir_version");
      Pr.SourcePath = Str("qir_source_path");
      Pr.SourceSha256 = Str("qir_source_sha256");
      Pr.Created = Str("qir_created");
      auto Stale = h5::getIntAttr(*G, "qir_stale");
      Pr.Stale = Stale && *Stale;
      if (!Stale)
        consumeError(Stale.takeError());
      if (Pr.Analysis.empty())
        Pr.Analysis = Analysis;
      Out.push_back(std::move(Pr));
    }
  }
  return Out;
}

Expected<std::unique_ptr<ResultSource>>
StoreReader::openOverlay(const OverlayProvenance &Pr) {
  auto G = h5::openGroup(P->H, Pr.path());
  if (!G)
    return badFile(P->Path,
                   "overlay " + Pr.spec() + ": " + toString(G.takeError()));
  return std::make_unique<H5ResultSource>(std::move(*G));
}

Expected<std::unique_ptr<ResultSource>> StoreReader::openIndex(StringRef Name) {
  auto G = h5::openGroup(P->H, ("/index/" + Name).str());
  if (!G)
    return badFile(P->Path, "no index '" + Name + "'");
  return std::make_unique<H5ResultSource>(std::move(*G));
}
