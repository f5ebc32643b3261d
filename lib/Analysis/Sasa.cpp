//===- Sasa.cpp - Solvent accessible surface area -------------------------===//
//
// The atom choice, radii and sums are FreeSASA 2.1.2's (structure.c,
// classifier.c, node.c); the areas come from SurfaceArea.h over neighbour
// lists whose candidates are the pairs of the spatial-index cell list.
//
// Persisted form (docs/passes.md, "sasa"):
//
//   states         [K]      uint32   computed states
//   atom_begin     [K+1]    uint64   offsets of each state's atoms
//   atom           [A]      uint32   atom index
//   radius         [A]      float32  radius without probe
//   area           [A]      float64  A^2
//   class          [A]      uint8    0 unknown, 1 polar, 2 apolar
//   main_chain     [A]      uint8    1 when main chain
//   residue_begin  [K+1]    uint64   offsets of each state's residues
//   residue        [R]      uint32   residue index
//   residue_area   [R][6]   float64  total main side polar apolar unknown
//   residue_atoms  [R]      uint32   atoms in the calculation
//   attributes algorithm ("lr" | "sr"), radii ("protor" | "naccess"),
//              probe (float64), resolution (int)
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Sasa.h"

#include "ModelOption.h"
#include "SerializerSupport.h"

#include "qir/Analysis/SpatialIndex.h"
#include "qir/Analysis/SurfaceArea.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/TableWriter.h"
#include "qir/Support/Element.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

using namespace qir;
using namespace llvm;

AnalysisKey SasaAnalysis::Key;

static constexpr StringLiteral AnalysisName = "sasa";

std::optional<SasaAnalysis::Options::Invalid>
SasaAnalysis::Options::validate() const {
  if (!(Probe >= 0) || !(Probe <= 100))
    return Invalid{"probe", "must be a radius in Angstrom in [0, 100]"};
  if (Slices < 1 || Slices > 100000)
    return Invalid{"slices", "must be a number of slices in [1, 100000]"};
  if (Points < 1 || Points > 1000000)
    return Invalid{"points", "must be a number of points in [1, 1000000]"};
  if (Model < 0)
    return Invalid{"model", "must be a model number, or 0 for every model"};
  return std::nullopt;
}

double SasaResult::relative(const Structure &S, size_t Row,
                            SasaComponent C) const {
  const SasaReference *Ref =
      sasaReference(Radii, S.residues().Name[Residue[Row]].str());
  if (!Ref)
    return std::numeric_limits<double>::quiet_NaN();
  double Den = 0;
  switch (C) {
  case SC_Total:
    Den = Ref->Total;
    break;
  case SC_MainChain:
    Den = Ref->MainChain;
    break;
  case SC_SideChain:
    Den = Ref->SideChain;
    break;
  case SC_Polar:
    Den = Ref->Polar;
    break;
  case SC_Apolar:
    Den = Ref->Apolar;
    break;
  default:
    break;
  }
  if (!(Den > 0))
    return std::numeric_limits<double>::quiet_NaN();
  return 100. * residueArea(Row, C) / Den;
}

/// The atoms of state \p St that FreeSASA takes, ascending.
static std::vector<uint32_t> selectAtoms(const Structure &S, uint32_t St,
                                         const SasaAnalysis::Options &O) {
  const AtomTable &At = S.atoms();
  std::vector<uint32_t> Sel;
  // FreeSASA keeps one altloc id at a time: the first id met after an atom
  // without one; atoms with another id are dropped until an atom without an
  // id resets the choice. Hydrogens and HETATM records it skips do not take
  // part in that choice.
  char TheAlt = 0;
  for (uint32_t A : S.siteOrder(St)) {
    if (!S.isPresent(St, A))
      continue;
    if (At.isHetero(A) && !O.Hetatm)
      continue;
    if (At.AtomicNumber[A] == 1 && !O.Hydrogens)
      continue;
    char Alt = At.AltLoc[A];
    if (!Alt || !TheAlt)
      TheAlt = Alt;
    else if (Alt != TheAlt)
      continue;
    Sel.push_back(A);
  }
  llvm::sort(Sel);
  return Sel;
}

