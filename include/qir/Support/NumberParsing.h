//===- NumberParsing.h - Locale-independent number parsing ------*- C++ -*-===//
//
// Readers parse millions of short decimals ("-12.345"). parseDecimal() has
// an exact fast path for plain decimals (mantissa and power of ten are exact
// in a double, so the quotient is correctly rounded before the conversion to
// float) and falls back to std::from_chars for everything else. Neither
// depends on the C locale.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_SUPPORT_NUMBERPARSING_H
#define QIR_SUPPORT_NUMBERPARSING_H

#include "llvm/ADT/StringRef.h"

namespace qir {

/// Parse all of \p S as a decimal float (optional sign, digits, point,
/// exponent). Returns false if \p S is empty or not entirely a number.
bool parseDecimal(llvm::StringRef S, float &V);

} // namespace qir

#endif // QIR_SUPPORT_NUMBERPARSING_H
