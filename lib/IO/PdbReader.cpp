//===- PdbReader.cpp - PDB to IR ------------------------------------------===//
//
// Fixed-column PDB (wwPDB format v3.3) straight into the columns, in one pass
// over the buffer with no per-line allocation: every field is a StringRef
// into the text, numbers are parsed with hand-written loops (std::from_chars
// as the fallback), both locale independent.
//
// Records read: ATOM/HETATM, ANISOU, MODEL/ENDMDL, TER, HEADER (id code),
// EXPDTA, REMARK 2 (resolution), CRYST1, SSBOND, LINK, END (stops reading).
// Everything else (SEQRES included) is skipped.
//
// Coordinate lines: a line is short only if it ends before column 54; then
// it is an error located just past its end. Occupancy and B may be missing
// (NaN: the value is not in the file). Serial numbers and residue numbers may
// be hybrid-36. The residue name is columns 18-21 trimmed (some programs write
// four-letter names into column 21), so the chain id is column 22 alone.
//
// Element: columns 77-78 as written (trimmed). When blank, it is inferred
// from the name field the way the PDB aligns names: the symbol sits in
// columns 13-14, right-justified; " CA " is carbon, "CA  " calcium; a
// four-character name starting with H or D ("HG12", "HD21") is hydrogen;
// two letters in 13-14 are taken when they name an element, else the first.
//
// Verbatim extra columns (ExtraColumns), added after the build and only
// when some atom record needs them, so that writePdb() gives every
// ATOM/HETATM field back as written:
//   pdb_segid          columns 73-76 as written (empty when blank);
//   pdb_name_field     columns 13-16 raw, only for names that break the
//                      alignment rule (a name starts in column 14 when it is
//                      shorter than four characters and its element symbol
//                      has one letter, else in column 13); empty otherwise;
//   pdb_element_field  columns 77-78 raw when they differ from the element
//                      right-justified (blank and inferred, left-aligned);
//   pdb_charge_field   columns 79-80 raw when they differ from the canonical
//                      "2+" / "1-" spelling ("+2", "0", " 1").
// Values are per atom record ([S][N]); equal strings share storage.
//
// The reader keeps a pointer to each atom record's line and fills these
// after finish(), through Structure::siteOrder() (each state's atoms in the
// order of its records). ANISOU rows reach AtomTable::AnisoU the same way;
// when several models give one atom an ANISOU, the first state's wins.
//
//===----------------------------------------------------------------------===//
#include "qir/IO/PdbReader.h"
#include "qir/IR/StructureBuilder.h"
#include "qir/Support/Element.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <charconv>
#include <cmath>
#include <cstring>

using namespace qir;
using namespace qir::io;
using namespace llvm;

namespace {

/// StringRef::trim(' ') without the out-of-line search: fields are short.
inline StringRef trimBlanks(StringRef S) {
  const char *B = S.begin(), *E = S.end();
  while (B != E && *B == ' ')
    ++B;
  while (E != B && E[-1] == ' ')
    --E;
  return StringRef(B, E - B);
}

/// One line of the buffer without its terminator. Columns are 1-based as
/// in the PDB format description; columns past the end read as blanks.
struct Line {
  const char *B = nullptr;
  size_t Len = 0;

