#include "kanwu/figures/metric_reader.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "kanwu/figures/phrase.h"
#include "kanwu/figures/roles.h"
#include "kanwu/nlp/join.h"
#include "kanwu/text/utf8.h"

namespace kanwu::figure_stages {

// The metric at the end of `clause` (the clause before a number, with
// periods, places and other figures blanked out). With those blanked, the
// same clauses recur: a quarter of those read in a year of news had been
// read before, and six in seven in an archive holding several versions of
// each story (figure reading there −13%). Each thread remembers what it
// has read, per vocabulary.
MetricReading MetricReader::before(std::string clause) const {
  struct Memo {
    std::uint64_t vocabulary = 0;
    std::unordered_map<std::string, MetricReading> readings;
  };
  thread_local Memo memo;
  if (memo.vocabulary != v_.serial) memo = Memo{v_.serial, {}};
  if (const auto it = memo.readings.find(clause); it != memo.readings.end()) return it->second;
  if (memo.readings.size() >= kMaxRemembered) memo.readings.clear();
  MetricReading r = read_before(clause);
  memo.readings.emplace(std::move(clause), r);
  return r;
}

MetricReading MetricReader::read_before(std::string clause) const {
  MetricReading r;
  std::string window = strip_tail(normalise(cut_comparison(strip_asides(std::move(clause)), r), r));
  // 高技术制造业增加值占比达37.4%: a share of an unstated whole.
  if (window.ends_with("占比")) {
    window.erase(window.size() - std::string_view("占比").size());
    r.share = true;
  }
  // A metric is a few words long: segment only the end of the clause
  // (dictionary segmentation is the costliest step of the pipeline), and
  // drop the first word of a cut window, which may be half a word.
  bool cut = false;
  if (const std::string tail = tail_chars(window, kMetricWindow); tail.size() < window.size()) {
    window = tail;
    cut = true;
  }
  auto tokens = split_words(window, *v_.lexicon);
  if (cut && !tokens.empty()) tokens.erase(tokens.begin());
  std::vector<std::string> right;  // words read so far, right to left
  std::size_t k = tokens.size();
  // The verb or particle that introduces the number.
  while (k > 0) {
    const std::string w = tokens[k - 1].text;
    if (!tokens[k - 1].han) {
      if (is_blank(w)) {
        --k;
        continue;
      }
      break;
    }
    if (v_.filler.count(w) || kRoleWords.count(w)) {
      --k;
      continue;
    }
    break;
  }
  std::vector<std::string> base;
  for (; k > 0 && right.size() < kMaxMetricWords; --k) {
    const Word& t = tokens[k - 1];
    const std::string& w = t.text;
    if (!t.han) {
      // A blanked time or place inside the phrase (民航今天预计发送旅客)
      // does not end it, nor do the quotes of a name (对“一带一路”沿线国家).
      if (is_blank(w) || w == "“" || w == "”" || w == "「" || w == "」" || w == "《" || w == "》") continue;
      break;
    }
    if (v_.stops.count(w)) {
      // 累计发放消费券: a qualifier right before the verb that stops the
      // metric still qualifies the amount (累计 tells the running total).
      if (k >= 2 && tokens[k - 2].han && is_qualifier(tokens[k - 2].text)) r.qualifiers.push_back(tokens[k - 2].text);
      break;
    }
    if (is_qualifier(w)) {
      r.qualifiers.push_back(w);
      continue;
    }
    // A share: what stands left of 占 is measured, right of it the whole.
    if ((w == "占" || w == "占比") && !r.share) {
      r.share = true;
      base = right;
      right.clear();
      continue;
    }
    if (v_.filler.count(w) || w == "比重" || w == "比例") continue;
    right.push_back(w);
  }
  std::reverse(right.begin(), right.end());
  std::reverse(base.begin(), base.end());
  r.words = std::move(right);
  r.share_base = join_words(base);
  return r;
}

// A noun phrase after the number: 6.7万残疾人的生活, and the award in
// 1035个集体获得全国工人先锋号 (the thing counted is who won it).
MetricReading MetricReader::after(std::string_view suffix) const {
  MetricReading r;
  std::string window(suffix.substr(0, std::min<std::size_t>(suffix.size(), 60)));
  window = normalise(strip_asides(std::move(window)), r);
  const auto tokens = split_words(window, *v_.lexicon);
  std::vector<std::string> words;
  std::size_t start = 0;
  for (std::size_t k = 0; k < tokens.size() && k < 3; ++k) {
    const std::string w = tokens[k].text;
    if (w == "获得" || w == "荣获" || w == "获评" || w == "获") {
      start = k + 1;
      break;
    }
  }
  for (std::size_t k = start; k < tokens.size(); ++k) {
    const std::string w = tokens[k].text;
    const bool ends = w == "，" || w == "。" || w == "；" || w == "、" || w == "的" || k + 1 == tokens.size();
    if (ends && w != "的" && tokens[k].han) words.push_back(w);
    if (ends) {
      if (words.size() >= 1 && words.size() <= 4) r.words = words;
      return r;
    }
    // 1449个液位计和182个电导率仪: a conjunction before the next counted
    // item ends this one's noun.
    const bool next_item = (w == "和" || w == "与" || w == "及" || w == "以及") && k + 1 < tokens.size() &&
                           !tokens[k + 1].text.empty() && tokens[k + 1].text[0] >= '0' && tokens[k + 1].text[0] <= '9';
    if (next_item) {
      if (words.size() >= 1 && words.size() <= 4) r.words = words;
      return r;
    }
    if (!tokens[k].han || v_.stops.count(w) || v_.filler.count(w) || kRoleWords.count(w)) return r;
    words.push_back(w);
  }
  return r;
}

// Removes the words that introduce the number (分别达到, 增长, 比重为)
// before splitting, so that the splitter cannot glue one of them to the
// metric's last word (占比|达 read as 占|比达).
std::string MetricReader::strip_tail(std::string text) const {
  for (bool again = true; again;) {
    again = false;
    while (!text.empty() && (text.back() == ' ' || text.back() == '*')) text.pop_back(), again = true;
    std::size_t best = 0;
    for (const auto& w : v_.filler)
      if (w.size() > best && std::string_view(text).ends_with(w)) best = w.size();
    for (const auto& w : kRoleWords)
      if (w.size() > best && std::string_view(text).ends_with(w)) best = w.size();
    for (std::string_view w : {"比重", "比例"})
      if (w.size() > best && std::string_view(text).ends_with(w)) best = w.size();
    if (best && best < text.size()) {
      text.erase(text.size() - best);
      again = true;
    }
  }
  return text;
}

// True when a clause holds nothing but words that introduce a number.
bool MetricReader::only_filler(std::string_view clause) const {
  const auto tokens = split_words(clause, *v_.lexicon);
  for (const Word& t : tokens) {
    const std::string& w = t.text;
    if (is_blank(w)) continue;
    if (!t.han || !(v_.filler.count(w) || kRoleWords.count(w))) return false;
  }
  return true;
}

bool MetricReader::is_qualifier(const std::string& w) const {
  return std::any_of(v_.qualifiers.begin(), v_.qualifiers.end(), [&](const auto& q) { return q.second == w; });
}

bool MetricReader::is_blank(const std::string& w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return c == ' ' || c == '*' || c == '\t'; });
}

