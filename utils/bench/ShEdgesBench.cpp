//===- ShEdgesBench.cpp - Throughput of sh-edges --------------------------===//
//
//   qir-bench-sh-edges FILE [LMAX] [N_RADIAL] [CUTOFF] [REPEAT] [EDGES.bin]
//
// Reads FILE, builds the neighbour graph (cutoff CUTOFF, default 5), then
// reports the best of REPEAT (default 20) timings, in edges per second, of
//
//   kernel    SphericalHarmonics::evaluate + RadialBasis::evaluate
//             (gaussian) over the edge vectors, float32 output, one thread
//   analysis  ShEdgesAnalysis::run with the neighbour graph cached: the
//             kernel plus reading coordinates and filling the result
//
// as lines `kernel EDGES SECONDS EDGES_PER_S`. With EDGES.bin it first
// writes the edge vectors (E x 3 float64, little endian, the exact doubles
// the kernel is given) so that utils/bench/sh_edges_bench.py can time torch
// on the same input.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Neighbors.h"
#include "qir/Analysis/ShEdges.h"
#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Support/RadialBasis.h"
#include "qir/Support/SphericalHarmonics.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace qir;
using namespace llvm;

template <typename Fn> static double bestSeconds(unsigned Repeat, Fn &&F) {
  double Best = 1e30;
  for (unsigned I = 0; I < Repeat; ++I) {
    auto T0 = std::chrono::steady_clock::now();
    F();
    auto T1 = std::chrono::steady_clock::now();
    Best = std::min(Best, std::chrono::duration<double>(T1 - T0).count());
  }
  return Best;
}

int main(int Argc, char **Argv) {
  if (Argc < 2) {
    errs() << "usage: qir-bench-sh-edges FILE [LMAX] [N_RADIAL] [CUTOFF] "
              "[REPEAT] [EDGES.bin]\n";
    return 2;
  }
  unsigned LMax = Argc > 2 ? std::atoi(Argv[2]) : 3;
  unsigned NR = Argc > 3 ? std::atoi(Argv[3]) : 8;
  double Cutoff = Argc > 4 ? std::atof(Argv[4]) : 5.0;
  unsigned Repeat = Argc > 5 ? std::atoi(Argv[5]) : 20;
  const char *Dump = Argc > 6 ? Argv[6] : nullptr;

  auto SOr = io::readStructureFile(Argv[1]);
  if (!SOr) {
    errs() << toString(SOr.takeError()) << "\n";
    return 1;
  }
  Structure &S = *SOr;
  AnalysisManager AM;
  NeighborsAnalysis::Options NO;
  NO.Cutoff = Cutoff;
  const NeighborGraph &G = AM.getResult<NeighborsAnalysis>(S, NO);

  // Edge vectors, as ShEdgesAnalysis forms them.
  std::vector<double> Vec;
  Vec.reserve(G.Col.size() * 3);
  for (size_t St = 0; St < G.NumStates; ++St)
    for (size_t I = 0; I < G.NumNodes; ++I) {
      auto P = S.position(St, I);
      for (uint32_t J : G.neighbors(St, I)) {
        auto Q = S.position(St, J);
        for (int C = 0; C < 3; ++C)
          Vec.push_back(double(Q[C]) - double(P[C]));
      }
    }
  const size_t E = Vec.size() / 3;
  if (Dump) {
    FILE *F = std::fopen(Dump, "wb");
    if (!F ||
        std::fwrite(Vec.data(), sizeof(double), Vec.size(), F) != Vec.size()) {
      errs() << "cannot write " << Dump << "\n";
      return 1;
    }
    std::fclose(F);
  }

  SphericalHarmonics SH(LMax, ShNormalization::Component, ShAxes::E3nn);
  RadialBasis RB(RadialKind::Gaussian, NR, Cutoff);
  std::vector<float> OutSh(E * SH.size()), OutRb(E * NR);
  double Kernel = bestSeconds(Repeat, [&] {
    for (size_t K = 0; K < E; ++K) {
      const double *V = &Vec[3 * K];
      SH.evaluate(V[0], V[1], V[2], OutSh.data() + K * SH.size());
      RB.evaluate(std::sqrt(V[0] * V[0] + V[1] * V[1] + V[2] * V[2]),
                  OutRb.data() + K * NR);
    }
  });
  double KernelSh = bestSeconds(Repeat, [&] {
    for (size_t K = 0; K < E; ++K) {
      const double *V = &Vec[3 * K];
      SH.evaluate(V[0], V[1], V[2], OutSh.data() + K * SH.size());
    }
  });

  ShEdgesAnalysis::Options O;
  O.LMax = LMax;
  O.NumRadial = NR;
  O.Cutoff = Cutoff;
  size_t Got = 0;
  double Analysis = bestSeconds(Repeat, [&] {
    ShEdgesAnalysis A;
    Got = A.run(S, O, AM).numEdges();
  });
  if (Got != E) {
    errs() << "edge counts differ: " << Got << " vs " << E << "\n";
    return 1;
  }
  outs() << "edges " << E << "\n";
  auto Line = [&](const char *Name, double Sec) {
    outs() << Name << " " << E << " " << format("%.6g", Sec) << " "
           << format("%.6g", E / Sec) << "\n";
  };
  Line("kernel", Kernel);
  Line("kernel_sh", KernelSh);
  Line("analysis", Analysis);
  // Keep the outputs alive.
  volatile float Sink = OutSh[E / 2] + OutRb[E / 2];
  (void)Sink;
  return 0;
}
