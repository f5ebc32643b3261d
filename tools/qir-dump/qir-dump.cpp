//===- qir-dump.cpp - Show what qir reads from a structure file -----------===//
//
// Thin driver: reads one structure file or qir store and prints its
// summary, one of its tables, a store's table of contents or overlays, or
// writes the structure back out (mmCIF or PDB). From a store, --select and
// --model read only the chunks holding the selected atoms. All logic lives
// in the IO, IR, Select and Store libraries.
//
//===----------------------------------------------------------------------===//
#include "qir/IO/Reader.h"
#include "qir/IO/Writer.h"
#include "qir/IR/Dump.h"
#include "qir/Select/Selector.h"
#include "qir/Store/Reader.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace qir;

static cl::OptionCategory DumpCat("qir-dump options");

static cl::opt<std::string> InputFile(cl::Positional, cl::Required,
                                      cl::desc("<structure file>"),
                                      cl::value_desc("file"), cl::cat(DumpCat));

static cl::opt<DumpTable> Table(
    "table", cl::desc("Print one table as TSV instead of the summary"),
    cl::values(
        clEnumValN(DumpTable::Atoms, "atoms",
                   "one row per atom site and model: model chain label_asym "
                   "seq icode label_seq resname atom element altloc x y z "
                   "occupancy b_iso charge hetero serial"),
        clEnumValN(DumpTable::Residues, "residues",
                   "one row per residue (topology, all models)"),
        clEnumValN(DumpTable::Chains, "chains",
                   "one row per chain (a run of one auth and label id)"),
        clEnumValN(DumpTable::Entities, "entities", "one row per entity"),
        clEnumValN(DumpTable::Bonds, "bonds",
                   "one row per bond, with its order, origin and length")),
    cl::cat(DumpCat));

static cl::opt<int> Model("model",
                          cl::desc("Only this model (the file's model number) "
                                   "in --table=atoms; default: all models"),
                          cl::value_desc("N"), cl::cat(DumpCat));

static cl::opt<std::string> Select(
    "select",
    cl::desc("FILE is a qir store: read only the atoms this selector picks "
             "(docs/selectors.md), touching only the chunks that hold them; "
             "with --model, in that model only"),
    cl::value_desc("selector"), cl::cat(DumpCat));

static cl::opt<std::string>
    Entry("entry",
          cl::desc("FILE is a shard: the structure with this id (default: "
                   "every structure, one after another, with an 'entry' "
                   "column first in --table output)"),
          cl::value_desc("id"), cl::cat(DumpCat));

static cl::opt<bool> Overlays(
    "overlays",
    cl::desc("FILE is a qir store: list its overlays with their provenance "
             "as TSV: analysis options version key stale selector created "
             "qir_version source_path source_sha256 facet_hashes"),
    cl::cat(DumpCat));

static cl::opt<io::FileFormat> InputFormat(
    "format",
    cl::desc("Input format (default: from the extension, then the "
             "content)"),
    cl::values(clEnumValN(io::FileFormat::MMCIF, "mmcif", "mmCIF / PDBx"),
               clEnumValN(io::FileFormat::PDB, "pdb", "PDB fixed columns")),
    cl::init(io::FileFormat::Unknown), cl::cat(DumpCat));

static cl::opt<std::string>
    OutputFile("o",
               cl::desc("Also write the structure to <file> (mmCIF for .cif, "
                        "PDB for .pdb/.ent, '-' for stdout as mmCIF); written "
                        "atomically, never partially"),
               cl::value_desc("file"), cl::cat(DumpCat));

static cl::opt<bool> NoBonds("no-bonds",
                             cl::desc("Skip bond perception (faster reads)"),
                             cl::cat(DumpCat));

static cl::opt<bool> Quiet("q", cl::desc("Print nothing on success (with -o)"),
                           cl::cat(DumpCat));

static cl::opt<bool>
    Toc("toc",
        cl::desc("FILE is a qir store or shard (.qir.h5): print its table "
                 "of contents as TSV: index id atoms residues chains states "
                 "source_path source_sha256"),
        cl::cat(DumpCat));

