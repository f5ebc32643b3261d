//===- DsspWriter.cpp - DSSP results as mkdssp writes them ----------------===//
//
// The report (SS bridges, statistics) and the legacy .dssp writer; the
// mmCIF writer is in DsspMmcifWriter.cpp. Numbers are printed with the
// printf conversions mkdssp uses, from values of the same types, so that
// every column rounds as mkdssp's does.
//
// SS bridges (mkdssp's order): each disulfide of the entry, in file order,
// is looked up among the model's rows by label_asym_id and label_seq_id
// (the first row matching); one whose partner is not a row is left out.
// Those found are the total; one joining a row to itself gets no number;
// one whose first partner precedes the second in the same chain with no
// break between counts as intra-chain. Both partners then take the next
// number (8 bits: the 256th is 0 again, as mkdssp's uint8_t), so a
// cysteine in two disulfides keeps the later one.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/DsspWriter.h"

#include "qir/IR/ResidueTemplates.h"
#include "qir/IR/Structure.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"

#include <cmath>
#include <cstdio>
#include <map>

using namespace qir;
using namespace llvm;

//===----------------------------------------------------------------------===//
// Report
//===----------------------------------------------------------------------===//

/// mkdssp's NoChainBreak(A, B): same label_asym_id and consecutive numbers
/// from A forward to B (false when B precedes A).
static bool unbroken(const Structure &S, const HBonds &HB, size_t K, uint32_t A,
                     uint32_t B) {
  const ChainTable &Ch = S.chains();
  const ResidueTable &Res = S.residues();
  if (Ch.LabelId[Res.Chain[HB.Residue[A]]] !=
      Ch.LabelId[Res.Chain[HB.Residue[B]]])
    return false;
  if (B < A)
    return false;
  for (uint32_t Row = A; Row < B; ++Row)
    if (Row + 1 >= HB.rowEnd(K) || HB.Number[Row + 1] != HB.Number[Row] + 1)
      return false;
  return true;
}

static void bin(DsspStatistics::Histogram &H, size_t N) {
  if (N == 0)
    return;
  H[std::min(N, DsspStatistics::HistogramSize) - 1] += 1;
}

DsspReport qir::dsspReport(const Structure &S, const Dssp &R, size_t K,
                           const DsspEntry &E) {
  const HBonds &HB = R.HB;
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  const uint32_t First = HB.rowBegin(K), Last = HB.rowEnd(K);
  DsspReport Rep;
  Rep.Model = K;
  Rep.SSBridge.assign(Last - First, 0);
  DsspStatistics &St = Rep.Stats;
  St.Residues = Last - First;

  auto Asym = [&](uint32_t Row) {
    return Ch.LabelId[Res.Chain[HB.Residue[Row]]].str();
  };
  for (uint32_t Row = First; Row < Last; ++Row)
    St.Chains += HB.Break[Row] != uint8_t(DsspBreak::None);

  // SS bridges.
  auto Find = [&](StringRef A, int32_t Seq) -> std::optional<uint32_t> {
    for (uint32_t Row = First; Row < Last; ++Row)
      if (Res.LabelSeq[HB.Residue[Row]] == Seq && Asym(Row) == A)
        return Row;
    return std::nullopt;
  };
  auto Name = [](StringRef A, int32_t Seq) {
    return (A + "/" + (Seq == NoSeqId ? std::string("?") : std::to_string(Seq)))
        .str();
  };
  std::vector<std::pair<uint32_t, uint32_t>> Pairs;
  for (const DsspDisulfide &D : E.Disulfides) {
    std::optional<uint32_t> A = Find(D.Asym1, D.Seq1);
    std::optional<uint32_t> B = Find(D.Asym2, D.Seq2);
    if (!A || !B) {
      Rep.Notes.push_back(
          "disulfide " + Name(D.Asym1, D.Seq1) + " - " + Name(D.Asym2, D.Seq2) +
          " left out: " + (A ? Name(D.Asym2, D.Seq2) : Name(D.Asym1, D.Seq1)) +
          " is not a DSSP residue");
      continue;
    }
    Pairs.push_back({*A, *B});
  }
  St.SSBridges = static_cast<uint32_t>(Pairs.size());
  uint8_t Number = 0;
  for (auto [A, B] : Pairs) {
    if (A == B) {
      Rep.Notes.push_back("disulfide of " +
                          Name(Asym(A).str(), Res.LabelSeq[HB.Residue[A]]) +
                          " with itself: no letter");
      continue;
    }
    if (unbroken(S, HB, K, A, B))
      ++St.IntraChainSSBridges;
    ++Number;
    Rep.SSBridge[A - First] = Rep.SSBridge[B - First] = Number;
  }

  // H bonds: the donor slots (O-->H-N) of each row.
  for (uint32_t Row = First; Row < Last; ++Row)
    for (int Slot = 0; Slot < 2; ++Slot) {
      int32_t D = HB.Donor[Row][Slot];
      if (D < 0 || !(HB.DonorEnergy[Row][Slot] < DsspMaxHBondEnergy))
        continue;
      ++St.HBonds;
      int32_t Dist = HB.Number[D] - HB.Number[Row];
      if (Dist >= -5 && Dist <= 5)
        St.HBondsPerDistance[Dist + 5] += 1;
    }

  // Ladders and sheets.
  Rep.Ladders = dsspLadders(S, R, K);
  std::map<uint32_t, std::vector<const DsspLadder *>> Sheets;
  for (const DsspLadder &L : Rep.Ladders) {
    bin(L.Parallel ? St.ParallelBridgesPerLadder
                   : St.AntiparallelBridgesPerLadder,
        L.I.size());
    uint32_t Bonds = L.I.back() - L.I.front() + 2;
    (L.Parallel ? St.HBondsParallel : St.HBondsAntiparallel) += Bonds;
    Sheets[L.Sheet].push_back(&L);
  }
  for (const auto &[Sheet, Ls] : Sheets)
    if (Ls.size() > 1 || Ls.front()->I.size() > 1)
      bin(St.LaddersPerSheet, Ls.size());

  // Alpha helices: runs of H within one label_asym_id, counted when a
  // residue of the same chain that is not H ends them.
  StringRef Chain;
  size_t Run = 0;
  for (uint32_t Row = First; Row < Last; ++Row) {
    if (Row == First || Asym(Row) != Chain) {
      Run = 0;
      Chain = Asym(Row);
    }
    if (R.SS[Row] == 'H') {
      ++Run;
    } else if (Run > 0) {
      bin(St.ResiduesPerAlphaHelix, Run);
      Run = 0;
    }
  }

  // Accessible surface: the float values summed in double, in row order.
  for (uint32_t Row = First; Row < Last; ++Row)
    if (!std::isnan(R.Accessibility[Row]))
      St.AccessibleSurface += R.Accessibility[Row];
  return Rep;
}

