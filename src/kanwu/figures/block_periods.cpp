#include "kanwu/figures/block_periods.h"

#include <algorithm>
#include <cctype>

#include "kanwu/figures/roles.h"
#include "kanwu/nlp/join.h"
#include "kanwu/text/bytes.h"
#include "kanwu/text/marks.h"
#include "kanwu/text/utf8.h"

namespace kanwu::figure_stages {

// The block's usable periods in order (not comparison bases or plans),
// holidays included.
std::vector<ResolvedPeriod> resolve_periods(std::string_view text, const std::vector<Period>& periods,
                                            const FigureVocabulary& v, PeriodResolver& resolver) {
  std::vector<ResolvedPeriod> out;
  for (const Period& p : periods) {
    std::string key = resolver.resolve(p);
    if (key.empty() || p.baseline || p.future) continue;
    out.push_back({p.begin, p.end, std::move(key), p.text});
  }
  for (const auto& h : v.holidays)
    for (std::size_t at = find_bytes(text, h); at != std::string_view::npos; at = find_bytes(text, h, at + h.size())) {
      // 端午假期 is the holiday's total; 春节假期第三天 a day of it, dated by
      // the document.
      std::string_view rest = text.substr(at + h.size());
      const auto suffix = std::find_if(v.holiday_suffixes.begin(), v.holiday_suffixes.end(),
                                       [&](const std::string& s) { return rest.starts_with(s); });
      if (suffix == v.holiday_suffixes.end()) continue;
      rest.remove_prefix(suffix->size());
      if (!rest.starts_with("第") && !rest.starts_with("首日") && !rest.starts_with("以来"))
        out.push_back({at, at + h.size(), resolver.holiday(h), h});
    }
  // 党的十八大以来: a span from the event to the text's date (most blocks
  // have no 以来 at all: one search before the names').
  constexpr std::string_view kSince = "以来";
  if (!v.since_events.empty() && find_bytes(text, kSince) != std::string_view::npos) {
    for (const auto& e : v.since_events)
      for (std::size_t at = find_bytes(text, e.name); at != std::string_view::npos;
           at = find_bytes(text, e.name, at + e.name.size())) {
        const std::size_t end = at + e.name.size();
        if (!text.substr(end).starts_with(kSince)) continue;
        // A longer event name found first holds this place (党的十八大 before 十八大).
        if (std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.begin <= at && end <= p.end; })) continue;
        if (std::string key = resolver.since(e.year, e.month); !key.empty())
          out.push_back({at, end + kSince.size(), std::move(key), std::string(text.substr(at, end + kSince.size() - at))});
      }
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  return out;
}

namespace {

// The plan word at [at, at + size) is part of a longer listed word that is
// no plan word itself: 预期寿命 (an indicator), 计划生育, 计划经济.
bool inside_longer_word(const FigureVocabulary& v, std::string_view text, std::size_t at, std::size_t size) {
  if (!v.lexicon) return false;
  constexpr std::size_t kMaxWord = 6;
  // Only the characters a word of kMaxWord can reach: the sentence before a
  // figure may be long, and this runs for every plan word it holds.
  const std::u32string word = code_points(text.substr(at, size)).chars;
  if (word.size() >= kMaxWord) return false;
  const std::u32string left = code_points(tail_chars(text.substr(0, at), kMaxWord - word.size())).chars;
  const std::u32string right = code_points(head_chars(text.substr(at + size), kMaxWord - word.size())).chars;
  for (std::size_t l = 0; l <= std::min<std::size_t>(left.size(), kMaxWord - word.size()); ++l)
    for (std::size_t r = 0; l + word.size() + r <= kMaxWord && r <= right.size(); ++r) {
      if (l == 0 && r == 0) continue;
      const std::u32string candidate = left.substr(left.size() - l) + word + right.substr(0, r);
      if (!v.lexicon->contains(candidate)) continue;
      const std::string utf8 = to_utf8(candidate);
      if (std::find(v.plan_words.begin(), v.plan_words.end(), utf8) == v.plan_words.end()) return true;
    }
  return false;
}

// A clause after the plan word's own, up to the figure, says the thing is
// done: the plan word's reach ended there. 计划明年底建成，4个项目已完成投资
// 288亿元 (the figure's own clause), …已完成投资288亿元，占总投资的73% (a share
// of the done amount, in a clause with no verb of its own).
bool clause_done(const FigureVocabulary& v, std::string_view after_plan_word) {
  std::size_t start = std::string_view::npos;
  for (std::string_view mark : marks::kClauseBreaks) {
    const std::size_t at = after_plan_word.find(mark);
    if (at != std::string_view::npos) start = std::min(start, at + mark.size());
  }
  if (start == std::string_view::npos) return false;
  const std::string_view later = after_plan_word.substr(start);
  return std::any_of(v.done_words.begin(), v.done_words.end(),
                     [&](const std::string& w) { return later.find(w) != std::string_view::npos; });
}

}  // namespace