/// qir-dump --toc: one row per structure of a store or shard.
static int printToc(StringRef Path) {
  auto R = store::StoreReader::open(Path);
  if (!R) {
    reportError(R.takeError(), errs(), "qir-dump");
    return 1;
  }
  using store::TocEntry;
  outs() << "index\tid\tatoms\tresidues\tchains\tstates\tsource_path\t"
            "source_sha256\n";
  for (size_t I = 0, E = (*R)->size(); I < E; ++I) {
    const TocEntry &T = (*R)->entry(I);
    auto OrDot = [](StringRef S) { return S.empty() ? StringRef(".") : S; };
    outs() << I << '\t' << T.Id << '\t' << T.Count[TocEntry::Atom] << '\t'
           << T.Count[TocEntry::Residue] << '\t' << T.Count[TocEntry::Chain]
           << '\t' << T.Count[TocEntry::State] << '\t' << OrDot(T.SourcePath)
           << '\t' << OrDot(T.SourceSha256) << '\n';
  }
  return 0;
}

/// -o: write \p S out. Returns the exit status when nothing else is to be
/// printed (an error, -q, or the structure went to stdout).
static std::optional<int> writeOutput(const Structure &S) {
  if (OutputFile.empty())
    return std::nullopt;
  io::FileFormat OutFormat =
      OutputFile == "-" ? io::FileFormat::MMCIF : io::FileFormat::Unknown;
  if (Error E = io::writeStructureFile(S, OutputFile, OutFormat)) {
    reportError(std::move(E), errs(), "qir-dump");
    return 1;
  }
  if (Quiet || OutputFile == "-")
    return 0;
  return std::nullopt;
}

/// qir-dump --overlays: one row per persisted result.
static int printOverlays(StringRef Path) {
  auto R = store::StoreReader::open(Path);
  if (!R) {
    reportError(R.takeError(), errs(), "qir-dump");
    return 1;
  }
  auto OrDot = [](StringRef S) { return S.empty() ? StringRef(".") : S; };
  outs() << "analysis\toptions\tversion\tkey\tstale\tselector\tcreated\t"
            "qir_version\tsource_path\tsource_sha256\tfacet_hashes\n";
  for (const store::OverlayProvenance &P : (*R)->overlays())
    outs() << P.Analysis << '\t' << OrDot(P.Options) << '\t' << P.Version
           << '\t' << P.key() << '\t' << (P.Stale ? "yes" : "no") << '\t'
           << OrDot(P.Selector) << '\t' << OrDot(P.Created) << '\t'
           << OrDot(P.QirVersion) << '\t' << OrDot(P.SourcePath) << '\t'
           << OrDot(P.SourceSha256) << '\t' << OrDot(P.facetHashes()) << '\n';
  return 0;
}

/// Print \p S as the command line asks (a table or the summary). With
/// \p EntryId, every line of a table gets it as a first column, and the
/// header (with 'entry' first) only when \p Header.
static void show(const Structure &S, std::optional<int32_t> OnlyModel,
                 StringRef EntryId = {}, bool Header = true) {
  if (EntryId.empty()) {
    if (Table.getNumOccurrences())
      printTable(S, Table, OnlyModel, outs());
    else
      printSummary(S, outs());
    return;
  }
  std::string Text;
  raw_string_ostream OS(Text);
  if (Table.getNumOccurrences())
    printTable(S, Table, OnlyModel, OS);
  else
    printSummary(S, OS);
  StringRef Rest(Text);
  bool First = true;
  while (!Rest.empty()) {
    auto [Line, Tail] = Rest.split('\n');
    Rest = Tail;
    if (First && Table.getNumOccurrences()) {
      First = false;
      if (Header)
        outs() << "entry\t" << Line << '\n';
      continue;
    }
    outs() << EntryId << '\t' << Line << '\n';
  }
}

