//===- ResultSerializer.cpp - Named typed arrays for persisted results ----===//
#include "qir/Pass/ResultSerializer.h"

#include "llvm/Support/ErrorHandling.h"

using namespace qir;
using namespace llvm;

ResultSink::~ResultSink() = default;
ResultSource::~ResultSource() = default;

StringRef qir::elementTypeName(ElementType T) {
  switch (T) {
  case ElementType::I8:
    return "int8";
  case ElementType::U8:
    return "uint8";
  case ElementType::I16:
    return "int16";
  case ElementType::U16:
    return "uint16";
  case ElementType::I32:
    return "int32";
  case ElementType::U32:
    return "uint32";
  case ElementType::I64:
    return "int64";
  case ElementType::U64:
    return "uint64";
  case ElementType::F32:
    return "float32";
  case ElementType::F64:
    return "float64";
  }
  llvm_unreachable("bad element type");
}

size_t qir::elementSize(ElementType T) {
  switch (T) {
  case ElementType::I8:
  case ElementType::U8:
    return 1;
  case ElementType::I16:
  case ElementType::U16:
    return 2;
  case ElementType::I32:
  case ElementType::U32:
  case ElementType::F32:
    return 4;
  case ElementType::I64:
  case ElementType::U64:
  case ElementType::F64:
    return 8;
  }
  llvm_unreachable("bad element type");
}

Error qir::malformedResult(StringRef What) {
  return createStringError(inconvertibleErrorCode(), "malformed result: %s",
                           What.str().c_str());
}
