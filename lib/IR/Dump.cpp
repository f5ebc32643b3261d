//===- Dump.cpp - Stable text views of a Structure ------------------------===//
#include "qir/IR/Dump.h"
#include "qir/IR/Structure.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Format.h"

#include <cmath>

using namespace qir;
using llvm::raw_ostream;
using llvm::StringRef;

namespace {

/// Missing values print as '.'.
void putText(raw_ostream &OS, StringRef S) {
  if (S.empty())
    OS << '.';
  else
    OS << S;
}
void putChar(raw_ostream &OS, char C) {
  if (C)
    OS << C;
  else
    OS << '.';
}
void putSeq(raw_ostream &OS, int32_t V) {
  if (V == NoSeqId)
    OS << '.';
  else
    OS << V;
}
/// Fixed 3 decimals; NaN as '.'. Avoids "-0.000".
void putFixed3(raw_ostream &OS, float V) {
  if (std::isnan(V)) {
    OS << '.';
    return;
  }
  char Buf[32];
  int N = snprintf(Buf, sizeof(Buf), "%.3f", static_cast<double>(V));
  StringRef S(Buf, N);
  if (S == "-0.000")
    S = "0.000";
  OS << S;
}

} // namespace

void qir::printSummary(const Structure &S, raw_ostream &OS) {
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  const Metadata &M = S.metadata();
  llvm::StringSet<> Auth, Label;
  for (size_t C = 0; C < Ch.size(); ++C) {
    Auth.insert(Ch.AuthId[C].str());
    Label.insert(Ch.LabelId[C].str());
  }
  size_t AltAtoms = 0, Hydrogens = 0, Hetero = 0;
  llvm::DenseSet<uint32_t> AltResidues;
  for (size_t A = 0; A < At.size(); ++A) {
    if (At.AltLoc[A]) {
      ++AltAtoms;
      AltResidues.insert(At.Residue[A]);
    }
    Hydrogens += At.AtomicNumber[A] == 1;
    Hetero += At.isHetero(A);
  }
  size_t Waters = 0;
  size_t KindCount[7] = {};
  for (size_t R = 0; R < Res.size(); ++R) {
    Waters += Res.Kind[R] == ResidueKind::Water;
    ++KindCount[static_cast<unsigned>(Res.Kind[R])];
  }
  size_t Present = 0, Missing = 0;
  for (size_t St = 0; St < S.numStates(); ++St)
    for (size_t A = 0; A < At.size(); ++A)
      (S.isPresent(St, A) ? Present : Missing) += 1;

  auto Row = [&](StringRef K) -> raw_ostream & { return OS << K << '\t'; };
  Row("source_format") << M.SourceFormat << '\n';
  Row("id");
  putText(OS, M.Id);
  OS << '\n';
  Row("method");
  putText(OS, M.Method);
  OS << '\n';
  Row("resolution");
  if (M.Resolution)
    OS << llvm::format("%.2f", *M.Resolution);
  else
    OS << '.';
  OS << '\n';
  Row("cell");
  if (M.Cell)
    OS << llvm::format("%.3f %.3f %.3f %.2f %.2f %.2f", M.Cell->A, M.Cell->B,
                       M.Cell->C, M.Cell->Alpha, M.Cell->Beta, M.Cell->Gamma);
  else
    OS << '.';
  OS << '\n';
  Row("space_group");
  putText(OS, M.SpaceGroup);
  OS << '\n';
  Row("models") << S.numStates() << '\n';
  Row("atoms") << At.size() << '\n';
  Row("atom_sites") << Present << '\n';
  // The union topology: atoms some model lacks.
  Row("absent_atom_sites") << Missing << '\n';
  Row("altloc_atoms") << AltAtoms << '\n';
  Row("altloc_residues") << AltResidues.size() << '\n';
  Row("hydrogens") << Hydrogens << '\n';
  Row("hetero_atoms") << Hetero << '\n';
  Row("residues") << Res.size() << '\n';
  Row("waters") << Waters << '\n';
  for (ResidueKind K :
       {ResidueKind::AminoAcid, ResidueKind::RNA, ResidueKind::DNA,
        ResidueKind::Water, ResidueKind::Ion, ResidueKind::Ligand})
    Row(("residues_" + residueKindName(K)).str())
        << KindCount[static_cast<unsigned>(K)] << '\n';
  Row("chains_auth") << Auth.size() << '\n';
  Row("chains_label") << Label.size() << '\n';
  Row("chain_rows") << Ch.size() << '\n';
  Row("entities") << S.entities().size() << '\n';
  const BondTable &B = S.bonds();
  size_t ByOrigin[NumBondOrigins] = {};
  for (size_t I = 0; I < B.size(); ++I)
    ++ByOrigin[static_cast<unsigned>(B.Origin[I])];
  Row("bonds") << B.size() << '\n';
  for (unsigned O = 0; O < NumBondOrigins; ++O)
    Row(("bonds_" + bondOriginName(static_cast<BondOrigin>(O))).str())
        << ByOrigin[O] << '\n';
  Row("extra_columns");
  const ExtraColumns &X = S.extraColumns();
  if (X.Names.empty())
    OS << '.';
  for (size_t I = 0; I < X.Names.size(); ++I)
    OS << (I ? "," : "") << X.Names[I];
  OS << '\n';
}

