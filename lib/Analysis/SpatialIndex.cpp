//===- SpatialIndex.cpp - Cell lists of atom positions per state ----------===//
//
// One CellList per state over the atoms the state holds. The persisted form
// concatenates the states' lists (docs/passes.md, "spatial-index"):
//
//   order              [sum N_s]  uint32  atom indices, state by state
//   cell_keys          [sum C_s]  uint64  Morton code of each non-empty cell
//   cell_begin         [sum C_s]  uint32  first atom of each cell, as an
//                                         offset into its state's slice of
//                                         order
//   state_order_begin  [S+1]      uint64  state s's atoms: order[b[s]..b[s+1])
//   state_cell_begin   [S+1]      uint64  state s's cells, likewise
//   origin             [S][3]     float32 minimum corner of each state's grid
//   attribute cell     float64            cell edge in Angstrom
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/SpatialIndex.h"

#include "SerializerSupport.h"

#include "qir/IR/Structure.h"
#include "qir/Pass/TableWriter.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace qir;
using namespace llvm;

AnalysisKey SpatialIndexAnalysis::Key;

static constexpr StringLiteral AnalysisName = "spatial-index";

std::optional<SpatialIndexAnalysis::Options::Invalid>
SpatialIndexAnalysis::Options::validate() const {
  // Also a positive, finite float: the lists store it as one.
  if (!(Cell > 0) || !(Cell <= std::numeric_limits<float>::max()) ||
      static_cast<float>(Cell) < std::numeric_limits<float>::min())
    return Invalid{"cell", "must be a positive number of Angstrom"};
  return std::nullopt;
}

ArrayRef<float> SpatialIndex::coords(const Structure &S, size_t State) {
  const size_t N = S.numAtoms();
  return ArrayRef<float>(S.states().Coords).slice(State * N * 3, N * 3);
}

/// Whether atom \p A of state \p St belongs in the state's list: the state
/// holds it and its position is finite.
static bool indexable(const Structure &S, size_t St, size_t A) {
  if (!S.isPresent(St, A))
    return false;
  std::array<float, 3> P = S.position(St, A);
  return std::isfinite(P[0]) && std::isfinite(P[1]) && std::isfinite(P[2]);
}

SpatialIndex SpatialIndexAnalysis::run(const Structure &S, const Options &O,
                                       AnalysisManager &) {
  SpatialIndex R;
  R.Cell = static_cast<float>(O.Cell);
  const size_t N = S.numAtoms();
  std::vector<float> Masked;
  R.States.reserve(S.numStates());
  for (size_t St = 0; St < S.numStates(); ++St) {
    ArrayRef<float> XYZ = SpatialIndex::coords(S, St);
    // Atoms a state lacks have NaN coordinates, which CellList leaves out;
    // should one have numbers all the same, hide them.
    bool NeedMask = false;
    for (size_t A = 0; A < N && !NeedMask && !S.states().Present.empty(); ++A)
      NeedMask = !S.isPresent(St, A) && !std::isnan(XYZ[3 * A]);
    if (NeedMask) {
      Masked.assign(XYZ.begin(), XYZ.end());
      for (size_t A = 0; A < N; ++A)
        if (!S.isPresent(St, A))
          Masked[3 * A] = std::numeric_limits<float>::quiet_NaN();
      XYZ = Masked;
    }
    R.States.push_back(CellList::build(XYZ, R.Cell));
  }
  return R;
}

void SpatialIndexAnalysis::print(raw_ostream &OS, const Structure &S,
                                 const Result &R, const PrintOptions &) {
  TableWriter T(OS);
  T.header({{"model", "atoms", "cells", "max_atoms_per_cell",
             "mean_atoms_per_cell", "cell"}});
  for (size_t St = 0; St < R.States.size(); ++St) {
    const CellList &L = R.States[St];
    uint32_t Max = 0;
    for (size_t C = 0; C < L.numCells(); ++C)
      Max = std::max(Max, L.cellBegin()[C + 1] - L.cellBegin()[C]);
    double Mean = L.numCells() ? double(L.order().size()) / L.numCells()
                               : std::numeric_limits<double>::quiet_NaN();
    T.integer(St < S.numStates() ? S.states().ModelNumber[St] : int64_t(St + 1))
        .integer(L.order().size())
        .integer(L.numCells())
        .integer(Max)
        .fixed(Mean, 3)
        .fixed(R.Cell, 3)
        .endRow();
  }
}

