#include "kanwu/figures/period.h"

#include <unicode/regex.h>

#include <memory>
#include <stdexcept>

#include "kanwu/nlp/utf16.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// One pattern, tried at each position; the named alternatives are told
// apart by which groups matched.
constexpr char16_t kPattern[] =
    u"(?<lead>截至|截止到|截止|到)?"
    u"(?:"
    u"“?(?<fyp>十[一二三四五六七八九]五)”?(?<fypsuffix>期间|时期|以来|末|初|的五年|规划|开局)?"
    u"|(?<relpre>这|近|过去|前)?(?<five>五|5)年(?<relsuf>来|内|间|里|中)?"
    u"|(?<y1>\\d{4})\\s*[—\\-－～~至到]\\s*(?<y2>\\d{4})年"
    u"|(?<year>\\d{4})年(?:(?<m1>\\d{1,2})(?:[—\\-－～~至到](?<m2>\\d{1,2}))?月(?:(?<day>\\d{1,2})日)?)?"
    u"(?<ysuffix>底|末|初|以来|上半年|下半年|前三季度|全年|度)?"
    u")";

const icu::RegexPattern& pattern() {
  static const std::unique_ptr<icu::RegexPattern> compiled = [] {
    UParseError pe;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexPattern> p(
        icu::RegexPattern::compile(icu::UnicodeString(kPattern), 0, pe, status));
    if (U_FAILURE(status)) throw std::logic_error("period pattern does not compile");
    return p;
  }();
  return *compiled;
}

int chinese_digit(char16_t c) {
  static constexpr std::u16string_view kDigits = u"〇一二三四五六七八九";
  const auto pos = kDigits.find(c);
  return pos == std::u16string_view::npos ? -1 : static_cast<int>(pos);
}

std::string group(const icu::RegexMatcher& m, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = m.pattern().groupNumberFromName(name, -1, status);
  if (U_FAILURE(status)) return {};
  status = U_ZERO_ERROR;
  if (m.start(n, status) < 0) return {};
  std::string out;
  m.group(n, status).toUTF8String(out);
  return out;
}

// “十三五”期间增加9.4亿元: a period directly followed by a change is the
// base the change is measured from, even without 较.
bool followed_by_change(std::string_view text, std::size_t end) {
  const std::string_view after = text.substr(end);
  for (std::string_view word : {"增加", "增长", "减少", "下降", "提高", "多", "少", "翻"})
    if (after.starts_with(word)) return true;
  return false;
}

bool preceded_by_comparison(std::string_view text, std::size_t begin) {
  const std::string_view before = text.substr(0, begin);
  for (std::string_view word : {"较", "比", "相比", "同比", "与", "较上年", "高于", "低于"})
    if (before.ends_with(word)) return true;
  return false;
}

}  // namespace

// From the sixth plan (1981–1985) on, plans run in regular five-year steps.
int five_year_plan_of(int year) { return year < 1981 ? 0 : (year - 1981) / 5 + 6; }

std::vector<Period> extract_periods(std::string_view text) {
  std::vector<Period> out;
  const Utf16Text u16(text);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern().matcher(u16.str(), status));
  while (m->find(status)) {
    const int32_t b = m->start(status), e = m->end(status);
    if (e == b) continue;
    Period p;
    p.begin = u16.to_utf8(b);
    p.end = u16.to_utf8(e);
    p.text = std::string(text.substr(p.begin, p.end - p.begin));
    const std::string lead = group(*m, "lead");
    if (const std::string fyp = group(*m, "fyp"); !fyp.empty()) {
      // 十四五 → 14: the middle character is the digit after 十.
      const icu::UnicodeString u = icu::UnicodeString::fromUTF8(fyp);
      p.key = "FYP1" + std::to_string(chinese_digit(u.charAt(1)));
      const std::string suffix = group(*m, "fypsuffix");
      p.future = suffix == "规划" || suffix == "开局";
    } else if (!group(*m, "five").empty()) {
      if (group(*m, "relpre").empty() && group(*m, "relsuf").empty()) continue;  // a bare 5年
      p.key = "RECENT5";
    } else if (const std::string y1 = group(*m, "y1"); !y1.empty()) {
      p.key = "Y" + y1 + "-" + group(*m, "y2");
    } else if (const std::string year = group(*m, "year"); !year.empty()) {
      const std::string m1 = group(*m, "m1"), m2 = group(*m, "m2"), day = group(*m, "day");
      const std::string suffix = group(*m, "ysuffix");
      p.key = "Y" + year;
      if (!m1.empty()) p.key += "M" + m1 + (m2.empty() ? "" : "-" + m2);
      if (!day.empty()) p.key += "D" + day;
      if (suffix == "底" || suffix == "末" || (lead.starts_with("截") && m1.empty())) p.key += "E";
      if (suffix == "以来") p.key = "S" + p.key.substr(1);
      if (suffix == "初") p.key += "B";
    } else {
      continue;
    }
    p.baseline = preceded_by_comparison(text, p.begin) || followed_by_change(text, p.end);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace kanwu
