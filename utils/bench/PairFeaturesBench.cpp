//===- PairFeaturesBench.cpp - Cost of building the pair features ---------===//
//
//   qir-bench-pair-features [FILE] [BLOCK_ROWS] [REPEATS]
//
// Reads FILE (default ../shared/corpus/freesasa/1sui.cif, 1,078 tokens),
// then REPEATS times (default 5) with a fresh AnalysisManager: tokens,
// relpos, distogram and pair-features (the compact class arrays), then the
// dense one-hot tensor [T][T][C] produced block by block with fillRows()
// (BLOCK_ROWS rows at a time, default 32) and summed so that it is not
// optimised away, and once more without the sum. Prints the token count,
// channels, the median time of each step in milliseconds and the block buffer
// size. Peak memory is the process's maximum RSS
// (utils/bench/pair_features_bench.py runs this under /usr/bin/time -v); the
// read structure is part of it.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Distogram.h"
#include "qir/Analysis/PairFeatures.h"
#include "qir/Analysis/Relpos.h"
#include "qir/Analysis/Tokens.h"
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

using namespace qir;
using namespace llvm;

static double msSince(std::chrono::steady_clock::time_point T0) {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - T0)
      .count();
}

static double median(std::vector<double> V) {
  std::sort(V.begin(), V.end());
  return V[V.size() / 2];
}

int main(int Argc, char **Argv) {
  std::string Path =
      Argc > 1 ? Argv[1] : QIR_SOURCE_DIR "/../shared/corpus/freesasa/1sui.cif";
  size_t Block = Argc > 2 ? std::strtoul(Argv[2], nullptr, 10) : 32;
  int Repeats = Argc > 3 ? std::atoi(Argv[3]) : 5;
  auto S = io::readStructureFile(Path);
  if (!S) {
    errs() << toString(S.takeError()) << "\n";
    return 1;
  }
  std::vector<double> Tok, Rel, Dist, Pair, Dense, Fill;
  float Touch = 0;
  size_t NT = 0;
  unsigned C = 0;
  double Sum = 0;
  for (int Rep = 0; Rep < Repeats; ++Rep) {
    AnalysisManager AM;
    auto T0 = std::chrono::steady_clock::now();
    NT = AM.getResult<TokensAnalysis>(*S).size();
    Tok.push_back(msSince(T0));
    T0 = std::chrono::steady_clock::now();
    AM.getResult<RelposAnalysis>(*S);
    Rel.push_back(msSince(T0));
    T0 = std::chrono::steady_clock::now();
    AM.getResult<DistogramAnalysis>(*S);
    Dist.push_back(msSince(T0));
    T0 = std::chrono::steady_clock::now();
    const PairFeatures &P = AM.getResult<PairFeaturesAnalysis>(*S);
    Pair.push_back(msSince(T0));
    C = P.numChannels();
    std::vector<float> Buf(Block * NT * C);
    T0 = std::chrono::steady_clock::now();
    for (size_t RB = 0; RB < NT; RB += Block) {
      size_t RE = std::min(RB + Block, NT);
      P.fillRows(RB, RE, Buf.data());
      for (size_t K = 0, E = (RE - RB) * NT * C; K < E; ++K)
        Sum += Buf[K];
    }
    Dense.push_back(msSince(T0));
    // fillRows alone: touch one value per block so it is kept.
    T0 = std::chrono::steady_clock::now();
    for (size_t RB = 0; RB < NT; RB += Block) {
      size_t RE = std::min(RB + Block, NT);
      P.fillRows(RB, RE, Buf.data());
      Touch += Buf[(RE - RB - 1) * NT * C];
    }
    Fill.push_back(msSince(T0));
  }
  outs() << "file\t" << Path << "\n"
         << "tokens\t" << NT << "\n"
         << "channels\t" << C << "\n"
         << "block_rows\t" << Block << "\n"
         << "block_buffer_mib\t"
         << format("%.1f", Block * NT * C * 4.0 / (1 << 20)) << "\n"
         << "dense_tensor_mib_if_materialised\t"
         << format("%.1f", NT * NT * C * 4.0 / (1 << 20)) << "\n"
         << "hot_channels_total\t" << format("%.0f", Sum / Repeats) << "\n"
         << "tokens_ms\t" << format("%.2f", median(Tok)) << "\n"
         << "relpos_ms\t" << format("%.2f", median(Rel)) << "\n"
         << "distogram_ms\t" << format("%.2f", median(Dist)) << "\n"
         << "pair_features_ms\t" << format("%.2f", median(Pair)) << "\n"
         << "fill_all_rows_ms\t" << format("%.2f", median(Fill)) << "\n"
         << "fill_and_sum_all_rows_ms\t" << format("%.2f", median(Dense))
         << "\n";
  if (Touch < 0)
    outs() << "";
  return 0;
}
