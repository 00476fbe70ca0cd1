// The claim loop: reads a document's figures into claims, block by block.
// For each quantity of a body paragraph (figures/quantity.h) it carries the
// period the text is in (block_periods.h), finds the subject (subjects.h),
// reads the metric and role (metric_reader.h, roles.h, respectively.h for
// 分别 lists), applies the constructions around the figure (constructions.h:
// 其中, 从…到, 、 enumerations, counted nouns; here: 高于 gaps and stated
// bases such as 较“十三五”末) and links a change or rate without a metric of
// its own to its total (links.h). What each stage knows lives in its own
// file; this one holds the order they run in and the state carried from
// figure to figure (period, section, last subject).
#include "kanwu/figures/claim.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <tuple>

#include "kanwu/figures/block_periods.h"
#include "kanwu/figures/constructions.h"
#include "kanwu/figures/links.h"
#include "kanwu/figures/metric_reader.h"
#include "kanwu/figures/phrase.h"
#include "kanwu/figures/respectively.h"
#include "kanwu/figures/roles.h"
#include "kanwu/figures/subjects.h"
#include "kanwu/nlp/join.h"
#include "kanwu/nlp/segment.h"
#include "kanwu/text/bytes.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

using namespace figure_stages;

// Over a five-year plan, a span of years (2019年至2024年), a span since a
// time (党的十八大以来) or a run of months (1—3月) every flow is a total, and
// a figure as of a month's or year's end (截至6月底, 2024年底: keys ending
// in E) counts everything up to it: there 累计 adds nothing. As of a day it
// does: 截至6月13日累计 is not 6月13日's own.
bool counts_a_total(const std::string& period) {
  const bool span_of_years = period.size() == 10 && period[0] == 'Y' && period[5] == '-';  // Y2019-2024
  const bool run_of_months = period.find('M') != std::string::npos && period.find('-') != std::string::npos &&
                             period.find('D') == std::string::npos;
  return period.starts_with("FYP") || period.starts_with("S") || period.ends_with('E') || span_of_years || run_of_months;
}

// A change in a sentence that started at a time read: its start's time and
// its end's (a parallel change without times runs over them).
struct ChangeTimes {
  std::size_t sentence;
  std::string start, start_text, end;
};

// The years of a span of years' key (Y2012-2024 → 2012, 2024); empty ones
// for any other period.
std::pair<std::string, std::string> year_span(std::string_view key) {
  const auto digits = [](std::string_view t) { return std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; }); };
  if (key.size() != 10 || key[0] != 'Y' || key[5] != '-' || !digits(key.substr(1, 4)) || !digits(key.substr(6, 4)))
    return {};
  return {std::string(key.substr(1, 4)), std::string(key.substr(6, 4))};
}

// The end of a change (从A增长到B, `end`) after its start in the same clause
// names what the start measured: 由2016年的1.1万亿千瓦时增长至2024年的6.2万亿
// 千瓦时 — A is 2016's 市场化交易电量. A start of a time not said takes one
// from the construction: over a span of years (2012年至2024年，…从16510元增长到
// 41314元) the change runs from the first year to the last; after a change
// from a time read in the same sentence (…，占比由17%提升至63%) it starts when
// that change started (`last`: the sentence's last such change).
void end_change(Claim& start, Claim& end, std::optional<ChangeTimes>& last) {
  if ((end.role != ClaimRole::Value && end.role != ClaimRole::Share) || end.metric_key.empty() ||
      unit_family(start.quantity.unit) != unit_family(end.quantity.unit))
    return;
  const auto [first_year, last_year] = year_span(end.period);
  if (!start.start_value) {
    last = ChangeTimes{start.sentence, start.period, start.period_text, end.period};
  } else if (start.period == end.period && !first_year.empty()) {
    start.start_value = false;
    start.period = "Y" + first_year;
    end.period = "Y" + last_year;
  } else if (last && last->sentence == start.sentence && last->end == end.period) {
    start.start_value = false;
    start.period = last->start;
    start.period_text = last->start_text;
  }
  if (!start.start_value && (start.metric_key.empty() || start.role == end.role)) {
    start.metric = end.metric;
    start.metric_key = end.metric_key;
    start.role = end.role;
  }
}