  char col(unsigned C) const { return C <= Len ? B[C - 1] : ' '; }
  const char *at(unsigned C) const { return B + (C - 1); }
  /// Columns First..Last (inclusive), clipped to the line.
  StringRef cols(unsigned First, unsigned Last) const {
    if (First > Len)
      return StringRef(B + Len, 0);
    size_t E = Last < Len ? Last : Len;
    return StringRef(B + First - 1, E - First + 1);
  }
  StringRef field(unsigned First, unsigned Last) const {
    return trimBlanks(cols(First, Last));
  }
  StringRef str() const { return StringRef(B, Len); }
};

Line lineAt(const char *P, const char *End) {
  const char *NL = static_cast<const char *>(std::memchr(P, '\n', End - P));
  const char *E = NL ? NL : End;
  if (E > P && E[-1] == '\r')
    --E;
  return Line{P, static_cast<size_t>(E - P)};
}

bool isBlank(StringRef S) {
  for (char C : S)
    if (C != ' ')
      return false;
  return true;
}

/// Decimal integer, optional sign, no spaces.
bool parseDecimal(StringRef S, int64_t &Out) {
  if (S.empty())
    return false;
  bool Neg = false;
  size_t I = 0;
  if (S[0] == '-' || S[0] == '+') {
    Neg = S[0] == '-';
    I = 1;
  }
  if (I == S.size() || S.size() - I > 18)
    return false;
  int64_t V = 0;
  for (; I < S.size(); ++I) {
    unsigned D = static_cast<unsigned char>(S[I]) - '0';
    if (D > 9)
      return false;
    V = V * 10 + D;
  }
  Out = Neg ? -V : V;
  return true;
}

/// Hybrid-36 (as written by cctbx/phenix for numbers past the decimal
/// width): a full-width field of [A-Z0-9] starting with a letter continues
/// after 10^W, then [a-z0-9] after that.
bool decodeHybrid36(StringRef S, unsigned Width, int64_t &Out) {
  if (S.size() != Width)
    return false;
  bool Upper = isUpper(S[0]), Lower = isLower(S[0]);
  if (!Upper && !Lower)
    return false;
  int64_t V = 0;
  for (char C : S) {
    int D;
    if (isDigit(C))
      D = C - '0';
    else if (Upper && isUpper(C))
      D = C - 'A' + 10;
    else if (Lower && isLower(C))
      D = C - 'a' + 10;
    else
      return false;
    V = V * 36 + D;
  }
  int64_t P36 = 1, P10 = 1;
  for (unsigned I = 1; I < Width; ++I)
    P36 *= 36;
  for (unsigned I = 0; I < Width; ++I)
    P10 *= 10;
  V = V - 10 * P36 + P10;
  if (Lower)
    V += 26 * P36;
  Out = V;
  return true;
}

/// A serial or residue number field: decimal, else hybrid-36.
bool parseHybridField(StringRef Raw, unsigned Width, int64_t &Out) {
  StringRef T = trimBlanks(Raw);
  if (parseDecimal(T, Out))
    return true;
  return decodeHybrid36(Raw, Width, Out);
}

/// A real number field (trimmed, non-empty): the fixed-point forms the
/// PDB uses by a fast path, anything else through std::from_chars.
bool parseReal(StringRef S, float &Out) {
  const char *P = S.begin(), *E = S.end();
  if (P == E)
    return false;
  bool Neg = false;
  if (*P == '-' || *P == '+') {
    Neg = *P == '-';
    ++P;
  }
  uint64_t Mant = 0;
  unsigned Digits = 0, Frac = 0;
  bool Dot = false;
  for (; P != E; ++P) {
    unsigned D = static_cast<unsigned char>(*P) - '0';
    if (D <= 9) {
      Mant = Mant * 10 + D;
      ++Digits;
      Frac += Dot;
    } else if (*P == '.' && !Dot) {
      Dot = true;
    } else {
      break;
    }
  }
  if (LLVM_LIKELY(P == E && Digits > 0 && Mant < (1u << 24) && Frac <= 10)) {
    // Both operands exact in float: one correctly rounded division.
    static const float Pow10f[] = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f,
                                   1e6f, 1e7f, 1e8f, 1e9f, 1e10f};
    float V = static_cast<float>(Mant) / Pow10f[Frac];
    Out = Neg ? -V : V;
    return true;
  }
  if (P == E && Digits > 0 && Digits <= 18) {
    static const double Pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,
                                   1e7,  1e8,  1e9,  1e10, 1e11, 1e12, 1e13,
                                   1e14, 1e15, 1e16, 1e17, 1e18};
    double V = static_cast<double>(Mant) / Pow10[Frac];
    Out = static_cast<float>(Neg ? -V : V);
    return true;
  }
  // Exponents and the like. from_chars takes no leading '+'.
  const char *B = S.begin();
  if (*B == '+')
    ++B;
  float V;
  auto [Ptr, Ec] = std::from_chars(B, S.end(), V);
  if (Ec != std::errc() || Ptr != S.end() || !std::isfinite(V))
    return false;
  Out = V;
  return true;
}

bool parseDouble(StringRef S, double &Out) {
  S = trimBlanks(S);
  if (S.empty())
    return false;
  if (S[0] == '+')
    S = S.drop_front();
  auto [Ptr, Ec] = std::from_chars(S.begin(), S.end(), Out);
  return Ec == std::errc() && Ptr == S.end();
}

