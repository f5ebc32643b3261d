//===- MmcifReader.cpp - mmCIF to IR --------------------------------------===//
//
// One pass over the tokens of the first data block. The _atom_site loop is
// streamed row by row straight into the StructureBuilder (no document of
// strings is built); the few small categories the IR needs are kept as
// token tables and interpreted at the end:
//
//   entity, entity_poly          entities (type, polymer type, sequence)
//   struct_conn, chem_comp_bond  explicit bonds
//   cell, symmetry, exptl, refine, reflns, em_3d_reconstruction, entry
//                                metadata
//   atom_site_anisotrop          anisotropic U, matched by atom_site.id
//   chem_comp_atom               a CCD entry (no _atom_site) as one residue
//
// _atom_site items the IR does not model are kept verbatim as extra columns
// named by their full tag, which the mmCIF writer puts back.
//
//===----------------------------------------------------------------------===//
#include "qir/IO/MmcifReader.h"
#include "qir/IO/CifLexer.h"
#include "qir/IR/StructureBuilder.h"
#include "qir/Support/NumberParsing.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"

#include <charconv>
#include <cmath>

using namespace qir;
using namespace qir::io;
using namespace llvm;
using Token = CifLexer::Token;

namespace {

/// The _atom_site items the reader models.
enum AtomSiteCol : uint8_t {
  AS_Group,
  AS_Id,
  AS_TypeSymbol,
  AS_LabelAtom,
  AS_AltId,
  AS_LabelComp,
  AS_LabelAsym,
  AS_LabelEntity,
  AS_LabelSeq,
  AS_InsCode,
  AS_X,
  AS_Y,
  AS_Z,
  AS_Occupancy,
  AS_BIso,
  AS_Charge,
  AS_AuthSeq,
  AS_AuthComp,
  AS_AuthAsym,
  AS_AuthAtom,
  AS_Model,
  AS_NumCols,
};

AtomSiteCol atomSiteColumn(StringRef Item) {
  return StringSwitch<AtomSiteCol>(Item.lower())
      .Case("group_pdb", AS_Group)
      .Case("id", AS_Id)
      .Case("type_symbol", AS_TypeSymbol)
      .Case("label_atom_id", AS_LabelAtom)
      .Case("label_alt_id", AS_AltId)
      .Case("label_comp_id", AS_LabelComp)
      .Case("label_asym_id", AS_LabelAsym)
      .Case("label_entity_id", AS_LabelEntity)
      .Case("label_seq_id", AS_LabelSeq)
      .Case("pdbx_pdb_ins_code", AS_InsCode)
      .Case("cartn_x", AS_X)
      .Case("cartn_y", AS_Y)
      .Case("cartn_z", AS_Z)
      .Case("occupancy", AS_Occupancy)
      .Case("b_iso_or_equiv", AS_BIso)
      .Case("pdbx_formal_charge", AS_Charge)
      .Case("auth_seq_id", AS_AuthSeq)
      .Case("auth_comp_id", AS_AuthComp)
      .Case("auth_asym_id", AS_AuthAsym)
      .Case("auth_atom_id", AS_AuthAtom)
      .Case("pdbx_pdb_model_num", AS_Model)
      .Default(AS_NumCols);
}

/// A small category kept as tokens: one row for key-value items, N rows for
/// a loop.
struct Category {
  std::vector<std::string> Items; ///< lower-case item names
  std::vector<Token> Values;      ///< row-major
  const char *Pos = nullptr;      ///< first tag, for diagnostics
  bool IsLoop = false;

