//===- StoreBench.cpp - In-process cost of store reads --------------------===//
//
//   qir-bench-store [--benchmark_* flags] SPEC...
//
// Each SPEC registers benchmarks (fields separated by '|'):
//
//   partial|STORE|MODEL|SELECTOR|FILE
//       BM_Partial: open STORE, read the atoms SELECTOR picks in MODEL
//       (StoreReader::read); BM_ParseSelect: parse FILE (the mmCIF the
//       store came from), keep MODEL, evaluate SELECTOR, keep its atoms;
//       BM_PartialOpen: the read alone on a store opened once; BM_Open:
//       opening the store alone.
//   served|STORE|FILE
//       BM_Served: open STORE, read the structure, get backbone-dihedrals
//       through the AnalysisManager with the store as result provider
//       (served from the overlay, as qopt does); BM_Recompute: parse FILE
//       and compute backbone-dihedrals.
//   shard|SHARD|SELECTOR
//       BM_ShardSelect: open SHARD and read the atoms SELECTOR picks of
//       every structure, one after another.
//   parseall|SELECTOR|FILE,FILE,...
//       BM_ParseAll: parse every FILE and evaluate SELECTOR on each.
//
// utils/bench/store_bench.py runs it beside gemmi on the same inputs.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/BackboneDihedrals.h"
#include "qir/IO/Reader.h"
#include "qir/IR/AtomFilter.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Select/Selector.h"
#include "qir/Store/Reader.h"
#include "qir/Store/ResultStore.h"

#include "benchmark/benchmark.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <string>
#include <vector>

using namespace qir;
using namespace llvm;

namespace {

select::Selector parseSelector(StringRef Text) {
  auto Sel = select::Selector::parse(Text);
  if (!Sel) {
    errs() << toString(Sel.takeError()) << "\n";
    std::exit(1);
  }
  return std::move(*Sel);
}

io::ReadOptions quiet() {
  io::ReadOptions O;
  O.Warn = [](const Diagnostic &) {};
  return O;
}

template <typename T> bool check(benchmark::State &State, Expected<T> &V) {
  if (V)
    return true;
  State.SkipWithError(toString(V.takeError()).c_str());
  return false;
}

void partial(benchmark::State &State, std::string Store, int32_t Model,
             std::string Text) {
  select::Selector Sel = parseSelector(Text);
  size_t Atoms = 0;
  for (auto _ : State) {
    auto R = store::StoreReader::open(Store);
    if (!check(State, R))
      return;
    auto S = (*R)->read(Sel, {Model});
    if (!check(State, S))
      return;
    Atoms = S->numAtoms();
    benchmark::DoNotOptimize(S->states().Coords.data());
  }
  State.counters["atoms"] = static_cast<double>(Atoms);
}

/// The same on a store opened once (a loader serving many requests).
void partialOpen(benchmark::State &State, std::string Store, int32_t Model,
                 std::string Text) {
  select::Selector Sel = parseSelector(Text);
  auto R = store::StoreReader::open(Store);
  if (!check(State, R))
    return;
  for (auto _ : State) {
    auto S = (*R)->read(Sel, {Model});
    if (!check(State, S))
      return;
    benchmark::DoNotOptimize(S->states().Coords.data());
  }
}

/// Opening the store alone (the /toc is read).
void openOnly(benchmark::State &State, std::string Store) {
  for (auto _ : State) {
    auto R = store::StoreReader::open(Store);
    if (!check(State, R))
      return;
    benchmark::DoNotOptimize(R->get());
  }
}

void parseSelect(benchmark::State &State, std::string File, int32_t Model,
                 std::string Text) {
  select::Selector Sel = parseSelector(Text);
  size_t Atoms = 0;
  for (auto _ : State) {
    auto S = io::readStructureFile(File, quiet());
    if (!check(State, S))
      return;
    const std::vector<int32_t> &M = S->states().ModelNumber;
    BitVector Keep(M.size());
    for (size_t X = 0; X < M.size(); ++X)
      Keep[X] = M[X] == Model;
    keepStates(*S, Keep);
    auto Bits = Sel.evaluateBits(*S);
    if (!check(State, Bits))
      return;
    keepAtoms(*S, *Bits);
    Atoms = S->numAtoms();
    benchmark::DoNotOptimize(S->states().Coords.data());
  }
  State.counters["atoms"] = static_cast<double>(Atoms);
}

void served(benchmark::State &State, std::string Store) {
  size_t Residues = 0;
  for (auto _ : State) {
    auto R = store::StoreReader::open(Store);
    if (!check(State, R))
      return;
    auto S = (*R)->readStructure();
    if (!check(State, S))
      return;
    store::StoreResultProvider Provider(**R, store::CachePolicy::Invalidate);
    AnalysisManager AM;
    AM.setResultProvider(&Provider);
    const BackboneDihedrals &D = AM.getResult<BackboneDihedralsAnalysis>(*S);
    Residues = S->numResidues();
    benchmark::DoNotOptimize(&D);
  }
  State.counters["residues"] = static_cast<double>(Residues);
}

void recompute(benchmark::State &State, std::string File) {
  for (auto _ : State) {
    auto S = io::readStructureFile(File, quiet());
    if (!check(State, S))
      return;
    AnalysisManager AM;
    const BackboneDihedrals &D = AM.getResult<BackboneDihedralsAnalysis>(*S);
    benchmark::DoNotOptimize(&D);
  }
}

void shardSelect(benchmark::State &State, std::string Shard, std::string Text) {
  select::Selector Sel = parseSelector(Text);
  size_t Atoms = 0;
  for (auto _ : State) {
    auto R = store::StoreReader::open(Shard);
    if (!check(State, R))
      return;
    Atoms = 0;
    for (size_t I = 0; I < (*R)->size(); ++I) {
      auto S = (*R)->read(Sel, {}, I);
      if (!check(State, S))
        return;
      Atoms += S->numAtoms() * S->numStates();
      benchmark::DoNotOptimize(S->states().Coords.data());
    }
  }
  State.counters["atom_sites"] = static_cast<double>(Atoms);
}

void parseAll(benchmark::State &State, std::vector<std::string> Files,
              std::string Text) {
  select::Selector Sel = parseSelector(Text);
  size_t Atoms = 0;
  for (auto _ : State) {
    Atoms = 0;
    for (const std::string &F : Files) {
      auto S = io::readStructureFile(F, quiet());
      if (!check(State, S))
        return;
      auto Bits = Sel.evaluateBits(*S);
      if (!check(State, Bits))
        return;
      keepAtoms(*S, *Bits);
      Atoms += S->numAtoms() * S->numStates();
      benchmark::DoNotOptimize(S->states().Coords.data());
    }
  }
  State.counters["atom_sites"] = static_cast<double>(Atoms);
}

} // namespace

