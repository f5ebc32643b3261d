//===- DsspEntry.cpp - What mkdssp reads of an entry besides atoms --------===//
//
// DsspEntry.h states the rules. The PDB half follows how libcifpp 5 turns
// PDB title records into the mmCIF categories mkdssp reads:
//
//   HEADER    must be the first record: classification (columns 11-50,
//             trimmed) becomes struct_keywords.pdbx_keywords (the row exists
//             when it or KEYWDS is non-empty), the id code (63-66) the
//             block name ("nohd" when blank), and the deposition date
//             (51-59) the original date of each REVDAT record of
//             modification type 0, which is where mkdssp finds it.
//   COMPND    the record text (first line from column 11, continuation
//   SOURCE    lines from column 11, each line ending in a newline; SOURCE
//             continuations trimmed on both sides) is a specification list
//             "KEY: value; ...", read by the state machine below. COMPND
//             MOL_ID starts a compound (an entity, in order of appearance),
//             CHAIN lists its chains, other keys describe it; SOURCE MOL_ID
//             selects the compound its keys describe. A compound is made
//             (src_method) synthetic by SOURCE SYNTHETIC, engineered by
//             COMPND ENGINEERED YES or an EXPRESSION_SYSTEM, natural by an
//             ORGANISM_SCIENTIFIC.
//   AUTHOR    the text of all lines, split at commas; each name with
//             leading initials "A.B.NAME" becomes "Name, A.B.", and every
//             letter not after a blank or punctuation is lower-cased.
//
// Without COMPND records each polymer entity of the structure is one
// compound with no description (libcifpp takes the text of whatever record
// follows instead; qir-dssp does not copy that).
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/DsspEntry.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

using namespace qir;
using namespace llvm;

std::string qir::dsspFixLength(StringRef S, size_t Length) {
  if (S.size() > Length)
    return (S.take_front(Length - 4) + "... ").str();
  std::string Out = S.str();
  Out.append(Length - S.size(), ' ');
  return Out;
}

