//===- Extract.cpp - Keep the atoms matching chain/residue/name -----------===//
#include "qir/Transforms/Extract.h"

#include "qir/IR/AtomFilter.h"
#include "qir/IR/Structure.h"
#include "qir/Select/Selector.h"
#include "qir/Support/Diagnostic.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace qir;
using namespace llvm;

static bool parseSeq(StringRef Text, int32_t &V) {
  // StringRef::getAsInteger takes a leading '-' but also "0x", "0b" ...;
  // accept plain decimal only.
  StringRef Digits = Text.starts_with("-") ? Text.drop_front() : Text;
  if (Digits.empty() || !all_of(Digits, [](char C) { return isDigit(C); }))
    return false;
  return !Text.getAsInteger(10, V);
}

bool qir::parseSeqRange(StringRef Text, int32_t &From, int32_t &To) {
  // The separator is the first '-' after the first character (which may be
  // the sign of FROM).
  size_t Dash = Text.size() > 1 ? Text.find('-', 1) : StringRef::npos;
  if (Dash == StringRef::npos) {
    if (!parseSeq(Text, From))
      return false;
    To = From;
    return true;
  }
  return parseSeq(Text.substr(0, Dash), From) &&
         parseSeq(Text.substr(Dash + 1), To) && From <= To;
}

/// True when \p List, a comma-separated list, has an empty item.
static bool hasEmptyItem(StringRef List) {
  SmallVector<StringRef, 4> Parts;
  List.split(Parts, ',');
  return !List.empty() && any_of(Parts, [](StringRef P) { return P.empty(); });
}

std::optional<PassOptionsBase::Invalid> ExtractPass::Options::validate() const {
  if (Chain.empty() && Residues.empty() && Atoms.empty() && Select.empty())
    return Invalid{"chain", "extract needs at least one of chain, residues, "
                            "atoms, select"};
  int32_t From, To;
  if (!Residues.empty() && !parseSeqRange(Residues, From, To))
    return Invalid{"residues", "invalid value '" + Residues +
                                   "' for 'residues' (expected FROM-TO with "
                                   "FROM <= TO, e.g. 10-50 or -5--1)"};
  if (hasEmptyItem(Chain))
    return Invalid{"chain", "empty item in chain list '" + Chain + "'"};
  if (hasEmptyItem(Atoms))
    return Invalid{"atoms", "empty item in atom name list '" + Atoms + "'"};
  if (!Select.empty()) {
    auto Sel = select::Selector::parse(Select);
    if (!Sel) {
      // The options machinery locates an Invalid at the start of the
      // option's value; the selector's own column goes into the message.
      std::string Msg;
      handleAllErrors(
          Sel.takeError(),
          [&](const ParseError &E) {
            Msg = "invalid selector (column " +
                  std::to_string(E.diagnostic().Column) +
                  "): " + E.diagnostic().Message;
          },
          [&](const ErrorInfoBase &E) {
            Msg = "invalid selector: " + E.message();
          });
      return Invalid{"select", Msg};
    }
  }
  return std::nullopt;
}

PreservedAnalyses ExtractPass::run(Structure &S, AnalysisManager &AM) {
  BitVector Selected;
  if (!Opts.Select.empty()) {
    Expected<select::Selector> Sel = select::Selector::parse(Opts.Select);
    Expected<BitVector> Bits =
        Sel ? Sel->evaluateBits(S) : Expected<BitVector>(Sel.takeError());
    if (!Bits) {
      AM.emitError(createStringError(inconvertibleErrorCode(),
                                     "select=" + Opts.Select + ": " +
                                         toString(Bits.takeError())));
      return PreservedAnalyses::all();
    }
    Selected = std::move(*Bits);
  }

  SmallVector<StringRef, 4> Chains, Names;
  if (!Opts.Chain.empty())
    StringRef(Opts.Chain).split(Chains, ',');
  if (!Opts.Atoms.empty())
    StringRef(Opts.Atoms).split(Names, ',');
  int32_t From = 0, To = 0;
  bool HasRange = !Opts.Residues.empty();
  if (HasRange && !parseSeqRange(Opts.Residues, From, To))
    HasRange = false; // validate() rejects this; a hand-built pass keeps all

  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  BitVector Keep(S.numAtoms(), false);
  for (size_t C = 0; C < Ch.size(); ++C) {
    if (!Chains.empty() && !is_contained(Chains, Ch.AuthId[C].str()))
      continue;
    for (uint32_t R = Ch.ResidueBegin[C]; R < Ch.ResidueEnd[C]; ++R) {
      int32_t Seq = Res.AuthSeq[R];
      if (HasRange && (Seq == NoSeqId || Seq < From || Seq > To))
        continue;
      for (uint32_t A = Res.AtomBegin[R]; A < Res.AtomEnd[R]; ++A)
        if (Names.empty() || is_contained(Names, At.Name[A].str()))
          Keep.set(A);
    }
  }
  if (!Opts.Select.empty())
    Keep &= Selected;
  keepAtoms(S, Keep);
  return PreservedAnalyses();
}
