#include <boost/test/unit_test.hpp>

#include <unicode/rbnf.h>

#include <random>
#include <string>
#include <vector>

#include "kanwu/figures/numeral.h"
#include "kanwu/text/utf8.h"

using namespace kanwu;

namespace {

// The native reading must agree with ICU's wherever it decides: the same
// value for a number, ICU reading nothing whole for "not a number".
struct Agreement {
  std::size_t numbers = 0, refused = 0, left_to_icu = 0;
  void check(const std::u32string& run) {
    const NativeNumeral native = read_numeral_natively(run);
    if (native.verdict == NativeNumeral::AskIcu) {
      ++left_to_icu;
      return;
    }
    const std::optional<double> icu = read_numeral_with_icu(run);
    BOOST_TEST_INFO(to_utf8(run));
    if (native.verdict == NativeNumeral::Number) {
      ++numbers;
      BOOST_REQUIRE(icu.has_value());
      BOOST_REQUIRE_EQUAL(*icu, native.value);
    } else {
      ++refused;
      BOOST_REQUIRE(!icu.has_value());
    }
  }
};

void every_run(const std::u32string& alphabet, std::size_t length, std::u32string& run, Agreement& a) {
  if (run.size() == length) {
    a.check(run);
    return;
  }
  for (const char32_t c : alphabet) {
    run.push_back(c);
    every_run(alphabet, length, run, a);
    run.pop_back();
  }
}

const std::u32string kPlain = U"一二三四五六七八九两零〇十百千万亿";
const std::u32string kAll = kPlain + U"壹贰叁肆伍陆柒捌玖拾佰仟廿";

// Numbers as ICU spells them (一百〇五), and as news copy writes them (一百零五, 两万).
std::vector<std::u32string> spelled(const std::vector<long long>& numbers) {
  UErrorCode status = U_ZERO_ERROR;
  icu::RuleBasedNumberFormat format(icu::URBNF_SPELLOUT, icu::Locale("zh"), status);
  BOOST_REQUIRE(U_SUCCESS(status));
  std::vector<std::u32string> out;
  for (const long long n : numbers) {
    icu::UnicodeString text;
    format.format(static_cast<int64_t>(n), text);
    std::string utf8;
    text.toUTF8String(utf8);
    std::u32string s = code_points(utf8).chars;
    out.push_back(s);
    std::u32string with_ling = s;
    for (char32_t& c : with_ling)
      if (c == U'〇') c = U'零';
    out.push_back(with_ling);
    if (s.size() > 1 && s[0] == U'二' && std::u32string_view(U"百千万亿").find(s[1]) != std::u32string_view::npos)
      out.push_back(U"两" + with_ling.substr(1));
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(numeral)

BOOST_AUTO_TEST_CASE(native_reading_of_common_forms, *boost::unit_test::precondition([](boost::unit_test::test_unit_id) {
  return boost::unit_test::assertion_result(native_numeral_reading());  // (ICU 72: every form below measured on it)
})) {
  const auto value = [](std::u32string_view s) {
    const NativeNumeral n = read_numeral_natively(s);
    return n.verdict == NativeNumeral::Number ? n.value : -1.0;
  };
  BOOST_TEST(value(U"十") == 10);
  BOOST_TEST(value(U"十二") == 12);
  BOOST_TEST(value(U"二十五") == 25);
  BOOST_TEST(value(U"一百零五") == 105);
  BOOST_TEST(value(U"一千零五十") == 1050);
  BOOST_TEST(value(U"两万") == 20000);
  BOOST_TEST(value(U"十万八千") == 108000);
  BOOST_TEST(value(U"一亿二千万") == 120000000);
  BOOST_TEST(value(U"二〇三五") == 2035);
  BOOST_TEST(value(U"陆") == 6);
  BOOST_TEST(read_numeral_natively(U"十四五").verdict == NativeNumeral::NotANumber);
  BOOST_TEST(read_numeral_natively(U"万亿").verdict == NativeNumeral::NotANumber);
  BOOST_TEST(read_numeral_natively(U"一二三").verdict == NativeNumeral::NotANumber);
  // ICU's own reading of these (一百五 is 105 to it) is kept: they go to ICU.
  BOOST_TEST(read_numeral_natively(U"一百五").verdict == NativeNumeral::AskIcu);
  BOOST_TEST(parse_chinese(U"一百五")->value == 105);
  BOOST_TEST(parse_chinese(U"八万")->last_place == 1e4);
  BOOST_TEST(parse_chinese(U"八万")->trailing_zeros == 4);
  BOOST_TEST(!parse_chinese(U"十四五"));
}

BOOST_AUTO_TEST_CASE(agrees_with_icu_on_every_short_run) {
  Agreement a;
  std::u32string run;
  for (std::size_t n = 1; n <= 3; ++n) every_run(kAll, n, run, a);  // 25,259 runs
  every_run(kPlain, 4, run, a);                                    // 83,521 runs
  // Most runs that read as numbers or not are decided without ICU.
  if (native_numeral_reading()) {
    BOOST_TEST(a.numbers > 11000u);
    BOOST_TEST(a.refused > 20000u);
  }
}

BOOST_AUTO_TEST_CASE(agrees_with_icu_on_spelled_numbers_and_near_misses) {
  std::vector<long long> numbers;
  for (long long n = 0; n <= 12000; ++n) numbers.push_back(n);
  std::mt19937_64 random(20261124);
  for (int i = 0; i < 3000; ++i) numbers.push_back(static_cast<long long>(random() % 1000000000000ULL));
  for (int i = 0; i < 2000; ++i)
    numbers.push_back(static_cast<long long>(random() % 100000) * (i % 2 ? 10000 : 100000000));
  Agreement a;
  const std::vector<std::u32string> runs = spelled(numbers);
  for (const auto& s : runs) a.check(s);
  if (native_numeral_reading()) BOOST_TEST(a.numbers > runs.size() * 3 / 4);
  // Near misses: a character dropped, added, changed or two swapped.
  for (int i = 0; i < 20000; ++i) {
    std::u32string s = runs[random() % runs.size()];
    const std::size_t at = random() % (s.size() + 1);
    switch (random() % 4) {
      case 0: if (!s.empty()) s.erase(std::min(at, s.size() - 1), 1); break;
      case 1: s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), kPlain[random() % kPlain.size()]); break;
      case 2: if (!s.empty()) s[std::min(at, s.size() - 1)] = kPlain[random() % kPlain.size()]; break;
      default: if (s.size() > 1) std::swap(s[std::min(at, s.size() - 2)], s[std::min(at, s.size() - 2) + 1]);
    }
    if (!s.empty()) a.check(s);
  }
}

BOOST_AUTO_TEST_SUITE_END()
