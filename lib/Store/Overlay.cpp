//===- Overlay.cpp - Provenance and keys of persisted results -------------===//
#include "qir/Store/Overlay.h"

#include "qir/Pass/AnalysisManager.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <cstdlib>
#include <ctime>

using namespace qir;
using namespace qir::store;
using namespace llvm;

std::string OverlayProvenance::facetHashes() const {
  std::string S;
  raw_string_ostream OS(S);
  bool First = true;
  for (unsigned F = 0; F < NumFacets; ++F) {
    if (!Reads.contains(static_cast<Facet>(F)))
      continue;
    if (!First)
      OS << ';';
    First = false;
    OS << facetName(static_cast<Facet>(F)) << '='
       << format_hex_no_prefix(Hashes[F], 16);
  }
  return S;
}

bool OverlayProvenance::parseFacetHashes(StringRef Text) {
  Reads = FacetSet();
  Hashes = {};
  SmallVector<StringRef, 4> Parts;
  Text.split(Parts, ';', -1, false);
  for (StringRef P : Parts) {
    auto [Name, Hex] = P.split('=');
    bool Found = false;
    for (unsigned F = 0; F < NumFacets; ++F)
      if (facetName(static_cast<Facet>(F)) == Name) {
        uint64_t H;
        if (Hex.size() != 16 || Hex.getAsInteger(16, H))
          return false;
        Reads = Reads | static_cast<Facet>(F);
        Hashes[F] = H;
        Found = true;
      }
    if (!Found)
      return false;
  }
  return true;
}

std::string OverlayProvenance::spec() const {
  return Options.empty() ? Analysis : Analysis + "<" + Options + ">";
}

std::string OverlayProvenance::canonicalSpec() const {
  return spec() + "|" + std::to_string(Version) + "|" + facetHashes();
}

std::string OverlayProvenance::key() const {
  std::string S = canonicalSpec();
  uint64_t H = xxh3_64bits(
      ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(S.data()), S.size()));
  std::string Out;
  raw_string_ostream(Out) << format_hex_no_prefix(H, 16);
  return Out;
}

std::string OverlayProvenance::path() const {
  return "/overlays/" + Analysis + "/" + key();
}

OverlayProvenance qir::store::makeProvenance(const AnalysisInfo &Info,
                                             const AnalysisCacheKey &Key) {
  OverlayProvenance P;
  P.Analysis = Info.Name.str();
  P.Version = Key.Version;
  P.Options = Key.Options;
  P.Reads = Key.Reads;
  P.Hashes = Key.Hashes;
  return P;
}

std::string qir::store::creationTime() {
  std::time_t T = std::time(nullptr);
  if (const char *Epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    long long V;
    if (!StringRef(Epoch).getAsInteger(10, V))
      T = static_cast<std::time_t>(V);
  }
  std::tm UTC;
  gmtime_r(&T, &UTC);
  char Buf[32];
  std::strftime(Buf, sizeof(Buf), "%Y-%m-%dT%H:%M:%SZ", &UTC);
  return Buf;
}
