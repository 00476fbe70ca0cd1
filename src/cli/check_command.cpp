#include "check_command.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <cstring>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <new>
#include <optional>
#include <iostream>
#include <map>

#include "kanwu/engine/baseline.h"
#include "kanwu/engine/config.h"
#include "kanwu/engine/linter.h"
#include "kanwu/fix/apply.h"
#include "kanwu/ledger/archive.h"
#include "kanwu/report/formats.h"
#include "kanwu/report/reporter.h"
#include "annotate.h"
#include "check_plan.h"
#include "project.h"

namespace kanwu::cli {

namespace fs = std::filesystem;

std::string default_rules_path() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  const fs::path dir = ec ? fs::current_path() : exe.parent_path();
  for (const fs::path& candidate : {dir / "rules", dir / ".." / "share" / "kanwu" / "rules"})
    if (fs::is_directory(candidate, ec)) return candidate.lexically_normal().string();
  return (dir / ".." / "share" / "kanwu" / "rules").lexically_normal().string();
}

void print_load_errors(const RuleLoadError& e, std::string_view what) {
  for (const auto& error : e.errors()) std::cerr << error.describe() << '\n';
  std::cerr << "kanwu: " << what << '\n';
}

namespace {

bool use_color(const std::string& mode, bool to_terminal) {
  if (mode == "always") return true;
  if (mode == "never" || !to_terminal) return false;
  const char* term = std::getenv("TERM");
  return !std::getenv("NO_COLOR") && term && std::string(term) != "dumb";
}

// --timings: the rules by the time they took, slowest first.
void print_timings(const Report& report) {
  std::vector<std::pair<double, std::string>> rows;
  double total = 0;
  for (const auto& [rule, seconds] : report.rule_seconds) rows.emplace_back(seconds, rule), total += seconds;
  std::sort(rows.rbegin(), rows.rend());
  std::cerr << fmt::format("{:<26} {:>9} {:>6}\n", "rule", "seconds", "share");
  for (const auto& [seconds, rule] : rows)
    std::cerr << fmt::format("{:<26} {:>9.3f} {:>5.1f}%\n", rule, seconds, total > 0 ? 100 * seconds / total : 0.0);
  std::cerr << fmt::format("{:<26} {:>9.3f}   (time spent in each rule on its thread, summed over files; the figures "
                           "are counted in the first rule that reads them)\n", "total", total);
}

// Progress on stderr, only when it is a terminal and never mixed into output.
struct Progress {
  bool on = isatty(STDERR_FILENO);
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now(), last = start;
  void operator()(std::size_t done, std::size_t total, std::size_t bytes) {
    const auto now = std::chrono::steady_clock::now();
    if (!on || (now - last < std::chrono::milliseconds(200) && done != total)) return;
    last = now;
    const double seconds = std::chrono::duration<double>(now - start).count();
    std::cerr << fmt::format("\r\x1b[Kkanwu: {}/{} files, {:.1f} MB/s", done, total,
                             seconds > 0 ? bytes / 1e6 / seconds : 0.0)
              << (done == total ? "\r\x1b[K" : "") << std::flush;
  }
};

#if defined(__SANITIZE_ADDRESS__)
#define KANWU_CHECKS_LEAKS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KANWU_CHECKS_LEAKS 1
#endif
#endif

// The check is over and the report written: the process ends here, and its
// memory (rules, word lists, findings) goes back to the system at once
// instead of being freed piece by piece, about 1 ms of the 17 ms it takes
// to check one draft (clang's -disable-free does the same). A build with
// AddressSanitizer exits normally, so that its leak check sees it all freed.
int exit_without_freeing(int status) {
#ifdef KANWU_CHECKS_LEAKS
  return status;
#else
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(status);
#endif
}

}  // namespace

RuleSet load_project_rules(const std::vector<std::string>& rules_option, const std::string& config) {
  Configs configs(config);
  return load_configured_rules(configs.for_path("."), rules_option);
}

