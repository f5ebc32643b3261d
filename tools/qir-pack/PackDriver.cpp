//===- PackDriver.cpp - The qir-pack driver -------------------------------===//
//
// Reads structure files one after the other, runs a pipeline on each (a
// fresh AnalysisManager per structure) and appends the result to one shard
// (StoreKind::Shard, written atomically on commit). A file that fails to
// read or whose pipeline fails is reported and skipped; the summary lists
// every failure with a one-line reason.
//
//===----------------------------------------------------------------------===//
#include "PackDriver.h"

#include "qir/IO/Reader.h"
#include "qir/IR/Structure.h"
#include "qir/Pass/AnalysisManager.h"
#include "qir/Pass/PassManager.h"
#include "qir/Passes/PassBuilder.h"
#include "qir/Passes/PassPlugin.h"
#include "qir/Passes/PipelineToolOptions.h"
#include "qir/Store/Writer.h"
#include "qir/Support/Diagnostic.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstdlib>

using namespace llvm;
using namespace qir;

static cl::OptionCategory PackCat("qir-pack options");

static cl::list<std::string> InputFiles(cl::Positional,
                                        cl::desc("<structure files>"),
                                        cl::value_desc("file"),
                                        cl::cat(PackCat));

static cl::opt<std::string>
    FilesFrom("files-from",
              cl::desc("Also pack the files listed in <list>, one path per "
                       "line (after the FILES on the command line); blank "
                       "lines and lines starting with '#' are skipped; '-' "
                       "reads the list from stdin"),
              cl::value_desc("list"), cl::cat(PackCat));

static cl::opt<std::string>
    OutputFile("o",
               cl::desc("The shard to write (.qir.h5); written atomically "
                        "when packing ends, never partially"),
               cl::value_desc("shard"), cl::cat(PackCat));

static cl::opt<std::string> Passes(
    "passes",
    cl::desc("Pipeline run on every structure before it is packed, as in "
             "qopt (e.g. 'strip<waters;hydrogens>,select-altloc<A>'); "
             "print<X> is refused. Default: none (pack as read)"),
    cl::value_desc("pipeline"), cl::cat(PackCat));

static cl::opt<bool>
    FailFast("fail-fast",
             cl::desc("Stop at the first file that fails and write nothing"),
             cl::cat(PackCat));

static cl::opt<bool> Progress(
    "progress",
    cl::desc("Show a progress bar on stderr (default: only when stderr is "
             "a terminal; -progress=false turns it off)"),
    cl::cat(PackCat));

static PipelineToolOptions Common(PackCat, "qir-pack");

static const char *Overview =
    "qir-pack: pack many structure files into one shard (.qir.h5)\n\n"
    "  qir-pack [-passes='PIPELINE'] -o SHARD.qir.h5 FILES...\n"
    "  qir-pack [-passes='PIPELINE'] -o SHARD.qir.h5 -files-from=LIST\n\n"
    "Each file (mmCIF or PDB, gzip-compressed or not) is read, the pipeline\n"
    "(qopt syntax; see qopt -print-passes) runs on it with a fresh analysis\n"
    "cache, and the result is appended to the shard with its source path\n"
    "and SHA-256. Ids are file stems; a repeated stem gets _2, _3, ...\n"
    "(a path listed twice is packed twice, with a warning).\n\n"
    "A file that cannot be read or whose pipeline fails is reported on\n"
    "stderr with its full error and skipped. At the end stderr gets\n"
    "  packed N structures (A atoms) from M files; K failed\n"
    "and one line per failed file. Exit status 0 when every file was\n"
    "packed; 1 when any failed (the shard still holds the others), with\n"
    "-fail-fast at the first failure, or when nothing could be packed: in\n"
    "those two cases no shard is written. A progress bar is drawn on stderr\n"
    "when it is a terminal. docs/qir-pack.md says more.\n";

namespace {

/// "[#####     ] 123/456 1abc.cif" on stderr, redrawn in place at most
/// every 100 ms. Anything else written to stderr must clear() it first.
class ProgressBar {
public:
  ProgressBar(bool Enabled, size_t Total) : Enabled(Enabled), Total(Total) {}
  ~ProgressBar() { clear(); }

