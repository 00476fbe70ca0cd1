// Time expressions that scope a figure: “十四五”期间, 五年来, 5年内,
// 2024年, 截至2024年底, 2025年1—10月, 2025—2026年. Each gets a key so that
// figures of different periods are never compared.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kanwu/text/utf8.h"

namespace kanwu {

struct Period {
  std::size_t begin = 0;  // byte span in the text
  std::size_t end = 0;
  // Absolute: FYP14 (a five-year plan), Y2024, Y2024E (year end),
  // Y2025M1-10, Y2023M4D27, Y2025-2026, S2023M6 (since)…
  // Relative, resolved per document (see figures/context.h): RECENT5
  // (五年来), REL0 (今年), REL-1 (去年), ?Y (全年), ?M1-8 (1—8月, 前8个月),
  // ?M3E (3月底), ?D4-27 (4月27日), ?D27 (27日), TODAY (今天).
  std::string key;
  // Preceded by 较/比/同比/相比: the base of a comparison, not the period
  // the figure belongs to (较“十三五”时期增加9.4亿元).
  bool baseline = false;
  bool future = false;  // a plan: “十五五”规划, 2035年目标
  std::string text;
};

std::vector<Period> extract_periods(std::string_view text);
// The same, for text already decoded (Document::code_points).
std::vector<Period> extract_periods(std::string_view text, const CodePointText& cp);

// Five-year plan number for a year: 2021–2025 → 14.
int five_year_plan_of(int year);

// A resolved period key as a reader says it: Y2024 → 2024年, Y2025M1-10 →
// 2025年1—10月, Y2024E → 2024年底, FYP14 → “十四五”时期, Y2013-2017 →
// 2013—2017年, Y2023H端午 → 2023年端午. "" for "", the key itself for a
// form this does not know.
std::string describe_period(std::string_view key);

}  // namespace kanwu
