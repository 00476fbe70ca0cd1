#include "kanwu/figures/claim.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <ranges>
#include <set>
#include <tuple>

#include "kanwu/nlp/join.h"
#include "kanwu/nlp/segment.h"
#include "kanwu/text/bytes.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// The grammar of a figure's role: the verb right before the number says
// whether it is a level, a change, a rate or a share. These words are the
// construction itself, not a vocabulary to extend.
constexpr std::string_view kRiseWords[] = {"增长", "增幅", "增速", "提高", "上升", "提升", "涨幅", "增", "增加", "多"};
constexpr std::string_view kFallWords[] = {"下降", "减少", "降低", "降幅", "下滑", "减", "回落"};
constexpr std::string_view kShareWords[] = {"占比", "比重", "比例", "占到", "占"};
constexpr std::string_view kToWords[] = {"至", "到", "为"};
// Words between the role verb and the number (增长了, 提高到, 分别达).
constexpr std::string_view kLinkWords[] = {"了", "达到", "达", "为", "至", "到", "超过", "超", "近", "约", "逾", "分别", "*", "突破", "接近"};
const std::set<std::string> kRoleWords{"增长", "增幅", "增速", "提高", "上升", "提升", "涨幅", "增加", "下降", "减少",
                                        "降低", "降幅", "下滑", "回落", "增至", "升至", "降至", "提高到", "提高至", "提升至",
                                        "提升到", "增", "减", "降", "升", "翻番", "翻一番"};

// 高于全国1.7个百分点: a gap against a comparator, not a metric of its own.
const std::set<std::string> kGapWords{"高于", "低于", "快于", "慢于", "高出", "超出", "好于", "领先"};
constexpr std::size_t kMetricWindow = 30;  // characters before a number searched for its metric
constexpr std::size_t kMaxMetricWords = 8;

bool ends_with_any(std::string_view s, auto const& words) {
  for (std::string_view w : words)
    if (s.ends_with(w)) return true;
  return false;
}

ClaimRole role_of(std::string_view prefix, const Quantity& q) {
  while (prefix.ends_with(" ")) prefix.remove_suffix(1);
  // 提高至95%, 增至135元: the figure is the new value, not the change.
  for (std::string_view to : kToWords) {
    std::string_view p = prefix;
    while (p.ends_with("*")) p.remove_suffix(1);
    if (p.ends_with(to) && !p.ends_with("达到")) return ClaimRole::Value;
  }
  for (bool again = true; again;) {
    again = false;
    for (std::string_view w : kLinkWords)
      if (prefix.ends_with(w) && !(w == "达" && prefix.ends_with("到达"))) {
        prefix.remove_suffix(w.size());
        again = true;
      }
  }
  if (q.unit == "个百分点" || q.unit == "百分点") return ClaimRole::PointChange;
  const bool percent = q.unit == "%";
  if (ends_with_any(prefix, kRiseWords)) return percent ? ClaimRole::Rate : ClaimRole::Increase;
  if (ends_with_any(prefix, kFallWords)) return percent ? ClaimRole::RateDecline : ClaimRole::Decrease;
  if (percent && prefix.find("占") != std::string_view::npos) return ClaimRole::Share;
  if (percent && ends_with_any(prefix, kShareWords)) return ClaimRole::Share;
  return ClaimRole::Value;
}

std::string role_suffix(ClaimRole role) {
  return role == ClaimRole::Value ? std::string() : "#" + std::string(to_string(role));
}

bool is_mark(std::string_view text, std::size_t at, std::size_t& length, bool enumeration) {
  for (std::string_view mark : {"，", "；", "：", "。", "！", "？", ",", ";", ":"}) {
    if (text.substr(at).starts_with(mark)) {
      length = mark.size();
      return true;
    }
  }
  if (enumeration && text.substr(at).starts_with("、")) {
    length = std::string_view("、").size();
    return true;
  }
  return false;
}

// Start of the clause containing byte `at`, not before `floor`. With
// `enumeration`, 、 also ends a clause (养老床位3852张、照护床位3326张).
// Read backwards from `at` (every mark is one character): from `floor`
// forwards, a floor of 0 made each call cost the whole block, quadratic in
// a block of a megabyte.
std::size_t clause_start(std::string_view text, std::size_t floor, std::size_t at, bool enumeration) {
  for (std::size_t i = at; i > floor;) {
    i = utf8::previous(text, i);
    if (i < floor) break;
    std::size_t len = 0;
    if (is_mark(text, i, len, enumeration)) return i + len;
  }
  return floor;
}

// The spans (quantities, periods: sorted by their begin) that begin in
// [from, to), found by binary search: a block of a megabyte holds tens of
// thousands, and scanning them all for each figure was quadratic.
template <typename Span>
std::pair<typename std::vector<Span>::const_iterator, typename std::vector<Span>::const_iterator> beginning_in(
    const std::vector<Span>& spans, std::size_t from, std::size_t to) {
  const auto lo = std::partition_point(spans.begin(), spans.end(), [&](const Span& x) { return x.begin < from; });
  return {lo, std::partition_point(lo, spans.end(), [&](const Span& x) { return x.begin < to; })};
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// Removes what is not part of an indicator's name: asides in brackets
// (快递业务量（不含邮政集团包裹业务）), measure phrases (以载重吨计).
std::string strip_asides(std::string text) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}}) {
    for (std::size_t b = text.find(open); b != std::string::npos; b = text.find(open, b)) {
      const std::size_t e = text.find(close, b + open.size());
      if (e == std::string::npos) {
        text.erase(b);
        break;
      }
      text.erase(b, e + close.size() - b);
    }
  }
  for (std::size_t b = text.find("以"); b != std::string::npos; b = text.find("以", b + 1)) {
    const std::size_t e = text.find("计", b);
    if (e != std::string::npos && code_points(std::string_view(text).substr(b, e - b)).size() <= 6 &&
        std::string_view(text).substr(b, e - b).find("，") == std::string_view::npos) {
      text.erase(b, e + std::string_view("计").size() - b);
    }
  }
  return text;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += w;
  return out;
}

