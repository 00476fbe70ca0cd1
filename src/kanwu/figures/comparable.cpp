#include "kanwu/figures/comparable.h"

#include <algorithm>

#include "kanwu/figures/claim.h"
#include "kanwu/figures/phrase.h"
#include "kanwu/text/cache_file.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// A clause shorter than this (in characters, numbers masked) names too
// little to stand for a metric the reader could not name.
constexpr std::size_t kMinClauseCharacters = 10;
// Other figures of a paragraph kept as evidence.
constexpr std::size_t kMaxCoFigures = 16;

bool names_indicator(const FigureVocabulary& vocabulary, const std::string& metric) {
  return std::any_of(vocabulary.indicators.begin(), vocabulary.indicators.end(),
                     [&](const auto& i) { return metric.find(i.second) != std::string::npos; });
}

// The figure's own sentence states its period and its subject (2025年，
// 全市中欧班列开行942列): nothing is carried from elsewhere.
bool states_itself(const Document& document, const Claim& c, bool unnamed, const FigureVocabulary& vocabulary) {
  const auto& spans = document.sentences(c.block);
  const std::string_view block_text = document.blocks()[c.block].text;
  const std::string_view sentence =
      c.sentence < spans.size() ? block_text.substr(spans[c.sentence].begin, spans[c.sentence].end - spans[c.sentence].begin)
                                : block_text;
  const auto names_any = [&](const std::vector<std::string>& words) {
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& w) { return sentence.find(w) != std::string_view::npos; });
  };
  return !c.period_text.empty() && sentence.find(c.period_text) != std::string_view::npos &&
         ((!unnamed && sentence.find(c.subject) != std::string_view::npos) || names_any(vocabulary.own_place) ||
          names_any(vocabulary.national));
}

}  // namespace

// A restating outlet rewords a clause lightly — 达到 for 达, 超 for 超过, 同比
// and 共 dropped — and the words it drops or swaps do not change what is
// measured (`clause_filler` in figures.yaml; not 首次, 再次: those do): the
// clause is compared without them, word by word as the metric reader
// splits it.
std::string restated_clause(std::string_view masked, const FigureVocabulary& vocabulary) {
  std::string out;
  for (const figure_stages::Word& w : figure_stages::split_words(masked, *vocabulary.lexicon))
    if (!w.han || !vocabulary.clause_filler.contains(w.text)) out += w.text;
  return out;
}

// The other figures of each paragraph (figures come in block order: each
// block's run is read on its own), the nearest kMaxCoFigures / 2 either
// side, so a paragraph of thousands of figures is read in linear time.
void gather_cofigures(std::vector<ComparableFigure>& figures) {
  std::vector<std::uint64_t> keys;
  keys.reserve(figures.size());
  for (const ComparableFigure& f : figures) keys.push_back(cache::hash(f.figure));
  for (std::size_t run = 0; run < figures.size();) {
    std::size_t run_end = run;
    while (run_end < figures.size() && figures[run_end].block == figures[run].block) ++run_end;
    for (std::size_t i = run; i < run_end; ++i) {
      ComparableFigure& d = figures[i];
      const std::size_t from = std::max(run, i >= kMaxCoFigures / 2 ? i - kMaxCoFigures / 2 : 0);
      const std::size_t to = std::min(run_end, i + kMaxCoFigures / 2 + 1);
      for (std::size_t j = from; j < to; ++j) {
        const ComparableFigure& o = figures[j];
        if (j != i && o.group != d.group) d.evidence.cofigures.push_back({keys[j], o.value, o.exact, o.low, o.high, o.text});
      }
    }
    run = run_end;
  }
}

namespace {

// The part of an identity after the metric and subject: period ("?" when
// not read), unit family, and whether it is a target.
std::string identity_tail(std::string_view period, std::string_view unit, bool plan) {
  std::string out(period.empty() ? std::string_view("?") : period);
  (out += '\x1f') += unit_family(std::string(unit));
  if (plan) out += "\x1fplan";
  return out;
}

}  // namespace

std::string figure_group(std::string_view metric_key, std::string_view subject, std::string_view period,
                         std::string_view unit, bool plan) {
  std::string out(metric_key);
  (out += '\x1f') += subject.starts_with("@") ? std::string_view("?") : subject;
  (out += '\x1f') += identity_tail(period, unit, plan);
  return out;
}

void identify(ComparableFigure& d) {
  d.group = figure_group(d.metric_key, d.subject, d.period, d.unit, d.plan);
  d.figure = d.metric_key + '\x1f' + identity_tail(d.period, d.unit, d.plan);
  d.evidence.unknown_period = d.period.empty();
  d.evidence.unnamed_subject = d.subject.starts_with("@") ? d.subject : std::string();
  d.evidence.plan = d.plan;
}

std::string clause_key(std::string_view clause, std::string_view role) {
  std::string key(kClauseKeyPrefix);
  ((key += clause) += '#') += role;
  return key;
}

std::string clause_metric(std::string_view key) {
  if (!key.starts_with(kClauseKeyPrefix)) return {};
  key.remove_prefix(kClauseKeyPrefix.size());
  // The role follows the last '#' (the clause's masked numbers are '#' too).
  return "“" + std::string(key.substr(0, key.rfind('#'))) + "”";
}

