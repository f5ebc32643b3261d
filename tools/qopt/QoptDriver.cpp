//===- QoptDriver.cpp - The qopt driver -----------------------------------===//
//
// Owns the command line: reads the input, loads plugins (while options are
// parsed, so options a plugin registers work on the same command line),
// builds the pipeline, runs it with the requested instrumentation and
// writes the result.
//
//===----------------------------------------------------------------------===//
#include "QoptDriver.h"

#include "qir/IO/Reader.h"
#include "qir/IO/Writer.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/PassManager.h"
#include "qir/Passes/PassBuilder.h"
#include "qir/Passes/PassPlugin.h"
#include "qir/Passes/PipelineToolOptions.h"
#include "qir/Passes/StandardInstrumentations.h"
#include "qir/Store/Reader.h"
#include "qir/Store/ResultStore.h"
#include "qir/Support/Diagnostic.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace llvm;
using namespace qir;

static cl::OptionCategory QoptCat("qopt options");
static cl::OptionCategory InstrCat("qopt instrumentation (all on stderr)");

static cl::opt<std::string> InputFile(cl::Positional,
                                      cl::desc("<structure file>"),
                                      cl::value_desc("file"), cl::cat(QoptCat));

static cl::opt<std::string>
    Passes("passes",
           cl::desc("The pipeline: comma-separated passes, parameters in "
                    "<...> split on ';' (see -print-passes), e.g. "
                    "'strip<waters>,require<counts>,print<backbone-"
                    "dihedrals>'"),
           cl::value_desc("pipeline"), cl::cat(QoptCat));

static cl::opt<std::string> OutputFile(
    "o",
    cl::desc("Write the transformed structure to <file>: a qir store with "
             "the computed results as overlays for .h5 (.qir.h5), mmCIF for "
             ".cif, PDB for .pdb/.ent, '-' for stdout (mmCIF; not with "
             "print<X>)"),
    cl::value_desc("file"), cl::cat(QoptCat));

static cl::opt<std::string>
    Persist("persist",
            cl::desc("With -o OUT.qir.h5: which analysis results to write as "
                     "overlays: all (default), none, or NAME,NAME,..."),
            cl::init("all"), cl::value_desc("all|none|names"),
            cl::cat(QoptCat));

static cl::opt<store::CachePolicy> CachePolicyOpt(
    "cache",
    cl::desc("What to do with a store overlay whose facet hashes no longer "
             "match the structure (a transform changed what it read)"),
    cl::values(clEnumValN(store::CachePolicy::Invalidate, "invalidate",
                          "recompute, and replace it in the written store "
                          "(default)"),
               clEnumValN(store::CachePolicy::KeepStale, "keep-stale",
                          "recompute for this run; keep it, marked stale, "
                          "in the written store"),
               clEnumValN(store::CachePolicy::Error, "error",
                          "refuse: asking for it or writing over it is an "
                          "error")),
    cl::init(store::CachePolicy::Invalidate), cl::cat(QoptCat));

static cl::opt<std::string>
    Entry("entry",
          cl::desc("With a shard as input: the id of the structure to read "
                   "(default: the first)"),
          cl::value_desc("id"), cl::cat(QoptCat));

static PipelineToolOptions Common(QoptCat, "qopt");

static cl::opt<bool>
    DebugPM("debug-pass-manager",
            cl::desc("Log every pass run, analysis run, cache hit and "
                     "invalidation (with the facet that caused it)"),
            cl::cat(InstrCat));
static cl::opt<bool> TimePasses("time-passes",
                                cl::desc("Print a table of time per pass "
                                         "and per analysis at exit"),
                                cl::cat(InstrCat));
static cl::list<std::string>
    PrintAfter("print-after",
               cl::desc("Print the IR summary after each run of this pass "
                        "(a pipeline name; repeatable or comma-separated)"),
               cl::CommaSeparated, cl::value_desc("pass"), cl::cat(InstrCat));
static cl::opt<bool> PrintAfterAll("print-after-all",
                                   cl::desc("Print the IR summary after "
                                            "every pass"),
                                   cl::cat(InstrCat));

static const char *Overview =
    "qopt: run pass pipelines on macromolecular structures\n\n"
    "  qopt FILE -passes='PIPELINE' [-o OUT]\n\n"
    "FILE is mmCIF or PDB, gzip-compressed or not, '-' for stdin, or a qir\n"
    "store (.qir.h5), whose overlays serve analyses whose key matches.\n"
    "PIPELINE follows LLVM opt: comma-separated elements, each a transform\n"
    "(strip<waters>), or an analysis pass: require<X> computes and caches X,\n"
    "invalidate<X> drops it, print<X> writes it to stdout as a tab-separated\n"
    "table. Options of an analysis go inside its name, print options after\n"
    "it: print<NAME<opt=v>;print-opt=v>. Results are cached under (analysis,\n"
    "version, options, hashes of the facets read) and dropped exactly when a\n"
    "transform writes a facet they read. Stdout carries print tables only;\n"
    "diagnostics and instrumentation go to stderr. -print-passes lists\n"
    "everything with its parameters; docs/qopt.md and docs/passes.md say\n"
    "more.\n";