namespace {

/// Width of the four legacy header lines (without the final '.').
constexpr size_t LineWidth = 127;

constexpr const char *MonthNames[12] = {"JAN", "FEB", "MAR", "APR",
                                        "MAY", "JUN", "JUL", "AUG",
                                        "SEP", "OCT", "NOV", "DEC"};

bool allDigits(StringRef S) {
  return !S.empty() && llvm::all_of(S, [](char C) { return isDigit(C); });
}

/// An mmCIF date YYYY-MM or YYYY-MM-DD as PDB writes it: DD-MON-YY or
/// MON-YY; empty for anything else.
std::string cifDateToPdb(StringRef D) {
  SmallVector<StringRef, 3> Parts;
  D.split(Parts, '-');
  if (Parts.size() < 2 || Parts.size() > 3 || Parts[0].size() != 4 ||
      !allDigits(Parts[0]) || Parts[1].size() != 2 || !allDigits(Parts[1]) ||
      (Parts.size() == 3 && (Parts[2].size() != 2 || !allDigits(Parts[2]))))
    return {};
  unsigned Year = 0, Month = 0, Day = 0;
  Parts[0].getAsInteger(10, Year);
  Parts[1].getAsInteger(10, Month);
  if (Month < 1 || Month > 12)
    return {};
  std::string Out;
  if (Parts.size() == 3) {
    Parts[2].getAsInteger(10, Day);
    Out += char('0' + Day / 10 % 10);
    Out += char('0' + Day % 10);
    Out += '-';
  }
  Out += MonthNames[Month - 1];
  Out += '-';
  Out += char('0' + Year / 10 % 10);
  Out += char('0' + Year % 10);
  return Out;
}

/// A PDB date DD-MON-YY (or MON-YY) as mmCIF writes it, YYYY-MM-DD (years
/// before 1950 are 20YY); the text unchanged when it is neither.
std::string pdbDateToCif(StringRef D) {
  SmallVector<StringRef, 3> Parts;
  D.split(Parts, '-');
  if (Parts.size() == 2)
    Parts.insert(Parts.begin(), StringRef());
  if (Parts.size() != 3 ||
      (!Parts[0].empty() && (Parts[0].size() != 2 || !allDigits(Parts[0]))) ||
      Parts[2].size() != 2 || !allDigits(Parts[2]))
    return D.str();
  const char *const *M = llvm::find(MonthNames, Parts[1]);
  if (M == std::end(MonthNames))
    return D.str();
  unsigned Year = 0;
  Parts[2].getAsInteger(10, Year);
  Year += 1900;
  if (Year < 1950)
    Year += 100;
  std::string Out = std::to_string(Year) + "-";
  unsigned Month = unsigned(M - std::begin(MonthNames)) + 1;
  Out += char('0' + Month / 10);
  Out += char('0' + Month % 10);
  if (!Parts[0].empty())
    Out += ("-" + Parts[0]).str();
  return Out;
}

/// An audit_author name "Last, I.J." as PDB writes it, "I.J.Last"; other
/// names unchanged.
std::string cifAuthorToPdb(StringRef Name) {
  size_t Comma = Name.find(',');
  if (Comma == 0 || Comma == StringRef::npos || Comma + 2 >= Name.size() + 1 ||
      Name[Comma + 1] != ' ')
    return Name.str();
  StringRef Rest = Name.drop_front(Comma + 2);
  if (Rest.empty() || llvm::any_of(Rest, [](char C) { return isSpace(C); }))
    return Name.str();
  return (Rest + Name.take_front(Comma)).str();
}

/// A PDB AUTHOR name as libcifpp writes it into audit_author.name: leading
/// initials "A.B." moved behind ("NAME, A.B."), then every letter that does
/// not follow a blank or punctuation lower-cased.
std::string pdbAuthorToCif(StringRef Name) {
  std::string A = Name.trim().str();
  // Leading initials: runs of capitals each ending in '.'; the longest
  // such prefix that leaves something behind.
  size_t Initials = 0;
  for (size_t P = 0;;) {
    size_t Q = P;
    while (Q < A.size() && A[Q] >= 'A' && A[Q] <= 'Z')
      ++Q;
    if (Q == P || Q >= A.size() || A[Q] != '.' || Q + 1 >= A.size())
      break;
    P = Initials = Q + 1;
  }
  if (Initials > 0)
    A = A.substr(Initials) + ", " + A.substr(0, Initials);
  bool Upper = true;
  for (char &C : A) {
    unsigned char U = static_cast<unsigned char>(C);
    if (std::ispunct(U) || std::isspace(U))
      Upper = true;
    else if (Upper)
      Upper = false;
    else
      C = static_cast<char>(std::tolower(U));
  }
  return A;
}

/// One polymer entity as mkdssp describes it.
struct Compound {
  std::string Description, Fragment, Mutation, EC, Details;
  /// entity_poly.pdbx_strand_id, ", "-joined; none without an entity_poly
  /// row (then mkdssp prints no CHAIN item).
  std::optional<std::string> Chains;
  std::vector<std::string> Synonyms;
  bool Engineered = false; ///< src_method man or syn
  bool Synthetic = false;  ///< src_method syn
  /// "KEY: value" items of its entity_src_gen and entity_src_nat rows.
  std::vector<std::string> SourceItems;
};

/// The entry facts before formatting.
struct Facts {
  bool HaveKeywords = false;
  std::string Keywords, Date, Id;
  std::vector<Compound> Compounds;
  std::vector<std::string> Authors; ///< as PDB writes them
};

DsspEntry format(const Facts &F) {
  DsspEntry E;
  std::string H =
      "HEADER    " + std::string(40, 'x') + std::string(9, 'D') + "   IIII";
  if (F.HaveKeywords)
    H.replace(10, 40, dsspFixLength(F.Keywords, 40));
  H.replace(50, 9, dsspFixLength(F.Date, 9));
  std::string Id = F.Id.substr(0, 4);
  Id.resize(4, ' ');
  H.replace(62, 4, Id);
  E.Header = dsspFixLength(H, LineWidth);

  std::vector<std::string> C, S;
  for (size_t I = 0; I < F.Compounds.size(); ++I) {
    const Compound &M = F.Compounds[I];
    std::string Mol = "MOL_ID: " + std::to_string(I + 1);
    C.push_back(Mol);
    C.push_back("MOLECULE: " + M.Description);
    if (M.Chains)
      C.push_back("CHAIN: " + *M.Chains);
    if (!M.Fragment.empty())
      C.push_back("FRAGMENT: " + M.Fragment);
    for (const std::string &Syn : M.Synonyms)
      C.push_back("SYNONYM: " + Syn);
    if (!M.Mutation.empty())
      C.push_back("MUTATION: " + M.Mutation);
    if (!M.EC.empty())
      C.push_back("EC: " + M.EC);
    if (M.Engineered)
      C.push_back("ENGINEERED: YES");
    if (!M.Details.empty())
      C.push_back("OTHER_DETAILS: " + M.Details);

    S.push_back(Mol);
    if (M.Synthetic)
      S.push_back("SYNTHETIC: YES");
    llvm::append_range(S, M.SourceItems);
  }
  E.Compnd = dsspFixLength("COMPND    " + join(C, "; "), LineWidth);
  E.Source = dsspFixLength("SOURCE    " + join(S, "; "), LineWidth);
  E.Author = dsspFixLength("AUTHOR    " + join(F.Authors, "; "), LineWidth);
  return E;
}

/// mkdssp's entity_src_gen and entity_src_nat items, in its order, with the
/// PDB SOURCE token each is printed under (the same tokens libcifpp reads
/// them from).
struct SourceMap {
  const char *Item, *Token;
};
constexpr SourceMap GenSource[] = {
    {"gene_src_common_name", "ORGANISM_COMMON"},
    {"pdbx_gene_src_gene", "GENE"},
    {"gene_src_strain", "STRAIN"},
    {"pdbx_gene_src_cell_line", "CELL_LINE"},
    {"pdbx_gene_src_organelle", "ORGANELLE"},
    {"pdbx_gene_src_cellular_location", "CELLULAR_LOCATION"},
    {"pdbx_gene_src_scientific_name", "ORGANISM_SCIENTIFIC"},
    {"pdbx_gene_src_ncbi_taxonomy_id", "ORGANISM_TAXID"},
    {"pdbx_host_org_scientific_name", "EXPRESSION_SYSTEM"},
    {"pdbx_host_org_ncbi_taxonomy_id", "EXPRESSION_SYSTEM_TAXID"},
    {"pdbx_host_org_strain", "EXPRESSION_SYSTEM_STRAIN"},
    {"pdbx_host_org_variant", "EXPRESSION_SYSTEM_VARIANT"},
    {"pdbx_host_org_cellular_location", "EXPRESSION_SYSTEM_CELLULAR_LOCATION"},
    {"pdbx_host_org_vector_type", "EXPRESSION_SYSTEM_VECTOR_TYPE"},
    {"pdbx_host_org_vector", "EXPRESSION_SYSTEM_VECTOR"},
    {"pdbx_host_org_gene", "EXPRESSION_SYSTEM_GENE"},
    {"plasmid_name", "EXPRESSION_SYSTEM_PLASMID"},
};
constexpr SourceMap NatSource[] = {
    {"common_name", "ORGANISM_COMMON"},
    {"strain", "STRAIN"},
    {"pdbx_organism_scientific", "ORGANISM_SCIENTIFIC"},
    {"pdbx_ncbi_taxonomy_id", "ORGANISM_TAXID"},
    {"pdbx_cellular_location", "CELLULAR_LOCATION"},
    {"pdbx_plasmid_name", "PLASMID"},
    {"pdbx_organ", "ORGAN"},
    {"details", "OTHER_DETAILS"},
};

std::string replaceAll(StringRef S, StringRef From, StringRef To) {
  std::string Out;
  while (!S.empty()) {
    size_t P = S.find(From);
    Out += S.take_front(P).str();
    if (P == StringRef::npos)
      break;
    Out += To.str();
    S = S.drop_front(P + From.size());
  }
  return Out;
}

} // namespace