/// Charge columns 79-80 (trimmed): "2+", "1-", "+2", "-1", "+", "-", "0".
bool parseCharge(StringRef T, int8_t &Out) {
  auto Sign = [](char C) { return C == '+' ? 1 : C == '-' ? -1 : 0; };
  if (T.size() == 1) {
    if (isDigit(T[0])) {
      Out = static_cast<int8_t>(T[0] - '0');
      return true;
    }
    if (Sign(T[0])) {
      Out = static_cast<int8_t>(Sign(T[0]));
      return true;
    }
    return false;
  }
  if (T.size() != 2)
    return false;
  if (isDigit(T[0]) && Sign(T[1])) {
    Out = static_cast<int8_t>(Sign(T[1]) * (T[0] - '0'));
    return true;
  }
  if (Sign(T[0]) && isDigit(T[1])) {
    Out = static_cast<int8_t>(Sign(T[0]) * (T[1] - '0'));
    return true;
  }
  return false;
}

/// The charge field writePdb() produces: blank for none and for zero,
/// else the digit and the sign ("2+").
void canonicalCharge(int8_t Charge, char Out[2]) {
  Out[0] = Out[1] = ' ';
  if (Charge == NoCharge || Charge == 0)
    return;
  int A = Charge < 0 ? -Charge : Charge;
  if (A > 9)
    return;
  Out[0] = static_cast<char>('0' + A);
  Out[1] = Charge < 0 ? '-' : '+';
}

/// The name field writePdb() produces for \p Name and \p Element.
void canonicalNameField(StringRef Name, StringRef Element, char Out[4]) {
  std::memset(Out, ' ', 4);
  unsigned Start = Name.size() < 4 && Element.size() < 2 ? 1 : 0;
  for (size_t I = 0; I < Name.size() && Start + I < 4; ++I)
    Out[Start + I] = Name[I];
}

/// Element from the name field (columns 13-16) when columns 77-78 are
/// blank; see the comment at the top. Writes one or two upper-case
/// letters into \p Buf and returns them (empty when nothing fits).
StringRef inferElement(StringRef Field, char Buf[2]) {
  char C0 = Field.size() > 0 ? Field[0] : ' ';
  char C1 = Field.size() > 1 ? Field[1] : ' ';
  char C3 = Field.size() > 3 ? Field[3] : ' ';
  if (!isAlpha(C1)) {
    if (!isAlpha(C0))
      return StringRef();
    Buf[0] = toUpper(C0);
    return StringRef(Buf, 1);
  }
  if (!isAlpha(C0)) {
    Buf[0] = toUpper(C1);
    return StringRef(Buf, 1);
  }
  Buf[0] = toUpper(C0);
  Buf[1] = toUpper(C1);
  if ((Buf[0] == 'H' || Buf[0] == 'D') && C3 != ' ')
    return StringRef(Buf, 1);
  if (atomicNumber(StringRef(Buf, 2)) != 0)
    return StringRef(Buf, 2);
  return StringRef(Buf, 1);
}

/// A LINK partner is a metal when its name field says so (an element
/// symbol in columns 13-14) or when it is a one-atom residue named after
/// a metal ("ZN" in residue ZN).
bool isMetalEnd(StringRef NameField, StringRef ResName) {
  char Buf[2];
  if (isMetal(atomicNumber(inferElement(NameField, Buf))))
    return true;
  StringRef Name = trimBlanks(NameField);
  return Name == ResName && isMetal(atomicNumber(Name));
}

class PdbReader {
public:
  PdbReader(StringRef Text, StringRef Name, const ReadOptions &Opts)
      : Text(Text), Name(Name), Opts(Opts), Builder("pdb") {}

  Expected<Structure> read();

private:
  Error error(const char *Pos, const Twine &Msg) {
    return makeParseError(Name, Text, Pos, Msg);
  }
  void warn(const char *Pos, const Twine &Msg) {
    Diagnostic D = locate(Name, Text, Pos, Msg, DiagKind::Warning);
    if (Opts.Warn)
      Opts.Warn(D);
    else
      D.print(errs());
  }

