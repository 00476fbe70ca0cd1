// A data file a rule names — an idiom list, a list of key names, confusion
// sets — read and parsed once, its mistakes reported at their line and
// column of that file (not of the rule file that names it).
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "kanwu/rules/params.h"

namespace kanwu {

class VocabularyFile {
 public:
  // Reads `path` for the rule parameter `key` and returns its `field`, which
  // must be of `type` (a sequence, a scalar …; `shape` says so in the error).
  // nullopt, with the error added to `params`, when the file cannot be read
  // or parsed or has no such field.
  static std::optional<VocabularyFile> open(const std::string& path, ParamReader& params, const std::string& key,
                                            const std::string& field, YAML::NodeType::value type,
                                            const std::string& shape);

  const YAML::Node& field() const { return field_; }
  // An error at `mark` of this file.
  void error(ParamReader& params, const YAML::Mark& mark, std::string message) const {
    params.add_error(make_load_error(path_, content_, mark, std::move(message)));
  }

 private:
  std::string path_, content_;
  YAML::Node field_;
};

}  // namespace kanwu