  void update(size_t Done, StringRef Name) {
    if (!Enabled)
      return;
    auto Now = std::chrono::steady_clock::now();
    if (Drawn && Now - Last < std::chrono::milliseconds(100))
      return;
    Last = Now;
    constexpr size_t Width = 30;
    size_t Filled = Total ? Done * Width / Total : Width;
    std::string Line = "[";
    Line.append(Filled, '#');
    Line.append(Width - Filled, ' ');
    Line += "] " + std::to_string(Done) + "/" + std::to_string(Total) + " ";
    Line += sys::path::filename(Name).str();
    unsigned Cols = sys::Process::StandardErrColumns();
    if (Cols > 1 && Line.size() >= Cols)
      Line.resize(Cols - 1);
    size_t Old = Drawn ? Shown : 0;
    errs() << '\r' << Line;
    if (Line.size() < Old)
      errs().indent(Old - Line.size()) << '\r' << Line;
    errs().flush();
    Shown = Line.size();
    Drawn = true;
  }

  /// Erase the bar (the next update() draws it again at once).
  void clear() {
    if (!Drawn)
      return;
    errs() << '\r';
    errs().indent(Shown) << '\r';
    errs().flush();
    Drawn = false;
  }

private:
  bool Enabled;
  size_t Total;
  bool Drawn = false;
  size_t Shown = 0;
  std::chrono::steady_clock::time_point Last;
};

struct Failure {
  std::string Path;
  std::string Reason; ///< one line, naming the file
};

} // namespace

/// Print \p E in full on stderr (located errors with their line and caret)
/// and return it as one line for the summary.
static std::string reportFileError(Error E, StringRef Path) {
  std::string Reason;
  handleAllErrors(
      std::move(E),
      [&](const ParseError &PE) {
        const Diagnostic &D = PE.diagnostic();
        D.print(errs(), errs().has_colors());
        if (!Reason.empty())
          return;
        raw_string_ostream OS(Reason);
        OS << D.File;
        if (D.Line) {
          OS << ':' << D.Line;
          if (D.Column)
            OS << ':' << D.Column;
        }
        OS << ": " << D.Message;
      },
      [&](const ErrorInfoBase &EI) {
        std::string Msg = EI.message();
        // Name the file unless the message already does (I/O errors do).
        if (StringRef(Msg).find(Path) == StringRef::npos)
          Msg = (Path + ": " + Msg).str();
        WithColor::error(errs(), "qir-pack") << Msg << "\n";
        if (Reason.empty())
          Reason = Msg;
      });
  size_t NL = Reason.find('\n');
  if (NL != std::string::npos)
    Reason.resize(NL);
  if (StringRef(Reason).find(Path) == StringRef::npos)
    Reason = (Path + ": " + Reason).str();
  return Reason;
}

void qir::parseFileList(StringRef Text, std::vector<std::string> &Paths) {
  SmallVector<StringRef, 64> Lines;
  Text.split(Lines, '\n');
  for (StringRef L : Lines) {
    L = L.trim();
    if (L.empty() || L.starts_with("#"))
      continue;
    Paths.push_back(L.str());
  }
}

/// The first "print<" that starts a pipeline element, for a located error.
static const char *findPrintElement(StringRef Text) {
  for (size_t I = Text.find("print<"); I != StringRef::npos;
       I = Text.find("print<", I + 1)) {
    StringRef Before = Text.take_front(I).rtrim();
    if (Before.empty() || Before.back() == ',')
      return Text.data() + I;
  }
  return nullptr;
}

