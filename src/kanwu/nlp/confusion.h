// Which characters writers confuse (错别字): homophones, by the toneless
// pinyin readings of rules/vocabulary/pinyin.yaml (generated from ICU's
// Han-Latin readings), and look-alikes listed in groups
// (rules/vocabulary/confusables.yaml). Both are data files a rule names.
#pragma once

#include <yaml-cpp/yaml.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace kanwu {

class ParamReader;

class Confusion {
 public:
  // Reads the readings file (readings: {syllable: characters}) and the
  // groups file (groups: [characters, …]); errors go to `params` at `key`.
  // The lookup tables (20,000 characters) are built on first use, so that
  // loading the rules stays cheap for a run that never asks.
  static std::shared_ptr<const Confusion> load(const std::string& readings_file, const std::string& groups_file,
                                               ParamReader& params, const std::string& key);

  // The same, from a rule's `readings` and `confusables` parameters
  // (default: the bundled vocabulary/pinyin.yaml and confusables.yaml),
  // resolved against the rule file.
  static std::shared_ptr<const Confusion> from_params(ParamReader& params);

  // True when `a` and `b` differ and sound alike or are listed together.
  bool confusable(char32_t a, char32_t b) const;

  // The characters listed with `c` in a group (not its homophones).
  const std::vector<char32_t>& look_alikes(char32_t c) const;

 private:
  void build() const;
  YAML::Node readings_, groups_yaml_;
  mutable std::once_flag built_;
  mutable std::unordered_map<char32_t, int> syllable_;
  mutable std::unordered_map<char32_t, std::vector<char32_t>> groups_;
};

}  // namespace kanwu
