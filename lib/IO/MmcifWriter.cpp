//===- MmcifWriter.cpp - IR to mmCIF --------------------------------------===//
//
// Writes one data block: entry, cell, symmetry, exptl, refine, entity,
// entity_poly, struct_conn (bonds of StructConn origin), atom_site (every
// state as pdbx_PDB_model_num, with the extra _atom_site columns the reader
// kept) and atom_site_anisotrop.
//
// Numbers are written in the shortest form that reads back to the same
// float (coordinates try three decimals first), so mmCIF -> IR -> mmCIF ->
// IR is exact. label_atom_id/label_comp_id are written equal to the auth
// names the IR keeps (they are equal in wwPDB files).
//
//===----------------------------------------------------------------------===//
#include "qir/IO/Writer.h"
#include "qir/Support/Element.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace qir;
using namespace llvm;

namespace {

/// Quote a CIF value when a bare token would not read back as itself.
void putValue(raw_ostream &OS, StringRef V) {
  bool Bare = !V.empty();
  if (Bare) {
    char C = V[0];
    if (C == '_' || C == '#' || C == '$' || C == '\'' || C == '"' || C == ';' ||
        C == '[' || C == ']')
      Bare = false;
    if (V == "?" || V == ".")
      Bare = false;
    if (V.starts_with_insensitive("data_") ||
        V.starts_with_insensitive("save_") || V.equals_insensitive("loop_") ||
        V.equals_insensitive("stop_") || V.equals_insensitive("global_"))
      Bare = false;
    for (char Ch : V)
      if (isSpace(Ch)) {
        Bare = false;
        break;
      }
  }
  if (Bare) {
    OS << V;
    return;
  }
  if (V.contains('\n')) {
    OS << "\n;" << V << "\n;\n";
    return;
  }
  // A quote closes a value only when followed by whitespace.
  bool Single = V.find("' ") == StringRef::npos && !V.ends_with("'");
  bool Double = V.find("\" ") == StringRef::npos && !V.ends_with("\"");
  if (Single)
    OS << '\'' << V << '\'';
  else if (Double)
    OS << '"' << V << '"';
  else
    OS << "\n;" << V << "\n;\n";
}

/// A null-aware value: '?' when empty.
void putOrUnknown(raw_ostream &OS, StringRef V) {
  if (V.empty())
    OS << '?';
  else
    putValue(OS, V);
}

/// Shortest text that strtof reads back as \p V; tries "%.<Pref>f" first.
void putFloat(raw_ostream &OS, float V, int Pref) {
  if (std::isnan(V)) {
    OS << '?';
    return;
  }
  char Buf[48];
  int N = snprintf(Buf, sizeof(Buf), "%.*f", Pref, static_cast<double>(V));
  if (strtof(Buf, nullptr) != V) {
    for (int P = 1; P <= 9; ++P) {
      N = snprintf(Buf, sizeof(Buf), "%.*g", P, static_cast<double>(V));
      if (strtof(Buf, nullptr) == V)
        break;
    }
  }
  OS << StringRef(Buf, N);
}

void putSeq(raw_ostream &OS, int32_t V, char Null) {
  if (V == NoSeqId)
    OS << Null;
  else
    OS << V;
}

void writeHeader(const Structure &S, raw_ostream &OS) {
  const Metadata &M = S.metadata();
  std::string Id = M.Id.empty() ? "qir" : M.Id;
  for (char &C : Id)
    if (isSpace(C))
      C = '_';
  OS << "data_" << Id << "\n#\n_entry.id ";
  putValue(OS, Id);
  OS << "\n#\n";
  if (M.Cell) {
    OS << "_cell.length_a " << M.Cell->A << "\n_cell.length_b " << M.Cell->B
       << "\n_cell.length_c " << M.Cell->C << "\n_cell.angle_alpha "
       << M.Cell->Alpha << "\n_cell.angle_beta " << M.Cell->Beta
       << "\n_cell.angle_gamma " << M.Cell->Gamma << "\n#\n";
  }
  if (!M.SpaceGroup.empty()) {
    OS << "_symmetry.space_group_name_H-M ";
    putValue(OS, M.SpaceGroup);
    OS << "\n#\n";
  }
  if (!M.Method.empty()) {
    SmallVector<StringRef, 2> Methods;
    StringRef(M.Method).split(Methods, "; ");
    OS << "loop_\n_exptl.entry_id\n_exptl.method\n";
    for (StringRef Method : Methods) {
      putValue(OS, Id);
      OS << ' ';
      putValue(OS, Method);
      OS << '\n';
    }
    OS << "#\n";
  }
  if (M.Resolution) {
    OS << "_refine.entry_id ";
    putValue(OS, Id);
    OS << "\n_refine.ls_d_res_high ";
    putFloat(OS, static_cast<float>(*M.Resolution), 2);
    OS << "\n#\n";
  }
}

void writeEntities(const Structure &S, raw_ostream &OS) {
  const EntityTable &E = S.entities();
  if (E.size() == 0)
    return;
  OS << "loop_\n_entity.id\n_entity.type\n_entity.pdbx_description\n";
  for (size_t I = 0; I < E.size(); ++I) {
    putOrUnknown(OS, E.Id[I]);
    OS << ' ';
    if (E.Type[I] == EntityType::Unknown)
      OS << '?';
    else
      putValue(OS, entityTypeName(E.Type[I]));
    OS << ' ';
    putOrUnknown(OS, E.Description[I]);
    OS << '\n';
  }
  OS << "#\n";
  bool AnyPoly = false;
  for (size_t I = 0; I < E.size(); ++I)
    AnyPoly |= E.Polymer[I] != PolymerType::None;
  if (!AnyPoly)
    return;
  OS << "loop_\n_entity_poly.entity_id\n_entity_poly.type\n"
        "_entity_poly.pdbx_seq_one_letter_code_can\n";
  for (size_t I = 0; I < E.size(); ++I) {
    if (E.Polymer[I] == PolymerType::None)
      continue;
    putOrUnknown(OS, E.Id[I]);
    OS << ' ';
    putValue(OS, polymerTypeName(E.Polymer[I]));
    OS << ' ';
    putOrUnknown(OS, E.Sequence[I]);
    OS << '\n';
  }
  OS << "#\n";
}

void writeStructConn(const Structure &S, raw_ostream &OS) {
  const BondTable &B = S.bonds();
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  bool Any = false;
  unsigned N = 0;
  for (size_t I = 0; I < B.size(); ++I) {
    if (B.Origin[I] != BondOrigin::StructConn)
      continue;
    if (!Any) {
      OS << "loop_\n_struct_conn.id\n_struct_conn.conn_type_id\n";
      for (const char *P : {"1", "2"})
        OS << "_struct_conn.ptnr" << P << "_auth_asym_id\n_struct_conn.ptnr"
           << P << "_auth_seq_id\n_struct_conn.pdbx_ptnr" << P
           << "_PDB_ins_code\n_struct_conn.ptnr" << P
           << "_auth_comp_id\n_struct_conn.ptnr" << P
           << "_label_atom_id\n_struct_conn.pdbx_ptnr" << P
           << "_label_alt_id\n";
      Any = true;
    }
    uint32_t A = B.A[I], C = B.B[I];
    bool Metal = false;
    for (uint32_t X : {A, C})
      Metal |= isMetal(At.AtomicNumber[X]);
    bool Disulf = At.Name[A] == "SG" && At.Name[C] == "SG";
    const char *Type = Disulf ? "disulf" : Metal ? "metalc" : "covale";
    OS << Type << ++N << ' ' << Type;
    for (uint32_t X : {A, C}) {
      uint32_t R = At.Residue[X];
      OS << ' ';
      putOrUnknown(OS, Ch.AuthId[Res.Chain[R]].str());
      OS << ' ';
      putSeq(OS, Res.AuthSeq[R], '?');
      OS << ' ';
      if (Res.ICode[R])
        putValue(OS, StringRef(&Res.ICode[R], 1));
      else
        OS << '?';
      OS << ' ';
      putOrUnknown(OS, Res.Name[R].str());
      OS << ' ';
      putOrUnknown(OS, At.Name[X].str());
      OS << ' ';
      if (At.AltLoc[X])
        putValue(OS, StringRef(&At.AltLoc[X], 1));
      else
        OS << '?';
    }
    OS << '\n';
  }
  if (Any)
    OS << "#\n";
}

void writeAtomSite(const Structure &S, raw_ostream &OS) {
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  const ExtraColumns &X = S.extraColumns();
  SmallVector<unsigned, 8> Extras;
  for (unsigned C = 0; C < X.size(); ++C)
    if (StringRef(X.Names[C]).starts_with("_atom_site."))
      Extras.push_back(C);
  OS << "loop_\n";
  for (const char *Item : {"group_PDB",         "id",
                           "type_symbol",       "label_atom_id",
                           "label_alt_id",      "label_comp_id",
                           "label_asym_id",     "label_entity_id",
                           "label_seq_id",      "pdbx_PDB_ins_code",
                           "Cartn_x",           "Cartn_y",
                           "Cartn_z",           "occupancy",
                           "B_iso_or_equiv",    "pdbx_formal_charge",
                           "auth_seq_id",       "auth_comp_id",
                           "auth_asym_id",      "auth_atom_id",
                           "pdbx_PDB_model_num"})
    OS << "_atom_site." << Item << '\n';
  for (unsigned C : Extras)
    OS << X.Names[C] << '\n';
  size_t N = At.size();
  for (size_t St = 0; St < S.numStates(); ++St) {
    int32_t Model = S.states().ModelNumber[St];
    for (uint32_t A : S.siteOrder(St)) {
      uint32_t R = At.Residue[A], C = Res.Chain[R];
      StringRef Name = At.Name[A].str(), Comp = Res.Name[R].str();
      OS << (At.isHetero(A) ? "HETATM " : "ATOM ") << S.serial(St, A) << ' ';
      putOrUnknown(OS, At.Element[A].str());
      OS << ' ';
      putOrUnknown(OS, Name);
      OS << ' ';
      if (At.AltLoc[A])
        putValue(OS, StringRef(&At.AltLoc[A], 1));
      else
        OS << '.';
      OS << ' ';
      putOrUnknown(OS, Comp);
      OS << ' ';
      putOrUnknown(OS, Ch.LabelId[C].str());
      OS << ' ';
      if (Ch.Entity[C] == NoIndex)
        OS << '?';
      else
        putOrUnknown(OS, S.entities().Id[Ch.Entity[C]]);
      OS << ' ';
      putSeq(OS, Res.LabelSeq[R], '.');
      OS << ' ';
      if (Res.ICode[R])
        putValue(OS, StringRef(&Res.ICode[R], 1));
      else
        OS << '?';
      auto P = S.position(St, A);
      for (float V : P) {
        OS << ' ';
        putFloat(OS, V, 3);
      }
      OS << ' ';
      putFloat(OS, S.occupancy(St, A), 2);
      OS << ' ';
      putFloat(OS, S.bIso(St, A), 2);
      OS << ' ';
      if (At.Charge[A] == NoCharge)
        OS << '?';
      else
        OS << static_cast<int>(At.Charge[A]);
      OS << ' ';
      putSeq(OS, Res.AuthSeq[R], '?');
      OS << ' ';
      putOrUnknown(OS, Comp);
      OS << ' ';
      putOrUnknown(OS, Ch.AuthId[C].str());
      OS << ' ';
      putOrUnknown(OS, Name);
      OS << ' ' << Model;
      for (unsigned Col : Extras) {
        StringRef V = X.Values[Col][St * N + A];
        OS << ' ';
        // Nulls were kept as written ('?' or '.'), everything else quoted
        // as needed.
        if (V == "?" || V == ".")
          OS << V;
        else
          putOrUnknown(OS, V);
      }
      OS << '\n';
    }
  }
  OS << "#\n";
}

void writeAniso(const Structure &S, raw_ostream &OS) {
  const AtomTable &At = S.atoms();
  if (At.AnisoU.empty())
    return;
  bool Any = false;
  for (size_t A = 0; A < At.size(); ++A) {
    if (!At.hasAniso(A))
      continue;
    if (!Any) {
      OS << "loop_\n_atom_site_anisotrop.id\n_atom_site_anisotrop.U[1][1]\n"
            "_atom_site_anisotrop.U[2][2]\n_atom_site_anisotrop.U[3][3]\n"
            "_atom_site_anisotrop.U[1][2]\n_atom_site_anisotrop.U[1][3]\n"
            "_atom_site_anisotrop.U[2][3]\n";
      Any = true;
    }
    OS << At.Serial[A];
    for (float U : At.AnisoU[A]) {
      OS << ' ';
      putFloat(OS, U, 4);
    }
    OS << '\n';
  }
  if (Any)
    OS << "#\n";
}

} // namespace

Error qir::io::writeMmcif(const Structure &S, raw_ostream &OS) {
  writeHeader(S, OS);
  writeEntities(S, OS);
  writeStructConn(S, OS);
  writeAtomSite(S, OS);
  writeAniso(S, OS);
  return Error::success();
}
