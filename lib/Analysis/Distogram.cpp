//===- Distogram.cpp - Distance bins per token pair -----------------------===//
//
// Distances are computed in double from the IR's float32 coordinates and
// compared with the edges in double (Boltz compares float32 distances with
// float32 edges; the two can differ only for a distance within float
// rounding of an edge).
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Distogram.h"

#include "SerializerSupport.h"

#include "qir/Analysis/Tokens.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/TableWriter.h"

#include <algorithm>
#include <cmath>

using namespace qir;
using namespace llvm;

AnalysisKey DistogramAnalysis::Key;

std::array<double, NumDistogramBins - 1>
qir::distogramEdges(DistogramPreset P) {
  std::array<double, NumDistogramBins - 1> E;
  for (unsigned K = 0; K < E.size(); ++K)
    E[K] =
        P == DistogramPreset::AF3 ? 2.0 + 20.0 * K / 62.0 : 2.3125 + 0.3125 * K;
  return E;
}

unsigned qir::distogramBin(DistogramPreset P, double D) {
  auto E = distogramEdges(P);
  return unsigned(std::lower_bound(E.begin(), E.end(), D) - E.begin());
}

Distogram DistogramAnalysis::run(const Structure &S, const Options &O,
                                 AnalysisManager &AM) {
  const TokenTable &Tok = AM.getResult<TokensAnalysis>(S);
  Distogram R;
  R.Preset = O.Preset;
  R.NumStates = S.numStates();
  const size_t NT = R.NumTokens = Tok.size();
  R.Atom = Tok.DistogramAtom;
  R.Bins.assign(R.NumStates * NT * NT, NoBin);
  const auto Edges = distogramEdges(O.Preset);
  std::vector<double> XYZ(NT * 3);
  for (size_t St = 0; St < R.NumStates; ++St) {
    for (size_t I = 0; I < NT; ++I)
      if (Tok.distogramResolved(St, I)) {
        std::array<float, 3> P = S.position(St, Tok.DistogramAtom[I]);
        for (int D = 0; D < 3; ++D)
          XYZ[I * 3 + D] = P[D];
      }
    uint8_t *Out = &R.Bins[St * NT * NT];
    for (size_t I = 0; I < NT; ++I) {
      if (!Tok.distogramResolved(St, I))
        continue;
      for (size_t J = I; J < NT; ++J) {
        if (!Tok.distogramResolved(St, J))
          continue;
        double DX = XYZ[I * 3] - XYZ[J * 3],
               DY = XYZ[I * 3 + 1] - XYZ[J * 3 + 1],
               DZ = XYZ[I * 3 + 2] - XYZ[J * 3 + 2];
        double D = std::sqrt(DX * DX + DY * DY + DZ * DZ);
        uint8_t B = uint8_t(std::lower_bound(Edges.begin(), Edges.end(), D) -
                            Edges.begin());
        Out[I * NT + J] = Out[J * NT + I] = B;
      }
    }
  }
  return R;
}

void DistogramAnalysis::print(raw_ostream &OS, const Structure &S,
                              const Result &R, const PrintOptions &) {
  TableWriter T(OS);
  T.header(std::vector<std::string>{"model", "token_1", "token_2", "distance",
                                    "bin"});
  const double NaN = std::nan("");
  for (size_t St = 0; St < R.NumStates; ++St)
    for (size_t I = 0; I < R.NumTokens; ++I)
      for (size_t J = I + 1; J < R.NumTokens; ++J) {
        uint8_t B = R.bin(St, I, J);
        double D = NaN;
        if (B != NoBin) {
          std::array<float, 3> P = S.position(St, R.Atom[I]),
                               Q = S.position(St, R.Atom[J]);
          double DX = double(P[0]) - Q[0], DY = double(P[1]) - Q[1],
                 DZ = double(P[2]) - Q[2];
          D = std::sqrt(DX * DX + DY * DY + DZ * DZ);
        }
        T.integer(S.states().ModelNumber[St]).integer(I).integer(J).fixed(D, 3);
        if (B == NoBin)
          T.missing();
        else
          T.integer(B);
        T.endRow();
      }
}

// Persisted form: attribute preset; atom [T] uint32; bins [S, T, T] uint8.
Error DistogramAnalysis::write(ResultSink &Sink, const Result &R) {
  const uint64_t Shape[] = {R.NumStates, R.NumTokens, R.NumTokens};
  if (Error E = Sink.setAttribute(
          "preset", R.Preset == DistogramPreset::AF3 ? "af3" : "af2"))
    return E;
  if (Error E = Sink.write<uint32_t>("atom", R.Atom))
    return E;
  return Sink.write<uint8_t>("bins", R.Bins, Shape);
}

Expected<Distogram> DistogramAnalysis::read(ResultSource &Source,
                                            const Structure &S) {
  Distogram R;
  R.NumStates = S.numStates();
  Expected<std::string> Preset =
      serial::readEnumAttribute(Source, Name, "preset", {"af3", "af2"});
  if (!Preset)
    return Preset.takeError();
  R.Preset = *Preset == "af3" ? DistogramPreset::AF3 : DistogramPreset::AF2;
  if (Error E = serial::read1D(Source, Name, "atom", R.Atom))
    return E;
  R.NumTokens = R.Atom.size();
  for (uint32_t A : R.Atom)
    if (A != NoIndex && A >= S.numAtoms())
      return serial::malformed(Name, "array 'atom' holds atom " + Twine(A) +
                                         " of " + Twine(S.numAtoms()));
  const uint64_t Shape[] = {R.NumStates, R.NumTokens, R.NumTokens};
  if (Error E = serial::readShaped(Source, Name, "bins", R.Bins, Shape))
    return E;
  for (size_t St = 0; St < R.NumStates; ++St)
    for (size_t I = 0; I < R.NumTokens; ++I)
      for (size_t J = 0; J < R.NumTokens; ++J) {
        uint8_t B = R.bin(St, I, J);
        if ((B >= NumDistogramBins && B != NoBin) || B != R.bin(St, J, I))
          return serial::malformed(Name, "array 'bins' holds an invalid or "
                                         "asymmetric bin");
        if (B != NoBin && R.Atom[I] == NoIndex)
          return serial::malformed(Name, "array 'bins' bins a token without "
                                         "a distogram atom");
      }
  return R;
}
