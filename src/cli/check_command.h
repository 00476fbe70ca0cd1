// `kanwu check` and `kanwu config`: the plan (check_plan.h: options checked,
// configuration, rules, files and the rules that run on each), the run,
// post-filters (severities, changed lines, baseline), fixes, output.
#pragma once

#include <string>

#include "kanwu/rules/loader.h"
#include <string_view>
#include <vector>

#include "kanwu/rules/load_error.h"

namespace kanwu::cli {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;  // usage, rule-file, configuration or input errors
constexpr int kExitOutOfMemory = 3;  // a document, or the run, did not fit in memory

struct CheckOptions {
  std::vector<std::string> paths;
  std::vector<std::string> rules;
  std::vector<std::string> enable, disable;
  std::string format = "text";
  std::string output;
  std::string config;
  std::string baseline, write_baseline;
  std::string changed_since;
  // The archive ledger the drafts are compared with (--ledger), else the
  // configuration's `ledger:` unless no_ledger (--no-ledger).
  std::string ledger;
  bool no_ledger = false;
  std::string encoding;
  std::string fail_on = "warning";
  std::string color = "auto";
  bool quiet = false;
  bool format_given = false;       // --format was on the command line
  std::string stdin_filename;      // --stdin-filename
  // Text output: findings shown per rule and file before "… and N more".
  std::size_t max_per_file = 10;
  bool fix = false, diff = false;
  bool fix_suggestions = false;  // --fix also writes suggestions (joins, deletions)
  bool annotate = false;         // --annotate: reviewed .docx copies (-o names the one)
  bool report_unused_disables = false;
  bool timings = false;  // --timings: time per rule on standard error
  unsigned jobs = 0;
};

int run_check(const CheckOptions& options);
int run_config(const std::string& path, const std::string& config);

// Prints rule-file or configuration errors, then what was not loaded.
void print_load_errors(const RuleLoadError& e, std::string_view what);

// The bundled rules: beside the binary in the build tree, under
// share/kanwu/rules after `cmake --install`.
std::string default_rules_path();

// The rules a project uses (for `kanwu rules` and `kanwu test-rules`): the
// --rules paths, or the bundled rules plus the `rules:` and `params:` of the
// configuration (`config`, else the nearest .kanwu.yaml from the current
// folder). Throws RuleLoadError.
RuleSet load_project_rules(const std::vector<std::string>& rules_option, const std::string& config);

}  // namespace kanwu::cli
