#include "kanwu/kinds/figure_arithmetic.h"

#include <fmt/format.h>

#include <cmath>

#include "kanwu/figures/claim.h"
#include "kanwu/nlp/segment.h"
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
  FigureArithmeticRule(RuleInfo info, std::shared_ptr<const FigureVocabulary> vocabulary)
      : Rule(std::move(info)), vocabulary_(std::move(vocabulary)) {}

  void check(const Document& document, Emitter& emit) const override {
    const auto& claims = document_figures(document, *vocabulary_).claims;
    for (std::size_t i = 0; i < claims.size(); ++i) {
      const Claim& c = claims[i];
      if (!in_scope(document.blocks()[c.block])) continue;
      if (c.role == ClaimRole::Rate) {
        check_total_increase_rate(document, claims, c, emit);
        check_old_new_rate(document, claims, i, emit);
      }
      if (c.role == ClaimRole::Value) check_parts(document, claims, i, emit);
    }
    for (std::size_t b = 0; b < document.blocks().size(); ++b)
      if (in_scope(document.blocks()[b])) check_respectively(document, b, emit);
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
    check_rate(document, rate, {100 * inc.low / base_high, 100 * inc.high / base_low},
               100 * inc.value / (total.value - inc.value),
               fmt::format("按{}、增加{}计算", total.text, inc.text), "增长应为", emit);
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
    check_rate(document, rate, {100 * (to.low - from.high) / from.high, 100 * (to.high - from.low) / from.low},
               100 * (to.value - from.value) / from.value,
               fmt::format("按{}增至{}计算", from.text, to.text), "增幅应为", emit);
  }

  // Reports a stated rate unless some inputs within their stated precision
  // (`possible`) can produce a value within the rate's own precision.
  void check_rate(const Document& document, const Claim& rate, Range possible, double expected,
                  std::string basis, std::string_view label, Emitter& emit) const {
    if (possible.contains_any_of(rate.quantity.low, rate.quantity.high)) return;
    report(document, rate, std::move(basis),
           std::string(label) + percent(expected, decimals_of(rate.quantity)), emit);
  }

  // 6.7万残疾人…其中，困难与重度残疾人各4.8万名: a part cannot exceed its whole.
  void check_parts(const Document& document, const std::vector<Claim>& claims,
                   std::size_t whole_index, Emitter& emit) const {
    const Claim& whole = claims[whole_index];
    const Block& block = document.blocks()[whole.block];
    if (whole.quantity.is_percent() || whole.quantity.unit.empty()) return;
    // 其中 must follow within a short distance (this clause or the next
    // sentence's start); searching to the block's end for every figure
    // would make long paragraphs quadratic.
    const std::string_view rest = std::string_view(block.text).substr(whole.quantity.end, 120);
    const std::size_t found = rest.find("其中");
    if (found == std::string_view::npos) return;
    const std::size_t qi = whole.quantity.end + found;
    // 其中 must follow the whole within its sentence or open the next one.
    for (std::size_t k = whole_index + 1; k < claims.size(); ++k) {
      const Claim& part = claims[k];
      if (part.block != whole.block || part.sentence > whole.sentence + 1) break;
      if (part.quantity.begin < qi) continue;
      if (unit_family(part.quantity.unit) != unit_family(whole.quantity.unit)) break;
      if (part.quantity.low > whole.quantity.high) {
        report(document, part, fmt::format("总数为{}", whole.quantity.text),
               "其中所列部分不应超过总数", emit);
      }
    }
  }

  // A、B、C分别为x、y: as many values as items.
  void check_respectively(const Document& document, std::size_t b, Emitter& emit) const {
    const Block& block = document.blocks()[b];
    const std::string_view text = block.text;
    for (std::size_t at = text.find("分别"); at != std::string_view::npos; at = text.find("分别", at + 6)) {
      // Items: from the clause start (after ，；：。) to 分别.
      std::size_t start = 0;
      for (std::string_view mark : {"，", "；", "：", "。", ",", ";", ":"}) {
        const auto p = text.rfind(mark, at);
        if (p != std::string_view::npos) start = std::max(start, p + mark.size());
      }
      const std::string_view items_text = text.substr(start, at - start);
      std::size_t items = 1;
      for (const Token& t : WordSegmenter::for_this_thread().tokenize(items_text)) {
        const std::string_view w = items_text.substr(t.begin, t.size());
        if (w == "、" || w == "和" || w == "与" || w == "及" || w == "以及") ++items;
      }
      // Values: quantities after 分别, up to the end of the clause.
      std::size_t end = text.size();
      for (std::string_view mark : {"，", "；", "。", ",", ";"}) {
        const auto p = text.find(mark, at);
        if (p != std::string_view::npos) end = std::min(end, p);
      }
      const std::string_view values_text = text.substr(at, end - at);
      const auto values = extract_quantities(values_text);
      if (items < 2 || values.size() < 2 || items == values.size()) continue;
      emit.report(block, at, end,
                               {{"basis", fmt::format("“分别”前列举{}项", items)},
                                {"expected", fmt::format("应有{}个数值", items)},
                                {"stated", fmt::format("{}个数值", values.size())}});
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