std::vector<std::string> qir::dsspSkippedResidues(const Structure &S,
                                                  const Dssp &R, size_t K) {
  const HBonds &HB = R.HB;
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  const EntityTable &Ent = S.entities();
  const uint32_t State = HB.States[K];
  std::vector<uint8_t> IsRow(S.numResidues(), 0);
  for (uint32_t Row = HB.rowBegin(K); Row < HB.rowEnd(K); ++Row)
    IsRow[HB.Residue[Row]] = 1;
  std::vector<uint8_t> Candidate = dsspCandidates(S);
  std::vector<std::string> Out;
  for (uint32_t C = 0; C < S.numChains(); ++C) {
    uint32_t E = Ch.Entity[C];
    if (E == NoIndex || Ent.Type[E] != EntityType::Polymer)
      continue;
    bool Peptide = Ent.Polymer[E] == PolymerType::PeptideL ||
                   Ent.Polymer[E] == PolymerType::PeptideD;
    size_t Skipped = 0;
    for (uint32_t Rs = Ch.ResidueBegin[C]; Rs < Ch.ResidueEnd[C]; ++Rs) {
      if (IsRow[Rs])
        continue;
      bool Present = false;
      for (uint32_t A = Res.AtomBegin[Rs]; A < Res.AtomEnd[Rs]; ++A)
        Present |= S.isPresent(State, A);
      if (!Present)
        continue;
      ++Skipped;
      if (!Peptide && Res.Kind[Rs] != ResidueKind::AminoAcid)
        continue;
      std::string Why;
      if (!Candidate[Rs]) {
        Why = "shares its position with a residue of another name (mkdssp's "
              "PDB reader leaves both out)";
      } else {
        DsspBackbone B = dsspBackbone(S, State, Rs);
        std::vector<StringRef> Missing;
        if (B.N == NoIndex)
          Missing.push_back("N");
        if (B.CA == NoIndex)
          Missing.push_back("CA");
        if (B.C == NoIndex)
          Missing.push_back("C");
        if (B.O == NoIndex)
          Missing.push_back("O");
        Why = "no " + join(Missing, ", ") +
              (Missing.size() > 1 ? " atoms" : " atom");
      }
      std::string Id = Ch.AuthId[C].str().str() + " " +
                       std::to_string(Res.AuthSeq[Rs]) +
                       (Res.ICode[Rs] ? std::string(1, Res.ICode[Rs]) : "") +
                       " " + Res.Name[Rs].str().str();
      Out.push_back("residue " + Id + " skipped: " + Why);
      --Skipped;
    }
    if (Skipped)
      Out.push_back("chain " + Ch.AuthId[C].str().str() + ": " +
                    std::to_string(Skipped) +
                    " residues without an amino-acid backbone (N, CA, C, "
                    "O) skipped");
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// Legacy output
//===----------------------------------------------------------------------===//

/// printf into a string.
template <typename... Ts>
static std::string fmt(const char *Format, Ts... Args) {
  int N = std::snprintf(nullptr, 0, Format, Args...);
  std::string Out(static_cast<size_t>(N), '\0');
  std::snprintf(Out.data(), Out.size() + 1, Format, Args...);
  return Out;
}

/// The amino acid letter: a standard residue's code, X for anything else.
static char residueLetter(StringRef Name) {
  const ResidueTemplate *T = lookupResidueTemplate(Name);
  if (!T || T->Kind != ResidueKind::AminoAcid || *T->Parent)
    return 'X';
  return T->OneLetter;
}

/// mkdssp's value for an undefined number: 360 (TCO: 0).
static double orUndefined(float V, double Undefined) {
  return std::isnan(V) ? Undefined : double(V);
}

Error qir::writeDsspLegacy(raw_ostream &OS, const Structure &S, const Dssp &R,
                           const DsspReport &Rep, const DsspEntry &E,
                           const DsspLegacyOptions &Opts) {
  const HBonds &HB = R.HB;
  const size_t K = Rep.Model;
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  const uint32_t First = HB.rowBegin(K), Last = HB.rowEnd(K);
  const uint32_t State = HB.States[K];

  for (uint32_t Row = First; Row < Last; ++Row) {
    StringRef Chain = Ch.AuthId[Res.Chain[HB.Residue[Row]]].str();
    if (Chain.size() > 1)
      return createStringError(
          inconvertibleErrorCode(),
          "chain '" + Chain + "' has a " + Twine(Chain.size()) +
              "-character id, and the legacy DSSP format holds one; write "
              "mmCIF instead (--output-format mmcif)");
  }

  const DsspStatistics &St = Rep.Stats;
  std::string Title =
      "==== Secondary Structure Definition by the program " + Opts.Program;
  if (Title.size() < 99)
    Title.append(99 - Title.size(), ' ');
  OS << Title << "==== DATE=" << Opts.Date;
  if (Opts.Date.size() < 18)
    OS.indent(18 - Opts.Date.size());
  OS << ".\n";
  OS << "REFERENCE W. KABSCH AND C.SANDER, BIOPOLYMERS 22 (1983) 2577-2637"
     << std::string(62, ' ') << ".\n";
  OS << E.Header << ".\n"
     << E.Compnd << ".\n"
     << E.Source << ".\n"
     << E.Author << ".\n";

  const double N = St.Residues;
  OS << fmt("%5d%3d%3d%3d%3d", St.Residues, St.Chains, St.SSBridges,
            St.IntraChainSSBridges, St.SSBridges - St.IntraChainSSBridges)
     << " TOTAL NUMBER OF RESIDUES, NUMBER OF CHAINS, NUMBER OF "
        "SS-BRIDGES(TOTAL,INTRACHAIN,INTERCHAIN)                .\n";
  OS << fmt("%8.1f", St.AccessibleSurface)
     << "   ACCESSIBLE SURFACE OF PROTEIN (ANGSTROM**2)" << std::string(73, ' ')
     << ".\n";
  const char *Per100 = ", SAME NUMBER PER 100 RESIDUES"
                       "                              .\n";
  OS << fmt("%5d%5.1f", St.HBonds, St.HBonds * 100.0 / N)
     << "   TOTAL NUMBER OF HYDROGEN BONDS OF TYPE O(I)-->H-N(J)  " << Per100;
  OS << fmt("%5d%5.1f", St.HBondsParallel, St.HBondsParallel * 100.0 / N)
     << "   TOTAL NUMBER OF HYDROGEN BONDS IN     PARALLEL BRIDGES" << Per100;
  OS << fmt("%5d%5.1f", St.HBondsAntiparallel,
            St.HBondsAntiparallel * 100.0 / N)
     << "   TOTAL NUMBER OF HYDROGEN BONDS IN ANTIPARALLEL BRIDGES" << Per100;
  for (int D = 0; D < 11; ++D)
    OS << fmt("%5d%5.1f", St.HBondsPerDistance[D],
              St.HBondsPerDistance[D] * 100.0 / N)
       << "   TOTAL NUMBER OF HYDROGEN BONDS OF TYPE O(I)-->H-N(I"
       << (D < 5 ? '-' : '+') << std::abs(D - 5) << ')' << Per100;

  OS << "  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 "
        "23 24 25 26 27 28 29 30     *** HISTOGRAMS OF ***           .\n";
  auto Hist = [&](const DsspStatistics::Histogram &H, StringRef Label) {
    for (uint32_t V : H)
      OS << fmt("%3d", V);
    OS << "    " << Label << ".\n";
  };
  Hist(St.ResiduesPerAlphaHelix, "RESIDUES PER ALPHA HELIX         ");
  Hist(St.ParallelBridgesPerLadder, "PARALLEL BRIDGES PER LADDER      ");
  Hist(St.AntiparallelBridgesPerLadder, "ANTIPARALLEL BRIDGES PER LADDER  ");
  Hist(St.LaddersPerSheet, "LADDERS PER SHEET                ");

  OS << "  #  RESIDUE AA STRUCTURE BP1 BP2  ACC     N-H-->O    O-->H-N    "
        "N-H-->O    O-->H-N    TCO  KAPPA ALPHA  PHI   PSI    X-CA   Y-CA   "
        "Z-CA\n";

  auto Partner = [&](uint32_t Row, int32_t P, double Energy) {
    if (P < 0)
      return std::string("0, 0.0");
    return fmt("%d,%3.1f", HB.Number[P] - HB.Number[Row], Energy);
  };
  int32_t Prev = 0;
  for (uint32_t Row = First; Row < Last; ++Row) {
    const int32_t Nr = HB.Number[Row];
    if (Nr != Prev + 1)
      OS << fmt("%5d        !%c             0   0    0      0, 0.0     0, "
                "0.0     0, 0.0     0, 0.0   0.000 360.0 360.0 360.0 360.0    "
                "0.0    0.0    0.0\n",
                Prev + 1,
                HB.Break[Row] == uint8_t(DsspBreak::NewChain) ? '*' : ' ');
    Prev = Nr;

    const uint32_t Rs = HB.Residue[Row];
    char Letter = residueLetter(Res.Name[Rs].str());
    if (Letter == 'C')
      if (uint8_t B = Rep.SSBridge[Row - First])
        Letter = char('a' + (B - 1) % 26);
    char Helix[4];
    for (unsigned Kd = 0; Kd < 4; ++Kd)
      Helix[Kd] = dsspHelixFlagChar(R.Helix[Row][Kd], Kd, ' ');
    const double Alpha = orUndefined(R.Alpha[Row], 360);
    const char Chirality = Alpha == 360 ? ' ' : Alpha < 0 ? '-' : '+';
    int BP[2] = {0, 0};
    char Label[2] = {' ', ' '};
    for (int Sl = 0; Sl < 2; ++Sl) {
      int32_t P = R.BridgePartner[Row][Sl];
      if (P < 0)
        continue;
      BP[Sl] = HB.Number[P] % 10000;
      Label[Sl] =
          char((R.Parallel[Row][Sl] ? 'a' : 'A') + R.Ladder[Row][Sl] % 26);
    }
    const char Sheet = R.Sheet[Row] ? char('A' + (R.Sheet[Row] - 1) % 26) : ' ';
    const double Acc =
        std::isnan(R.Accessibility[Row]) ? 0.0 : double(R.Accessibility[Row]);
    std::string NHO[2], ONH[2];
    for (int Sl = 0; Sl < 2; ++Sl) {
      NHO[Sl] = Partner(Row, HB.Acceptor[Row][Sl], HB.AcceptorEnergy[Row][Sl]);
      ONH[Sl] = Partner(Row, HB.Donor[Row][Sl], HB.DonorEnergy[Row][Sl]);
    }
    DsspBackbone Bb = dsspBackbone(S, State, Rs);
    std::array<float, 3> CA = S.position(State, Bb.CA);
    const char ICode = Res.ICode[Rs] ? Res.ICode[Rs] : ' ';
    StringRef Chain = Ch.AuthId[Res.Chain[Rs]].str();
    OS << fmt("%5d%5d%c%c %c  %c%c%c%c%c%c%c%c%c%4d%4d%c%4.0f %11s%11s%11s%11s"
              "  %6.3f%6.1f%6.1f%6.1f%6.1f %6.1f %6.1f %6.1f\n",
              Nr, Res.AuthSeq[Rs], ICode, Chain.empty() ? ' ' : Chain[0],
              Letter, R.SS[Row], Helix[DsspHelixPP], Helix[DsspHelix3],
              Helix[DsspHelix4], Helix[DsspHelix5], R.Bend[Row] ? 'S' : ' ',
              Chirality, Label[0], Label[1], BP[0], BP[1], Sheet,
              std::floor(Acc + 0.5), NHO[0].c_str(), ONH[0].c_str(),
              NHO[1].c_str(), ONH[1].c_str(), orUndefined(R.TCO[Row], 0),
              orUndefined(R.Kappa[Row], 360), Alpha,
              orUndefined(R.Phi[Row], 360), orUndefined(R.Psi[Row], 360),
              double(CA[0]), double(CA[1]), double(CA[2]));
  }
  return Error::success();
}
