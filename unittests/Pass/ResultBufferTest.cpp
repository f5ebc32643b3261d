//===- ResultBufferTest.cpp - In-memory result sink and source ------------===//
//
// Arrays, string lists and attributes round-trip; element types convert
// only when every value does so exactly; missing and duplicate names are
// errors that name the culprit; copyTo() replays a buffer into another sink.
//
//===----------------------------------------------------------------------===//
#include "qir/Pass/ResultBuffer.h"

#include "llvm/Support/Error.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>

using namespace qir;
using namespace llvm;

namespace {

/// The message of \p E, or "" for success.
std::string errorText(Error E) { return E ? toString(std::move(E)) : ""; }
template <typename T> std::string errorText(Expected<T> &E) {
  return E ? "" : toString(E.takeError());
}

TEST(ResultBufferTest, ArraysRoundTripWithShape) {
  ResultBuffer B;
  std::vector<float> XYZ = {1, 2, 3, 4, 5, 6};
  ASSERT_EQ(errorText(B.write<float>("xyz", XYZ, {2, 3})), "");
  std::vector<uint32_t> Idx = {7, 8, 9};
  ASSERT_EQ(errorText(B.write<uint32_t>("idx", Idx)), "");

  ElementType T;
  SmallVector<uint64_t, 3> Shape;
  ASSERT_EQ(errorText(B.describe("xyz", T, Shape)), "");
  EXPECT_EQ(T, ElementType::F32);
  EXPECT_EQ(Shape, (SmallVector<uint64_t, 3>{2, 3}));
  ASSERT_EQ(errorText(B.describe("idx", T, Shape)), "");
  EXPECT_EQ(T, ElementType::U32);
  EXPECT_EQ(Shape, (SmallVector<uint64_t, 3>{3})); // 1-D when no shape

  std::vector<float> XYZBack;
  SmallVector<uint64_t, 3> ShapeBack;
  ASSERT_EQ(errorText(B.read("xyz", XYZBack, &ShapeBack)), "");
  EXPECT_EQ(XYZBack, XYZ);
  EXPECT_EQ(ShapeBack, (SmallVector<uint64_t, 3>{2, 3}));
  std::vector<uint32_t> IdxBack;
  ASSERT_EQ(errorText(B.read("idx", IdxBack)), "");
  EXPECT_EQ(IdxBack, Idx);
  EXPECT_EQ(B.names(), (std::vector<std::string>{"idx", "xyz"}));
}

TEST(ResultBufferTest, EmptyArraysAndZeroDimensions) {
  ResultBuffer B;
  ASSERT_EQ(errorText(B.write<double>("none", {})), "");
  ASSERT_EQ(errorText(B.write<float>("rows", {}, {0, 3})), "");
  std::vector<double> D = {1.0};
  ASSERT_EQ(errorText(B.read("none", D)), "");
  EXPECT_TRUE(D.empty());
  std::vector<float> F;
  SmallVector<uint64_t, 3> Shape;
  ASSERT_EQ(errorText(B.read("rows", F, &Shape)), "");
  EXPECT_TRUE(F.empty());
  EXPECT_EQ(Shape, (SmallVector<uint64_t, 3>{0, 3}));
  // An empty array converts to any type.
  std::vector<int8_t> I;
  EXPECT_EQ(errorText(B.read("none", I)), "");
}

TEST(ResultBufferTest, ShapeMustMatchCount) {
  ResultBuffer B;
  std::vector<int32_t> V = {1, 2, 3, 4, 5};
  std::string E = errorText(B.write<int32_t>("v", V, {2, 3}));
  EXPECT_NE(E.find("'v'"), std::string::npos) << E;
  EXPECT_EQ(B.array("v"), nullptr); // nothing half-written
}

TEST(ResultBufferTest, DuplicateNamesAreErrors) {
  ResultBuffer B;
  std::vector<int32_t> V = {1};
  ASSERT_EQ(errorText(B.write<int32_t>("a", V)), "");
  std::string E = errorText(B.write<int32_t>("a", V));
  EXPECT_NE(E.find("'a'"), std::string::npos) << E;
  // Arrays and string lists share one namespace.
  E = errorText(B.writeStrings("a", {"x"}));
  EXPECT_NE(E.find("'a'"), std::string::npos) << E;
  ASSERT_EQ(errorText(B.writeStrings("s", {"x"})), "");
  E = errorText(B.write<int32_t>("s", V));
  EXPECT_NE(E.find("'s'"), std::string::npos) << E;

  // Attributes have their own: an attribute may share an array's name.
  ASSERT_EQ(errorText(B.setAttribute("a", int64_t(3))), "");
  E = errorText(B.setAttribute("a", 2.5));
  EXPECT_NE(E.find("attribute 'a'"), std::string::npos) << E;
  E = errorText(B.setAttribute("a", "text"));
  EXPECT_NE(E.find("attribute 'a'"), std::string::npos) << E;
  // The first value stays.
  auto I = B.getInt("a");
  ASSERT_TRUE(static_cast<bool>(I));
  EXPECT_EQ(*I, 3);
  EXPECT_NE(errorText(B.write<int32_t>("", V)), "");
}

TEST(ResultBufferTest, MissingNamesAreErrorsThatNameThem) {
  ResultBuffer B;
  std::vector<float> F;
  std::string E = errorText(B.read("coords", F));
  EXPECT_NE(E.find("'coords'"), std::string::npos) << E;
  ElementType T;
  SmallVector<uint64_t, 3> Shape;
  E = errorText(B.describe("order", T, Shape));
  EXPECT_NE(E.find("'order'"), std::string::npos) << E;
  float X;
  E = errorText(B.readArray("cells", ElementType::F32, &X, 1));
  EXPECT_NE(E.find("'cells'"), std::string::npos) << E;
  std::vector<std::string> S;
  E = errorText(B.readStrings("names", S));
  EXPECT_NE(E.find("'names'"), std::string::npos) << E;
  auto I = B.getInt("version");
  E = errorText(I);
  EXPECT_NE(E.find("'version'"), std::string::npos) << E;
  auto D = B.getDouble("cutoff");
  E = errorText(D);
  EXPECT_NE(E.find("'cutoff'"), std::string::npos) << E;
  auto Str = B.getString("producer");
  E = errorText(Str);
  EXPECT_NE(E.find("'producer'"), std::string::npos) << E;
}

TEST(ResultBufferTest, CountMustMatch) {
  ResultBuffer B;
  std::vector<uint32_t> V = {1, 2, 3};
  ASSERT_EQ(errorText(B.write<uint32_t>("v", V)), "");
  uint32_t Out[4];
  std::string E = errorText(B.readArray("v", ElementType::U32, Out, 4));
  EXPECT_NE(E.find("'v'"), std::string::npos) << E;
  EXPECT_NE(E.find("3"), std::string::npos) << E;
}

TEST(ResultBufferTest, ExactConversionsSucceed) {
  ResultBuffer B;
  std::vector<int32_t> Ints = {-5, 0, 7, 1 << 24};
  std::vector<double> Whole = {0, 3, 4294967295.0};
  std::vector<uint64_t> Big = {0, uint64_t(1) << 53};
  std::vector<float> Floats = {0.5f, -1.25f, std::nanf(""),
                               std::numeric_limits<float>::infinity()};
  ASSERT_EQ(errorText(B.write<int32_t>("ints", Ints)), "");
  ASSERT_EQ(errorText(B.write<double>("whole", Whole)), "");
  ASSERT_EQ(errorText(B.write<uint64_t>("big", Big)), "");
  ASSERT_EQ(errorText(B.write<float>("floats", Floats)), "");

  std::vector<double> D;
  ASSERT_EQ(errorText(B.read("ints", D)), "");
  EXPECT_EQ(D, (std::vector<double>{-5, 0, 7, 1 << 24}));
  std::vector<int64_t> I64;
  ASSERT_EQ(errorText(B.read("ints", I64)), "");
  EXPECT_EQ(I64, (std::vector<int64_t>{-5, 0, 7, 1 << 24}));
  std::vector<float> F;
  ASSERT_EQ(errorText(B.read("ints", F)), ""); // 2^24 is exact in float
  EXPECT_EQ(F[3], 16777216.0f);
  std::vector<uint32_t> U32;
  ASSERT_EQ(errorText(B.read("whole", U32)), "");
  EXPECT_EQ(U32, (std::vector<uint32_t>{0, 3, 4294967295u}));
  ASSERT_EQ(errorText(B.read("big", D)), "");
  EXPECT_EQ(D[1], 9007199254740992.0);
  ASSERT_EQ(errorText(B.read("floats", D)), "");
  EXPECT_EQ(D[0], 0.5);
  EXPECT_EQ(D[1], -1.25);
  EXPECT_TRUE(std::isnan(D[2]));
  EXPECT_TRUE(std::isinf(D[3]));
}

TEST(ResultBufferTest, InexactConversionsFailNamingTheArray) {
  ResultBuffer B;
  std::vector<int32_t> Neg = {1, -1};
  std::vector<uint32_t> Large = {0, 300};
  std::vector<double> Frac = {1.0, 2.5};
  std::vector<double> Precise = {0.1};
  std::vector<double> Huge = {1e300};
  std::vector<int32_t> Odd = {(1 << 24) + 1};
  std::vector<int64_t> Odd64 = {(int64_t(1) << 53) + 1};
  std::vector<uint64_t> Max64 = {std::numeric_limits<uint64_t>::max()};
  std::vector<float> NaN = {std::nanf("")};
  std::vector<double> TooBig = {4294967296.0};
  ASSERT_EQ(errorText(B.write<int32_t>("neg", Neg)), "");
  ASSERT_EQ(errorText(B.write<uint32_t>("large", Large)), "");
  ASSERT_EQ(errorText(B.write<double>("frac", Frac)), "");
  ASSERT_EQ(errorText(B.write<double>("precise", Precise)), "");
  ASSERT_EQ(errorText(B.write<double>("huge", Huge)), "");
  ASSERT_EQ(errorText(B.write<int32_t>("odd", Odd)), "");
  ASSERT_EQ(errorText(B.write<int64_t>("odd64", Odd64)), "");
  ASSERT_EQ(errorText(B.write<uint64_t>("max64", Max64)), "");
  ASSERT_EQ(errorText(B.write<float>("nan", NaN)), "");
  ASSERT_EQ(errorText(B.write<double>("toobig", TooBig)), "");

  auto Fails = [&](StringRef Name, auto Dummy) {
    std::vector<decltype(Dummy)> Out;
    std::string E = errorText(B.read(Name, Out));
    EXPECT_NE(E.find(("'" + Name + "'").str()), std::string::npos)
        << Name.str() << ": " << E;
  };
  Fails("neg", uint32_t());    // negative into unsigned
  Fails("neg", uint64_t());    // negative into unsigned
  Fails("large", uint8_t());   // 300 > 255
  Fails("large", int8_t());    // 300 > 127
  Fails("frac", int32_t());    // 2.5 is not whole
  Fails("precise", float());   // 0.1 is not a float
  Fails("huge", float());      // beyond float range
  Fails("huge", int64_t());    // beyond int64
  Fails("odd", float());       // 2^24 + 1 rounds in float
  Fails("odd64", double());    // 2^53 + 1 rounds in double
  Fails("max64", double());    // rounds up to 2^64
  Fails("max64", float());     // rounds up to 2^64
  Fails("max64", int64_t());   // beyond int64
  Fails("nan", int32_t());     // NaN is no integer
  Fails("toobig", uint32_t()); // 2^32 is one past the end
  Fails("toobig", int32_t());

  // The message says where and what.
  std::vector<int32_t> Out;
  std::string E = errorText(B.read("frac", Out));
  EXPECT_NE(E.find("2.5"), std::string::npos) << E;
  EXPECT_NE(E.find("index 1"), std::string::npos) << E;
  EXPECT_NE(E.find("float64"), std::string::npos) << E;
  EXPECT_NE(E.find("int32"), std::string::npos) << E;
}

TEST(ResultBufferTest, StringsAndArraysAreDistinct) {
  ResultBuffer B;
  ASSERT_EQ(errorText(B.writeStrings("names", {"CA", "", "N"})), "");
  std::vector<std::string> S;
  ASSERT_EQ(errorText(B.readStrings("names", S)), "");
  EXPECT_EQ(S, (std::vector<std::string>{"CA", "", "N"}));
  std::vector<uint8_t> U;
  std::string E = errorText(B.read("names", U));
  EXPECT_NE(E.find("'names'"), std::string::npos) << E;
  std::vector<int32_t> V = {1};
  ASSERT_EQ(errorText(B.write<int32_t>("v", V)), "");
  E = errorText(B.readStrings("v", S));
  EXPECT_NE(E.find("'v'"), std::string::npos) << E;
}

TEST(ResultBufferTest, Attributes) {
  ResultBuffer B;
  ASSERT_EQ(errorText(B.setAttribute("version", int64_t(2))), "");
  ASSERT_EQ(errorText(B.setAttribute("cell", 5.0)), "");
  ASSERT_EQ(errorText(B.setAttribute("cutoff", 4.5)), "");
  ASSERT_EQ(errorText(B.setAttribute("producer", "qir")), "");
  auto I = B.getInt("version");
  ASSERT_TRUE(static_cast<bool>(I));
  EXPECT_EQ(*I, 2);
  auto D = B.getDouble("cutoff");
  ASSERT_TRUE(static_cast<bool>(D));
  EXPECT_EQ(*D, 4.5);
  auto S = B.getString("producer");
  ASSERT_TRUE(static_cast<bool>(S));
  EXPECT_EQ(*S, "qir");
  // Numbers convert when exact, strings never.
  auto Whole = B.getInt("cell");
  ASSERT_TRUE(static_cast<bool>(Whole)) << errorText(Whole);
  EXPECT_EQ(*Whole, 5);
  auto Frac = B.getInt("cutoff");
  std::string E = errorText(Frac);
  EXPECT_NE(E.find("'cutoff'"), std::string::npos) << E;
  auto AsDouble = B.getDouble("version");
  ASSERT_TRUE(static_cast<bool>(AsDouble));
  EXPECT_EQ(*AsDouble, 2.0);
  auto NotNumber = B.getDouble("producer");
  E = errorText(NotNumber);
  EXPECT_NE(E.find("'producer'"), std::string::npos) << E;
  auto NotString = B.getString("version");
  E = errorText(NotString);
  EXPECT_NE(E.find("'version'"), std::string::npos) << E;
  EXPECT_EQ(B.attributeNames(), (std::vector<std::string>{
                                    "cell", "cutoff", "producer", "version"}));
}

TEST(ResultBufferTest, SurgeryAndCopy) {
  ResultBuffer B;
  std::vector<uint32_t> V = {1, 2, 3, 4};
  ASSERT_EQ(errorText(B.write<uint32_t>("v", V, {2, 2})), "");
  ASSERT_EQ(errorText(B.writeStrings("s", {"a", "b"})), "");
  ASSERT_EQ(errorText(B.setAttribute("n", int64_t(4))), "");
  ASSERT_EQ(errorText(B.setAttribute("x", 0.25)), "");
  ASSERT_EQ(errorText(B.setAttribute("t", "text")), "");

  ResultBuffer C;
  ASSERT_EQ(errorText(B.copyTo(C)), "");
  EXPECT_EQ(C.names(), B.names());
  EXPECT_EQ(C.attributeNames(), B.attributeNames());
  ASSERT_NE(C.array("v"), nullptr);
  EXPECT_EQ(C.array("v")->Shape, (SmallVector<uint64_t, 3>{2, 2}));
  EXPECT_EQ(C.array("v")->get<uint32_t>(3), 4u);
  EXPECT_EQ(*C.strings("s"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(std::get<double>(*C.attribute("x")), 0.25);
  EXPECT_EQ(std::get<std::string>(*C.attribute("t")), "text");
  EXPECT_EQ(std::get<int64_t>(*C.attribute("n")), 4);
  // Copying into a sink that already holds the names fails.
  EXPECT_NE(errorText(B.copyTo(C)), "");

  C.array("v")->set<uint32_t>(0, 9);
  std::vector<uint32_t> Back;
  ASSERT_EQ(errorText(C.read("v", Back)), "");
  EXPECT_EQ(Back[0], 9u);
  EXPECT_TRUE(C.erase("v"));
  EXPECT_FALSE(C.erase("v"));
  EXPECT_TRUE(C.eraseAttribute("n"));
  EXPECT_FALSE(C.eraseAttribute("n"));
  EXPECT_EQ(C.array("v"), nullptr);
  EXPECT_FALSE(C.empty());
  C.clear();
  EXPECT_TRUE(C.empty());
}

} // namespace
