//===- ResultBuffer.cpp - In-memory result sink and source ----------------===//
#include "qir/Pass/ResultBuffer.h"

#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <limits>
#include <type_traits>

using namespace qir;
using namespace llvm;

static Error bufferError(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

//===----------------------------------------------------------------------===//
// Exact element conversion
//===----------------------------------------------------------------------===//

/// Convert \p V to \p To when the value survives unchanged (NaN and
/// infinities only between floating types).
template <typename To, typename From>
static bool exactConvert(From V, To &Out) {
  if constexpr (std::is_same_v<To, From>) {
    Out = V;
    return true;
  } else if constexpr (std::is_floating_point_v<From>) {
    if (std::isnan(V) || std::isinf(V)) {
      if constexpr (std::is_floating_point_v<To>) {
        Out = static_cast<To>(V);
        return true;
      }
      return false;
    }
    if constexpr (std::is_floating_point_v<To>) {
      // Out of range is undefined for a narrowing cast: check first.
      if constexpr (sizeof(To) < sizeof(From))
        if (std::fabs(V) > static_cast<From>(std::numeric_limits<To>::max()))
          return false;
      Out = static_cast<To>(V);
      return static_cast<From>(Out) == V;
    } else {
      if (std::trunc(V) != V)
        return false;
      // min() of an integer type is 0 or -2^digits: exact in any float.
      const double Lo = static_cast<double>(std::numeric_limits<To>::min());
      const double Hi = std::ldexp(1.0, std::numeric_limits<To>::digits);
      if (!(static_cast<double>(V) >= Lo && static_cast<double>(V) < Hi))
        return false;
      Out = static_cast<To>(V);
      return true;
    }
  } else { // integral From
    if constexpr (std::is_integral_v<To>) {
      if constexpr (std::is_signed_v<From>) {
        if (V < 0) {
          if constexpr (std::is_unsigned_v<To>)
            return false;
          else if (static_cast<int64_t>(V) <
                   static_cast<int64_t>(std::numeric_limits<To>::min()))
            return false;
          Out = static_cast<To>(V);
          return true;
        }
      }
      if (static_cast<uint64_t>(V) >
          static_cast<uint64_t>(std::numeric_limits<To>::max()))
        return false;
      Out = static_cast<To>(V);
      return true;
    } else {
      To F = static_cast<To>(V); // rounds; always defined
      // 2^digits is just past the largest From: a value rounded up to it
      // does not convert back.
      if (static_cast<double>(F) >=
          std::ldexp(1.0, std::numeric_limits<From>::digits))
        return false;
      if (static_cast<From>(F) != V)
        return false;
      Out = F;
      return true;
    }
  }
}

template <typename T> static std::string valueText(T V) {
  if constexpr (std::is_floating_point_v<T>)
    return formatv("{0}", static_cast<double>(V)).str();
  else if constexpr (std::is_signed_v<T>)
    return std::to_string(static_cast<int64_t>(V));
  else
    return std::to_string(static_cast<uint64_t>(V));
}

template <typename To, typename From>
static Error convertArray(StringRef Name, const uint8_t *In, void *Out,
                          size_t Count, ElementType FromT, ElementType ToT) {
  for (size_t I = 0; I < Count; ++I) {
    From V;
    std::memcpy(&V, In + I * sizeof(From), sizeof(From));
    To W;
    if (!exactConvert(V, W))
      return bufferError("array '" + Name + "': value " + valueText(V) +
                         " at index " + Twine(I) + " does not convert from " +
                         elementTypeName(FromT) + " to " +
                         elementTypeName(ToT) + " exactly");
    std::memcpy(static_cast<uint8_t *>(Out) + I * sizeof(To), &W, sizeof(To));
  }
  return Error::success();
}

/// Calls \p F with a value of the C type of \p T.
template <typename Fn> static Error dispatchType(ElementType T, Fn &&F) {
  switch (T) {
#define QIR_ELEMENT_TYPE(ENUM, CTYPE, NAME, H5TYPE)                            \
  case ElementType::ENUM:                                                      \
    return F(CTYPE());
#include "qir/Pass/ElementType.def"
  }
  llvm_unreachable("bad element type");
}

//===----------------------------------------------------------------------===//
// Sink
//===----------------------------------------------------------------------===//

Error ResultBuffer::checkNewDataset(StringRef Name) const {
  if (Name.empty())
    return bufferError("an array needs a name");
  if (Datasets.count(Name))
    return bufferError("array '" + Name + "' is written twice");
  return Error::success();
}

Error ResultBuffer::checkNewAttribute(StringRef Name) const {
  if (Name.empty())
    return bufferError("an attribute needs a name");
  if (Attributes.count(Name))
    return bufferError("attribute '" + Name + "' is written twice");
  return Error::success();
}

Error ResultBuffer::writeArray(StringRef Name, ElementType T, const void *Data,
                               size_t Count, ArrayRef<uint64_t> Shape) {
  if (Error E = checkNewDataset(Name))
    return E;
  Array A;
  A.Type = T;
  if (Shape.empty()) {
    A.Shape.push_back(Count);
  } else {
    uint64_t Product = 1;
    for (uint64_t D : Shape)
      Product *= D;
    if (Product != Count)
      return bufferError("array '" + Name + "': shape holds " + Twine(Product) +
                         " elements, data " + Twine(Count));
    A.Shape.assign(Shape.begin(), Shape.end());
  }
  size_t Bytes = Count * elementSize(T);
  if (Bytes && !Data)
    return bufferError("array '" + Name + "': no data");
  A.Bytes.resize(Bytes);
  if (Bytes)
    std::memcpy(A.Bytes.data(), Data, Bytes);
  Datasets.emplace(Name.str(), std::move(A));
  return Error::success();
}

Error ResultBuffer::writeStrings(StringRef Name, ArrayRef<std::string> Values) {
  if (Error E = checkNewDataset(Name))
    return E;
  Datasets.emplace(Name.str(), std::vector<std::string>(Values));
  return Error::success();
}

Error ResultBuffer::setAttribute(StringRef Name, int64_t V) {
  if (Error E = checkNewAttribute(Name))
    return E;
  Attributes.emplace(Name.str(), V);
  return Error::success();
}

Error ResultBuffer::setAttribute(StringRef Name, double V) {
  if (Error E = checkNewAttribute(Name))
    return E;
  Attributes.emplace(Name.str(), V);
  return Error::success();
}

Error ResultBuffer::setAttribute(StringRef Name, StringRef V) {
  if (Error E = checkNewAttribute(Name))
    return E;
  Attributes.emplace(Name.str(), V.str());
  return Error::success();
}

//===----------------------------------------------------------------------===//
// Source
//===----------------------------------------------------------------------===//

Error ResultBuffer::describe(StringRef Name, ElementType &T,
                             SmallVectorImpl<uint64_t> &Shape) {
  auto It = Datasets.find(Name);
  if (It == Datasets.end())
    return bufferError("no array '" + Name + "'");
  const Array *A = std::get_if<Array>(&It->second);
  if (!A)
    return bufferError("'" + Name + "' is a list of strings, not an array");
  T = A->Type;
  Shape.assign(A->Shape.begin(), A->Shape.end());
  return Error::success();
}

Error ResultBuffer::readArray(StringRef Name, ElementType T, void *Out,
                              size_t Count) {
  auto It = Datasets.find(Name);
  if (It == Datasets.end())
    return bufferError("no array '" + Name + "'");
  const Array *A = std::get_if<Array>(&It->second);
  if (!A)
    return bufferError("'" + Name + "' is a list of strings, not an array");
  if (A->count() != Count)
    return bufferError("array '" + Name + "' has " + Twine(A->count()) +
                       " elements, not " + Twine(Count));
  if (!Count)
    return Error::success();
  if (A->Type == T) {
    std::memcpy(Out, A->Bytes.data(), A->Bytes.size());
    return Error::success();
  }
  return dispatchType(A->Type, [&](auto FromV) {
    return dispatchType(T, [&](auto ToV) {
      return convertArray<decltype(ToV), decltype(FromV)>(
          Name, A->Bytes.data(), Out, Count, A->Type, T);
    });
  });
}

Error ResultBuffer::readStrings(StringRef Name, std::vector<std::string> &Out) {
  auto It = Datasets.find(Name);
  if (It == Datasets.end())
    return bufferError("no list of strings '" + Name + "'");
  const auto *L = std::get_if<std::vector<std::string>>(&It->second);
  if (!L)
    return bufferError("'" + Name + "' is a numeric array, not strings");
  Out = *L;
  return Error::success();
}

Expected<const ResultBuffer::Attribute &>
ResultBuffer::findAttribute(StringRef Name) const {
  auto It = Attributes.find(Name);
  if (It == Attributes.end())
    return bufferError("no attribute '" + Name + "'");
  return It->second;
}

Expected<int64_t> ResultBuffer::getInt(StringRef Name) {
  auto A = findAttribute(Name);
  if (!A)
    return A.takeError();
  if (const int64_t *I = std::get_if<int64_t>(&*A))
    return *I;
  int64_t V;
  if (const double *D = std::get_if<double>(&*A); D && exactConvert(*D, V))
    return V;
  return bufferError("attribute '" + Name + "' is not an integer");
}

Expected<double> ResultBuffer::getDouble(StringRef Name) {
  auto A = findAttribute(Name);
  if (!A)
    return A.takeError();
  if (const double *D = std::get_if<double>(&*A))
    return *D;
  double V;
  if (const int64_t *I = std::get_if<int64_t>(&*A); I && exactConvert(*I, V))
    return V;
  return bufferError("attribute '" + Name + "' is not a number");
}

Expected<std::string> ResultBuffer::getString(StringRef Name) {
  auto A = findAttribute(Name);
  if (!A)
    return A.takeError();
  if (const std::string *S = std::get_if<std::string>(&*A))
    return *S;
  return bufferError("attribute '" + Name + "' is not a string");
}

//===----------------------------------------------------------------------===//
// Whole-buffer operations
//===----------------------------------------------------------------------===//

Error ResultBuffer::copyTo(ResultSink &Sink) const {
  for (const auto &[Name, D] : Datasets) {
    if (const Array *A = std::get_if<Array>(&D)) {
      if (Error E = Sink.writeArray(
              Name, A->Type, A->Bytes.data(), A->count(),
              ArrayRef<uint64_t>(A->Shape.data(), A->Shape.size())))
        return E;
    } else if (Error E = Sink.writeStrings(
                   Name, std::get<std::vector<std::string>>(D))) {
      return E;
    }
  }
  for (const auto &[Name, A] : Attributes) {
    Error E = std::visit(
        [&, &Name = Name](const auto &V) -> Error {
          using T = std::decay_t<decltype(V)>;
          if constexpr (std::is_same_v<T, std::string>)
            return Sink.setAttribute(Name, StringRef(V));
          else
            return Sink.setAttribute(Name, V);
        },
        A);
    if (E)
      return E;
  }
  return Error::success();
}

const ResultBuffer::Array *ResultBuffer::array(StringRef Name) const {
  auto It = Datasets.find(Name);
  return It == Datasets.end() ? nullptr : std::get_if<Array>(&It->second);
}

ResultBuffer::Array *ResultBuffer::array(StringRef Name) {
  auto It = Datasets.find(Name);
  return It == Datasets.end() ? nullptr : std::get_if<Array>(&It->second);
}

const std::vector<std::string> *ResultBuffer::strings(StringRef Name) const {
  auto It = Datasets.find(Name);
  return It == Datasets.end()
             ? nullptr
             : std::get_if<std::vector<std::string>>(&It->second);
}

const ResultBuffer::Attribute *ResultBuffer::attribute(StringRef Name) const {
  auto It = Attributes.find(Name);
  return It == Attributes.end() ? nullptr : &It->second;
}

bool ResultBuffer::erase(StringRef Name) {
  auto It = Datasets.find(Name);
  if (It == Datasets.end())
    return false;
  Datasets.erase(It);
  return true;
}

bool ResultBuffer::eraseAttribute(StringRef Name) {
  auto It = Attributes.find(Name);
  if (It == Attributes.end())
    return false;
  Attributes.erase(It);
  return true;
}

std::vector<std::string> ResultBuffer::names() const {
  std::vector<std::string> Out;
  for (const auto &KV : Datasets)
    Out.push_back(KV.first);
  return Out;
}

std::vector<std::string> ResultBuffer::attributeNames() const {
  std::vector<std::string> Out;
  for (const auto &KV : Attributes)
    Out.push_back(KV.first);
  return Out;
}
