#include "kanwu/kinds/figure_arithmetic.h"

#include <fmt/format.h>

#include <map>

#include <cmath>

#include "kanwu/figures/claim.h"
#include "kanwu/nlp/segment.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/marks.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

struct Range {
  double low, high;
  bool contains_any_of(double lo, double hi) const { return !(hi < low || lo > high); }
};

int decimals_of(const Quantity& q) {
  const auto dot = q.text.find('.');
  if (dot == std::string::npos) return 0;
  int n = 0;
  for (std::size_t i = dot + 1; i < q.text.size() && std::isdigit(static_cast<unsigned char>(q.text[i])); ++i) ++n;
  return n;
}

std::string percent(double value, int decimals) { return fmt::format("{:.{}f}%", value, std::max(1, decimals)); }

class FigureArithmeticRule : public Rule {
 public:
  std::string_view shared_analysis() const override { return "figures"; }
  FigureArithmeticRule(RuleInfo info, std::shared_ptr<const FigureVocabulary> vocabulary)
      : Rule(std::move(info)), vocabulary_(std::move(vocabulary)) {}

  void check(const Document& document, Emitter& emit) const override {
    const auto& claims = document_figures(document, *vocabulary_).claims;
    for (std::size_t i = 0; i < claims.size(); ++i) {
      const Claim& c = claims[i];
      if (!in_scope(document.blocks()[c.block])) continue;
      // A real growth rate (实际, 按可比价格计算) is computed at constant
      // prices: the amounts written beside it are at current prices.
      const bool real = std::find(c.qualifiers.begin(), c.qualifiers.end(), "实际") != c.qualifiers.end();
      if (c.role == ClaimRole::Rate && !real) {
        check_total_increase_rate(document, claims, c, emit);
        check_old_new_rate(document, claims, i, emit);
      }
    }
    // What each figure is, by its place: 其中 binds to a level, and its
    // parts are levels too (not an increase, a start value or a rate).
    std::map<std::pair<std::size_t, std::size_t>, const Claim*> claim_at;
    for (const Claim& c : claims) claim_at.emplace(std::pair{c.block, c.quantity.begin}, &c);
    for (std::size_t b = 0; b < document.blocks().size(); ++b)
      if (in_scope(document.blocks()[b])) {
        check_parts(document, b, claim_at, emit);
        check_respectively(document, b, emit);
      }
  }

 private:
  void report(const Document& document, const Claim& c, const std::string& basis,
              const std::string& expected, Emitter& emit) const {
    const Block& block = document.blocks()[c.block];
    emit.report(block, c.quantity.begin, c.quantity.end,
                {{"basis", basis}, {"expected", expected}, {"stated", c.quantity.text}});
  }

  // 70.4亿元，较…增加9.4亿元，增长16.4%: rate = increase / (total − increase).
  void check_total_increase_rate(const Document& document, const std::vector<Claim>& claims,
                                 const Claim& rate, Emitter& emit) const {
    if (rate.anchor < 0 || rate.increase < 0) return;
    const Quantity& total = claims[rate.anchor].quantity;
    const Quantity& inc = claims[rate.increase].quantity;
    if (unit_family(total.unit) != unit_family(inc.unit) || total.approx != Approx::Exact ||
        inc.approx != Approx::Exact || rate.quantity.approx != Approx::Exact)
      return;
    const double base_low = total.low - inc.high, base_high = total.high - inc.low;
    if (base_low <= 0) return;
    const int years = annual_span(document, rate);
    if (years < 0) return;  // 年均 over a span the text does not give
    const auto growth = [&](double to, double from) { return compound(to / from, years); };
    check_rate(document, rate, {growth(total.low, base_high), growth(total.high, base_low)},
               growth(total.value, total.value - inc.value),
               fmt::format("按{}、增加{}计算", total.text, inc.text), years ? "年均增长应为" : "增长应为", emit);
  }

