// What `kanwu check` will do, decided before any file is read (as ripgrep
// turns its parsed arguments into a validated plan before searching): the
// options checked, the configuration of each file found, the rules loaded,
// and for each file the rules that run on it. A rule switched off for a
// file — by --disable, or in .kanwu.yaml globally, per file or per glob —
// is not run there, so it costs nothing, its analyses included.
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "check_command.h"
#include "kanwu/engine/config.h"
#include "kanwu/engine/linter.h"
#include "kanwu/ledger/archive.h"
#include "kanwu/rules/loader.h"

namespace kanwu::cli {

struct CheckPlan {
  // The rules some file may run (those --disable turns off are not loaded
  // into the run), in the rule files' order; every finding's rule is one of
  // them or a directive check.
  RuleSet rules;
  std::set<std::string> known_rule_ids;  // every rule loaded, on or off
  // The files to check (ignored ones left out), each with the rules that
  // run on it: one of `selections`, indexed as `rules`.
  std::vector<CheckInput> inputs;
  std::deque<RuleSelection> selections;  // distinct ones (a deque: inputs point into it)
  // Each input's settings (severities; the directive checks' switches), by
  // the name its findings give it.
  std::vector<std::pair<std::string, FileSettings>> settings;
  std::vector<InputError> input_errors;  // paths named that are not there
  Severity fail_on = Severity::Warning;
  // The archive the cross-document rules compare the files with (--ledger,
  // else the configuration's `ledger:`), opened; null without one.
  std::unique_ptr<ledger::LedgerArchive> archive;

  // Drops findings whose rule is off for their file (the directive checks:
  // the rules' findings were never made) and sets the files' severities.
  void apply_file_settings(std::vector<Finding>& findings, const std::vector<std::string>& enable) const;
};

// Checks the options, loads the configuration and the rules, finds the files,
// decides what runs on each and opens the ledger; or says on standard error why it cannot
// (the run then exits with kExitError) and returns nothing. Reads no file's
// text. Throws std::bad_alloc.
std::optional<CheckPlan> plan_check(const CheckOptions& options);

}  // namespace kanwu::cli
