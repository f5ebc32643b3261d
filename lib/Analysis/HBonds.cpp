//===- HBonds.cpp - DSSP backbone hydrogen bonds --------------------------===//
//
// The rules are those of mkdssp 4.2.2 (HBonds.h has them in full); the
// arithmetic follows it type for type (float distances, double energies)
// so that rounding to 0.001 lands where mkdssp's does.
//
// Persisted form (docs/passes.md, "hbonds"):
//
//   attribute model      int64    the option
//   states     [K]       uint32   computed states, ascending
//   row_begin  [K+1]     uint32   rows of each computed state
//   residue    [R]       uint32   residue of each row
//   number     [R]       int32    DSSP number
//   break      [R]       uint8    DsspBreak
//   h          [R, 3]    float32  amide H
//   acceptor   [R, 2]    int32    N-H-->O partner rows, -1 for none
//   acceptor_energy [R, 2] float64
//   donor      [R, 2]    int32    O-->H-N partner rows, -1 for none
//   donor_energy [R, 2]  float64
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/HBonds.h"

#include "ModelOption.h"
#include "SerializerSupport.h"

#include "qir/Analysis/SpatialIndex.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/TableWriter.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cmath>

using namespace qir;
using namespace llvm;

AnalysisKey HBondsAnalysis::Key;

static constexpr StringLiteral AnalysisName = "hbonds";

float qir::dsspDistance(const DsspPoint &A, const DsspPoint &B) {
  float DX = A[0] - B[0], DY = A[1] - B[1], DZ = A[2] - B[2];
  return std::sqrt(DX * DX + DY * DY + DZ * DZ);
}

DsspPoint qir::dsspAmideHydrogen(const DsspPoint &N, const DsspPoint &PrevC,
                                 const DsspPoint &PrevO) {
  float CO = dsspDistance(PrevC, PrevO);
  DsspPoint H = N;
  for (int K = 0; K < 3; ++K)
    H[K] += (PrevC[K] - PrevO[K]) / CO;
  return H;
}

double qir::dsspHBondEnergy(const DsspPoint &DonorN, const DsspPoint &DonorH,
                            const DsspPoint &AcceptorC,
                            const DsspPoint &AcceptorO) {
  // Distances are float (as mkdssp's distance()), held in double.
  double HO = dsspDistance(DonorH, AcceptorO);
  double HC = dsspDistance(DonorH, AcceptorC);
  double NC = dsspDistance(DonorN, AcceptorC);
  double NO = dsspDistance(DonorN, AcceptorO);
  double E;
  if (HO < DsspMinimalDistance || HC < DsspMinimalDistance ||
      NC < DsspMinimalDistance || NO < DsspMinimalDistance) {
    E = DsspMinHBondEnergy;
  } else {
    // The float constant, promoted; the sum left to right in double.
    const double F = DsspCouplingConstant;
    E = F / HO - F / HC + F / NC - F / NO;
  }
  // mkdssp's "DSSP compatibility mode": round to 0.001, then clamp.
  E = std::round(E * 1000) / 1000;
  if (E < DsspMinHBondEnergy)
    E = DsspMinHBondEnergy;
  return E;
}

bool DsspBackbone::complete() const {
  return N != NoIndex && CA != NoIndex && C != NoIndex && O != NoIndex;
}

DsspBackbone qir::dsspBackbone(const Structure &S, size_t State, uint32_t R) {
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  DsspBackbone B{NoIndex, NoIndex, NoIndex, NoIndex};
  for (uint32_t A = Res.AtomBegin[R]; A < Res.AtomEnd[R]; ++A) {
    if (!S.isPresent(State, A))
      continue;
    const AtomName &Name = At.Name[A];
    // The last one in file order wins, as mkdssp overwrites.
    if (Name == "N")
      B.N = A;
    else if (Name == "CA")
      B.CA = A;
    else if (Name == "C")
      B.C = A;
    else if (Name == "O")
      B.O = A;
  }
  return B;
}

