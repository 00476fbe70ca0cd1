#include "kanwu/figures/period.h"

#include <fmt/format.h>

#include <optional>

#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// A hand-written scanner: it looks only at characters that can start a time
// expression (digits, 十, 五, 这/近/过去/前), so it costs little more than a
// pass over the text. (An ICU regex with the same alternatives tried every
// position and was the costliest part of reading figures.)
class PeriodScanner {
 public:
  PeriodScanner(std::string_view text, const CodePointText& cp) : text_(text), cp_(cp), s_(cp_.chars) {}

  std::vector<Period> run() {
    for (std::size_t i = 0; i < s_.size();) {
      std::size_t next = i + 1;
      if (chars::is_ascii_digit(s_[i]) && (i == 0 || !chars::is_ascii_digit(s_[i - 1]))) {
        next = digits(i);
      } else if (s_[i] == U'十' && i + 2 < s_.size() && digit(s_[i + 1]) > 0 && s_[i + 2] == U'五') {
        next = plan(i);
      } else if ((s_[i] == U'一' || s_[i] == U'二') && chinese_year_digits(i) > 0) {  // 19xx, 20xx
        next = chinese_year(i);
      } else if (s_[i] == U'五' && at(i + 1) == U'年') {
        next = five_years(i, i + 2);
      } else if (starts_relative(s_[i])) {
        next = relative(i);
      }
      i = std::max(next, i + 1);
    }
    return std::move(out_);
  }

 private:
  char32_t at(std::size_t i) const { return i < s_.size() ? s_[i] : 0; }
  // The first characters of relative periods (今年, 上半年, 前三季度, 截至…),
  // asked of every character of every paragraph.
  static bool starts_relative(char32_t c) {
    switch (c) {
      case U'今': case U'去': case U'上': case U'全': case U'过': case U'一': case U'第': case U'二':
      case U'三': case U'四': case U'前': case U'下': case U'截': case U'目': case U'迄':
        return true;
      default:
        return false;
    }
  }
  static int digit(char32_t c) {
    static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
    const auto p = kDigits.find(c);
    return p == std::u32string_view::npos ? -1 : static_cast<int>(p);
  }
  bool starts_with(std::size_t i, std::u32string_view w) const { return s_.substr(i).starts_with(w); }
  std::size_t take_one_of(std::size_t i, std::initializer_list<std::u32string_view> words) const {
    for (auto w : words)
      if (starts_with(i, w)) return w.size();
    return 0;
  }
  std::size_t run_of_digits(std::size_t i) const {
    std::size_t j = i;
    while (j < s_.size() && chars::is_ascii_digit(s_[j])) ++j;
    return j - i;
  }
  bool is_dash(char32_t c) const {
    return c == U'—' || c == U'-' || c == U'－' || c == U'～' || c == U'~' || c == U'至' || c == U'到';
  }

  // 截至/截止/到 before a year.
  std::size_t lead_before(std::size_t i) const {
    for (std::u32string_view w : {U"截止到", U"截至", U"截止", U"到"})
      if (i >= w.size() && s_.substr(i - w.size(), w.size()) == w) return w.size();
    return 0;
  }

  // “十四五”(期间|时期|以来|末|初|的五年|规划|开局)?
  std::size_t plan(std::size_t i) {
    std::size_t begin = i > 0 && s_[i - 1] == U'“' ? i - 1 : i;
    std::size_t end = i + 3;
    if (at(end) == U'”') ++end;
    const std::size_t suffix = take_one_of(end, {U"期间", U"时期", U"以来", U"末", U"初", U"的五年", U"规划", U"开局"});
    const std::u32string_view suffix_text = s_.substr(end, suffix);
    end += suffix;
    Period p;
    p.key = "FYP1" + std::to_string(digit(s_[i + 1]));
    p.future = suffix_text == U"规划" || suffix_text == U"开局";
    add(std::move(p), begin, end);
    return end;
  }