  Error parseAtom(const Line &L, bool Hetero);
  Error parseAnisou(const Line &L);
  Error parseModel(const Line &L);
  Error parseCryst1(const Line &L);
  Error parseSsbond(const Line &L);
  Error parseLink(const Line &L);
  Error parseBondEnd(const Line &L, unsigned NameCol, unsigned ResCol,
                     unsigned ChainCol, unsigned SeqCol, BondEnd &Out);
  Error parseReal(const Line &L, unsigned First, unsigned Last,
                  const char *What, float &Out);
  LLVM_ATTRIBUTE_NOINLINE Error badNumber(const Line &L, unsigned First,
                                          unsigned Last, const char *What);
  void beginModel(int32_t Number) {
    Builder.beginModel(Number);
    Models.emplace_back();
    AfterEndmdl = false;
    if (Models.size() == 1)
      Models.back().reserve(Text.size() / 81);
    PendingTer = false;
    LastAtom = nullptr;
  }
  Error postProcess(Structure &S);

  StringRef Text, Name;
  const ReadOptions &Opts;
  StructureBuilder Builder;

  /// Per model, the line of every atom record, in file order.
  std::vector<std::vector<const char *>> Models;
  DenseSet<int32_t> ModelNumbers;
  bool PendingTer = false;
  bool AfterEndmdl = false; ///< ENDMDL seen, no MODEL since
  /// The latest atom record of the current model, for ANISOU.
  const char *LastAtom = nullptr;

  struct AnisoRow {
    uint32_t Model, Record;
    std::array<float, 6> U;
  };
  std::vector<AnisoRow> Aniso;
  bool AnySegid = false, AnyNameField = false, AnyElementField = false,
       AnyChargeField = false;
  std::string Method;
};

} // namespace

Error PdbReader::parseReal(const Line &L, unsigned First, unsigned Last,
                           const char *What, float &Out) {
  if (LLVM_LIKELY(::parseReal(L.field(First, Last), Out)))
    return Error::success();
  return badNumber(L, First, Last, What);
}

Error PdbReader::badNumber(const Line &L, unsigned First, unsigned Last,
                           const char *What) {
  return error(L.at(First), Twine("expected a number for ") + What +
                                " in columns " + Twine(First) + "-" +
                                Twine(Last) + ", found '" +
                                L.cols(First, Last) + "'");
}

