#include "kanwu/kinds/rate_range.h"

#include "kanwu/figures/claim.h"
#include "kanwu/text/marks.h"

namespace kanwu {

namespace {

class RateRangeRule : public Rule {
 public:
  std::string_view shared_analysis() const override { return "figures"; }
  RateRangeRule(RuleInfo info, std::vector<std::string> rate_words, std::vector<std::string> exempt)
      : Rule(std::move(info)), rate_words_(std::move(rate_words)), exempt_(std::move(exempt)) {}

  void check(const Document& document, Emitter& emit) const override {
    for (const Block& block : document.blocks()) {
      if (!in_scope(block)) continue;
      for (const Quantity& q : block_figures(document).quantities[&block - document.blocks().data()]) {
        // Only when no rounding of the stated value brings it to 100%.
        if (!q.is_percent() || q.low <= 100.0) continue;
        const std::string_view before = clause_before(block.text, q.begin);
        const auto rate = find_rate_word(before);
        if (rate == std::string_view::npos) continue;
        // Exempt words anywhere in the clause: 拨备覆盖率 names its kind before
        // the rate word, 较上年提高 its growth after it.
        bool exempt = false;
        for (const auto& w : exempt_) exempt = exempt || before.find(w) != std::string_view::npos;
        if (exempt) continue;
        emit.report(block, q.begin, q.end,
                    {{"match", q.text}, {"rate", std::string(word_at(before, rate))}});
      }
    }
  }

 private:
  static std::string_view clause_before(std::string_view text, std::size_t at) {
    std::size_t start = 0;
    for (std::string_view mark : marks::kClauseMarksButColon) {
      const auto p = text.rfind(mark, at);
      if (p != std::string_view::npos && p < at) start = std::max(start, p + mark.size());
    }
    return text.substr(start, at - start);
  }

  // Position of the last rate word in the clause, or npos.
  std::size_t find_rate_word(std::string_view clause) const {
    std::size_t best = std::string_view::npos;
    for (const auto& w : rate_words_) {
      const auto p = clause.rfind(w);
      if (p != std::string_view::npos && (best == std::string_view::npos || p > best)) best = p;
    }
    return best;
  }

  std::string_view word_at(std::string_view clause, std::size_t at) const {
    std::string_view best;
    for (const auto& w : rate_words_)
      if (clause.substr(at).starts_with(w) && w.size() > best.size()) best = w;
    // Show the metric the rate belongs to: a few characters before it.
    std::size_t from = at;
    for (int k = 0; k < 4 && from > 0; ++k) {
      std::size_t p = from - 1;
      while (p > 0 && (static_cast<unsigned char>(clause[p]) & 0xC0) == 0x80) --p;
      from = p;
    }
    return clause.substr(from, at - from + best.size());
  }

  std::vector<std::string> rate_words_;
  std::vector<std::string> exempt_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  auto rate_words = params.strings("rate_words");
  if (rate_words.empty())
    params.error_at("rate_words", "'rate_words' must list at least one word (覆盖率, 占比…)");
  auto exempt = params.strings("exempt_words");
  return std::make_unique<RateRangeRule>(std::move(info), std::move(rate_words), std::move(exempt));
}

}  // namespace

const RuleKind& rate_range_kind() {
  static const RuleKind kind{"rate-range",
                             "a rate that cannot exceed 100% reported above it",
                             {"match", "rate"},
                             {BlockKind::Body, BlockKind::ListItem, BlockKind::Caption,
                              BlockKind::Heading},
                             &create};
  return kind;
}

}  // namespace kanwu
