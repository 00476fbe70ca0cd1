#include "kanwu/kinds/number_style.h"

#include <fmt/format.h>

#include <cmath>

#include "kanwu/figures/numeral.h"
#include "kanwu/figures/claim.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

class NumberStyleRule : public Rule {
 public:
  std::string_view shared_analysis() const override { return "figures"; }
  NumberStyleRule(RuleInfo info, bool mixed, Severity mixed_severity)
      : Rule(std::move(info)), mixed_(mixed), mixed_severity_(mixed_severity) {}

  void check(const Document& document, Emitter& emit) const override {
    struct Chinese {
      const Block* block;
      Quantity q;
    };
    std::vector<Chinese> chinese_counts;
    bool arabic_counts = false;
    for (const Block& block : document.blocks()) {
      if (!in_scope(block)) continue;
      for (const Quantity& q : block_figures(document).quantities[&block - document.blocks().data()]) {
        if (q.misplaced_extra) misplaced(block, q, emit);
        const bool count = !q.unit.empty() && !q.is_percent();
        if (q.chinese && large(q)) chinese_counts.push_back({&block, q});
        else if (!q.chinese && count) arabic_counts = true;
      }
    }
    if (!mixed_ || !arabic_counts) return;
    for (const auto& [block, q] : chinese_counts) {
      const std::string suggestion = arabic_form(q);
      if (suggestion == q.text) continue;  // nothing to suggest (约四万人 has no Arabic form here)
      Finding& f = emit.report(*block, q.number_begin, q.end,
                               {{"match", q.text}, {"suggestion", suggestion},
                                {"problem", "统计数字宜用阿拉伯数字，与全文一致"}});
      f.severity = mixed_severity_;
    }
  }

 private:
  // Counts like 八万, 两千 that GB/T 15835 wants in digits. Round magnitudes
  // (上千, 近亿, 超十亿) are idiomatic approximations and stay in words.
  static bool large(const Quantity& q) {
    if (q.value < 100 || q.is_percent()) return false;
    double v = q.value;
    while (v >= 10 && std::fmod(v, 10) == 0) v /= 10;
    return v != 1;
  }

  static std::string arabic_form(const Quantity& q) {
    // 八万余 → 8万余: digits for the numeral, the rest kept.
    const CodePointText cp = code_points(q.text);
    std::string out;
    std::size_t i = 0;
    while (i < cp.size() && is_chinese_numeral_char(cp.chars[i])) ++i;
    const auto parsed = parse_chinese(std::u32string_view(cp.chars).substr(0, i));
    if (!parsed) return q.text;
    const double number = parsed->value;
    // Keep the largest scale as a word: 80000 → 8万, 2000 → 2000.
    if (number >= 1e8 && std::fmod(number, 1e8) == 0) out = fmt::format("{}亿", number / 1e8);
    else if (number >= 1e4 && std::fmod(number, 1e4) == 0) out = fmt::format("{}万", number / 1e4);
    else out = fmt::format("{}", number);
    return out + to_utf8(std::u32string_view(cp.chars).substr(i));
  }

  void misplaced(const Block& block, const Quantity& q, Emitter& emit) const {
    // 15余万人次: number, then 余/多, then the scale word. Move 余/多 after it.
    const std::string_view text = std::string_view(block.text).substr(q.number_end);
    const CodePointText cp = code_points(text);
    if (cp.size() < 2) return;
    std::size_t scale_len = 0;
    parse_scale(std::u32string_view(cp.chars).substr(1), scale_len);
    if (scale_len == 0) return;
    const std::size_t end = q.number_end + cp.offsets[1 + scale_len];
    const std::string extra = utf8::encode(cp.chars[0]);
    const std::string scale = to_utf8(std::u32string_view(cp.chars).substr(1, scale_len));
    const std::string number(block.text.substr(q.number_begin, q.number_end - q.number_begin));
    const std::string replacement = number + scale + extra;
    Finding& f = emit.report(block, q.number_begin, end,
                             {{"match", number + extra + scale},
                              {"suggestion", replacement},
                              {"problem", "“" + extra + "”应放在数位词之后"}});
    emit.propose_fix(f, block, q.number_begin, end, replacement, FixSafety::Safe);
  }

  bool mixed_;
  Severity mixed_severity_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  const bool mixed = params.boolean("mixed_numerals", true);
  Severity mixed_severity = Severity::Info;
  if (const auto s = params.optional_string("mixed_numerals_severity"); s && !parse_severity(*s, mixed_severity))
    params.error_at("mixed_numerals_severity", "must be info, warning or error");
  return std::make_unique<NumberStyleRule>(std::move(info), mixed, mixed_severity);
}

}  // namespace

const RuleKind& number_style_kind() {
  static const RuleKind kind{"number-style",
                             "number usage per GB/T 15835 (15余万 → 15万余; mixed numerals)",
                             {"match", "suggestion", "problem"},
                             {BlockKind::Body, BlockKind::ListItem, BlockKind::Heading,
                              BlockKind::Caption},
                             &create};
  return kind;
}

}  // namespace kanwu