Error PdbReader::parseAtom(const Line &L, bool Hetero) {
  if (L.Len < 54)
    return error(L.B + L.Len,
                 Twine(Hetero ? "HETATM" : "ATOM") + " record ends at column " +
                     Twine(L.Len) +
                     "; coordinates need columns 31-54 (a coordinate line is "
                     "short only if it ends before column 54)");
  if (AfterEndmdl)
    return error(L.B, Twine(Hetero ? "HETATM" : "ATOM") +
                          " record after ENDMDL outside any model; a MODEL "
                          "record must start the next model");
  if (Models.empty())
    beginModel(1);
  AtomRecord R;
  R.Hetero = Hetero;
  R.ForceNewChain = PendingTer;
  PendingTer = false;

  // Serial: columns 7-11, or wider when an ATOM serial overflows to the
  // left ("ATOM 111757").
  unsigned SerialCol = 7;
  while (!Hetero && SerialCol > 5 && isDigit(L.col(SerialCol - 1)))
    --SerialCol;
  StringRef SerialField = L.cols(SerialCol, 11);
  if (SerialCol < 7) {
    if (!parseDecimal(trimBlanks(SerialField), R.Serial))
      return error(L.at(SerialCol), "atom serial number '" + SerialField +
                                        "' is not an integer");
  } else if (!parseHybridField(SerialField, 5, R.Serial)) {
    if (isBlank(SerialField))
      R.Serial = 0;
    else
      return error(L.at(7), "atom serial number '" + SerialField +
                                "' is neither an integer nor hybrid-36");
  }
  StringRef NameField = L.cols(13, 16);
  R.AtomName = trimBlanks(NameField);
  R.AltLoc = L.col(17) == ' ' ? 0 : L.col(17);
  R.ResName = L.field(18, 21);
  R.AuthChain = L.col(22) == ' ' ? StringRef() : L.cols(22, 22);
  StringRef SeqField = L.cols(23, 26);
  int64_t Seq;
  if (isBlank(SeqField)) {
    R.AuthSeq = NoSeqId;
  } else if (parseHybridField(SeqField, 4, Seq) && Seq > INT32_MIN &&
             Seq <= INT32_MAX) {
    R.AuthSeq = static_cast<int32_t>(Seq);
  } else {
    return error(L.at(23), "residue number '" + SeqField +
                               "' is neither an integer nor hybrid-36");
  }
  R.ICode = L.col(27) == ' ' ? 0 : L.col(27);
  if (Error E = parseReal(L, 31, 38, "x", R.X))
    return E;
  if (Error E = parseReal(L, 39, 46, "y", R.Y))
    return E;
  if (Error E = parseReal(L, 47, 54, "z", R.Z))
    return E;
  // A field the line lacks is missing (NaN, '.' in tables, blank when
  // written), not a made-up default.
  StringRef Occ = L.field(55, 60), B = L.field(61, 66);
  R.Occupancy = Occ.empty() ? std::nanf("") : R.Occupancy;
  R.BIso = B.empty() ? std::nanf("") : R.BIso;
  if (!Occ.empty() && !::parseReal(Occ, R.Occupancy))
    return badNumber(L, 55, 60, "occupancy");
  if (!B.empty() && !::parseReal(B, R.BIso))
    return badNumber(L, 61, 66, "B-factor");
  if (!AnySegid && !isBlank(L.cols(73, 76)))
    AnySegid = true;

  // Element: as written, else inferred from the name field.
  char ElBuf[2];
  char ElRaw[2] = {L.col(77), L.col(78)};
  StringRef ElField(ElRaw, 2);
  R.Element = trimBlanks(ElField);
  if (R.Element.empty())
    R.Element = inferElement(NameField, ElBuf);
  if (!AnyElementField) {
    char Canon[2] = {' ', ' '};
    if (R.Element.size() == 1)
      Canon[1] = R.Element[0];
    else
      std::memcpy(Canon, R.Element.data(), 2);
    AnyElementField = std::memcmp(Canon, ElRaw, 2) != 0;
  }
  char ChRaw[2] = {L.col(79), L.col(80)};
  StringRef ChField = trimBlanks(StringRef(ChRaw, 2));
  if (!ChField.empty()) {
    if (!parseCharge(ChField, R.Charge))
      return error(L.at(79), "charge '" + L.cols(79, 80) +
                                 "' in columns 79-80 is not like '2+' or '1-'");
  }
  if (!AnyChargeField) {
    char Canon[2];
    canonicalCharge(R.Charge, Canon);
    AnyChargeField = std::memcmp(Canon, ChRaw, 2) != 0;
  }
  if (!AnyNameField) {
    char Canon[4];
    canonicalNameField(R.AtomName, R.Element, Canon);
    AnyNameField =
        NameField.size() != 4 || std::memcmp(Canon, NameField.data(), 4) != 0;
  }
  Models.back().push_back(L.B);
  LastAtom = L.B;
  Builder.addAtom(R);
  return Error::success();
}

Error PdbReader::parseAnisou(const Line &L) {
  // The atom it belongs to is the atom record just before (SIGATM and the
  // like may sit between); columns 13-27 must name the same atom.
  Line Atom = LastAtom ? lineAt(LastAtom, Text.end()) : Line();
  if (!LastAtom || L.cols(13, 27) != Atom.cols(13, 27)) {
    warn(L.B, "ANISOU record does not follow the ATOM/HETATM record of its "
              "atom ('" +
                  L.cols(13, 27) + "'); ignored");
    return Error::success();
  }
  if (L.Len < 70)
    return error(L.B + L.Len, "ANISOU record ends at column " + Twine(L.Len) +
                                  "; U values need columns 29-70");
  AnisoRow Row;
  Row.Model = static_cast<uint32_t>(Models.size() - 1);
  Row.Record = static_cast<uint32_t>(Models.back().size() - 1);
  for (unsigned I = 0; I < 6; ++I) {
    unsigned C = 29 + 7 * I;
    int64_t V;
    if (!parseDecimal(L.field(C, C + 6), V))
      return error(L.at(C), "expected an integer U value in columns " +
                                Twine(C) + "-" + Twine(C + 6) + ", found '" +
                                L.cols(C, C + 6) + "'");
    Row.U[I] = static_cast<float>(V * 1e-4);
  }
  Aniso.push_back(Row);
  return Error::success();
}