/// The double a coordinate file wrote: the IR keeps float32, and a value
/// written with three decimals (PDB, and mmCIF as the PDB writes it) is
/// the float nearest to it; that three-decimal value, read as double, is
/// what FreeSASA computes with. Other values are taken as they are.
static double fileCoordinate(float F) {
  double D = F;
  double R = std::round(D * 1000) / 1000;
  return std::fabs(R - D) <= std::fabs(D) * 0x1p-24 ? R : D;
}

namespace {
/// Unknown atoms of one residue type, for one warning.
struct UnknownAtoms {
  std::set<std::string> Names;
  size_t Count = 0;
  std::set<std::string> Unguessed; ///< element symbols without a radius
};
} // namespace

SasaResult SasaAnalysis::run(const Structure &S, const Options &O,
                             AnalysisManager &AM) {
  SasaResult R;
  R.Algorithm = O.Algorithm;
  R.Radii = O.Radii;
  R.Probe = O.Probe;
  R.Resolution = static_cast<unsigned>(
      O.Algorithm == SasaAlgorithm::LeeRichards ? O.Slices : O.Points);
  R.States = statesForModelOption(S, O.Model);
  R.AtomBegin.push_back(0);
  R.ResidueBegin.push_back(0);
  if (R.States.empty())
    return R;

  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const SpatialIndex &Index = AM.getResult<SpatialIndexAnalysis>(S);
  const unsigned Threads = std::max(1u, AM.execution().Threads);

  // Radius and class of every atom, from the table (once: they do not
  // depend on the state).
  const size_t N = S.numAtoms();
  std::vector<double> Radius(N);
  std::vector<SasaAtomClass> Class(N);
  std::vector<uint8_t> Known(N);
  std::vector<uint8_t> Classified(N, 0);
  std::map<std::string, UnknownAtoms> Unknown;
  auto classify = [&](uint32_t A) {
    if (Classified[A])
      return;
    Classified[A] = 1;
    StringRef ResName = Res.Name[At.Residue[A]].str();
    StringRef AtomName = At.Name[A].str();
    if (std::optional<SasaAtomType> T =
            lookupSasaAtom(O.Radii, ResName, AtomName)) {
      Radius[A] = T->Radius;
      Class[A] = T->Class;
      return;
    }
    // The symbol as the file writes it; without one, FreeSASA guesses it
    // from the atom name, in upper case.
    std::string Symbol = At.Element[A].str().trim().str();
    if (Symbol.empty())
      Symbol = StringRef(elementSymbol(At.AtomicNumber[A])).upper();
    std::optional<double> Guess = sasaElementRadius(Symbol);
    Radius[A] = Guess.value_or(0.0);
    Class[A] = SasaAtomClass::Unknown;
    UnknownAtoms &U = Unknown[ResName.trim().str()];
    U.Names.insert(AtomName.trim().str());
    ++U.Count;
    if (!Guess)
      U.Unguessed.insert(Symbol);
  };

  size_t NumCoincident = 0;
  std::string FirstCoincident;
  for (uint32_t St : R.States) {
    std::vector<uint32_t> Sel = selectAtoms(S, St, O);
    const size_t M = Sel.size();
    std::vector<double> XYZ(3 * M), Rad(M);
    std::vector<uint32_t> Local(N, NoIndex);
    double MaxR = 0;
    for (size_t I = 0; I < M; ++I) {
      uint32_t A = Sel[I];
      classify(A);
      std::array<float, 3> P = S.position(St, A);
      for (int K = 0; K < 3; ++K)
        XYZ[3 * I + K] = fileCoordinate(P[K]);
      // As FreeSASA: the table's double radius plus the probe, in double.
      Rad[I] = Radius[A] + O.Probe;
      MaxR = std::max(MaxR, Rad[I]);
      Local[A] = static_cast<uint32_t>(I);
    }

    SphereSet Spheres{XYZ, Rad};
    SphereNeighbors Nb = buildSphereNeighbors(
        Spheres, [&](function_ref<void(uint32_t, uint32_t)> Fn) {
          Index.States[St].forEachPair(
              SpatialIndex::coords(S, St), static_cast<float>(2 * MaxR) + 0.01f,
              [&](uint32_t A) { return Local[A] != NoIndex; },
              [&](uint32_t A, uint32_t B, double) { Fn(Local[A], Local[B]); });
        });
    for (const auto &[Lo, Hi] : Nb.Coincident) {
      if (NumCoincident++ == 0) {
        raw_string_ostream OS(FirstCoincident);
        uint32_t A = Sel[Lo], B = Sel[Hi];
        OS << Res.Name[At.Residue[A]].str() << " " << Res.AuthSeq[At.Residue[A]]
           << " " << At.Name[A].str() << " and "
           << Res.Name[At.Residue[B]].str() << " " << Res.AuthSeq[At.Residue[B]]
           << " " << At.Name[B].str();
      }
    }
    std::vector<double> Area =
        O.Algorithm == SasaAlgorithm::LeeRichards
            ? leeRichardsAreas(Spheres, Nb, R.Resolution, Threads)
            : shrakeRupleyAreas(Spheres, Nb, R.Resolution, Threads);

    // Per atom, then summed per residue in atom order.
    for (size_t I = 0; I < M; ++I) {
      uint32_t A = Sel[I];
      R.Atom.push_back(A);
      R.Radius.push_back(static_cast<float>(Radius[A]));
      R.Area.push_back(Area[I]);
      R.Class.push_back(Class[A]);
      bool Main = isSasaMainChain(At.Name[A].str());
      R.MainChain.push_back(Main);
      uint32_t Rs = At.Residue[A];
      if (R.Residue.size() == R.ResidueBegin.back() || R.Residue.back() != Rs) {
        R.Residue.push_back(Rs);
        R.ResidueAtoms.push_back(0);
        R.ResidueArea.resize(R.ResidueArea.size() + NumSasaComponents, 0.0);
      }
      double *Sum = &R.ResidueArea[R.ResidueArea.size() - NumSasaComponents];
      ++R.ResidueAtoms.back();
      Sum[SC_Total] += Area[I];
      Sum[Main ? SC_MainChain : SC_SideChain] += Area[I];
      Sum[Class[A] == SasaAtomClass::Polar    ? SC_Polar
          : Class[A] == SasaAtomClass::Apolar ? SC_Apolar
                                              : SC_Unknown] += Area[I];
    }
    R.AtomBegin.push_back(R.Atom.size());
    R.ResidueBegin.push_back(R.Residue.size());
  }

  // One warning per residue type with unknown atoms, and one for
  // coincident atoms.
  for (const auto &[ResName, U] : Unknown) {
    std::string Names;
    size_t Listed = 0;
    for (const std::string &Nm : U.Names) {
      if (Listed++ == 8) {
        Names += " ...";
        break;
      }
      Names += (Names.empty() ? "" : " ") + Nm;
    }
    std::string Msg;
    raw_string_ostream OS(Msg);
    OS << "residue type " << (ResName.empty() ? "'.'" : ResName) << ": "
       << U.Count << " atom" << (U.Count == 1 ? "" : "s") << " (" << Names
       << ") not in the " << sasaRadiiSetName(O.Radii)
       << " table; radii guessed from the element";
    if (!U.Unguessed.empty()) {
      OS << ", radius 0 for element";
      for (const std::string &E : U.Unguessed)
        OS << " " << (E.empty() ? "'.'" : E);
      OS << " (FreeSASA knows upper-case symbols only)";
    }
    AM.warning(Name, OS.str());
  }
  if (NumCoincident)
    AM.warning(Name, Twine(NumCoincident) + " pair" +
                         (NumCoincident == 1 ? "" : "s") +
                         " of atoms at the same position with the same "
                         "radius (first: " +
                         FirstCoincident +
                         "); the later atom of each pair is given area 0");
  return R;
}

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

