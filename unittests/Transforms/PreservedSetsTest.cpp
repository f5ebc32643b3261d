//===- PreservedSetsTest.cpp - rotate/translate and preserved sets --------===//
//
// rotate and translate preserve RigidMotionInvariantAnalyses. A member is
// kept in the cache after the motion, so each member must show here that
// recomputing it on the moved structure gives what was kept: the angles of
// backbone-dihedrals and dihedrals within float32 rounding (0.01 degrees),
// tokens exactly. Non-members fall.
//
//===----------------------------------------------------------------------===//
#include "TransformTestUtil.h"

#include "qir/Analysis/BackboneDihedrals.h"
#include "qir/Analysis/Dihedrals.h"
#include "qir/Analysis/Frames.h"
#include "qir/Analysis/Neighbors.h"
#include "qir/Analysis/Sasa.h"
#include "qir/Analysis/Tokens.h"
#include "qir/Pass/PassManager.h"
#include "qir/Transforms/Rotate.h"
#include "qir/Transforms/Translate.h"

#include "llvm/Support/raw_ostream.h"

#include <cmath>

using namespace qir;
using namespace qir::test;

namespace {

/// Largest difference of two angle arrays on the circle (degrees); -1 when
/// one is defined where the other is not.
double maxAngleDeviation(const std::vector<double> &A,
                         const std::vector<double> &B) {
  if (A.size() != B.size())
    return -1;
  double Max = 0;
  for (size_t I = 0; I < A.size(); ++I) {
    if (std::isnan(A[I]) != std::isnan(B[I]))
      return -1;
    if (std::isnan(A[I]))
      continue;
    double D = std::fabs(A[I] - B[I]);
    Max = std::max(Max, std::min(D, 360 - D));
  }
  return Max;
}

RotatePass::Options someRotation() {
  RotatePass::Options O;
  O.Angle = 73.25;
  O.Axis = {0.3, -1, 2};
  O.Center = {12.5, -4, 30};
  return O;
}

TranslatePass::Options someTranslation() {
  TranslatePass::Options O;
  O.Dx = 123.456;
  O.Dy = -78.9;
  O.Dz = 0.001;
  return O;
}

template <typename AnalysisT>
std::string printed(const Structure &S, AnalysisManager &AM) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  AnalysisT::print(OS, S, AM.getResult<AnalysisT>(S), {});
  return Out;
}

class PreservedSets : public ::testing::TestWithParam<const char *> {};

} // namespace

TEST(PreservedAnalysesSets, MembershipDecides) {
  PreservedAnalyses PA;
  PA.preserveSet<RigidMotionInvariantAnalyses>();
  AnalysisSetKey *Rigid = RigidMotionInvariantAnalyses::ID();
  EXPECT_TRUE(PA.isSetPreserved(Rigid));
  EXPECT_TRUE(PA.isPreserved(DihedralsAnalysis::ID(),
                             analysisInfo<DihedralsAnalysis>().MemberOf));
  EXPECT_FALSE(PA.isPreserved(FramesAnalysis::ID(),
                              analysisInfo<FramesAnalysis>().MemberOf));
  EXPECT_TRUE(analysisInfo<FramesAnalysis>().MemberOf.empty());
  ASSERT_EQ(analysisInfo<TokensAnalysis>().MemberOf.size(), 1u);
  EXPECT_EQ(analysisInfo<TokensAnalysis>().MemberOf[0], Rigid);
  // A default PreservedAnalyses keeps no set; all() keeps every set.
  EXPECT_FALSE(PreservedAnalyses().isSetPreserved(Rigid));
  EXPECT_TRUE(PreservedAnalyses::all().isSetPreserved(Rigid));
  EXPECT_FALSE(PreservedAnalyses::none().isPreserved(
      DihedralsAnalysis::ID(), analysisInfo<DihedralsAnalysis>().MemberOf));
}