Error PdbReader::parseModel(const Line &L) {
  // The number belongs in columns 11-14; take whatever follows "MODEL".
  StringRef Rest = L.cols(7, static_cast<unsigned>(std::max<size_t>(L.Len, 7)));
  StringRef T = Rest.trim(" \t");
  int64_t N;
  if (T.empty()) {
    N = static_cast<int64_t>(Models.size()) + 1;
  } else if (!parseDecimal(T, N) || N < INT32_MIN || N > INT32_MAX) {
    return error(T.data(), "model number '" + T + "' is not an integer");
  }
  if (!ModelNumbers.insert(static_cast<int32_t>(N)).second)
    return error(T.empty() ? L.B : T.data(),
                 "duplicate model number " + Twine(N));
  beginModel(static_cast<int32_t>(N));
  return Error::success();
}

Error PdbReader::parseCryst1(const Line &L) {
  if (L.Len < 54)
    return error(L.B + L.Len, "CRYST1 record ends at column " + Twine(L.Len) +
                                  "; the cell needs columns 7-54");
  static const unsigned Cols[7] = {7, 16, 25, 34, 41, 48, 55};
  static const char *const Names[6] = {"a", "b", "c", "alpha", "beta", "gamma"};
  double V[6];
  for (unsigned I = 0; I < 6; ++I)
    if (!parseDouble(L.cols(Cols[I], Cols[I + 1] - 1), V[I]))
      return error(L.at(Cols[I]), Twine("expected a number for cell ") +
                                      Names[I] + " in columns " +
                                      Twine(Cols[I]) + "-" +
                                      Twine(Cols[I + 1] - 1));
  Metadata &M = Builder.metadata();
  M.Cell = UnitCell{V[0], V[1], V[2], V[3], V[4], V[5]};
  M.SpaceGroup = L.field(56, 66).str();
  return Error::success();
}

Error PdbReader::parseBondEnd(const Line &L, unsigned NameCol, unsigned ResCol,
                              unsigned ChainCol, unsigned SeqCol,
                              BondEnd &Out) {
  if (NameCol) {
    Out.Atom = L.field(NameCol, NameCol + 3).str();
    char Alt = L.col(NameCol + 4);
    Out.AltLoc = Alt == ' ' ? 0 : Alt;
  }
  Out.ResName = L.field(ResCol, ResCol + 2).str();
  char Ch = L.col(ChainCol);
  Out.Chain = Ch == ' ' ? std::string() : std::string(1, Ch);
  int64_t Seq;
  StringRef SeqField = L.cols(SeqCol, SeqCol + 3);
  if (!parseHybridField(SeqField, 4, Seq) || Seq < INT32_MIN || Seq > INT32_MAX)
    return error(L.at(SeqCol), "residue number '" + SeqField +
                                   "' is neither an integer nor hybrid-36");
  Out.Seq = static_cast<int32_t>(Seq);
  char IC = L.col(SeqCol + 4);
  Out.ICode = IC == ' ' ? 0 : IC;
  return Error::success();
}

/// Bonds across a symmetry operation join atoms of different copies; the
/// IR holds one copy, so they are not bonds there.
static bool sameSymmetry(const Line &L) {
  StringRef S1 = L.field(60, 65), S2 = L.field(67, 72);
  return S1.empty() || S2.empty() || S1 == S2;
}

Error PdbReader::parseSsbond(const Line &L) {
  if (L.Len < 35)
    return error(L.B + L.Len, "SSBOND record ends at column " + Twine(L.Len) +
                                  "; the second residue needs columns 26-35");
  ExplicitBond B;
  B.Type = "disulf";
  if (Error E = parseBondEnd(L, 0, 12, 16, 18, B.A))
    return E;
  if (Error E = parseBondEnd(L, 0, 26, 30, 32, B.B))
    return E;
  B.A.Atom = B.B.Atom = "SG";
  if (sameSymmetry(L))
    Builder.addExplicitBond(std::move(B));
  return Error::success();
}

Error PdbReader::parseLink(const Line &L) {
  if (L.Len < 56)
    return error(L.B + L.Len, "LINK record ends at column " + Twine(L.Len) +
                                  "; the second atom needs columns 43-56");
  ExplicitBond B;
  if (Error E = parseBondEnd(L, 13, 18, 22, 23, B.A))
    return E;
  if (Error E = parseBondEnd(L, 43, 48, 52, 53, B.B))
    return E;
  bool Metal = isMetalEnd(L.cols(13, 16), B.A.ResName) ||
               isMetalEnd(L.cols(43, 46), B.B.ResName);
  B.Type = Metal ? "metalc" : "covale";
  if (sameSymmetry(L))
    Builder.addExplicitBond(std::move(B));
  return Error::success();
}