// 由2020年的7.2%提升至7.4%: a time between 由/从 and 的 + a figure is the
// start value's own, not the period the text goes on in.
bool starts_a_change(std::string_view text, const ResolvedPeriod& p) {
  return is_start_value(text.substr(0, p.begin)) && text.substr(p.end).starts_with("的");
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
    mark_ambiguous(figures_.claims);
    figures_.context.named_places = {};  // read; not kept with the figures
    return std::move(figures_);
  }

 private:
  void extract_block(std::size_t b, PeriodResolver& resolver, bool figures) {
    const Block& block = doc_.blocks()[b];
    const std::string_view text = block.text;
    const auto resolved = resolve_periods(text, block_figures(doc_).periods[b], v_, resolver);
    const auto& quantities = block_figures(doc_).quantities[b];
    if (!figures || quantities.empty()) {
      // A heading with no time in it starts a new story (a news item): its
      // figures are the document's again, not the last paragraph's.
      if (!carry(text, resolved) && block.kind == BlockKind::Heading && !figures_.context.review)
        carried_ = figures_.context.default_period;
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
    std::optional<ChangeTimes> change_in_sentence;
    std::size_t s = 0, next_period = 0;
    std::string period = carried_, period_text;
    // A 截至… period holds to the end of its clause group (up to ；).
    std::size_t cutoff_sentence = SIZE_MAX, cutoff_end = 0;
    // The year naming a programme inside such a clause (截至5月31日，2025年
    // 消费品以旧换新…): not the period, but part of what is counted.
    std::string programme_year;
    std::size_t programme_end = 0;
    // 由2020年的7.2%提升至7.4%: the time after 由/从 is the start value's
    // own; the figures after it are in the period before it.
    std::optional<std::pair<std::string, std::string>> before_start;
    std::size_t start_figure = SIZE_MAX;
    for (std::size_t qi = 0; qi < quantities.size(); ++qi) {
      const Quantity& q = quantities[qi];
      while (s + 1 < sentences.size() && sentences[s].end <= q.begin) ++s;
      if (before_start && q.begin > start_figure) std::tie(period, period_text) = *before_start, before_start.reset();
      for (; next_period < resolved.size() && resolved[next_period].begin < q.begin; ++next_period) {
        const ResolvedPeriod& p = resolved[next_period];
        const bool in_cutoff_sentence = cutoff_sentence == s && p.begin < cutoff_end;
        // 截至6月20日，2026年消费品以旧换新惠及…: counted up to the date; the
        // year after it names the programme.
        if (in_cutoff_sentence) {
          // Only a year written out names a programme (not 全年, 1—5月, 今年):
          // any other time starts a period of its own.
          if (p.key.size() == 5 && p.key[0] == 'Y' && p.text.size() == 7 && p.text.ends_with("年")) {
            programme_year = p.text, programme_end = cutoff_end;
            continue;
          }
          cutoff_sentence = SIZE_MAX;
        }
        if (starts_a_change(text, p)) {
          if (!before_start) before_start.emplace(period, period_text);
          start_figure = p.end;
        }
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
      // A target list may say 预计 of one item: a plan word makes it targets.
      const bool target = is_plan(v_, sentence_prefix);
      c.forecast = !target && is_forecast(v_, sentence_prefix, c.period);
      c.plan = target || c.forecast || is_future(figures_.context, c.period);
      c.subject = subject_of(places, q.begin, opening_subject_, figures_.context.subject, doc_.path(), section_, subjects);
      // 启动建设以来，已累计…: counted since an event, a span no period names.
      const std::size_t last_period = next_period > 0 ? resolved[next_period - 1].begin : 0;
      if (sentence_prefix.find("以来") != std::string_view::npos &&
          text.substr(std::max(last_period, sentence_begin), q.begin - std::max(last_period, sentence_begin)).find("以来") !=
              std::string_view::npos &&
          !(next_period > 0 && resolved[next_period - 1].text.find("以来") != std::string::npos))
        c.period.clear();

      // 近三年累计，…分别减少6.61%: counted over a span of years that opens
      // the sentence, not over the year last named.
      // (After the last time read: 五年来 read as a period is that period.)
      const std::size_t last_period_end = next_period > 0 ? resolved[next_period - 1].end : 0;
      const std::size_t span_from = std::min(q.begin, std::max(last_period_end, sentence_begin));
      if (opens_span(v_, text.substr(span_from, q.begin - span_from)) && !c.period.starts_with("FYP"))
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
        // A start with its own time (从1978年的10.2%) is that time's value;
        // one without (从1569个减至150个) is of a time not read.
        c.starts_change = is_start_value(scrub(clause, q.begin));
        c.start_value = c.starts_change &&
                        !(before_start && q.begin >= start_figure && q.begin <= start_figure + std::string_view("的").size());
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
      // (An iterator loop: clang 14 cannot use libstdc++ 12's ranges::subrange.)
      const auto [periods_from, periods_to] = beginning_in(raw_periods, sentence_begin, q.begin);
      for (auto period = periods_from; period != periods_to; ++period) {
        const Period& p = *period;
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
      if (!programme_year.empty() && q.begin < programme_end) c.qualifiers.push_back(programme_year);
      if (counts_a_total(c.period))
        c.qualifiers.erase(std::remove(c.qualifiers.begin(), c.qualifiers.end(), "累计"), c.qualifiers.end());
      std::sort(c.qualifiers.begin(), c.qualifiers.end());
      c.qualifiers.erase(std::unique(c.qualifiers.begin(), c.qualifiers.end()), c.qualifiers.end());
      // A part after 其中 is named by its whole too: 其中，出口11285.2亿元 is
      // the export of the 服务进出口总额 before it, one word as it is — when
      // that whole is the nearest figure of its unit.
      const bool specific = specific_enough(v_, metric.words);
      const std::string whole = metric.words.empty() ? std::string()
                                                     : whole_of_part(figures_.claims, text, sentence_begin, q.begin, b,
                                                                     q.unit, /*nearest_of_unit=*/!specific);
      if (specific || !whole.empty()) {
        c.metric = join_words(metric.words);
        c.metric_key = sorted_key(metric.words) + whole + qualifier_suffix(c.qualifiers) + role_suffix(c.role);
      } else if (metric.words.empty() && c.role != ClaimRole::Value && !in_list[qi]) {
        link(doc_, figures_.claims, c, sentence_first_claim);
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
      if (!base.empty()) {
        c.qualifiers.push_back(base);
        if (!c.metric_key.empty()) c.metric_key += "+" + base;
      }
      if (!figures_.claims.empty()) {
        Claim& start = figures_.claims.back();
        if (start.starts_change && start.block == b && start.sentence == s &&
            clause_start(text, sentence_begin, start.quantity.begin, true) == clause)
          end_change(start, c, change_in_sentence);
      }
      figures_.claims.push_back(std::move(c));
    }
    carry(text, resolved);
    for (const PlaceMention& m : places)
      if (m.subject && !m.name.empty()) last_named_subject_ = m.name;
  }

  const Document& doc_;
  const FigureVocabulary& v_;
  MetricReader reader_;
  DocumentFigures figures_;
  // The block's last period the text goes on in (not a start value's own)
  // becomes the period carried to the next block; false when it has none.
  bool carry(std::string_view text, const std::vector<ResolvedPeriod>& resolved) {
    for (auto p = resolved.rbegin(); p != resolved.rend(); ++p)
      if (!starts_a_change(text, *p)) {
        carried_ = p->key;
        return true;
      }
    return false;
  }

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