namespace {

// What the engine is told for the plan's run.
kanwu::CheckOptions engine_options(const CheckOptions& opt, const CheckPlan& plan, Progress& progress) {
  kanwu::CheckOptions options;
  options.jobs = opt.jobs;
  options.known_rule_ids = plan.known_rule_ids;
  options.stdin_filename = opt.stdin_filename;
  options.report_unused_disables = opt.report_unused_disables;
  options.encoding = opt.encoding;
  options.rule_timings = opt.timings;
  options.process_exits_after = true;  // (exit_without_freeing, below)
  options.remember_content = opt.fix || opt.diff || opt.annotate;
  options.archive = plan.archive.get();
  if (!opt.quiet) options.progress = std::ref(progress);
  return options;
}

// The plan's run; nothing when the ledger failed during it (a server gone):
// no report is better than one that silently left the archive out.
std::optional<Report> run_plan(const CheckOptions& opt, const CheckPlan& plan) {
  Progress progress;
  try {
    Report report = check_inputs(plan.rules.pointers(), plan.inputs, engine_options(opt, plan, progress));
    report.input_errors.insert(report.input_errors.begin(), plan.input_errors.begin(), plan.input_errors.end());
    return report;
  } catch (const ledger::LedgerError& e) {
    std::cerr << "kanwu: " << e.what() << '\n';
    return std::nullopt;
  }
}

// --changed-since and --baseline drop the findings they exclude;
// --write-baseline writes them all and ends the run (its exit status is
// returned, as is any other's that ends it here).
std::optional<int> filter_by_history(const CheckOptions& opt, Report& report) {
  try {
    if (!opt.changed_since.empty()) keep_changed_since(opt.changed_since, report);
    if (!opt.write_baseline.empty()) {
      write_baseline(opt.write_baseline, report);
      // Writing a baseline accepts today's findings: that is a success.
      std::cerr << fmt::format("kanwu: wrote {} ({} finding{} accepted)\n", opt.write_baseline,
                               report.findings.size(), report.findings.size() == 1 ? "" : "s");
      for (const auto& e : report.input_errors) std::cerr << e.describe() << '\n';
      return report.input_errors.empty() ? kExitClean : kExitError;
    }
    if (!opt.baseline.empty()) apply_baseline(opt.baseline, report);
  } catch (const std::bad_alloc&) {
    throw;  // (run_check says so, with its own exit code)
  } catch (const std::exception& e) {
    std::cerr << "kanwu: " << e.what() << '\n';
    return kExitError;
  }
  return std::nullopt;
}

// --fix writes the fixes, --diff prints them; what is left to report is
// what was not fixed. `refused`: a file left alone (the run ends with exit
// 2). Returns the exit status when the run ends here (--diff, errors).
std::optional<int> apply_fixes(const CheckOptions& opt, Report& report, bool& refused) {
  std::size_t applied = 0, changed_files = 0;
  std::vector<const Finding*> fixed;
  try {
    // --fix writes only what cannot change the meaning, unless asked;
    // --diff shows every proposed change and writes nothing.
    const bool all = opt.diff || opt.fix_suggestions;
    for (auto& [file, fixes] : fixes_by_file(report.findings, all ? FixSelection::All : FixSelection::SafeOnly)) {
      const auto checked = report.checked_content.find(file);
      if (checked == report.checked_content.end()) {  // standard input: there is no file to change
        std::cerr << fmt::format("{}: fixes not applied: the text was not read from a file\n", file);
        refused = true;
        continue;
      }
      const FileFixes plan = fix_file(file, std::move(fixes), &checked->second,
                                      opt.diff ? FixMode::Preview : FixMode::Write);
      if (!plan.refused.empty()) {
        std::cerr << fmt::format("{}: fixes not applied: {}\n", plan.file, plan.refused);
        refused = refused || !plan.refusal_expected;
        continue;
      }
      if (plan.fixed == plan.original) continue;
      ++changed_files;
      applied += plan.applied.size();
      if (opt.diff) write_unified_diff(std::cout, plan.file, plan.original, plan.fixed);
      fixed.insert(fixed.end(), plan.applied.begin(), plan.applied.end());
      for (const Finding* f : plan.skipped)
        std::cerr << fmt::format("{}:{}:{}: fix not applied (overlaps another fix) [{}]\n", f->where.file,
                                 f->where.start.line, f->where.start.column, f->rule);
    }
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    std::cerr << "kanwu: " << e.what() << '\n';
    return kExitError;
  }
  if (opt.diff) {
    for (const auto& e : report.input_errors) std::cerr << e.describe() << '\n';
    if (report.out_of_memory) return kExitOutOfMemory;
    return !report.input_errors.empty() || refused ? kExitError : changed_files ? kExitFindings : kExitClean;
  }
  std::cerr << fmt::format("kanwu: applied {} fix{} in {} file{}\n", applied, applied == 1 ? "" : "es",
                           changed_files, changed_files == 1 ? "" : "s");
  if (!opt.fix_suggestions) {
    const auto suggestions = std::count_if(report.findings.begin(), report.findings.end(),
                                           [](const Finding& f) { return f.fix && !f.fix->safe(); });
    if (suggestions > 0)
      std::cerr << fmt::format("kanwu: {} suggestion{} not written (joins, deletions, replacements that may change "
                               "the meaning); review them with --diff, write them with --fix --fix-suggestions\n",
                               suggestions, suggestions == 1 ? "" : "s");
  }
  std::sort(fixed.begin(), fixed.end());
  std::erase_if(report.findings, [&](const Finding& f) { return std::binary_search(fixed.begin(), fixed.end(), &f); });
  return std::nullopt;
}

// The report (standard output, or -o), then what went wrong on standard
// error; returns the run's exit status.
int write_output(const CheckOptions& opt, const CheckPlan& plan, const Report& report, bool refused) {
  // --annotate's -o is the reviewed document; the report goes to stdout.
  const std::string report_file = opt.annotate ? "" : opt.output;
  std::ofstream file_out;
  if (!report_file.empty()) {
    file_out.open(report_file, std::ios::binary);
    if (!file_out) {
      std::cerr << "kanwu: cannot write " << report_file << ": " << std::strerror(errno) << '\n';
      return kExitError;
    }
  }
  std::ostream& out = report_file.empty() ? std::cout : file_out;
  // -q silences standard output in every format; a report asked for with
  // -o is still written.
  if (!(opt.quiet && report_file.empty())) {
    if (opt.format == "text")
      write_text(out, report,
                 {use_color(opt.color, report_file.empty() && isatty(STDOUT_FILENO)), true, true, opt.max_per_file});
    else
      write_report(out, report, opt.format, {plan.rules.pointers()});
  }
  if (file_out.is_open()) {
    file_out.close();
    if (file_out.fail()) {
      std::cerr << "kanwu: cannot write " << report_file << " (disk full?)\n";
      return kExitError;
    }
  }
  for (const auto& n : report.notices) std::cerr << n << '\n';
  if (opt.timings) print_timings(report);
  for (const auto& e : report.input_errors) std::cerr << e.describe() << '\n';
  for (const auto& p : report.rule_problems)
    std::cerr << fmt::format("{}: rule '{}' skipped: {}\n", p.file, p.rule, p.message);
  if (report.out_of_memory) return kExitOutOfMemory;
  if (!report.input_errors.empty() || !report.rule_problems.empty() || refused) return kExitError;
  const bool failed = std::any_of(report.findings.begin(), report.findings.end(),
                                  [&](const Finding& f) { return f.severity >= plan.fail_on; });
  return exit_without_freeing(failed ? kExitFindings : kExitClean);
}

// Options → plan (check_plan.h) → run → findings filtered → fixes → output.
int check_or_fail(const CheckOptions& opt) {
  const std::optional<CheckPlan> plan = plan_check(opt);
  if (!plan) return kExitError;
  std::optional<Report> run = run_plan(opt, *plan);
  if (!run) return kExitError;
  Report& report = *run;
  plan->apply_file_settings(report.findings, opt.enable);
  if (const auto status = filter_by_history(opt, report)) return *status;
  bool refused = false;  // a file --fix or --diff left alone: the run ends with exit 2
  if (opt.fix || opt.diff)
    if (const auto status = apply_fixes(opt, report, refused)) return *status;
  if (opt.annotate) {
    std::vector<std::string> files;
    for (const CheckInput& input : plan->inputs) files.push_back(input.path);
    if (!write_reviews(files, opt.output, report)) refused = true;
  }
  return write_output(opt, *plan, report, refused);
}

}  // namespace

