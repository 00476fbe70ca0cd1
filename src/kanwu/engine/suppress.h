// Inline suppression. In Markdown: <!-- kanwu-disable RULE... -->,
// <!-- kanwu-enable [RULE...] -->, <!-- kanwu-disable-next-line [RULE...] -->.
// In plain text the same words on a line of their own after "%% ":
//   %% kanwu-disable-next-line repeated-word
// No rule named means every rule.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "kanwu/rules/finding.h"
#include "kanwu/text/source.h"

namespace kanwu {

class Suppressions {
 public:
  // Reads the directives of a file.
  static Suppressions parse(const SourceText& source);

  // True (and the directive marked used) when a directive covers the finding.
  bool suppresses(const Finding& finding);

  // Findings for directives that suppressed nothing (--report-unused-disables),
  // less those naming only rules `not_run(id)` says did not check the file
  // (the configuration turned them off there: nothing can tell whether the
  // directive is needed).
  std::vector<Finding> unused(const std::string& file,
                              const std::function<bool(const std::string&)>& not_run = nullptr) const;

  bool empty() const { return ranges_.empty(); }

  // Warnings for rule ids a directive names that `known` does not know.
  template <typename Known>
  std::vector<Finding> unknown_rules(const std::string& file, Known known) const {
    std::vector<Finding> out;
    for (std::size_t i = 0; i < ranges_.size(); ++i)
      for (const auto& id : ranges_[i].rules)
        if (!known(id)) out.push_back(unknown_rule(file, i, id));
    return out;
  }

 private:
  struct Range {
    int directive_line;
    int first, last;  // lines covered, inclusive
    std::vector<std::string> rules;
    bool used = false;
  };
  Finding unknown_rule(const std::string& file, std::size_t range, const std::string& id) const;
  std::vector<Range> ranges_;
  std::vector<std::string> lines_;  // directive lines, for excerpts
};

// Whether a line is a plain-text directive line ("%% kanwu-…"), which the
// plain-text parser treats as a separator, not as text.
bool is_directive_line(std::string_view line);

}  // namespace kanwu