//===----------------------------------------------------------------------===//
// mmCIF
//===----------------------------------------------------------------------===//

DsspEntry qir::dsspEntryFromMmcif(const io::CifBlock &B) {
  Facts F;
  F.Id = B.Name;
  if (const io::CifCategory *C = B.find("struct_keywords");
      C && C->rows() > 0) {
    F.HaveKeywords = true;
    F.Keywords = C->str(0, "pdbx_keywords").str();
  }
  auto FirstDate = [&](StringRef Cat,
                       StringRef Item) -> std::optional<std::string> {
    if (const io::CifCategory *C = B.find(Cat))
      for (size_t R = 0; R < C->rows(); ++R)
        if (StringRef D = C->str(R, Item); !D.empty())
          return cifDateToPdb(D);
    return std::nullopt;
  };
  if (auto D =
          FirstDate("pdbx_database_status", "recvd_initial_deposition_date"))
    F.Date = *D;
  if (F.Date.empty())
    if (auto D = FirstDate("database_PDB_rev", "date_original"))
      F.Date = *D;

  const io::CifCategory *Entity = B.find("entity");
  const io::CifCategory *Poly = B.find("entity_poly");
  const io::CifCategory *NameCom = B.find("entity_name_com");
  const io::CifCategory *Gen = B.find("entity_src_gen");
  const io::CifCategory *Nat = B.find("entity_src_nat");
  for (size_t R = 0; Entity && R < Entity->rows(); ++R) {
    if (!Entity->str(R, "type").equals_insensitive("polymer"))
      continue;
    StringRef Id = Entity->str(R, "id");
    Compound M;
    M.Description = Entity->str(R, "pdbx_description").str();
    for (size_t P = 0; Poly && P < Poly->rows(); ++P)
      if (Poly->str(P, "entity_id") == Id) {
        M.Chains = replaceAll(Poly->str(P, "pdbx_strand_id"), ",", ", ");
        break;
      }
    M.Fragment = Entity->str(R, "pdbx_fragment").str();
    for (size_t N = 0; NameCom && N < NameCom->rows(); ++N)
      if (NameCom->str(N, "entity_id") == Id)
        if (StringRef Syn = NameCom->str(N, "name"); !Syn.empty())
          M.Synonyms.push_back(Syn.str());
    M.Mutation = Entity->str(R, "pdbx_mutation").str();
    M.EC = Entity->str(R, "pdbx_ec").str();
    StringRef Method = Entity->str(R, "src_method");
    M.Engineered =
        Method.equals_insensitive("man") || Method.equals_insensitive("syn");
    M.Synthetic = Method.equals_insensitive("syn");
    M.Details = Entity->str(R, "details").str();
    auto Items = [&](const io::CifCategory *C, ArrayRef<SourceMap> Map) {
      for (size_t G = 0; C && G < C->rows(); ++G) {
        if (C->str(G, "entity_id") != Id)
          continue;
        for (const SourceMap &S : Map)
          if (StringRef V = C->str(G, S.Item); !V.empty())
            M.SourceItems.push_back((Twine(S.Token) + ": " + V).str());
      }
    };
    Items(Gen, GenSource);
    Items(Nat, NatSource);
    F.Compounds.push_back(std::move(M));
  }

  if (const io::CifCategory *C = B.find("audit_author"))
    for (size_t R = 0; R < C->rows(); ++R)
      F.Authors.push_back(cifAuthorToPdb(C->str(R, "name")));

  DsspEntry E = format(F);
  if (const io::CifCategory *C = B.find("struct_conn"))
    for (size_t R = 0; R < C->rows(); ++R) {
      if (!C->str(R, "conn_type_id").equals_insensitive("disulf"))
        continue;
      DsspDisulfide D;
      D.Asym1 = C->str(R, "ptnr1_label_asym_id").str();
      D.Asym2 = C->str(R, "ptnr2_label_asym_id").str();
      if (C->str(R, "ptnr1_label_seq_id").getAsInteger(10, D.Seq1))
        D.Seq1 = NoSeqId;
      if (C->str(R, "ptnr2_label_seq_id").getAsInteger(10, D.Seq2))
        D.Seq2 = NoSeqId;
      E.Disulfides.push_back(std::move(D));
    }
  return E;
}