Expected<Structure> PdbReader::read() {
  const char *P = Text.begin(), *End = Text.end();
  const char *EndRecord = nullptr;
  while (P < End) {
    const char *NL = static_cast<const char *>(std::memchr(P, '\n', End - P));
    const char *LE = NL ? NL : End;
    Line L{P, static_cast<size_t>(LE - P)};
    if (LE > P && LE[-1] == '\r')
      --L.Len;
    P = NL ? NL + 1 : End;
    if (L.Len < 3)
      continue;
    const char *B = L.B;
    // Record name: columns 1-6, blank-padded.
    char Rec[6];
    for (unsigned I = 0; I < 6; ++I)
      Rec[I] = I < L.Len ? B[I] : ' ';
    StringRef R(Rec, 6);
    Error E = Error::success();
    switch (Rec[0]) {
    case 'A':
      // "ATOM 111757" (a serial overflowing into column 6) is an atom too.
      if (R.starts_with("ATOM") && (Rec[4] == ' ' || isDigit(Rec[4])) &&
          (Rec[5] == ' ' || isDigit(Rec[5])))
        E = parseAtom(L, false);
      else if (R == "ANISOU")
        E = parseAnisou(L);
      break;
    case 'H':
      if (R == "HETATM") {
        E = parseAtom(L, true);
      } else if (R == "HEADER") {
        StringRef Id = L.field(63, 66);
        if (!Id.empty())
          Builder.metadata().Id = Id.str();
      }
      break;
    case 'T':
      if (R == "TER   ") {
        PendingTer = true;
        LastAtom = nullptr;
      }
      break;
    case 'M':
      if (R == "MODEL ")
        E = parseModel(L);
      break;
    case 'E':
      if (R == "ENDMDL") {
        AfterEndmdl = true;
        PendingTer = false;
        LastAtom = nullptr;
      } else if (R == "END   ") {
        EndRecord = B;
      } else if (R == "EXPDTA") {
        StringRef T = L.field(11, 79);
        if (!T.empty()) {
          if (!Method.empty())
            Method += ' ';
          Method += T;
        }
      }
      break;
    case 'C':
      if (R == "CRYST1")
        E = parseCryst1(L);
      break;
    case 'R':
      if (R == "REMARK" && L.cols(7, 22) == "   2 RESOLUTION.") {
        double Res;
        StringRef T = L.cols(23, static_cast<unsigned>(L.Len));
        T = T.take_until([](char C) {
          return C != ' ' && C != '.' && C != '-' && !isDigit(C);
        });
        T = T.trim(' ');
        if (T.ends_with("."))
          T = T.drop_back();
        if (parseDouble(T, Res))
          Builder.metadata().Resolution = Res;
      }
      break;
    case 'S':
      if (R == "SSBOND")
        E = parseSsbond(L);
      break;
    case 'L':
      if (R == "LINK  ")
        E = parseLink(L);
      break;
    default:
      break;
    }
    if (E)
      return E;
    if (EndRecord)
      break;
  }
  if (Builder.numRecords() == 0)
    return error(End, "no ATOM or HETATM records: nothing to read");
  if (!Method.empty()) {
    // "X-RAY DIFFRACTION; NEUTRON DIFFRACTION", one "; " between methods.
    SmallVector<StringRef, 4> Parts;
    StringRef(Method).split(Parts, ';', -1, false);
    std::string Joined;
    for (StringRef Part : Parts) {
      Part = Part.trim(' ');
      if (Part.empty())
        continue;
      if (!Joined.empty())
        Joined += "; ";
      Joined += Part;
    }
    Builder.metadata().Method = std::move(Joined);
  }
  StructureBuilder::FinishOptions FO;
  FO.PerceiveBonds = Opts.PerceiveBonds;
  Structure S = Builder.finish(FO);
  if (Error E = postProcess(S))
    return E;
  return S;
}

