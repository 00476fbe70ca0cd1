// kanwu's command line: parses options, loads rules, runs the engine and
// writes the report. All checking lives in the kanwu library.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "check_command.h"
#include "init_command.h"
#include "ledger_command.h"
#include "lsp_command.h"
#include "serve_command.h"
#include "kanwu/engine/examples.h"
#include "kanwu/engine/linter.h"
#include "kanwu/figures/vocabulary.h"
#include "kanwu/report/formats.h"
#include "kanwu/report/reporter.h"
#include "kanwu/rules/kind.h"
#include "kanwu/rules/loader.h"
#include "kanwu/text/edit_distance.h"

namespace fs = std::filesystem;

namespace {

using kanwu::cli::kExitClean;
using kanwu::cli::kExitError;
using kanwu::cli::kExitFindings;

kanwu::RuleSet load_or_exit(const std::vector<std::string>& paths, const std::string& config) {
  try {
    return kanwu::cli::load_project_rules(paths, config);
  } catch (const kanwu::RuleLoadError& e) {
    kanwu::cli::print_load_errors(e, "no rules loaded: fix the rule file errors above");
    std::exit(kExitError);
  }
}

int run_rules(const std::vector<std::string>& paths, const std::string& config) {
  const kanwu::RuleSet rules = load_or_exit(paths, config);
  for (const auto& rule : rules.rules()) {
    const auto& info = rule->info();
    std::cout << fmt::format("{:<24} {:<20} {:<8} {}{}\n", info.id, info.kind,
                             kanwu::to_string(info.severity), info.description,
                             info.enabled ? "" : " (off by default)");
  }
  return kExitClean;
}

int run_test_rules(const std::vector<std::string>& paths, const std::string& config) {
  const kanwu::RuleSet rules = load_or_exit(paths, config);
  const auto results = kanwu::check_rule_examples(rules);
  for (const auto& failure : results.failures) {
    const auto& info = failure.rule->info();
    std::cout << fmt::format("{}:{}: FAIL [{}] {} example should {}: {}\n", info.file, info.line,
                             info.id, failure.should_find ? "bad" : "good",
                             failure.should_find ? "be reported" : "pass",
                             failure.example);
    for (const auto& f : failure.findings)
      std::cout << fmt::format("    reported {}:{}: {}\n", f.where.start.line, f.where.start.column,
                               f.message);
  }
  std::cout << fmt::format("{} rules, {} examples, {} failed\n", rules.rules().size(),
                           results.checked, results.failures.size());
  return results.failures.empty() ? kExitClean : kExitFindings;
}

int run_figures(const std::vector<std::string>& paths, const std::string& format, const std::string& encoding) {
  std::shared_ptr<const kanwu::FigureVocabulary> vocabulary;
  try {
    vocabulary = kanwu::FigureVocabulary::load_or_throw(kanwu::cli::default_rules_path() + "/vocabulary/figures.yaml");
  } catch (const kanwu::RuleLoadError& e) {
    kanwu::cli::print_load_errors(e, "cannot read the figure vocabulary");
    return kExitError;
  }
  std::vector<kanwu::InputError> errors;
  const auto documents = kanwu::load_documents(paths, errors, encoding);
  if (format == "json")
    kanwu::write_figures_json(std::cout, documents, *vocabulary);
  else
    kanwu::write_figures_text(std::cout, documents, *vocabulary);
  for (const auto& e : errors) std::cerr << e.describe() << '\n';
  return errors.empty() ? kExitClean : kExitError;
}

#ifndef KANWU_SERVE_IN_PROCESS
// `kanwu serve` runs as kanwu-serve, built and installed beside kanwu: the
// HTTP library initialises OpenSSL as it is loaded (about 2.5 ms, a sixth of
// checking one draft), which every `kanwu check` would otherwise pay.
int exec_serve(char** argv) {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  // Without /proc, the folder kanwu was started from, or (started as a bare
  // `kanwu`, found on PATH) kanwu-serve found on PATH as well: never a
  // kanwu-serve in the current folder.
  const bool from_path = ec && std::string_view(argv[0]).find('/') == std::string_view::npos;
  const std::string server = from_path ? "kanwu-serve" : ((ec ? fs::path(argv[0]) : self).parent_path() / "kanwu-serve").string();
  argv[0] = const_cast<char*>(server.c_str());
  if (from_path) ::execvp(server.c_str(), argv);
  else ::execv(server.c_str(), argv);
  std::cerr << fmt::format("kanwu: cannot start {}: {} (it is built and installed with kanwu)\n", server,
                           std::strerror(errno));
  return kExitError;
}
#endif

constexpr std::string_view kSubcommands[] = {"check", "rules", "test-rules", "config", "figures", "init", "lsp", "serve", "ledger"};


// `kanwu FILE…` checks the files, as `vale FILE` does; a word that is no
// file but close to a subcommand was a typo. Returns the arguments to parse,
// or an exit code in `exit_code` when the command line is wrong.
std::vector<std::string> with_default_subcommand(int argc, char** argv, int& exit_code) {
  std::vector<std::string> args(argv, argv + argc);
  if (args.size() < 2) return args;
  const std::string& first = args[1];
  if (first.starts_with("-") && first != "-") {
    // kanwu --format json draft.md: options of check before the paths.
    if (first == "-h" || first == "--help" || first == "--version") return args;
    args.insert(args.begin() + 1, "check");
    return args;
  }
  for (auto name : kSubcommands)
    if (first == name) return args;
  std::error_code ec;
  if (first == "-" || fs::exists(first, ec)) {
    args.insert(args.begin() + 1, "check");
    return args;
  }
  for (auto name : kSubcommands) {
    if (kanwu::edit_distance(first, name) <= 2) {
      std::cerr << fmt::format("kanwu: unknown command '{}'; did you mean '{}'?\n", first, name);
      exit_code = kExitError;
      return {};
    }
  }
  args.insert(args.begin() + 1, "check");  // check reports the missing file
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  int early_exit = -1;
  // `kanwu` alone shows the usage rather than "a subcommand is required",
  // and still exits 2: nothing was checked.
  const bool no_arguments = argc < 2;
  std::vector<std::string> arguments =
      argc < 2 ? std::vector<std::string>{argv[0], "--help"} : with_default_subcommand(argc, argv, early_exit);
  if (early_exit >= 0) return early_exit;
  CLI::App app{"kanwu (勘误): a consistency checker and linter for Chinese reports and news drafts\n"
               "  kanwu FILE…  is short for  kanwu check FILE…"};
  app.name("kanwu");
  app.set_version_flag("--version", std::string("kanwu ") + KANWU_VERSION);
  app.require_subcommand(1);

  kanwu::cli::CheckOptions check;
  auto* cmd_check = app.add_subcommand("check", "check files, folders (*.txt, *.md, *.markdown, Word *.docx) or - for stdin");
  cmd_check->add_option("paths", check.paths,
                        "files (plain text, Markdown, Word .docx), folders or -; a .docx is read as Word shows it "
                        "with tracked changes accepted, and places in it are named \"paragraph N, character M\"")
      ->required();
  // Repeatable options take one value each, so they never swallow the paths
  // that follow them (kanwu check --disable x file.txt).
  cmd_check->add_option("--rules", check.rules, "rule file or folder (default: bundled rules)")
      ->allow_extra_args(false);
  auto* format_option = cmd_check->add_option("--format", check.format, "output format")
      ->check(CLI::IsMember(kanwu::report_formats()));
  cmd_check->add_option("--stdin-filename", check.stdin_filename,
                        "name standard input is read as: its extension picks Markdown (draft.md), Word "
                        "(draft.docx) or plain text");
  cmd_check->add_option("-o,--output", check.output, "write the report to a file");
  cmd_check->add_option("--config", check.config, "configuration file (default: nearest .kanwu.yaml)");
  auto* ledger_option = cmd_check->add_option(
      "--ledger", check.ledger,
      "also compare with the published documents of this archive ledger (a file or a postgresql:// URL; "
      "default: `ledger:` of .kanwu.yaml)");
  cmd_check->add_flag("--no-ledger", check.no_ledger, "do not use the ledger of .kanwu.yaml")->excludes(ledger_option);
  cmd_check->add_option("--baseline", check.baseline, "report only findings not in this baseline");
  cmd_check->add_option("--write-baseline", check.write_baseline, "write the findings as a baseline");
  cmd_check->add_option("--changed-since", check.changed_since,
                        "report only findings on lines changed since a git revision");
  cmd_check->add_option("--encoding", check.encoding,
                        "decode inputs from this charset (e.g. GB18030) instead of UTF-8");
  cmd_check->add_flag("--fix", check.fix, "apply the proposed fixes in place (atomically; refused for Word .docx)");
  cmd_check->add_flag("--diff", check.diff,
                      "print every proposed change (fixes and suggestions) as a unified diff");
  cmd_check->add_flag("--fix-suggestions", check.fix_suggestions,
                      "with --fix, also write suggestions (joins, deletions) that may change the meaning");
  cmd_check->add_flag("--report-unused-disables", check.report_unused_disables,
                      "report kanwu-disable directives that suppress nothing");
  cmd_check->add_flag("--timings", check.timings, "print the time each rule took to standard error");
  cmd_check->add_option("--enable", check.enable, "run a rule that is off by default")
      ->allow_extra_args(false);
  cmd_check->add_option("--disable", check.disable, "do not run this rule")->allow_extra_args(false);
  cmd_check->add_option("--fail-on", check.fail_on, "lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  cmd_check->add_flag("-q,--quiet", check.quiet, "print no findings; only the exit code tells");
  cmd_check->add_option("--max-per-file", check.max_per_file,
                        "text output: findings shown per rule and file before \"… and N more\" (0: all)")
      ->capture_default_str();
  cmd_check->add_option("-j,--jobs", check.jobs, "worker threads (default: one per core)")
      ->check(CLI::Range(1u, 256u));
  cmd_check->add_option("--color", check.color, "colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  std::vector<std::string> rules_paths;
  std::string rules_config;
  auto* cmd_rules = app.add_subcommand("rules", "list the loaded rules (the bundled ones and the project's)");
  cmd_rules->add_option("--rules", rules_paths, "rule file or folder")->allow_extra_args(false);
  cmd_rules->add_option("--config", rules_config, "configuration file (default: nearest .kanwu.yaml)");
  auto* cmd_test = app.add_subcommand("test-rules", "run every rule's own examples");
  cmd_test->add_option("--rules", rules_paths, "rule file or folder")->allow_extra_args(false);
  cmd_test->add_option("--config", rules_config, "configuration file (default: nearest .kanwu.yaml)");

  std::string config_path = ".";
  auto* cmd_config = app.add_subcommand("config", "print the effective configuration for a path");
  cmd_config->add_option("path", config_path, "a file or folder (default: .)");
  cmd_config->add_option("--config", check.config, "configuration file");

  std::vector<std::string> figure_paths;
  std::string figure_format = "text";
  auto* cmd_figures = app.add_subcommand("figures", "print the figures (claims) kanwu reads in the files");
  cmd_figures->add_option("paths", figure_paths, "files, folders or -")->required();
  cmd_figures->add_option("--format", figure_format, "output format")
      ->check(CLI::IsMember({"text", "json"}));
  std::string figure_encoding;
  cmd_figures->add_option("--encoding", figure_encoding, "decode inputs from this charset (e.g. GB18030)");

  std::string init_folder = ".";
  bool init_force = false;
  auto* cmd_init = app.add_subcommand("init", "write a commented starter .kanwu.yaml");
  cmd_init->add_option("folder", init_folder, "where to write it (default: .)");
  cmd_init->add_flag("--force", init_force, "overwrite an existing .kanwu.yaml");

  kanwu::cli::LspOptions lsp;
  auto* cmd_lsp = app.add_subcommand("lsp", "run as a Language Server on standard input and output (for editors)");
  cmd_lsp->add_option("--rules", lsp.rules, "rule file or folder (default: bundled rules)")->allow_extra_args(false);
  cmd_lsp->add_option("--config", lsp.config, "configuration file (default: nearest .kanwu.yaml of the workspace)");
  // Editors often add --stdio to a server's command line; it is the only
  // transport there is.
  bool lsp_stdio = true;
  cmd_lsp->add_flag("--stdio", lsp_stdio, "talk over standard input and output (the default)");

  kanwu::cli::ServeOptions serve;
  auto* cmd_serve = app.add_subcommand("serve", "serve a web page (and HTTP API) for checking drafts in a browser");
  auto* host_option = cmd_serve->add_option("--host", serve.host,
                                            "address to listen on (default 127.0.0.1: this computer only)");
  cmd_serve->add_option("--port", serve.port, "port (default 7770; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  cmd_serve->add_option("--rules", serve.rules, "rule file or folder (default: bundled rules)")->allow_extra_args(false);
  cmd_serve->add_option("--config", serve.config, "configuration file (default: nearest .kanwu.yaml)");
  cmd_serve->add_option("--ledger", serve.ledger,
                        "also compare every check with this archive ledger (default: `ledger:` of .kanwu.yaml)");
  cmd_serve->add_option("--max-checks", serve.max_checks, "checks run at once; more are answered 503 (busy)")
      ->check(CLI::Range(1, 64));
  cmd_serve->add_option("--time-limit", serve.time_limit, "seconds a check may take before the answer is 503")
      ->check(CLI::Range(0.001, 3600.0))->capture_default_str();

  // `kanwu ledger`: the archive of published documents a draft is checked against.
  kanwu::cli::LedgerOptions ledger;
  auto* cmd_ledger = app.add_subcommand("ledger", "the archive ledger: published documents' figures, paragraphs and corrections");
  cmd_ledger->require_subcommand(1);
  const auto ledger_options = [&](CLI::App* sub) {
    sub->add_option("--ledger", ledger.ledger,
                    "an SQLite file (created by the first add) or a postgresql:// URL (default: ledger: in .kanwu.yaml)");
    sub->add_option("--config", ledger.config, "configuration file (default: nearest .kanwu.yaml)");
  };
  auto* cmd_ledger_add = cmd_ledger->add_subcommand("add", "record published documents (one transaction each)");
  ledger_options(cmd_ledger_add);
  cmd_ledger_add->add_option("paths", ledger.paths, "files or folders, as kanwu check takes them")->required();
  cmd_ledger_add->add_option("--published", ledger.published,
                             "publication date YYYY-MM-DD (default: the document's own date, else the file's)");
  cmd_ledger_add->add_option("--source", ledger.source, "where they were published (a paper, a site, a channel)");
  cmd_ledger_add->add_option("--name", ledger.name, "the name of the one document given (default: its path)");
  cmd_ledger_add->add_option("--encoding", ledger.encoding, "decode inputs from this charset (e.g. GB18030)");
  auto* cmd_ledger_remove = cmd_ledger->add_subcommand("remove", "remove documents (with their corrections)");
  ledger_options(cmd_ledger_remove);
  cmd_ledger_remove->add_option("names", ledger.names, "document names, as list shows them")->required();
  auto* cmd_ledger_list = cmd_ledger->add_subcommand("list", "list the documents: dates, figures, paragraphs");
  ledger_options(cmd_ledger_list);
  cmd_ledger_list->add_option("--format", ledger.format, "output format")->check(CLI::IsMember({"text", "json"}));
  auto* cmd_ledger_stats = cmd_ledger->add_subcommand("stats", "what the ledger holds, and its size");
  ledger_options(cmd_ledger_stats);
  cmd_ledger_stats->add_option("--format", ledger.format, "output format")->check(CLI::IsMember({"text", "json"}));
  auto* cmd_ledger_correct = cmd_ledger->add_subcommand("correct", "record a published correction (更正) of a figure");
  ledger_options(cmd_ledger_correct);
  cmd_ledger_correct->add_option("--document", ledger.document, "the corrected document's name")->required();
  cmd_ledger_correct->add_option("--was", ledger.was, "the text as published (16.4%)")->required();
  cmd_ledger_correct->add_option("--now", ledger.now, "the corrected text (15.4%)")->required();
  cmd_ledger_correct->add_option("--date", ledger.date, "the correction's date YYYY-MM-DD");

  try {
    std::vector<std::string> reversed(arguments.rbegin(), arguments.rend() - 1);
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 && !no_arguments ? kExitClean : kExitError;
  }
  check.format_given = format_option->count() > 0;
  if (*cmd_check) return kanwu::cli::run_check(check);
  if (*cmd_config) return kanwu::cli::run_config(config_path, check.config);
  if (*cmd_rules) return run_rules(rules_paths, rules_config);
  if (*cmd_test) return run_test_rules(rules_paths, rules_config);
  if (*cmd_figures) return run_figures(figure_paths, figure_format, figure_encoding);
  if (*cmd_init) return kanwu::cli::run_init(init_folder, init_force);
  if (*cmd_lsp) return kanwu::cli::run_lsp(lsp);
  if (*cmd_ledger_add) return kanwu::cli::run_ledger_add(ledger);
  if (*cmd_ledger_remove) return kanwu::cli::run_ledger_remove(ledger);
  if (*cmd_ledger_list) return kanwu::cli::run_ledger_list(ledger);
  if (*cmd_ledger_stats) return kanwu::cli::run_ledger_stats(ledger);
  if (*cmd_ledger_correct) return kanwu::cli::run_ledger_correct(ledger);
  serve.host_given = host_option->count() > 0;
#ifdef KANWU_SERVE_IN_PROCESS
  if (*cmd_serve) return kanwu::cli::run_serve(serve);
#else
  if (*cmd_serve) return exec_serve(argv);
#endif
  return kExitError;
}
