#include "kanwu/figures/numeral.h"

#include <unicode/fmtable.h>
#include <unicode/rbnf.h>
#include <unicode/uvernum.h>

#include <algorithm>
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

// The forms of Chinese numerals, and how ICU 72's zh spell-out rules read
// them (measured on every run of up to four numeral characters, all financial
// forms up to three, 130,000 numbers ICU spells out below 10^13 with their
// 零 and 两 variants and 146,000 near misses; tests/test_numeral.cpp repeats
// the comparison on a smaller set, and a review compared 3.5 million decided
// runs of up to 14 characters). Another ICU may read some forms otherwise:
// there every run goes to ICU until the tests are run against it and this
// list is extended.
constexpr bool kNativeReading = U_ICU_VERSION_MAJOR_NUM == 72;
constexpr std::u32string_view kDigits = U"一二三四五六七八九";  // 1-9
constexpr std::u32string_view kFinancial = U"壹贰叁肆伍陆柒捌玖拾佰仟";  // 一-九, 十, 百, 千
constexpr std::u32string_view kPlainForFinancial = U"一二三四五六七八九十百千";

int digit(char32_t c) {
  const auto at = kDigits.find(c);
  return at == std::u32string_view::npos ? -1 : static_cast<int>(at) + 1;
}
bool is_zero(char32_t c) { return c == U'零' || c == U'〇'; }
int place(char32_t c) { return c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : 0; }
bool has(std::u32string_view s, char32_t c) { return s.find(c) != std::u32string_view::npos; }

using Reading = NativeNumeral;
constexpr Reading kAskIcu{NativeNumeral::AskIcu};
constexpr Reading kNotANumber{NativeNumeral::NotANumber};
Reading number(double v) { return {NativeNumeral::Number, v}; }

// A run of digits (一-九, 〇) read as ICU does: two or four digits are read
// digit by digit (一二 = 12, 二〇三五 = 2035), three are not a number.
std::optional<Reading> digit_string(std::u32string_view s) {
  double v = 0;
  for (const char32_t c : s) {
    if (c != U'〇' && digit(c) < 0) return std::nullopt;
    v = v * 10 + std::max(digit(c), 0);
  }
  if (s.size() == 1 || s.size() == 2 || s.size() == 4) return number(v);
  if (s.size() == 3) return kNotANumber;
  return kAskIcu;
}

// A section below 10^4 written the standard way: digits with 千, 百, 十 in
// falling order, one 零 (or 〇) for skipped places between two written
// ones, 十 alone leading the number (十五, 十万), 两 before 百 and 千, or
// alone before 万 and 亿 (两万). -1 when it is not such a section.
long long section(std::u32string_view s, bool leading, bool before_big) {
  long long v = 0;
  int last = 10000;
  bool zero = false;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = s[i];
    if (is_zero(c)) {
      if (i == 0 || i + 1 == s.size() || is_zero(s[i + 1])) return -1;
      zero = true;
      ++i;
      continue;
    }
    int d = 0, unit = 0;
    if (c == U'十' && i == 0 && leading) {
      d = 1, unit = 10, ++i;
    } else if (digit(c) > 0 || c == U'两') {
      d = c == U'两' ? 2 : digit(c);
      if (i + 1 < s.size() && place(s[i + 1])) {
        unit = place(s[i + 1]);
        if (c == U'两' && unit == 10) return -1;
        i += 2;
      } else {
        if (c == U'两' && !(before_big && s.size() == 1)) return -1;
        unit = 1, ++i;
        if (i != s.size()) return -1;
      }
    } else {
      return -1;
    }
    if (unit >= last) return -1;
    const bool skipped = last != 10000 && unit * 10 < last;
    if ((v > 0 && skipped != zero) || (v == 0 && zero)) return -1;
    v += static_cast<long long>(d) * unit;
    last = unit;
    zero = false;
  }
  return s.empty() ? -1 : v;
}

