// Reading numbers as Chinese news copy writes them: Arabic digits (with
// thousands separators, decimals, full-width digits) and Chinese numerals
// (十二, 二〇三五, 两万, 八万), the latter as ICU's zh spell-out rules do.
#pragma once

#include <optional>
#include <string_view>

namespace kanwu {

struct ParsedNumber {
  double value = 0;
  // The digits as an integer and the count of decimals, so that 70.4亿 is
  // computed as 704 × 10^8 / 10 — exact — rather than 70.4 × 10^8.
  double mantissa = 0;
  int decimals = 0;
  // Value of one unit in the last written place: 70.4 → 0.1, 8670 → 1.
  double last_place = 1;
  // Trailing zeros of the integer part (80 → 1, 1000 → 3), for 余/多.
  int trailing_zeros = 0;
  std::size_t length = 0;  // code points consumed
};

// Arabic number at the start of `s`: 1,200 · 16.98 · ２０２４. Thousands
// separators are accepted only as exact groups of three.
std::optional<ParsedNumber> parse_arabic(std::u32string_view s);

bool is_chinese_numeral_char(char32_t c);
// A whole run of Chinese numeral characters as ICU's zh spell-out rules
// read it; nullopt unless they consume all of it (十四五 is not a number).
std::optional<ParsedNumber> parse_chinese(std::u32string_view run);

// How parse_chinese reads a run without ICU: a number, not a number, or a
// rare form left to ICU (the tests hold the two readings equal). With an ICU
// other than the one the forms were measured on (72), every run is left to ICU.
bool native_numeral_reading();
struct NativeNumeral {
  enum Verdict { Number, NotANumber, AskIcu } verdict;
  double value = 0;
};
NativeNumeral read_numeral_natively(std::u32string_view run);
// ICU's reading alone: the value when its spell-out rules consume the run.
std::optional<double> read_numeral_with_icu(std::u32string_view run);

// 万 → 1e4, 亿 → 1e8, 万亿 → 1e12, 千万 → 1e7 … at the start of `s`; returns
// the multiplier and sets `length`, or 0 when there is no scale word.
double parse_scale(std::u32string_view s, std::size_t& length);

}  // namespace kanwu
