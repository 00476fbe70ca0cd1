#include "kanwu/kinds/pattern.h"

#include <optional>
#include <string>
#include <vector>

#include "kanwu/rules/regex.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/literal_set.h"

namespace kanwu {

namespace {

constexpr int kDefaultTimeLimit = 1000;

class PatternRule : public Rule {
 public:
  PatternRule(RuleInfo info, std::shared_ptr<icu::RegexPattern> pattern, int time_limit,
              std::optional<std::string> replacement, std::vector<std::string> prefilter, std::size_t digit_run,
              FixSafety safety)
      : Rule(std::move(info)),
        pattern_(std::move(pattern)),
        time_limit_(time_limit),
        replacement_(std::move(replacement)),
        prefilter_(prefilter),
        digit_run_(digit_run),
        safety_(safety) {}

  void check(const Document& document, Emitter& emit) const override {
    for (std::size_t b = 0; b < document.blocks().size(); ++b) {
      const Block& block = document.blocks()[b];
      if (!in_scope(block) || !may_match(block.text)) continue;
      for_each_match(*pattern_, document.utf16(b), time_limit_, [&](const RegexMatch& m) {
        if (m.end == m.begin) return;  // an empty match marks nothing
        MessageVars vars{{"match", block.text.substr(m.begin, m.end - m.begin)}};
        for (int g = 1; g <= 9; ++g) vars.emplace_back(kGroupNames[g - 1], m.group(g));
        const std::string replacement = replacement_ ? m.expand(*replacement_) : "";
        vars.emplace_back("replacement", replacement);
        Finding& f = emit.report(block, m.begin, m.end, vars);
        if (replacement_) emit.propose_fix(f, block, m.begin, m.end, replacement, safety_);
      });
    }
  }

 private:
  // A byte search for the literals every match contains, or for the run of
  // digits it needs, is far cheaper than running ICU's matcher (which reads
  // the text as UTF-16) over every block.
  bool may_match(std::string_view text) const {
    return (prefilter_.empty() || prefilter_.found_in(text)) && chars::has_digit_run(text, digit_run_);
  }

  static constexpr std::string_view kGroupNames[9] = {"1", "2", "3", "4", "5",
                                                      "6", "7", "8", "9"};
  std::shared_ptr<icu::RegexPattern> pattern_;
  int time_limit_;
  std::optional<std::string> replacement_;
  LiteralSet prefilter_;  // a match contains one of these
  std::size_t digit_run_;  // and this many decimal digits in a row
  FixSafety safety_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  const std::string pattern = params.required_string("pattern");
  const bool ignore_case = params.boolean("ignore_case", false);
  const int time_limit =
      static_cast<int>(params.integer("time_limit", kDefaultTimeLimit, 1, 1'000'000));
  auto replacement = params.optional_string("fix");
  std::vector<std::string> prefilter = params.strings("prefilter");
  for (const auto& literal : prefilter)
    if (literal.empty()) params.error_at("prefilter", "prefilter literals must not be empty");
  const auto digit_run = static_cast<std::size_t>(params.integer("prefilter_digit_run", 0, 0, 1000));
  // The rule's author may declare the fix unable to change the meaning (a
  // stray space deleted); plain --fix writes only such fixes.
  FixSafety safety = FixSafety::Suggestion;
  if (const auto given = params.optional_string("fix_safety")) {
    if (*given == "safe") safety = FixSafety::Safe;
    else if (*given != "suggestion") params.error_at("fix_safety", "must be safe or suggestion");
  }
  if (pattern.empty()) {
    if (params.has("pattern")) params.error_at("pattern", "'pattern' must not be empty");
    return nullptr;
  }
  auto compiled = compile_regex(params, "pattern", pattern, ignore_case);
  if (!compiled) return nullptr;
  return std::make_unique<PatternRule>(std::move(info), std::move(compiled), time_limit,
                                       std::move(replacement), std::move(prefilter), digit_run, safety);
}

}  // namespace

const RuleKind& pattern_kind() {
  static const RuleKind kind{
      "pattern",
      "an ICU regular expression; each match is reported (optionally with a fix)",
      {"match", "replacement", "1", "2", "3", "4", "5", "6", "7", "8", "9"},
      {BlockKind::Body, BlockKind::Heading, BlockKind::ListItem},
      &create};
  return kind;
}

}  // namespace kanwu
