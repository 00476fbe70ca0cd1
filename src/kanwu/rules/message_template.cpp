#include "kanwu/rules/message_template.h"

#include <algorithm>

namespace kanwu {

bool MessageTemplate::parse(std::string_view text, const std::vector<std::string_view>& allowed,
                            std::string& error) {
  source_ = std::string(text);
  parts_.clear();
  std::string literal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal += c;
      ++i;
      continue;
    }
    if (c == '}') {
      error = "unmatched '}' in message (write '}}' for a literal brace)";
      return false;
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    const std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) {
      error = "unclosed '{' in message (write '{{' for a literal brace)";
      return false;
    }
    const std::string_view name = text.substr(i + 1, close - i - 1);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string names;
      for (auto a : allowed) {
        if (!names.empty()) names += ", ";
        names.append("{").append(a).append("}");
      }
      error = "unknown placeholder {" + std::string(name) + "} in message; this rule kind offers " +
              (names.empty() ? std::string("none") : names);
      return false;
    }
    if (!literal.empty()) parts_.push_back({false, std::move(literal)});
    literal.clear();
    parts_.push_back({true, std::string(name)});
    i = close;
  }
  if (!literal.empty()) parts_.push_back({false, std::move(literal)});
  return true;
}

std::string MessageTemplate::render(const MessageVars& vars) const {
  std::string out;
  for (const Part& part : parts_) {
    if (!part.placeholder) {
      out += part.text;
      continue;
    }
    for (const auto& [name, value] : vars) {
      if (name == part.text) {
        out += value;
        break;
      }
    }
  }
  return out;
}

}  // namespace kanwu