static const char *const ComponentColumns[] = {
    "total", "main_chain", "side_chain", "polar", "apolar", "unknown"};
static const char *const RelativeColumns[] = {
    "rel_total", "rel_main_chain", "rel_side_chain", "rel_polar", "rel_apolar"};

void SasaAnalysis::print(raw_ostream &OS, const Structure &S, const Result &R,
                         const PrintOptions &P) {
  TableWriter T(OS);
  std::vector<std::string> Cols;
  auto addComponents = [&] {
    for (const char *C : ComponentColumns)
      Cols.push_back(C);
  };
  switch (P.Level) {
  case Depth::Atom:
    Cols = TableWriter::atomColumns();
    for (const char *C : {"radius", "area", "class", "main_chain"})
      Cols.push_back(C);
    break;
  case Depth::Residue:
    Cols = TableWriter::residueColumns();
    Cols.push_back("atoms");
    addComponents();
    for (const char *C : RelativeColumns)
      Cols.push_back(C);
    break;
  case Depth::Chain:
    Cols = {"model", "chain", "residues", "atoms"};
    addComponents();
    break;
  case Depth::Structure:
    Cols = {"model", "atoms"};
    addComponents();
    break;
  }
  T.header(Cols);

  const ResidueTable &Res = S.residues();
  for (size_t K = 0; K < R.numComputed(); ++K) {
    const uint32_t St = R.States[K];
    const int64_t Model = S.states().ModelNumber[St];
    if (P.Level == Depth::Atom) {
      for (uint64_t I = R.AtomBegin[K]; I < R.AtomBegin[K + 1]; ++I)
        T.atom(S, St, R.Atom[I])
            .fixed(R.Radius[I], 3)
            .fixed(R.Area[I], 3)
            .text(sasaAtomClassName(R.Class[I]))
            .integer(R.MainChain[I])
            .endRow();
      continue;
    }
    if (P.Level == Depth::Residue) {
      for (uint64_t Row = R.ResidueBegin[K]; Row < R.ResidueBegin[K + 1];
           ++Row) {
        T.residue(S, St, R.Residue[Row]).integer(R.ResidueAtoms[Row]);
        for (unsigned C = 0; C < NumSasaComponents; ++C)
          T.fixed(R.residueArea(Row, SasaComponent(C)), 3);
        for (unsigned C = 0; C < SC_Unknown; ++C)
          T.fixed(R.relative(S, Row, SasaComponent(C)), 2);
        T.endRow();
      }
      continue;
    }
    // Chains (runs of residues of one chain) or the whole model.
    std::array<double, NumSasaComponents> Sum{};
    uint64_t Residues = 0, Atoms = 0;
    auto flush = [&](uint32_t Chain) {
      T.integer(Model);
      if (P.Level == Depth::Chain)
        T.text(S.chains().AuthId[Chain].str()).integer(Residues);
      T.integer(Atoms);
      for (double V : Sum)
        T.fixed(V, 3);
      T.endRow();
      Sum = {};
      Residues = Atoms = 0;
    };
    for (uint64_t Row = R.ResidueBegin[K]; Row < R.ResidueBegin[K + 1]; ++Row) {
      uint32_t Chain = Res.Chain[R.Residue[Row]];
      if (P.Level == Depth::Chain && Row > R.ResidueBegin[K] &&
          Res.Chain[R.Residue[Row - 1]] != Chain)
        flush(Res.Chain[R.Residue[Row - 1]]);
      for (unsigned C = 0; C < NumSasaComponents; ++C)
        Sum[C] += R.residueArea(Row, SasaComponent(C));
      ++Residues;
      Atoms += R.ResidueAtoms[Row];
    }
    if (R.ResidueBegin[K + 1] > R.ResidueBegin[K])
      flush(Res.Chain[R.Residue[R.ResidueBegin[K + 1] - 1]]);
  }
}