  // 从每人每月100元稳步升至135元，增幅35%: rate = (new − old) / old.
  void check_old_new_rate(const Document& document, const std::vector<Claim>& claims,
                          std::size_t rate_index, Emitter& emit) const {
    const Claim& rate = claims[rate_index];
    const Block& block = document.blocks()[rate.block];
    const Claim* old_claim = nullptr;
    const Claim* new_claim = nullptr;
    for (std::size_t k = rate_index; k-- > 0;) {
      const Claim& c = claims[k];
      if (c.block != rate.block || c.sentence != rate.sentence) break;
      if (c.quantity.is_percent()) continue;
      // 原油由A增加到B，增长19.5%；发电量由C增加到D，增长26%: a rate's
      // values are in its own clause group, never across a ；.
      if (std::string_view(block.text).substr(c.quantity.end, rate.quantity.begin - c.quantity.end).find("；") !=
          std::string_view::npos)
        break;
      const std::string_view before = std::string_view(block.text).substr(0, c.quantity.begin);
      if (!new_claim) {
        if (before.ends_with("至") || before.ends_with("到")) new_claim = &c;
        continue;
      }
      const std::string_view window = before.substr(before.size() - std::min<std::size_t>(before.size(), 18));
      if (window.find("从") != std::string_view::npos || window.find("由") != std::string_view::npos)
        old_claim = &c;
      break;
    }
    if (!old_claim || !new_claim) return;
    const Quantity &from = old_claim->quantity, &to = new_claim->quantity;
    if (from.unit != to.unit || from.is_percent() || from.low <= 0) return;
    const int years = annual_span(document, rate);
    if (years < 0) return;
    check_rate(document, rate, {compound(to.low / from.high, years), compound(to.high / from.low, years)},
               compound(to.value / from.value, years), fmt::format("按{}增至{}计算", from.text, to.text),
               years ? "年均增幅应为" : "增幅应为", emit);
  }

  // Growth in percent for a ratio new/old: total growth (years 0) or the
  // compound annual rate over `years`.
  static double compound(double ratio, int years) {
    return years == 0 ? 100 * (ratio - 1) : 100 * (std::pow(ratio, 1.0 / years) - 1);
  }

  // 0 for a plain rate; for 年均 the years of the span its sentence states
  // (2016—2024年间 → 8); −1 when 年均 has no stated span.
  static int annual_span(const Document& document, const Claim& rate) {
    const TextSpan& sentence = document.sentences(rate.block)[rate.sentence];
    // The claim says whether the rate is an annual average (年均 and the
    // vocabulary's other ways to say it: 平均每年递增).
    if (std::find(rate.qualifiers.begin(), rate.qualifiers.end(), "年均") == rate.qualifiers.end()) return 0;
    for (const Period& p : block_figures(document).periods[rate.block]) {
      int from = 0, to = 0;
      if (p.begin >= sentence.begin && p.end <= rate.quantity.begin &&
          std::sscanf(p.key.c_str(), "Y%d-%d", &from, &to) == 2 && to > from)
        return to - from;
    }
    return -1;
  }

  // Reports a stated rate unless some inputs within their stated precision
  // (`possible`) can produce a value within the rate's own precision.
  void check_rate(const Document& document, const Claim& rate, Range possible, double expected,
                  std::string basis, std::string_view label, Emitter& emit) const {
    if (possible.contains_any_of(rate.quantity.low, rate.quantity.high)) return;
    report(document, rate, std::move(basis),
           std::string(label) + percent(expected, decimals_of(rate.quantity)), emit);
  }

