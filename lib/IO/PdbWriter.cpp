//===- PdbWriter.cpp - IR to PDB ------------------------------------------===//
//
// Fixed-column PDB (wwPDB format v3.3): HEADER (id code), EXPDTA,
// REMARK 2 (resolution), CRYST1 when the cell is set, MODEL/ENDMDL when
// there is more than one state, ATOM/HETATM (+ ANISOU), TER after the last
// atom of each polymer chain row, END.
//
// Each state's atoms are written in the order the source listed them
// (Structure::siteOrder), with that state's serial, occupancy and B.
// The verbatim columns the PDB reader keeps (pdb_segid, pdb_name_field,
// pdb_element_field, pdb_charge_field; see PdbReader.cpp) put columns
// 13-16 and 73-80 back as written; an override that no longer agrees with
// the atom (renamed, element or charge changed) is ignored.
//
// Everything is checked before the first byte is written: a structure the
// format cannot hold is an error naming the limit and the offending value,
// never a truncated field. Serial numbers past 99999 are written in
// hybrid-36 (as cctbx does), which the reader decodes; residue numbers are
// limited to -999..9999.
//
//===----------------------------------------------------------------------===//
#include "qir/IO/Writer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <cstring>

using namespace qir;
using namespace qir::io;
using namespace llvm;

namespace {

constexpr int64_t MaxAtomsPerModel = 99999;

Error limitError(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(),
                           Msg + " (write mmCIF instead)");
}

/// Serial number in a 5-column field: decimal while it fits, hybrid-36
/// past 99999. Returns false when not even hybrid-36 holds it.
bool encodeSerial(int64_t V, char Out[5]) {
  constexpr int64_t P36 = 36LL * 36 * 36 * 36; // 36^4
  if (V >= -9999 && V <= 99999) {
    char Buf[8];
    std::snprintf(Buf, sizeof(Buf), "%5lld", static_cast<long long>(V));
    std::memcpy(Out, Buf, 5);
    return true;
  }
  if (V < 0)
    return false;
  int64_t X = V - 100000;
  const char *Digits;
  if (X < 26 * P36) {
    Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  } else {
    X -= 26 * P36;
    if (X >= 26 * P36)
      return false;
    Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
  }
  X += 10 * P36;
  for (int I = 4; I >= 0; --I) {
    Out[I] = Digits[X % 36];
    X /= 36;
  }
  return true;
}

/// Charge columns 79-80, as the reader takes them.
bool parseCharge(StringRef T, int8_t &Out) {
  auto Sign = [](char C) { return C == '+' ? 1 : C == '-' ? -1 : 0; };
  if (T.size() == 1) {
    if (isDigit(T[0]))
      Out = static_cast<int8_t>(T[0] - '0');
    else if (Sign(T[0]))
      Out = static_cast<int8_t>(Sign(T[0]));
    else
      return false;
    return true;
  }
  if (T.size() != 2)
    return false;
  if (isDigit(T[0]) && Sign(T[1]))
    Out = static_cast<int8_t>(Sign(T[1]) * (T[0] - '0'));
  else if (Sign(T[0]) && isDigit(T[1]))
    Out = static_cast<int8_t>(Sign(T[0]) * (T[1] - '0'));
  else
    return false;
  return true;
}

/// True when \p V prints in "%W.Pf" within W columns.
bool fitsFixed(double V, unsigned W, unsigned P) {
  if (!std::isfinite(V))
    return false;
  double Half = 0.5 * std::pow(10.0, -static_cast<double>(P));
  double Max = std::pow(10.0, static_cast<double>(W - P - 1)) - Half;
  double Min = -std::pow(10.0, static_cast<double>(W - P - 2)) + Half;
  return V < Max && V > Min;
}

/// printf("%W.Pf", V) for a float that fitsFixed(): V * 10^P is exact in
/// double (24 + 14 bits), so nearbyint() rounds exactly as printf does
/// (to nearest, ties to even), "-0.000" included.
void formatFixed(float V, unsigned W, unsigned P, char *Out) {
  static const double Scale[] = {1, 10, 100, 1000, 10000};
  static const int64_t IScale[] = {1, 10, 100, 1000, 10000};
  double R = std::nearbyint(static_cast<double>(V) * Scale[P]);
  bool Neg = std::signbit(R);
  uint64_t N = static_cast<uint64_t>(Neg ? -R : R);
  uint64_t Int = N / IScale[P], Frac = N % IScale[P];
  char *E = Out + W;
  char *Q = E;
  for (unsigned I = 0; I < P; ++I) {
    *--Q = static_cast<char>('0' + Frac % 10);
    Frac /= 10;
  }
  *--Q = '.';
  do {
    *--Q = static_cast<char>('0' + Int % 10);
    Int /= 10;
  } while (Int && Q > Out);
  if (Neg && Q > Out)
    *--Q = '-';
  while (Q > Out)
    *--Q = ' ';
}

