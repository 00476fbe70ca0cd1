// ICU regular expressions for rules, compiled once at load time and run with
// a time limit so that a pathological pattern cannot hang a run.
#pragma once

#include <unicode/regex.h>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <string>

#include "kanwu/rules/params.h"

namespace kanwu {

// Compiles the pattern under `key`; on error reports the pattern's problem at
// the key's location and returns null.
std::shared_ptr<icu::RegexPattern> compile_regex(ParamReader& params, const std::string& key,
                                                 const std::string& pattern, bool ignore_case);

// Quotes text so it matches literally inside a pattern.
std::string regex_quote(const std::string& text);

// Thrown by a rule when its regex ran out of time on a block; the engine
// reports the rule and carries on with the next one.
class RuleTimeout : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace kanwu

namespace kanwu {

class Utf16Text;

struct RegexMatch {
  std::size_t begin;  // UTF-8 byte offsets in the searched text
  std::size_t end;
  const icu::RegexMatcher& matcher;
  std::string group(int n) const;  // "" when the group did not take part
  // Expands $0..$9 in `replacement`; "\\$" is a literal dollar sign.
  std::string expand(std::string_view replacement) const;
};

// Calls `on_match` for every match of `pattern` in `text`, left to right.
// Throws RuleTimeout when one search exceeds `time_limit` (ICU match steps,
// roughly milliseconds).
void for_each_match(const icu::RegexPattern& pattern, std::string_view text, int time_limit,
                    const std::function<void(const RegexMatch&)>& on_match);
// The same on text already converted for ICU (Document::utf16).
void for_each_match(const icu::RegexPattern& pattern, const Utf16Text& text, int time_limit,
                    const std::function<void(const RegexMatch&)>& on_match);

}  // namespace kanwu