//===----------------------------------------------------------------------===//
// PDB
//===----------------------------------------------------------------------===//

namespace {

/// Columns \p First .. \p Last (1-based, inclusive) of \p Line, trimmed.
StringRef cols(StringRef Line, size_t First, size_t Last = 1000) {
  if (Line.size() < First)
    return {};
  return Line.substr(First - 1, Last - First + 1).trim();
}

/// The continuation number in columns 8-10 (0 when blank or not a number).
int continuation(StringRef Line) {
  int N = 0;
  if (cols(Line, 8, 10).getAsInteger(10, N))
    return 0;
  return N;
}

/// The "KEY: value; ..." specification list of COMPND and SOURCE text, read
/// as libcifpp reads it: a key is letters, digits and '_' followed by ':';
/// a value runs to a ';' that ends its line; a line break inside a value
/// is dropped when the next line starts with a blank and becomes a blank
/// when it does not (unless a new "KEY:" starts there, which ends the
/// value); blanks after a ';' that does not end its line are kept and the
/// ';' dropped. Characters that cannot start a key are skipped; a key not
/// followed by ':' is skipped up to the next ';'.
std::vector<std::pair<std::string, std::string>> specifications(StringRef T) {
  std::vector<std::pair<std::string, std::string>> Out;
  enum State { Start, Key, Colon, Value, NewLine, NewKey, Semi, Bad, Done };
  size_t P = 0;
  auto IsKeyChar = [](char C) {
    return std::isalnum(static_cast<unsigned char>(C)) || C == '_';
  };
  auto IsBlank = [](char C) {
    return std::isspace(static_cast<unsigned char>(C)) != 0;
  };
  while (P < T.size()) {
    std::string K, V;
    size_t Mark = 0;
    State S = Start;
    while (P < T.size() && S != Done) {
      char C = T[P++];
      switch (S) {
      case Start:
        if (IsKeyChar(C)) {
          K.assign(1, C);
          V.clear();
          S = Key;
        }
        break;
      case Key:
        if (IsKeyChar(C))
          K += C;
        else
          S = C == ':' ? Colon : Bad;
        break;
      case Colon:
        if (C == ';')
          S = Start; // an empty value: skipped
        else if (!IsBlank(C)) {
          V.assign(1, C);
          S = Value;
        }
        break;
      case Value:
        if (C == '\n') {
          Mark = P;
          S = NewLine;
        } else if (C == ';') {
          Mark = P;
          S = Semi;
        } else {
          V += C;
        }
        break;
      case Semi:
        if (C == '\n')
          S = Done;
        else if (C != ' ') {
          V.append(T.data() + Mark, P - Mark);
          S = Value;
        }
        break;
      case NewLine:
        if (std::isalnum(static_cast<unsigned char>(C))) {
          V += ' ';
          S = NewKey;
        } else if (IsBlank(C)) {
          S = Value;
        }
        break;
      case NewKey:
        if (C == ':') {
          P = Mark;
          S = Done;
        } else if (C == ';') {
          S = Semi;
        } else if (!IsKeyChar(C)) {
          V.append(T.data() + Mark, P - Mark);
          S = Value;
        }
        break;
      case Bad:
        if (C == ';')
          S = Start;
        break;
      case Done:
        break;
      }
    }
    if (K.empty())
      break;
    Out.push_back({K, StringRef(V).trim().str()});
  }
  return Out;
}

/// A compound read from COMPND and SOURCE.
struct PdbCompound {
  int MolId = 0;
  std::set<char> Chains;
  std::map<std::string, std::string> Info, Source;
  std::string get(const std::map<std::string, std::string> &M,
                  StringRef Key) const {
    auto It = M.find(Key.str());
    return It == M.end() ? std::string() : It->second;
  }
};

} // namespace

