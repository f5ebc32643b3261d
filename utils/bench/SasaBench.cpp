//===- SasaBench.cpp - The sasa analysis on a parsed IR -------------------===//
//
// sasa<algorithm=...> run in process on the file given by QIR_BENCH_FILE
// (default ../shared/corpus/multiconformer/3wip.cif, else
// test/Inputs/1k6p.cif), with the spatial index already cached, so the
// figure is the pass alone:
//
//   BM_SasaLR/slices/threads    Lee & Richards
//   BM_SasaSR/points/threads    Shrake & Rupley
//
// Warnings of the analysis (unknown atoms) go to stderr once per run.
// utils/bench/sasa_bench.py compares the whole commands with freesasa.
//
//===----------------------------------------------------------------------===//
#include "BenchInput.h"

#include "qir/Analysis/Sasa.h"
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

void runSasa(benchmark::State &State, SasaAlgorithm Alg) {
  const Structure &S = structure();
  AnalysisManager AM;
  AM.setExecution(ExecutionSettings{static_cast<unsigned>(State.range(1))});
  AM.getResult<SpatialIndexAnalysis>(S);
  SasaAnalysis::Options O;
  O.Algorithm = Alg;
  (Alg == SasaAlgorithm::LeeRichards ? O.Slices : O.Points) = State.range(0);
  size_t Atoms = 0;
  for (auto _ : State) {
    SasaAnalysis A;
    SasaResult R = A.run(S, O, AM);
    Atoms = R.Atom.size();
    benchmark::DoNotOptimize(R.Area.data());
  }
  State.counters["atoms"] = Atoms;
  State.counters["atoms/s"] =
      benchmark::Counter(Atoms, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_SasaLR(benchmark::State &State) {
  runSasa(State, SasaAlgorithm::LeeRichards);
}
BENCHMARK(BM_SasaLR)
    ->ArgsProduct({{20, 100}, {1, 2}})
    ->Unit(benchmark::kMillisecond);

void BM_SasaSR(benchmark::State &State) {
  runSasa(State, SasaAlgorithm::ShrakeRupley);
}
BENCHMARK(BM_SasaSR)
    ->ArgsProduct({{100, 1000}, {1, 2}})
    ->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
