//===- DsspMmcifWriter.cpp - DSSP as annotated mmCIF ----------------------===//
//
// mkdssp 4.2.2's mmCIF output (its annotateDSSP), category by category,
// onto a copy of the input block. What each category holds:
//
//   struct_conf_type, struct_conf  emptied (columns kept) and refilled: one
//       element per run of rows with one secondary structure code (runs do
//       not stop at chain ends, as mkdssp's), loops only with WriteOther;
//       conf_type_id HELX_RH_3T_P (G), HELX_RH_AL_P (H), HELX_RH_PI_P (I),
//       HELX_LH_PP_P (P), TURN_TY1_P (T), BEND (S), STRN (E and B), OTHER
//       (loop); id the type and a counter per type; begin and end residues
//       by label and auth ids. A category left without rows is dropped.
//   software  one row added: name, classification "model annotation",
//       version, date, pdbx_ordinal the first free number from rows + 1.
//
// With WriteExperimental, before those (in mkdssp's order):
//
//   dssp_struct_bridge_pairs  one row per DSSP residue with its two
//       N-H-->O partners ("acceptor_1/2") and O-->H-N partners
//       ("donor_1/2") and their energies.
//   struct_sheet, struct_sheet_order, struct_sheet_range,
//   struct_sheet_hbond, pdbx_struct_sheet_hbond  dropped and written anew
//       from DSSP's strands. A strand is a run of E rows whose (asym, sheet)
//       key maps to the same sheet index; sheet indices number the keys in
//       order of first appearance. mkdssp looks a key up with std::map's
//       operator[] even when it is new (which enters it with index 0), and
//       this writer does the same so that its sheets, orders and ranges are
//       mkdssp's. Strands are sorted by sheet, then first row; a strand's
//       range id is its place in its sheet. Two strands of one sheet and
//       chain are in order (sense parallel or anti-parallel) when a row of
//       one has a bridge partner in the other; the hbond rows give the
//       first and last registered H bonds of the pair by mkdssp's four
//       patterns (atoms N and O).
//   dssp_struct_ladder  per ladder label, its first and last residue pair.
//   dssp_statistics, dssp_statistics_hbond, dssp_statistics_histogram  the
//       legacy header's numbers (the first histogram row is typed
//       "parallel_bridges_per_ladder" although it holds residues per alpha
//       helix, as mkdssp writes it).
//   dssp_struct_summary  the legacy residue columns, one row per residue
//       ("accesssibility" spelled as mkdssp spells it).
//
// Values are written as libcifpp formats them: integers plainly, numbers
// with a precision as printf %.Nf, others as %g, an empty value as '?'.
// Loops are written with aligned columns; a category of one row as
// key-value pairs. Categories not touched are copied as they are in the
// input text, in its order; new ones follow the input's last category.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/DsspWriter.h"

#include "qir/IO/Writer.h"
#include "qir/IR/Structure.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <tuple>

using namespace qir;
using namespace llvm;

namespace {

/// An empty value is '?', "." stays inapplicable, anything else is quoted
/// as CIF needs.
std::string tok(StringRef V) { return V == "." ? "." : io::cifValue(V); }
std::string tok(int64_t V) { return std::to_string(V); }
/// printf %.Nf.
std::string fixed(double V, int Decimals) {
  char Buf[64];
  std::snprintf(Buf, sizeof(Buf), "%.*f", Decimals, V);
  return Buf;
}
/// printf %g.
std::string general(double V) {
  char Buf[64];
  std::snprintf(Buf, sizeof(Buf), "%g", V);
  return Buf;
}

/// libcifpp's cif_id_for_number: A..Z, then AA..ZZ, then AAA.., then
/// L<number> from 26^3 on.
std::string cifId(int N) {
  if (N >= 26 * 26 * 26)
    return "L" + std::to_string(N);
  std::string Out;
  if (N >= 26 * 26) {
    Out += char('A' - 1 + N / (26 * 26));
    N %= 26 * 26;
  }
  if (N >= 26) {
    Out += char('A' - 1 + N / 26);
    N %= 26;
  }
  Out += char('A' + N);
  return Out;
}

/// A category as it will be written: items, and rows of CIF tokens.
struct OutCat {
  std::string Name;
  std::vector<std::string> Items;
  std::vector<std::vector<std::string>> Rows;

  explicit OutCat(StringRef Name) : Name(Name.str()) {}

  /// The input category's items (and rows, with \p KeepRows), as written.
  static OutCat copyOf(const io::CifCategory &C, bool KeepRows) {
    OutCat O(C.Name);
    O.Items = C.Items;
    if (KeepRows)
      for (size_t R = 0; R < C.rows(); ++R) {
        O.Rows.emplace_back();
        for (size_t I = 0; I < C.width(); ++I)
          O.Rows.back().push_back(
              io::cifTokenSource(C.Values[R * C.width() + I]).str());
      }
    return O;
  }

