// Report formats beyond text and JSON: what CI systems, code review bots,
// issue trackers and editors' browsers expect.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "kanwu/engine/linter.h"

namespace kanwu {

// Everything a writer may need besides the findings.
struct ReportContext {
  std::vector<const Rule*> rules;  // for rule metadata (SARIF, Markdown)
};

// Names accepted by --format.
const std::vector<std::string>& report_formats();

// Writes `report` in `format` (one of report_formats()).
void write_report(std::ostream& out, const Report& report, const std::string& format,
                  const ReportContext& context);

// A fingerprint that survives edits elsewhere in the file: rule, file, the
// matched text and a little context around it — not the line number.
std::string fingerprint(const Finding& finding);

void write_sarif(std::ostream& out, const Report& report, const ReportContext& context);
void write_github(std::ostream& out, const Report& report);
void write_rdjson(std::ostream& out, const Report& report);
void write_junit(std::ostream& out, const Report& report, const ReportContext& context);
void write_checkstyle(std::ostream& out, const Report& report);
void write_codequality(std::ostream& out, const Report& report);
void write_markdown(std::ostream& out, const Report& report, const ReportContext& context);
void write_html(std::ostream& out, const Report& report, const ReportContext& context);

// Escaping shared by the XML and HTML writers.
std::string xml_escape(std::string_view text);

}  // namespace kanwu