std::string fmtFloat(double V) {
  return std::isfinite(V) ? formatv("{0}", V).str() : std::string("NaN");
}

class PdbWriter {
public:
  PdbWriter(const Structure &S, raw_ostream &OS) : S(S), OS(OS) {
    const ExtraColumns &X = S.extraColumns();
    size_t Slots = S.numStates() * S.numAtoms();
    auto Column = [&](StringRef Name) -> const std::vector<StringRef> * {
      int I = X.find(Name);
      if (I < 0 || X.Values[I].size() != Slots)
        return nullptr;
      return &X.Values[I];
    };
    SegId = Column("pdb_segid");
    NameField = Column("pdb_name_field");
    ElementField = Column("pdb_element_field");
    ChargeField = Column("pdb_charge_field");
  }

  Error check();
  void write();

private:
  StringRef extra(const std::vector<StringRef> *Col, size_t St,
                  size_t A) const {
    return Col ? (*Col)[St * S.numAtoms() + A] : StringRef();
  }
  void writeHeader();
  void writeAtom(size_t St, uint32_t A);
  void writeTer(size_t St, uint32_t A);
  /// Columns 13-27 (name .. insertion code) of atom \p A into \p Out.
  void idColumns(size_t St, uint32_t A, char Out[15]) const;
  void residueColumns(uint32_t R, char Out[10]) const;

  const Structure &S;
  raw_ostream &OS;
  const std::vector<StringRef> *SegId = nullptr, *NameField = nullptr,
                               *ElementField = nullptr, *ChargeField = nullptr;
};

} // namespace

Error PdbWriter::check() {
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  for (size_t C = 0; C < Ch.size(); ++C) {
    StringRef Id = Ch.AuthId[C].str();
    if (Id.size() > 1)
      return limitError("chain id '" + Id + "' has " + Twine(Id.size()) +
                        " characters; PDB holds 1");
  }
  for (size_t R = 0; R < Res.size(); ++R) {
    StringRef Name = Res.Name[R].str();
    if (Name.size() > 4)
      return limitError("residue name '" + Name + "' has " +
                        Twine(Name.size()) +
                        " characters; PDB holds 3 (4 reaching into column 21)");
    int32_t Seq = Res.AuthSeq[R];
    if (Seq != NoSeqId && (Seq < -999 || Seq > 9999))
      return limitError("residue number " + Twine(Seq) + " of residue '" +
                        Name + "' is outside -999..9999, what PDB holds");
  }
  for (size_t A = 0; A < At.size(); ++A) {
    int8_t Q = At.Charge[A];
    if (Q != NoCharge && (Q < -9 || Q > 9))
      return limitError("charge " + Twine(static_cast<int>(Q)) + " of atom '" +
                        At.Name[A].str() + "' does not fit PDB's one digit");
  }
  for (size_t St = 0; St < S.numStates(); ++St) {
    int64_t Count = 0;
    for (size_t A = 0; A < At.size(); ++A) {
      if (!S.isPresent(St, A))
        continue;
      if (++Count > MaxAtomsPerModel)
        return limitError("model " + Twine(S.states().ModelNumber[St]) +
                          " has more than " + Twine(MaxAtomsPerModel) +
                          " atoms; PDB holds " + Twine(MaxAtomsPerModel) +
                          " per model");
      char Buf[5];
      if (!encodeSerial(S.serial(St, A), Buf))
        return limitError("atom serial number " + Twine(S.serial(St, A)) +
                          " does not fit 5 columns, even in hybrid-36");
      auto P = S.position(St, A);
      for (float V : P)
        if (!fitsFixed(V, 8, 3))
          return limitError("coordinate " + fmtFloat(V) + " of atom '" +
                            At.Name[A].str() +
                            "' does not fit PDB's 8 columns (%8.3f)");
      if (!std::isnan(S.occupancy(St, A)) &&
          !fitsFixed(S.occupancy(St, A), 6, 2))
        return limitError("occupancy " + fmtFloat(S.occupancy(St, A)) +
                          " of atom '" + At.Name[A].str() +
                          "' does not fit PDB's 6 columns (%6.2f)");
      if (!std::isnan(S.bIso(St, A)) && !fitsFixed(S.bIso(St, A), 6, 2))
        return limitError("B-factor " + fmtFloat(S.bIso(St, A)) + " of atom '" +
                          At.Name[A].str() +
                          "' does not fit PDB's 6 columns (%6.2f)");
      StringRef Seg = extra(SegId, St, A);
      if (Seg.size() > 4)
        return limitError("segment id '" + Seg + "' has " + Twine(Seg.size()) +
                          " characters; PDB holds 4");
    }
  }
  for (size_t A = 0; A < At.size(); ++A) {
    if (!At.hasAniso(A))
      continue;
    for (float U : At.AnisoU[A]) {
      double V = std::nearbyint(static_cast<double>(U) * 1e4);
      if (!(V >= -999999 && V <= 9999999))
        return limitError("anisotropic U " + fmtFloat(U) + " of atom '" +
                          At.Name[A].str() +
                          "' does not fit PDB's 7 columns (U * 10^4)");
    }
  }
  return Error::success();
}