void set_quantity(ComparableFigure& d, const Quantity& q) {
  d.text = q.text;
  d.value = q.value;
  d.low = q.low;
  d.high = q.high;
  d.exact = q.approx == Approx::Exact;
  d.hedge = q.approx;
  // Statistical prose states rates to one decimal and drops a final
  // zero: 分别增长4.2%、5%、5.4% means 5.0%, not anything from 4.5 to 5.5.
  const bool rate = q.unit == "%" || q.unit == "个百分点";
  if (rate && q.approx == Approx::Exact && !q.chinese && q.text.find('.') == std::string::npos) {
    d.low = q.value - 0.05;
    d.high = q.value + 0.05;
  }
}

std::vector<ComparableFigure> comparable_figures(const Document& document, const FigureVocabulary& vocabulary,
                                                 const std::function<bool(const Block&)>& in_scope) {
  std::vector<ComparableFigure> out;
  const BlockFigures& figures = block_figures(document);
  const DocumentFigures& read = document_figures(document, vocabulary);
  // The figures' number spans, block by block, read once; and for a clause
  // key, the times written out (not a comparison's base, 比2012年: that is
  // part of what is measured).
  std::vector<std::pair<std::size_t, std::size_t>> numbers, times;
  std::size_t numbers_block = SIZE_MAX;
  for (const Claim& c : read.claims) {
    // A figure with no unit (18.8万亿英镑 reads as 18.8万亿) is not compared,
    // nor a start value of a time not read, nor a forecast (预测, 有望: an
    // estimate, which other forecasters and later revisions put otherwise).
    // A target is its own group, compared only with targets of a period
    // read (a period misread turns last year's result into this year's
    // target) and only on a passage restated (figure-conflict).
    if (c.start_value || c.ambiguous || c.forecast || c.quantity.unit.empty() || (c.plan && c.period.empty()) ||
        !in_scope(document.blocks()[c.block]))
      continue;
    if (c.block != numbers_block) {
      numbers.clear();
      for (const Quantity& q : figures.quantities[c.block]) numbers.emplace_back(q.number_begin, q.number_end);
      std::vector<std::pair<std::size_t, std::size_t>> spans;
      for (const Period& p : figures.periods[c.block])
        if (!p.baseline && std::none_of(numbers.begin(), numbers.end(), [&](const auto& n) {
              return n.first < p.end && p.begin < n.second;
            }))
          spans.emplace_back(p.begin, p.end);
      std::sort(spans.begin(), spans.end());
      times.clear();
      for (const auto& span : spans)
        if (times.empty() || times.back().second <= span.first) times.push_back(span);
      numbers_block = c.block;
    }
    // A figure whose metric was not read is known by its clause, word for
    // word with the numbers masked (新建和改扩建学校#所): the same clause in
    // two places is the same metric, if it says enough to name one (its
    // times included: 4日的预备会议 says which meeting). The key leaves the
    // times out: they are the figure's period, compared apart, and a
    // restatement writes them otherwise (去年 for 2024年) or drops them.
    ComparableFigure d;
    d.metric_key = c.metric_key;
    d.metric = c.metric;
    if (d.metric_key.empty()) {
      const std::string_view text = document.blocks()[c.block].text;
      if (utf8::count_code_points(masked_clause(text, c.quantity.number_begin, numbers)) < kMinClauseCharacters)
        continue;
      const std::string clause =
          restated_clause(masked_clause(text, c.quantity.number_begin, numbers, times), vocabulary);
      d.metric_key = clause_key(clause, to_string(c.role));
      d.metric = clause_metric(d.metric_key);
      // A stated base other than the year before (比2020年提高) is part of
      // what is measured; its year is masked in the clause like any digits.
      for (const std::string& q : c.qualifiers)
        if (q.starts_with("较")) d.metric_key += "+" + q;
    }
    const bool unnamed = c.subject.starts_with("@");
    d.role = std::string(to_string(c.role));
    d.subject = c.subject;
    d.period = c.period;
    d.unit = c.quantity.unit;
    d.plan = c.plan;
    identify(d);
    d.share_base = c.share_base;
    d.period_text = c.period_text;
    set_quantity(d, c.quantity);
    d.block = c.block;
    d.where = c.where;
    d.evidence.text = PassageText::of(document.blocks()[c.block].text, c.quantity.begin, numbers);
    // The period is stated when the text named it (not the date of an
    // undated text's figures); 全县, 本市 in a document that names no county
    // or city still names its subject ("@file#section"); "@file" alone is
    // what nothing named.
    const bool period_stated = !c.period_text.empty() || c.period != read.context.default_period;
    const bool subject_stated = !unnamed || c.subject.find('#') != std::string::npos;
    d.evidence.named_indicator = period_stated && subject_stated && names_indicator(vocabulary, c.metric);
    d.evidence.self_contained = states_itself(document, c, unnamed, vocabulary);
    out.push_back(std::move(d));
  }
  gather_cofigures(out);
  return out;
}

}  // namespace kanwu