  // (这|近|过去|前)五年(来|内|间|里|中) — one of the two is required.
  std::size_t five_years(std::size_t five, std::size_t after) {
    const std::size_t pre = [&]() -> std::size_t {
      for (std::u32string_view w : {U"过去的", U"过去", U"这", U"近", U"前", U"的"})
        if (five >= w.size() && s_.substr(five - w.size(), w.size()) == w) return w.size();
      return 0;
    }();
    const std::size_t suf = take_one_of(after, {U"来", U"内", U"间", U"里", U"中"});
    if (pre == 0 && suf == 0) return after;
    // 今后五年, 未来的五年: a plan, not a review.
    const bool ahead = (five >= 3 && (s_.substr(five - 3, 2) == U"今后" || s_.substr(five - 3, 2) == U"未来")) ||
                       (five >= 2 && (s_.substr(five - 2, 2) == U"今后" || s_.substr(five - 2, 2) == U"未来"));
    Period p;
    p.key = "RECENT5";
    p.future = ahead;
    add(std::move(p), five - pre, after + suf);
    return after + suf;
  }

  // 一九五八年, 一九八○年, 二〇二四年: a year written digit by digit in
  // Chinese numerals (reports of every decade; ○ is the circle many texts
  // use for zero). Returns 4 when such a year starts at i.
  std::size_t chinese_year_digits(std::size_t i) const {
    if (i > 0 && zero_or_digit(s_[i - 1]) >= 0) return 0;
    for (std::size_t k = 0; k < 4; ++k)
      if (zero_or_digit(at(i + k)) < 0) return 0;
    const int first = zero_or_digit(s_[i]), second = zero_or_digit(s_[i + 1]);
    if (!((first == 1 && second == 9) || (first == 2 && second == 0))) return 0;
    return at(i + 4) == U'年' ? 4 : 0;
  }
  static int zero_or_digit(char32_t c) { return c == U'○' || c == U'零' ? 0 : digit(c); }

  std::size_t chinese_year(std::size_t i) {
    std::string year;
    for (std::size_t k = 0; k < 4; ++k) year += static_cast<char>('0' + zero_or_digit(s_[i + k]));
    const std::size_t after = i + 4;
    // 二〇二四年第六期国债: a year in a name, not a period.
    if (at(after + 1) == U'第' || at(after + 1) == U'首') return after + 1;
    Period p;
    p.key = "Y" + year;
    add(std::move(p), i, after + 1);
    return after + 1;
  }

  std::size_t digits(std::size_t i) {
    const std::size_t n = run_of_digits(i);
    const std::size_t after = i + n;
    if (n == 1 && s_[i] == U'5' && at(after) == U'年') return five_years(i, after + 1);
    if (n <= 2) return month_or_day(i, n);
    if (n != 4) return after;
    // 2025—2026年
    if (is_dash(at(after)) && run_of_digits(after + 1) == 4 && at(after + 5) == U'年') {
      Period p;
      p.key = "Y" + to_utf8(s_.substr(i, 4)) + "-" + to_utf8(s_.substr(after + 1, 4));
      add(std::move(p), i, after + 6);
      return after + 6;
    }
    if (at(after) != U'年') return after;
    // 2022年至2024年, 2016年—2020年: a span of years, written with both 年.
    if (is_dash(at(after + 1)) && run_of_digits(after + 2) == 4 && at(after + 6) == U'年') {
      Period p;
      p.key = "Y" + to_utf8(s_.substr(i, 4)) + "-" + to_utf8(s_.substr(after + 2, 4));
      add(std::move(p), i, after + 7);
      return after + 7;
    }
    // 2024年第六期国债, 2025年首期: a year in a name, not a period.
    if (at(after + 1) == U'第' || at(after + 1) == U'首') return after + 1;
    std::string key = "Y" + to_utf8(s_.substr(i, 4));
    std::size_t end = months_after(after + 1, key);
    bool has_month = end > after + 1;
    if (!has_month) {
      // 2023年一季度, 2025年上半年: the part of the year is the period.
      std::size_t part_len = 0;
      if (const std::string part = part_of_year(end, part_len); !part.empty()) {
        key += part;
        has_month = true;
        end += part_len;
      }
    }
    const std::size_t suffix = take_one_of(end, {U"全年", U"以来", U"底", U"末", U"初", U"度"});
    const std::u32string_view suffix_text = s_.substr(end, suffix);
    end += suffix;
    const std::size_t lead = lead_before(i);
    const bool by = lead > 0 && s_[i - lead] == U'截';
    // 截至2025年, 截至2025年6月: as of the year's or month's end (截至6月 is
    // 6月底). A day stays the day: what counts up to it says 累计.
    if (suffix_text == U"底" || suffix_text == U"末" || (by && key.find('D') == std::string::npos)) key += "E";
    if (suffix_text == U"以来") key[0] = 'S';
    if (suffix_text == U"初") key += "B";
    Period p;
    p.key = std::move(key);
    add(std::move(p), i - lead, end);
    return end;
  }

