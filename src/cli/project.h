// What `kanwu check`, `kanwu rules` and `kanwu lsp` agree on: each file's
// .kanwu.yaml, the rules the configuration asks for, and its per-file
// settings applied to the findings.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kanwu/engine/config.h"
#include "kanwu/rules/loader.h"

namespace kanwu::cli {

// Configuration per folder, discovered upward and cached; or the one file
// named with --config. Throws RuleLoadError for a bad configuration.
class Configs {
 public:
  explicit Configs(const std::string& forced);
  const Config& for_path(const std::string& path);

 private:
  std::optional<Config> forced_;
  std::map<std::string, Config> by_dir_;
};

bool listed(const std::vector<std::string>& ids, const std::string& id);

// `rules_option` (default: the bundled rules) plus the configuration's
// `rules:` folders, with its `params:`. Throws RuleLoadError.
RuleSet load_configured_rules(const Config& global, const std::vector<std::string>& rules_option);

// Keeps the rules some file may want: on by default, or enabled by `enable`
// (--enable), the configuration or any of its overrides; never `disable`d.
void keep_wanted_rules(RuleSet& rules, const Config& global, const std::vector<std::string>& enable,
                       const std::vector<std::string>& disable);

// Whether a file's settings leave rule `id` on: it is on by default (or not
// a loaded rule, as the directive checks), or enabled for the file, and not
// disabled for it. `enable` (--enable) wins over the configuration.
bool rule_on(const FileSettings& settings, const std::string& id, const Rule* rule,
             const std::vector<std::string>& enable);

// Drops the finding (true) when its rule is off for the file, else sets the
// severity the file's settings give it.
bool drop_or_set_severity(Finding& finding, const FileSettings& settings, const RuleSet& rules,
                          const std::vector<std::string>& enable);

// Per-file settings: drops findings of rules a file's settings turn off (or
// that are off by default and not enabled for it) and sets severities.
// `enable` (--enable) wins over the configuration. Findings on standard
// input have no file settings.
void apply_file_settings(std::vector<Finding>& findings, Configs& configs, const RuleSet& rules,
                         const std::vector<std::string>& enable);

}  // namespace kanwu::cli
