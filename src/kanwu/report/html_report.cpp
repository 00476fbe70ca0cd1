// One self-contained HTML file: every document with findings shown in place,
// a side list filterable by rule and severity, related locations as links.
// No network, no external scripts or styles.
#include <fmt/format.h>

#include <map>
#include <set>

#include "kanwu/report/formats.h"
#include "kanwu/report/html_style.h"
#include "kanwu/report/reporter.h"
#include "kanwu/text/decode.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

constexpr std::string_view kStyle = R"(
body{margin:0;font:15px/1.7 "Noto Sans CJK SC","Source Han Sans SC",sans-serif;display:flex;height:100vh}
#side{width:32%;overflow:auto;border-right:1px solid #ccc;padding:8px 12px;box-sizing:border-box;background:#fafafa}
#docs{flex:1;overflow:auto;padding:8px 16px}
h1{font-size:18px;margin:4px 0}h2{font-size:16px;margin:16px 0 4px;position:sticky;top:0;background:#fff}
.line{white-space:pre-wrap;word-break:break-all}.ln{display:inline-block;width:3.5em;color:#999;text-align:right;margin-right:8px;user-select:none}
.filters label{margin-right:10px;white-space:nowrap}
)";

constexpr std::string_view kScript = R"(
function applyFilters(){
  var off={};document.querySelectorAll('.filters input').forEach(function(c){if(!c.checked)off[c.value]=1;});
  document.querySelectorAll('[data-rule]').forEach(function(e){
    var hide=off['rule:'+e.dataset.rule]||off['severity:'+e.dataset.severity];
    e.classList.toggle('hidden',!!hide);});}
document.querySelectorAll('.filters input').forEach(function(c){c.addEventListener('change',applyFilters);});
)";

std::string esc(std::string_view s) { return xml_escape(s); }

// Byte offset of a (line, column) position in text.
std::size_t offset_of(const SourceText& src, const Position& p) {
  if (p.line < 1 || p.line > src.line_count()) return src.text().size();
  const std::size_t start = src.line_start(p.line);
  const std::string_view line = src.line_text(p.line);
  std::size_t i = 0;
  for (int c = 1; c < p.column && i < line.size(); ++c) i += utf8::sequence_length(line[i]);
  return start + i;
}

}  // namespace