// 同比, 比上年, 较上届, 比2022年同期 before the role verb: the
// comparison base is not part of the metric; everything from the last
// such 比/较 on is cut (not 比重, 比例, 占比, 对比, 较大).
std::string MetricReader::cut_comparison(std::string text, MetricReading& r) const {
  std::size_t cut = std::string::npos;
  for (std::size_t at = text.find("比"); at != std::string::npos; at = text.find("比", at + 1)) {
    const std::string_view next = std::string_view(text).substr(at + std::string_view("比").size());
    const std::string_view prev = std::string_view(text).substr(0, at);
    // 可比价格 (comparable prices) is no comparison either.
    if (next.starts_with("重") || next.starts_with("例") || next.starts_with("率") || prev.ends_with("占") ||
        prev.ends_with("可") ||
        prev.ends_with("对") || prev.ends_with("无") || prev.ends_with("类") || prev.ends_with("攀"))
      continue;
    cut = prev.ends_with("同") || prev.ends_with("环") || prev.ends_with("相") ? at - std::string_view("同").size() : at;
    if (prev.ends_with("环")) r.qualifiers.push_back("环比");
  }
  for (std::size_t at = text.find("较"); at != std::string::npos; at = text.find("较", at + 1)) {
    const std::string_view next = std::string_view(text).substr(at + std::string_view("较").size());
    if (next.starts_with("大") || next.starts_with("快") || next.starts_with("好") || next.starts_with("多") ||
        next.starts_with("高") || next.starts_with("低") || next.starts_with("为") || next.starts_with("强"))
      continue;
    if (cut == std::string::npos || at > cut) cut = at;
  }
  if (cut == std::string::npos) return text;
  // 比上年实际增长6.3%: a qualifier between the base and the verb still
  // says what is measured (real, not nominal, growth).
  const std::string_view tail = std::string_view(text).substr(cut);
  for (const auto& [variant, name] : v_.qualifiers)
    if (tail.find(variant) != std::string_view::npos) r.qualifiers.push_back(name);
  text.erase(cut);
  return text;
}