  size_t width() const { return Items.size(); }
  size_t rows() const { return Items.empty() ? 0 : Values.size() / width(); }
  int col(StringRef Item) const {
    for (size_t I = 0; I < Items.size(); ++I)
      if (Items[I] == Item)
        return static_cast<int>(I);
    return -1;
  }
  /// Value of \p Item in row \p R, or null when absent or '?'/'.'.
  const Token *get(size_t R, StringRef Item) const {
    int C = col(Item);
    if (C < 0)
      return nullptr;
    const Token &T = Values[R * width() + C];
    return T.isNull() ? nullptr : &T;
  }
  StringRef str(size_t R, StringRef Item) const {
    const Token *T = get(R, Item);
    return T ? T->Text : StringRef();
  }
};

/// Categories kept as token tables (everything else but _atom_site is
/// skipped).
bool isKeptCategory(StringRef Cat) {
  return StringSwitch<bool>(Cat)
      .Cases("entity", "entity_poly", "struct_conn", "chem_comp_bond", true)
      .Cases("cell", "symmetry", "exptl", "refine", "reflns", true)
      .Cases("em_3d_reconstruction", "entry", "atom_site_anisotrop", true)
      .Cases("chem_comp_atom", "chem_comp", true)
      .Default(false);
}

class MmcifReader {
public:
  MmcifReader(StringRef Text, StringRef Name, const ReadOptions &Opts)
      : Text(Text), Name(Name), Opts(Opts), Lex(Text), Builder("mmcif") {}

  Expected<Structure> read();

private:
  Error error(const char *Pos, const Twine &Msg) {
    return makeParseError(Name, Text, Pos, Msg);
  }
  void warn(const char *Pos, const Twine &Msg) {
    if (Opts.Warn)
      Opts.Warn(locate(Name, Text, Pos, Msg, DiagKind::Warning));
  }
  Error lexError(const Token &T) { return error(T.Pos, Lex.errorMessage()); }

  Error readAtomSiteLoop(const char *LoopPos, std::vector<StringRef> Tags,
                         std::vector<const char *> TagPos, Token First,
                         Token &Next);
  Error processAtomRow(ArrayRef<Token> Row);
  Error readChemCompAtoms();
  Error interpretCategories(Structure &S);
  Error readMetadata();
  Error readEntities();
  Error readBonds();

  template <typename T>
  Error parseInt(const Token &Tok, const Twine &What, T &V);
  Error parseFloat(const Token &Tok, const Twine &What, float &V);
  Error checkFits(const Token &Tok, StringRef What, size_t Capacity);

  StringRef Text, Name;
  const ReadOptions &Opts;
  CifLexer Lex;
  StructureBuilder Builder;
  StringRef BlockName;
  StringMap<Category> Categories;

