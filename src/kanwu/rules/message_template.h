// Rule messages are templates written in the rule file, e.g.
// "词语重复：“{match}”". Placeholders are checked when rules load, so a typo
// is a load error rather than a literal "{mtach}" in a report.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kanwu {

using MessageVars = std::vector<std::pair<std::string_view, std::string>>;

class MessageTemplate {
 public:
  MessageTemplate() = default;
  // Parses `text`; on a bad or unknown placeholder returns false and sets
  // `error`. "{{" and "}}" stand for literal braces.
  bool parse(std::string_view text, const std::vector<std::string_view>& allowed,
             std::string& error);
  std::string render(const MessageVars& vars) const;
  const std::string& source() const { return source_; }

 private:
  struct Part {
    bool placeholder;
    std::string text;
  };
  std::string source_;
  std::vector<Part> parts_;
};

}  // namespace kanwu