DsspEntry qir::dsspEntryFromPdb(StringRef Text, const Structure &S) {
  // The title section: every record before the first coordinate record.
  std::vector<StringRef> Lines;
  for (StringRef Rest = Text; !Rest.empty();) {
    auto [Line, Tail] = Rest.split('\n');
    Rest = Tail;
    Line.consume_back("\r");
    if (Line.starts_with("ATOM  ") || Line.starts_with("HETATM") ||
        Line.starts_with("MODEL "))
      break;
    Lines.push_back(Line);
  }
  auto Record = [](StringRef Line, StringRef Name) {
    return Line.take_front(6).rtrim() == Name;
  };

  Facts F;
  std::string HeaderDate;
  if (!Lines.empty() && Record(Lines[0], "HEADER")) {
    F.Keywords = cols(Lines[0], 11, 50).str();
    HeaderDate = pdbDateToCif(cols(Lines[0], 51, 59));
    F.Id = cols(Lines[0], 63, 66).str();
  }
  if (F.Id.empty())
    F.Id = "nohd";
  bool Keywds = false, Original = false;
  std::string CompndText, SourceText, AuthorText;
  bool HaveCompnd = false, HaveSource = false, HaveAuthor = false;
  for (size_t I = 0; I < Lines.size(); ++I) {
    StringRef L = Lines[I];
    if (Record(L, "KEYWDS"))
      Keywds |= !cols(L, 11).empty();
    else if (Record(L, "REVDAT")) {
      int Type = 0;
      if (!cols(L, 32, 32).getAsInteger(10, Type) || cols(L, 32, 32).empty())
        Original |= Type == 0;
    } else if ((Record(L, "COMPND") && !HaveCompnd) ||
               (Record(L, "SOURCE") && !HaveSource) ||
               (Record(L, "AUTHOR") && !HaveAuthor)) {
      StringRef Name = L.take_front(6);
      bool IsAuthor = Name == "AUTHOR", IsSource = Name == "SOURCE";
      std::string V = L.size() > 6 ? L.drop_front(6).rtrim().str() : "";
      if (!IsAuthor)
        V += '\n';
      for (int N = 2; I + 1 < Lines.size() && Record(Lines[I + 1], Name) &&
                      continuation(Lines[I + 1]) == N;
           ++N, ++I) {
        StringRef C = Lines[I + 1].size() > 10 ? Lines[I + 1].drop_front(10)
                                               : StringRef();
        V += (IsSource ? C.trim() : C.rtrim()).str();
        if (!IsAuthor)
          V += '\n';
      }
      // The value proper starts at column 11.
      std::string Value =
          V.size() > 4 ? StringRef(V).drop_front(4).trim().str() : "";
      if (IsAuthor) {
        AuthorText = Value;
        HaveAuthor = true;
      } else if (IsSource) {
        SourceText = Value;
        HaveSource = true;
      } else {
        CompndText = Value;
        HaveCompnd = true;
      }
    }
  }
  F.HaveKeywords = !F.Keywords.empty() || Keywds;
  if (Original)
    F.Date = cifDateToPdb(HeaderDate);

  // Compounds.
  std::vector<PdbCompound> Cmp;
  auto GetCompound = [&](int Id) -> PdbCompound & {
    for (PdbCompound &C : Cmp)
      if (C.MolId == Id)
        return C;
    Cmp.push_back({});
    Cmp.back().MolId = Id;
    return Cmp.back();
  };
  if (HaveCompnd) {
    if (StringRef(CompndText).find(':') == StringRef::npos) {
      GetCompound(1).Info["MOLECULE"] = CompndText;
    } else {
      for (auto &[K, V] : specifications(CompndText)) {
        if (!StringRef(K).equals_insensitive("MOL_ID") && Cmp.empty())
          break;
        if (K == "MOL_ID") {
          int Id = 0;
          StringRef(V).getAsInteger(10, Id);
          GetCompound(Id);
        } else if (K == "CHAIN") {
          SmallVector<StringRef, 8> Ids;
          StringRef(V).split(Ids, ',');
          for (StringRef C : Ids)
            if (!C.trim().empty())
              Cmp.back().Chains.insert(C.trim()[0]);
        } else {
          Cmp.back().Info[K] = V;
        }
      }
    }
  }
  if (HaveSource) {
    PdbCompound *Cur = nullptr;
    for (auto &[K, V] : specifications(SourceText)) {
      if (K == "MOL_ID") {
        int Id = 0;
        StringRef(V).getAsInteger(10, Id);
        Cur = nullptr;
        for (PdbCompound &C : Cmp)
          if (C.MolId == Id)
            Cur = &C;
        continue;
      }
      if (Cur)
        Cur->Source[K] = V;
    }
  }
  // Polymer chains no compound names become compounds of their own, one
  // per entity.
  const ChainTable &Ch = S.chains();
  const EntityTable &Ent = S.entities();
  std::vector<uint32_t> Extra;
  for (uint32_t C = 0; C < S.numChains(); ++C) {
    uint32_t E = Ch.Entity[C];
    if (E == NoIndex || Ent.Type[E] != EntityType::Polymer ||
        Ch.AuthId[C].empty())
      continue;
    char Id = Ch.AuthId[C].str()[0];
    if (llvm::any_of(Cmp,
                     [&](const PdbCompound &M) { return M.Chains.count(Id); }))
      continue;
    if (!llvm::is_contained(Extra, E)) {
      Extra.push_back(E);
      int Next = 1;
      for (const PdbCompound &M : Cmp)
        Next = std::max(Next, M.MolId + 1);
      GetCompound(Next);
    }
    size_t K =
        Cmp.size() - Extra.size() + (llvm::find(Extra, E) - Extra.begin());
    Cmp[K].Chains.insert(Id);
  }
  for (const PdbCompound &M : Cmp) {
    Compound C;
    C.Description = M.get(M.Info, "MOLECULE");
    C.Chains.emplace();
    for (char Id : M.Chains) {
      if (!C.Chains->empty())
        *C.Chains += ", ";
      *C.Chains += Id;
    }
    C.Fragment = M.get(M.Info, "FRAGMENT");
    if (std::string Syn = M.get(M.Info, "SYNONYM"); !Syn.empty())
      C.Synonyms.push_back(Syn);
    C.Mutation = M.get(M.Info, "MUTATION");
    C.EC = M.get(M.Info, "EC");
    C.Details = M.get(M.Info, "OTHER_DETAILS");
    ArrayRef<SourceMap> Map;
    if (!M.get(M.Source, "SYNTHETIC").empty()) {
      C.Synthetic = C.Engineered = true;
    } else if (M.get(M.Info, "ENGINEERED") == "YES" ||
               !M.get(M.Source, "EXPRESSION_SYSTEM").empty()) {
      C.Engineered = true;
      Map = GenSource;
    } else if (!M.get(M.Source, "ORGANISM_SCIENTIFIC").empty()) {
      // libcifpp writes no details into entity_src_nat.
      Map = ArrayRef<SourceMap>(NatSource).drop_back();
    }
    for (const SourceMap &SM : Map)
      if (std::string V = M.get(M.Source, SM.Token); !V.empty())
        C.SourceItems.push_back(std::string(SM.Token) + ": " + V);
    F.Compounds.push_back(std::move(C));
  }

  if (HaveAuthor) {
    SmallVector<StringRef, 8> Names;
    StringRef(AuthorText).split(Names, ',', -1, /*KeepEmpty=*/false);
    for (StringRef N : Names)
      F.Authors.push_back(cifAuthorToPdb(pdbAuthorToCif(N)));
  }

  DsspEntry E = format(F);

  // SSBOND: one disulfide per pair of SG alternate locations.
  const ResidueTable &Res = S.residues();
  const AtomTable &At = S.atoms();
  auto FindResidue = [&](char Chain, int Seq, char ICode) -> uint32_t {
    for (uint32_t R = 0; R < S.numResidues(); ++R) {
      StringRef Id = Ch.AuthId[Res.Chain[R]].str();
      char RC = Id.empty() ? ' ' : Id[0];
      char RI = Res.ICode[R] ? Res.ICode[R] : ' ';
      if (RC == Chain && Res.AuthSeq[R] == Seq && RI == ICode)
        return R;
    }
    return NoIndex;
  };
  auto Symmetry = [](StringRef S) {
    // Empty, or 4 to 6 digits (n_nnn).
    return S.empty() || (S.size() >= 4 && S.size() <= 6 && allDigits(S));
  };
  for (StringRef L : Lines) {
    if (!Record(L, "SSBOND"))
      continue;
    auto Col = [&](size_t C) { return L.size() >= C ? L[C - 1] : ' '; };
    int Seq1 = 0, Seq2 = 0;
    if (cols(L, 18, 21).getAsInteger(10, Seq1) ||
        cols(L, 32, 35).getAsInteger(10, Seq2))
      continue;
    uint32_t R1 = FindResidue(Col(16), Seq1, Col(22));
    uint32_t R2 = FindResidue(Col(30), Seq2, Col(36));
    if (R1 == NoIndex || R2 == NoIndex)
      continue;
    if (!Symmetry(cols(L, 60, 65)) || !Symmetry(cols(L, 67, 72)))
      continue;
    auto AltCount = [&](uint32_t R) {
      std::set<char> Alt;
      for (uint32_t A = Res.AtomBegin[R]; A < Res.AtomEnd[R]; ++A)
        if (At.Name[A] == "SG" && At.AltLoc[A])
          Alt.insert(At.AltLoc[A]);
      return std::max<size_t>(1, Alt.size());
    };
    DsspDisulfide D;
    D.Asym1 = Ch.LabelId[Res.Chain[R1]].str().str();
    D.Asym2 = Ch.LabelId[Res.Chain[R2]].str().str();
    D.Seq1 = Res.LabelSeq[R1];
    D.Seq2 = Res.LabelSeq[R2];
    for (size_t K = 0, N = AltCount(R1) * AltCount(R2); K < N; ++K)
      E.Disulfides.push_back(D);
  }
  return E;
}