/// Fill what the builder has no door for: the verbatim extra columns and
/// the anisotropic displacements.
Error PdbReader::postProcess(Structure &S) {
  if (!AnySegid && !AnyNameField && !AnyElementField && !AnyChargeField &&
      Aniso.empty())
    return Error::success();
  size_t N = S.numAtoms(), NS = S.numStates();
  assert(NS == Models.size() && "one state per model");
  std::vector<std::vector<uint32_t>> RecordAtom(NS);
  bool NeedAll = AnySegid || AnyNameField || AnyElementField || AnyChargeField;
  for (uint32_t M = 0; M < NS; ++M) {
    bool HasAniso = false;
    for (const AnisoRow &Row : Aniso)
      if (Row.Model == M) {
        HasAniso = true;
        break;
      }
    // The builder keeps each state's atoms in the order of its records.
    if (NeedAll || HasAniso) {
      RecordAtom[M] = S.siteOrder(M);
      if (RecordAtom[M].size() != Models[M].size())
        RecordAtom[M].assign(Models[M].size(), NoIndex); // cannot happen
    }
  }

  if (NeedAll) {
    StringMap<StringRef> Interned;
    auto Intern = [&](StringRef V) -> StringRef {
      if (V.empty())
        return StringRef();
      auto [It, New] = Interned.try_emplace(V);
      if (New)
        It->second = S.save(V);
      return It->second;
    };
    ExtraColumns &X = S.extraColumnsForWrite();
    auto AddColumn = [&](bool Want, StringRef ColName) -> int {
      if (!Want)
        return -1;
      X.Names.push_back(ColName.str());
      X.Values.emplace_back(NS * N);
      return static_cast<int>(X.Names.size() - 1);
    };
    int SegCol = AddColumn(AnySegid, "pdb_segid");
    int NameCol = AddColumn(AnyNameField, "pdb_name_field");
    int ElCol = AddColumn(AnyElementField, "pdb_element_field");
    int ChCol = AddColumn(AnyChargeField, "pdb_charge_field");
    const AtomTable &At = S.atoms();
    for (uint32_t M = 0; M < NS; ++M) {
      const std::vector<const char *> &Lines = Models[M];
      for (size_t I = 0; I < Lines.size(); ++I) {
        uint32_t A = RecordAtom[M][I];
        if (A == NoIndex)
          continue;
        size_t Slot = M * N + A;
        Line L = lineAt(Lines[I], Text.end());
        if (SegCol >= 0) {
          StringRef Seg = L.cols(73, 76);
          X.Values[SegCol][Slot] = isBlank(Seg) ? StringRef() : Intern(Seg);
        }
        if (NameCol >= 0) {
          char Canon[4];
          canonicalNameField(At.Name[A].str(), At.Element[A].str(), Canon);
          StringRef Raw = L.cols(13, 16);
          if (Raw != StringRef(Canon, 4))
            X.Values[NameCol][Slot] = Intern(Raw);
        }
        if (ElCol >= 0) {
          char Raw[2] = {L.col(77), L.col(78)};
          StringRef El = At.Element[A].str();
          char Canon[2] = {' ', ' '};
          if (El.size() == 1)
            Canon[1] = El[0];
          else if (El.size() == 2)
            std::memcpy(Canon, El.data(), 2);
          if (std::memcmp(Raw, Canon, 2) != 0)
            X.Values[ElCol][Slot] = Intern(StringRef(Raw, 2));
        }
        if (ChCol >= 0) {
          char Raw[2] = {L.col(79), L.col(80)};
          char Canon[2];
          canonicalCharge(At.Charge[A], Canon);
          if (std::memcmp(Raw, Canon, 2) != 0)
            X.Values[ChCol][Slot] = Intern(StringRef(Raw, 2));
        }
      }
    }
  }

  if (!Aniso.empty()) {
    AtomTable &At = S.atomsForWrite(Facet::AtomProperties);
    float NaN = std::nanf("");
    At.AnisoU.assign(N, {NaN, NaN, NaN, NaN, NaN, NaN});
    for (const AnisoRow &Row : Aniso) {
      uint32_t A = RecordAtom[Row.Model][Row.Record];
      if (A == NoIndex)
        continue;
      if (std::isnan(At.AnisoU[A][0]))
        At.AnisoU[A] = Row.U;
    }
  }
  return Error::success();
}

Expected<Structure> qir::io::readPdb(StringRef Text, StringRef Name,
                                     const ReadOptions &Opts) {
  PdbReader R(Text, Name, Opts);
  return R.read();
}
