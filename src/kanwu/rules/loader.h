// Loading rule files: a YAML file whose `rules:` key holds a list of rules,
// or a folder of such files (*.yaml, *.yml, sorted by name).
#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kanwu/rules/load_error.h"
#include "kanwu/rules/rule.h"

namespace kanwu {

class RuleSet {
 public:
  std::vector<std::unique_ptr<Rule>>& rules() { return rules_; }
  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  const Rule* find(std::string_view id) const;
  std::vector<const Rule*> pointers() const;
  // Keeps only the rules for which `keep` is true.
  template <typename Pred>
  void filter(Pred keep) {
    std::erase_if(rules_, [&](const std::unique_ptr<Rule>& r) { return !keep(*r); });
  }

 private:
  std::vector<std::unique_ptr<Rule>> rules_;
};

// Parameter overrides for rules, by rule id (from .kanwu.yaml `params`), and
// the file they come from, so that a mistake in them is reported there.
struct RuleOverrides {
  std::map<std::string, YAML::Node> params;
  std::string file;
  std::string content;
  bool empty() const { return params.empty(); }
};

// Throws RuleLoadError listing every problem found in every file.
RuleSet load_rules(const std::vector<std::string>& paths, const RuleOverrides& overrides = {});
// Loads rules from YAML text; `name` stands for the file in messages.
RuleSet load_rules_from_string(const std::string& yaml, const std::string& name);

}  // namespace kanwu
