#include "kanwu/figures/period.h"

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
  explicit PeriodScanner(std::string_view text) : text_(text), cp_(code_points(text)), s_(cp_.chars) {}

  std::vector<Period> run() {
    for (std::size_t i = 0; i < s_.size();) {
      std::size_t next = i + 1;
      if (chars::is_ascii_digit(s_[i]) && (i == 0 || !chars::is_ascii_digit(s_[i - 1]))) {
        next = digits(i);
      } else if (s_[i] == U'十' && i + 2 < s_.size() && digit(s_[i + 1]) > 0 && s_[i + 2] == U'五') {
        next = plan(i);
      } else if (s_[i] == U'五' && at(i + 1) == U'年') {
        next = five_years(i, i + 2);
      }
      i = std::max(next, i + 1);
    }
    return std::move(out_);
  }

 private:
  char32_t at(std::size_t i) const { return i < s_.size() ? s_[i] : 0; }
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
      for (std::u32string_view w : {U"过去", U"这", U"近", U"前"})
        if (five >= w.size() && s_.substr(five - w.size(), w.size()) == w) return w.size();
      return 0;
    }();
    const std::size_t suf = take_one_of(after, {U"来", U"内", U"间", U"里", U"中"});
    if (pre == 0 && suf == 0) return after;
    Period p;
    p.key = "RECENT5";
    add(std::move(p), five - pre, after + suf);
    return after + suf;
  }

  std::size_t digits(std::size_t i) {
    const std::size_t n = run_of_digits(i);
    const std::size_t after = i + n;
    if (n == 1 && s_[i] == U'5' && at(after) == U'年') return five_years(i, after + 1);
    if (n != 4) return after;
    // 2025—2026年
    if (is_dash(at(after)) && run_of_digits(after + 1) == 4 && at(after + 5) == U'年') {
      Period p;
      p.key = "Y" + to_utf8(s_.substr(i, 4)) + "-" + to_utf8(s_.substr(after + 1, 4));
      add(std::move(p), i, after + 6);
      return after + 6;
    }
    if (at(after) != U'年') return after;
    std::size_t end = after + 1;
    std::string key = "Y" + to_utf8(s_.substr(i, 4));
    // 1—10月, 7月1日, 6月
    const std::size_t m1 = run_of_digits(end);
    bool has_month = false;
    if (m1 >= 1 && m1 <= 2) {
      std::size_t j = end + m1;
      std::string month = to_utf8(s_.substr(end, m1));
      if (is_dash(at(j)) && run_of_digits(j + 1) >= 1 && run_of_digits(j + 1) <= 2) {
        const std::size_t m2 = run_of_digits(j + 1);
        month += "-" + to_utf8(s_.substr(j + 1, m2));
        j += 1 + m2;
      }
      if (at(j) == U'月') {
        has_month = true;
        key += "M" + month;
        end = j + 1;
        const std::size_t d = run_of_digits(end);
        if (d >= 1 && d <= 2 && at(end + d) == U'日') {
          key += "D" + to_utf8(s_.substr(end, d));
          end += d + 1;
        }
      }
    }
    const std::size_t suffix = take_one_of(end, {U"上半年", U"下半年", U"前三季度", U"全年", U"以来", U"底", U"末", U"初", U"度"});
    const std::u32string_view suffix_text = s_.substr(end, suffix);
    end += suffix;
    const std::size_t lead = lead_before(i);
    const bool by = lead > 0 && s_[i - lead] == U'截';
    if (suffix_text == U"底" || suffix_text == U"末" || (by && !has_month)) key += "E";
    if (suffix_text == U"以来") key[0] = 'S';
    if (suffix_text == U"初") key += "B";
    Period p;
    p.key = std::move(key);
    add(std::move(p), i - lead, end);
    return end;
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
  CodePointText cp_;
  std::u32string_view s_;
  std::vector<Period> out_;
};

}  // namespace

// From the sixth plan (1981–1985) on, plans run in regular five-year steps.
int five_year_plan_of(int year) { return year < 1981 ? 0 : (year - 1981) / 5 + 6; }

std::vector<Period> extract_periods(std::string_view text) { return PeriodScanner(text).run(); }

}  // namespace kanwu
