#include "kanwu/doc/classify.h"

#include <algorithm>
#include <vector>

#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// Longest single line still taken for a heading when it has no sentence end.
constexpr std::size_t kMaxHeadingChars = 32;
constexpr std::size_t kMaxBylineChars = 40;
constexpr std::size_t kMaxCaptionChars = 80;

std::u32string decode_all(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());  // (at most one code point a byte; freed soon)
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const int len = utf8::decode(text, i, c);
    out += c;
    i += len > 0 ? len : 1;
  }
  return out;
}

std::u32string trim(std::u32string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && chars::is_space(s[b])) ++b;
  while (e > b && chars::is_space(s[e - 1])) --e;
  return std::u32string(s.substr(b, e - b));
}

std::vector<std::u32string> split_lines(std::u32string_view s) {
  std::vector<std::u32string> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '\n') {
      lines.push_back(trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  return lines;
}

bool starts_with_any(std::u32string_view s, std::initializer_list<std::u32string_view> prefixes) {
  for (auto p : prefixes)
    if (s.starts_with(p)) return true;
  return false;
}

bool contains_sentence_end(std::u32string_view s) {
  for (char32_t c : s)
    if (chars::is_sentence_end(c)) return true;
  return false;
}

bool has_han(std::u32string_view s) {
  for (char32_t c : s)
    if (chars::is_han(c)) return true;
  return false;
}

// Headings may hold one comma ("筑牢民生根基，激活创业动能"), but a line with
// several clauses, or whose last clause is a stub ("…医院9所，开"), is prose.
bool reads_as_clauses(std::u32string_view s) {
  std::size_t marks = 0, last = std::u32string_view::npos;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == U'，' || s[i] == U'、' || s[i] == U'；' || s[i] == U',') ++marks, last = i;
  }
  if (marks >= 2) return true;
  return marks == 1 && s.size() - last - 1 <= 2;
}

bool is_page_marker_text(std::u32string_view s) {
  // (上接第一版) (下转第三版) 接第2版 — the whole block, with either bracket width.
  std::u32string_view inner = s;
  const bool opens = !inner.empty() && (inner.front() == U'(' || inner.front() == U'（');
  const bool closes = !inner.empty() && (inner.back() == U')' || inner.back() == U'）');
  if (opens != closes) return false;
  if (opens) inner = inner.substr(1, inner.size() - 2);
  return inner.size() <= 8 && starts_with_any(inner, {U"上接", U"下转", U"转第", U"接第"}) &&
         (inner.ends_with(U"版") || inner.ends_with(U"页"));
}

bool is_number_only(std::u32string_view s) {
  if (s.empty()) return false;
  for (char32_t c : s)
    if (!chars::is_digit(c) && c != U' ' && c != U'-' && c != U'—') return false;
  return true;
}

// 2021年7月1日 星期四 — the dateline of a page.
bool is_dateline(std::u32string_view s) {
  std::size_t i = 0, digits = 0;
  while (i < s.size() && chars::is_digit(s[i])) ++i, ++digits;
  if (digits != 4 || i >= s.size() || s[i] != U'年') return false;
  const auto day = s.find(U'日');
  if (day == std::u32string_view::npos) return false;
  auto rest = trim(s.substr(day + 1));
  return rest.empty() || starts_with_any(rest, {U"星期", U"周", U"农历"});
}

bool is_byline(std::u32string_view s) {
  if (s.size() > kMaxBylineChars) return false;
  if (starts_with_any(s, {U"□", U"◎", U"■", U"文/", U"图/", U"文／", U"图／", U"本报记者",
                          U"本报通讯员", U"记者", U"通讯员", U"撰文", U"作者"}))
    return !contains_sentence_end(s) || s.size() <= 20;
  // （作者系自治区宏观经济研究中心副主任）
  return starts_with_any(s, {U"（作者", U"(作者"});
}

