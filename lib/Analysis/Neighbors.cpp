//===- Neighbors.cpp - Neighbour graph within a cutoff --------------------===//
//
// Candidate pairs come from the spatial-index cell list of each state
// (CellList::forEachPair: each cell with itself and a half shell of cells
// after it, so each pair is seen once); the exact test d < cutoff is then
// made in double from the float32 coordinates, as gemmi's NeighborSearch
// tests dist_sq < radius^2. Edges are gathered unordered and spread into a
// CSR holding both directions, each row sorted by neighbour.
//
// Persisted form (docs/passes.md, "neighbors"):
//
//   row_begin  [S][N+1]  uint64   absolute offsets into col/distance
//   col        [E]       uint32   neighbour node of each directed edge
//   distance   [E]       float32  its length in Angstrom
//   attributes level ("atom" | "residue"), cutoff (float64)
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Neighbors.h"

#include "SerializerSupport.h"

#include "qir/Analysis/SpatialIndex.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/TableWriter.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace qir;
using namespace llvm;

AnalysisKey NeighborsAnalysis::Key;

static constexpr StringLiteral AnalysisName = "neighbors";

std::optional<NeighborsAnalysis::Options::Invalid>
NeighborsAnalysis::Options::validate() const {
  if (!(Cutoff > 0) || !(Cutoff <= 1000))
    return Invalid{"cutoff", "must be a number of Angstrom in (0, 1000]"};
  if (Level == NeighborLevel::Residue && Hydrogens)
    return Invalid{"hydrogens", "residue distances are between heavy atoms; "
                                "hydrogens=true needs level=atom"};
  return std::nullopt;
}

static StringRef levelName(NeighborLevel L) {
  return L == NeighborLevel::Atom ? "atom" : "residue";
}

/// Whether atoms \p A and \p B are alternatives of each other: both have an
/// altloc id and the ids differ (gemmi's is_same_conformer, negated).
static bool otherConformer(const AtomTable &At, uint32_t A, uint32_t B) {
  char X = At.AltLoc[A], Y = At.AltLoc[B];
  return X && Y && X != Y;
}

namespace {
struct Edge {
  uint32_t U, V;
  double D2;
};
} // namespace

/// Append the edges of one state to \p G as CSR rows (both directions).
static void appendState(NeighborGraph &G, std::vector<Edge> &Edges) {
  const size_t N = G.NumNodes;
  std::vector<uint64_t> Degree(N + 1, 0);
  for (const Edge &E : Edges) {
    ++Degree[E.U];
    ++Degree[E.V];
  }
  const uint64_t Base = G.Col.size();
  size_t Row0 = G.RowBegin.size();
  G.RowBegin.resize(Row0 + N + 1);
  uint64_t Off = Base;
  for (size_t I = 0; I <= N; ++I) {
    G.RowBegin[Row0 + I] = Off;
    Off += Degree[I];
  }
  G.Col.resize(Off);
  G.Dist.resize(Off);
  std::vector<uint64_t> Fill(G.RowBegin.begin() + Row0,
                             G.RowBegin.begin() + Row0 + N);
  for (const Edge &E : Edges) {
    float D = static_cast<float>(std::sqrt(E.D2));
    G.Col[Fill[E.U]] = E.V;
    G.Dist[Fill[E.U]++] = D;
    G.Col[Fill[E.V]] = E.U;
    G.Dist[Fill[E.V]++] = D;
  }
  // Rows ascend by neighbour: sort (neighbour, distance) pairs per row.
  std::vector<std::pair<uint32_t, float>> Row;
  for (size_t I = 0; I < N; ++I) {
    uint64_t B = G.RowBegin[Row0 + I], E = G.RowBegin[Row0 + I + 1];
    if (E - B < 2)
      continue;
    Row.clear();
    for (uint64_t K = B; K < E; ++K)
      Row.emplace_back(G.Col[K], G.Dist[K]);
    llvm::sort(Row);
    for (uint64_t K = B; K < E; ++K) {
      G.Col[K] = Row[K - B].first;
      G.Dist[K] = Row[K - B].second;
    }
  }
  Edges.clear();
}