int qir::qirPackMain(int Argc, char **Argv,
                     ArrayRef<std::function<void(PassBuilder &)>> Extra) {
  InitLLVM X(Argc, Argv);
  cl::HideUnrelatedOptions(PackCat);
  cl::ParseCommandLineOptions(Argc, Argv, Overview);

  PassBuilder PB;
  for (const auto &Register : Extra)
    Register(PB);
  for (const PassPlugin &P : Common.plugins())
    P.registerPassBuilderCallbacks(PB);
  for (const std::string &C : PB.registrationConflicts())
    WithColor::warning(errs(), "qir-pack")
        << "pass name registered twice, ignored: " << C << "\n";
  if (Common.printPasses()) {
    PB.printPassNames(outs());
    return 0;
  }

  if (OutputFile.empty()) {
    WithColor::error(errs(), "qir-pack")
        << "no output: give -o SHARD.qir.h5 (see qir-pack --help)\n";
    return 1;
  }

  // The pipeline is checked before any input is read.
  PassManager PM;
  if (Passes.getNumOccurrences()) {
    if (Error E = PB.parsePassPipeline(PM, Passes, nulls())) {
      reportError(std::move(E), errs(), "qir-pack");
      return 1;
    }
    for (const auto &P : PM.passes()) {
      if (P->name() != "print")
        continue;
      std::string Msg = P->spec() + " writes a table to stdout; qir-pack "
                                    "writes only the shard (use qopt to "
                                    "print, require<X> to compute)";
      if (const char *At = findPrintElement(Passes))
        reportError(makeParseError("<pipeline>", Passes, At, Msg), errs(),
                    "qir-pack");
      else
        WithColor::error(errs(), "qir-pack") << Msg << "\n";
      return 1;
    }
  }

  // The inputs: FILES, then the list.
  std::vector<std::string> Paths(InputFiles.begin(), InputFiles.end());
  if (!FilesFrom.empty()) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> List =
        MemoryBuffer::getFileOrSTDIN(FilesFrom, /*IsText=*/true);
    if (!List) {
      WithColor::error(errs(), "qir-pack")
          << "cannot read file list '" << FilesFrom
          << "': " << List.getError().message() << "\n";
      return 1;
    }
    parseFileList((*List)->getBuffer(), Paths);
  }
  if (Paths.empty()) {
    WithColor::error(errs(), "qir-pack")
        << "no input files (give FILES or -files-from=LIST; see qir-pack "
           "--help)\n";
    return 1;
  }
  for (const std::string &P : Paths)
    if (P == "-") {
      WithColor::error(errs(), "qir-pack")
          << "'-' is not an input of qir-pack (a shard entry needs a file "
             "to name and hash); -files-from=- reads the list from stdin\n";
      return 1;
    }
  StringMap<size_t> FirstSeen;
  for (size_t I = 0; I < Paths.size(); ++I) {
    auto [It, New] = FirstSeen.try_emplace(Paths[I], I + 1);
    if (!New)
      WithColor::warning(errs(), "qir-pack")
          << Paths[I] << " is listed more than once (inputs " << It->second
          << " and " << I + 1 << "); it is packed each time\n";
  }

  auto Writer = store::StoreWriter::create(OutputFile, store::StoreKind::Shard);
  if (!Writer) {
    reportError(Writer.takeError(), errs(), "qir-pack");
    return 1;
  }

  bool ShowProgress = Progress.getNumOccurrences()
                          ? bool(Progress)
                          : sys::Process::StandardErrIsDisplayed();
  ProgressBar Bar(ShowProgress, Paths.size());
  io::ReadOptions ReadOpts;
  ReadOpts.Format = Common.format();
  DiagnosticHandler PrintWarning = printingDiagnosticHandler(errs());
  ReadOpts.Warn = [&](const Diagnostic &D) {
    Bar.clear();
    PrintWarning(D);
  };

  std::vector<Failure> Failures;
  size_t Packed = 0;
  uint64_t Atoms = 0;
  for (size_t I = 0; I < Paths.size(); ++I) {
    const std::string &Path = Paths[I];
    Bar.update(I, Path);
    auto Fail = [&](Error E) {
      Bar.clear();
      Failures.push_back({Path, reportFileError(std::move(E), Path)});
    };

    Expected<Structure> S = io::readStructureFile(Path, ReadOpts);
    if (!S) {
      Fail(S.takeError());
    } else {
      AnalysisManager AM;
      AM.setExecution(ExecutionSettings{Common.threads()});
      if (Error E = PM.run(*S, AM)) {
        Fail(std::move(E));
      } else if (Expected<std::string> Sha = store::sha256File(Path); !Sha) {
        Fail(Sha.takeError());
      } else {
        store::SourceInfo Source;
        Source.Path = Path;
        Source.Sha256 = std::move(*Sha);
        // A failed append may leave the shard's columns uneven: stop.
        Expected<std::string> Id = (*Writer)->addStructure(*S, Source);
        if (!Id) {
          Bar.clear();
          reportError(Id.takeError(), errs(), "qir-pack");
          WithColor::error(errs(), "qir-pack")
              << "cannot append " << Path << " to the shard; " << OutputFile
              << " not written\n";
          return 1;
        }
        ++Packed;
        Atoms += S->numAtoms();
      }
    }
    if (FailFast && !Failures.empty()) {
      Bar.clear();
      WithColor::error(errs(), "qir-pack")
          << "stopped at the first failure (-fail-fast); " << OutputFile
          << " not written\n";
      return 1;
    }
  }
  Bar.clear();

  if (Packed) {
    if (Error E = (*Writer)->commit()) {
      reportError(std::move(E), errs(), "qir-pack");
      return 1;
    }
  }
  errs() << "packed " << Packed << " structure" << (Packed == 1 ? "" : "s")
         << " (" << Atoms << " atoms) from " << Paths.size() << " file"
         << (Paths.size() == 1 ? "" : "s") << "; " << Failures.size()
         << " failed\n";
  for (const Failure &F : Failures)
    errs() << "  failed: " << F.Reason << "\n";
  if (!Packed) {
    WithColor::error(errs(), "qir-pack")
        << "no structure could be packed; " << OutputFile << " not written\n";
    return 1;
  }
  return Failures.empty() ? 0 : 1;
}