// Plain numerals (no financial forms): digit strings, then sections joined
// by 亿 and 万, each at most once, with 零 before a section below 1000
// after the first.
Reading read_plain(std::u32string_view s) {
  if ((has(s, U'两') || has(s, U'零')) && has(s, U'〇')) return kAskIcu;  // ICU refuses some mixes
  if (const auto digits = digit_string(s)) return *digits;
  if (s == U"两") return number(2);
  if (s.size() == 1 && is_zero(s[0])) return number(0);
  std::u32string_view rest = s;
  struct Part {
    std::u32string_view text;
    long long scale;
  };
  Part parts[3];
  std::size_t n = 0;
  for (const auto& [big, scale] : {std::pair{U'亿', 100000000LL}, std::pair{U'万', 10000LL}}) {
    const auto at = rest.find(big);
    if (at == std::u32string_view::npos) continue;
    if (has(rest.substr(at + 1), big)) return kAskIcu;
    parts[n++] = {rest.substr(0, at), scale};
    rest = rest.substr(at + 1);
  }
  parts[n++] = {rest, 1};
  long long v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    std::u32string_view text = parts[k].text;
    const bool first = k == 0;
    if (text.empty()) {
      if (parts[k].scale == 1 && !first) continue;
      return kAskIcu;
    }
    const bool zero = !first && is_zero(text[0]);
    if (zero) text.remove_prefix(1);
    if (text.empty()) return kAskIcu;
    const long long value = section(text, first, parts[k].scale > 1);
    if (value < 0 || (!first && (value < 1000) != zero)) return kAskIcu;
    v += value * parts[k].scale;
  }
  return number(static_cast<double>(v));
}

}  // namespace

bool native_numeral_reading() { return kNativeReading; }

NativeNumeral read_numeral_natively(std::u32string_view run) {
  if (!kNativeReading) return kAskIcu;
  if (run.empty()) return kNotANumber;
  // Nothing starts with a unit: 百分之, 万亿元, 千万 (ICU reads nothing).
  if (std::u32string_view(U"百千万亿佰仟").find(run[0]) != std::u32string_view::npos) return kNotANumber;
  if (has(run, U'廿')) return kAskIcu;
  if (std::any_of(run.begin(), run.end(), [](char32_t c) { return has(kFinancial, c); })) {
    if (run.size() > 1) return kAskIcu;  // ICU reads financial forms in its own way
    return read_plain(std::u32string_view(&kPlainForFinancial[kFinancial.find(run[0])], 1));
  }
  // 十四五, 十三五: plan names, not numbers.
  if (run.size() == 3 && run[0] == U'十' && digit(run[1]) > 0 && digit(run[2]) > 0) return kNotANumber;
  return read_plain(run);
}

std::optional<double> read_numeral_with_icu(std::u32string_view run) {
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> format = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("zh"), status);
    if (U_FAILURE(status)) f.reset();
    return f;
  }();
  if (!format || run.empty()) return std::nullopt;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(to_utf8(run));
  icu::Formattable result;
  icu::ParsePosition position(0);
  format->parse(text, result, position);
  if (position.getIndex() != text.length()) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const double value = result.getDouble(status);
  if (U_FAILURE(status)) return std::nullopt;
  return value;
}

namespace {

ParsedNumber chinese_number(std::u32string_view run, double value) {
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

// Read natively where the form is known (building ICU's spell-out parser
// costs a thread ~0.5 ms and its first parse as much again, on the path of
// every check's first figures); the rest through ICU, remembered per thread.
std::optional<ParsedNumber> parse_chinese(std::u32string_view run) {
  if (run.empty()) return std::nullopt;
  const NativeNumeral native = read_numeral_natively(run);
  if (native.verdict == NativeNumeral::Number) return chinese_number(run, native.value);
  if (native.verdict == NativeNumeral::NotANumber) return std::nullopt;
  thread_local std::unordered_map<std::u32string, std::optional<ParsedNumber>> parsed;
  if (const auto it = parsed.find(std::u32string(run)); it != parsed.end()) return it->second;
  if (parsed.size() > 4096) parsed.clear();
  const auto value = read_numeral_with_icu(run);
  return parsed.emplace(run, value ? std::optional(chinese_number(run, *value)) : std::nullopt).first->second;
}

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