TEST_P(PreservedSets, RotateKeepsMembersThatRecomputeTheSame) {
  Structure S = readInput(GetParam());
  ASSERT_GT(S.numAtoms(), 0u);
  AnalysisManager AM;
  const Dihedrals Before = AM.getResult<DihedralsAnalysis>(S);
  std::string TokensBefore = printed<TokensAnalysis>(S, AM);
  AM.getResult<FramesAnalysis>(S);
  AM.getResult<NeighborsAnalysis>(S);

  PassManager PM;
  PM.addPass(RotatePass(someRotation()));
  ASSERT_FALSE(bool(PM.run(S, AM)));

  // Kept (and re-keyed to the moved coordinates) ...
  const Dihedrals *Kept = AM.getCachedResult<DihedralsAnalysis>(S);
  ASSERT_NE(Kept, nullptr);
  EXPECT_NE(AM.getCachedResult<BackboneDihedralsAnalysis>(S), nullptr);
  EXPECT_NE(AM.getCachedResult<TokensAnalysis>(S), nullptr);
  // ... non-members fell.
  EXPECT_EQ(AM.getCachedResult<FramesAnalysis>(S), nullptr);
  EXPECT_EQ(AM.getCachedResult<NeighborsAnalysis>(S), nullptr);

  // Recomputed from scratch on the moved structure.
  AnalysisManager Fresh;
  const Dihedrals &Again = Fresh.getResult<DihedralsAnalysis>(S);
  EXPECT_EQ(Again.Residues, Kept->Residues);
  EXPECT_EQ(Again.InState, Kept->InState);
  double Dev = 0;
  for (auto Pair : {std::make_pair(&Again.Phi, &Kept->Phi),
                    std::make_pair(&Again.Psi, &Kept->Psi),
                    std::make_pair(&Again.Omega, &Kept->Omega),
                    std::make_pair(&Again.Chi, &Kept->Chi)}) {
    double D = maxAngleDeviation(*Pair.first, *Pair.second);
    ASSERT_GE(D, 0) << "defined/undefined pattern changed";
    Dev = std::max(Dev, D);
  }
  EXPECT_LT(Dev, 0.01) << GetParam();
  // The kept result is the one computed before the motion.
  EXPECT_EQ(maxAngleDeviation(Kept->Chi, Before.Chi), 0);
  EXPECT_EQ(printed<TokensAnalysis>(S, Fresh), TokensBefore);
}

TEST_P(PreservedSets, TranslateKeepsMembersThatRecomputeTheSame) {
  Structure S = readInput(GetParam());
  AnalysisManager AM;
  AM.getResult<BackboneDihedralsAnalysis>(S);
  std::string TokensBefore = printed<TokensAnalysis>(S, AM);
  AM.getResult<SasaAnalysis>(S);

  PassManager PM;
  PM.addPass(TranslatePass(someTranslation()));
  ASSERT_FALSE(bool(PM.run(S, AM)));

  const BackboneDihedrals *Kept =
      AM.getCachedResult<BackboneDihedralsAnalysis>(S);
  ASSERT_NE(Kept, nullptr);
  EXPECT_NE(AM.getCachedResult<TokensAnalysis>(S), nullptr);
  EXPECT_EQ(AM.getCachedResult<SasaAnalysis>(S), nullptr);

  AnalysisManager Fresh;
  const BackboneDihedrals &Again =
      Fresh.getResult<BackboneDihedralsAnalysis>(S);
  EXPECT_EQ(Again.InState, Kept->InState);
  double Dev = std::max({maxAngleDeviation(Again.Phi, Kept->Phi),
                         maxAngleDeviation(Again.Psi, Kept->Psi),
                         maxAngleDeviation(Again.Omega, Kept->Omega)});
  EXPECT_GE(Dev, 0);
  EXPECT_LT(Dev, 0.01) << GetParam();
  EXPECT_EQ(printed<TokensAnalysis>(S, Fresh), TokensBefore);
}

// 1L2Y: 38 NMR models; 1UBQ: a crystal structure with waters.
INSTANTIATE_TEST_SUITE_P(Inputs, PreservedSets,
                         ::testing::Values("1l2y.cif", "1ubq.cif"));
