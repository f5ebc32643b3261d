//===- ShEdges.h - Spherical-harmonic edge features -------------*- C++ -*-===//
//
// sh-edges<lmax=3;cutoff=5.0;normalization=component|norm|integral;
//          axes=e3nn|standard;radial=gaussian|bessel|cosine;n_radial=8>:
// for every state and every directed edge i -> j of the atom-level
// neighbour graph closer than the cutoff (neighbors<cutoff;level=atom>, both
// directions, in the graph's CSR order), the real spherical harmonics
// Y_l^m (l = 0..lmax, at index l*l + l + m) of the direction r_j - r_i and
// a radial basis of its length, e3nn's soft_one_hot_linspace(r, 0, cutoff,
// n_radial, basis, cutoff=True): the input features of an e3nn-style
// equivariant network (qir/Support/SphericalHarmonics.h, RadialBasis.h
// give the functions and conventions). Edge vectors and lengths are
// computed in double from the IR's float32 coordinates; the features are
// stored as float32. docs/passes.md gives the print columns and the
// persisted arrays; the oracle is utils/oracle/sh_edges_torch.py.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_SHEDGES_H
#define QIR_ANALYSIS_SHEDGES_H

#include "qir/Pass/AnalysisManager.h"
#include "qir/Support/RadialBasis.h"
#include "qir/Support/SphericalHarmonics.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <vector>

namespace qir {

struct ShEdgeFeatures {
  unsigned LMax = 3;
  unsigned NumRadial = 8;
  double Cutoff = 5.0;
  ShNormalization Normalization = ShNormalization::Component;
  ShAxes Axes = ShAxes::E3nn;
  RadialKind Radial = RadialKind::Gaussian;
  size_t NumStates = 0;
  /// [NumStates + 1]: the edges of state St are [StateBegin[St],
  /// StateBegin[St + 1]).
  std::vector<uint64_t> StateBegin;
  /// [E]: atom indices of both ends; the direction is Dst - Src.
  std::vector<uint32_t> Src, Dst;
  /// [E]: edge length in Angstrom.
  std::vector<float> Length;
  /// [E][numSh()] and [E][NumRadial].
  std::vector<float> Sh, Rbf;

  unsigned numSh() const { return (LMax + 1) * (LMax + 1); }
  size_t numEdges() const { return Src.size(); }
  llvm::ArrayRef<float> sh(size_t E) const {
    return llvm::ArrayRef<float>(Sh).slice(E * numSh(), numSh());
  }
  llvm::ArrayRef<float> rbf(size_t E) const {
    return llvm::ArrayRef<float>(Rbf).slice(E * NumRadial, NumRadial);
  }
};

class ShEdgesAnalysis : public AnalysisInfoMixin<ShEdgesAnalysis> {
public:
  static constexpr llvm::StringLiteral Name = "sh-edges";
  static constexpr llvm::StringLiteral Description =
      "real spherical harmonics and a radial basis of every directed "
      "neighbour edge (e3nn conventions), every model";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = Facet::Topology | Facet::Coordinates;
  /// The largest lmax the option accepts.
  static constexpr unsigned MaxLMax = 16;
  struct Options : PassOptionsBase {
    unsigned LMax = 3;
    double Cutoff = 5.0;
    ShNormalization Normalization = ShNormalization::Component;
    ShAxes Axes = ShAxes::E3nn;
    RadialKind Radial = RadialKind::Gaussian;
    unsigned NumRadial = 8;
    template <typename M> void map(M &O) {
      O.option("lmax", LMax, "largest degree l of the harmonics (0..16)");
      O.option("cutoff", Cutoff,
               "edge cutoff in Angstrom (d < cutoff, at most 1000), also "
               "the radial basis' end");
      O.choice("normalization", Normalization,
               {{"component", ShNormalization::Component},
                {"norm", ShNormalization::Norm},
                {"integral", ShNormalization::Integral}},
               "e3nn normalization: sum_m Y^2 = 2l+1, = 1, or orthonormal");
      O.choice("axes", Axes,
               {{"e3nn", ShAxes::E3nn}, {"standard", ShAxes::Standard}},
               "polar axis y (e3nn 0.6) or z (the textbook table)");
      O.choice("radial", Radial,
               {{"gaussian", RadialKind::Gaussian},
                {"bessel", RadialKind::Bessel},
                {"cosine", RadialKind::Cosine}},
               "radial basis (e3nn soft_one_hot_linspace, cutoff=True)");
      O.option("n_radial", NumRadial, "number of radial functions (1..256)");
    }
    std::optional<Invalid> validate() const;
  };
  struct PrintOptions : PassOptionsBase {
    int64_t Model = 0;
    int64_t Edges = 0;
    template <typename M> void map(M &O) {
      O.option("model", Model, "only this model number (0: every model)");
      O.option("edges", Edges, "at most this many rows (0: no limit)");
    }
    std::optional<Invalid> validate() const;
  };
  using Result = ShEdgeFeatures;

  Result run(const Structure &S, const Options &O, AnalysisManager &AM);
  static void print(llvm::raw_ostream &OS, const Structure &S, const Result &R,
                    const PrintOptions &P);
  static llvm::Error write(ResultSink &Sink, const Result &R);
  static llvm::Expected<Result> read(ResultSource &Source, const Structure &S);

  static AnalysisKey Key;
};

} // namespace qir

#endif // QIR_ANALYSIS_SHEDGES_H
