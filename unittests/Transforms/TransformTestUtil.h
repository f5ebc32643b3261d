//===- TransformTestUtil.h - Helpers of the transform tests ----*- C++ -*-===//
#ifndef QIR_UNITTESTS_TRANSFORMS_TRANSFORMTESTUTIL_H
#define QIR_UNITTESTS_TRANSFORMS_TRANSFORMTESTUTIL_H

#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"

#include "llvm/Support/FileSystem.h"
#include "gtest/gtest.h"

#include <array>
#include <string>

namespace qir::test {

/// Run transform \p PassT with options \p O on \p S; the pass must not
/// report an error.
template <typename PassT>
void runPass(Structure &S, typename PassT::Options O) {
  AnalysisManager AM;
  PassT P(std::move(O));
  P.run(S, AM);
  EXPECT_FALSE(AM.hasError()) << toString(AM.takeError());
}

inline std::string inputPath(llvm::StringRef Name) {
  return std::string(QIR_SOURCE_DIR) + "/test/Inputs/" + Name.str();
}
/// A file of ../shared/corpus (next to the checkout), or "" when absent.
inline std::string corpusPath(llvm::StringRef Name) {
  std::string P =
      std::string(QIR_SOURCE_DIR) + "/../shared/corpus/" + Name.str();
  return llvm::sys::fs::exists(P) ? P : "";
}

inline Structure readPath(const std::string &Path) {
  io::ReadOptions O;
  O.Warn = [](const Diagnostic &) {};
  auto S = io::readStructureFile(Path, O);
  if (!S) {
    ADD_FAILURE() << llvm::toString(S.takeError());
    return Structure();
  }
  return std::move(*S);
}
inline Structure readInput(llvm::StringRef Name) {
  return readPath(inputPath(Name));
}
inline Structure readText(llvm::StringRef Text, llvm::StringRef Name) {
  io::ReadOptions O;
  O.Warn = [](const Diagnostic &) {};
  auto S = io::readStructureBuffer(Text, Name, O);
  if (!S) {
    ADD_FAILURE() << llvm::toString(S.takeError());
    return Structure();
  }
  return std::move(*S);
}

/// Chain, residue, name and altloc of atom \p A: what identifies it across
/// a transform that renumbers rows.
inline std::string atomKey(const Structure &S, size_t A) {
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  uint32_t R = At.Residue[A];
  std::string K = S.chains().AuthId[Res.Chain[R]].str().str() + "/" +
                  std::to_string(Res.AuthSeq[R]);
  if (Res.ICode[R])
    K += Res.ICode[R];
  K += "/" + Res.Name[R].str().str() + "/" + At.Name[A].str().str();
  if (At.AltLoc[A])
    K += std::string(".") + At.AltLoc[A];
  return K;
}

struct Generations {
  uint64_t G[NumFacets];
  explicit Generations(const Structure &S) {
    for (unsigned F = 0; F < NumFacets; ++F)
      G[F] = S.generation(static_cast<Facet>(F));
  }
  /// The facets whose generation differs from \p Later's.
  FacetSet changedIn(const Structure &Later) const {
    FacetSet Out;
    for (unsigned F = 0; F < NumFacets; ++F)
      if (Later.generation(static_cast<Facet>(F)) != G[F])
        Out = Out | static_cast<Facet>(F);
    return Out;
  }
};

/// Everything Structure::verify() does not check about the state table,
/// the extra columns and the groupings. Empty when consistent.
inline std::string checkTables(const Structure &S) {
  std::string V = S.verify();
  if (!V.empty())
    return V;
  size_t N = S.numAtoms(), NS = S.numStates();
  const StateTable &St = S.states();
  if (!S.atoms().AnisoU.empty() && S.atoms().AnisoU.size() != N)
    return "AnisoU length";
  if (!St.Occupancy.empty() && St.Occupancy.size() != NS * N)
    return "per-state occupancy length";
  if (!St.BIso.empty() && St.BIso.size() != NS * N)
    return "per-state B length";
  if (!St.Serial.empty() && St.Serial.size() != NS * N)
    return "per-state serial length";
  if (!St.SiteOrderBegin.empty()) {
    if (St.SiteOrderBegin.size() != NS + 1 ||
        St.SiteOrderBegin.back() != St.SiteOrder.size())
      return "site order offsets";
    for (size_t Si = 0; Si < NS; ++Si) {
      size_t Count = 0;
      for (size_t A = 0; A < N; ++A)
        Count += S.isPresent(Si, A);
      if (St.SiteOrderBegin[Si + 1] - St.SiteOrderBegin[Si] != Count)
        return "site order of state " + std::to_string(Si) +
               " does not list its present atoms";
      for (uint64_t I = St.SiteOrderBegin[Si]; I < St.SiteOrderBegin[Si + 1];
           ++I)
        if (St.SiteOrder[I] >= N || !S.isPresent(Si, St.SiteOrder[I]))
          return "site order names an absent atom";
    }
  }
  for (size_t Si = 0; Si < NS; ++Si)
    for (size_t A = 0; A < N; ++A)
      if (S.isPresent(Si, A) != !std::isnan(S.position(Si, A)[0]))
        return "presence and NaN coordinates disagree";
  for (const auto &V : S.extraColumns().Values)
    if (V.size() != NS * N)
      return "extra column length";
  for (const Grouping &G : S.groupings())
    for (size_t I = 0; I < G.Atoms.size(); ++I)
      if (G.Atoms[I] >= N || (I && G.Atoms[I - 1] >= G.Atoms[I]))
        return "grouping " + G.Name + " not sorted or out of range";
  return "";
}

} // namespace qir::test

#endif // QIR_UNITTESTS_TRANSFORMS_TRANSFORMTESTUTIL_H