//===----------------------------------------------------------------------===//
// Persistence
//===----------------------------------------------------------------------===//

Error SasaAnalysis::write(ResultSink &Sink, const Result &R) {
  if (Error E = Sink.setAttribute(
          "algorithm", R.Algorithm == SasaAlgorithm::LeeRichards ? "lr" : "sr"))
    return E;
  if (Error E = Sink.setAttribute(
          "radii", R.Radii == SasaRadiiSet::Protor ? "protor" : "naccess"))
    return E;
  if (Error E = Sink.setAttribute("probe", R.Probe))
    return E;
  if (Error E = Sink.setAttribute("resolution", int64_t(R.Resolution)))
    return E;
  std::vector<uint8_t> Class(R.Class.size());
  for (size_t I = 0; I < Class.size(); ++I)
    Class[I] = static_cast<uint8_t>(R.Class[I]);
  const uint64_t NR = R.Residue.size();
  if (Error E = Sink.write<uint32_t>("states", R.States))
    return E;
  if (Error E = Sink.write<uint64_t>("atom_begin", R.AtomBegin))
    return E;
  if (Error E = Sink.write<uint32_t>("atom", R.Atom))
    return E;
  if (Error E = Sink.write<float>("radius", R.Radius))
    return E;
  if (Error E = Sink.write<double>("area", R.Area))
    return E;
  if (Error E = Sink.write<uint8_t>("class", Class))
    return E;
  if (Error E = Sink.write<uint8_t>("main_chain", R.MainChain))
    return E;
  if (Error E = Sink.write<uint64_t>("residue_begin", R.ResidueBegin))
    return E;
  if (Error E = Sink.write<uint32_t>("residue", R.Residue))
    return E;
  if (Error E = Sink.write<double>("residue_area", R.ResidueArea,
                                   {NR, uint64_t(NumSasaComponents)}))
    return E;
  return Sink.write<uint32_t>("residue_atoms", R.ResidueAtoms);
}