void PdbWriter::writeHeader() {
  const Metadata &M = S.metadata();
  if (!M.Id.empty() && M.Id.size() <= 4)
    OS << "HEADER" << std::string(56, ' ') << M.Id << '\n';
  if (!M.Method.empty()) {
    // Columns 11-79, continued on "EXPDTA  2" lines when longer.
    StringRef Rest = M.Method;
    for (unsigned Cont = 1; !Rest.empty(); ++Cont) {
      StringRef Part = Rest.take_front(Cont == 1 ? 69 : 68);
      if (Part.size() < Rest.size()) {
        size_t Cut = Part.rfind(' ');
        if (Cut != StringRef::npos && Cut > 0)
          Part = Part.take_front(Cut);
      }
      Rest = Rest.drop_front(Part.size()).ltrim(' ');
      if (Cont == 1)
        OS << "EXPDTA    " << Part << '\n';
      else
        OS << format("EXPDTA  %2u ", Cont) << Part << '\n';
    }
  }
  if (M.Resolution)
    OS << "REMARK   2\n"
       << format("REMARK   2 RESOLUTION.%8.2f ANGSTROMS.\n", *M.Resolution);
  if (M.Cell) {
    const UnitCell &C = *M.Cell;
    OS << format("CRYST1%9.3f%9.3f%9.3f%7.2f%7.2f%7.2f %-11s\n", C.A, C.B, C.C,
                 C.Alpha, C.Beta, C.Gamma, M.SpaceGroup.c_str());
  }
}

void PdbWriter::residueColumns(uint32_t R, char Out[10]) const {
  // Columns 18-27: residue name (18-20, or 18-21 for four letters), chain
  // (22), sequence number (23-26), insertion code (27).
  const ResidueTable &Res = S.residues();
  std::memset(Out, ' ', 10);
  StringRef Name = Res.Name[R].str();
  if (Name.size() == 4)
    std::memcpy(Out, Name.data(), 4);
  else
    std::memcpy(Out + 3 - Name.size(), Name.data(), Name.size());
  StringRef Chain = S.chains().AuthId[Res.Chain[R]].str();
  if (!Chain.empty())
    Out[4] = Chain[0];
  if (Res.AuthSeq[R] != NoSeqId) {
    char Buf[12];
    std::snprintf(Buf, sizeof(Buf), "%4d", static_cast<int>(Res.AuthSeq[R]));
    std::memcpy(Out + 5, Buf, 4);
  }
  if (Res.ICode[R])
    Out[9] = Res.ICode[R];
}

void PdbWriter::idColumns(size_t St, uint32_t A, char Out[15]) const {
  const AtomTable &At = S.atoms();
  StringRef Name = At.Name[A].str();
  StringRef El = At.Element[A].str();
  StringRef Raw = extra(NameField, St, A);
  std::memset(Out, ' ', 4);
  if (Raw.size() == 4 && Raw.trim(' ') == Name) {
    std::memcpy(Out, Raw.data(), 4);
  } else {
    // Column 14 for names under four characters with a one-letter element.
    unsigned Start = Name.size() < 4 && El.size() < 2 ? 1 : 0;
    std::memcpy(Out + Start, Name.data(), std::min<size_t>(Name.size(), 4));
  }
  Out[4] = At.AltLoc[A] ? At.AltLoc[A] : ' ';
  residueColumns(At.Residue[A], Out + 5);
}