  // The months (and day) right after a year at `end` — 1—10月, 7月1日, 6月 —
  // appended to `key` as M1-10, M7D1, M6; returns where they end (`end`
  // when there are none).
  std::size_t months_after(std::size_t end, std::string& key) const {
    const std::size_t m1 = run_of_digits(end);
    if (m1 < 1 || m1 > 2) return end;
    std::size_t j = end + m1;
    std::string month = to_utf8(s_.substr(end, m1));
    if (is_dash(at(j)) && run_of_digits(j + 1) >= 1 && run_of_digits(j + 1) <= 2) {
      const std::size_t m2 = run_of_digits(j + 1);
      month += "-" + to_utf8(s_.substr(j + 1, m2));
      j += 1 + m2;
    }
    if (at(j) != U'月') return end;
    key += "M" + month;
    end = j + 1;
    const std::size_t d = run_of_digits(end);
    if (d >= 1 && d <= 2 && at(end + d) == U'日') {
      key += "D" + to_utf8(s_.substr(end, d));
      end += d + 1;
    }
    return end;
  }

  // 一季度, 第二季度, 上半年, 下半年, 前三季度, 前8个月 starting at i: the
  // months as "M1-3" (empty when none), and its length.
  std::string part_of_year(std::size_t i, std::size_t& len) const {
    static constexpr std::pair<std::u32string_view, std::string_view> kParts[] = {
        {U"第一季度", "M1-3"}, {U"第二季度", "M4-6"}, {U"第三季度", "M7-9"}, {U"第四季度", "M10-12"},
        {U"一季度", "M1-3"},   {U"二季度", "M4-6"},   {U"三季度", "M7-9"},   {U"四季度", "M10-12"},
        {U"前三季度", "M1-9"}, {U"前两季度", "M1-6"}, {U"上半年", "M1-6"},   {U"下半年", "M7-12"}};
    for (const auto& [w, key] : kParts)
      if (starts_with(i, w)) {
        len = w.size();
        return std::string(key);
      }
    // 前8个月, 前11个月, 前两个月, and news's shorter 前4月
    if (at(i) == U'前') {
      std::size_t j = i + 1;
      int months = 0;
      if (const std::size_t d = run_of_digits(j); d >= 1 && d <= 2) {
        months = std::stoi(to_utf8(s_.substr(j, d)));
        j += d;
      } else if (digit(at(j)) > 0 || at(j) == U'两' || at(j) == U'十') {
        months = at(j) == U'两' ? 2 : at(j) == U'十' ? 10 : digit(at(j));
        ++j;
        if (at(j - 1) == U'十' && digit(at(j)) > 0) months += digit(at(j++));
      }
      const std::size_t measure = at(j) == U'个' ? 1 : 0;
      if (months >= 1 && months <= 12 && at(j + measure) == U'月') {
        len = j + measure + 1 - i;
        return months == 1 ? "M1" : "M1-" + std::to_string(months);
      }
    }
    return {};
  }