  // _atom_site loop state.
  int Col[AS_NumCols];
  std::vector<int> ExtraCols; ///< loop column of each extra column
  std::vector<StringRef> ExtraTags;
  std::vector<StringRef> ExtraValues;
  int32_t CurrentModel = 0;
  bool InModel = false;
  DenseSet<int32_t> SeenModels;
  bool SawAtomSite = false;
};

template <typename T>
Error MmcifReader::parseInt(const Token &Tok, const Twine &What, T &V) {
  StringRef S = Tok.Text;
  if (S.starts_with("+"))
    S = S.drop_front();
  auto [Ptr, EC] = std::from_chars(S.begin(), S.end(), V);
  if (EC != std::errc() || Ptr != S.end())
    return error(Tok.Pos, "invalid integer '" + Tok.Text + "' for " + What);
  return Error::success();
}

Error MmcifReader::parseFloat(const Token &Tok, const Twine &What, float &V) {
  StringRef S = Tok.Text;
  // CIF numbers may carry a standard uncertainty: 1.234(5).
  size_t Paren = S.find('(');
  if (Paren != StringRef::npos && S.ends_with(")"))
    S = S.take_front(Paren);
  if (!parseDecimal(S, V))
    return error(Tok.Pos, "invalid number '" + Tok.Text + "' for " + What);
  return Error::success();
}

Error MmcifReader::checkFits(const Token &Tok, StringRef What,
                             size_t Capacity) {
  if (Tok.Text.size() <= Capacity)
    return Error::success();
  return error(Tok.Pos,
               What + " '" + Tok.Text + "' has " + Twine(Tok.Text.size()) +
                   " characters; qir holds at most " + Twine(Capacity));
}

Error MmcifReader::processAtomRow(ArrayRef<Token> Row) {
  auto Get = [&](AtomSiteCol C) -> const Token * {
    int I = Col[C];
    if (I < 0 || Row[I].isNull())
      return nullptr;
    return &Row[I];
  };
  auto Either = [&](AtomSiteCol Auth, AtomSiteCol Label) {
    const Token *T = Get(Auth);
    return T ? T : Get(Label);
  };

  // Model.
  int32_t ModelNo = 1;
  if (const Token *T = Get(AS_Model))
    if (Error E = parseInt(*T, "_atom_site.pdbx_PDB_model_num", ModelNo))
      return E;
  if (!InModel || ModelNo != CurrentModel) {
    if (!SeenModels.insert(ModelNo).second)
      return error(Row[Col[AS_Model]].Pos,
                   "model " + Twine(ModelNo) +
                       " appears again after other models; the atoms of one "
                       "model must be contiguous");
    Builder.beginModel(ModelNo);
    CurrentModel = ModelNo;
    InModel = true;
  }

  AtomRecord R;
  const Token *AtomTok = Either(AS_AuthAtom, AS_LabelAtom);
  const Token *CompTok = Either(AS_AuthComp, AS_LabelComp);
  const Token *AsymTok = Either(AS_AuthAsym, AS_LabelAsym);
  if (!AtomTok)
    return error(
        Row[Col[AS_AuthAtom] >= 0 ? Col[AS_AuthAtom] : Col[AS_LabelAtom]].Pos,
        "atom site without an atom name");
  if (Error E = checkFits(*AtomTok, "atom name", AtomName::Capacity))
    return E;
  R.AtomName = AtomTok->Text;
  if (CompTok) {
    if (Error E = checkFits(*CompTok, "residue name", ResidueName::Capacity))
      return E;
    R.ResName = CompTok->Text;
  }
  if (AsymTok) {
    if (Error E = checkFits(*AsymTok, "chain id", ChainId::Capacity))
      return E;
    R.AuthChain = AsymTok->Text;
  }
  if (const Token *T = Get(AS_LabelAsym)) {
    if (Error E = checkFits(*T, "label_asym_id", ChainId::Capacity))
      return E;
    R.LabelAsym = T->Text;
  } else {
    // A file without label_asym_id: the auth id stands in for it, so the
    // builder does not treat the chain as unlabelled.
    R.LabelAsym = R.AuthChain.empty() ? StringRef("?") : R.AuthChain;
  }
  if (const Token *T = Get(AS_LabelEntity))
    R.EntityId = T->Text;
  if (const Token *T = Get(AS_LabelSeq))
    if (Error E = parseInt(*T, "_atom_site.label_seq_id", R.LabelSeq))
      return E;
  if (const Token *T = Get(AS_AuthSeq)) {
    if (Error E = parseInt(*T, "_atom_site.auth_seq_id", R.AuthSeq))
      return E;
  } else {
    R.AuthSeq = R.LabelSeq;
  }
  if (const Token *T = Get(AS_InsCode)) {
    if (T->Text.size() != 1)
      return error(T->Pos,
                   "insertion code '" + T->Text + "' is not one character");
    R.ICode = T->Text[0];
  }
  if (const Token *T = Get(AS_AltId)) {
    if (T->Text.size() != 1)
      return error(T->Pos, "alternate location id '" + T->Text +
                               "' is not one character");
    R.AltLoc = T->Text[0];
  }
  if (const Token *T = Get(AS_TypeSymbol)) {
    if (Error E = checkFits(*T, "element symbol", ElementSymbol::Capacity))
      return E;
    R.Element = T->Text;
  }
  if (const Token *T = Get(AS_Charge)) {
    int C;
    if (Error E = parseInt(*T, "_atom_site.pdbx_formal_charge", C))
      return E;
    R.Charge = static_cast<int8_t>(C);
  }
  static const char *const CoordNames[] = {
      "_atom_site.Cartn_x", "_atom_site.Cartn_y", "_atom_site.Cartn_z"};
  float *XYZ[3] = {&R.X, &R.Y, &R.Z};
  for (int K = 0; K < 3; ++K) {
    const Token &T = Row[Col[AS_X + K]];
    if (T.isNull())
      return error(T.Pos, Twine("missing coordinate (") + T.Text + ") for " +
                              CoordNames[K]);
    if (Error E = parseFloat(T, CoordNames[K], *XYZ[K]))
      return E;
  }
  R.Occupancy = std::nanf("");
  if (const Token *T = Get(AS_Occupancy))
    if (Error E = parseFloat(*T, "_atom_site.occupancy", R.Occupancy))
      return E;
  R.BIso = std::nanf("");
  if (const Token *T = Get(AS_BIso))
    if (Error E = parseFloat(*T, "_atom_site.B_iso_or_equiv", R.BIso))
      return E;
  if (const Token *T = Get(AS_Id))
    if (Error E = parseInt(*T, "_atom_site.id", R.Serial))
      return E;
  if (const Token *T = Get(AS_Group))
    R.Hetero = T->Text.equals_insensitive("HETATM");

  ExtraValues.clear();
  for (int C : ExtraCols)
    ExtraValues.push_back(Row[C].Text); // '?' and '.' kept as written
  Builder.addAtom(R, ExtraValues);
  return Error::success();
}

Error MmcifReader::readAtomSiteLoop(const char *LoopPos,
                                    std::vector<StringRef> Tags,
                                    std::vector<const char *> TagPos,
                                    Token First, Token &Next) {
  if (SawAtomSite)
    return error(LoopPos, "second _atom_site table in one data block");
  SawAtomSite = true;
  std::fill(std::begin(Col), std::end(Col), -1);
  std::vector<std::string> ExtraNames;
  for (size_t I = 0; I < Tags.size(); ++I) {
    StringRef Item = Tags[I].drop_front(strlen("_atom_site."));
    AtomSiteCol C = atomSiteColumn(Item);
    if (C == AS_NumCols) {
      ExtraCols.push_back(static_cast<int>(I));
      ExtraNames.push_back(Tags[I].str());
      continue;
    }
    if (Col[C] >= 0)
      return error(TagPos[I], "duplicate item " + Tags[I]);
    Col[C] = static_cast<int>(I);
  }
  // Required items.
  auto Require = [&](bool Have, const Twine &What) -> Error {
    if (Have)
      return Error::success();
    return error(LoopPos, "_atom_site table lacks required column " + What);
  };
  if (Error E = Require(Col[AS_X] >= 0, "_atom_site.Cartn_x"))
    return E;
  if (Error E = Require(Col[AS_Y] >= 0, "_atom_site.Cartn_y"))
    return E;
  if (Error E = Require(Col[AS_Z] >= 0, "_atom_site.Cartn_z"))
    return E;
  if (Error E = Require(Col[AS_AuthAtom] >= 0 || Col[AS_LabelAtom] >= 0,
                        "_atom_site.auth_atom_id or label_atom_id"))
    return E;
  if (Error E = Require(Col[AS_AuthComp] >= 0 || Col[AS_LabelComp] >= 0,
                        "_atom_site.auth_comp_id or label_comp_id"))
    return E;
  if (Error E = Require(Col[AS_AuthAsym] >= 0 || Col[AS_LabelAsym] >= 0,
                        "_atom_site.auth_asym_id or label_asym_id"))
    return E;
  if (Error E = Require(Col[AS_AuthSeq] >= 0 || Col[AS_LabelSeq] >= 0,
                        "_atom_site.auth_seq_id or label_seq_id"))
    return E;
  Builder.setExtraColumnNames(std::move(ExtraNames));

  size_t W = Tags.size();
  SmallVector<Token, 32> Row;
  Row.reserve(W);
  const char *RowStart = nullptr;
  for (Token T = First;; T = Lex.next()) {
    if (T.K == CifLexer::Kind::Error)
      return lexError(T);
    if (T.K != CifLexer::Kind::Value) {
      if (!Row.empty())
        return error(T.K == CifLexer::Kind::Eof ? Lex.end() : T.Pos,
                     "_atom_site row starting at line " +
                         Twine(locate(Name, Text, RowStart, "").Line) +
                         " is incomplete: " + Twine(Row.size()) + " of " +
                         Twine(W) + " values (file truncated?)");
      Next = T;
      return Error::success();
    }
    if (Row.empty())
      RowStart = T.Pos;
    Row.push_back(T);
    if (Row.size() == W) {
      if (Error E = processAtomRow(Row))
        return E;
      Row.clear();
    }
  }
}

Error MmcifReader::readChemCompAtoms() {
  auto It = Categories.find("chem_comp_atom");
  if (It == Categories.end())
    return Error::success();
  const Category &C = It->second;
  Builder.beginModel(1);
  for (size_t R = 0; R < C.rows(); ++R) {
    AtomRecord A;
    const Token *Comp = C.get(R, "comp_id");
    const Token *Atom = C.get(R, "atom_id");
    if (!Comp || !Atom)
      return error(C.Pos, "_chem_comp_atom row " + Twine(R + 1) +
                              " lacks comp_id or atom_id");
    if (Error E = checkFits(*Comp, "residue name", ResidueName::Capacity))
      return E;
    if (Error E = checkFits(*Atom, "atom name", AtomName::Capacity))
      return E;
    A.ResName = Comp->Text;
    A.AtomName = Atom->Text;
    A.AuthChain = "A";
    A.LabelAsym = "A";
    A.AuthSeq = 1;
    A.Hetero = true;
    A.Serial = static_cast<int64_t>(R + 1);
    A.Occupancy = 1.0f;
    if (const Token *T = C.get(R, "type_symbol")) {
      if (Error E = checkFits(*T, "element symbol", ElementSymbol::Capacity))
        return E;
      A.Element = T->Text;
    }
    if (const Token *T = C.get(R, "charge")) {
      int Q;
      if (Error E = parseInt(*T, "_chem_comp_atom.charge", Q))
        return E;
      A.Charge = static_cast<int8_t>(Q);
    }
    // Model coordinates, else the ideal ones; NaN when neither is given.
    static const char *const Model[] = {"model_cartn_x", "model_cartn_y",
                                        "model_cartn_z"};
    static const char *const Ideal[] = {"pdbx_model_cartn_x_ideal",
                                        "pdbx_model_cartn_y_ideal",
                                        "pdbx_model_cartn_z_ideal"};
    float *XYZ[3] = {&A.X, &A.Y, &A.Z};
    for (int K = 0; K < 3; ++K) {
      const Token *T = C.get(R, Model[K]);
      if (!T)
        T = C.get(R, Ideal[K]);
      *XYZ[K] = std::nanf("");
      if (T)
        if (Error E =
                parseFloat(*T, Twine("_chem_comp_atom.") + Model[K], *XYZ[K]))
          return E;
    }
    Builder.addAtom(A);
  }
  return Error::success();
}

Error MmcifReader::readEntities() {
  auto It = Categories.find("entity");
  if (It == Categories.end())
    return Error::success();
  const Category &E = It->second;
  StringMap<size_t> PolyRow;
  const Category *Poly = nullptr;
  auto PI = Categories.find("entity_poly");
  if (PI != Categories.end()) {
    Poly = &PI->second;
    for (size_t R = 0; R < Poly->rows(); ++R)
      PolyRow[Poly->str(R, "entity_id")] = R;
  }
  for (size_t R = 0; R < E.rows(); ++R) {
    EntityRecord Rec;
    Rec.Id = E.str(R, "id").str();
    Rec.Type = parseEntityType(E.str(R, "type"));
    Rec.Description = E.str(R, "pdbx_description").str();
    if (Poly) {
      auto P = PolyRow.find(Rec.Id);
      if (P != PolyRow.end()) {
        Rec.Polymer = parsePolymerType(Poly->str(P->second, "type"));
        StringRef Seq = Poly->str(P->second, "pdbx_seq_one_letter_code_can");
        for (char C : Seq)
          if (!isSpace(C))
            Rec.Sequence.push_back(C);
      }
    }
    Builder.addEntity(std::move(Rec));
  }
  return Error::success();
}

Error MmcifReader::readBonds() {
  auto SC = Categories.find("struct_conn");
  if (SC != Categories.end()) {
    const Category &C = SC->second;
    for (size_t R = 0; R < C.rows(); ++R) {
      ExplicitBond B;
      B.Type = C.str(R, "conn_type_id").str();
      B.Order = parseBondOrder(C.str(R, "pdbx_value_order"));
      bool Ok = true;
      auto End = [&](BondEnd &E, StringRef P) {
        StringRef Chain = C.str(R, ("ptnr" + P + "_auth_asym_id").str());
        if (Chain.empty())
          Chain = C.str(R, ("ptnr" + P + "_label_asym_id").str());
        E.Chain = Chain.str();
        StringRef Seq = C.str(R, ("ptnr" + P + "_auth_seq_id").str());
        if (Seq.empty() || Seq.getAsInteger(10, E.Seq))
          Ok = false;
        StringRef Comp = C.str(R, ("ptnr" + P + "_auth_comp_id").str());
        if (Comp.empty())
          Comp = C.str(R, ("ptnr" + P + "_label_comp_id").str());
        E.ResName = Comp.str();
        E.Atom = C.str(R, ("ptnr" + P + "_label_atom_id").str()).str();
        StringRef Ins = C.str(R, ("pdbx_ptnr" + P + "_pdb_ins_code").str());
        E.ICode = Ins.empty() ? 0 : Ins[0];
        StringRef Alt = C.str(R, ("pdbx_ptnr" + P + "_label_alt_id").str());
        E.AltLoc = Alt.empty() ? 0 : Alt[0];
        if (E.Atom.empty() || E.ResName.empty())
          Ok = false;
      };
      End(B.A, "1");
      End(B.B, "2");
      if (!Ok) {
        warn(C.Values[R * C.width()].Pos,
             "_struct_conn row " + Twine(R + 1) +
                 " does not name both atoms; skipped");
        continue;
      }
      Builder.addExplicitBond(std::move(B));
    }
  }
  auto CB = Categories.find("chem_comp_bond");
  if (CB != Categories.end()) {
    const Category &C = CB->second;
    for (size_t R = 0; R < C.rows(); ++R) {
      ChemCompBond B;
      B.Comp = C.str(R, "comp_id").str();
      B.A = C.str(R, "atom_id_1").str();
      B.B = C.str(R, "atom_id_2").str();
      B.Order = parseBondOrder(C.str(R, "value_order"));
      Builder.addChemCompBond(std::move(B));
    }
  }
  return Error::success();
}

Error MmcifReader::readMetadata() {
  Metadata &M = Builder.metadata();
  M.Id = BlockName.str();
  auto Find = [&](StringRef Cat) -> const Category * {
    auto It = Categories.find(Cat);
    return It == Categories.end() || It->second.rows() == 0 ? nullptr
                                                            : &It->second;
  };
  if (const Category *C = Find("entry"))
    if (StringRef Id = C->str(0, "id"); !Id.empty())
      M.Id = Id.str();
  if (const Category *C = Find("exptl"))
    for (size_t R = 0; R < C->rows(); ++R)
      if (StringRef Method = C->str(R, "method"); !Method.empty()) {
        if (!M.Method.empty())
          M.Method += "; ";
        M.Method += Method.str();
      }
  auto Res = [&](StringRef Cat, StringRef Item) -> Error {
    if (M.Resolution)
      return Error::success();
    if (const Category *C = Find(Cat))
      if (const Token *T = C->get(0, Item)) {
        float V;
        if (Error E = parseFloat(*T, "_" + Cat + "." + Item, V))
          return E;
        M.Resolution = V;
      }
    return Error::success();
  };
  if (Error E = Res("refine", "ls_d_res_high"))
    return E;
  if (Error E = Res("reflns", "d_resolution_high"))
    return E;
  if (Error E = Res("em_3d_reconstruction", "resolution"))
    return E;
  if (const Category *C = Find("cell")) {
    static const char *const Items[] = {"length_a",   "length_b",
                                        "length_c",   "angle_alpha",
                                        "angle_beta", "angle_gamma"};
    float V[6];
    bool All = true;
    for (int K = 0; K < 6; ++K) {
      const Token *T = C->get(0, Items[K]);
      if (!T) {
        All = false;
        break;
      }
      if (Error E = parseFloat(*T, Twine("_cell.") + Items[K], V[K]))
        return E;
    }
    if (All)
      M.Cell = UnitCell{V[0], V[1], V[2], V[3], V[4], V[5]};
  }
  if (const Category *C = Find("symmetry"))
    M.SpaceGroup = C->str(0, "space_group_name_h-m").str();
  return Error::success();
}

/// Anisotropic U from _atom_site_anisotrop, matched by atom_site.id.
Error MmcifReader::interpretCategories(Structure &S) {
  auto It = Categories.find("atom_site_anisotrop");
  if (It == Categories.end() || It->second.rows() == 0)
    return Error::success();
  const Category &C = It->second;
  DenseMap<int64_t, uint32_t> BySerial;
  const AtomTable &At = S.atoms();
  for (uint32_t A = 0; A < At.size(); ++A)
    BySerial.try_emplace(At.Serial[A], A);
  static const char *const U[] = {"u[1][1]", "u[2][2]", "u[3][3]",
                                  "u[1][2]", "u[1][3]", "u[2][3]"};
  int IdCol = C.col("id");
  int UCol[6];
  for (int K = 0; K < 6; ++K)
    UCol[K] = C.col(U[K]);
  auto Cell = [&](size_t R, int Col) -> const Token * {
    if (Col < 0)
      return nullptr;
    const Token &T = C.Values[R * C.width() + Col];
    return T.isNull() ? nullptr : &T;
  };
  std::vector<std::array<float, 6>> Aniso(At.size(),
                                          {std::nanf(""), 0, 0, 0, 0, 0});
  size_t Unmatched = 0;
  const char *FirstUnmatched = nullptr;
  for (size_t R = 0; R < C.rows(); ++R) {
    const Token *Id = Cell(R, IdCol);
    if (!Id)
      continue;
    int64_t Serial;
    if (Error E = parseInt(*Id, "_atom_site_anisotrop.id", Serial))
      return E;
    auto Hit = BySerial.find(Serial);
    if (Hit == BySerial.end()) {
      if (!Unmatched++)
        FirstUnmatched = Id->Pos;
      continue;
    }
    std::array<float, 6> V;
    bool All = true;
    for (int K = 0; K < 6; ++K) {
      const Token *T = Cell(R, UCol[K]);
      if (!T) {
        All = false;
        break;
      }
      if (Error E = parseFloat(*T, Twine("_atom_site_anisotrop.") + U[K], V[K]))
        return E;
    }
    if (All)
      Aniso[Hit->second] = V;
  }
  if (Unmatched)
    warn(FirstUnmatched, Twine(Unmatched) +
                             " _atom_site_anisotrop rows name no atom_site.id "
                             "of the first model; their U values are dropped");
  S.atomsForWrite(Facet::AtomProperties).AnisoU = std::move(Aniso);
  return Error::success();
}

Expected<Structure> MmcifReader::read() {
  Token T = Lex.next();
  if (T.K == CifLexer::Kind::Error)
    return lexError(T);
  if (T.K != CifLexer::Kind::DataBlock)
    return error(T.K == CifLexer::Kind::Eof ? Lex.end() : T.Pos,
                 "expected a data block ('data_NAME') at the start of an "
                 "mmCIF file");
  BlockName = T.Text;
  T = Lex.next();
  for (;;) {
    switch (T.K) {
    case CifLexer::Kind::Error:
      return lexError(T);
    case CifLexer::Kind::Eof:
    case CifLexer::Kind::DataBlock: // only the first block is read
      goto Done;
    case CifLexer::Kind::Value:
      return error(T.Pos, "value '" + T.Text + "' without a tag");
    case CifLexer::Kind::Global:
    case CifLexer::Kind::Stop:
    case CifLexer::Kind::SaveFrame:
      T = Lex.next();
      continue;
    case CifLexer::Kind::Tag: {
      Token Tag = T;
      Token V = Lex.next();
      if (V.K == CifLexer::Kind::Error)
        return lexError(V);
      if (V.K != CifLexer::Kind::Value)
        return error(V.K == CifLexer::Kind::Eof ? Lex.end() : V.Pos,
                     "tag " + Tag.Text + " has no value");
      auto [Cat, Item] = Tag.Text.drop_front().split('.');
      std::string CatL = Cat.lower();
      if (CatL == "atom_site")
        return error(Tag.Pos, "_atom_site given as single items; qir reads "
                              "_atom_site only as a loop");
      if (isKeptCategory(CatL)) {
        Category &C = Categories[CatL];
        if (C.IsLoop)
          return error(Tag.Pos, "_" + Cat +
                                    " given both as a loop and as "
                                    "single items");
        if (!C.Pos)
          C.Pos = Tag.Pos;
        C.Items.push_back(Item.lower());
        C.Values.push_back(V);
      }
      T = Lex.next();
      continue;
    }
    case CifLexer::Kind::Loop: {
      const char *LoopPos = T.Pos;
      std::vector<StringRef> Tags;
      std::vector<const char *> TagPos;
      T = Lex.next();
      while (T.K == CifLexer::Kind::Tag) {
        Tags.push_back(T.Text);
        TagPos.push_back(T.Pos);
        T = Lex.next();
      }
      if (T.K == CifLexer::Kind::Error)
        return lexError(T);
      if (Tags.empty())
        return error(LoopPos, "loop_ without tags");
      StringRef Cat = Tags[0].drop_front().split('.').first;
      std::string CatL = Cat.lower();
      for (size_t I = 1; I < Tags.size(); ++I)
        if (!Tags[I].drop_front().split('.').first.equals_insensitive(Cat))
          return error(TagPos[I],
                       "loop mixes categories _" + Cat + " and " + Tags[I]);
      if (CatL == "atom_site") {
        Token Next;
        if (Error E = readAtomSiteLoop(LoopPos, Tags, TagPos, T, Next))
          return E;
        T = Next;
        continue;
      }
      bool Keep = isKeptCategory(CatL);
      Category *C = nullptr;
      if (Keep) {
        C = &Categories[CatL];
        if (!C->Items.empty())
          return error(LoopPos, "category _" + Cat + " appears twice");
        C->IsLoop = true;
        C->Pos = LoopPos;
        for (StringRef Tag : Tags)
          C->Items.push_back(Tag.drop_front().split('.').second.lower());
      }
      size_t Count = 0;
      const char *LastValue = LoopPos;
      while (T.K == CifLexer::Kind::Value) {
        if (C)
          C->Values.push_back(T);
        LastValue = T.Pos;
        ++Count;
        T = Lex.next();
      }
      if (T.K == CifLexer::Kind::Error)
        return lexError(T);
      if (Count % Tags.size())
        return error(T.K == CifLexer::Kind::Eof ? Lex.end() : LastValue,
                     "loop of _" + Cat + " has " + Twine(Tags.size()) +
                         " columns but " + Twine(Count) +
                         " values: the last row is incomplete (file "
                         "truncated?)");
      continue;
    }
    }
  }
Done:
  if (!SawAtomSite) {
    if (Categories.count("chem_comp_atom") == 0)
      return error(Text.begin(), "no _atom_site table (and no "
                                 "_chem_comp_atom): nothing to read");
    if (Error E = readChemCompAtoms())
      return E;
  }
  if (Builder.numRecords() == 0)
    return error(Text.begin(), "the _atom_site table has no rows");
  if (Error E = readEntities())
    return E;
  if (Error E = readBonds())
    return E;
  if (Error E = readMetadata())
    return E;
  StructureBuilder::FinishOptions FO;
  FO.PerceiveBonds = Opts.PerceiveBonds;
  Structure S = Builder.finish(FO);
  if (Error E = interpretCategories(S))
    return E;
  return S;
}

} // namespace

Expected<Structure> qir::io::readMmcif(StringRef Text, StringRef Name,
                                       const ReadOptions &Opts) {
  MmcifReader R(Text, Name, Opts);
  return R.read();
}
