#include "kanwu/figures/numeral.h"

#include <unicode/fmtable.h>
#include <unicode/rbnf.h>

#include <cmath>
#include <memory>
#include <unordered_map>

#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

int digit_value(char32_t c) {
  if (chars::is_ascii_digit(c)) return static_cast<int>(c - U'0');
  if (chars::is_fullwidth_digit(c)) return static_cast<int>(c - 0xFF10);
  return -1;
}

bool is_point(char32_t c) { return c == U'.' || c == U'．'; }

}  // namespace

std::optional<ParsedNumber> parse_arabic(std::u32string_view s) {
  std::size_t i = 0;
  double integer = 0;
  int digits = 0, zeros = 0;
  const auto take_digits = [&](std::size_t max) {
    std::size_t taken = 0;
    while (i < s.size() && taken < max && digit_value(s[i]) >= 0) {
      const int d = digit_value(s[i]);
      integer = integer * 10 + d;
      zeros = d == 0 ? zeros + 1 : 0;
      ++i, ++taken, ++digits;
    }
    return taken;
  };
  if (take_digits(SIZE_MAX) == 0) return std::nullopt;
  // Thousands groups: only an ASCII comma followed by exactly three digits
  // and no fourth (1,200 but not "1，2" in a list).
  while (i < s.size() && s[i] == U',') {
    std::size_t j = i + 1, n = 0;
    while (j < s.size() && digit_value(s[j]) >= 0) ++j, ++n;
    if (n != 3) break;
    ++i;
    take_digits(3);
  }
  ParsedNumber out;
  out.value = integer;
  out.trailing_zeros = zeros;
  out.last_place = 1;
  out.mantissa = integer;
  if (i + 1 < s.size() && is_point(s[i]) && digit_value(s[i + 1]) >= 0) {
    ++i;
    while (i < s.size() && digit_value(s[i]) >= 0) {
      out.mantissa = out.mantissa * 10 + digit_value(s[i]);
      ++out.decimals;
      ++i;
    }
    out.value = out.mantissa / std::pow(10.0, out.decimals);
    out.last_place = 1 / std::pow(10.0, out.decimals);
    out.trailing_zeros = 0;
  }
  out.length = i;
  return out;
}

bool is_chinese_numeral_char(char32_t c) {
  switch (c) {  // called for every character of every paragraph
    case U'〇': case U'零': case U'一': case U'二': case U'三': case U'四': case U'五':
    case U'六': case U'七': case U'八': case U'九': case U'十': case U'百': case U'千':
    case U'万': case U'亿': case U'两': case U'壹': case U'贰': case U'叁': case U'肆':
    case U'伍': case U'陆': case U'柒': case U'捌': case U'玖': case U'拾': case U'佰':
    case U'仟': case U'廿':
      return true;
    default:
      return false;
  }
}

namespace {

std::optional<ParsedNumber> parse_chinese_with_icu(std::u32string_view run);

}  // namespace

// The same few numerals (一, 两, 十, 三十) recur in every paragraph; ICU's
// spell-out parser is slow, so each thread remembers what it has parsed.
std::optional<ParsedNumber> parse_chinese(std::u32string_view run) {
  if (run.empty()) return std::nullopt;
  thread_local std::unordered_map<std::u32string, std::optional<ParsedNumber>> parsed;
  if (const auto it = parsed.find(std::u32string(run)); it != parsed.end()) return it->second;
  if (parsed.size() > 4096) parsed.clear();
  return parsed.emplace(run, parse_chinese_with_icu(run)).first->second;
}

namespace {

std::optional<ParsedNumber> parse_chinese_with_icu(std::u32string_view run) {
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> format = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("zh"), status);
    if (U_FAILURE(status)) f.reset();
    return f;
  }();
  if (!format) return std::nullopt;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(to_utf8(run));
  icu::Formattable result;
  icu::ParsePosition position(0);
  format->parse(text, result, position);
  if (position.getIndex() != text.length()) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const double value = result.getDouble(status);
  if (U_FAILURE(status)) return std::nullopt;
  ParsedNumber out;
  out.value = value;
  out.mantissa = value;
  out.length = run.size();
  // Precision of a Chinese numeral is its smallest written unit: 八万 → 1万.
  out.last_place = 1;
  const char32_t last = run.back();
  if (last == U'十' || last == U'拾') out.last_place = 10;
  if (last == U'百' || last == U'佰') out.last_place = 100;
  if (last == U'千' || last == U'仟') out.last_place = 1000;
  if (last == U'万') out.last_place = 1e4;
  if (last == U'亿') out.last_place = 1e8;
  double v = value;
  while (v >= 10 && std::fmod(v, 10) == 0) v /= 10, ++out.trailing_zeros;
  return out;
}

}  // namespace

double parse_scale(std::u32string_view s, std::size_t& length) {
  static constexpr std::pair<std::u32string_view, double> kScales[] = {
      {U"万亿", 1e12}, {U"千亿", 1e11}, {U"百亿", 1e10}, {U"千万", 1e7}, {U"百万", 1e6},
      {U"亿", 1e8},    {U"万", 1e4},    {U"千", 1e3},    {U"百", 1e2}};
  for (const auto& [word, factor] : kScales) {
    if (s.starts_with(word)) {
      length = word.size();
      return factor;
    }
  }
  length = 0;
  return 0;
}

}  // namespace kanwu