Error SpatialIndexAnalysis::write(ResultSink &Sink, const Result &R) {
  std::vector<uint32_t> Order, CellBegin;
  std::vector<uint64_t> Keys, StateOrderBegin = {0}, StateCellBegin = {0};
  std::vector<float> Origin;
  for (const CellList &L : R.States) {
    if (L.cellSize() != R.Cell)
      return serial::malformed(AnalysisName,
                               "a state's cell size differs from the index's");
    Order.insert(Order.end(), L.order().begin(), L.order().end());
    Keys.insert(Keys.end(), L.cellKeys().begin(), L.cellKeys().end());
    // The last offset of each state is its atom count: implied.
    CellBegin.insert(CellBegin.end(), L.cellBegin().begin(),
                     L.cellBegin().begin() + L.numCells());
    StateOrderBegin.push_back(Order.size());
    StateCellBegin.push_back(Keys.size());
    CellList::Point O = L.origin(); // by value: one copy for both ends
    Origin.insert(Origin.end(), O.begin(), O.end());
  }
  if (Error E = Sink.write<uint32_t>("order", Order))
    return E;
  if (Error E = Sink.write<uint64_t>("cell_keys", Keys))
    return E;
  if (Error E = Sink.write<uint32_t>("cell_begin", CellBegin))
    return E;
  if (Error E = Sink.write<uint64_t>("state_order_begin", StateOrderBegin))
    return E;
  if (Error E = Sink.write<uint64_t>("state_cell_begin", StateCellBegin))
    return E;
  if (Error E =
          Sink.write<float>("origin", Origin, {uint64_t(R.States.size()), 3}))
    return E;
  return Sink.setAttribute("cell", static_cast<double>(R.Cell));
}

/// Offsets \p B (S+1 of them) must start at 0, never decrease and end at
/// \p Total.
static Error checkOffsets(StringRef Name, ArrayRef<uint64_t> B, size_t Total) {
  if (B.front() != 0 || B.back() != Total)
    return serial::malformed(
        AnalysisName, "'" + Name + "' must run from 0 to " + Twine(Total));
  for (size_t I = 1; I < B.size(); ++I)
    if (B[I] < B[I - 1])
      return serial::malformed(AnalysisName, "'" + Name + "' decreases");
  return Error::success();
}

Expected<SpatialIndex> SpatialIndexAnalysis::read(ResultSource &Source,
                                                  const Structure &S) {
  const size_t NS = S.numStates(), N = S.numAtoms();
  Expected<double> Cell = Source.getDouble("cell");
  if (!Cell)
    return serial::malformed(AnalysisName, toString(Cell.takeError()));
  if (!(*Cell > 0) || !(*Cell <= std::numeric_limits<float>::max()))
    return serial::malformed(AnalysisName, "cell is not a positive number");

  std::vector<uint32_t> Order, CellBegin;
  std::vector<uint64_t> Keys, StateOrderBegin, StateCellBegin;
  std::vector<float> Origin;
  if (Error E = serial::read1D(Source, AnalysisName, "order", Order))
    return E;
  if (Error E = serial::read1D(Source, AnalysisName, "cell_keys", Keys))
    return E;
  if (Error E = serial::readShaped(Source, AnalysisName, "cell_begin",
                                   CellBegin, {uint64_t(Keys.size())}))
    return E;
  if (Error E = serial::readShaped(Source, AnalysisName, "state_order_begin",
                                   StateOrderBegin, {uint64_t(NS + 1)}))
    return E;
  if (Error E = serial::readShaped(Source, AnalysisName, "state_cell_begin",
                                   StateCellBegin, {uint64_t(NS + 1)}))
    return E;
  if (Error E = serial::readShaped(Source, AnalysisName, "origin", Origin,
                                   {uint64_t(NS), 3}))
    return E;
  if (Error E =
          checkOffsets("state_order_begin", StateOrderBegin, Order.size()))
    return E;
  if (Error E = checkOffsets("state_cell_begin", StateCellBegin, Keys.size()))
    return E;

  SpatialIndex R;
  R.Cell = static_cast<float>(*Cell);
  R.States.reserve(NS);
  for (size_t St = 0; St < NS; ++St) {
    const size_t O0 = StateOrderBegin[St], O1 = StateOrderBegin[St + 1];
    const size_t C0 = StateCellBegin[St], C1 = StateCellBegin[St + 1];
    std::vector<uint32_t> Begin(CellBegin.begin() + C0, CellBegin.begin() + C1);
    Begin.push_back(static_cast<uint32_t>(O1 - O0));
    CellList L = CellList::fromParts(
        {Origin[3 * St], Origin[3 * St + 1], Origin[3 * St + 2]}, R.Cell,
        std::vector<uint32_t>(Order.begin() + O0, Order.begin() + O1),
        std::vector<uint64_t>(Keys.begin() + C0, Keys.begin() + C1),
        std::move(Begin));
    std::string Broken = L.verify(N);
    if (!Broken.empty())
      return serial::malformed(AnalysisName,
                               "state " + Twine(St) + ": " + Broken);
    // verify() saw each atom at most once and in range; the list must hold
    // exactly the atoms the state has positions for.
    for (uint32_t A : L.order())
      if (!indexable(S, St, A))
        return serial::malformed(AnalysisName, "state " + Twine(St) +
                                                   " lists atom " + Twine(A) +
                                                   ", which it lacks");
    size_t Have = 0;
    for (size_t A = 0; A < N; ++A)
      Have += indexable(S, St, A);
    if (Have != L.order().size())
      return serial::malformed(AnalysisName, "state " + Twine(St) + " lists " +
                                                 Twine(L.order().size()) +
                                                 " atoms, has " + Twine(Have));
    R.States.push_back(std::move(L));
  }
  return R;
}