std::vector<uint8_t> qir::dsspCandidates(const Structure &S) {
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  const EntityTable &Ent = S.entities();
  const uint32_t NR = static_cast<uint32_t>(S.numResidues());
  std::vector<uint8_t> Out(NR);
  for (uint32_t R = 0; R < NR; ++R) {
    uint32_t E = Ch.Entity[Res.Chain[R]];
    Out[R] = E != NoIndex && Ent.Type[E] == EntityType::Polymer;
  }
  if (S.metadata().SourceFormat != "pdb")
    return Out;
  // Runs of residues at one position (same auth chain, number and insertion
  // code) holding more than one residue name are dropped.
  auto SamePosition = [&](uint32_t A, uint32_t B) {
    return Ch.AuthId[Res.Chain[A]] == Ch.AuthId[Res.Chain[B]] &&
           Res.AuthSeq[A] == Res.AuthSeq[B] && Res.ICode[A] == Res.ICode[B];
  };
  for (uint32_t R = 0; R < NR;) {
    uint32_t End = R + 1;
    bool Mixed = false;
    while (End < NR && SamePosition(R, End)) {
      Mixed |= Res.Name[End] != Res.Name[R];
      ++End;
    }
    if (Mixed)
      std::fill(Out.begin() + R, Out.begin() + End, 0);
    R = End;
  }
  return Out;
}

uint32_t HBonds::stateOfRow(uint32_t Row) const {
  auto It = std::upper_bound(RowBegin.begin(), RowBegin.end(), Row);
  return States[(It - RowBegin.begin()) - 1];
}

std::optional<HBondsAnalysis::Options::Invalid>
HBondsAnalysis::Options::validate() const {
  if (Model < 0)
    return Invalid{"model", "must be a model number, or 0 for every model"};
  return std::nullopt;
}

namespace {
/// The rows of one state and their positions, while they are computed.
struct StateRows {
  std::vector<DsspPoint> N, CA, C, O;
  std::vector<uint32_t> CAAtom;
  std::vector<uint8_t> Proline;
};
} // namespace