void PdbWriter::writeAtom(size_t St, uint32_t A) {
  const AtomTable &At = S.atoms();
  char Serial[5];
  encodeSerial(S.serial(St, A), Serial);
  char Ids[15];
  idColumns(St, A, Ids);

  // Columns 73-80: segment id, element, charge.
  char Tail[8];
  std::memset(Tail, ' ', 8);
  StringRef Seg = extra(SegId, St, A);
  std::memcpy(Tail, Seg.data(), std::min<size_t>(Seg.size(), 4));
  StringRef El = At.Element[A].str();
  StringRef RawEl = extra(ElementField, St, A);
  StringRef RawElT = RawEl.trim(' ');
  if (RawEl.size() == 2 && (RawElT.empty() || RawElT.equals_insensitive(El)))
    std::memcpy(Tail + 4, RawEl.data(), 2);
  else if (El.size() == 1)
    Tail[5] = El[0];
  else if (El.size() == 2)
    std::memcpy(Tail + 4, El.data(), 2);
  int8_t Q = At.Charge[A];
  StringRef RawQ = extra(ChargeField, St, A);
  int8_t RawQV = NoCharge;
  bool RawOk = RawQ.size() == 2 &&
               (RawQ.trim(' ').empty()
                    ? (Q == NoCharge || Q == 0)
                    : parseCharge(RawQ.trim(' '), RawQV) && RawQV == Q);
  if (RawOk) {
    std::memcpy(Tail + 6, RawQ.data(), 2);
  } else if (Q != NoCharge && Q != 0) {
    Tail[6] = static_cast<char>('0' + (Q < 0 ? -Q : Q));
    Tail[7] = Q < 0 ? '-' : '+';
  }

  // One 81-byte line: columns 1-80 and the newline.
  char L[81];
  std::memset(L, ' ', 80);
  L[80] = '\n';
  std::memcpy(L, At.isHetero(A) ? "HETATM" : "ATOM  ", 6);
  std::memcpy(L + 6, Serial, 5);
  std::memcpy(L + 12, Ids, 15);
  auto P = S.position(St, A);
  formatFixed(P[0], 8, 3, L + 30);
  formatFixed(P[1], 8, 3, L + 38);
  formatFixed(P[2], 8, 3, L + 46);
  // Missing values stay blank.
  if (!std::isnan(S.occupancy(St, A)))
    formatFixed(S.occupancy(St, A), 6, 2, L + 54);
  if (!std::isnan(S.bIso(St, A)))
    formatFixed(S.bIso(St, A), 6, 2, L + 60);
  std::memcpy(L + 72, Tail, 8);
  OS.write(L, sizeof(L));
  if (At.hasAniso(A)) {
    const auto &U = At.AnisoU[A];
    OS << "ANISOU" << StringRef(Serial, 5) << ' ' << StringRef(Ids, 15) << ' ';
    for (float V : U)
      OS << format("%7d", static_cast<int>(
                              std::nearbyint(static_cast<double>(V) * 1e4)));
    OS << "  " << StringRef(Tail, 8) << '\n';
  }
}

void PdbWriter::writeTer(size_t St, uint32_t A) {
  char Serial[5];
  if (!encodeSerial(S.serial(St, A) + 1, Serial))
    std::memset(Serial, ' ', 5);
  char Res[10];
  residueColumns(S.atoms().Residue[A], Res);
  OS << "TER   " << StringRef(Serial, 5) << "      " << StringRef(Res, 10)
     << '\n';
}

void PdbWriter::write() {
  writeHeader();
  const AtomTable &At = S.atoms();
  const ResidueTable &Res = S.residues();
  const ChainTable &Ch = S.chains();
  const EntityTable &Ent = S.entities();
  auto IsPolymer = [&](uint32_t C) {
    uint32_t E = Ch.Entity[C];
    return E != NoIndex && E < Ent.size() && Ent.Type[E] == EntityType::Polymer;
  };
  bool Models = S.numStates() > 1;
  for (size_t St = 0; St < S.numStates(); ++St) {
    if (Models)
      OS << format("MODEL     %4d\n", S.states().ModelNumber[St]);
    std::vector<uint32_t> Order = S.siteOrder(St);
    for (size_t I = 0; I < Order.size(); ++I) {
      uint32_t A = Order[I];
      writeAtom(St, A);
      uint32_t C = Res.Chain[At.Residue[A]];
      bool LastOfChain =
          I + 1 == Order.size() || Res.Chain[At.Residue[Order[I + 1]]] != C;
      if (LastOfChain && IsPolymer(C))
        writeTer(St, A);
    }
    if (Models)
      OS << "ENDMDL\n";
  }
  OS << "END\n";
}

Error qir::io::writePdb(const Structure &S, raw_ostream &OS) {
  PdbWriter W(S, OS);
  if (Error E = W.check())
    return E;
  W.write();
  return Error::success();
}
