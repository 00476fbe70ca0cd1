// SARIF, rdjson, GitLab Code Quality (JSON) and GitHub workflow commands.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "kanwu/report/formats.h"
#include "kanwu/report/reporter.h"
#include "kanwu/text/uri_path.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

using nlohmann::ordered_json;

namespace {

std::string_view sarif_level(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

ordered_json sarif_region(const Location& at) {
  return {{"startLine", at.start.line},
          {"startColumn", at.start.column},
          {"endLine", at.end.line},
          {"endColumn", at.end.column}};
}

ordered_json sarif_location(const Location& at) {
  return {{"physicalLocation",
           {{"artifactLocation", {{"uri", percent_encode_path(at.file)}}}, {"region", sarif_region(at)}}}};
}

// reviewdog's columns are UTF-8 byte columns: in Chinese text a code-point
// column would land a suggestion on the wrong character.
int rd_column(const Position& p) { return p.byte_column > 0 ? p.byte_column : p.column; }

ordered_json rd_range(const Location& at) {
  return {{"start", {{"line", at.start.line}, {"column", rd_column(at.start)}}},
          {"end", {{"line", at.end.line}, {"column", rd_column(at.end)}}}};
}

// GitHub workflow command escaping: data and property values differ.
std::string gh_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string gh_property(std::string_view s) {
  std::string out;
  for (char c : gh_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

}  // namespace

std::string fingerprint(const Finding& f) {
  // The matched text and ten characters either side, from the excerpt.
  const CodePointText cp = code_points(f.where.excerpt);
  const int start = f.where.start.column - f.where.excerpt_column;
  const int end = f.where.end.line == f.where.start.line ? f.where.end.column - f.where.excerpt_column
                                                          : static_cast<int>(cp.size());
  const auto clamp = [&](int i) { return static_cast<std::size_t>(std::clamp(i, 0, static_cast<int>(cp.size()))); };
  const std::string context = f.where.excerpt.substr(cp.offsets[clamp(start - 10)],
                                                     cp.offsets[clamp(end + 10)] - cp.offsets[clamp(start - 10)]);
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (std::string_view part : {std::string_view(f.rule), std::string_view(f.where.file), std::string_view(context)}) {
    for (unsigned char c : part) h = (h ^ c) * 1099511628211ULL;
    h = (h ^ 0xFF) * 1099511628211ULL;
  }
  return fmt::format("{:016x}", h);
}

void write_sarif(std::ostream& out, const Report& report, const ReportContext& context) {
  ordered_json rules = ordered_json::array();
  std::map<std::string, std::size_t> index;
  for (const Rule* r : context.rules) {
    const auto& info = r->info();
    index[info.id] = rules.size();
    rules.push_back({{"id", info.id},
                     {"name", info.id},
                     {"shortDescription", {{"text", info.description.empty() ? info.id : info.description}}},
                     {"fullDescription", {{"text", fmt::format("{} (kind: {})", info.description, info.kind)}}},
                     {"defaultConfiguration", {{"level", sarif_level(info.severity)}}},
                     {"help", {{"text", fmt::format("See docs/rules/{}.md; message: {}", info.kind,
                                                    info.message.source())}}}});
  }
  ordered_json results = ordered_json::array();
  for (const Finding& f : report.findings) {
    ordered_json r{{"ruleId", f.rule}};
    if (const auto it = index.find(f.rule); it != index.end()) r["ruleIndex"] = it->second;
    r["level"] = sarif_level(f.severity);
    r["message"] = {{"text", f.message}};
    r["locations"] = ordered_json::array({sarif_location(f.where)});
    if (!f.related.empty()) {
      ordered_json related = ordered_json::array();
      for (std::size_t i = 0; i < f.related.size(); ++i) {
        ordered_json loc = sarif_location(f.related[i].where);
        loc["id"] = i + 1;
        loc["message"] = {{"text", f.related[i].message}};
        related.push_back(std::move(loc));
      }
      r["relatedLocations"] = std::move(related);
    }
    if (f.fix) {
      r["fixes"] = ordered_json::array({{
          {"description", {{"text", f.fix->replacement.empty() ? "删除" : "改为“" + f.fix->replacement + "”"}}},
          {"artifactChanges",
           ordered_json::array({{{"artifactLocation", {{"uri", percent_encode_path(f.where.file)}}},
                                 {"replacements", ordered_json::array({{{"deletedRegion", sarif_region(f.fix->where)},
                                                                        {"insertedContent", {{"text", f.fix->replacement}}}}})}}})}}});
    }
    r["partialFingerprints"] = {{"kanwu/v1", fingerprint(f)}};
    results.push_back(std::move(r));
  }
  ordered_json notifications = ordered_json::array();
  for (const auto& e : report.input_errors)
    notifications.push_back({{"level", "error"}, {"message", {{"text", e.describe()}}}});
  ordered_json run{{"tool",
                    {{"driver",
                      {{"name", "kanwu"},
                       {"version", KANWU_VERSION},
                       {"rules", std::move(rules)}}}}},
                   {"columnKind", "unicodeCodePoints"},
                   {"results", std::move(results)}};
  if (!notifications.empty())
    run["invocations"] = ordered_json::array(
        {{{"executionSuccessful", false}, {"toolExecutionNotifications", std::move(notifications)}}});
  const ordered_json doc{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                         {"version", "2.1.0"},
                         {"runs", ordered_json::array({std::move(run)})}};
  out << doc.dump(2) << '\n';
}

void write_github(std::ostream& out, const Report& report) {
  for (const Finding& f : report.findings) {
    const std::string_view kind = f.severity == Severity::Error ? "error" : f.severity == Severity::Warning ? "warning" : "notice";
    out << "::" << kind << " file=" << gh_property(f.where.file) << ",line=" << f.where.start.line
        << ",col=" << f.where.start.column << ",endLine=" << f.where.end.line
        << ",endColumn=" << f.where.end.column << ",title=" << gh_property("kanwu " + f.rule)
        << "::" << gh_data(f.message) << '\n';
  }
  for (const auto& e : report.input_errors)
    out << "::error file=" << gh_property(e.path()) << ",title=kanwu::" << gh_data(e.what()) << '\n';
}

void write_rdjson(std::ostream& out, const Report& report) {
  ordered_json diagnostics = ordered_json::array();
  for (const Finding& f : report.findings) {
    ordered_json d{{"message", f.message},
                   {"location", {{"path", f.where.file}, {"range", rd_range(f.where)}}},
                   {"severity", f.severity == Severity::Error ? "ERROR" : f.severity == Severity::Warning ? "WARNING" : "INFO"},
                   {"source", {{"name", "kanwu"}}},
                   {"code", {{"value", f.rule}}}};
    if (f.fix)
      d["suggestions"] = ordered_json::array({{{"range", rd_range(f.fix->where)}, {"text", f.fix->replacement}}});
    if (!f.related.empty()) {
      ordered_json related = ordered_json::array();
      for (const auto& r : f.related)
        related.push_back({{"message", r.message}, {"location", {{"path", r.where.file}, {"range", rd_range(r.where)}}}});
      d["related_locations"] = std::move(related);
    }
    diagnostics.push_back(std::move(d));
  }
  out << ordered_json{{"source", {{"name", "kanwu"}}}, {"diagnostics", std::move(diagnostics)}}.dump(2) << '\n';
}

void write_codequality(std::ostream& out, const Report& report) {
  ordered_json issues = ordered_json::array();
  for (const Finding& f : report.findings) {
    issues.push_back({{"description", f.message},
                      {"check_name", f.rule},
                      {"fingerprint", fingerprint(f)},
                      {"severity", f.severity == Severity::Error ? "major" : f.severity == Severity::Warning ? "minor" : "info"},
                      {"location", {{"path", f.where.file},
                                    {"positions", {{"begin", {{"line", f.where.start.line}, {"column", f.where.start.column}}},
                                                   {"end", {{"line", f.where.end.line}, {"column", f.where.end.column}}}}}}}});
  }
  out << issues.dump(2) << '\n';
}

}  // namespace kanwu