static void printAtoms(const Structure &S, std::optional<int32_t> Model,
                       raw_ostream &OS) {
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  OS << "model\tchain\tlabel_asym\tseq\ticode\tlabel_seq\tresname\tatom\t"
        "element\taltloc\tx\ty\tz\toccupancy\tb_iso\tcharge\thetero\tserial\n";
  for (size_t St = 0; St < S.numStates(); ++St) {
    int32_t ModelNo = S.states().ModelNumber[St];
    if (Model && *Model != ModelNo)
      continue;
    for (uint32_t A : S.siteOrder(St)) {
      uint32_t R = At.Residue[A], C = Res.Chain[R];
      OS << ModelNo << '\t';
      putText(OS, Ch.AuthId[C].str());
      OS << '\t';
      putText(OS, Ch.LabelId[C].str());
      OS << '\t';
      putSeq(OS, Res.AuthSeq[R]);
      OS << '\t';
      putChar(OS, Res.ICode[R]);
      OS << '\t';
      putSeq(OS, Res.LabelSeq[R]);
      OS << '\t';
      putText(OS, Res.Name[R].str());
      OS << '\t';
      putText(OS, At.Name[A].str());
      OS << '\t';
      putText(OS, At.Element[A].str());
      OS << '\t';
      putChar(OS, At.AltLoc[A]);
      OS << '\t';
      auto P = S.position(St, A);
      putFixed3(OS, P[0]);
      OS << '\t';
      putFixed3(OS, P[1]);
      OS << '\t';
      putFixed3(OS, P[2]);
      OS << '\t';
      putFixed3(OS, S.occupancy(St, A));
      OS << '\t';
      putFixed3(OS, S.bIso(St, A));
      OS << '\t';
      if (At.Charge[A] == NoCharge)
        OS << '.';
      else
        OS << static_cast<int>(At.Charge[A]);
      OS << '\t' << (At.isHetero(A) ? 1 : 0) << '\t' << S.serial(St, A) << '\n';
    }
  }
}

static void printResidues(const Structure &S, raw_ostream &OS) {
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  OS << "chain\tlabel_asym\tentity\tseq\ticode\tlabel_seq\tresname\tkind\t"
        "atoms\n";
  for (size_t R = 0; R < Res.size(); ++R) {
    uint32_t C = Res.Chain[R];
    putText(OS, Ch.AuthId[C].str());
    OS << '\t';
    putText(OS, Ch.LabelId[C].str());
    OS << '\t';
    if (Ch.Entity[C] == NoIndex)
      OS << '.';
    else
      putText(OS, S.entities().Id[Ch.Entity[C]]);
    OS << '\t';
    putSeq(OS, Res.AuthSeq[R]);
    OS << '\t';
    putChar(OS, Res.ICode[R]);
    OS << '\t';
    putSeq(OS, Res.LabelSeq[R]);
    OS << '\t';
    putText(OS, Res.Name[R].str());
    OS << '\t' << residueKindName(Res.Kind[R]) << '\t'
       << Res.AtomEnd[R] - Res.AtomBegin[R] << '\n';
  }
}

