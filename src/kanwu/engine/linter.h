// The check pipeline: read → decode → parse into blocks → run per-document
// rules and feed cross-document passes → collect findings, sorted.
#pragma once

#include <string>
#include <vector>

#include "kanwu/rules/loader.h"
#include "kanwu/text/decode.h"

namespace kanwu {

// A rule that failed on an input (e.g. its regex ran out of time); the run
// goes on without that rule for that document.
struct RuleProblem {
  std::string rule;
  std::string file;
  std::string message;
};

struct Report {
  std::vector<Finding> findings;  // sorted by finding_less
  std::vector<InputError> input_errors;
  std::vector<RuleProblem> rule_problems;
  std::size_t documents_checked = 0;
};

// Files to check for the given paths: files as given, directories searched
// recursively for *.txt, *.md and *.markdown (sorted), "-" for stdin.
// Missing paths become input errors.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths,
                                       std::vector<InputError>& errors);

// Reads and parses every input, keeping them all in memory (for commands
// that look at whole documents, such as `kanwu figures`).
std::vector<Document> load_documents(const std::vector<std::string>& paths,
                                     std::vector<InputError>& errors);

// Runs every rule over the files; one bad file does not stop the others.
Report check_paths(const std::vector<const Rule*>& rules, const std::vector<std::string>& paths);

// Runs every rule over documents already in memory (tests, test-rules).
Report check_documents(const std::vector<const Rule*>& rules,
                       const std::vector<Document>& documents);

}  // namespace kanwu
