//===- ReadBench.cpp - In-process read time of structure files ------------===//
//
//   qir-bench-read [--benchmark_* flags] FILE...
//
// One benchmark per file: qir::io::readStructureFile (load, gunzip, parse,
// build the columns, perceive bonds), and the same without bond perception.
// utils/bench/read_bench.py runs it beside gemmi on the same files.
//
//===----------------------------------------------------------------------===//
#include "qir/IO/Reader.h"

#include "benchmark/benchmark.h"
#include "llvm/Support/Path.h"

#include <string>
#include <vector>

static void readFile(benchmark::State &State, std::string Path, bool Bonds) {
  qir::io::ReadOptions Opts;
  Opts.PerceiveBonds = Bonds;
  Opts.Warn = [](const qir::Diagnostic &) {};
  size_t Atoms = 0;
  for (auto _ : State) {
    auto S = qir::io::readStructureFile(Path, Opts);
    if (!S) {
      State.SkipWithError(llvm::toString(S.takeError()).c_str());
      return;
    }
    Atoms = S->numAtoms() * S->numStates();
    benchmark::DoNotOptimize(S->states().Coords.data());
  }
  State.counters["atom_sites"] = static_cast<double>(Atoms);
  State.counters["sites_per_s"] =
      benchmark::Counter(static_cast<double>(Atoms),
                         benchmark::Counter::kIsIterationInvariantRate);
}

int main(int argc, char **argv) {
  benchmark::Initialize(&argc, argv);
  std::vector<std::string> Files(argv + 1, argv + argc);
  for (const std::string &F : Files) {
    std::string Name = llvm::sys::path::filename(F).str();
    benchmark::RegisterBenchmark(("read/" + Name).c_str(), readFile, F, true)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("read-nobonds/" + Name).c_str(), readFile, F,
                                 false)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
