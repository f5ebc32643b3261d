//===- NumberParsing.cpp - Locale-independent number parsing --------------===//
#include "qir/Support/NumberParsing.h"

#include <charconv>
#include <cstdint>

using namespace qir;

/// Up to 15 significant digits and no exponent; false for anything else.
static bool parsePlainDecimal(llvm::StringRef S, float &V) {
  const char *P = S.begin(), *E = S.end();
  bool Neg = false;
  if (P < E && (*P == '-' || *P == '+'))
    Neg = *P++ == '-';
  int64_t Mant = 0;
  int Digits = 0, Frac = 0;
  bool Dot = false, Any = false;
  for (; P < E; ++P) {
    char C = *P;
    if (C >= '0' && C <= '9') {
      if (++Digits > 15)
        return false;
      Mant = Mant * 10 + (C - '0');
      Frac += Dot;
      Any = true;
    } else if (C == '.' && !Dot) {
      Dot = true;
    } else {
      return false;
    }
  }
  if (!Any)
    return false;
  static const double Pow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  double D = static_cast<double>(Mant) / Pow10[Frac];
  V = static_cast<float>(Neg ? -D : D);
  return true;
}

bool qir::parseDecimal(llvm::StringRef S, float &V) {
  if (parsePlainDecimal(S, V))
    return true;
  if (S.starts_with("+"))
    S = S.drop_front();
  if (S.empty())
    return false;
  auto [Ptr, EC] = std::from_chars(S.begin(), S.end(), V);
  return EC == std::errc() && Ptr == S.end();
}