HBonds HBondsAnalysis::run(const Structure &S, const Options &O,
                           AnalysisManager &AM) {
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  HBonds Out;
  Out.Model = O.Model;
  Out.States = statesForModelOption(S, O.Model);
  if (Out.States.empty())
    return Out;
  const SpatialIndex &Index = AM.getResult<SpatialIndexAnalysis>(S);

  const std::vector<uint8_t> Candidate = dsspCandidates(S);
  // Row (local to the state) of each atom that is a row's CA; -1 elsewhere.
  std::vector<int32_t> RowOfCA(S.numAtoms(), -1);

  for (uint32_t St : Out.States) {
    const uint32_t First = static_cast<uint32_t>(Out.Residue.size());
    StateRows Rows;
    auto Pos = [&](uint32_t A) -> DsspPoint { return S.position(St, A); };
    int32_t Number = 0;
    for (uint32_t R = 0; R < S.numResidues(); ++R) {
      if (!Candidate[R])
        continue;
      DsspBackbone B = dsspBackbone(S, St, R);
      if (!B.complete())
        continue;
      ++Number;
      DsspBreak Brk = DsspBreak::NewChain;
      if (!Rows.N.empty()) {
        uint32_t Prev = Out.Residue.back();
        bool SameAsym = Ch.LabelId[Res.Chain[Prev]] == Ch.LabelId[Res.Chain[R]];
        bool Far =
            dsspDistance(Rows.C.back(), Pos(B.N)) > DsspMaxPeptideBondLength;
        if (Far)
          ++Number; // mkdssp numbers every distance break, in or between
                    // chains
        Brk = !SameAsym ? DsspBreak::NewChain
              : Far     ? DsspBreak::Gap
                        : DsspBreak::None;
      }
      Out.Residue.push_back(R);
      Out.Number.push_back(Number);
      Out.Break.push_back(static_cast<uint8_t>(Brk));
      Rows.N.push_back(Pos(B.N));
      Rows.CA.push_back(Pos(B.CA));
      Rows.C.push_back(Pos(B.C));
      Rows.O.push_back(Pos(B.O));
      Rows.CAAtom.push_back(B.CA);
      Rows.Proline.push_back(Res.Name[R] == "PRO");
    }
    const uint32_t NR = static_cast<uint32_t>(Rows.N.size());
    Out.RowBegin.push_back(First + NR);

    // Amide H from the list neighbour's carbonyl (HBonds.h).
    for (uint32_t I = 0; I < NR; ++I)
      Out.H.push_back(
          I == 0 || Rows.Proline[I]
              ? Rows.N[I]
              : dsspAmideHydrogen(Rows.N[I], Rows.C[I - 1], Rows.O[I - 1]));

    Out.Acceptor.resize(First + NR, {-1, -1});
    Out.Donor.resize(First + NR, {-1, -1});
    Out.AcceptorEnergy.resize(First + NR, {0.0, 0.0});
    Out.DonorEnergy.resize(First + NR, {0.0, 0.0});
    if (NR < 2)
      continue;

    // Candidate pairs: CA atoms within 9 A, from the state's cell list
    // (a hair wider, then mkdssp's exact float test).
    for (uint32_t I = 0; I < NR; ++I)
      RowOfCA[Rows.CAAtom[I]] = static_cast<int32_t>(I);
    std::vector<std::pair<uint32_t, uint32_t>> Pairs;
    Pairs.reserve(size_t(NR) * 16);
    Index.States[St].forEachPair(
        SpatialIndex::coords(S, St), DsspMinimalCADistance + 0.01f,
        [&](uint32_t A) { return RowOfCA[A] >= 0; },
        [&](uint32_t A, uint32_t B, double) {
          uint32_t I = RowOfCA[A], J = RowOfCA[B];
          if (I > J)
            std::swap(I, J);
          if (dsspDistance(Rows.CA[I], Rows.CA[J]) < DsspMinimalCADistance)
            Pairs.emplace_back(I, J);
        });
    for (uint32_t I = 0; I < NR; ++I)
      RowOfCA[Rows.CAAtom[I]] = -1;
    // mkdssp's order: i ascending, then j; ties between equal energies go
    // to the pair seen first.
    llvm::sort(Pairs);

    auto Bond = [&](uint32_t D, uint32_t A) {
      if (Rows.Proline[D])
        return;
      double E =
          dsspHBondEnergy(Rows.N[D], Out.H[First + D], Rows.C[A], Rows.O[A]);
      auto Enter = [E](std::array<int32_t, 2> &Row, std::array<double, 2> &En,
                       int32_t Partner) {
        if (E < En[0]) {
          Row[1] = Row[0];
          En[1] = En[0];
          Row[0] = Partner;
          En[0] = E;
        } else if (E < En[1]) {
          Row[1] = Partner;
          En[1] = E;
        }
      };
      Enter(Out.Acceptor[First + D], Out.AcceptorEnergy[First + D],
            int32_t(First + A));
      Enter(Out.Donor[First + A], Out.DonorEnergy[First + A],
            int32_t(First + D));
    };
    for (auto [I, J] : Pairs) {
      Bond(I, J);
      if (J != I + 1)
        Bond(J, I);
    }
  }
  return Out;
}