NeighborGraph NeighborsAnalysis::run(const Structure &S, const Options &O,
                                     AnalysisManager &AM) {
  const SpatialIndex &Index = AM.getResult<SpatialIndexAnalysis>(S);
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const bool AtomLevel = O.Level == NeighborLevel::Atom;

  NeighborGraph G;
  G.Level = O.Level;
  G.Cutoff = static_cast<float>(O.Cutoff);
  G.NumStates = S.numStates();
  G.NumNodes = AtomLevel ? S.numAtoms() : S.numResidues();

  // Atoms that take part, in any state (the cell lists hold only the atoms
  // each state has).
  std::vector<uint8_t> Keep(S.numAtoms());
  for (size_t A = 0; A < S.numAtoms(); ++A) {
    bool Hydrogen = At.AtomicNumber[A] == 1; // H and D
    bool Water = Res.Kind[At.Residue[A]] == ResidueKind::Water;
    Keep[A] = (!Hydrogen || (AtomLevel && O.Hydrogens)) && (!Water || O.Waters);
  }
  auto Kept = [&](uint32_t A) { return Keep[A] != 0; };

  const double Cut2 = O.Cutoff * O.Cutoff;
  std::vector<Edge> Edges;
  // Residue level: the closest atom pair of each residue pair, keyed
  // (lower residue, higher residue).
  std::vector<std::pair<uint64_t, double>> Closest;
  for (size_t St = 0; St < G.NumStates; ++St) {
    ArrayRef<float> XYZ = SpatialIndex::coords(S, St);
    auto Exact2 = [&](uint32_t A, uint32_t B) {
      double DX = double(XYZ[3 * B]) - XYZ[3 * A],
             DY = double(XYZ[3 * B + 1]) - XYZ[3 * A + 1],
             DZ = double(XYZ[3 * B + 2]) - XYZ[3 * A + 2];
      return DX * DX + DY * DY + DZ * DZ;
    };
    if (AtomLevel) {
      Index.States[St].forEachPair(
          XYZ, G.Cutoff, Kept, [&](uint32_t A, uint32_t B, float) {
            if (otherConformer(At, A, B))
              return;
            double D2 = Exact2(A, B);
            if (D2 < Cut2)
              Edges.push_back({std::min(A, B), std::max(A, B), D2});
          });
    } else {
      Closest.clear();
      Index.States[St].forEachPair(
          XYZ, G.Cutoff, Kept, [&](uint32_t A, uint32_t B, float) {
            uint32_t RA = At.Residue[A], RB = At.Residue[B];
            if (RA == RB || otherConformer(At, A, B))
              return;
            double D2 = Exact2(A, B);
            if (D2 < Cut2)
              Closest.emplace_back(
                  uint64_t(std::min(RA, RB)) << 32 | std::max(RA, RB), D2);
          });
      llvm::sort(Closest);
      for (size_t I = 0; I < Closest.size(); ++I)
        if (I == 0 || Closest[I].first != Closest[I - 1].first)
          Edges.push_back({uint32_t(Closest[I].first >> 32),
                           uint32_t(Closest[I].first), Closest[I].second});
    }
    appendState(G, Edges);
  }
  return G;
}

void NeighborsAnalysis::print(raw_ostream &OS, const Structure &S,
                              const Result &R, const PrintOptions &) {
  const bool AtomLevel = R.Level == NeighborLevel::Atom;
  TableWriter T(OS);
  std::vector<std::string> Columns = AtomLevel
                                         ? TableWriter::atomColumns("_1")
                                         : TableWriter::residueColumns("_1");
  std::vector<std::string> Second = AtomLevel
                                        ? TableWriter::atomColumns("_2")
                                        : TableWriter::residueColumns("_2");
  Columns.insert(Columns.end(), Second.begin(), Second.end());
  Columns.push_back("distance");
  T.header(Columns);
  for (size_t St = 0; St < R.NumStates; ++St)
    for (uint32_t I = 0; I < R.NumNodes; ++I) {
      ArrayRef<uint32_t> Nb = R.neighbors(St, I);
      ArrayRef<float> D = R.distances(St, I);
      // One row per unordered pair: from its lower end.
      for (size_t K = 0; K < Nb.size(); ++K) {
        if (Nb[K] < I)
          continue;
        if (AtomLevel)
          T.atom(S, St, I).atom(S, St, Nb[K]);
        else
          T.residue(S, St, I).residue(S, St, Nb[K]);
        T.fixed(D[K], 3).endRow();
      }
    }
}

