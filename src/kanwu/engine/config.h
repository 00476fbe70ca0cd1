// .kanwu.yaml: project configuration, discovered from each checked file's
// folder upward (like .editorconfig), or named with --config.
//
//   rules: [house-rules/]            # extra rule files or folders
//   enable: [some-off-rule]
//   disable: [punctuation-width]
//   severity: {number-style: error}
//   ignore: ["archive/**"]
//   params: {duplicate-paragraph: {threshold: 0.9}}
//   overrides:
//     - files: "drafts/**"
//       disable: [figure-conflict]
//       severity: {repeated-word: info}
//   ledger: archive.ledger           # `kanwu ledger`'s default LEDGER
#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kanwu/rules/finding.h"
#include "kanwu/rules/load_error.h"

namespace kanwu {

// What applies to one file once every matching override is taken in.
struct FileSettings {
  std::vector<std::string> enable, disable;
  std::map<std::string, Severity> severity;
  bool ignored = false;
};

struct Config {
  std::string path;  // the .kanwu.yaml, "" for the built-in defaults
  std::vector<std::string> rule_paths;  // resolved against the file's folder
  std::vector<std::string> enable, disable;
  std::map<std::string, Severity> severity;
  std::vector<std::string> ignore;
  struct Override {
    std::string files;
    std::vector<std::string> enable, disable;
    std::map<std::string, Severity> severity;
  };
  std::vector<Override> overrides;
  std::map<std::string, YAML::Node> params;  // rule id → parameter overrides
  // The archive ledger (`kanwu ledger`): a postgresql:// URL as written, or
  // an SQLite file path resolved against the configuration's folder; "" when
  // not set.
  std::string ledger;
  std::string content;                       // the file's text, for error columns

  FileSettings for_file(const std::string& file) const;
  std::string describe() const;  // `kanwu config`
  // The ledger a command uses: `option` (--ledger) when given, else this
  // configuration's `ledger:`; "" when `disabled` (--no-ledger) or neither.
  // The one place check, serve, lsp and `kanwu ledger` decide it.
  std::string ledger_for(const std::string& option, bool disabled = false) const {
    if (disabled) return "";
    return option.empty() ? ledger : option;
  }
};

// Loads a config file; throws RuleLoadError with file:line:col on any
// problem, unknown keys included.
Config load_config(const std::string& path);

// The nearest .kanwu.yaml at or above `dir`.
std::optional<std::string> find_config(const std::string& dir);

// Glob match with ** (any folders), * and ? (within a folder).
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace kanwu