// 一、…  （三）…  1.…  第二章…: a numbered section title, when it has no
// sentence end (a numbered paragraph of prose has one).
bool is_numbered_title(std::u32string_view s) {
  if (s.size() > 64 || contains_sentence_end(s)) return false;
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";
  std::size_t i = 0;
  if (s.starts_with(U"（") || s.starts_with(U"(")) {
    i = 1;
    const std::size_t from = i;
    while (i < s.size() && (kNumerals.find(s[i]) != std::u32string_view::npos || chars::is_ascii_digit(s[i]))) ++i;
    return i > from && i < s.size() && (s[i] == U'）' || s[i] == U')') && i + 1 < s.size();
  }
  if (s.starts_with(U"第")) {
    i = 1;
    while (i < s.size() && kNumerals.find(s[i]) != std::u32string_view::npos) ++i;
    // 第三章, 第二节; 第三，深入进行金融体制改革 (a numbered point of a report).
    return i > 1 && i + 1 < s.size() && std::u32string_view(U"章节部分篇编，、").find(s[i]) != std::u32string_view::npos;
  }
  while (i < s.size() && (kNumerals.find(s[i]) != std::u32string_view::npos || chars::is_ascii_digit(s[i]))) ++i;
  return i > 0 && i + 1 < s.size() && (s[i] == U'、' || s[i] == U'.' || s[i] == U'．');
}

// 也门胡塞武装称袭击两艘船只 多家航运公司已暂停红海运输: a news headline of
// two parts set apart by a space, with no punctuation.
bool is_spaced_headline(std::u32string_view s) {
  if (s.size() > 64 || contains_sentence_end(s)) return false;
  bool space_between_han = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (c == U'，' || c == U'；' || c == U'：' || c == U',' || c == U';' || c == U':') return false;
    if ((c == U' ' || c == U'　') && i > 0 && i + 1 < s.size() && !chars::is_ascii_letter(s[i - 1]) &&
        !chars::is_ascii_letter(s[i + 1]))
      space_between_han = true;
  }
  return space_between_han;
}

// ——2026年2月4日在自治区第十四届人民代表大会第五次会议上: a report's subtitle.
bool is_subtitle(std::u32string_view s) {
  return s.size() <= 80 && (s.starts_with(U"——") || s.starts_with(U"—— ")) && !s.ends_with(U"。");
}

bool is_caption(std::u32string_view s) {
  // 殷勇同志作政府工作报告。本报记者 戴冰摄: a photo's caption and credit.
  if (s.size() <= kMaxCaptionChars && s.ends_with(U"摄")) {
    const auto last_stop = s.rfind(U'。');
    const std::u32string_view credit = last_stop == std::u32string_view::npos ? s : s.substr(last_stop + 1);
    if (credit.size() <= 16 && (credit.find(U"记者") != std::u32string_view::npos ||
                                credit.find(U"摄影") != std::u32string_view::npos || credit.find(U' ') != std::u32string_view::npos))
      return true;
  }
  if (s.size() > kMaxCaptionChars) return false;
  // 张启民 摄 / 本报记者 王磊 摄 / （新华社记者 李某 摄）
  std::u32string_view t = s;
  if (!t.empty() && (t.back() == U'）' || t.back() == U')')) t.remove_suffix(1);
  if (t.ends_with(U" 摄") || t.ends_with(U"　摄") || t.ends_with(U"摄影")) return true;
  if (t.size() >= 2 && t.back() == U'摄' && s.size() <= 24 && !contains_sentence_end(t))
    return true;
  if (t.ends_with(U"供图") || t.ends_with(U"图片来源") || t.ends_with(U"资料图")) return true;
  // ①通辽市第四中学… — numbered photo captions
  return !s.empty() && s.front() >= U'①' && s.front() <= U'⑳';
}

// 第八版, 第12版: a line of a newspaper's page index.
bool is_page_index(std::u32string_view s) {
  if (s.size() < 3 || s.size() > 6 || s.front() != U'第' || s.back() != U'版') return false;
  const std::u32string_view number = s.substr(1, s.size() - 2);
  return std::all_of(number.begin(), number.end(), [](char32_t c) {
    return chars::is_digit(c) || std::u32string_view(U"〇一二三四五六七八九十百").find(c) != std::u32string_view::npos;
  });
}

// 要闻 要闻, 首页 首页: a scraped breadcrumb, one short word repeated.
bool is_repeated_crumb(std::u32string_view s) {
  std::vector<std::u32string_view> words;
  for (std::size_t i = 0; i < s.size();) {
    while (i < s.size() && chars::is_space(s[i])) ++i;
    std::size_t j = i;
    while (j < s.size() && !chars::is_space(s[j])) ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words.size() >= 2 && words.front().size() <= 6 &&
         std::all_of(words.begin(), words.end(), [&](std::u32string_view w) { return w == words.front(); });
}

}  // namespace