Error NeighborsAnalysis::write(ResultSink &Sink, const Result &R) {
  if (Error E = Sink.setAttribute("level", levelName(R.Level)))
    return E;
  if (Error E = Sink.setAttribute("cutoff", static_cast<double>(R.Cutoff)))
    return E;
  if (Error E = Sink.write<uint64_t>(
          "row_begin", R.RowBegin,
          {uint64_t(R.NumStates), uint64_t(R.NumNodes + 1)}))
    return E;
  if (Error E = Sink.write<uint32_t>("col", R.Col))
    return E;
  return Sink.write<float>("distance", R.Dist);
}

Expected<NeighborGraph> NeighborsAnalysis::read(ResultSource &Source,
                                                const Structure &S) {
  NeighborGraph G;
  Expected<std::string> Level = Source.getString("level");
  if (!Level)
    return serial::malformed(AnalysisName, toString(Level.takeError()));
  if (*Level == "atom")
    G.Level = NeighborLevel::Atom;
  else if (*Level == "residue")
    G.Level = NeighborLevel::Residue;
  else
    return serial::malformed(AnalysisName,
                             "level is '" + *Level + "', not atom or residue");
  Expected<double> Cutoff = Source.getDouble("cutoff");
  if (!Cutoff)
    return serial::malformed(AnalysisName, toString(Cutoff.takeError()));
  if (!(*Cutoff > 0) || !(*Cutoff <= 1000))
    return serial::malformed(AnalysisName, "cutoff is not in (0, 1000]");
  G.Cutoff = static_cast<float>(*Cutoff);
  G.NumStates = S.numStates();
  G.NumNodes = G.Level == NeighborLevel::Atom ? S.numAtoms() : S.numResidues();

  if (Error E =
          serial::readShaped(Source, AnalysisName, "row_begin", G.RowBegin,
                             {uint64_t(G.NumStates), uint64_t(G.NumNodes + 1)}))
    return E;
  if (Error E = serial::read1D(Source, AnalysisName, "col", G.Col))
    return E;
  if (Error E = serial::readShaped(Source, AnalysisName, "distance", G.Dist,
                                   {uint64_t(G.Col.size())}))
    return E;

  // Rows tile [0, E) state after state; neighbours ascend, are in range,
  // never the node itself, within the cutoff, and each edge has its twin.
  uint64_t Expect = 0;
  for (size_t St = 0; St < G.NumStates; ++St)
    for (size_t I = 0; I <= G.NumNodes; ++I) {
      uint64_t B = G.RowBegin[G.rowIndex(St, I)];
      if (B < Expect || B > G.Col.size() || (I == 0 && B != Expect))
        return serial::malformed(AnalysisName,
                                 "'row_begin' is not a partition of the "
                                 "edges");
      Expect = B;
    }
  if (Expect != G.Col.size())
    return serial::malformed(AnalysisName,
                             "'row_begin' does not end at the edge count");
  for (size_t St = 0; St < G.NumStates; ++St)
    for (uint32_t I = 0; I < G.NumNodes; ++I) {
      ArrayRef<uint32_t> Nb = G.neighbors(St, I);
      ArrayRef<float> D = G.distances(St, I);
      for (size_t K = 0; K < Nb.size(); ++K) {
        if (Nb[K] >= G.NumNodes || Nb[K] == I || (K && Nb[K] <= Nb[K - 1]))
          return serial::malformed(
              AnalysisName, "row " + Twine(I) + " of state " + Twine(St) +
                                " is not ascending distinct nodes");
        if (!(D[K] >= 0) || D[K] > G.Cutoff)
          return serial::malformed(AnalysisName,
                                   "an edge is longer than the cutoff");
        ArrayRef<uint32_t> Back = G.neighbors(St, Nb[K]);
        auto It = std::lower_bound(Back.begin(), Back.end(), I);
        if (It == Back.end() || *It != I ||
            G.distances(St, Nb[K])[It - Back.begin()] != D[K])
          return serial::malformed(
              AnalysisName, "edge " + Twine(I) + "-" + Twine(Nb[K]) +
                                " of state " + Twine(St) + " has no twin");
      }
    }
  return G;
}