  // 1—8月, 6月份, 3月底, 4月27日, 27日 (no year): resolved later against
  // the document's date and the year its text is talking about.
  std::size_t month_or_day(std::size_t i, std::size_t n) {
    std::size_t j = i + n;
    const std::string first = to_utf8(s_.substr(i, n));
    const char32_t before = i > 0 ? s_[i - 1] : 0;
    if (before == U'.' || before == U'第' || chars::is_ascii_letter(before)) return j;
    const std::size_t lead = lead_before(i);
    const bool by = lead > 0 && s_[i - lead] == U'截';
    if (at(j) == U'日' && before != U'月') {
      Period p;
      p.key = "?D" + first;
      add(std::move(p), i - (by ? lead : 0), j + 1);
      return j + 1;
    }
    std::string months = first;
    if (is_dash(at(j)) && run_of_digits(j + 1) >= 1 && run_of_digits(j + 1) <= 2 &&
        at(j + 1 + run_of_digits(j + 1)) == U'月') {
      const std::size_t m2 = run_of_digits(j + 1);
      months += "-" + to_utf8(s_.substr(j + 1, m2));
      j += 1 + m2;
    }
    if (at(j) != U'月') return j;
    const int m = std::stoi(first);
    if (m < 1 || m > 12) return j;
    std::size_t end = j + 1;
    Period p;
    if (months.find('-') == std::string::npos) {
      if (const std::size_t d = run_of_digits(end); d >= 1 && d <= 2 && at(end + d) == U'日') {
        p.key = "?D" + months + "-" + to_utf8(s_.substr(end, d));
        add(std::move(p), i - (by ? lead : 0), end + d + 1);
        return end + d + 1;
      }
    }
    p.key = "?M" + months;
    const std::size_t suffix = take_one_of(end, {U"份", U"底", U"末", U"初"});
    if ((suffix && s_[end] != U'份') || by) p.key += "E";
    add(std::move(p), i - (by ? lead : 0), end + suffix);
    return end + suffix;
  }

  // 今年, 去年, 上年, 全年, 今天, 一季度, 上半年, 前8个月: periods named
  // relative to the document's date or the year it is talking about.
  std::size_t relative(std::size_t i) {
    static constexpr std::pair<std::u32string_view, std::string_view> kWords[] = {
        {U"今年", "REL0"}, {U"去年", "REL-1"}, {U"上年", "REL-1"}, {U"上一年", "REL-1"},
        {U"全年", "?Y"},   {U"过去一年", "?Y"}, {U"一年来", "?Y"},  {U"今天", "TODAY"}, {U"今日", "TODAY"},
        {U"截至目前", "TODAY"}, {U"截至今天", "TODAY"}, {U"截至今日", "TODAY"}, {U"目前", "TODAY"}, {U"迄今", "TODAY"}};
    for (const auto& [w, key] : kWords) {
      if (!starts_with(i, w)) continue;
      // 上年同期 after 比/较 is a baseline (add() marks it); 去年底 a year end.
      Period p;
      p.key = std::string(key);
      std::size_t end = i + w.size();
      const std::size_t lead = lead_before(i);
      const bool by = lead > 0 && s_[i - lead] == U'截';
      if ((key == "REL0" || key == "REL-1") && (at(end) == U'底' || at(end) == U'末')) {
        p.key += "E";
        ++end;
      } else if (key == "REL0" || key == "REL-1") {
        // 去年7月11日, 截至去年12月底: that year's months and day, ended as
        // a year's are (底/末, 初, 截至 a month).
        const std::size_t months_end = months_after(end, p.key);
        if (months_end > end) {
          end = months_end;
          const bool day = p.key.find('D') != std::string::npos;
          if (at(end) == U'底' || at(end) == U'末' || (by && !day)) {
            p.key += "E";
            if (at(end) == U'底' || at(end) == U'末') ++end;
          } else if (at(end) == U'初') {
            p.key += "B";
            ++end;
          }
        }
      }
      add(std::move(p), i, end);
      return end;
    }
    std::size_t len = 0;
    if (const std::string part = part_of_year(i, len); !part.empty()) {
      Period p;
      p.key = "?" + part;
      add(std::move(p), i, i + len);
      return i + len;
    }
    return i + 1;
  }

  // “十三五”期间增加9.4亿元: a period directly followed by a change is the
  // base the change is measured from, even without 较.
  bool followed_by_change(std::size_t end) const {
    return take_one_of(end, {U"增加", U"增长", U"减少", U"下降", U"提高", U"多", U"少", U"翻"}) > 0;
  }

