//===- qir-dssp.cpp - A drop-in for mkdssp --------------------------------===//
//
// Thin driver: `qir-dssp [options] input [output]` as `mkdssp` 4.2.2 takes
// it. Reads the structure (PDB or mmCIF, gzip or not), runs the dssp
// analysis on model 1 through the AnalysisManager, and writes the legacy
// .dssp text or the annotated mmCIF. The output format is --output-format,
// else the output name's extension (".dssp", after dropping ".gz" or ".xz":
// legacy; anything else: mmCIF), else mmCIF on standard output. All logic
// lives in the Analysis and IO libraries (DsspWriter.h, DsspEntry.h);
// docs/qir-dssp.md says where qir-dssp differs from mkdssp.
//
//===----------------------------------------------------------------------===//
#include "qir/Analysis/Dssp.h"
#include "qir/Analysis/DsspEntry.h"
#include "qir/Analysis/DsspWriter.h"
#include "qir/IO/CifBlock.h"
#include "qir/IO/InputFile.h"
#include "qir/IO/OutputFile.h"
#include "qir/IO/Reader.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Support/Diagnostic.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <thread>

using namespace llvm;
using namespace qir;

#ifndef QIR_DSSP_VERSION
#define QIR_DSSP_VERSION "0.0.0"
#endif

static constexpr const char *Tool = "qir-dssp";

static cl::OptionCategory Cat("qir-dssp options (those of mkdssp 4.2.2)");

static cl::list<std::string> Operands(cl::Positional,
                                      cl::desc("input-file [output-file]"),
                                      cl::cat(Cat));

static cl::opt<std::string> OutputFormat(
    "output-format",
    cl::desc("Output format, 'dssp' for classic DSSP or 'mmcif' for "
             "annotated mmCIF. Default: from the output file's extension "
             "('.dssp', also before '.gz'/'.xz': dssp; else mmcif); mmcif "
             "on standard output"),
    cl::value_desc("dssp|mmcif"), cl::cat(Cat));

static cl::opt<int> MinPPStretch(
    "min-pp-stretch",
    cl::desc("Minimal number of residues with phi/psi in range for a "
             "polyproline II helix: 2 or 3 (default 3)"),
    cl::init(3), cl::value_desc("N"), cl::cat(Cat));

static cl::opt<bool>
    WriteOther("write-other",
               cl::desc("mmCIF: also write loops as struct_conf type OTHER"),
               cl::cat(Cat));

static cl::opt<bool> WriteExperimental(
    "write-experimental",
    cl::desc("mmCIF: also replace the struct_sheet categories and write "
             "mkdssp's experimental dssp_* categories"),
    cl::cat(Cat));

static cl::opt<bool>
    Verbose("verbose",
            cl::desc("Notes on stderr: residues skipped and why, disulfides "
                     "left out, reader warnings"),
            cl::cat(Cat));
static cl::alias VerboseShort("v", cl::desc("Alias for --verbose"),
                              cl::aliasopt(Verbose), cl::cat(Cat));

static cl::opt<bool> Quiet("quiet",
                           cl::desc("Reduce output on stderr to "
                                    "errors"),
                           cl::cat(Cat));

static cl::opt<std::string> MmcifDictionary(
    "mmcif-dictionary",
    cl::desc("Accepted for compatibility with mkdssp and ignored: qir-dssp "
             "does not validate the input against a dictionary"),
    cl::value_desc("file"), cl::cat(Cat));

static cl::opt<unsigned>
    Threads("threads",
            cl::desc("Worker threads for the accessible surface (never "
                     "changes a result; default 0: one per core, as mkdssp "
                     "also runs the surface on a thread of its own)"),
            cl::init(0), cl::value_desc("N"), cl::cat(Cat));

static cl::opt<bool> ShortHelp("h", cl::desc("Alias for --help"), cl::Hidden,
                               cl::cat(Cat));
static cl::opt<int> Debug("debug",
                          cl::desc("Accepted and ignored (mkdssp's "
                                   "debug level)"),
                          cl::Hidden, cl::cat(Cat));
static cl::alias DebugShort("d", cl::aliasopt(Debug), cl::Hidden, cl::cat(Cat));

static int fail(const Twine &Msg) {
  WithColor::error(errs(), Tool) << Msg << "\n";
  return 1;
}

static int fail(Error E) {
  reportError(std::move(E), errs(), Tool);
  return 1;
}

static raw_ostream &note() { return WithColor::note(errs(), Tool); }