void HBondsAnalysis::print(raw_ostream &OS, const Structure &S, const Result &R,
                           const PrintOptions &) {
  TableWriter T(OS);
  std::vector<std::string> Columns = TableWriter::residueColumns();
  Columns.insert(Columns.end(),
                 {"nr", "h_x", "h_y", "h_z", "nho1", "nho1_energy", "onh1",
                  "onh1_energy", "nho2", "nho2_energy", "onh2", "onh2_energy"});
  T.header(Columns);
  for (size_t K = 0; K < R.States.size(); ++K)
    for (uint32_t Row = R.rowBegin(K); Row < R.rowEnd(K); ++Row) {
      T.residue(S, R.States[K], R.Residue[Row]).integer(R.Number[Row]);
      for (int C = 0; C < 3; ++C)
        T.fixed(R.H[Row][C], 3);
      auto Partner = [&](int32_t P, double E) {
        if (P < 0) {
          T.missing().missing();
          return;
        }
        T.integer(int64_t(R.Number[P]) - R.Number[Row]).fixed(E, 3);
      };
      for (int Slot = 0; Slot < 2; ++Slot) {
        Partner(R.Acceptor[Row][Slot], R.AcceptorEnergy[Row][Slot]);
        Partner(R.Donor[Row][Slot], R.DonorEnergy[Row][Slot]);
      }
      T.endRow();
    }
}

//===----------------------------------------------------------------------===//
// Persisted form
//===----------------------------------------------------------------------===//

template <typename T, size_t N>
static std::vector<T> flatten(ArrayRef<std::array<T, N>> V) {
  std::vector<T> Out;
  Out.reserve(V.size() * N);
  for (const std::array<T, N> &E : V)
    Out.insert(Out.end(), E.begin(), E.end());
  return Out;
}

template <typename T, size_t N>
static std::vector<std::array<T, N>> unflatten(const std::vector<T> &V) {
  std::vector<std::array<T, N>> Out(V.size() / N);
  for (size_t I = 0; I < Out.size(); ++I)
    for (size_t K = 0; K < N; ++K)
      Out[I][K] = V[I * N + K];
  return Out;
}

Error qir::writeHBondArrays(ResultSink &Sink, const HBonds &R) {
  const uint64_t NR = R.numRows();
  if (Error E = Sink.setAttribute("model", R.Model))
    return E;
  if (Error E = Sink.write<uint32_t>("states", R.States))
    return E;
  if (Error E = Sink.write<uint32_t>("row_begin", R.RowBegin))
    return E;
  if (Error E = Sink.write<uint32_t>("residue", R.Residue))
    return E;
  if (Error E = Sink.write<int32_t>("number", R.Number))
    return E;
  if (Error E = Sink.write<uint8_t>("break", R.Break))
    return E;
  if (Error E = Sink.write<float>("h", flatten<float, 3>(R.H), {NR, 3}))
    return E;
  if (Error E = Sink.write<int32_t>("acceptor", flatten<int32_t, 2>(R.Acceptor),
                                    {NR, 2}))
    return E;
  if (Error E = Sink.write<double>(
          "acceptor_energy", flatten<double, 2>(R.AcceptorEnergy), {NR, 2}))
    return E;
  if (Error E =
          Sink.write<int32_t>("donor", flatten<int32_t, 2>(R.Donor), {NR, 2}))
    return E;
  return Sink.write<double>("donor_energy", flatten<double, 2>(R.DonorEnergy),
                            {NR, 2});
}

