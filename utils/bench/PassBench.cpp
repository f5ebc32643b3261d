//===- PassBench.cpp - Cost of the pass machinery -------------------------===//
//
// What the keyed cache and the pass manager cost, on a 10,000-atom
// structure (the first 10,000 atoms of the file given by QIR_BENCH_FILE,
// default ../shared/corpus/multiconformer/3wip.cif, else the largest file
// of test/Inputs):
//
//   BM_HashFacet/F        hash facet F from scratch (after a write)
//   BM_HashUnchanged/F    hash() of an unchanged facet (generation check)
//   BM_CacheHit           getResult<counts> once cached (no options)
//   BM_CacheHitOptions    getResult of an analysis with 3 options
//   BM_PassManagerNoOp    per pass: a pipeline of 64 passes that do nothing
//   BM_BusyDirect/BM_BusyPassManager
//                         a ~1 ms pass called directly and through a
//                         PassManager with 3 cached results
//   BM_WritePassManager   a ~1 ms pass that writes Coordinates, through the
//                         PassManager: includes invalidating 1 of 3 results
//
// utils/bench/pass_bench.py runs it and writes the table of
// docs/benchmarks.md.
//
//===----------------------------------------------------------------------===//
#include "BenchInput.h"

#include "qir/Analysis/Counts.h"
#include "qir/IO/Reader.h"
#include "qir/IR/AtomFilter.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/PassManager.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdlib>
#include <memory>

using namespace qir;
using namespace llvm;