  // 其中: the figure right before it (in its sentence, or ending the sentence
  // before when 其中 opens one) is the whole; the figures of the clause after
  // it are parts, and a part cannot exceed its whole. 困难与重度残疾人各4.8万名
  // lists two parts of 4.8万 each.
  void check_parts(const Document& document, std::size_t b,
                   const std::map<std::pair<std::size_t, std::size_t>, const Claim*>& claim_at, Emitter& emit) const {
    // A level the reader read as one (a value, not a change, not where a
    // change started); a figure it did not read is taken as written.
    const auto is_level = [&](const Quantity& q) {
      const auto it = claim_at.find({b, q.begin});
      return it == claim_at.end() || (it->second->role == ClaimRole::Value && !it->second->start_value);
    };
    const Block& block = document.blocks()[b];
    const std::string_view text = block.text;
    const auto& quantities = block_figures(document).quantities[b];
    constexpr std::string_view kAmong = "其中";
    for (std::size_t at = text.find(kAmong); at != std::string_view::npos; at = text.find(kAmong, at + kAmong.size())) {
      const auto after = std::lower_bound(quantities.begin(), quantities.end(), at,
                                          [](const Quantity& q, std::size_t v) { return q.begin < v; });
      if (after == quantities.begin() || after == quantities.end()) continue;
      const Quantity& whole = *(after - 1);
      // Only punctuation may stand between the whole and 其中, and nothing
      // that ends a clause group (；) or starts a new topic.
      const std::string_view between = text.substr(whole.end, at - whole.end);
      const bool counts_people = whole.unit.empty() && whole.has_scale && counted_noun_is_people(between);
      // (6.7万残疾人的生活。其中…: the counted noun may stand between.)
      if (code_points(between).size() > (counts_people ? 8u : 2u) || between.find("；") != std::string_view::npos)
        continue;
      // A change in points is not a sum; 超300万 (each province over…) no bound.
      // 6.7万残疾人: a count of people written with its noun instead of a unit.
      // 较去年同期增加4.3万家。其中，民营企业54.7万家: the parts are of the
      // stock, not of the increase.
      if (!is_level(whole)) continue;
      if (whole.is_percent() || (whole.unit.empty() && !counts_people) || whole.unit == "个百分点" ||
          whole.approx == Approx::AtMost ||
          whole.approx == Approx::About || whole.text.starts_with("超") || whole.text.starts_with("逾") ||
          whole.text.starts_with("突破") || whole.text.ends_with("以上"))
        continue;
      // 每千人6.6批次: a rate per head is not a sum of parts.
      const std::size_t clause = text.rfind("，", whole.begin);
      const std::string_view lead = text.substr(clause == std::string_view::npos ? 0 : clause, whole.begin - (clause == std::string_view::npos ? 0 : clause));
      if (lead.find("每") != std::string_view::npos || lead.find("人均") != std::string_view::npos) continue;
      // Parts: up to the first mark that follows a part.
      for (auto part = after; part != quantities.end(); ++part) {
        const std::string_view gap = text.substr(at, part->begin - at);
        if (part != after && (gap.find("，") != std::string_view::npos || gap.find("、") != std::string_view::npos)) break;
        if (gap.find("；") != std::string_view::npos || gap.find("。") != std::string_view::npos) break;
        if (unit_family(part->unit) != (counts_people ? std::string("人") : unit_family(whole.unit))) break;
        if (!is_level(*part)) continue;
        const std::size_t each = parts_each(text.substr(at, part->begin - at));
        if (part->low * static_cast<double>(each) > whole.high) {
          emit.report(block, part->begin, part->end,
                      {{"basis", fmt::format("总数为{}", whole.text)},
                       {"expected", each > 1 ? fmt::format("其中{}项各{}，合计不应超过总数", each, part->text)
                                             : std::string("其中所列部分不应超过总数")},
                       {"stated", part->text}});
        }
      }
    }
  }

  // 残疾人的生活, 农民工返乡: a noun of up to four characters ending in 人
  // right after the number.
  static bool counted_noun_is_people(std::string_view after) {
    const CodePointText cp = code_points(after.substr(0, 24));
    for (std::size_t i = 0; i < cp.size() && i < 4; ++i) {
      if (!chars::is_han(cp.chars[i])) return false;
      if (cp.chars[i] == U'人') return i > 0;
    }
    return false;
  }

