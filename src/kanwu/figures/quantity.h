// Quantities in text: a number with its scale word, qualifiers and unit
// (超2300亿元, 8670余万元, 近5万名, 16.4%, 0.5个百分点, 八万余), turned into
// the interval of values the wording allows, so that comparisons can be
// rounding- and qualifier-aware (16.4% means [16.35%, 16.45%)).
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "kanwu/text/utf8.h"

namespace kanwu {

enum class Approx {
  Exact,     // as written, within rounding
  AtLeast,   // 余, 多, 超, 超过, 逾, 以上
  AtMost,    // 近, 不足, 不到, 以下
  About,     // 约, 左右
};

struct Quantity {
  std::size_t begin = 0;  // byte span in the text: qualifiers, number, scale, unit
  std::size_t end = 0;
  std::size_t number_begin = 0;  // the number itself
  std::size_t number_end = 0;
  double value = 0;  // in base units (scale applied); percentages as 16.4
  double low = 0;    // the interval the wording allows
  double high = 0;
  std::string unit;  // 元, 人次, %, 个百分点, 倍, 成 … ("" when none)
  Approx approx = Approx::Exact;
  bool chinese = false;         // written in Chinese numerals (八万)
  bool has_scale = false;       // a scale word followed the number (万, 亿)
  bool misplaced_extra = false; // 15余万: 余/多 before the scale after a non-zero digit
  std::string text;             // as written, begin..end

  bool is_percent() const { return unit == "%"; }
};

// True when two stated values cannot be one value: the intervals their
// wordings allow are apart or meet only at their ends. 30886万 allows
// 30885.5万–30886.5万 and 30887万 allows 30886.5万–30887.5万: one value
// would round to both only by a tie rule, so the two differ.
inline bool cannot_be_one(double low_a, double high_a, double low_b, double high_b) {
  if (low_a == low_b && high_a == high_b) return false;
  const double slack = 1e-9 * std::max({1.0, std::abs(low_a), std::abs(high_a), std::abs(low_b), std::abs(high_b)});
  return high_a <= low_b + slack || high_b <= low_a + slack;
}

std::vector<Quantity> extract_quantities(std::string_view text);
// The same, for text already decoded (Document::code_points).
std::vector<Quantity> extract_quantities(std::string_view text, const CodePointText& cp);

// Unit families that may be compared: 人 and 人次 both count people.
std::string unit_family(const std::string& unit);

// Formats a value the way the text wrote its unit: 7.04e9 元 → "70.4亿元".
std::string format_value(double value, const std::string& unit, int decimals);

}  // namespace kanwu