// A plan word anywhere before the figure in its sentence, unless it is
// compared with (高于预期目标, 完成目标), is part of a longer word
// (预期寿命), or a later clause of the sentence, the figure's, says the thing
// is done (…计划明年底建成，4个项目已完成投资288亿元).
bool is_plan(const FigureVocabulary& v, std::string_view sentence_prefix) {
  for (const auto& w : v.plan_words) {
    for (std::size_t at = sentence_prefix.find(w); at != std::string_view::npos;
         at = sentence_prefix.find(w, at + w.size())) {
      const std::string_view before = sentence_prefix.substr(0, at);
      if (ends_with_any(before, std::initializer_list<std::string_view>{"于", "过", "完成", "实现", "超出", "好于", "预期", "既定"}))
        continue;
      if (inside_longer_word(v, sentence_prefix, at, w.size())) continue;
      if (clause_done(v, sentence_prefix.substr(at + w.size()))) continue;
      return true;
    }
  }
  return false;
}

// 预计, 有望 before a figure: a forecast, unless the figure is about a
// holiday or a day that the document reports on (端午假期民航预计发送旅客),
// or its own clause says the thing is done (预计今年底建成，…已完成投资288亿元).
bool is_forecast(const FigureVocabulary& v, std::string_view sentence_prefix, const std::string& period) {
  // A day: D and its number (Y2025M6D13), not the to-date of 今年 (Y2025TD6-13).
  bool day = false;
  for (std::size_t at = period.find('D'); at != std::string::npos && !day; at = period.find('D', at + 1))
    day = (at == 0 || period[at - 1] != 'T') && at + 1 < period.size() && std::isdigit(static_cast<unsigned char>(period[at + 1]));
  if (period.find('H') != std::string::npos || day) return false;
  return std::any_of(v.forecast_words.begin(), v.forecast_words.end(), [&](const std::string& w) {
    const std::size_t at = sentence_prefix.find(w);
    return at != std::string_view::npos && !clause_done(v, sentence_prefix.substr(at + w.size()));
  });
}

// In a work report, figures for the report's own year are its plans.
bool is_future(const DocumentContext& context, const std::string& period) {
  const int year = context.year;
  if (year <= 0 || period.size() < 5 || (period[0] != 'Y' && period[0] != 'S')) return false;
  const int of = std::stoi(period.substr(1, 4));
  return of > year || (context.review && of == year);
}

// 到2025年全区森林覆盖率达到11.68% in a 2023 story: a target.
// 比上年, 比2022年同期 in a 2023 figure: the usual base, as 同比.
bool is_year_before(const std::string& base, const std::string& period) {
  if (base.size() != 5 || base[0] != 'Y' || period.size() < 5 || period[0] != 'Y') return false;
  return std::stoi(base.substr(1, 4)) + 1 == std::stoi(period.substr(1, 4));
}

// A span of years opened before the figure (span_words, or 近/过去 and a
// numeral and 年: 近三年, 过去5年).
bool opens_span(const FigureVocabulary& v, std::string_view prefix) {
  for (const auto& w : v.span_words)
    if (contains_bytes(prefix, w)) return true;
  // 近三年 and its kind end in 年: most prefixes have none.
  if (!contains_bytes(prefix, "年")) return false;
  for (std::string_view lead : {"近", "过去", "这"}) {
    for (std::size_t at = prefix.find(lead); at != std::string_view::npos; at = prefix.find(lead, at + 1)) {
      std::size_t i = at + lead.size(), digits = 0;
      for (char32_t c = 0; i < prefix.size();) {
        const int n = utf8::decode(prefix, i, c);
        if (n <= 0 || !(std::u32string_view(U"0123456789两一二三四五六七八九十").find(c) != std::u32string_view::npos)) break;
        i += static_cast<std::size_t>(n), ++digits;
      }
      // 过去一年 is the last year, not a span of years.
      const bool one = digits == 1 && (prefix.substr(at + lead.size()).starts_with("一") ||
                                       prefix.substr(at + lead.size()).starts_with("1"));
      if (digits > 0 && !one && prefix.substr(i).starts_with("年")) return true;
    }
  }
  return false;
}

}  // namespace kanwu::figure_stages