/// Whether \p Begin is K+1 ascending offsets from 0 to \p End.
static bool isPartition(ArrayRef<uint64_t> Begin, size_t K, uint64_t End) {
  if (Begin.size() != K + 1 || Begin.front() != 0 || Begin.back() != End)
    return false;
  for (size_t I = 0; I < K; ++I)
    if (Begin[I] > Begin[I + 1])
      return false;
  return true;
}

Expected<SasaResult> SasaAnalysis::read(ResultSource &Source,
                                        const Structure &S) {
  SasaResult R;
  Expected<std::string> Alg = serial::readEnumAttribute(
      Source, AnalysisName, "algorithm", {"lr", "sr"});
  if (!Alg)
    return Alg.takeError();
  R.Algorithm =
      *Alg == "lr" ? SasaAlgorithm::LeeRichards : SasaAlgorithm::ShrakeRupley;
  Expected<std::string> Radii = serial::readEnumAttribute(
      Source, AnalysisName, "radii", {"protor", "naccess"});
  if (!Radii)
    return Radii.takeError();
  R.Radii = *Radii == "protor" ? SasaRadiiSet::Protor : SasaRadiiSet::Naccess;
  Expected<double> Probe = Source.getDouble("probe");
  if (!Probe)
    return serial::malformed(AnalysisName, toString(Probe.takeError()));
  if (!(*Probe >= 0) || !(*Probe <= 100))
    return serial::malformed(AnalysisName, "probe is not in [0, 100]");
  R.Probe = *Probe;
  Expected<int64_t> Resolution = Source.getInt("resolution");
  if (!Resolution)
    return serial::malformed(AnalysisName, toString(Resolution.takeError()));
  if (*Resolution < 1 || *Resolution > 1000000)
    return serial::malformed(AnalysisName, "resolution is out of range");
  R.Resolution = static_cast<unsigned>(*Resolution);

  if (Error E = serial::read1D(Source, AnalysisName, "states", R.States))
    return E;
  const size_t K = R.States.size();
  for (size_t I = 0; I < K; ++I)
    if (R.States[I] >= S.numStates() || (I && R.States[I] <= R.States[I - 1]))
      return serial::malformed(AnalysisName,
                               "'states' are not ascending states");
  if (Error E = serial::readShaped(Source, AnalysisName, "atom_begin",
                                   R.AtomBegin, {uint64_t(K + 1)}))
    return E;
  if (Error E = serial::read1D(Source, AnalysisName, "atom", R.Atom))
    return E;
  const uint64_t NA = R.Atom.size();
  std::vector<uint8_t> Class;
  if (Error E =
          serial::readShaped(Source, AnalysisName, "radius", R.Radius, {NA}))
    return E;
  if (Error E = serial::readShaped(Source, AnalysisName, "area", R.Area, {NA}))
    return E;
  if (Error E = serial::readShaped(Source, AnalysisName, "class", Class, {NA}))
    return E;
  if (Error E = serial::readShaped(Source, AnalysisName, "main_chain",
                                   R.MainChain, {NA}))
    return E;
  if (Error E = serial::readShaped(Source, AnalysisName, "residue_begin",
                                   R.ResidueBegin, {uint64_t(K + 1)}))
    return E;
  if (Error E = serial::read1D(Source, AnalysisName, "residue", R.Residue))
    return E;
  const uint64_t NR = R.Residue.size();
  if (Error E =
          serial::readShaped(Source, AnalysisName, "residue_area",
                             R.ResidueArea, {NR, uint64_t(NumSasaComponents)}))
    return E;
  if (Error E = serial::readShaped(Source, AnalysisName, "residue_atoms",
                                   R.ResidueAtoms, {NR}))
    return E;

  if (!isPartition(R.AtomBegin, K, NA) || !isPartition(R.ResidueBegin, K, NR))
    return serial::malformed(AnalysisName, "'atom_begin' or 'residue_begin' "
                                           "is not a partition");
  R.Class.resize(NA);
  for (size_t I = 0; I < NA; ++I) {
    if (Class[I] > 2 || R.MainChain[I] > 1)
      return serial::malformed(AnalysisName, "'class' or 'main_chain' holds "
                                             "a value out of range");
    R.Class[I] = static_cast<SasaAtomClass>(Class[I]);
    if (!(R.Area[I] >= 0) || !(R.Radius[I] >= 0))
      return serial::malformed(AnalysisName, "an area or radius is negative");
  }
  // Within each state atoms ascend and are in range; residue rows ascend
  // and are the residues of those atoms, with their counts.
  for (size_t St = 0; St < K; ++St) {
    uint64_t Row = R.ResidueBegin[St];
    for (uint64_t I = R.AtomBegin[St]; I < R.AtomBegin[St + 1]; ++I) {
      if (R.Atom[I] >= S.numAtoms() ||
          (I > R.AtomBegin[St] && R.Atom[I] <= R.Atom[I - 1]))
        return serial::malformed(AnalysisName, "'atom' is not ascending atoms");
      uint32_t Rs = S.atoms().Residue[R.Atom[I]];
      if (I == R.AtomBegin[St] || Rs != S.atoms().Residue[R.Atom[I - 1]]) {
        if (Row >= R.ResidueBegin[St + 1] || R.Residue[Row] != Rs)
          return serial::malformed(AnalysisName, "'residue' does not list "
                                                 "the residues of 'atom'");
        ++Row;
      }
    }
    if (Row != R.ResidueBegin[St + 1])
      return serial::malformed(AnalysisName,
                               "'residue' lists residues without atoms");
  }
  return R;
}
