#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

#include "kanwu/report/reporter.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// Excerpts of long lines (a newspaper paragraph is often one line of several
// hundred characters) show this much context around the span.
constexpr int kContextBefore = 24;
constexpr int kContextAfter = 32;
// A span longer than this (a whole duplicated paragraph) is shown truncated.
constexpr int kMaxShownSpan = 40;

struct Palette {
  bool on;
  std::string paint(std::string_view code, std::string_view text) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }
  std::string severity(Severity s) const {
    const std::string_view code = s == Severity::Error ? "1;31" : s == Severity::Warning ? "1;35" : "1;36";
    return paint(code, to_string(s));
  }
};

// A Word document has no lines an editor can see: its places are named by
// paragraph (as the extracted text has one line per paragraph, the column
// is the character in it).
std::string place(const Location& where) {
  if (where.footnote > 0)
    return where.paragraph > 1 ? fmt::format("{}: footnote {}, paragraph {}, character {}", where.file,
                                             where.footnote, where.paragraph, where.start.column)
                               : fmt::format("{}: footnote {}, character {}", where.file, where.footnote,
                                             where.start.column);
  if (where.paragraph > 0)
    return fmt::format("{}: paragraph {}, character {}", where.file, where.paragraph, where.start.column);
  return fmt::format("{}:{}:{}", where.file, where.start.line, where.start.column);
}

// Word documents are not rewritten (--fix refuses them): every proposed
// change there is one for the editor to make.
bool fixes_written(const Location& where) { return where.paragraph == 0; }

void write_excerpt(std::ostream& out, const Location& where, const Palette& p) {
  // Columns below are relative to the excerpt, which starts at excerpt_column.
  const auto line = code_points(where.excerpt).chars;
  const int n = static_cast<int>(line.size());
  const int offset = where.excerpt_column - 1;
  const int start = std::clamp(where.start.column - 1 - offset, 0, n);
  const int end = where.end.line == where.start.line
                      ? std::clamp(where.end.column - 1 - offset, start + 1, std::max(n, start + 1))
                      : n;  // spans to later lines: mark to the end of the excerpt
  const int from = std::max(0, start - kContextBefore);
  const bool long_span = end - start > kMaxShownSpan;
  const int to = long_span ? std::min(n, start + kMaxShownSpan)
                           : std::min(n, std::max(end, start + 1) + kContextAfter);
  const bool cut_before = from > 0 || offset > 0;
  std::string text = cut_before ? "…" : "";
  std::string marks = cut_before ? std::string(chars::display_width(U'…'), ' ') : "";
  for (int i = from; i < to; ++i) {
    const char32_t c = line[static_cast<std::size_t>(i)] == U'\t' ? U' ' : line[static_cast<std::size_t>(i)];
    utf8::append(text, c);
    const int width = chars::display_width(c);
    const bool inside = i >= start && i < end;
    for (int w = 0; w < width; ++w) marks += inside ? (i == start && w == 0 ? '^' : '~') : ' ';
  }
  if (start >= n) marks += '^';  // a span at the end of the line
  if (to < n || where.excerpt_clipped) text += "…";
  if (long_span) marks += "~";
  while (!marks.empty() && marks.back() == ' ') marks.pop_back();
  const std::string gutter = where.footnote > 0 ? fmt::format("{:>5} | ", fmt::format("fn{}", where.footnote))
                             : where.paragraph > 0 ? fmt::format("{:>5} | ", where.paragraph)
                                                   : fmt::format("{:>5} | ", where.start.line);
  out << gutter << text << '\n'
      << std::string(gutter.size() - 2, ' ') << "| " << p.paint("1;32", marks) << '\n';
}

}  // namespace

Counts count_findings(const Report& report) {
  Counts c;
  for (const auto& f : report.findings) {
    if (f.severity == Severity::Error) ++c.error;
    else if (f.severity == Severity::Warning) ++c.warning;
    else ++c.info;
  }
  return c;
}

namespace {

void write_finding(std::ostream& out, const Finding& f, const TextStyle& style, const Palette& p) {
  // One line per finding: a message never carries a raw line break.
  std::string message = f.message;
  std::replace(message.begin(), message.end(), '\n', ' ');
  std::replace(message.begin(), message.end(), '\r', ' ');
  out << p.paint("1", place(f.where) + ":") << ' ' << p.severity(f.severity) << ": " << p.paint("1", message)
      << " [" << f.rule << "]\n";
  if (style.excerpts) write_excerpt(out, f.where, p);
  if (f.fix && style.excerpts) {
    // A suggestion is written only with --fix-suggestions; say which is which.
    out << "      " << p.paint("1;32", f.fix->safe() && fixes_written(f.where) ? "fix:" : "suggestion:") << " "
        << f.fix->describe()
        << '\n';
  }
  for (const auto& r : f.related)
    out << p.paint("1", place(r.where) + ":") << ' ' << p.paint("1;34", "note") << ": " << r.message << '\n';
}

struct Hidden {
  std::size_t count = 0;
  bool all_safe = true;  // every hidden finding has a fix plain --fix writes
};

}  // namespace

void write_text(std::ostream& out, const Report& report, const TextStyle& style) {
  const Palette p{style.color};
  const auto& findings = report.findings;
  // A systemic defect (470 half-width commas in one file) is shown by a few
  // examples and a count, so that the other findings do not scroll away.
  std::map<std::pair<std::string, std::string>, std::size_t> shown;
  std::map<std::string, Hidden> hidden;  // rule → hidden in the current file
  const auto flush = [&](const std::string& file) {
    for (const auto& [rule, h] : hidden)
      out << p.paint("1", file + ":") << ' ' << fmt::format("… and {} more [{}] in this file{}\n", h.count, rule,
                                                             h.all_safe ? " (fix all with --fix)" : "");
    hidden.clear();
  };
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    std::size_t& n = shown[{f.where.file, f.rule}];
    if (style.max_per_rule_and_file == 0 || n < style.max_per_rule_and_file) {
      write_finding(out, f, style, p);
      ++n;
    } else {
      Hidden& h = hidden[f.rule];
      ++h.count;
      h.all_safe = h.all_safe && f.fix && f.fix->safe() && fixes_written(f.where);
    }
    if (i + 1 == findings.size() || findings[i + 1].where.file != f.where.file) flush(f.where.file);
  }
  if (!style.summary) return;
  // Per rule, most frequent first.
  std::map<std::string, std::size_t> by_rule;
  for (const Finding& f : findings) ++by_rule[f.rule];
  std::vector<std::pair<std::string, std::size_t>> ranked(by_rule.begin(), by_rule.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (!ranked.empty()) {
    std::string line = "by rule:";
    for (const auto& [rule, n] : ranked) line += fmt::format(" {} {},", rule, n);
    line.pop_back();
    out << line << '\n';
  }
  const Counts c = count_findings(report);
  out << fmt::format("{} finding{} ({} error, {} warning, {} info) in {} file{}\n", findings.size(),
                     findings.size() == 1 ? "" : "s", c.error, c.warning, c.info, report.documents_checked,
                     report.documents_checked == 1 ? "" : "s");
}

}  // namespace kanwu