  int column(StringRef Item) const {
    for (size_t I = 0; I < Items.size(); ++I)
      if (Item.equals_insensitive(Items[I]))
        return static_cast<int>(I);
    return -1;
  }
  int addColumn(StringRef Item) {
    int C = column(Item);
    if (C >= 0)
      return C;
    Items.push_back(Item.str());
    for (auto &Row : Rows)
      Row.push_back("?");
    return static_cast<int>(Items.size()) - 1;
  }
  /// Append a row of (item, token); items not yet columns become columns
  /// ('?' in the rows before), columns not given are '?'.
  void emplace(ArrayRef<std::pair<StringRef, std::string>> Values) {
    for (const auto &[Item, V] : Values)
      addColumn(Item);
    Rows.emplace_back(Items.size(), "?");
    for (const auto &[Item, V] : Values)
      Rows.back()[column(Item)] = V;
  }
  /// Set (item, token) pairs in the last row.
  void assign(ArrayRef<std::pair<StringRef, std::string>> Values) {
    for (const auto &[Item, V] : Values)
      Rows.back()[addColumn(Item)] = V;
  }
  std::optional<std::string> get(size_t Row, StringRef Item) const {
    int C = column(Item);
    if (C < 0)
      return std::nullopt;
    return Rows[Row][C];
  }

  /// The category's text, ending in a newline; nothing without rows.
  void render(raw_ostream &OS) const {
    if (Rows.empty())
      return;
    auto IsField = [](const std::string &V) { return V[0] == ';'; };
    if (Rows.size() == 1) {
      size_t W = 0;
      for (const std::string &I : Items)
        W = std::max(W, Name.size() + I.size() + 2);
      for (size_t I = 0; I < Items.size(); ++I) {
        std::string Tag = "_" + Name + "." + Items[I];
        OS << Tag;
        if (IsField(Rows[0][I]))
          OS << "\n" << Rows[0][I] << "\n";
        else
          OS.indent(W + 3 - Tag.size()) << Rows[0][I] << "\n";
      }
      return;
    }
    OS << "loop_\n";
    for (const std::string &I : Items)
      OS << "_" << Name << "." << I << "\n";
    std::vector<size_t> W(Items.size(), 0);
    for (const auto &Row : Rows)
      for (size_t I = 0; I < Row.size(); ++I)
        if (!IsField(Row[I]))
          W[I] = std::max(W[I], Row[I].size());
    for (const auto &Row : Rows) {
      bool LineStart = true;
      for (size_t I = 0; I < Row.size(); ++I) {
        if (IsField(Row[I])) {
          if (!LineStart)
            OS << "\n";
          OS << Row[I] << "\n";
          LineStart = true;
          continue;
        }
        if (!LineStart)
          OS << ' ';
        OS << Row[I];
        if (I + 1 < Row.size())
          OS.indent(W[I] - Row[I].size());
        LineStart = false;
      }
      if (!LineStart)
        OS << "\n";
    }
  }
};

/// The facts of a DSSP row mkdssp writes: label and auth ids.
struct RowIds {
  std::string Comp, Asym, AuthAsym, ICode;
  int32_t Seq = NoSeqId, AuthSeq = NoSeqId;
  /// Set when read from pdbx_poly_seq_scheme (pdbx_struct_sheet_hbond).
  std::string AuthComp, SeqText, AuthSeqText;
};

class MmcifAnnotator {
public:
  MmcifAnnotator(const Structure &S, const Dssp &R, const DsspReport &Rep,
                 const io::CifBlock &In, const DsspMmcifOptions &Opts)
      : S(S), R(R), HB(R.HB), Rep(Rep), In(In), Opts(Opts),
        First(HB.rowBegin(Rep.Model)), Last(HB.rowEnd(Rep.Model)) {
    for (uint32_t Row = First; Row < Last; ++Row)
      Ids.push_back(ids(HB.Residue[Row]));
  }

  Error write(raw_ostream &OS);

private:
  RowIds ids(uint32_t Residue) const {
    const ResidueTable &Res = S.residues();
    const ChainTable &Ch = S.chains();
    RowIds I;
    I.Comp = Res.Name[Residue].str().str();
    I.Asym = Ch.LabelId[Res.Chain[Residue]].str().str();
    I.AuthAsym = Ch.AuthId[Res.Chain[Residue]].str().str();
    I.ICode = Res.ICode[Residue] ? std::string(1, Res.ICode[Residue]) : "";
    I.Seq = Res.LabelSeq[Residue];
    I.AuthSeq = Res.AuthSeq[Residue];
    return I;
  }
  const RowIds &id(uint32_t Row) const { return Ids[Row - First]; }
  std::string seqTok(int32_t V) const {
    return V == NoSeqId ? std::string("?") : tok(V);
  }

  void bridgePairs();
  void sheets();
  void ladders();
  void statistics();
  void summary();
  void structConf();
  void software();

  /// The category to write for input category \p Name: the input's
  /// columns, no rows; a new one if the input has none.
  OutCat &replace(StringRef Name, bool KeepRows = false) {
    std::string Key = Name.lower();
    auto It = Out.find(Key);
    if (It != Out.end())
      return It->second;
    const io::CifCategory *C =
        llvm::is_contained(Erased, Key) ? nullptr : In.find(Name);
    OutCat O = C ? OutCat::copyOf(*C, KeepRows) : OutCat(Name);
    if (!C)
      Appended.push_back(Key);
    return Out.emplace(Key, std::move(O)).first->second;
  }
  /// Drop input category \p Name (mkdssp erases it); replace() then makes
  /// a new one.
  void erase(StringRef Name) { Erased.push_back(Name.lower()); }

