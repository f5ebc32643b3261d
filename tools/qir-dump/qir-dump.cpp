//===- qir-dump.cpp - Show what qir reads from a structure file -----------===//
//
// Thin driver: reads one structure file and prints its summary, one of its
// tables, or writes it back out (mmCIF or PDB). All logic lives in the IO and
// IR libraries.
//
//===----------------------------------------------------------------------===//
#include "qir/IO/Reader.h"
#include "qir/IO/Writer.h"
#include "qir/IR/Dump.h"
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

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(DumpCat);
  cl::ParseCommandLineOptions(
      argc, argv,
      "qir-dump: show what qir reads from a PDB or mmCIF file\n\n"
      "  qir-dump FILE                 summary as key<TAB>value lines\n"
      "  qir-dump --table=atoms FILE   a table as TSV (see --table)\n"
      "  qir-dump FILE -o OUT.cif      convert (mmCIF or PDB by extension)\n\n"
      "FILE may be gzip-compressed or '-' for standard input. A malformed\n"
      "file gives one 'file:line:col: error:' message and exit status 1.\n");
  if (Toc)
    return printToc(InputFile);

  io::ReadOptions Opts;
  Opts.Format = InputFormat;
  Opts.PerceiveBonds = !NoBonds;
  Opts.Warn = printingDiagnosticHandler(errs());
  Expected<Structure> S = io::readStructureFile(InputFile, Opts);
  if (!S) {
    reportError(S.takeError(), errs(), "qir-dump");
    return 1;
  }
  if (!OutputFile.empty()) {
    io::FileFormat OutFormat =
        OutputFile == "-" ? io::FileFormat::MMCIF : io::FileFormat::Unknown;
    if (Error E = io::writeStructureFile(*S, OutputFile, OutFormat)) {
      reportError(std::move(E), errs(), "qir-dump");
      return 1;
    }
    if (Quiet || OutputFile == "-")
      return 0;
  }
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