void write_html(std::ostream& out, const Report& report, const ReportContext&) {
  std::map<std::string, std::vector<std::size_t>> files;  // file → finding indexes
  for (std::size_t i = 0; i < report.findings.size(); ++i) files[report.findings[i].where.file].push_back(i);
  std::map<std::string, std::size_t> doc_ids;
  for (const auto& [file, _] : files) doc_ids.emplace(file, doc_ids.size());
  // Related places may lie in files without findings of their own.
  for (const Finding& f : report.findings)
    for (const auto& r : f.related) doc_ids.emplace(r.where.file, doc_ids.size()), files[r.where.file];

  std::set<std::string> rules;
  std::set<std::string> severities;
  for (const Finding& f : report.findings) rules.insert(f.rule), severities.insert(std::string(to_string(f.severity)));
  const Counts c = count_findings(report);

  out << "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>kanwu 勘误报告</title><style>"
      << kStyle << html::kFindingStyle << "</style></head><body>\n<div id=\"side\"><h1>kanwu 勘误报告</h1>\n"
      << fmt::format("<p>{} 个文件，{} 处问题（{} {}，{} {}，{} {}）</p>\n", report.documents_checked,
                     report.findings.size(), html::kErrorLabel, c.error, html::kWarningLabel, c.warning,
                     html::kInfoLabel, c.info)
      << "<div class=\"filters\"><b>规则</b><br>";
  for (const auto& r : rules)
    out << fmt::format("<label><input type=\"checkbox\" checked value=\"rule:{0}\"> {0}</label> ", esc(r));
  out << "<br><b>级别</b><br>";
  for (const auto& s : severities)
    out << fmt::format("<label><input type=\"checkbox\" checked value=\"severity:{0}\"> {0}</label> ", esc(s));
  out << "</div>\n";
  const auto line_anchor = [&](const Location& at) {
    return fmt::format("d{}-L{}", doc_ids.at(at.file), at.start.line);
  };
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    const std::string sev(to_string(f.severity));
    out << fmt::format("<div class=\"finding {0}\" data-rule=\"{1}\" data-severity=\"{0}\">"
                       "<a href=\"#f{2}\">{3}:{4}:{5}</a> <span class=\"rule\">[{1}]</span><br>{6}",
                       sev, esc(f.rule), i, esc(f.where.file), f.where.start.line, f.where.start.column,
                       esc(f.message));
    // The change kanwu proposes: a fix plain --fix writes, or a suggestion.
    if (f.fix)
      out << fmt::format("<br><span class=\"fix\">{}：{}</span>", f.fix->safe() ? html::kSafeFixLabel : html::kSuggestionLabel,
                         esc(f.fix->describe()));
    for (const auto& r : f.related)
      out << fmt::format("<br>↳ <a href=\"#{}\">{}:{}</a> {}", line_anchor(r.where), esc(r.where.file),
                         r.where.start.line, esc(r.message));
    out << "</div>\n";
  }
  out << "</div>\n<div id=\"docs\">\n";

  for (const auto& [file, indexes] : files) {
    const std::size_t id = doc_ids.at(file);
    std::optional<SourceText> src;
    try {
      src.emplace(is_word_document(file) ? SourceText(file, extract_word_text(file, read_input(file)).text)
                                         : decode_source(file, read_input(file)));
    } catch (const InputError&) {
      continue;  // stdin or a file gone since: nothing to show
    }
    // Cut the text at every span boundary; each piece carries the findings
    // that cover it.
    std::map<std::size_t, std::vector<std::pair<std::size_t, bool>>> edges;  // offset → (finding, opens)
    for (std::size_t i : indexes) {
      const Finding& f = report.findings[i];
      std::size_t b = offset_of(*src, f.where.start), e = offset_of(*src, f.where.end);
      if (e <= b) e = std::min(src->text().size(), b + 1);
      edges[b].push_back({i, true});
      edges[e].push_back({i, false});
    }
    out << fmt::format("<h2 id=\"d{}\">{}</h2>\n", id, esc(file));
    std::set<std::size_t> active;
    std::set<std::size_t> anchored;
    auto edge = edges.begin();
    const std::string_view text = src->text();
    for (int line = 1; line <= src->line_count(); ++line) {
      const std::size_t ls = src->line_start(line), le = ls + src->line_text(line).size();
      out << fmt::format("<div class=\"line\" id=\"d{}-L{}\"><span class=\"ln\">{}</span>", id, line, line);
      std::size_t pos = ls;
      const auto flush = [&](std::size_t to) {
        if (to <= pos) return;
        const std::string piece = esc(text.substr(pos, to - pos));
        if (active.empty()) {
          out << piece;
        } else {
          const Finding& top = report.findings[*active.rbegin()];
          std::string ids;
          for (std::size_t a : active) {
            if (anchored.insert(a).second) out << fmt::format("<a id=\"f{}\"></a>", a);
            ids += fmt::format("{} ", a);
          }
          out << fmt::format("<mark class=\"{}\" data-rule=\"{}\" data-severity=\"{}\" title=\"{}\">{}</mark>",
                             to_string(top.severity), esc(top.rule), to_string(top.severity), esc(top.message), piece);
        }
        pos = to;
      };
      while (edge != edges.end() && edge->first <= le) {
        flush(edge->first);
        for (const auto& [i, opens] : edge->second) opens ? (void)active.insert(i) : (void)active.erase(i);
        ++edge;
      }
      flush(le);
      out << "</div>\n";
    }
  }
  out << "</div>\n<script>" << kScript << "</script>\n</body></html>\n";
}

}  // namespace kanwu
