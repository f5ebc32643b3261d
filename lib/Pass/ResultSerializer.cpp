//===- ResultSerializer.cpp - Named typed arrays for persisted results ----===//
#include "qir/Pass/ResultSerializer.h"

#include "llvm/Support/ErrorHandling.h"

using namespace qir;
using namespace llvm;

ResultSink::~ResultSink() = default;
ResultSource::~ResultSource() = default;

StringRef qir::elementTypeName(ElementType T) {
  switch (T) {
#define QIR_ELEMENT_TYPE(ENUM, CTYPE, NAME, H5TYPE)                            \
  case ElementType::ENUM:                                                      \
    return NAME;
#include "qir/Pass/ElementType.def"
  }
  llvm_unreachable("bad element type");
}

size_t qir::elementSize(ElementType T) {
  switch (T) {
#define QIR_ELEMENT_TYPE(ENUM, CTYPE, NAME, H5TYPE)                            \
  case ElementType::ENUM:                                                      \
    return sizeof(CTYPE);
#include "qir/Pass/ElementType.def"
  }
  llvm_unreachable("bad element type");
}

Error qir::malformedResult(StringRef What) {
  return createStringError(inconvertibleErrorCode(), "malformed result: %s",
                           What.str().c_str());
}
