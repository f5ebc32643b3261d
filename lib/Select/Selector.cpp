//===- Selector.cpp - A parsed selector -----------------------------------===//
#include "qir/Select/Selector.h"

#include "qir/IR/Structure.h"
#include "qir/Select/Parser.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>

using namespace qir;
using namespace qir::select;
using namespace llvm;

static ColumnSet columnsOf(const Expr &E) {
  ColumnSet C;
  switch (E.Kind) {
  case ExprKind::All:
  case ExprKind::None:
  case ExprKind::Index:
  case ExprKind::Not:
  case ExprKind::And:
  case ExprKind::Or:
    break;
  case ExprKind::Protein:
  case ExprKind::Nucleic:
  case ExprKind::Water:
  case ExprKind::ResName:
  case ExprKind::ResId:
  case ExprKind::LabelSeq:
    C = Column::Residues;
    break;
  case ExprKind::Hetero:
    C = Column::AtomFlags;
    break;
  case ExprKind::Backbone:
  case ExprKind::Sidechain:
    C = ColumnSet(Column::AtomName) | Column::Residues;
    break;
  case ExprKind::Name:
    C = Column::AtomName;
    break;
  case ExprKind::Hydrogen:
  case ExprKind::Element:
    C = Column::Element;
    break;
  case ExprKind::AltLoc:
    C = Column::AltLoc;
    break;
  case ExprKind::Chain:
  case ExprKind::LabelAsym:
    C = Column::Chains;
    break;
  case ExprKind::Entity:
    C = ColumnSet(Column::Chains) | Column::Entities;
    break;
  case ExprKind::Model:
  case ExprKind::Within:
    C = Column::Coordinates;
    break;
  }
  for (const auto &O : E.Operands)
    C |= columnsOf(*O);
  return C;
}

/// The model ranges of the top-level 'model' terms of \p E.
static void collectModels(const Expr &E, std::vector<IntRange> &Out) {
  if (E.Kind == ExprKind::Model)
    llvm::append_range(Out, E.Ints);
  else if (E.Kind == ExprKind::And)
    for (const auto &O : E.Operands)
      collectModels(*O, Out);
}

static std::vector<IntRange> mergeRanges(std::vector<IntRange> In) {
  llvm::sort(In, [](const IntRange &A, const IntRange &B) {
    return A.From != B.From ? A.From < B.From : A.To < B.To;
  });
  std::vector<IntRange> Out;
  for (const IntRange &R : In) {
    if (!Out.empty() && R.From <= Out.back().To + 1)
      Out.back().To = std::max(Out.back().To, R.To);
    else
      Out.push_back(R);
  }
  return Out;
}

/// Merge nested runs of the same n-ary operator (what the parser does).
static void flatten(Expr &E) {
  for (auto &O : E.Operands)
    flatten(*O);
  if (E.Kind != ExprKind::And && E.Kind != ExprKind::Or)
    return;
  std::vector<std::unique_ptr<Expr>> Flat;
  for (auto &O : E.Operands) {
    if (O->Kind == E.Kind)
      for (auto &Inner : O->Operands)
        Flat.push_back(std::move(Inner));
    else
      Flat.push_back(std::move(O));
  }
  E.Operands = std::move(Flat);
}

static Error checkTree(const Expr &E, bool TopLevel) {
  if (E.Kind == ExprKind::Model && !TopLevel)
    return createStringError(inconvertibleErrorCode(),
                             "'model' must be a top-level 'and' term");
  size_t Have = E.Operands.size();
  bool Unary = E.Kind == ExprKind::Not || E.Kind == ExprKind::Within;
  bool Nary = E.Kind == ExprKind::And || E.Kind == ExprKind::Or;
  if (Unary ? Have != 1 : Nary ? Have < 2 : Have != 0)
    return createStringError(inconvertibleErrorCode(),
                             "'" + keywordOf(E.Kind) +
                                 "' has the wrong number of operands");
  for (const auto &O : E.Operands)
    if (Error Err = checkTree(*O, TopLevel && E.Kind == ExprKind::And))
      return Err;
  return Error::success();
}

static bool hasWithin(const Expr &E) {
  return E.Kind == ExprKind::Within ||
         any_of(E.Operands, [](const auto &O) { return hasWithin(*O); });
}

Expected<Selector> Selector::fromExpr(std::unique_ptr<Expr> E) {
  if (!E)
    return createStringError(inconvertibleErrorCode(), "null selector tree");
  flatten(*E);
  if (Error Err = checkTree(*E, /*TopLevel=*/true))
    return std::move(Err);
  Selector S;
  S.Needs = columnsOf(*E);
  std::vector<IntRange> Models;
  collectModels(*E, Models);
  S.Models = mergeRanges(std::move(Models));
  S.UsesWithin = hasWithin(*E);
  S.Root = std::shared_ptr<const Expr>(std::move(E));
  return std::move(S);
}

Expected<Selector> Selector::parse(StringRef Text) {
  Expected<std::unique_ptr<Expr>> E = parseExpr(Text);
  if (!E)
    return E.takeError();
  return fromExpr(std::move(*E));
}

bool Selector::namesModel(int32_t Model) const {
  return any_of(Models, [&](const IntRange &R) { return R.contains(Model); });
}

uint32_t Selector::withinState(const Structure &S,
                               const EvalContext &Ctx) const {
  if (Ctx.State)
    return *Ctx.State;
  const std::vector<int32_t> &M = S.states().ModelNumber;
  if (!Models.empty())
    for (uint32_t Si = 0; Si < M.size(); ++Si)
      if (namesModel(M[Si]))
        return Si;
  return 0;
}

Expected<BitVector> Selector::evaluateBits(const Structure &S,
                                           const EvalContext &Ctx) const {
  return select::evaluateBits(*Root, S, withinState(S, Ctx), Ctx.Cells);
}

Expected<AtomRanges> Selector::evaluate(const Structure &S,
                                        const EvalContext &Ctx) const {
  Expected<BitVector> Bits = evaluateBits(S, Ctx);
  if (!Bits)
    return Bits.takeError();
  return AtomRanges::fromBitVector(*Bits);
}