bool opens_with_bullet(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return false;
  for (std::string_view bullet : {"■", "●", "◆", "▲", "★", "☆", "◇", "▶"})
    if (text.substr(start).starts_with(bullet)) return true;
  return false;
}

bool opens_with_enumerator(std::string_view text) {
  // Enough of the text for the longest enumerator (（十二）) and a character.
  std::u32string head;
  for (std::size_t i = 0; i < text.size() && head.size() < 8;) {
    char32_t c = 0;
    const int n = utf8::decode(text, i, c);
    if (n <= 0) break;
    i += static_cast<std::size_t>(n);
    if (head.empty() && (c == U' ' || c == U'　')) continue;
    head += c;
  }
  // is_numbered_title reads the enumerator; a title ends before a full stop,
  // a numbered point may run on, so only its first characters are asked.
  static constexpr std::u32string_view kMarks = U"、．.）)，";
  for (std::size_t k = 1; k + 1 < head.size(); ++k)
    if (kMarks.find(head[k]) != std::u32string_view::npos)
      return chars::is_han(head[k + 1]) && is_numbered_title(head.substr(0, k + 2));
  return false;
}

bool is_heading_by_form(std::string_view text) {
  const std::u32string s = trim(decode_all(text));
  return is_numbered_title(s) || is_spaced_headline(s);
}

bool is_debris_line(std::u32string_view s) {
  return is_number_only(s) || is_page_marker_text(s) || is_page_index(s) || is_repeated_crumb(s);
}

BlockKind classify_block(std::string_view text) {
  const std::u32string all = trim(decode_all(text));
  const auto lines = split_lines(all);
  if (all.empty()) return BlockKind::Furniture;

  if (lines.size() == 1) {
    const std::u32string& s = lines.front();
    if (is_debris_line(s) || is_dateline(s)) return BlockKind::Furniture;
    if (!has_han(s) && s.size() <= kMaxHeadingChars * 2) return BlockKind::Furniture;
    if (is_byline(s) || is_subtitle(s)) return BlockKind::Byline;
    if (is_caption(s)) return BlockKind::Caption;
    if (is_numbered_title(s) || is_spaced_headline(s)) return BlockKind::Heading;
    const char32_t last = s.back();
    const bool open_clause = last == U'，' || last == U'、' || last == U'；' || last == U'：' ||
                             last == U',' || last == U';' || last == U':';
    if (s.size() <= kMaxHeadingChars && !contains_sentence_end(s) && !open_clause &&
        !reads_as_clauses(s))
      return BlockKind::Heading;
    return BlockKind::Body;
  }

  // Several lines of nothing but Han characters (and quotes), each a short
  // fragment: one heading wrapped with single line breaks (全市科技创新 /
  // 大会在江州 / 召开). Credit boxes and mastheads have colons, names with
  // spaces, dates or digits.
  if (lines.size() >= 2 && lines.size() <= 5 &&
      std::all_of(lines.begin(), lines.end(), [](const std::u32string& line) {
        return !line.empty() && line.size() <= 16 &&
               std::all_of(line.begin(), line.end(), [](char32_t c) {
                 return chars::is_han(c) || std::u32string_view(U"“”‘’《》「」").find(c) != std::u32string_view::npos;
               });
      }))
    return BlockKind::Heading;

  // Several lines: a credit box or masthead when every line is short and none
  // reads as a sentence; bylines and captions may also take two lines.
  bool all_short = true, any_sentence = false, all_bylines = true, all_captions = true;
  for (const auto& line : lines) {
    all_short = all_short && line.size() <= kMaxHeadingChars * 2;
    any_sentence = any_sentence || contains_sentence_end(line);
    all_bylines = all_bylines && is_byline(line);
    all_captions = all_captions && is_caption(line);
  }
  if (all_bylines) return BlockKind::Byline;
  if (all_captions) return BlockKind::Caption;
  if (all_short && !any_sentence) return BlockKind::Furniture;
  return BlockKind::Body;
}

bool is_page_marker(std::string_view text) { return is_page_marker_text(trim(decode_all(text))); }

}  // namespace kanwu
