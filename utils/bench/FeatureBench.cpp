//===- FeatureBench.cpp - Geometry and ML feature analyses ----------------===//
//
// The feature analyses of docs/passes.md run on a parsed IR, in process, on
// the file given by QIR_BENCH_FILE (default
// ../shared/corpus/multiconformer/3wip.cif, else test/Inputs/1k6p.cif):
//
//   BM_Neighbors/C          neighbors<cutoff=C> with the spatial index
//                           already cached (the pass alone)
//   BM_NeighborsAndIndex/C  the same plus building the spatial index
//   BM_Frames               frames
//
// Counters: atoms, and edges (directed) per second for neighbors.
// utils/bench/neighbors_bench.py compares the whole commands with gemmi.
//
//===----------------------------------------------------------------------===//
#include "BenchInput.h"

#include "qir/Analysis/Frames.h"
#include "qir/Analysis/Neighbors.h"
#include "qir/Analysis/SpatialIndex.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"

#include "llvm/Support/raw_ostream.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>

using namespace qir;
using namespace llvm;

namespace {

const Structure &structure() {
  static std::unique_ptr<Structure> S = readBenchStructure("1k6p.cif");
  return *S;
}

void BM_Neighbors(benchmark::State &State) {
  const Structure &S = structure();
  AnalysisManager AM;
  AM.getResult<SpatialIndexAnalysis>(S);
  NeighborsAnalysis::Options O;
  O.Cutoff = State.range(0);
  size_t Edges = 0;
  for (auto _ : State) {
    NeighborsAnalysis A;
    NeighborGraph G = A.run(S, O, AM);
    Edges = G.Col.size();
    benchmark::DoNotOptimize(G.Col.data());
  }
  State.counters["atoms"] = S.numAtoms();
  State.counters["edges"] = Edges;
  State.counters["edges/s"] =
      benchmark::Counter(Edges, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Neighbors)->Arg(5)->Arg(10)->Unit(benchmark::kMillisecond);

void BM_NeighborsAndIndex(benchmark::State &State) {
  const Structure &S = structure();
  NeighborsAnalysis::Options O;
  O.Cutoff = State.range(0);
  for (auto _ : State) {
    AnalysisManager AM;
    benchmark::DoNotOptimize(AM.getResult<NeighborsAnalysis>(S, O).Col.data());
  }
  State.counters["atoms"] = S.numAtoms();
}
BENCHMARK(BM_NeighborsAndIndex)->Arg(5)->Arg(10)->Unit(benchmark::kMillisecond);

void BM_Frames(benchmark::State &State) {
  const Structure &S = structure();
  AnalysisManager AM;
  for (auto _ : State) {
    FramesAnalysis A;
    BackboneFrames F = A.run(S, {}, AM);
    benchmark::DoNotOptimize(F.Rot.data());
  }
  State.counters["atoms"] = S.numAtoms();
}
BENCHMARK(BM_Frames)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
