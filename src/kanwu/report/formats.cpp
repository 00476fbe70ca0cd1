#include "kanwu/report/formats.h"

#include <stdexcept>

#include "kanwu/report/reporter.h"

namespace kanwu {

const std::vector<std::string>& report_formats() {
  static const std::vector<std::string> formats{"text",       "json",        "sarif",
                                                "github",     "rdjson",      "junit",
                                                "checkstyle", "codequality", "markdown",
                                                "html"};
  return formats;
}

void write_report(std::ostream& out, const Report& report, const std::string& format,
                  const ReportContext& context) {
  if (format == "json") return write_json(out, report);
  if (format == "sarif") return write_sarif(out, report, context);
  if (format == "github") return write_github(out, report);
  if (format == "rdjson") return write_rdjson(out, report);
  if (format == "junit") return write_junit(out, report, context);
  if (format == "checkstyle") return write_checkstyle(out, report);
  if (format == "codequality") return write_codequality(out, report);
  if (format == "markdown") return write_markdown(out, report, context);
  if (format == "html") return write_html(out, report, context);
  throw std::invalid_argument("unknown report format: " + format);
}

}  // namespace kanwu
