// Reads a rule's YAML mapping with type checks, remembering which keys were
// used so that unknown keys can be reported with their exact location.
#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kanwu/rules/load_error.h"

namespace kanwu {

class ParamReader {
 public:
  // `content` is the rule file's text, used to turn yaml-cpp's byte columns
  // into code-point columns.
  ParamReader(YAML::Node node, const std::string& file, const std::string& content,
              std::vector<LoadError>& errors);

  bool has(const std::string& key) const;
  std::optional<std::string> optional_string(const std::string& key);
  std::string required_string(const std::string& key);
  std::vector<std::string> strings(const std::string& key);
  // A list of lists of strings ([[a, b], [c, d, e]]).
  std::vector<std::vector<std::string>> strings_lists(const std::string& key);
  // An ordered list of {key: value} string pairs (a YAML mapping).
  std::vector<std::pair<std::string, std::string>> string_map(const std::string& key);
  long integer(const std::string& key, long fallback, long min, long max);
  double number(const std::string& key, double fallback, double min, double max);
  bool boolean(const std::string& key, bool fallback);

  // Marks a key used without reading it (for keys read elsewhere).
  void consume(const std::string& key) { used_.insert(key); }
  // Reports every key never read or consumed.
  void reject_unknown_keys(std::string_view kind);

  void error(const YAML::Mark& mark, std::string message);
  // Keys of `overrides` (a .kanwu.yaml's params for this rule) replaced the
  // rule file's: errors about them point into `file`.
  void set_overrides(YAML::Node overrides, std::string file, std::string content);
  void error_at(const std::string& key, std::string message);
  // An error in another file the rule names (a vocabulary), kept as located.
  void add_error(LoadError error) { errors_.push_back(std::move(error)); }
  YAML::Mark mark_of(const std::string& key) const;
  const std::string& file() const { return file_; }

 private:
  YAML::Node get(const std::string& key);
  YAML::Node node_;
  const std::string& file_;
  const std::string& content_;
  std::vector<LoadError>& errors_;
  std::set<std::string> used_;
  YAML::Node overrides_;
  std::string override_file_, override_content_;
  // Locates an error about `key`: in the configuration when it set the key.
  bool error_in_overrides(const std::string& key, bool at_key, const std::string& message);
};

// A path named in a rule file: absolute as given, relative to the rule
// file's folder otherwise.
std::string resolve_rule_path(const std::string& rule_file, const std::string& path);

// Converts a yaml-cpp mark (0-based line, byte column) into a LoadError.
LoadError make_load_error(const std::string& file, const std::string& content,
                          const YAML::Mark& mark, std::string message);

}  // namespace kanwu
