#include "kanwu/engine/suppress.h"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "kanwu-disable a b" from "<!-- kanwu-disable a b -->" or "%% kanwu-disable a b".
std::string_view directive_body(std::string_view line) {
  line = trim(line);
  if (line.starts_with("<!--") && line.ends_with("-->")) return trim(line.substr(4, line.size() - 7));
  if (line.starts_with("%% ")) return trim(line.substr(3));
  return {};
}

}  // namespace

bool is_directive_line(std::string_view line) {
  line = trim(line);
  return line.starts_with("%% kanwu-");
}

Suppressions Suppressions::parse(const SourceText& source) {
  Suppressions s;
  struct Open {
    int line;
    std::vector<std::string> rules;
  };
  std::vector<Open> open;
  const int last_line = source.line_count();
  for (int line = 1; line <= last_line; ++line) {
    std::string_view body = directive_body(source.line_text(line));
    // 这是正文。<!-- kanwu-disable-line repeated-word -->: a comment closing
    // a line of text covers that line.
    const std::string_view text = source.line_text(line);
    if (!body.starts_with("kanwu-")) {
      const std::size_t open_at = text.rfind("<!-- kanwu-disable-line");
      const std::size_t close_at = text.rfind("-->");
      if (open_at != std::string_view::npos && close_at != std::string_view::npos && close_at > open_at &&
          trim(text.substr(close_at + 3)).empty())
        body = trim(text.substr(open_at + 4, close_at - open_at - 4));
    }
    if (!body.starts_with("kanwu-")) continue;
    std::istringstream words{std::string(body)};
    std::string command;
    words >> command;
    std::vector<std::string> rules;
    for (std::string r; words >> r;) rules.push_back(r);
    if (command == "kanwu-disable") {
      open.push_back({line, rules});
    } else if (command == "kanwu-enable") {
      // Closes the matching disables (all of them when no rule is named).
      for (auto it = open.begin(); it != open.end();) {
        const bool closes = rules.empty() || std::any_of(rules.begin(), rules.end(), [&](const std::string& r) {
                              return std::find(it->rules.begin(), it->rules.end(), r) != it->rules.end();
                            });
        if (!closes) {
          ++it;
          continue;
        }
        s.ranges_.push_back({it->line, it->line + 1, line - 1, it->rules});
        it = open.erase(it);
      }
    } else if (command == "kanwu-disable-line") {
      s.ranges_.push_back({line, line, line, rules});
    } else if (command == "kanwu-disable-next-line") {
      int next = line + 1;
      while (next <= last_line && trim(source.line_text(next)).empty()) ++next;
      s.ranges_.push_back({line, next, next, rules});
    }
  }
  for (const Open& o : open) s.ranges_.push_back({o.line, o.line + 1, last_line, o.rules});
  for (const Range& r : s.ranges_) s.lines_.emplace_back(source.line_text(r.directive_line));
  return s;
}

bool Suppressions::suppresses(const Finding& finding) {
  for (Range& r : ranges_) {
    if (finding.where.start.line < r.first || finding.where.start.line > r.last) continue;
    if (!r.rules.empty() && std::find(r.rules.begin(), r.rules.end(), finding.rule) == r.rules.end()) continue;
    r.used = true;
    return true;
  }
  return false;
}

std::vector<Finding> Suppressions::unused(const std::string& file,
                                          const std::function<bool(const std::string&)>& not_run) const {
  std::vector<Finding> out;
  for (std::size_t i = 0; i < ranges_.size(); ++i) {
    const Range& r = ranges_[i];
    if (r.used) continue;
    if (not_run && !r.rules.empty() && std::all_of(r.rules.begin(), r.rules.end(), not_run)) continue;
    Finding f;
    f.rule = "unused-disable";
    f.severity = Severity::Warning;
    f.where.file = file;
    f.where.start = {r.directive_line, 1};
    f.where.end = {r.directive_line, static_cast<int>(utf8::count_code_points(lines_[i])) + 1};
    f.where.excerpt = lines_[i];
    std::string names;
    for (const auto& n : r.rules) {
      if (!names.empty()) names += ' ';
      names += n;
    }
    f.message = fmt::format("此处的 kanwu-disable{} 没有屏蔽任何问题，可以删除",
                            names.empty() ? "" : "（" + names + "）");
    out.push_back(std::move(f));
  }
  return out;
}

Finding Suppressions::unknown_rule(const std::string& file, std::size_t range, const std::string& id) const {
  Finding f;
  f.rule = "unknown-rule-in-directive";
  f.severity = Severity::Warning;
  f.where.file = file;
  f.where.start = {ranges_[range].directive_line, 1};
  f.where.end = {ranges_[range].directive_line, static_cast<int>(utf8::count_code_points(lines_[range])) + 1};
  f.where.excerpt = lines_[range];
  f.where.excerpt_column = 1;
  f.message = fmt::format("指令中的规则“{}”不存在（`kanwu rules` 列出全部规则），这条指令不起作用", id);
  return f;
}

}  // namespace kanwu