int qir::qoptMain(int Argc, char **Argv,
                  ArrayRef<std::function<void(PassBuilder &)>> Extra) {
  InitLLVM X(Argc, Argv);
  cl::HideUnrelatedOptions({&QoptCat, &InstrCat});
  cl::ParseCommandLineOptions(Argc, Argv, Overview);

  PassBuilder PB;
  for (const auto &Register : Extra)
    Register(PB);
  for (const PassPlugin &P : Common.plugins())
    P.registerPassBuilderCallbacks(PB);
  for (const std::string &C : PB.registrationConflicts())
    WithColor::warning(errs(), "qopt")
        << "pass name registered twice, ignored: " << C << "\n";

  if (Common.printPasses()) {
    PB.printPassNames(outs());
    return 0;
  }
  if (InputFile.empty()) {
    WithColor::error(errs(), "qopt") << "no input file (see qopt --help)\n";
    return 1;
  }
  if (!Passes.getNumOccurrences() && OutputFile.empty()) {
    WithColor::error(errs(), "qopt")
        << "nothing to do: give -passes='...' and/or -o (see qopt --help)\n";
    return 1;
  }

  PassManager PM;
  if (Passes.getNumOccurrences())
    if (Error E = PB.parsePassPipeline(PM, Passes, outs())) {
      reportError(std::move(E), errs(), "qopt");
      return 1;
    }
  bool HasPrint = llvm::any_of(
      PM.passes(), [](const auto &P) { return P->name() == "print"; });
  if (HasPrint && OutputFile == "-") {
    WithColor::error(errs(), "qopt")
        << "-o - and print<X> would both write to stdout; write the "
           "structure to a file\n";
    return 1;
  }

  auto PersistSel = store::PersistSelection::parse(Persist);
  if (!PersistSel) {
    reportError(PersistSel.takeError(), errs(), "qopt");
    return 1;
  }

  // A store (recognised by its HDF5 signature) or a structure file.
  std::unique_ptr<store::StoreReader> InputStore;
  store::SourceInfo Source;
  Expected<Structure> S = Structure();
  if (InputFile != "-" && store::isStoreFile(InputFile)) {
    auto R = store::StoreReader::open(InputFile);
    if (!R) {
      reportError(R.takeError(), errs(), "qopt");
      return 1;
    }
    InputStore = std::move(*R);
    size_t Index = 0;
    if (!Entry.empty()) {
      std::optional<size_t> Found = InputStore->find(Entry);
      if (!Found) {
        WithColor::error(errs(), "qopt")
            << InputFile << ": no structure with id '" << Entry << "'\n";
        return 1;
      }
      Index = *Found;
    }
    S = InputStore->readStructure(Index);
    Source.Path = InputStore->entry(Index).SourcePath;
    Source.Sha256 = InputStore->entry(Index).SourceSha256;
    Source.Id = InputStore->entry(Index).Id;
  } else {
    io::ReadOptions ReadOpts;
    ReadOpts.Format = Common.format();
    ReadOpts.Warn = printingDiagnosticHandler(errs());
    S = io::readStructureFile(InputFile, ReadOpts);
    Source.Path = InputFile;
  }
  if (!S) {
    reportError(S.takeError(), errs(), "qopt");
    return 1;
  }
  std::unique_ptr<store::StoreResultProvider> Provider;

  PassInstrumentationList Instr;
  TimePassesHandler *Timer = nullptr;
  if (DebugPM)
    Instr.add(std::make_unique<DebugPassManagerPrinter>(errs()));
  if (TimePasses) {
    auto T = std::make_unique<TimePassesHandler>(errs());
    Timer = T.get();
    Instr.add(std::move(T));
  }
  if (PrintAfterAll || !PrintAfter.empty())
    Instr.add(std::make_unique<PrintAfterHandler>(
        errs(), std::vector<std::string>(PrintAfter.begin(), PrintAfter.end()),
        PrintAfterAll));

  AnalysisManager AM;
  AM.setExecution(ExecutionSettings{Common.threads()});
  if (!Instr.empty())
    AM.setInstrumentation(&Instr);
  if (InputStore) {
    Provider = std::make_unique<store::StoreResultProvider>(*InputStore,
                                                            CachePolicyOpt);
    AM.setResultProvider(Provider.get());
  }
  Error RunErr = PM.run(*S, AM);
  if (Timer)
    Timer->report();
  if (RunErr) {
    reportError(std::move(RunErr), errs(), "qopt");
    return 1;
  }

  if (StringRef(OutputFile).ends_with(".h5")) {
    if (!InputStore && InputFile != "-") {
      auto Sha = store::sha256File(InputFile);
      if (!Sha) {
        reportError(Sha.takeError(), errs(), "qopt");
        return 1;
      }
      Source.Sha256 = *Sha;
    }
    store::WriteResultsOptions WO;
    WO.Persist = *PersistSel;
    WO.Policy = CachePolicyOpt;
    WO.Source = Source;
    auto Lookup = [&](StringRef Name) { return PB.lookupAnalysis(Name); };
    WO.Lookup = Lookup;
    auto Recompute = [&](const store::OverlayProvenance &P) -> Error {
      PassManager Again;
      if (Error E =
              PB.parsePassPipeline(Again, "require<" + P.spec() + ">", outs()))
        return E;
      return Again.run(*S, AM);
    };
    WO.Recompute = Recompute;
    WO.Log = DebugPM ? &errs() : nullptr;
    if (Error E = store::writeStoreWithResults(OutputFile, *S, AM, WO,
                                               InputStore.get())) {
      reportError(std::move(E), errs(), "qopt");
      return 1;
    }
  } else if (!OutputFile.empty()) {
    io::FileFormat OutFormat =
        OutputFile == "-" ? io::FileFormat::MMCIF : io::FileFormat::Unknown;
    if (Error E = io::writeStructureFile(*S, OutputFile, OutFormat)) {
      reportError(std::move(E), errs(), "qopt");
      return 1;
    }
  }
  return 0;
}
