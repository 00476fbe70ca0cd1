#include "kanwu/kinds/substitution.h"

#include <algorithm>
#include <map>

#include "kanwu/rules/regex.h"

namespace kanwu {

namespace {

constexpr int kTimeLimit = 1000;

class SubstitutionRule : public Rule {
 public:
  SubstitutionRule(RuleInfo info, std::shared_ptr<icu::RegexPattern> pattern,
                   std::map<std::string, std::string> swaps, bool ignore_case)
      : Rule(std::move(info)),
        pattern_(std::move(pattern)),
        swaps_(std::move(swaps)),
        ignore_case_(ignore_case) {}

  void check(const Document& document, Emitter& emit) const override {
    for (std::size_t b = 0; b < document.blocks().size(); ++b) {
      const Block& block = document.blocks()[b];
      if (!in_scope(block)) continue;
      for_each_match(*pattern_, document.utf16(b), kTimeLimit, [&](const RegexMatch& m) {
        const std::string found = block.text.substr(m.begin, m.end - m.begin);
        const std::string& right = replacement_for(found);
        Finding& f = emit.report(block, m.begin, m.end, {{"match", found}, {"replacement", right}});
        emit.propose_fix(f, block, m.begin, m.end, right);
      });
    }
  }

 private:
  const std::string& replacement_for(const std::string& found) const {
    if (auto it = swaps_.find(found); it != swaps_.end()) return it->second;
    if (ignore_case_) {
      const auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s;
      };
      for (const auto& [wrong, right] : swaps_)
        if (lower(wrong) == lower(found)) return right;
    }
    static const std::string none;
    return none;
  }

  std::shared_ptr<icu::RegexPattern> pattern_;
  std::map<std::string, std::string> swaps_;
  bool ignore_case_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  const bool ignore_case = params.boolean("ignore_case", false);
  const auto pairs = params.string_map("swap");
  if (!params.has("swap")) {
    params.error_at("swap", "missing required key 'swap' (a mapping of wrong: right)");
    return nullptr;
  }
  if (pairs.empty()) {
    params.error_at("swap", "'swap' must list at least one wrong: right pair");
    return nullptr;
  }
  std::map<std::string, std::string> swaps;
  std::vector<std::string> keys;
  for (const auto& [wrong, right] : pairs) {
    if (wrong.empty()) {
      params.error_at("swap", "'swap' keys must not be empty");
      continue;
    }
    if (!swaps.emplace(wrong, right).second)
      params.error_at("swap", "'swap' lists '" + wrong + "' twice");
    keys.push_back(wrong);
  }
  // Longest first so that a longer wrong form wins over its prefix.
  std::sort(keys.begin(), keys.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string alternation;
  for (const auto& k : keys) {
    if (!alternation.empty()) alternation += '|';
    alternation += regex_quote(k);
  }
  auto compiled = compile_regex(params, "swap", alternation, ignore_case);
  if (!compiled) return nullptr;
  return std::make_unique<SubstitutionRule>(std::move(info), std::move(compiled), std::move(swaps),
                                            ignore_case);
}

}  // namespace

const RuleKind& substitution_kind() {
  static const RuleKind kind{"substitution",
                             "a map of wrong → right wordings; each hit is reported with a fix",
                             {"match", "replacement"},
                             {BlockKind::Body, BlockKind::Heading, BlockKind::ListItem},
                             &create};
  return kind;
}

}  // namespace kanwu