int main(int argc, char **argv) {
  benchmark::Initialize(&argc, argv);
  for (int I = 1; I < argc; ++I) {
    SmallVector<StringRef, 5> F;
    StringRef(argv[I]).split(F, '|');
    std::string Label = F.size() > 1 ? F[1].str() : "";
    if (F[0] == "partial" && F.size() == 5) {
      int32_t Model = std::atoi(F[2].str().c_str());
      benchmark::RegisterBenchmark(("BM_Partial/" + Label).c_str(), partial,
                                   F[1].str(), Model, F[3].str())
          ->Unit(benchmark::kMicrosecond);
      benchmark::RegisterBenchmark(("BM_PartialOpen/" + Label).c_str(),
                                   partialOpen, F[1].str(), Model, F[3].str())
          ->Unit(benchmark::kMicrosecond);
      benchmark::RegisterBenchmark(("BM_Open/" + Label).c_str(), openOnly,
                                   F[1].str())
          ->Unit(benchmark::kMicrosecond);
      benchmark::RegisterBenchmark(("BM_ParseSelect/" + F[4].str()).c_str(),
                                   parseSelect, F[4].str(), Model, F[3].str())
          ->Unit(benchmark::kMicrosecond);
    } else if (F[0] == "served" && F.size() == 3) {
      benchmark::RegisterBenchmark(("BM_Served/" + Label).c_str(), served,
                                   F[1].str())
          ->Unit(benchmark::kMicrosecond);
      benchmark::RegisterBenchmark(("BM_Recompute/" + F[2].str()).c_str(),
                                   recompute, F[2].str())
          ->Unit(benchmark::kMicrosecond);
    } else if (F[0] == "shard" && F.size() == 3) {
      benchmark::RegisterBenchmark(("BM_ShardSelect/" + Label).c_str(),
                                   shardSelect, F[1].str(), F[2].str())
          ->Unit(benchmark::kMillisecond);
    } else if (F[0] == "parseall" && F.size() == 3) {
      SmallVector<StringRef, 64> Paths;
      F[2].split(Paths, ',');
      std::vector<std::string> Files;
      for (StringRef P : Paths)
        Files.push_back(P.str());
      benchmark::RegisterBenchmark("BM_ParseAll", parseAll, Files, F[1].str())
          ->Unit(benchmark::kMillisecond);
    } else {
      errs() << "qir-bench-store: bad spec '" << argv[I]
             << "' (see the file comment of utils/bench/StoreBench.cpp)\n";
      return 1;
    }
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