Expected<HBonds> qir::readHBondArrays(ResultSource &Source, const Structure &S,
                                      StringRef Name) {
  HBonds R;
  Expected<int64_t> Model = Source.getInt("model");
  if (!Model)
    return serial::malformed(Name, toString(Model.takeError()));
  if (*Model < 0)
    return serial::malformed(Name, "model is negative");
  R.Model = *Model;
  if (Error E = serial::read1D(Source, Name, "states", R.States))
    return E;
  if (R.States != statesForModelOption(S, R.Model))
    return serial::malformed(
        Name, "array 'states' is not the states of model " + Twine(R.Model));
  const uint64_t K = R.States.size();
  if (Error E =
          serial::readShaped(Source, Name, "row_begin", R.RowBegin, {K + 1}))
    return E;
  if (Error E = serial::read1D(Source, Name, "residue", R.Residue))
    return E;
  const uint64_t NR = R.Residue.size();
  if (R.RowBegin[0] != 0 || R.RowBegin[K] != NR ||
      !std::is_sorted(R.RowBegin.begin(), R.RowBegin.end()))
    return serial::malformed(Name, "'row_begin' is not a partition of the "
                                   "rows");
  if (Error E = serial::readShaped(Source, Name, "number", R.Number, {NR}))
    return E;
  if (Error E = serial::readShaped(Source, Name, "break", R.Break, {NR}))
    return E;
  std::vector<float> H;
  if (Error E = serial::readShaped(Source, Name, "h", H, {NR, 3}))
    return E;
  R.H = unflatten<float, 3>(H);
  std::vector<int32_t> Rows;
  std::vector<double> En;
  if (Error E = serial::readShaped(Source, Name, "acceptor", Rows, {NR, 2}))
    return E;
  R.Acceptor = unflatten<int32_t, 2>(Rows);
  if (Error E =
          serial::readShaped(Source, Name, "acceptor_energy", En, {NR, 2}))
    return E;
  R.AcceptorEnergy = unflatten<double, 2>(En);
  if (Error E = serial::readShaped(Source, Name, "donor", Rows, {NR, 2}))
    return E;
  R.Donor = unflatten<int32_t, 2>(Rows);
  if (Error E = serial::readShaped(Source, Name, "donor_energy", En, {NR, 2}))
    return E;
  R.DonorEnergy = unflatten<double, 2>(En);

  const std::vector<uint8_t> Candidate = dsspCandidates(S);
  // Rows of each state: ascending candidate residues, numbers starting at 1
  // or 2 and rising by 1 or 2, known break kinds, partners in the same
  // state, slots filled best first with energies in [-9.9, 0).
  for (size_t St = 0; St < K; ++St)
    for (uint32_t Row = R.rowBegin(St); Row < R.rowEnd(St); ++Row) {
      bool First = Row == R.rowBegin(St);
      if (R.Residue[Row] >= S.numResidues() || !Candidate[R.Residue[Row]] ||
          (!First && R.Residue[Row] <= R.Residue[Row - 1]))
        return serial::malformed(Name, "row " + Twine(Row) +
                                           " is not an ascending polymer "
                                           "residue");
      int32_t Step = First ? R.Number[Row] : R.Number[Row] - R.Number[Row - 1];
      if (Step != 1 && !(Step == 2 && !First))
        return serial::malformed(Name, "row " + Twine(Row) + " has number " +
                                           Twine(R.Number[Row]));
      if (R.Break[Row] > uint8_t(DsspBreak::NewChain) ||
          (First && R.Break[Row] != uint8_t(DsspBreak::NewChain)))
        return serial::malformed(Name, "row " + Twine(Row) +
                                           " has an unknown break kind");
      for (int C = 0; C < 3; ++C)
        if (!std::isfinite(R.H[Row][C]))
          return serial::malformed(Name,
                                   "row " + Twine(Row) + " has a non-finite H");
      for (auto [P, E] : {std::make_pair(&R.Acceptor, &R.AcceptorEnergy),
                          std::make_pair(&R.Donor, &R.DonorEnergy)})
        for (int Slot = 0; Slot < 2; ++Slot) {
          int32_t Partner = (*P)[Row][Slot];
          double Energy = (*E)[Row][Slot];
          bool Ok = Partner == -1
                        ? Energy == 0 && (Slot == 1 || (*P)[Row][1] == -1)
                        : Partner >= int32_t(R.rowBegin(St)) &&
                              Partner < int32_t(R.rowEnd(St)) &&
                              Partner != int32_t(Row) && Energy < 0 &&
                              Energy >= double(DsspMinHBondEnergy) &&
                              (Slot == 0 || Energy >= (*E)[Row][0]);
          if (!Ok)
            return serial::malformed(Name, "row " + Twine(Row) +
                                               " has an invalid H-bond "
                                               "partner slot");
        }
    }
  return R;
}

Error HBondsAnalysis::write(ResultSink &Sink, const Result &R) {
  return writeHBondArrays(Sink, R);
}

Expected<HBonds> HBondsAnalysis::read(ResultSource &Source,
                                      const Structure &S) {
  return readHBondArrays(Source, S, AnalysisName);
}
