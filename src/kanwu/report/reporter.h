// Writing a report: compiler-style text for people, JSON for programs.
#pragma once

#include <ostream>

#include "kanwu/engine/linter.h"

namespace kanwu {

struct FigureVocabulary;

struct TextStyle {
  bool color = false;
  bool excerpts = true;  // the source line with the span underlined
  bool summary = true;
  // Findings shown per rule and file; the rest are counted in one line
  // ("… and 465 more in this file"). 0 shows every finding.
  std::size_t max_per_rule_and_file = 0;
};

void write_text(std::ostream& out, const Report& report, const TextStyle& style);
void write_json(std::ostream& out, const Report& report);

// `kanwu figures`: the claims kanwu extracted, for an editor to inspect.
// `kanwu figures`: the claims read in each document, for checking what the
// figure rules see.
void write_figures_text(std::ostream& out, const std::vector<Document>& documents, const FigureVocabulary& vocabulary);
void write_figures_json(std::ostream& out, const std::vector<Document>& documents, const FigureVocabulary& vocabulary);

// Severity counts of a report's findings.
struct Counts {
  std::size_t info = 0, warning = 0, error = 0;
};
Counts count_findings(const Report& report);

}  // namespace kanwu