  bool preceded_by_comparison(std::size_t begin) const {
    for (std::u32string_view w : {U"较上年", U"相比", U"同比", U"高于", U"低于", U"较", U"比", U"与"})
      if (begin >= w.size() && s_.substr(begin - w.size(), w.size()) == w) return true;
    return false;
  }

  void add(Period p, std::size_t begin, std::size_t end) {
    p.begin = cp_.offsets[begin];
    p.end = cp_.offsets[end];
    p.text = std::string(text_.substr(p.begin, p.end - p.begin));
    p.baseline = preceded_by_comparison(begin) || followed_by_change(end);
    out_.push_back(std::move(p));
  }

  std::string_view text_;
  const CodePointText& cp_;
  std::u32string_view s_;
  std::vector<Period> out_;
};

}  // namespace

// From the sixth plan (1981–1985) on, plans run in regular five-year steps.
int five_year_plan_of(int year) { return year < 1981 ? 0 : (year - 1981) / 5 + 6; }

std::vector<Period> extract_periods(std::string_view text) { return PeriodScanner(text, code_points(text)).run(); }

std::vector<Period> extract_periods(std::string_view text, const CodePointText& cp) { return PeriodScanner(text, cp).run(); }

namespace {

// The digits at `i` as a number, advancing `i`; -1 when there are none.
int read_number(std::string_view s, std::size_t& i) {
  int n = -1;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') n = (n < 0 ? 0 : n * 10) + (s[i++] - '0');
  return n;
}

}  // namespace

std::string describe_period(std::string_view key) {
  static constexpr std::string_view kPlanNumbers[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                                      "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八"};
  if (key.empty()) return {};
  std::size_t i = 0;
  if (key.starts_with("FYP")) {
    i = 3;
    const int plan = read_number(key, i);
    if (plan > 0 && plan < 19 && i == key.size()) return "“" + std::string(kPlanNumbers[plan]) + "五”时期";
    return std::string(key);
  }
  const bool since = key.starts_with("S");
  if (!since && !key.starts_with("Y")) return std::string(key);
  i = 1;
  const int year = read_number(key, i);
  if (year < 0) return std::string(key);
  std::string out = std::to_string(year);
  if (i < key.size() && key[i] == '-') {  // Y2013-2017
    ++i;
    const int last = read_number(key, i);
    if (last < 0) return std::string(key);
    out += "—" + std::to_string(last);
  }
  out += "年";
  if (i < key.size() && key[i] == 'M') {
    ++i;
    const int month = read_number(key, i);
    if (month < 0) return std::string(key);
    out += std::to_string(month);
    if (i < key.size() && key[i] == '-') {
      ++i;
      const int last = read_number(key, i);
      if (last < 0) return std::string(key);
      out += "—" + std::to_string(last);
    }
    out += "月";
    if (i < key.size() && key[i] == 'D') {
      ++i;
      const int day = read_number(key, i);
      if (day < 0) return std::string(key);
      out += std::to_string(day) + "日";
    }
  }
  if (i < key.size() && (key[i] == 'E' || key[i] == 'B')) {
    out += key[i] == 'E' ? "底" : "初";
    ++i;
  }
  if (key.substr(i).starts_with("TD")) {  // Y2025TD2-27: this year up to the day the text is dated
    i += 2;
    const int month = read_number(key, i);
    if (month < 0 || i >= key.size() || key[i] != '-') return std::string(key);
    ++i;
    const int day = read_number(key, i);
    if (day < 0 || i != key.size()) return std::string(key);
    return fmt::format("{}（截至{}月{}日）", out, month, day);
  }
  if (i < key.size() && key[i] == 'H') {
    out += std::string(key.substr(i + 1));  // a holiday: 端午
  } else if (since && i < key.size() && key[i] == 'U') {  // S2012M11U2025M9D14: up to the text's date
    const std::string until = describe_period("Y" + std::string(key.substr(i + 1)));
    if (until.empty() || until.front() == 'Y') return std::string(key);
    return out + "以来（截至" + until + "）";
  } else if (i != key.size()) {
    return std::string(key);
  }
  return since ? out + "以来" : out;
}

}  // namespace kanwu