/// Today (UTC, or SOURCE_DATE_EPOCH when set, for reproducible output) as
/// YYYY-MM-DD and as an ISO time.
static std::pair<std::string, std::string> today() {
  std::time_t T = std::time(nullptr);
  if (std::optional<std::string> Epoch =
          sys::Process::GetEnv("SOURCE_DATE_EPOCH")) {
    long long V;
    if (!StringRef(*Epoch).getAsInteger(10, V))
      T = static_cast<std::time_t>(V);
  }
  std::tm TM{};
  gmtime_r(&T, &TM);
  char Day[32], Time[32];
  std::strftime(Day, sizeof(Day), "%Y-%m-%d", &TM);
  std::strftime(Time, sizeof(Time), "%Y-%m-%dT%H:%M:%SZ", &TM);
  return {Day, Time};
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(Cat);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "qir-dssp version " << QIR_DSSP_VERSION
       << " (DSSP as mkdssp 4.2.2 computes it)\n";
  });
  cl::ParseCommandLineOptions(
      argc, argv,
      "qir-dssp: DSSP secondary structure, a drop-in for mkdssp 4.2.2\n\n"
      "  qir-dssp [options] input-file [output-file]\n\n"
      "The input is PDB or mmCIF, gzip-compressed or not, '-' for standard\n"
      "input. Model 1 is computed (the first model when the file has no\n"
      "model 1). Without an output file the result goes to standard\n"
      "output. docs/qir-dssp.md lists the differences from mkdssp.\n");
  if (ShortHelp) {
    cl::PrintHelpMessage();
    return 0;
  }
  if (Operands.empty())
    return fail("input file not specified (see qir-dssp --help)");
  if (Operands.size() > 2)
    return fail("too many operands: give an input file and at most one "
                "output file");
  if (OutputFormat.getNumOccurrences() && OutputFormat != "dssp" &&
      OutputFormat != "mmcif")
    return fail("output format should be one of 'dssp' or 'mmcif', not '" +
                OutputFormat + "'");
  if (MinPPStretch != 2 && MinPPStretch != 3)
    return fail("--min-pp-stretch must be 2 or 3 (mkdssp 4.2.2 assigns no "
                "PPII helices for other values, or crashes)");

  const std::string Input = Operands[0];
  const std::string Output = Operands.size() > 1 ? Operands[1] : "";
  bool Legacy = OutputFormat == "dssp";
  if (!OutputFormat.getNumOccurrences() && !Output.empty()) {
    StringRef Name = Output;
    if (Name.ends_with(".gz") || Name.ends_with(".xz"))
      Name = Name.drop_back(3);
    Legacy = sys::path::extension(Name) == ".dssp";
  }
  if (StringRef(Output).ends_with(".xz"))
    return fail("cannot write xz-compressed output (" + Output +
                "); use .gz or no compression");

  // Read.
  Expected<std::unique_ptr<MemoryBuffer>> Buf = io::loadInputFile(Input);
  if (!Buf)
    return fail(Buf.takeError());
  StringRef Text = (*Buf)->getBuffer();
  io::ReadOptions RO;
  RO.Format = io::formatFromPath(Input);
  if (RO.Format == io::FileFormat::Unknown)
    RO.Format = io::sniffFormat(Text);
  RO.PerceiveBonds = false;
  std::vector<Diagnostic> Warnings;
  RO.Warn = [&](const Diagnostic &D) { Warnings.push_back(D); };
  Expected<Structure> S = io::readStructureBuffer(Text, Input, RO);
  if (!S)
    return fail(S.takeError());
  if (Verbose && !Quiet) {
    DiagnosticHandler Print = printingDiagnosticHandler(errs());
    for (const Diagnostic &D : Warnings)
      Print(D);
  }

  std::optional<io::CifBlock> Block;
  DsspEntry Entry;
  if (S->metadata().SourceFormat == "pdb") {
    Entry = dsspEntryFromPdb(Text, *S);
  } else {
    Expected<io::CifBlock> B = io::parseCifBlock(Text, Input);
    if (!B)
      return fail(B.takeError());
    Block = std::move(*B);
    Entry = dsspEntryFromMmcif(*Block);
  }

  // Compute.
  DsspAnalysis::Options O;
  O.PPStretch = MinPPStretch;
  O.Model = 1;
  if (S->numStates() > 0 && S->stateForModel(1) == NoIndex) {
    O.Model = S->states().ModelNumber[0];
    if (Verbose && !Quiet)
      note() << Input << " has no model 1; computing model " << O.Model << "\n";
  }
  AnalysisManager AM;
  unsigned NThreads = Threads;
  if (NThreads == 0)
    NThreads = std::max(1u, std::thread::hardware_concurrency());
  AM.setExecution(ExecutionSettings{NThreads});
  const Dssp &R = AM.getResult<DsspAnalysis>(*S, O);
  if (R.HB.States.empty())
    return fail(Input + " holds no atoms");
  DsspReport Rep = dsspReport(*S, R, 0, Entry);
  if (Verbose && !Quiet) {
    for (const std::string &N : dsspSkippedResidues(*S, R, 0))
      note() << N << "\n";
    for (const std::string &N : Rep.Notes)
      note() << N << "\n";
    if (R.numRows() == 0)
      note() << "no residue with a complete backbone (N, CA, C, O)\n";
  }

  // Write.
  auto [Day, Time] = today();
  auto Write = [&](raw_ostream &OS) -> Error {
    if (Legacy) {
      DsspLegacyOptions LO;
      LO.Date = Day;
      return writeDsspLegacy(OS, *S, R, Rep, Entry, LO);
    }
    DsspMmcifOptions MO;
    MO.WriteOther = WriteOther;
    MO.WriteExperimental = WriteExperimental;
    MO.Version = QIR_DSSP_VERSION;
    MO.Date = Time;
    return writeDsspMmcif(OS, *S, R, Rep, Block ? &*Block : nullptr, MO);
  };
  if (Error E = io::writeOutputFile(Output.empty() ? "-" : Output, Write))
    return fail(std::move(E));
  return 0;
}