std::string sorted_key(std::vector<std::string> words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string key;
  for (const auto& w : words) {
    if (!key.empty()) key += '|';
    key += w;
  }
  return key;
}

// A piece of a metric phrase: a word of the lexicon, a single Han
// character, a run of Latin letters and digits, a run of blanks, or one
// punctuation mark.
struct Word {
  std::string text;
  bool han = false;
};

// Splits text into words by backward maximum matching: at each place, the
// longest lexicon word ending there. Metrics are read leftwards from the
// number, and this reads the way they are built (规模以上|工业|增加值). ICU's
// dictionary cuts such phrases into fragments (规|上|工业|增加|值).
std::vector<Word> split_words(std::string_view text, const Lexicon& lexicon) {
  constexpr std::size_t kLongestWord = 12;  // indicator names are long: 社会消费品零售总额
  const CodePointText cp = code_points(text);
  const std::u32string_view s = cp.chars;
  const auto utf8_of = [&](std::size_t b, std::size_t e) {
    const std::size_t from = cp.offsets[b], to = e < cp.size() ? cp.offsets[e] : text.size();
    return std::string(text.substr(from, to - from));
  };
  std::vector<Word> out;
  for (std::size_t end = s.size(); end > 0;) {
    const char32_t c = s[end - 1];
    std::size_t len = 1;
    bool han = chars::is_han(c);
    if (han) {
      len = std::max<std::size_t>(1, lexicon.longest_word_ending_at(s, end, kLongestWord));
    } else if (chars::is_ascii_letter(c) || chars::is_ascii_digit(c) || c == U'.' || c == U'_') {
      while (len < end && (chars::is_ascii_letter(s[end - len - 1]) || chars::is_ascii_digit(s[end - len - 1]) ||
                           s[end - len - 1] == U'.' || s[end - len - 1] == U'_'))
        ++len;
    } else if (c == U' ' || c == U'*' || c == U'\t') {
      while (len < end && (s[end - len - 1] == U' ' || s[end - len - 1] == U'*' || s[end - len - 1] == U'\t')) ++len;
    }
    out.push_back({utf8_of(end - len, end), han});
    end -= len;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

struct MetricReading {
  std::vector<std::string> words;  // in reading order
  std::vector<std::string> qualifiers;
  std::string share_base;
  bool share = false;
};

class MetricReader {
 public:
  explicit MetricReader(const FigureVocabulary& v) : v_(v) {}

  // The metric at the end of `clause` (the clause before a number, with
  // periods, places and other figures blanked out). With those blanked, the
  // same clauses recur: a quarter of those read in a year of news had been
  // read before, and six in seven in an archive holding several versions of
  // each story (figure reading there −13%). Each thread remembers what it
  // has read, per vocabulary.
  MetricReading before(std::string clause) const {
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

 private:
  static constexpr std::size_t kMaxRemembered = 16384;

  MetricReading read_before(std::string clause) const {
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
      if (v_.stops.count(w)) break;
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
 public:
  MetricReading after(std::string_view suffix) const {
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
      if (!tokens[k].han || v_.stops.count(w) || v_.filler.count(w) || kRoleWords.count(w)) return r;
      words.push_back(w);
    }
    return r;
  }

  // Removes the words that introduce the number (分别达到, 增长, 比重为)
  // before splitting, so that the splitter cannot glue one of them to the
  // metric's last word (占比|达 read as 占|比达).
  std::string strip_tail(std::string text) const {
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
  bool only_filler(std::string_view clause) const {
    const auto tokens = split_words(clause, *v_.lexicon);
    for (const Word& t : tokens) {
      const std::string& w = t.text;
      if (is_blank(w)) continue;
      if (!t.han || !(v_.filler.count(w) || kRoleWords.count(w))) return false;
    }
    return true;
  }

  bool is_qualifier(const std::string& w) const {
    return std::any_of(v_.qualifiers.begin(), v_.qualifiers.end(), [&](const auto& q) { return q.second == w; });
  }

 private:
  static bool is_blank(const std::string& w) {
    return std::all_of(w.begin(), w.end(), [](char c) { return c == ' ' || c == '*' || c == '\t'; });
  }

  // 同比, 比上年, 较上届, 比2022年同期 before the role verb: the
  // comparison base is not part of the metric; everything from the last
  // such 比/较 on is cut (not 比重, 比例, 占比, 对比, 较大).
  std::string cut_comparison(std::string text, MetricReading& r) const {
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
  std::string normalise(const std::string& text, MetricReading& r) const {
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

  const FigureVocabulary& v_;
};

// A 分别 list: 一、二、三产业增加值分别增长4.2%、5%、5.4% gives each value
// its own metric. Items are split on 、 和 及 与; an item shorter than the
// last borrows the last item's remaining words (城镇和农村居民人均可支配收入
// → 城镇居民人均可支配收入).
struct ListAssignment {
  std::size_t quantity;  // index in the block's quantities
  std::string metric_text;
  std::string verb;  // text between 分别 and the first value
};

// `items_text` is `text` with times and places blanked (same offsets).
std::vector<ListAssignment> respectively_lists(std::string_view text, std::string_view items_text,
                                               const std::vector<Quantity>& quantities, const Lexicon& lexicon,
                                               std::vector<bool>& in_list) {
  std::vector<ListAssignment> out;
  constexpr std::string_view kRespectively = "分别";
  for (std::size_t at = find_bytes(text, kRespectively); at != std::string_view::npos;
       at = find_bytes(text, kRespectively, at + kRespectively.size())) {
    const std::size_t after = at + kRespectively.size();
    // The values: the quantities right after 分别 (a short verb between),
    // separated only by 、 和 及 与.
    auto q = std::lower_bound(quantities.begin(), quantities.end(), after,
                              [](const Quantity& x, std::size_t v) { return x.begin < v; });
    if (q == quantities.end()) continue;
    const std::string_view verb = text.substr(after, q->begin - after);
    if (code_points(verb).size() > 8) continue;
    std::size_t dummy = 0;
    bool clause_break = false;
    for (std::size_t i = 0; i < verb.size(); ++i) clause_break |= is_mark(verb, i, dummy, true);
    if (clause_break) continue;
    std::vector<std::size_t> values{static_cast<std::size_t>(q - quantities.begin())};
    for (auto next = q + 1; next != quantities.end(); ++next) {
      std::string_view gap = text.substr((next - 1)->end, next->begin - (next - 1)->end);
      while (gap.starts_with(" ")) gap.remove_prefix(1);
      if (gap != "、" && gap != "和" && gap != "及" && gap != "与" && gap != "，" && gap != ",") break;
      values.push_back(static_cast<std::size_t>(next - quantities.begin()));
    }
    for (std::size_t v : values) in_list[v] = true;
    if (values.size() < 2) continue;
    // The items: the clause before 分别.
    const std::size_t start = clause_start(text, 0, at, false);
    const std::string list = strip_asides(std::string(items_text.substr(start, at - start)));
    const auto tokens = split_words(list, lexicon);
    std::vector<std::vector<std::string>> items(1);
    for (const Word& t : tokens) {
      const std::string& w = t.text;
      if (w == "、" || w == "和" || w == "及" || w == "与" || w == "以及") {
        if (!items.back().empty()) items.emplace_back();
        continue;
      }
      if (w.find_first_not_of(" *") == std::string::npos) continue;
      items.back().push_back(w);
    }
    if (items.back().empty()) items.pop_back();
    if (items.size() != values.size()) continue;  // cannot tell which value is whose
    // 一、二、三产业增加值: numerals standing for 一产业增加值, 二产业增加值.
    static constexpr std::u32string_view kNumerals = U"一二三四五六七八九";
    const auto is_numeral = [&](const std::string& w) {
      const auto cp = code_points(w).chars;
      return cp.size() == 1 && kNumerals.find(cp[0]) != std::u32string_view::npos;
    };
    const std::string last_text = join_words(items.back());
    const std::u32string last_cp = code_points(last_text).chars;
    if (!last_cp.empty() && kNumerals.find(last_cp[0]) != std::u32string_view::npos &&
        std::all_of(items.begin(), items.end() - 1, [&](const auto& item) { return item.size() == 1 && is_numeral(item[0]); })) {
      const std::string rest = to_utf8(std::u32string_view(last_cp).substr(1));
      for (std::size_t k = 0; k < items.size(); ++k)
        out.push_back({values[k], (k + 1 < items.size() ? items[k][0] : to_utf8(last_cp.substr(0, 1))) + rest, std::string(verb)});
      continue;
    }
    const auto& last = items.back();
    for (std::size_t k = 0; k < items.size(); ++k) {
      std::vector<std::string> words = items[k];
      if (words.size() < last.size())
        words.insert(words.end(), last.begin() + static_cast<std::ptrdiff_t>(words.size()), last.end());
      out.push_back({values[k], join_words(words), std::string(verb)});
    }
  }
  return out;
}

class Extractor {
 public:
  Extractor(const Document& document, const FigureVocabulary& vocabulary)
      : doc_(document), v_(vocabulary), reader_(vocabulary) {}

  DocumentFigures run() {
    figures_.context = read_document_context(doc_, v_);
    PeriodResolver resolver(figures_.context);
    carried_ = figures_.context.default_period;
    for (std::size_t b = figures_.context.first_text_block; b < doc_.blocks().size(); ++b) {
      const Block& block = doc_.blocks()[b];
      const bool figures = block.kind == BlockKind::Body || block.kind == BlockKind::ListItem;
      extract_block(b, resolver, figures);
    }
    mark_ambiguous();
    figures_.context.named_places = {};  // read; not kept with the figures
    return std::move(figures_);
  }

 private:
  struct ResolvedPeriod {
    std::size_t begin, end;
    std::string key;
    std::string text;
  };

  // The block's usable periods in order (not comparison bases or plans),
  // holidays included.
  std::vector<ResolvedPeriod> resolve_periods(std::size_t b, PeriodResolver& resolver) const {
    const std::string_view text = doc_.blocks()[b].text;
    std::vector<ResolvedPeriod> out;
    for (const Period& p : block_figures(doc_).periods[b]) {
      std::string key = resolver.resolve(p);
      if (key.empty() || p.baseline || p.future) continue;
      out.push_back({p.begin, p.end, std::move(key), p.text});
    }
    for (const auto& h : v_.holidays)
      for (std::size_t at = find_bytes(text, h); at != std::string_view::npos; at = find_bytes(text, h, at + h.size())) {
        // 端午假期 is the holiday's total; 春节假期第三天 a day of it, dated by
        // the document.
        std::string_view rest = text.substr(at + h.size());
        const auto suffix = std::find_if(v_.holiday_suffixes.begin(), v_.holiday_suffixes.end(),
                                         [&](const std::string& s) { return rest.starts_with(s); });
        if (suffix == v_.holiday_suffixes.end()) continue;
        rest.remove_prefix(suffix->size());
        if (!rest.starts_with("第") && !rest.starts_with("首日") && !rest.starts_with("以来"))
          out.push_back({at, at + h.size(), resolver.holiday(h), h});
      }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
    return out;
  }

  // 预计, 有望 before a figure: a forecast, unless the figure is about a
  // holiday or a day that the document reports on (端午假期民航预计发送旅客).
  bool is_forecast(std::string_view sentence_prefix, const std::string& period) const {
    if (period.find('H') != std::string::npos || period.find('D') != std::string::npos) return false;
    return std::any_of(v_.forecast_words.begin(), v_.forecast_words.end(),
                       [&](const std::string& w) { return sentence_prefix.find(w) != std::string_view::npos; });
  }

  // 到2025年全区森林覆盖率达到11.68% in a 2023 story: a target.
  // 比上年, 比2022年同期 in a 2023 figure: the usual base, as 同比.
  static bool is_year_before(const std::string& base, const std::string& period) {
    if (base.size() != 5 || base[0] != 'Y' || period.size() < 5 || period[0] != 'Y') return false;
    return std::stoi(base.substr(1, 4)) + 1 == std::stoi(period.substr(1, 4));
  }

  // In a work report, figures for the report's own year are its plans.
  bool is_future(const std::string& period) const {
    const int year = figures_.context.year;
    if (year <= 0 || period.size() < 5 || (period[0] != 'Y' && period[0] != 'S')) return false;
    const int of = std::stoi(period.substr(1, 4));
    return of > year || (figures_.context.review && of == year);
  }

  static bool followed_by_noun(std::string_view text, std::size_t end) {
    for (std::string_view currency : {"人民币", "（人民币）"})
      if (text.substr(end).starts_with(currency)) end += currency.size();
    if (end >= text.size()) return false;
    char32_t c;
    if (utf8::decode(text, end, c) <= 0 || !chars::is_han(c)) return false;
    return std::u32string_view(U"的，。；、：！？以左").find(c) == std::u32string_view::npos;
  }

  // A plan word anywhere before the figure in its sentence, unless it is
  // compared with (高于预期目标, 完成目标).
  // 查处“四风”问题19.2万起，…其中给予党纪政务处分18.8万人: a part after 其中
  // is a part of the whole named before it, and is that whole's part only
  // (给予党纪政务处分 among 四风问题 is not among 粮食购销问题). Returns
  // "<" and the whole's metric key, or "" when the sentence has no 其中
  // before the figure or no whole with a metric before the 其中.
  // The whole is the nearest figure before 其中 of the part's unit (工会驿站
  // 18.61万个，服务职工约8亿人次，其中…智能化驿站1.18万个: 工会驿站), else,
  // when no such figure has a metric read, the nearest that has one.
  std::string whole_of_part(std::string_view text, std::size_t sentence_begin, std::size_t at, std::size_t b,
                            const std::string& unit) const {
    constexpr std::string_view kAmong = "其中";
    const std::string_view before = text.substr(sentence_begin, at - sentence_begin);
    const std::size_t among = before.rfind(kAmong);
    if (among == std::string_view::npos) return {};
    const Claim* same_unit = nullptr;
    const Claim* any = nullptr;
    for (std::size_t k = figures_.claims.size(); k-- > 0;) {
      const Claim& whole = figures_.claims[k];
      if (whole.block != b) break;
      if (whole.quantity.begin >= sentence_begin + among || whole.metric_key.empty() ||
          whole.role != ClaimRole::Value)
        continue;
      if (!same_unit && unit_family(whole.quantity.unit) == unit_family(unit)) same_unit = &whole;
      if (!any) any = &whole;
    }
    const Claim* whole = same_unit ? same_unit : any;
    if (!whole) return {};
    // The whole's words only: not its qualifiers, its role, or the whole it
    // may itself be a part of.
    const std::string& key = whole->metric_key;
    return "<" + key.substr(0, std::min({key.find('<'), key.find('+'), key.find('#')}));
  }

  // Whether the clause at `clause` continues an enumeration (、 before it)
  // whose items carry no figure.
  static bool joined_items_before(std::string_view text, std::size_t sentence_begin, std::size_t clause,
                                  const std::vector<Quantity>& quantities) {
    constexpr std::string_view kJoin = "、";
    if (clause < sentence_begin + kJoin.size() || text.substr(clause - kJoin.size(), kJoin.size()) != kJoin) return false;
    const std::size_t items = clause_start(text, sentence_begin, clause - kJoin.size(), false);
    const auto [first, last] = beginning_in(quantities, items, clause);
    return first == last;
  }

  // A span of years opened before the figure (span_words, or 近/过去 and a
  // numeral and 年: 近三年, 过去5年).
  bool opens_span(std::string_view prefix) const {
    for (const auto& w : v_.span_words)
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

  bool is_plan(std::string_view sentence_prefix) const {
    for (const auto& w : v_.plan_words) {
      for (std::size_t at = sentence_prefix.find(w); at != std::string_view::npos;
           at = sentence_prefix.find(w, at + w.size())) {
        const std::string_view before = sentence_prefix.substr(0, at);
        if (ends_with_any(before, std::initializer_list<std::string_view>{"于", "过", "完成", "实现", "超出", "好于", "预期", "既定"}))
          continue;
        return true;
      }
    }
    return false;
  }

  // Blanks periods, places and other figures in [from, to) of the block text.
  std::string scrubbed(std::string_view text, std::size_t from, std::size_t to, const std::vector<Period>& periods,
                       const std::vector<PlaceMention>& places, const std::vector<Quantity>& quantities) const {
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

  void extract_block(std::size_t b, PeriodResolver& resolver, bool figures) {
    const Block& block = doc_.blocks()[b];
    const std::string_view text = block.text;
    const auto resolved = resolve_periods(b, resolver);
    const auto& quantities = block_figures(doc_).quantities[b];
    if (!figures || quantities.empty()) {
      // A heading with no time in it starts a new story (a news item): its
      // figures are the document's again, not the last paragraph's.
      if (!resolved.empty()) carried_ = resolved.back().key;
      else if (block.kind == BlockKind::Heading && !figures_.context.review) carried_ = figures_.context.default_period;
      if (block.kind == BlockKind::Heading) ++section_, last_named_subject_.clear();
      return;
    }
    const auto& raw_periods = block_figures(doc_).periods[b];
    auto places = with_known_places(figures_.context.named_places[b], text, v_, figures_.context.cities);
    // 全国 is a subject only at the head of its clause; elsewhere it is part
    // of a name (全国文明城市) and stays in the metric.
    for (PlaceMention& m : places)
      if (m.subject && m.name == "全国" && !heads_clause(text, m.begin, raw_periods)) m.subject = false;
    // 其中，铁路发送旅客…: a paragraph that opens as a continuation is about
    // what the paragraph before it named.
    opening_subject_.clear();
    for (const auto& w : v_.continuation_words)
      if (text.starts_with(w)) opening_subject_ = last_named_subject_;
    std::vector<bool> in_list(quantities.size(), false);
    std::map<std::size_t, ListAssignment> listed;
    for (auto& a : respectively_lists(text, scrubbed(text, 0, text.size(), raw_periods, places, {}), quantities, *v_.lexicon, in_list)) listed.emplace(a.quantity, std::move(a));
    // Blanking is character by character, so a stretch of the block
    // scrubbed once is the stretch scrubbed alone (once per block, not per
    // figure: that was quadratic in a large block).
    const std::string scrubbed_block = scrubbed(text, 0, text.size(), raw_periods, places, quantities);
    const auto scrub = [&](std::size_t from, std::size_t to) { return scrubbed_block.substr(from, to - from); };
    SubjectCursor subjects;
    const auto& sentences = doc_.sentences(b);
    std::size_t sentence_first_claim = figures_.claims.size(), current_sentence = SIZE_MAX;
    std::size_t s = 0, next_period = 0;
    std::string period = carried_, period_text;
    // A 截至… period holds to the end of its clause group (up to ；).
    std::size_t cutoff_sentence = SIZE_MAX, cutoff_end = 0;
    for (std::size_t qi = 0; qi < quantities.size(); ++qi) {
      const Quantity& q = quantities[qi];
      while (s + 1 < sentences.size() && sentences[s].end <= q.begin) ++s;
      for (; next_period < resolved.size() && resolved[next_period].begin < q.begin; ++next_period) {
        const ResolvedPeriod& p = resolved[next_period];
        const bool in_cutoff_sentence = cutoff_sentence == s && p.begin < cutoff_end;
        // 截至6月20日，2026年消费品以旧换新惠及…: counted up to the date; the
        // year after it names the programme.
        if (in_cutoff_sentence) continue;
        period = p.key, period_text = p.text;
        if (p.text.starts_with("截")) {
          cutoff_sentence = s;
          cutoff_end = text.find("；", p.end);
          if (!sentences.empty()) cutoff_end = std::min(cutoff_end, sentences[s].end);
        }
      }
      if (q.unit.empty() && !q.has_scale) continue;  // a bare number measures nothing known
      const std::size_t sentence_begin = sentences.empty() ? 0 : sentences[s].begin;
      if (s != current_sentence) current_sentence = s, sentence_first_claim = figures_.claims.size();
      const std::size_t clause = clause_start(text, sentence_begin, q.begin, true);

      Claim c;
      c.quantity = q;
      c.block = b;
      c.sentence = s;
      c.where = doc_.locate(block, q.begin, q.end);
      c.period = period;
      c.period_text = period_text;
      const std::string_view sentence_prefix = text.substr(sentence_begin, q.begin - sentence_begin);
      c.plan = is_plan(sentence_prefix) || is_forecast(sentence_prefix, c.period) || is_future(c.period);
      c.subject = subject_of(places, q.begin, subjects);
      // 启动建设以来，已累计…: counted since an event, a span no period names.
      const std::size_t last_period = next_period > 0 ? resolved[next_period - 1].begin : 0;
      if (sentence_prefix.find("以来") != std::string_view::npos &&
          text.substr(std::max(last_period, sentence_begin), q.begin - std::max(last_period, sentence_begin)).find("以来") !=
              std::string_view::npos &&
          !(next_period > 0 && resolved[next_period - 1].text.find("以来") != std::string::npos))
        c.period.clear();

      // 近三年累计，…分别减少6.61%: counted over a span of years that opens
      // the sentence, not over the year last named.
      if (opens_span(text.substr(std::max(last_period, sentence_begin), q.begin - std::max(last_period, sentence_begin))) &&
          !c.period.starts_with("FYP"))
        c.period.clear();

      MetricReading metric;
      if (auto it = listed.find(qi); it != listed.end()) {
        c.role = role_of(it->second.verb, q);
        metric = reader_.before(it->second.metric_text + it->second.verb);
      } else if (!in_list[qi]) {
        const std::string_view prefix = text.substr(clause, q.begin - clause);
        c.role = role_of(prefix, q);
        const std::size_t window = std::max(clause, q.begin - tail_chars(prefix, 3 * kMetricWindow).size());
        metric = reader_.before(scrub(window, q.begin));
        c.start_value = is_start_value(scrub(clause, q.begin));
        // 铁路、公路、水路、民航预计共发送旅客14047万人次: items joined by 、
        // with no figure of their own are what is counted together; the
        // metric is not the last item's (民航发送旅客), and is not read.
        if (joined_items_before(text, sentence_begin, clause, quantities)) metric = {};
        // 造成至少15人死亡, 新增26个国家物流枢纽, 建成2.72万台充电桩: a count
        // followed by the noun it counts measures that noun, in the scope
        // the words before it give; with no such noun it is not read.
        if (!q.is_percent() && followed_by_noun(text, q.end)) {
          MetricReading after = reader_.after(text.substr(q.end));
          if (after.words.empty()) {
            metric = {};
          } else {
            metric.words.insert(metric.words.end(), after.words.begin(), after.words.end());
            metric.qualifiers.insert(metric.qualifiers.end(), after.qualifiers.begin(), after.qualifiers.end());
          }
        } else if (metric.words.empty() && c.role == ClaimRole::Value) {
          MetricReading after = reader_.after(text.substr(q.end));
          if (!after.words.empty()) metric = std::move(after);
        }
        // 进出口总值实现翻番，达到2260亿元: a clause that only says 达到 takes
        // the metric of the clause before it, when that clause has no figure.
        if (metric.words.empty() && c.role == ClaimRole::Value && reader_.only_filler(prefix) && clause > sentence_begin) {
          std::size_t mark = clause - 1;
          while (mark > sentence_begin && (static_cast<unsigned char>(text[mark]) & 0xC0) == 0x80) --mark;
          const std::size_t previous = clause_start(text, sentence_begin, mark, true);
          const auto [first, last] = beginning_in(quantities, previous, clause);
          if (first == last) metric = reader_.before(scrub(previous, mark));
        }
      }
      // 较“十三五”末增长43% is not 同比增长6.4%: a stated base other than the
      // year before is a qualifier.
      std::string base;
      // (Only periods in the sentence before the figure can qualify it.)
      for (const auto [first, last] = beginning_in(raw_periods, sentence_begin, q.begin);
           const Period& p : std::ranges::subrange(first, last)) {
        // 2005年与2000年相比，国内生产总值增长57.3%: a 与…相比 frame governs
        // the rest of its sentence.
        const bool frames_sentence = p.begin >= sentence_begin && text.substr(p.end).starts_with("相比");
        if (!p.baseline || (p.begin < clause && !frames_sentence) || p.end > q.begin) continue;
        // 去年…比上年增长: 上年 after 比 is the year before the figure's,
        // whatever year the text is dated: the usual base, no qualifier.
        if (p.key == "REL-1") continue;
        const std::string key = resolver.resolve(p);
        if (!key.empty() && !is_year_before(key, c.period)) base = "较" + key;
      }
      if (metric.share) c.role = ClaimRole::Share;
      c.share_base = metric.share_base;
      c.qualifiers = metric.qualifiers;
      // Over a five-year plan or a run of months (1—3月累计) every flow is a
      // total: 累计 adds nothing.
      if (c.period.starts_with("FYP") || (c.period.find('M') != std::string::npos && c.period.find('-') != std::string::npos &&
                                          c.period.find('D') == std::string::npos))
        c.qualifiers.erase(std::remove(c.qualifiers.begin(), c.qualifiers.end(), "累计"), c.qualifiers.end());
      std::sort(c.qualifiers.begin(), c.qualifiers.end());
      c.qualifiers.erase(std::unique(c.qualifiers.begin(), c.qualifiers.end()), c.qualifiers.end());
      if (specific_enough(metric.words)) {
        c.metric = join_words(metric.words);
        c.metric_key = sorted_key(metric.words) + whole_of_part(text, sentence_begin, q.begin, b, q.unit) +
                       qualifier_suffix(c.qualifiers) + role_suffix(c.role);
      } else if (metric.words.empty() && c.role != ClaimRole::Value && !in_list[qi]) {
        link(c, sentence_first_claim);
      }
      // 机械化率达到95%、高于全国平均水平18.3个百分点: the gap belongs to
      // the figure before it, measured against what follows 高于.
      if (!metric.words.empty() && kGapWords.count(metric.words.front())) {
        const std::string against = join_words(std::vector<std::string>(metric.words.begin() + 1, metric.words.end()));
        c.metric.clear();
        c.metric_key.clear();
        if (figures_.claims.size() > sentence_first_claim && !figures_.claims.back().metric_key.empty()) {
          const Claim& prior = figures_.claims.back();
          c.anchor = static_cast<int>(figures_.claims.size() - 1);
          c.metric = prior.metric + metric.words.front() + against;
          c.metric_key = prior.metric_key + "#gap:" + metric.words.front() + against;
          c.subject = prior.subject;
          c.period = prior.period;
          c.period_text = prior.period_text;
          c.plan = c.plan || prior.plan;
        }
      }
      // 有色行业利润增长99.4%，拉动全部规上工业企业利润增长4.7个百分点: a
      // contribution in points belongs to the driver in the clause before.
      if (c.role == ClaimRole::PointChange && (c.metric.starts_with("拉动") || c.metric.starts_with("带动")))
        c.metric_key.clear();
      if (!base.empty() && !c.metric_key.empty()) {
        c.qualifiers.push_back(base);
        c.metric_key += "+" + base;
      }
      figures_.claims.push_back(std::move(c));
    }
    if (!resolved.empty()) carried_ = resolved.back().key;
    for (const PlaceMention& m : places)
      if (m.subject && !m.name.empty()) last_named_subject_ = m.name;
  }

  // 从11.37万亿元提高到14.58万亿元, 由2020年的7.2%提升至7.4%: the first
  // figure is where a change started, not the period's value.
  static bool is_start_value(std::string_view prefix) {
    for (bool again = true; again;) {
      again = false;
      while (prefix.ends_with(" ")) prefix.remove_suffix(1), again = true;
      if (prefix.ends_with("的")) prefix.remove_suffix(std::string_view("的").size()), again = true;
    }
    return prefix.ends_with("从") || prefix.ends_with("由");
  }

  // Two different values read as the same metric in one sentence (保费由
  // 每生每年5元提高至10元; 城市公园、“口袋公园”保有量分别达到1436个、883个)
  // mean the reading cannot tell them apart: neither is compared.
  void mark_ambiguous() {
    std::map<std::tuple<std::size_t, std::size_t, std::string, std::string>, std::vector<std::size_t>> by_sentence;
    for (std::size_t i = 0; i < figures_.claims.size(); ++i) {
      const Claim& c = figures_.claims[i];
      if (c.metric_key.empty()) continue;
      by_sentence[{c.block, c.sentence, c.metric_key, c.subject}].push_back(i);
    }
    for (const auto& [key, members] : by_sentence) {
      bool differ = false;
      for (std::size_t i : members)
        for (std::size_t j : members) {
          const Quantity& a = figures_.claims[i].quantity;
          const Quantity& b = figures_.claims[j].quantity;
          if (a.high < b.low || b.high < a.low) differ = true;
        }
      if (differ)
        for (std::size_t i : members) figures_.claims[i].ambiguous = true;
    }
  }

  static std::string qualifier_suffix(const std::vector<std::string>& qualifiers) {
    std::string out;
    for (const auto& q : qualifiers) out += "+" + q;
    return out;
  }

  // One word names too little to compare (覆盖率, 营业收入, 总投资: of what?)
  // unless it is an indicator of the vocabulary (地区生产总值).
  bool specific_enough(const std::vector<std::string>& words) const {
    if (words.size() >= 2) return true;
    return words.size() == 1 && std::any_of(v_.indicators.begin(), v_.indicators.end(),
                                            [&](const auto& i) { return i.second == words[0]; });
  }

  // The place the figure is about: the last place named before it in its
  // paragraph in subject position, else the document's. 全国 names the
  // subject only at the head of its clause (2025年，全国粮食产量…); inside a
  // phrase it is part of a name (全国文明城市, 全国重点实验室).
  // Figures ask in the order of their offsets, so the cursor carries the
  // places read so far from one figure to the next (from the block's start
  // for every figure was quadratic in a large block).
  struct SubjectCursor {
    std::size_t next = 0;  // the first place not read yet
    bool started = false;
    std::string subject, named;
  };
  std::string subject_of(const std::vector<PlaceMention>& places, std::size_t at, SubjectCursor& cursor) const {
    // A document with no subject of its own: its figures are about whatever
    // it is about, comparable only inside it.
    if (!cursor.started) {
      cursor.started = true;
      cursor.subject = !opening_subject_.empty()          ? opening_subject_
                       : figures_.context.subject.empty() ? fmt::format("@{}", doc_.path())
                                                          : figures_.context.subject;
    }
    std::string& subject = cursor.subject;
    std::string& named = cursor.named;
    for (; cursor.next < places.size(); ++cursor.next) {
      const PlaceMention& m = places[cursor.next];
      if (m.begin >= at) break;
      if (!m.subject) continue;
      if (!m.name.empty()) {
        subject = m.name;
        named = m.name;
        continue;
      }
      // 全省, 本市: the place this paragraph named, else the document's own;
      // in a story that names none, some place known only inside this
      // section of this document (a news day's items are about different
      // provinces).
      subject = !named.empty() && named != "全国" ? named
                : !figures_.context.subject.empty() && figures_.context.subject != "全国" ? figures_.context.subject
                                                     : fmt::format("@{}#{}", doc_.path(), section_);
    }
    return subject;
  }

  static bool heads_clause(std::string_view text, std::size_t at, const std::vector<Period>& periods) {
    const std::size_t start = clause_start(text, 0, at, false);
    std::string before(text.substr(start, at - start));
    for (const auto [first, last] = beginning_in(periods, start, at); const Period& p : std::ranges::subrange(first, last))
      if (p.begin >= start && p.end <= at)
        for (std::size_t i = p.begin; i < p.end; ++i) before[i - start] = ' ';
    for (std::string_view w : {"同时", "其中", "此外", "目前", "截至", "在", "据统计", "数据显示"})
      for (std::size_t f = before.find(w); f != std::string::npos; f = before.find(w, f + 1))
        before.replace(f, w.size(), std::string(w.size(), ' '));
    return before.find_first_not_of(" \t*") == std::string::npos;
  }

  // A change or rate without its own metric qualifies the figure right
  // before it in its sentence (进出口2.59万亿元，同比增长9.9%，占15.4%).
  void link(Claim& c, std::size_t sentence_first_claim) {
    if (figures_.claims.size() <= sentence_first_claim) return;
    const std::size_t prior_index = figures_.claims.size() - 1;
    const Claim& prior = figures_.claims[prior_index];
    // 粮食…增加二百二十亿斤，增长5.9%；棉花…增长6.7%: a rate does not reach
    // back across a ； to the figures of another item.
    if (prior.block == c.block && prior.quantity.end <= c.quantity.begin &&
        std::string_view(doc_.blocks()[c.block].text)
                .substr(prior.quantity.end, c.quantity.begin - prior.quantity.end)
                .find("；") != std::string_view::npos)
      return;
    int anchor = -1;
    if (prior.anchor >= 0) anchor = prior.anchor;
    else if (prior.role == ClaimRole::Value && !prior.metric_key.empty() && !prior.quantity.is_percent())
      anchor = static_cast<int>(prior_index);
    if (anchor < 0) return;
    const Claim& total = figures_.claims[static_cast<std::size_t>(anchor)];
    c.anchor = anchor;
    c.metric = total.metric;
    // 达到23119元，比上年实际增长6.3%: the rate's own qualifiers (实际)
    // say what it measures beside the total's.
    std::vector<std::string> own;
    for (const auto& q : c.qualifiers)
      if (std::find(total.qualifiers.begin(), total.qualifiers.end(), q) == total.qualifiers.end()) own.push_back(q);
    std::sort(own.begin(), own.end());
    c.qualifiers = total.qualifiers;
    c.qualifiers.insert(c.qualifiers.end(), own.begin(), own.end());
    const std::string base_key = total.metric_key;  // ends with the qualifiers (a value has no role suffix)
    c.metric_key = base_key + qualifier_suffix(own) + role_suffix(c.role);
    c.period = total.period;
    c.period_text = total.period_text;
    c.subject = total.subject;
    c.plan = c.plan || total.plan;
    if (c.role != ClaimRole::Rate) return;
    for (std::size_t k = figures_.claims.size(); k > static_cast<std::size_t>(anchor); --k) {
      const Claim& p = figures_.claims[k - 1];
      if (p.role == ClaimRole::Increase && p.anchor == anchor) {
        c.increase = static_cast<int>(k - 1);
        break;
      }
    }
  }

  const Document& doc_;
  const FigureVocabulary& v_;
  MetricReader reader_;
  DocumentFigures figures_;
  std::string carried_;  // the period the text is in, carried from block to block
  std::size_t section_ = 0;  // headings seen so far
  std::string last_named_subject_;  // the last place a paragraph of this section named as a subject
  std::string opening_subject_;     // this paragraph's, when it continues the one before
};

// The figures of a document as read with each vocabulary (rules may name
// different ones); rules on several threads may ask at once.
struct FiguresByVocabulary {
  std::unique_ptr<std::mutex> mutex = std::make_unique<std::mutex>();
  std::map<const FigureVocabulary*, std::shared_ptr<DocumentFigures>> figures;
};

}  // namespace

std::string_view to_string(ClaimRole role) {
  switch (role) {
    case ClaimRole::Value: return "value";
    case ClaimRole::Increase: return "increase";
    case ClaimRole::Decrease: return "decrease";
    case ClaimRole::Rate: return "rate";
    case ClaimRole::RateDecline: return "decline";
    case ClaimRole::Share: return "share";
    case ClaimRole::PointChange: return "points";
  }
  return "value";
}

const BlockFigures& block_figures(const Document& document) {
  return document.cached<BlockFigures>([&] {
    BlockFigures f;
    for (std::size_t b = 0; b < document.blocks().size(); ++b) {
      f.quantities.push_back(extract_quantities(document.blocks()[b].text, document.code_points(b)));
      f.periods.push_back(extract_periods(document.blocks()[b].text, document.code_points(b)));
    }
    return f;
  });
}

const DocumentFigures& document_figures(const Document& document, const FigureVocabulary& vocabulary) {
  auto& cache = const_cast<FiguresByVocabulary&>(
      document.cached<FiguresByVocabulary>([] { return FiguresByVocabulary{}; }));
  std::lock_guard lock(*cache.mutex);
  auto& slot = cache.figures[&vocabulary];
  if (!slot) slot = std::make_shared<DocumentFigures>(Extractor(document, vocabulary).run());
  return *slot;
}

}  // namespace kanwu
