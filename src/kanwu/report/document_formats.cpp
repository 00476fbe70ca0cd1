// JUnit and Checkstyle XML, the Markdown issue report and the HTML report.
#include <fmt/format.h>

#include <algorithm>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "kanwu/report/formats.h"
#include "kanwu/report/reporter.h"
#include "kanwu/text/decode.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

std::map<std::string, std::vector<const Finding*>> by_file(const Report& report) {
  std::map<std::string, std::vector<const Finding*>> files;
  for (const Finding& f : report.findings) files[f.where.file].push_back(&f);
  return files;
}

std::string place(const Location& at) { return fmt::format("{}:{}:{}", at.file, at.start.line, at.start.column); }

// The excerpt with the span marked: before【span】after.
std::string marked_excerpt(const Location& at, std::string_view open, std::string_view close) {
  const CodePointText cp = code_points(at.excerpt);
  const auto index = [&](int column) {
    return static_cast<std::size_t>(std::clamp(column - at.excerpt_column, 0, static_cast<int>(cp.size())));
  };
  const std::size_t b = index(at.start.column);
  const std::size_t e = at.end.line == at.start.line ? std::max(index(at.end.column), b) : cp.size();
  const std::string_view s = at.excerpt;
  return std::string(at.excerpt_column > 1 ? "…" : "") + std::string(s.substr(0, cp.offsets[b])) +
         std::string(open) + std::string(s.substr(cp.offsets[b], cp.offsets[e] - cp.offsets[b])) +
         std::string(close) + std::string(s.substr(cp.offsets[e])) + (at.excerpt_clipped ? "…" : "");
}

}  // namespace

void write_junit(std::ostream& out, const Report& report, const ReportContext&) {
  // One test case per checked file (failing when it has findings) and one
  // per file that could not be read (an error): the counts match the cases.
  const auto files = by_file(report);
  std::map<std::string, const std::vector<const Finding*>*> with_findings;
  for (const auto& [file, findings] : files) with_findings[file] = &findings;
  std::vector<std::string> cases = report.files_checked;
  for (const auto& [file, findings] : files)  // findings in files not listed (corpus passes)
    if (std::find(cases.begin(), cases.end(), file) == cases.end()) cases.push_back(file);
  const std::size_t tests = cases.size() + report.input_errors.size();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << fmt::format("<testsuites name=\"kanwu\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n", tests, files.size(),
                     report.input_errors.size())
      << fmt::format("  <testsuite name=\"kanwu\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n", tests, files.size(),
                     report.input_errors.size());
  for (const std::string& file : cases) {
    const auto it = with_findings.find(file);
    if (it == with_findings.end()) {
      out << fmt::format("    <testcase classname=\"kanwu\" name=\"{}\"/>\n", xml_escape(file));
      continue;
    }
    const auto& findings = *it->second;
    out << fmt::format("    <testcase classname=\"kanwu\" name=\"{}\">\n", xml_escape(file));
    std::string body;
    for (const Finding* f : findings)
      body += fmt::format("{}: {}: {} [{}]\n", place(f->where), to_string(f->severity), f->message, f->rule);
    out << fmt::format("      <failure message=\"{} finding{}\" type=\"kanwu\">{}</failure>\n", findings.size(),
                       findings.size() == 1 ? "" : "s", xml_escape(body))
        << "    </testcase>\n";
  }
  for (const auto& e : report.input_errors)
    out << fmt::format("    <testcase classname=\"kanwu\" name=\"{}\">\n      <error message=\"{}\"/>\n    </testcase>\n",
                       xml_escape(e.path()), xml_escape(e.what()));
  out << "  </testsuite>\n</testsuites>\n";
}

void write_checkstyle(std::ostream& out, const Report& report) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  for (const auto& [file, findings] : by_file(report)) {
    out << fmt::format("  <file name=\"{}\">\n", xml_escape(file));
    for (const Finding* f : findings)
      out << fmt::format("    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"kanwu.{}\"/>\n",
                         f->where.start.line, f->where.start.column, to_string(f->severity),
                         xml_escape(f->message), xml_escape(f->rule));
    out << "  </file>\n";
  }
  out << "</checkstyle>\n";
}

void write_markdown(std::ostream& out, const Report& report, const ReportContext& context) {
  const Counts c = count_findings(report);
  out << "# kanwu 勘误报告\n\n"
      << fmt::format("{} 个文件，{} 处问题（错误 {}，警告 {}，提示 {}）。\n\n", report.documents_checked,
                     report.findings.size(), c.error, c.warning, c.info);
  std::map<std::string, std::size_t> per_rule;
  for (const Finding& f : report.findings) ++per_rule[f.rule];
  if (!per_rule.empty()) {
    out << "## 按规则\n\n| 规则 | 说明 | 数量 |\n|---|---|---:|\n";
    for (const auto& [rule, n] : per_rule) {
      std::string description;
      for (const Rule* r : context.rules)
        if (r->id() == rule) description = r->info().description;
      out << fmt::format("| `{}` | {} | {} |\n", rule, description, n);
    }
    out << "\n## 按文件\n\n| 文件 | 错误 | 警告 | 提示 |\n|---|---:|---:|---:|\n";
    for (const auto& [file, findings] : by_file(report)) {
      std::size_t e = 0, w = 0, i = 0;
      for (const Finding* f : findings) (f->severity == Severity::Error ? e : f->severity == Severity::Warning ? w : i)++;
      out << fmt::format("| `{}` | {} | {} | {} |\n", file, e, w, i);
    }
    out << "\n## 问题明细\n";
  }
  for (const auto& [file, findings] : by_file(report)) {
    out << fmt::format("\n### `{}`\n", file);
    for (const Finding* f : findings) {
      // A Word document has no lines: its places are paragraphs (docx.h).
      const Location& at = f->where;
      const std::string where = at.footnote > 0   ? fmt::format("脚注{}第{}字", at.footnote, at.start.column)
                                : at.paragraph > 0 ? fmt::format("第{}段第{}字", at.paragraph, at.start.column)
                                                   : fmt::format("第{}行第{}列", at.start.line, at.start.column);
      out << fmt::format("\n- **{}** · {} · `{}`：{}\n", where, to_string(f->severity), f->rule, f->message)
          << "\n  > " << marked_excerpt(f->where, "**【", "】**") << "\n";
      if (f->fix) out << fmt::format("\n  建议：{}\n", f->fix->replacement.empty() ? "删除此处断行" : "改为“" + f->fix->replacement + "”");
      for (const auto& r : f->related)
        out << fmt::format("\n  - 相关位置 `{}`：{}\n", r.where.paragraph > 0 ? brief_place(r.where) : place(r.where),
                           r.message);
    }
  }
  if (!report.input_errors.empty()) {
    out << "\n## 无法检查的文件\n\n";
    for (const auto& e : report.input_errors) out << "- `" << e.describe() << "`\n";
  }
}

}  // namespace kanwu
