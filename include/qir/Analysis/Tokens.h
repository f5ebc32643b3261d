//===- Tokens.h - AF3/Boltz tokenization of a structure ---------*- C++ -*-===//
//
// tokens<vocab=af3>: the tokens AlphaFold 3 and Boltz build a structure
// from. Each standard residue is one token: a residue whose name is in the
// vocabulary (TokenVocab.def: 20 amino acids + UNK, A C G U N, DA DC DG DT
// DN) in a chain whose entity is a polymer. Every other residue (ligands,
// ions, modified residues, non-canonical nucleotides, residues of chains
// with a non-polymer or unknown entity) gives one token per heavy atom
// name, never half a residue. Waters give none; hydrogens (H, D) are never
// atom tokens.
//
// Per token: its atoms (CSR), residue, residue type (vocabulary id),
// molecule type, asym/entity/sym ids, residue index, centre and distogram
// atoms, and per state whether those atoms are resolved. Token bonds are
// the pairs of tokens linked by an atom bond of the IR's bond table under
// AF3's rule (ligand-ligand and polymer-ligand only; see docs/passes.md).
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_TOKENS_H
#define QIR_ANALYSIS_TOKENS_H

#include "qir/Pass/AnalysisManager.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <vector>

namespace qir {

/// Molecule type of a token, as Boltz's chain types (ids 0..3).
enum class TokenMolType : uint8_t { Protein, DNA, RNA, Ligand };
constexpr unsigned NumTokenMolTypes = 4;
llvm::StringRef tokenMolTypeName(TokenMolType T);

/// The residue-type vocabulary (TokenVocab.def). Ids 0 and 1 are padding
/// and gap; standard residue k of the table has id FirstStandardResType +
/// k.
namespace tokvocab {
constexpr uint8_t Pad = 0, Gap = 1, FirstStandardResType = 2;
/// Number of residue-type ids (33, padding and gap included).
unsigned numResTypes();
/// Id of standard residue \p Name, or -1 when it is not in the vocabulary.
int resTypeOf(llvm::StringRef Name);
/// "<pad>", "-", then the names of TokenVocab.def.
llvm::StringRef resTypeName(unsigned Id);
/// Molecule type, centre and distogram atom names of a standard id.
TokenMolType molTypeOf(unsigned Id);
llvm::StringRef centreAtomOf(unsigned Id);
llvm::StringRef distogramAtomOf(unsigned Id);
/// The unknown residue of a molecule type: UNK (protein and ligand, as
/// Boltz), N (RNA), DN (DNA).
unsigned unknownResType(TokenMolType T);
} // namespace tokvocab

struct TokenTable {
  size_t NumStates = 0;
  /// [T]: the residue each token comes from.
  std::vector<uint32_t> Residue;
  /// [T+1] offsets into Atoms: token t owns Atoms[AtomBegin[t] ..
  /// AtomBegin[t+1]). A residue token lists every atom of its residue
  /// (hydrogens and every conformer included); an atom token lists the
  /// conformers of one heavy atom name, in topology order.
  std::vector<uint32_t> AtomBegin;
  std::vector<uint32_t> Atoms;
  /// [T]: centre and distogram atoms (NoIndex when the residue lacks the
  /// atom). For an atom token both are its first conformer.
  std::vector<uint32_t> CentreAtom, DistogramAtom;
  /// [T]: 1 for a residue token (standard residue), 0 for an atom token.
  std::vector<uint8_t> Standard;
  /// [T]: vocabulary id (tokvocab) and TokenMolType.
  std::vector<uint8_t> ResType, MolType;
  /// [T]: label_seq_id, else the 1-based position of the residue in its
  /// chain row.
  std::vector<int32_t> ResidueIndex;
  /// [T]: chain (asym), entity and copy (sym) ids, all 0-based.
  std::vector<uint32_t> AsymId, EntityId, SymId;
  /// [S][T]: centre (distogram) atom present in the state with finite
  /// coordinates.
  std::vector<uint8_t> Resolved, DistogramResolved;
  /// Token bonds (i < j), ascending by (i, j), no duplicates.
  std::vector<uint32_t> BondA, BondB;

  size_t size() const { return Residue.size(); }
  llvm::ArrayRef<uint32_t> atoms(size_t T) const {
    return llvm::ArrayRef<uint32_t>(Atoms).slice(
        AtomBegin[T], AtomBegin[T + 1] - AtomBegin[T]);
  }
  bool resolved(size_t St, size_t T) const { return Resolved[St * size() + T]; }
  bool distogramResolved(size_t St, size_t T) const {
    return DistogramResolved[St * size() + T];
  }
};

enum class TokenVocabulary : uint8_t { AF3 };

class TokensAnalysis : public AnalysisInfoMixin<TokensAnalysis> {
public:
  static constexpr llvm::StringLiteral Name = "tokens";
  static constexpr llvm::StringLiteral Description =
      "AF3/Boltz tokens: one per standard polymer residue, one per heavy "
      "atom otherwise; ids, centre/distogram atoms, token bonds";
  static constexpr unsigned Version = 1;
  static constexpr FacetSet Reads = Facet::Topology | Facet::Coordinates;
  /// Coordinates matter only as finite or not (resolved masks), which a
  /// rigid motion never changes: kept by rotate and translate, exactly.
  using MemberOf = AnalysisSets<RigidMotionInvariantAnalyses>;
  struct Options : PassOptionsBase {
    TokenVocabulary Vocab = TokenVocabulary::AF3;
    template <typename M> void map(M &O) {
      O.choice("vocab", Vocab, {{"af3", TokenVocabulary::AF3}},
               "token vocabulary (AF3/Boltz)");
    }
  };
  struct PrintOptions : PassOptionsBase {
    bool Bonds = false;
    template <typename M> void map(M &O) {
      O.flag("bonds", Bonds, "print the token bonds instead of the tokens");
    }
  };
  using Result = TokenTable;

  Result run(const Structure &S, const Options &O, AnalysisManager &AM);
  static void print(llvm::raw_ostream &OS, const Structure &S, const Result &R,
                    const PrintOptions &P);
  /// Persisted form: docs/passes.md.
  static llvm::Error write(ResultSink &Sink, const Result &R);
  static llvm::Expected<Result> read(ResultSource &Source, const Structure &S);

  static AnalysisKey Key;
};

} // namespace qir

#endif // QIR_ANALYSIS_TOKENS_H
