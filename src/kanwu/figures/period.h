// Time expressions that scope a figure: “十四五”期间, 五年来, 5年内,
// 2024年, 截至2024年底, 2025年1—10月, 2025—2026年. Each gets a key so that
// figures of different periods are never compared.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kanwu {

struct Period {
  std::size_t begin = 0;  // byte span in the text
  std::size_t end = 0;
  // FYP14 (a five-year plan), RECENT5 (五年来, resolved per document),
  // Y2024, Y2024E (year end), Y2025M1-10, Y2025-2026, S2023M6 (since)…
  std::string key;
  // Preceded by 较/比/同比/相比: the base of a comparison, not the period
  // the figure belongs to (较“十三五”时期增加9.4亿元).
  bool baseline = false;
  bool future = false;  // a plan: “十五五”规划, 2035年目标
  std::string text;
};

std::vector<Period> extract_periods(std::string_view text);

// Five-year plan number for a year: 2021–2025 → 14.
int five_year_plan_of(int year);

}  // namespace kanwu