  // 困难与重度残疾人各4.8万名: two items, each the value.
  static std::size_t parts_each(std::string_view before) {
    if (!before.ends_with("各")) return 1;
    std::size_t items = 1;
    for (std::string_view sep : {"、", "与", "和", "及"})
      for (std::size_t p = before.find(sep); p != std::string_view::npos; p = before.find(sep, p + sep.size())) ++items;
    return items;
  }

  // A、B、C分别为x、y: as many values as items. Items are split on 、 and, when
  // that does not match, also on 和/及/与 (软件和信息服务业 is one item); 分别从
  // x、y增加到z、w has two values per item.
  void check_respectively(const Document& document, std::size_t b, Emitter& emit) const {
    const Block& block = document.blocks()[b];
    const std::string_view text = block.text;
    for (std::size_t at = text.find("分别"); at != std::string_view::npos; at = text.find("分别", at + 6)) {
      std::size_t start = 0;
      for (std::string_view mark : marks::kClauseMarks) {
        const auto p = text.rfind(mark, at);
        if (p != std::string_view::npos) start = std::max(start, p + mark.size());
      }
      std::string_view items_text = text.substr(start, at - start);
      // 汽车、集成电路等高技术、高附加值产品分别…: the items are after 等.
      if (const std::size_t etc = items_text.rfind("等"); etc != std::string_view::npos)
        items_text.remove_prefix(etc + std::string_view("等").size());
      // 全国50个步行街、商圈客流量、营业额: a count among the items makes
      // them a description, not a list to pair.
      if (!extract_quantities(items_text).empty()) continue;
      std::size_t by_comma = 1, by_all = 1;
      for (const Token& t : WordSegmenter::for_this_thread().tokenize(items_text)) {
        const std::string_view w = items_text.substr(t.begin, t.size());
        if (w == "、") ++by_comma, ++by_all;
        if (w == "和" || w == "与" || w == "及" || w == "以及") ++by_all;
      }
      std::size_t end = text.size();
      for (std::string_view mark : marks::kClauseMarksButColon) {
        const auto p = text.find(mark, at);
        if (p != std::string_view::npos) end = std::min(end, p);
      }
      const std::string_view values_text = text.substr(at, end - at);
      std::size_t values = extract_quantities(values_text).size();
      // 分别从771家、481家增加到1076家、636家: before and after per item;
      // 分别从50%、75%提高至100%: one end for all, after the per-item starts.
      for (std::string_view to : {"增加到", "提高到", "增长到", "提升到", "增至", "提高至", "提升至", "降至", "下降到", "减少到", "到", "至"})
        if (const std::size_t end_at = values_text.find(to);
            values_text.starts_with("分别从") && end_at != std::string_view::npos) {
          const std::size_t before = extract_quantities(values_text.substr(0, end_at)).size();
          const std::size_t after = values - before;
          if (values % 2 == 0 && before == after) values /= 2;
          else if (after == 1) values = before;
          break;
        }
      if (by_all < 2 || values < 2 || values == by_comma || values == by_all) continue;
      emit.report(block, at, end,
                  {{"basis", fmt::format("“分别”前列举{}项", by_comma)},
                   {"expected", fmt::format("应有{}个数值", by_comma)},
                   {"stated", fmt::format("{}个数值", values)}});
    }
  }

  std::shared_ptr<const FigureVocabulary> vocabulary_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  auto vocabulary = vocabulary_param(params);
  if (!vocabulary) return nullptr;
  return std::make_unique<FigureArithmeticRule>(std::move(info), std::move(vocabulary));
}

}  // namespace

const RuleKind& figure_arithmetic_kind() {
  static const RuleKind kind{"figure-arithmetic",
                             "figures that do not add up: rates, increases, parts, 分别 lists",
                             {"basis", "expected", "stated"},
                             {BlockKind::Body, BlockKind::ListItem},
                             &create};
  return kind;
}

}  // namespace kanwu
