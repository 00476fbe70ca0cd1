#include "kanwu/rules/finding.h"

#include <fmt/format.h>

#include <string>

#include <array>
#include <tuple>

namespace kanwu {

namespace {
constexpr std::array<std::string_view, 3> kSeverityNames{"info", "warning", "error"};
}

std::string_view to_string(Severity severity) {
  return kSeverityNames.at(static_cast<std::size_t>(severity));
}

std::string brief_place(const Location& at) {
  if (at.footnote > 0) return fmt::format("{}脚注{}", at.file, at.footnote);
  if (at.paragraph > 0) return fmt::format("{}第{}段", at.file, at.paragraph);
  return fmt::format("{}:{}", at.file, at.start.line);
}

std::string place_in_document(const Location& at) {
  if (at.footnote > 0) return fmt::format("脚注{}", at.footnote);
  if (at.paragraph > 0) return fmt::format("第{}段", at.paragraph);
  return fmt::format("第{}行", at.start.line);
}

bool parse_severity(std::string_view name, Severity& out) {
  for (std::size_t i = 0; i < kSeverityNames.size(); ++i) {
    if (kSeverityNames[i] == name) {
      out = static_cast<Severity>(i);
      return true;
    }
  }
  return false;
}

bool finding_less(const Finding& a, const Finding& b) {
  return std::tie(a.where.file, a.where.start, a.rule, a.where.end, a.message) <
         std::tie(b.where.file, b.where.start, b.rule, b.where.end, b.message);
}

std::string Fix::describe() const {
  if (!replacement.empty()) return "改为“" + replacement + "”";
  // A deletion from the start of a line to the start of a later one takes
  // whole lines; any other deletion removes a break between two halves.
  const bool whole_lines = where.start.column == 1 && where.end.column == 1 && where.end.line > where.start.line;
  return whole_lines ? "删除此行" : "删除此处的断行";
}

}  // namespace kanwu
