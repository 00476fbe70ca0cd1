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

// `value` dumped as it would be at `depth` (two spaces a level) inside an
// enclosing document.
std::string dump_at(const ordered_json& value, int depth) {
  // Invalid UTF-8 (a file name from another system) is replaced rather than
  // thrown on: the report is streamed, and must not stop half-way.
  std::string text = value.dump(2, ' ', false, ordered_json::error_handler_t::replace);
  const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

}  // namespace

// Written finding by finding (the same bytes as dumping one document): a run
// with 100,000 findings would otherwise hold them all twice more, as JSON
// values and as one string.
void write_json(std::ostream& out, const Report& report) {
  out << "{\n  \"version\": 1,\n  \"findings\": ";
  if (report.findings.empty()) out << "[]";
  for (std::size_t k = 0; k < report.findings.size(); ++k) {
    const Finding& f = report.findings[k];
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
    out << (k == 0 ? "[\n    " : ",\n    ") << dump_at(j, 2);
  }
  if (!report.findings.empty()) out << "\n  ]";
  ordered_json errors = ordered_json::array();
  for (const auto& e : report.input_errors) {
    ordered_json j{{"file", e.path()}, {"message", e.what()}};
    if (e.line() > 0) j["line"] = e.line(), j["column"] = e.column();
    errors.push_back(std::move(j));
  }
  for (const auto& p : report.rule_problems)
    errors.push_back({{"file", p.file}, {"rule", p.rule}, {"message", p.message}});
  const Counts c = count_findings(report);
  const ordered_json summary = {{"files", report.documents_checked},
                                {"findings", report.findings.size()},
                                {"error", c.error},
                                {"warning", c.warning},
                                {"info", c.info}};
  out << ",\n  \"errors\": " << dump_at(errors, 1) << ",\n  \"summary\": " << dump_at(summary, 1) << "\n}\n";
}

}  // namespace kanwu