namespace {

constexpr size_t BenchAtoms = 10000;

Structure &structure() {
  static std::unique_ptr<Structure> S = [] {
    std::unique_ptr<Structure> S = readBenchStructure("5i55.cif");
    if (S->numAtoms() > BenchAtoms) {
      BitVector Keep(S->numAtoms());
      Keep.set(0, BenchAtoms);
      keepAtoms(*S, Keep);
      errs() << "kept the first " << BenchAtoms << " atoms\n";
    }
    return S;
  }();
  return *S;
}

struct OptionsAnalysis : AnalysisInfoMixin<OptionsAnalysis> {
  static constexpr StringLiteral Name = "bench-options";
  static constexpr StringLiteral Description = "benchmark";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = Facet::Topology | Facet::Coordinates;
  struct Options : PassOptionsBase {
    double Cutoff = 8.0;
    bool Hydrogens = false;
    int64_t Neighbours = 16;
    template <typename M> void map(M &O) {
      O.option("cutoff", Cutoff, "");
      O.flag("hydrogens", Hydrogens, "");
      O.option("neighbours", Neighbours, "");
    }
  };
  using PrintOptions = NoOptions;
  struct Result {
    int X;
  };
  Result run(const Structure &, const Options &, AnalysisManager &) {
    return {1};
  }
  static void print(raw_ostream &, const Structure &, const Result &,
                    const PrintOptions &) {}
  static AnalysisKey Key;
};
AnalysisKey OptionsAnalysis::Key;

struct CoordsAnalysis : AnalysisInfoMixin<CoordsAnalysis> {
  static constexpr StringLiteral Name = "bench-coords";
  static constexpr StringLiteral Description = "benchmark";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = FacetSet(Facet::Coordinates);
  using Options = NoOptions;
  using PrintOptions = NoOptions;
  struct Result {
    int X;
  };
  Result run(const Structure &, const Options &, AnalysisManager &) {
    return {1};
  }
  static void print(raw_ostream &, const Structure &, const Result &,
                    const PrintOptions &) {}
  static AnalysisKey Key;
};
AnalysisKey CoordsAnalysis::Key;

struct NoOpPass : PassInfoMixin<NoOpPass> {
  static constexpr StringLiteral Name = "noop";
  PreservedAnalyses run(Structure &, AnalysisManager &) {
    return PreservedAnalyses::all();
  }
};

/// About 1 ms of arithmetic over the coordinates; writes nothing unless
/// Write is set (then it stores one coordinate back unchanged, which bumps
/// the Coordinates generation like any real write).
struct BusyPass : PassInfoMixin<BusyPass> {
  static constexpr StringLiteral Name = "busy";
  static inline unsigned Rounds = 1;
  bool Write = false;
  PreservedAnalyses run(Structure &S, AnalysisManager &) {
    const std::vector<float> &C = S.states().Coords;
    double Acc = 0;
    for (unsigned R = 0; R < Rounds; ++R)
      for (size_t I = 0; I + 3 <= BenchAtoms * 3 && I + 3 <= C.size(); I += 3)
        Acc += std::sqrt(C[I] * C[I] + C[I + 1] * C[I + 1] +
                         C[I + 2] * C[I + 2] + R);
    benchmark::DoNotOptimize(Acc);
    if (Write) {
      MutableArrayRef<float> W = S.coordsForWrite();
      W[0] = W[0];
    }
    return PreservedAnalyses();
  }
};

void fillCache(AnalysisManager &AM, Structure &S) {
  AM.getResult<CountsAnalysis>(S);
  AM.getResult<OptionsAnalysis>(S);
  AM.getResult<CoordsAnalysis>(S);
}

void BM_HashFacet(benchmark::State &St) {
  Structure &S = structure();
  Facet F = static_cast<Facet>(St.range(0));
  for (auto _ : St) {
    S.markChanged(FacetSet(F));
    benchmark::DoNotOptimize(S.hash(F));
  }
  St.SetLabel(facetName(F).str());
}
BENCHMARK(BM_HashFacet)
    ->DenseRange(0, NumFacets - 1)
    ->Unit(benchmark::kMicrosecond);

void BM_HashUnchanged(benchmark::State &St) {
  Structure &S = structure();
  Facet F = static_cast<Facet>(St.range(0));
  S.hash(F);
  for (auto _ : St)
    benchmark::DoNotOptimize(S.hash(F));
  St.SetLabel(facetName(F).str());
}
BENCHMARK(BM_HashUnchanged)->DenseRange(0, NumFacets - 1);

void BM_CacheHit(benchmark::State &St) {
  Structure &S = structure();
  AnalysisManager AM;
  fillCache(AM, S);
  for (auto _ : St)
    benchmark::DoNotOptimize(&AM.getResult<CountsAnalysis>(S));
}
BENCHMARK(BM_CacheHit);

void BM_CacheHitOptions(benchmark::State &St) {
  Structure &S = structure();
  AnalysisManager AM;
  fillCache(AM, S);
  OptionsAnalysis::Options O;
  for (auto _ : St)
    benchmark::DoNotOptimize(&AM.getResult<OptionsAnalysis>(S, O));
}
BENCHMARK(BM_CacheHitOptions);

void BM_PassManagerNoOp(benchmark::State &St) {
  Structure &S = structure();
  AnalysisManager AM;
  fillCache(AM, S);
  PassManager PM;
  for (int I = 0; I < 64; ++I)
    PM.addPass(NoOpPass());
  for (auto _ : St)
    cantFail(PM.run(S, AM));
  St.SetItemsProcessed(St.iterations() * 64);
}
BENCHMARK(BM_PassManagerNoOp);

void calibrate() {
  // Pick Rounds so that one BusyPass run takes about 1 ms.
  Structure &S = structure();
  AnalysisManager AM;
  BusyPass P;
  BusyPass::Rounds = 1;
  auto T0 = std::chrono::steady_clock::now();
  for (int I = 0; I < 200; ++I)
    P.run(S, AM);
  double Per =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - T0)
          .count() /
      200;
  BusyPass::Rounds = std::max(1u, static_cast<unsigned>(1e-3 / Per));
}

void BM_BusyDirect(benchmark::State &St) {
  Structure &S = structure();
  AnalysisManager AM;
  fillCache(AM, S);
  BusyPass P;
  for (auto _ : St)
    P.run(S, AM);
}
BENCHMARK(BM_BusyDirect)->Unit(benchmark::kMicrosecond);

void BM_BusyPassManager(benchmark::State &St) {
  Structure &S = structure();
  AnalysisManager AM;
  fillCache(AM, S);
  PassManager PM;
  PM.addPass(BusyPass());
  for (auto _ : St)
    cantFail(PM.run(S, AM));
}
BENCHMARK(BM_BusyPassManager)->Unit(benchmark::kMicrosecond);

void BM_WritePassManager(benchmark::State &St) {
  Structure &S = structure();
  AnalysisManager AM;
  PassManager PM;
  BusyPass P;
  P.Write = true;
  PM.addPass(P);
  for (auto _ : St) {
    St.PauseTiming();
    fillCache(AM, S); // re-creates the entry the last run dropped
    St.ResumeTiming();
    cantFail(PM.run(S, AM));
  }
}
BENCHMARK(BM_WritePassManager)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int Argc, char **Argv) {
  structure();
  calibrate();
  benchmark::Initialize(&Argc, Argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