static void printChains(const Structure &S, raw_ostream &OS) {
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  OS << "chain\tlabel_asym\tentity\tresidues\tatoms\n";
  for (size_t C = 0; C < Ch.size(); ++C) {
    putText(OS, Ch.AuthId[C].str());
    OS << '\t';
    putText(OS, Ch.LabelId[C].str());
    OS << '\t';
    if (Ch.Entity[C] == NoIndex)
      OS << '.';
    else
      putText(OS, S.entities().Id[Ch.Entity[C]]);
    uint32_t RB = Ch.ResidueBegin[C], RE = Ch.ResidueEnd[C];
    uint32_t Atoms = RB == RE ? 0 : Res.AtomEnd[RE - 1] - Res.AtomBegin[RB];
    OS << '\t' << RE - RB << '\t' << Atoms << '\n';
  }
}

static void printEntities(const Structure &S, raw_ostream &OS) {
  const EntityTable &E = S.entities();
  const ChainTable &Ch = S.chains();
  OS << "id\ttype\tpolymer_type\tchains\tsequence\tdescription\n";
  for (size_t I = 0; I < E.size(); ++I) {
    llvm::SmallString<32> Chains;
    for (size_t C = 0; C < Ch.size(); ++C)
      if (Ch.Entity[C] == I) {
        if (!Chains.empty())
          Chains += ',';
        Chains += Ch.LabelId[C].str();
      }
    putText(OS, E.Id[I]);
    OS << '\t' << entityTypeName(E.Type[I]) << '\t'
       << polymerTypeName(E.Polymer[I]) << '\t';
    putText(OS, Chains);
    OS << '\t';
    putText(OS, E.Sequence[I]);
    OS << '\t';
    // Descriptions may hold tabs or newlines: keep the TSV one row.
    std::string D = E.Description[I];
    for (char &Ch : D)
      if (Ch == '\t' || Ch == '\n' || Ch == '\r')
        Ch = ' ';
    putText(OS, D);
    OS << '\n';
  }
}

static void printBonds(const Structure &S, raw_ostream &OS) {
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  const BondTable &B = S.bonds();
  OS << "chain_1\tseq_1\ticode_1\tresname_1\tatom_1\taltloc_1\tchain_2\tseq_2\t"
        "icode_2\tresname_2\tatom_2\taltloc_2\torder\torigin\tdistance\n";
  auto End = [&](uint32_t A) {
    uint32_t R = At.Residue[A];
    putText(OS, Ch.AuthId[Res.Chain[R]].str());
    OS << '\t';
    putSeq(OS, Res.AuthSeq[R]);
    OS << '\t';
    putChar(OS, Res.ICode[R]);
    OS << '\t';
    putText(OS, Res.Name[R].str());
    OS << '\t';
    putText(OS, At.Name[A].str());
    OS << '\t';
    putChar(OS, At.AltLoc[A]);
    OS << '\t';
  };
  for (size_t I = 0; I < B.size(); ++I) {
    End(B.A[I]);
    End(B.B[I]);
    OS << bondOrderName(B.Order[I]) << '\t' << bondOriginName(B.Origin[I])
       << '\t';
    // Distance in the first state holding both atoms.
    float D = std::nanf("");
    for (size_t St = 0; St < S.numStates(); ++St)
      if (S.isPresent(St, B.A[I]) && S.isPresent(St, B.B[I])) {
        auto P = S.position(St, B.A[I]), Q = S.position(St, B.B[I]);
        D = std::sqrt((P[0] - Q[0]) * (P[0] - Q[0]) +
                      (P[1] - Q[1]) * (P[1] - Q[1]) +
                      (P[2] - Q[2]) * (P[2] - Q[2]));
        break;
      }
    putFixed3(OS, D);
    OS << '\n';
  }
}

void qir::printTable(const Structure &S, DumpTable T,
                     std::optional<int32_t> Model, raw_ostream &OS) {
  switch (T) {
  case DumpTable::Atoms:
    return printAtoms(S, Model, OS);
  case DumpTable::Residues:
    return printResidues(S, OS);
  case DumpTable::Chains:
    return printChains(S, OS);
  case DumpTable::Entities:
    return printEntities(S, OS);
  case DumpTable::Bonds:
    return printBonds(S, OS);
  }
}
