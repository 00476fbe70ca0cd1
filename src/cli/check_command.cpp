#include "check_command.h"

#include "kanwu/ledger/archive.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <set>
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
#include <iostream>
#include <map>

#include "kanwu/doc/docx.h"
#include "kanwu/engine/baseline.h"
#include "kanwu/engine/config.h"
#include "kanwu/engine/linter.h"
#include "kanwu/fix/apply.h"
#include "kanwu/ledger/archive.h"
#include "kanwu/report/formats.h"
#include "kanwu/report/reporter.h"
#include "kanwu/text/decode.h"
#include "annotate.h"
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

int check_or_fail(const CheckOptions& opt) {
  if (!opt.encoding.empty() && !is_known_encoding(opt.encoding)) {
    std::cerr << "kanwu: --encoding " << opt.encoding << ": unknown character set\n";
    return kExitError;
  }
  if (opt.fix_suggestions && !opt.fix) {
    std::cerr << "kanwu: --fix-suggestions needs --fix\n";
    return kExitError;
  }
  if (opt.fix && opt.diff) {
    std::cerr << "kanwu: --fix and --diff cannot be combined\n";
    return kExitError;
  }
  if (opt.annotate && (opt.fix || opt.diff)) {
    std::cerr << "kanwu: --annotate writes a reviewed copy of each Word document; it cannot be combined with "
              << (opt.fix ? "--fix" : "--diff") << '\n';
    return kExitError;
  }
  if (opt.diff && opt.format_given && opt.format != "text") {
    std::cerr << "kanwu: --diff prints a unified diff; it cannot be combined with --format " << opt.format << '\n';
    return kExitError;
  }
  if (!opt.output.empty()) {
    // Say why a report cannot be written before any work is done.
    const fs::path folder = fs::path(opt.output).parent_path();
    std::error_code ec;
    if (!folder.empty() && !fs::is_directory(folder, ec)) {
      std::cerr << fmt::format("kanwu: cannot write {}: the folder {} does not exist\n", opt.output, folder.string());
      return kExitError;
    }
  }
  std::optional<Configs> configs;
  try {
    configs.emplace(opt.config);
  } catch (const RuleLoadError& e) {
    print_load_errors(e, "configuration not loaded");
    return kExitError;
  }
  const std::string first = opt.paths.empty() ? "." : opt.paths.front();
  const Config* global = nullptr;
  try {
    global = &configs->for_path(first);
  } catch (const RuleLoadError& e) {
    print_load_errors(e, "configuration not loaded");
    return kExitError;
  }

  RuleSet rules;
  try {
    rules = load_configured_rules(*global, opt.rules);
  } catch (const RuleLoadError& e) {
    print_load_errors(e, "no rules loaded: fix the rule file errors above");
    return kExitError;
  }
  for (const auto* ids : {&opt.enable, &opt.disable, &global->enable, &global->disable}) {
    for (const auto& id : *ids) {
      if (!rules.find(id)) {
        std::cerr << fmt::format("kanwu: {}: no such rule (see `kanwu rules`)\n", id);
        return kExitError;
      }
    }
  }
  // Run every rule some file may want; per-file settings filter afterwards.
  std::set<std::string> known_ids;
  for (const auto& r : rules.rules()) known_ids.insert(r->id());
  keep_wanted_rules(rules, *global, opt.enable, opt.disable);
  Severity threshold = Severity::Warning;
  parse_severity(opt.fail_on, threshold);

  // Inputs, less the ignored ones.
  std::vector<InputError> expand_errors;
  std::vector<std::string> files;
  try {
    for (const auto& f : expand_inputs(opt.paths, expand_errors)) {
      // A folder's NAME.kanwu.docx is the review an earlier --annotate wrote.
      const bool named = std::find(opt.paths.begin(), opt.paths.end(), f) != opt.paths.end();
      if (opt.annotate && !named && is_earlier_review(f)) continue;
      if (f == "-" || !configs->for_path(f).for_file(f).ignored) files.push_back(f);
    }
  } catch (const RuleLoadError& e) {
    print_load_errors(e, "configuration not loaded");
    return kExitError;
  }

  if (files.empty() && expand_errors.empty()) {
    std::cerr << "kanwu: no files to check (kanwu reads *.txt, *.md, *.markdown, *.docx and *.odt in folders; "
                 "files matched by `ignore:` in .kanwu.yaml are skipped)\n";
    return kExitError;
  }
  // Fixes are byte edits of the file checked; a Word document's text is
  // extracted from XML in a zip, so there is nothing to edit them into.
  // The whole run is refused, before anything is read or written, rather
  // than fixing the other files and failing on these: an editor who sees
  // "refused" should be able to trust that nothing changed.
  if (opt.fix || opt.diff) {
    std::vector<std::string> word;
    for (const auto& f : files)
      if (is_word_document(f == "-" ? opt.stdin_filename : f)) word.push_back(f == "-" ? opt.stdin_filename : f);
    if (!word.empty()) {
      const std::string more = word.size() > 3 ? fmt::format(" and {} more", word.size() - 3) : "";
      word.resize(std::min<std::size_t>(word.size(), 3));
      std::cerr << fmt::format("kanwu: {} cannot change Word documents ({}{}); nothing was changed. Check them "
                               "without {} and make the corrections in Word or WPS (or name only the other files)\n",
                               opt.fix ? "--fix" : "--diff", fmt::join(word, ", "), more, opt.fix ? "--fix" : "--diff");
      return kExitError;
    }
  }

  if (opt.annotate) {
    if (const std::string why = annotate_refusal(files, opt.output); !why.empty()) {
      std::cerr << "kanwu: " << why << '\n';
      return kExitError;
    }
  }

  kanwu::CheckOptions options;
  options.jobs = opt.jobs;
  options.known_rule_ids = std::move(known_ids);
  options.stdin_filename = opt.stdin_filename;
  options.report_unused_disables = opt.report_unused_disables;
  options.encoding = opt.encoding;
  options.rule_timings = opt.timings;
  options.process_exits_after = true;  // (exit_without_freeing, below)
  options.remember_content = opt.fix || opt.diff || opt.annotate;
  // The archive: opened before any work, so a ledger that cannot be read
  // stops the run at once (and is never created by a check).
  std::unique_ptr<ledger::LedgerArchive> archive;
  if (const std::string& name = opt.ledger.empty() && !opt.no_ledger ? global->ledger : opt.ledger; !name.empty()) {
    try {
      archive = std::make_unique<ledger::LedgerArchive>(ledger::Ledger::open(name, /*create=*/false));
    } catch (const ledger::LedgerError& e) {
      std::cerr << "kanwu: " << e.what() << '\n';
      return kExitError;
    }
    options.archive = archive.get();
  }
  Progress progress;
  if (!opt.quiet) options.progress = std::ref(progress);
  Report report;
  try {
    report = check_paths(rules.pointers(), files, options);
  } catch (const ledger::LedgerError& e) {
    // The ledger failed during the run (a server gone): no report is
    // better than one that silently left the archive out.
    std::cerr << "kanwu: " << e.what() << '\n';
    return kExitError;
  }
  report.input_errors.insert(report.input_errors.begin(), expand_errors.begin(), expand_errors.end());

  // Per-file settings: disabled rules, off-by-default rules, severities.
  apply_file_settings(report.findings, *configs, rules, opt.enable);
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

  int status = kExitClean;
  bool refused = false;  // a file --fix or --diff left alone: the run ends with exit 2
  if (opt.fix || opt.diff) {
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
    // What is left to report is what was not fixed.
    std::sort(fixed.begin(), fixed.end());
    std::erase_if(report.findings, [&](const Finding& f) { return std::binary_search(fixed.begin(), fixed.end(), &f); });
  }

  // --annotate's -o is the reviewed document; the report goes to stdout.
  const std::string report_file = opt.annotate ? "" : opt.output;
  if (opt.annotate && !write_reviews(files, opt.output, report)) refused = true;

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
      write_report(out, report, opt.format, {rules.pointers()});
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
  for (const auto& f : report.findings)
    if (f.severity >= threshold) status = kExitFindings;
  return exit_without_freeing(status);
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