// Indicator names to their first name, longest name first in one pass
// (so 居民人均可支配收入 is not rewritten again for the 人均可支配收入 in
// it); qualifier phrases to the qualifier, kept out of the words.
std::string MetricReader::normalise(const std::string& text, MetricReading& r) const {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const auto n = static_cast<std::size_t>(std::max(1, utf8::decode(text, i, c)));
    const auto it = v_.indicators_by_first_char.find(c);
    std::size_t best = 0;
    if (it != v_.indicators_by_first_char.end())
      for (const auto& [form, canonical] : it->second)  // longest first
        if (std::string_view(text).substr(i).starts_with(form)) {
          out += canonical;
          best = form.size();
          break;
        }
    if (!best) out.append(text, i, n);
    i += best ? best : n;
  }
  for (const auto& [variant, name] : v_.qualifiers)
    if (variant != name && out.find(variant) != std::string::npos) {
      replace_all(out, variant, " ");
      r.qualifiers.push_back(name);
    }
  return out;
}

// Blanks periods, places and other figures in [from, to) of the block text.
std::string scrubbed(std::string_view text, std::size_t from, std::size_t to, const std::vector<Period>& periods,
                     const std::vector<PlaceMention>& places, const std::vector<Quantity>& quantities) {
  std::string out(text.substr(from, to - from));
  const auto blank = [&](std::size_t b, std::size_t e) {
    if (e <= from || b >= to) return;
    for (std::size_t i = std::max(b, from); i < std::min(e, to); ++i) out[i - from] = ' ';
  };
  for (const Period& p : periods)
    if (p.end > from && p.begin < to) blank(p.begin, p.end);
  // Only the place a figure is about leaves its metric: 对东盟进出口 and
  // 对欧盟进出口 are different metrics.
  for (const PlaceMention& m : places)
    if (m.subject && m.end > from && m.begin < to) blank(m.begin, m.end);
  for (const Quantity& q : quantities)
    if (q.end > from && q.begin < to) blank(q.begin, q.end);
  return out;
}

// One word names too little to compare (覆盖率, 营业收入, 总投资: of what?)
// unless it is an indicator of the vocabulary (地区生产总值).
bool specific_enough(const FigureVocabulary& v, const std::vector<std::string>& words) {
  // 市场规模: generic words alone measure what the clause before names.
  if (std::all_of(words.begin(), words.end(), [&](const std::string& w) { return v.generic_words.count(w) > 0; }))
    return false;
  if (words.size() >= 2) return true;
  // One word names a measure of something unsaid (覆盖率, 增加值; also the
  // compounds the word list keeps whole: 市场规模 of which industry?),
  // unless it is an indicator of the vocabulary.
  return words.size() == 1 &&
         std::any_of(v.indicators.begin(), v.indicators.end(), [&](const auto& i) { return i.second == words[0]; });
}

}  // namespace kanwu::figure_stages