// Running out of memory is an answer, not a crash (std::terminate's exit
// 134): a document that does not fit is reported where it is read and
// checked (check_paths), and anything else that does not fit ends the run
// here, both with their own exit code.
int run_check(const CheckOptions& opt) {
  try {
    return check_or_fail(opt);
  } catch (const std::bad_alloc&) {
    std::vector<std::string> named(opt.paths.begin(), opt.paths.begin() + std::min<std::size_t>(opt.paths.size(), 3));
    const std::string more = opt.paths.size() > 3 ? fmt::format(" and {} more", opt.paths.size() - 3) : "";
    std::cerr << fmt::format("kanwu: out of memory while checking {}{}\n",
                             named.empty() ? std::string(".") : fmt::format("{}", fmt::join(named, ", ")), more);
    return kExitOutOfMemory;
  }
}

int run_config(const std::string& path, const std::string& config) {
  try {
    Configs configs(config);
    const Config& c = configs.for_path(path);
    std::cout << c.describe();
    const FileSettings s = c.for_file(path);
    std::cout << fmt::format("for {}: {}", path, s.ignored ? "ignored\n" : "checked\n");
    for (const auto& id : s.disable) std::cout << "  disabled: " << id << '\n';
    for (const auto& id : s.enable) std::cout << "  enabled: " << id << '\n';
    for (const auto& [id, sev] : s.severity) std::cout << "  severity: " << id << " = " << to_string(sev) << '\n';
    return kExitClean;
  } catch (const RuleLoadError& e) {
    print_load_errors(e, "configuration not loaded");
    return kExitError;
  }
}

}  // namespace kanwu::cli
