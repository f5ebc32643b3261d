//===- GyrationPlugin.cpp - An example qir pass plugin --------------------===//
//
// Adds an analysis and a transform to qopt without rebuilding qir:
//
//   gyration   per model: atoms present, centroid, radius of gyration
//              (unweighted, Angstrom); reads Coordinates
//   center     moves every state so that its centroid is at the origin;
//              writes Coordinates
//
// It uses a built-in analysis too (counts, for the number of chains), so
// its key resolves to the tool's: one AnalysisKey per analysis.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Counts.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/PassManager.h"
#include "qir/Pass/TableWriter.h"
#include "qir/Passes/PassBuilder.h"
#include "qir/Passes/PassPlugin.h"

#include <cmath>
#include <vector>

using namespace qir;
using namespace llvm;

namespace {

struct Centroid {
  double X = 0, Y = 0, Z = 0;
  size_t N = 0;
};

Centroid centroidOf(const Structure &S, size_t State) {
  Centroid C;
  for (size_t A = 0; A < S.numAtoms(); ++A) {
    if (!S.isPresent(State, A))
      continue;
    auto P = S.position(State, A);
    C.X += P[0];
    C.Y += P[1];
    C.Z += P[2];
    ++C.N;
  }
  if (C.N) {
    C.X /= C.N;
    C.Y /= C.N;
    C.Z /= C.N;
  }
  return C;
}

class GyrationAnalysis : public AnalysisInfoMixin<GyrationAnalysis> {
public:
  static constexpr StringLiteral Name = "gyration";
  static constexpr StringLiteral Description =
      "per model: atoms, chains, centroid and unweighted radius of gyration";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = FacetSet(Facet::Coordinates);
  using Options = NoOptions;
  using PrintOptions = NoOptions;
  struct Row {
    Centroid C;
    double Rg;
  };
  struct Result {
    std::vector<Row> Rows; ///< one per state
    size_t Chains;
  };

  Result run(const Structure &S, const Options &, AnalysisManager &AM) {
    Result R;
    R.Chains = AM.getResult<CountsAnalysis>(S).Rows.size();
    for (size_t St = 0; St < S.numStates(); ++St) {
      Row Row{centroidOf(S, St), 0};
      double Sum = 0;
      for (size_t A = 0; A < S.numAtoms(); ++A) {
        if (!S.isPresent(St, A))
          continue;
        auto P = S.position(St, A);
        double DX = P[0] - Row.C.X, DY = P[1] - Row.C.Y, DZ = P[2] - Row.C.Z;
        Sum += DX * DX + DY * DY + DZ * DZ;
      }
      Row.Rg = Row.C.N ? std::sqrt(Sum / Row.C.N) : NAN;
      R.Rows.push_back(Row);
    }
    return R;
  }

  static void print(raw_ostream &OS, const Structure &S, const Result &R,
                    const PrintOptions &) {
    TableWriter T(OS);
    T.header({{"model", "atoms", "chains", "x", "y", "z", "rg"}});
    for (size_t St = 0; St < R.Rows.size(); ++St) {
      const Row &Row = R.Rows[St];
      T.integer(S.states().ModelNumber[St])
          .integer(Row.C.N)
          .integer(R.Chains)
          .fixed(Row.C.X, 3)
          .fixed(Row.C.Y, 3)
          .fixed(Row.C.Z, 3)
          .fixed(Row.Rg, 3)
          .endRow();
    }
  }

  static AnalysisKey Key;
};

AnalysisKey GyrationAnalysis::Key;

class CenterPass : public PassInfoMixin<CenterPass> {
public:
  static constexpr StringLiteral Name = "center";
  static constexpr StringLiteral Description =
      "move each state's centroid to the origin";
  using Options = NoOptions;

  CenterPass() = default;
  explicit CenterPass(Options) {}

  PreservedAnalyses run(Structure &S, AnalysisManager &) {
    std::vector<Centroid> Cs;
    for (size_t St = 0; St < S.numStates(); ++St)
      Cs.push_back(centroidOf(S, St));
    MutableArrayRef<float> X = S.coordsForWrite();
    for (size_t St = 0; St < S.numStates(); ++St)
      for (size_t A = 0; A < S.numAtoms(); ++A) {
        float *P = &X[(St * S.numAtoms() + A) * 3];
        P[0] = static_cast<float>(P[0] - Cs[St].X);
        P[1] = static_cast<float>(P[1] - Cs[St].Y);
        P[2] = static_cast<float>(P[2] - Cs[St].Z);
      }
    return PreservedAnalyses();
  }
};

} // namespace

extern "C" QIR_PLUGIN_EXPORT PassPluginLibraryInfo qirGetPassPluginInfo() {
  return {QIR_PLUGIN_API_VERSION, "GyrationPlugin", "1.0", [](PassBuilder &PB) {
            PB.registerAnalysis<GyrationAnalysis>();
            PB.registerTransform<CenterPass>();
          }};
}