/// qir-dump STORE [--select=S] [--model=N] [--entry=ID]: the whole
/// structure, or a partial read.
static int dumpStore(StringRef Path) {
  auto R = store::StoreReader::open(Path);
  if (!R) {
    reportError(R.takeError(), errs(), "qir-dump");
    return 1;
  }
  std::vector<size_t> Which;
  if (!Entry.empty()) {
    std::optional<size_t> I = (*R)->find(Entry);
    if (!I) {
      WithColor::error(errs(), "qir-dump")
          << Path << " has no entry '" << Entry << "'\n";
      return 1;
    }
    Which.push_back(*I);
  } else {
    for (size_t I = 0; I < (*R)->size(); ++I)
      Which.push_back(I);
  }
  if (!OutputFile.empty() && Which.size() != 1) {
    WithColor::error(errs(), "qir-dump")
        << "-o writes one structure; " << Path << " holds " << Which.size()
        << ": name one with --entry\n";
    return 1;
  }
  bool Partial = !Select.empty() || Model.getNumOccurrences();
  std::optional<select::Selector> Sel;
  if (Partial) {
    auto P = select::Selector::parse(Select.empty() ? std::string("all")
                                                    : Select.getValue());
    if (!P) {
      reportError(P.takeError(), errs(), "qir-dump");
      return 1;
    }
    Sel = std::move(*P);
  }
  std::vector<int32_t> Models;
  if (Model.getNumOccurrences())
    Models.push_back(Model);
  bool Tagged = (*R)->kind() == store::StoreKind::Shard && Entry.empty();
  for (size_t K = 0; K < Which.size(); ++K) {
    Expected<Structure> S = Partial ? (*R)->read(*Sel, Models, Which[K])
                                    : (*R)->readStructure(Which[K]);
    if (!S) {
      reportError(S.takeError(), errs(), "qir-dump");
      return 1;
    }
    if (std::optional<int> Done = writeOutput(*S))
      return *Done;
    if (Model.getNumOccurrences() && S->stateForModel(Model) == NoIndex &&
        !Tagged) {
      WithColor::error(errs(), "qir-dump")
          << Path << " has no model " << Model << "\n";
      return 1;
    }
    show(*S, std::nullopt, Tagged ? StringRef((*R)->entry(Which[K]).Id) : "",
         K == 0);
  }
  return 0;
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(DumpCat);
  cl::ParseCommandLineOptions(
      argc, argv,
      "qir-dump: show what qir reads from a PDB or mmCIF file\n\n"
      "  qir-dump FILE                 summary as key<TAB>value lines\n"
      "  qir-dump --table=atoms FILE   a table as TSV (see --table)\n"
      "  qir-dump FILE -o OUT.cif      convert (mmCIF or PDB by extension)\n"
      "  qir-dump STORE.qir.h5 --select='chain B and resid 50 to 80 and "
      "name CA' \\\n"
      "           --model=3 --table=atoms\n"
      "                                a partial read of a qir store\n"
      "  qir-dump --toc STORE          a store's or shard's structures\n"
      "  qir-dump --overlays STORE     persisted results and provenance\n\n"
      "FILE may be gzip-compressed or '-' for standard input. A malformed\n"
      "file gives one 'file:line:col: error:' message and exit status 1.\n");
  if (Toc)
    return printToc(InputFile);
  if (Overlays)
    return printOverlays(InputFile);
  if (InputFile != "-" && store::isStoreFile(InputFile))
    return dumpStore(InputFile);
  if (!Select.empty() || !Entry.empty()) {
    WithColor::error(errs(), "qir-dump")
        << "--select and --entry read qir stores; " << InputFile
        << " is a text structure file (convert it with qopt -o X.qir.h5, or "
           "use qopt -passes='extract<select=...>')\n";
    return 1;
  }

  io::ReadOptions Opts;
  Opts.Format = InputFormat;
  Opts.PerceiveBonds = !NoBonds;
  Opts.Warn = printingDiagnosticHandler(errs());
  Expected<Structure> S = io::readStructureFile(InputFile, Opts);
  if (!S) {
    reportError(S.takeError(), errs(), "qir-dump");
    return 1;
  }
  if (std::optional<int> Done = writeOutput(*S))
    return *Done;
  std::optional<int32_t> OnlyModel;
  if (Model.getNumOccurrences()) {
    if (S->stateForModel(Model) == NoIndex) {
      WithColor::error(errs(), "qir-dump")
          << InputFile << " has no model " << Model << "\n";
      return 1;
    }
    OnlyModel = Model;
  }
  if (Table.getNumOccurrences())
    printTable(*S, Table, OnlyModel, outs());
  else
    printSummary(*S, outs());
  return 0;
}
