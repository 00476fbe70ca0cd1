#include <nlohmann/json.hpp>

#include "kanwu/report/reporter.h"

namespace kanwu {

namespace {

using nlohmann::ordered_json;

ordered_json span(const Location& where) {
  ordered_json j = {{"file", where.file},
                    {"line", where.start.line},
                    {"column", where.start.column},
                    {"end_line", where.end.line},
                    {"end_column", where.end.column}};
  // Word documents: line and column are in the extracted text (one line a
  // paragraph); these name the paragraph as the editor sees it.
  if (where.footnote > 0) j["footnote"] = where.footnote;
  if (where.paragraph > 0) j["paragraph"] = where.paragraph;
  return j;
}

}  // namespace

void write_json(std::ostream& out, const Report& report) {
  ordered_json findings = ordered_json::array();
  for (const Finding& f : report.findings) {
    ordered_json j;
    j["rule"] = f.rule;
    j["severity"] = to_string(f.severity);
    const ordered_json where = span(f.where);
    for (const auto& [key, value] : where.items()) j[key] = value;
    j["message"] = f.message;
    j["related"] = ordered_json::array();
    for (const auto& r : f.related) {
      ordered_json rel = span(r.where);
      rel["message"] = r.message;
      j["related"].push_back(std::move(rel));
    }
    if (f.fix) {
      ordered_json fix = {{"replacement", f.fix->replacement}, {"safe", f.fix->safe()}};
      const ordered_json fix_where = span(f.fix->where);
      for (const auto& [key, value] : fix_where.items())
        if (key != "file") fix[key] = value;
      j["fix"] = std::move(fix);
    }
    findings.push_back(std::move(j));
  }
  ordered_json errors = ordered_json::array();
  for (const auto& e : report.input_errors) {
    ordered_json j{{"file", e.path()}, {"message", e.what()}};
    if (e.line() > 0) j["line"] = e.line(), j["column"] = e.column();
    errors.push_back(std::move(j));
  }
  for (const auto& p : report.rule_problems)
    errors.push_back({{"file", p.file}, {"rule", p.rule}, {"message", p.message}});
  const Counts c = count_findings(report);
  ordered_json doc;
  doc["version"] = 1;
  doc["findings"] = std::move(findings);
  doc["errors"] = std::move(errors);
  doc["summary"] = {{"files", report.documents_checked},
                    {"findings", report.findings.size()},
                    {"error", c.error},
                    {"warning", c.warning},
                    {"info", c.info}};
  out << doc.dump(2) << '\n';
}

}  // namespace kanwu