  const Structure &S;
  const Dssp &R;
  const HBonds &HB;
  const DsspReport &Rep;
  const io::CifBlock &In;
  const DsspMmcifOptions &Opts;
  const uint32_t First, Last;
  std::vector<RowIds> Ids;
  std::map<std::string, OutCat> Out; ///< lower-case name -> new content
  std::vector<std::string> Appended; ///< new categories, in order
  std::vector<std::string> Erased;
};

void MmcifAnnotator::bridgePairs() {
  OutCat &C = replace("dssp_struct_bridge_pairs");
  for (StringRef I : {"id", "label_comp_id", "label_seq_id", "label_asym_id",
                      "auth_seq_id", "auth_asym_id", "pdbx_PDB_ins_code"})
    C.addColumn(I);
  for (StringRef DA : {"acceptor_", "donor_"})
    for (StringRef K : {"1_", "2_"})
      for (StringRef N :
           {"label_comp_id", "label_seq_id", "label_asym_id", "auth_seq_id",
            "auth_asym_id", "pdbx_PDB_ins_code", "energy"})
        C.addColumn((DA + K + N).str());
  int NextId = static_cast<int>(C.Rows.size());
  for (uint32_t Row = First; Row < Last; ++Row) {
    auto Res = [&](StringRef Prefix, uint32_t Other) {
      const RowIds &I = id(Other);
      std::string P = Prefix.str();
      C.assign({{P + "label_comp_id", tok(I.Comp)},
                {P + "label_seq_id", seqTok(I.Seq)},
                {P + "label_asym_id", tok(I.Asym)},
                {P + "auth_seq_id", seqTok(I.AuthSeq)},
                {P + "auth_asym_id", tok(I.AuthAsym)},
                {P + "pdbx_PDB_ins_code", tok(I.ICode)}});
    };
    C.emplace({{"id", tok(++NextId)}});
    Res("", Row);
    for (int K = 0; K < 2; ++K) {
      int32_t A = HB.Acceptor[Row][K], D = HB.Donor[Row][K];
      std::string AP = K ? "acceptor_2_" : "acceptor_1_";
      std::string DP = K ? "donor_2_" : "donor_1_";
      if (A >= 0) {
        Res(AP, uint32_t(A));
        C.assign({{AP + "energy", fixed(HB.AcceptorEnergy[Row][K], 1)}});
      }
      if (D >= 0) {
        Res(DP, uint32_t(D));
        C.assign({{DP + "energy", fixed(HB.DonorEnergy[Row][K], 1)}});
      }
    }
  }
}

void MmcifAnnotator::sheets() {
  for (StringRef Name :
       {"struct_sheet", "struct_sheet_order", "struct_sheet_range",
        "struct_sheet_hbond", "pdbx_struct_sheet_hbond"})
    erase(Name);

  // Strands, and mkdssp's map from (asym, sheet) to sheet index.
  using Key = std::pair<std::string, uint32_t>;
  std::map<Key, int> SheetMap;
  std::vector<std::pair<int, std::vector<uint32_t>>> Strands;
  char SS = ' ';
  for (uint32_t Row = First; Row < Last; ++Row) {
    Key K{id(Row).Asym, R.Sheet[Row]};
    char Iss = R.SS[Row];
    if (Iss == SS && SS == 'E' && SheetMap[K] == Strands.back().first) {
      Strands.back().second.push_back(Row);
      continue;
    }
    SS = Iss;
    if (SS != 'E')
      continue;
    if (!SheetMap.count(K)) {
      int N = static_cast<int>(SheetMap.size());
      SheetMap[K] = N;
    }
    Strands.push_back({SheetMap[K], {Row}});
  }
  std::sort(Strands.begin(), Strands.end(), [](const auto &A, const auto &B) {
    int D = A.first - B.first;
    if (D == 0)
      D = int(A.second.front()) - int(B.second.front());
    return D < 0;
  });

  OutCat &Sheet = replace("struct_sheet");
  int LastSheet = -1;
  for (const auto &[Nr, Strand] : Strands) {
    if (Nr == LastSheet)
      continue;
    int64_t Count = llvm::count_if(
        Strands, [Nr = Nr](const auto &St) { return St.first == Nr; });
    Sheet.emplace({{"id", tok(cifId(Nr))}, {"number_strands", tok(Count)}});
    LastSheet = Nr;
  }

  // mkdssp's strand number of a row within its sheet: the first map entry
  // whose sheet holds a strand with the row decides.
  auto StrandNr = [&](uint32_t Row) {
    for (const auto &[K, ISheet] : SheetMap) {
      int Result = 0;
      for (const auto &[Nr, Strand] : Strands) {
        if (Nr != ISheet)
          continue;
        if (llvm::is_contained(Strand, Row))
          return Result;
        ++Result;
      }
    }
    return -1;
  };

  std::map<std::tuple<int, int, int>, std::pair<uint32_t, bool>> Sense;
  for (uint32_t Row = First; Row < Last; ++Row) {
    if (R.SS[Row] != 'E')
      continue;
    int S1 = StrandNr(Row);
    for (int Sl = 0; Sl < 2; ++Sl) {
      int32_t P = R.BridgePartner[Row][Sl];
      if (P < 0 || id(P).Asym != id(Row).Asym || R.Sheet[P] != R.Sheet[Row] ||
          R.SS[P] != 'E')
        continue;
      int S2 = StrandNr(uint32_t(P));
      if (S2 == S1)
        continue;
      int Sh = SheetMap[Key{id(Row).Asym, R.Sheet[Row]}];
      auto K =
          S1 > S2 ? std::make_tuple(Sh, S2, S1) : std::make_tuple(Sh, S1, S2);
      if (Sense.count(K))
        continue;
      Sense.emplace(
          K, std::make_pair(R.Ladder[Row][Sl], bool(R.Parallel[Row][Sl])));
    }
  }

  OutCat &Order = replace("struct_sheet_order");
  OutCat &HBond = replace("struct_sheet_hbond");
  OutCat &PdbxHBond = replace("pdbx_struct_sheet_hbond");
  auto Bond = [&](uint32_t A, uint32_t B) { return HB.bonded(A, B); };
  auto Partner = [&](uint32_t Row, int Sl) { return R.BridgePartner[Row][Sl]; };
  for (const auto &[K, V] : Sense) {
    const auto [Sh, S1, S2] = K;
    const bool Par = V.second;
    Order.emplace({{"sheet_id", tok(cifId(Sh))},
                   {"range_id_1", tok(S1 + 1)},
                   {"range_id_2", tok(S2 + 1)},
                   {"sense", tok(Par ? "parallel" : "anti-parallel")}});
    std::vector<uint32_t> Strand1, Strand2;
    int Ix = 0;
    for (const auto &[Nr, Strand] : Strands) {
      if (Nr != Sh)
        continue;
      if (Ix == S1) {
        Strand1 = Strand;
      } else if (Ix == S2) {
        Strand2 = Strand;
        break;
      }
      ++Ix;
    }
    int32_t Beg1 = 0, Beg2 = 0, End1 = 0, End2 = 0;
    std::string Beg1Atom, Beg2Atom, End1Atom, End2Atom;
    // For each row B of strand 1 in turn: its first bridge partner E in
    // strand 2 decides (a, c: B's neighbours; d, f: E's, in the row list),
    // and the search stops at the first B that sets the ends.
    auto Search = [&](bool Forward, auto &&Test) {
      for (uint32_t B : Strand1) {
        for (int Sl = 0; Sl < 2; ++Sl) {
          int32_t E = Partner(B, Sl);
          if (E < 0 || !llvm::is_contained(Strand2, uint32_t(E)))
            continue;
          uint32_t A = Forward ? B - 1 : B + 1, C = Forward ? B + 1 : B - 1;
          uint32_t D = Forward ? E - 1 : E + 1, F = Forward ? E + 1 : E - 1;
          Test(B, uint32_t(E), A, C, D, F);
          break;
        }
        if (Forward ? Beg1 : End1)
          break;
      }
    };
    if (Par) {
      Search(true, [&](uint32_t B, uint32_t E, uint32_t A, uint32_t C,
                       uint32_t D, uint32_t F) {
        if (Bond(E, A) && Bond(C, E)) {
          Beg1 = id(A).Seq, Beg2 = id(E).Seq, Beg1Atom = "O", Beg2Atom = "N";
        } else if (Bond(B, D) && Bond(F, B)) {
          Beg1 = id(B).Seq, Beg2 = id(D).Seq, Beg1Atom = "N", Beg2Atom = "O";
        }
      });
      std::reverse(Strand1.begin(), Strand1.end());
      std::reverse(Strand2.begin(), Strand2.end());
      Search(false, [&](uint32_t B, uint32_t E, uint32_t A, uint32_t C,
                        uint32_t D, uint32_t F) {
        if (Bond(A, E) && Bond(E, C)) {
          End1 = id(A).Seq, End2 = id(E).Seq, End1Atom = "N", End2Atom = "O";
        } else if (Bond(D, B) && Bond(B, F)) {
          End1 = id(B).Seq, End2 = id(D).Seq, End1Atom = "O", End2Atom = "N";
        }
      });
    } else {
      std::reverse(Strand2.begin(), Strand2.end());
      Search(true, [&](uint32_t B, uint32_t E, uint32_t A, uint32_t C,
                       uint32_t D, uint32_t F) {
        if (Bond(F, A) && Bond(C, D)) {
          Beg1 = id(A).Seq, Beg2 = id(F).Seq, Beg1Atom = "O", Beg2Atom = "N";
        } else if (Bond(B, E) && Bond(E, B)) {
          Beg1 = id(B).Seq, Beg2 = id(E).Seq, Beg1Atom = "N", Beg2Atom = "O";
        }
      });
      std::reverse(Strand1.begin(), Strand1.end());
      std::reverse(Strand2.begin(), Strand2.end());
      Search(false, [&](uint32_t B, uint32_t E, uint32_t A, uint32_t C,
                        uint32_t D, uint32_t F) {
        if (Bond(A, F) && Bond(D, C)) {
          End1 = id(A).Seq, End2 = id(F).Seq, End1Atom = "N", End2Atom = "O";
        } else if (Bond(B, E) && Bond(E, B)) {
          End1 = id(B).Seq, End2 = id(E).Seq, End1Atom = "N", End2Atom = "O";
        }
      });
    }
    HBond.emplace({{"sheet_id", tok(cifId(Sh))},
                   {"range_id_1", tok(S1 + 1)},
                   {"range_id_2", tok(S2 + 1)},
                   {"range_1_beg_label_seq_id", tok(Beg1)},
                   {"range_1_beg_label_atom_id", tok(Beg1Atom)},
                   {"range_2_beg_label_seq_id", tok(Beg2)},
                   {"range_2_beg_label_atom_id", tok(Beg2Atom)},
                   {"range_1_end_label_seq_id", tok(End1)},
                   {"range_1_end_label_atom_id", tok(End1Atom)},
                   {"range_2_end_label_seq_id", tok(End2)},
                   {"range_2_end_label_atom_id", tok(End2Atom)}});

    // The residue with this label_asym_id and label_seq_id: the input's
    // pdbx_poly_seq_scheme row, as mkdssp looks it up, else the polymer
    // residue of the IR.
    const io::CifCategory *Scheme = In.find("pdbx_poly_seq_scheme");
    auto Lookup = [&](StringRef Asym, int32_t Seq) -> std::optional<RowIds> {
      if (Scheme) {
        std::string SeqText = std::to_string(Seq);
        for (size_t Rw = 0; Rw < Scheme->rows(); ++Rw) {
          if (Scheme->str(Rw, "asym_id") != Asym ||
              Scheme->str(Rw, "seq_id") != SeqText)
            continue;
          RowIds I;
          I.Comp = Scheme->str(Rw, "mon_id").str();
          I.Asym = Scheme->str(Rw, "asym_id").str();
          I.SeqText = Scheme->str(Rw, "seq_id").str();
          I.ICode = Scheme->str(Rw, "pdb_ins_code").str();
          I.AuthComp = Scheme->str(Rw, "auth_mon_id").str();
          I.AuthAsym = Scheme->str(Rw, "pdb_strand_id").str();
          I.AuthSeqText = Scheme->str(Rw, "auth_seq_num").str();
          return I;
        }
        return std::nullopt;
      }
      const ResidueTable &Res = S.residues();
      const ChainTable &Ch = S.chains();
      for (uint32_t C = 0; C < S.numChains(); ++C) {
        if (Ch.LabelId[C] != Asym)
          continue;
        for (uint32_t Rs = Ch.ResidueBegin[C]; Rs < Ch.ResidueEnd[C]; ++Rs)
          if (Res.LabelSeq[Rs] == Seq) {
            RowIds I = ids(Rs);
            I.AuthComp = I.Comp;
            I.SeqText = std::to_string(I.Seq);
            I.AuthSeqText = std::to_string(I.AuthSeq);
            return I;
          }
      }
      return std::nullopt;
    };
    std::string Asym1 = id(Strand1.front()).Asym;
    std::string Asym2 = id(Strand2.front()).Asym;
    auto B1 = Lookup(Asym1, Beg1), E1 = Lookup(Asym1, End1);
    auto B2 = Lookup(Asym2, Beg2), E2 = Lookup(Asym2, End2);
    if (!(B1 && E1 && B2 && E2))
      continue;
    const RowIds &I1 = *B1, &I2 = *B2;
    PdbxHBond.emplace({{"sheet_id", tok(cifId(Sh))},
                       {"range_id_1", tok(S1 + 1)},
                       {"range_id_2", tok(S2 + 1)},
                       {"range_1_label_atom_id", tok(Beg1Atom)},
                       {"range_1_label_comp_id", tok(I1.Comp)},
                       {"range_1_label_asym_id", tok(I1.Asym)},
                       {"range_1_label_seq_id", tok(I1.SeqText)},
                       {"range_1_PDB_ins_code", tok(I1.ICode)},
                       {"range_1_auth_atom_id", tok(Beg1Atom)},
                       {"range_1_auth_comp_id", tok(I1.AuthComp)},
                       {"range_1_auth_asym_id", tok(I1.AuthAsym)},
                       {"range_1_auth_seq_id", tok(I1.AuthSeqText)},
                       {"range_2_label_atom_id", tok(Beg2Atom)},
                       {"range_2_label_comp_id", tok(I2.Comp)},
                       {"range_2_label_asym_id", tok(I2.Asym)},
                       {"range_2_label_seq_id", tok(I2.SeqText)},
                       {"range_2_PDB_ins_code", tok(I2.ICode)},
                       {"range_2_auth_atom_id", tok(Beg2Atom)},
                       {"range_2_auth_comp_id", tok(I2.AuthComp)},
                       {"range_2_auth_asym_id", tok(I2.AuthAsym)},
                       {"range_2_auth_seq_id", tok(I2.AuthSeqText)}});
  }

  // Ranges, per map entry. Where two entries name one sheet (the
  // operator[] case above) mkdssp writes its ranges twice and then fails
  // on the duplicate key; the second copy is left out here.
  OutCat &Range = replace("struct_sheet_range");
  std::set<std::pair<int, int>> Written;
  for (const auto &[K, ISheet] : SheetMap)
    for (auto &[Nr, Strand] : Strands) {
      if (Nr != ISheet)
        continue;
      llvm::sort(Strand, [&](uint32_t A, uint32_t B) {
        return HB.Number[A] < HB.Number[B];
      });
      const int RangeId = StrandNr(Strand.front()) + 1;
      if (!Written.insert({Nr, RangeId}).second)
        continue;
      const RowIds &B = id(Strand.front()), &E = id(Strand.back());
      Range.emplace({{"sheet_id", tok(cifId(Nr))},
                     {"id", tok(RangeId)},
                     {"beg_label_comp_id", tok(B.Comp)},
                     {"beg_label_asym_id", tok(B.Asym)},
                     {"beg_label_seq_id", seqTok(B.Seq)},
                     {"pdbx_beg_PDB_ins_code", tok(B.ICode)},
                     {"end_label_comp_id", tok(E.Comp)},
                     {"end_label_asym_id", tok(E.Asym)},
                     {"end_label_seq_id", seqTok(E.Seq)},
                     {"pdbx_end_PDB_ins_code", tok(E.ICode)},
                     {"beg_auth_comp_id", tok(B.Comp)},
                     {"beg_auth_asym_id", tok(B.AuthAsym)},
                     {"beg_auth_seq_id", seqTok(B.AuthSeq)},
                     {"end_auth_comp_id", tok(E.Comp)},
                     {"end_auth_asym_id", tok(E.AuthAsym)},
                     {"end_auth_seq_id", seqTok(E.AuthSeq)}});
    }
}

void MmcifAnnotator::ladders() {
  struct Ladder {
    std::string Label;
    bool Parallel;
    std::vector<std::pair<uint32_t, uint32_t>> Pairs;
  };
  std::vector<Ladder> Ls;
  for (uint32_t Row = First; Row < Last; ++Row)
    for (int Sl = 0; Sl < 2; ++Sl) {
      int32_t P = R.BridgePartner[Row][Sl];
      if (P < 0)
        continue;
      std::string Label = cifId(int(R.Ladder[Row][Sl]));
      auto It =
          llvm::find_if(Ls, [&](const Ladder &L) { return L.Label == Label; });
      if (It == Ls.end()) {
        Ls.push_back({Label, bool(R.Parallel[Row][Sl]), {{Row, uint32_t(P)}}});
        continue;
      }
      // A pair already there the other way round is not added again.
      bool Seen = llvm::any_of(It->Pairs, [&](const auto &Pr) {
        return HB.Number[Pr.first] == HB.Number[P] &&
               HB.Number[Pr.second] == HB.Number[Row];
      });
      if (!Seen)
        It->Pairs.push_back({Row, uint32_t(P)});
    }
  OutCat &C = replace("dssp_struct_ladder");
  for (const Ladder &L : Ls) {
    const RowIds &B1 = id(L.Pairs.front().first),
                 &B2 = id(L.Pairs.front().second);
    const RowIds &E1 = id(L.Pairs.back().first),
                 &E2 = id(L.Pairs.back().second);
    C.emplace({{"id", tok(L.Label)},
               {"type", tok(L.Parallel ? "parallel" : "anti-parallel")},
               {"beg_1_label_comp_id", tok(B1.Comp)},
               {"beg_1_label_asym_id", tok(B1.Asym)},
               {"beg_1_label_seq_id", seqTok(B1.Seq)},
               {"pdbx_beg_1_PDB_ins_code", tok(B1.ICode)},
               {"end_1_label_comp_id", tok(E1.Comp)},
               {"end_1_label_asym_id", tok(E1.Asym)},
               {"end_1_label_seq_id", seqTok(E1.Seq)},
               {"pdbx_end_1_PDB_ins_code", tok(E1.ICode)},
               {"beg_1_auth_comp_id", tok(B1.Comp)},
               {"beg_1_auth_asym_id", tok(B1.AuthAsym)},
               {"beg_1_auth_seq_id", seqTok(B1.AuthSeq)},
               {"end_1_auth_comp_id", tok(E1.Comp)},
               {"end_1_auth_asym_id", tok(E1.AuthAsym)},
               {"end_1_auth_seq_id", seqTok(E1.AuthSeq)},
               {"beg_2_label_comp_id", tok(B2.Comp)},
               {"beg_2_label_asym_id", tok(B2.Asym)},
               {"beg_2_label_seq_id", seqTok(B2.Seq)},
               {"pdbx_beg_2_PDB_ins_code", tok(B2.ICode)},
               {"end_2_label_comp_id", tok(E2.Comp)},
               {"end_2_label_asym_id", tok(E2.Asym)},
               {"end_2_label_seq_id", seqTok(E2.Seq)},
               {"pdbx_end_2_PDB_ins_code", tok(E2.ICode)},
               {"beg_2_auth_comp_id", tok(B2.Comp)},
               {"beg_2_auth_asym_id", tok(B2.AuthAsym)},
               {"beg_2_auth_seq_id", seqTok(B2.AuthSeq)},
               {"end_2_auth_comp_id", tok(E2.Comp)},
               {"end_2_auth_asym_id", tok(E2.AuthAsym)},
               {"end_2_auth_seq_id", seqTok(E2.AuthSeq)}});
  }
}

void MmcifAnnotator::statistics() {
  const DsspStatistics &St = Rep.Stats;
  const std::string Entry = tok(In.Name);
  OutCat &C = replace("dssp_statistics");
  C.emplace({{"entry_id", Entry},
             {"nr_of_residues", tok(St.Residues)},
             {"nr_of_chains", tok(St.Chains)},
             {"nr_of_ss_bridges_total", tok(St.SSBridges)},
             {"nr_of_ss_bridges_intra_chain", tok(St.IntraChainSSBridges)},
             {"nr_of_ss_bridges_inter_chain",
              tok(int64_t(St.SSBridges - St.IntraChainSSBridges))},
             {"accessible_surface_of_protein", general(St.AccessibleSurface)}});

  OutCat &H = replace("dssp_statistics_hbond");
  auto Per100 = [&](uint32_t N) { return fixed(N * 100.0 / St.Residues, 1); };
  auto Row = [&](StringRef Type, uint32_t N) {
    H.emplace({{"entry_id", Entry},
               {"type", tok(Type)},
               {"count", tok(N)},
               {"count_per_100", Per100(N)}});
  };
  Row("O(I)-->H-N(J)", St.HBonds);
  Row("PARALLEL BRIDGES", St.HBondsParallel);
  Row("ANTIPARALLEL BRIDGES", St.HBondsAntiparallel);
  for (int K = 0; K < 11; ++K)
    Row((Twine("O(I)-->H-N(I") + (K < 5 ? "-" : "+") + Twine(std::abs(K - 5)) +
         ")")
            .str(),
        St.HBondsPerDistance[K]);

  OutCat &Hist = replace("dssp_statistics_histogram");
  const std::pair<StringRef, const DsspStatistics::Histogram *> Rows[] = {
      {"parallel_bridges_per_ladder", &St.ResiduesPerAlphaHelix},
      {"parallel_bridges_per_ladder", &St.ParallelBridgesPerLadder},
      {"antiparallel_bridges_per_ladder", &St.AntiparallelBridgesPerLadder},
      {"ladders_per_sheet", &St.LaddersPerSheet}};
  for (const auto &[Type, Values] : Rows) {
    std::vector<std::pair<StringRef, std::string>> V = {{"entry_id", Entry},
                                                        {"type", tok(Type)}};
    static const char *const Bins[] = {
        "1",  "2",  "3",  "4",  "5",  "6",  "7",  "8",  "9",  "10",
        "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
        "21", "22", "23", "24", "25", "26", "27", "28", "29", "30"};
    for (size_t K = 0; K < DsspStatistics::HistogramSize; ++K)
      V.push_back({Bins[K], tok((*Values)[K])});
    Hist.emplace(V);
  }
}

/// The summary's flag characters ('.' for none).
static std::string summaryFlag(uint8_t F, unsigned Kind) {
  switch (static_cast<DsspHelixFlag>(F)) {
  case DsspHelixFlag::None:
    return ".";
  case DsspHelixFlag::Start:
    return ">";
  case DsspHelixFlag::End:
    return "<";
  case DsspHelixFlag::StartAndEnd:
    return "X";
  case DsspHelixFlag::Middle:
    return std::string(1, Kind == DsspHelixPP ? 'P' : char('3' + Kind));
  }
  return ".";
}

void MmcifAnnotator::summary() {
  OutCat &C = replace("dssp_struct_summary");
  const std::string Entry = tok(In.Name);
  const uint32_t State = HB.States[Rep.Model];
  auto Num = [](float V, double Undefined, int Decimals) {
    return fixed(std::isnan(V) ? Undefined : double(V), Decimals);
  };
  for (uint32_t Row = First; Row < Last; ++Row) {
    const RowIds &I = id(Row);
    uint8_t Bridge = Rep.SSBridge[Row - First];
    std::string Ladder[2] = {".", "."};
    for (int Sl = 0; Sl < 2; ++Sl)
      if (R.BridgePartner[Row][Sl] >= 0)
        Ladder[Sl] = cifId(int(R.Ladder[Row][Sl]));
    const float Alpha = R.Alpha[Row];
    std::string Chirality = std::isnan(Alpha) ? "." : Alpha < 0 ? "-" : "+";
    DsspBackbone Bb = dsspBackbone(S, State, HB.Residue[Row]);
    std::array<float, 3> CA = S.position(State, Bb.CA);
    C.emplace(
        {{"entry_id", Entry},
         {"label_comp_id", tok(I.Comp)},
         {"label_asym_id", tok(I.Asym)},
         {"label_seq_id", seqTok(I.Seq)},
         {"secondary_structure",
          R.SS[Row] == ' ' ? "." : std::string(1, R.SS[Row])},
         {"ss_bridge", Bridge ? tok(int64_t(Bridge)) : "."},
         {"helix_3_10", summaryFlag(R.Helix[Row][DsspHelix3], DsspHelix3)},
         {"helix_alpha", summaryFlag(R.Helix[Row][DsspHelix4], DsspHelix4)},
         {"helix_pi", summaryFlag(R.Helix[Row][DsspHelix5], DsspHelix5)},
         {"helix_pp", summaryFlag(R.Helix[Row][DsspHelixPP], DsspHelixPP)},
         {"bend", R.Bend[Row] ? "S" : "."},
         {"chirality", Chirality},
         {"ladder_1", Ladder[0]},
         {"ladder_2", Ladder[1]},
         {"sheet", R.Sheet[Row] ? tok(cifId(int(R.Sheet[Row]) - 1)) : "."},
         {"accesssibility", Num(R.Accessibility[Row], 0, 1)},
         {"TCO", Num(R.TCO[Row], 0, 3)},
         {"kappa", Num(R.Kappa[Row], 360, 1)},
         {"alpha", Num(Alpha, 360, 1)},
         {"phi", Num(R.Phi[Row], 360, 1)},
         {"psi", Num(R.Psi[Row], 360, 1)},
         {"x_ca", fixed(CA[0], 1)},
         {"y_ca", fixed(CA[1], 1)},
         {"z_ca", fixed(CA[2], 1)}});
  }
}

/// The struct_conf_type id of a DSSP code.
static StringRef confType(char SS) {
  switch (SS) {
  case 'G':
    return "HELX_RH_3T_P";
  case 'H':
    return "HELX_RH_AL_P";
  case 'I':
    return "HELX_RH_PI_P";
  case 'P':
    return "HELX_LH_PP_P";
  case 'T':
    return "TURN_TY1_P";
  case 'S':
    return "BEND";
  case 'B':
  case 'E':
    return "STRN";
  default:
    return "OTHER";
  }
}

void MmcifAnnotator::structConf() {
  OutCat &Type = replace("struct_conf_type");
  OutCat &Conf = replace("struct_conf");
  std::map<std::string, int> Found;
  auto Emit = [&](char SS, uint32_t B, uint32_t E) {
    std::string Id = confType(SS).str();
    auto [It, New] = Found.try_emplace(Id, 1);
    if (New)
      Type.emplace({{"id", tok(Id)}, {"criteria", tok("DSSP")}});
    const RowIds &Rb = id(B), &Re = id(E);
    Conf.emplace({{"conf_type_id", tok(Id)},
                  {"id", tok(Id + std::to_string(It->second++))},
                  {"beg_label_comp_id", tok(Rb.Comp)},
                  {"beg_label_asym_id", tok(Rb.Asym)},
                  {"beg_label_seq_id", seqTok(Rb.Seq)},
                  {"pdbx_beg_PDB_ins_code", tok(Rb.ICode)},
                  {"end_label_comp_id", tok(Re.Comp)},
                  {"end_label_asym_id", tok(Re.Asym)},
                  {"end_label_seq_id", seqTok(Re.Seq)},
                  {"pdbx_end_PDB_ins_code", tok(Re.ICode)},
                  {"beg_auth_comp_id", tok(Rb.Comp)},
                  {"beg_auth_asym_id", tok(Rb.AuthAsym)},
                  {"beg_auth_seq_id", seqTok(Rb.AuthSeq)},
                  {"end_auth_comp_id", tok(Re.Comp)},
                  {"end_auth_asym_id", tok(Re.AuthAsym)},
                  {"end_auth_seq_id", seqTok(Re.AuthSeq)}});
  };
  // Runs of one code over the whole row list.
  uint32_t Start = First;
  for (uint32_t Row = First + 1; Row <= Last; ++Row) {
    if (Row < Last && R.SS[Row] == R.SS[Start])
      continue;
    if (Opts.WriteOther || R.SS[Start] != ' ')
      Emit(R.SS[Start], Start, Row - 1);
    Start = Row;
  }
}

void MmcifAnnotator::software() {
  OutCat &C = replace("software", /*KeepRows=*/true);
  // libcifpp's get_unique_id(""): rows + 1, + 2, ... until no row has it
  // as its key (pdbx_ordinal).
  int64_t N = static_cast<int64_t>(C.Rows.size());
  auto Taken = [&](int64_t V) {
    for (size_t Row = 0; Row < C.Rows.size(); ++Row)
      if (auto Have = C.get(Row, "pdbx_ordinal"); Have && *Have == tok(V))
        return true;
    return false;
  };
  while (Taken(N + 1))
    ++N;
  C.emplace({{"pdbx_ordinal", tok(N + 1)},
             {"name", tok(Opts.Program)},
             {"version", tok(Opts.Version)},
             {"date", tok(Opts.Date)},
             {"classification", tok("model annotation")}});
}

Error MmcifAnnotator::write(raw_ostream &OS) {
  if (First < Last) {
    if (Opts.WriteExperimental) {
      bridgePairs();
      sheets();
      ladders();
      statistics();
      summary();
    }
    structConf();
  }
  software();

  // The input text with the categories replaced or dropped, then the new
  // ones.
  struct Piece {
    const char *Begin, *End;
    size_t Category;
    bool FirstSpan;
  };
  std::vector<Piece> Pieces;
  for (size_t C = 0; C < In.Categories.size(); ++C)
    for (size_t K = 0; K < In.Categories[C].Spans.size(); ++K)
      Pieces.push_back({In.Categories[C].Spans[K].first,
                        In.Categories[C].Spans[K].second, C, K == 0});
  llvm::sort(Pieces,
             [](const Piece &A, const Piece &B) { return A.Begin < B.Begin; });
  const char *P = In.Begin;
  for (const Piece &Pc : Pieces) {
    OS << StringRef(P, Pc.Begin - P);
    P = Pc.End;
    std::string Name = StringRef(In.Categories[Pc.Category].Name).lower();
    if (llvm::is_contained(Erased, Name))
      continue;
    auto It = Out.find(Name);
    if (It != Out.end() && !llvm::is_contained(Appended, Name)) {
      if (Pc.FirstSpan) {
        std::string Text;
        raw_string_ostream TS(Text);
        It->second.render(TS);
        OS << StringRef(Text).rtrim('\n');
      }
      continue;
    }
    OS << StringRef(Pc.Begin, Pc.End - Pc.Begin);
  }
  StringRef Tail(P, In.End - P);
  OS << Tail;
  if (!Tail.ends_with("\n"))
    OS << "\n";
  for (const std::string &Name : Appended) {
    const OutCat &C = Out.at(Name);
    if (C.Rows.empty())
      continue;
    C.render(OS);
    OS << "#\n";
  }
  return Error::success();
}

} // namespace

Error qir::writeDsspMmcif(raw_ostream &OS, const Structure &S, const Dssp &R,
                          const DsspReport &Rep, const io::CifBlock *Input,
                          const DsspMmcifOptions &Opts) {
  std::string Own;
  std::optional<io::CifBlock> OwnBlock;
  if (!Input) {
    raw_string_ostream OwnOS(Own);
    if (Error E = io::writeMmcif(S, OwnOS))
      return E;
    OwnOS.flush();
    Expected<io::CifBlock> B = io::parseCifBlock(Own, "<qir mmCIF>");
    if (!B)
      return B.takeError();
    OwnBlock = std::move(*B);
    Input = &*OwnBlock;
  }
  return MmcifAnnotator(S, R, Rep, *Input, Opts).write(OS);
}
