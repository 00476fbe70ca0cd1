#include "check_plan.h"

#include "annotate.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <unordered_map>

#include "kanwu/doc/docx.h"
#include "kanwu/text/decode.h"
#include "project.h"

namespace kanwu::cli {

namespace fs = std::filesystem;

namespace {

// The options that contradict each other or name what is not there, before
// anything is loaded.
bool options_valid(const CheckOptions& opt) {
  if (!opt.encoding.empty() && !is_known_encoding(opt.encoding)) {
    std::cerr << "kanwu: --encoding " << opt.encoding << ": unknown character set\n";
    return false;
  }
  if (opt.fix_suggestions && !opt.fix) {
    std::cerr << "kanwu: --fix-suggestions needs --fix\n";
    return false;
  }
  if (opt.fix && opt.diff) {
    std::cerr << "kanwu: --fix and --diff cannot be combined\n";
    return false;
  }
  if (opt.annotate && (opt.fix || opt.diff)) {
    std::cerr << "kanwu: --annotate writes a reviewed copy of each Word document; it cannot be combined with "
              << (opt.fix ? "--fix" : "--diff") << '\n';
    return false;
  }
  if (opt.diff && opt.format_given && opt.format != "text") {
    std::cerr << "kanwu: --diff prints a unified diff; it cannot be combined with --format " << opt.format << '\n';
    return false;
  }
  if (!opt.output.empty()) {
    // Say why a report cannot be written before any work is done.
    const fs::path folder = fs::path(opt.output).parent_path();
    std::error_code ec;
    if (!folder.empty() && !fs::is_directory(folder, ec)) {
      std::cerr << fmt::format("kanwu: cannot write {}: the folder {} does not exist\n", opt.output, folder.string());
      return false;
    }
  }
  return true;
}

// The rules of the configuration of the first path (its `rules:` and
// `params:`), less those --disable turns off and those no file can want.
std::optional<RuleSet> load_run_rules(const CheckOptions& opt, const Config& global,
                                      std::set<std::string>& known_ids) {
  RuleSet rules;
  try {
    rules = load_configured_rules(global, opt.rules);
  } catch (const RuleLoadError& e) {
    print_load_errors(e, "no rules loaded: fix the rule file errors above");
    return std::nullopt;
  }
  for (const auto* ids : {&opt.enable, &opt.disable, &global.enable, &global.disable}) {
    for (const auto& id : *ids) {
      if (!rules.find(id)) {
        std::cerr << fmt::format("kanwu: {}: no such rule (see `kanwu rules`)\n", id);
        return std::nullopt;
      }
    }
  }
  for (const auto& r : rules.rules()) known_ids.insert(r->id());
  keep_wanted_rules(rules, global, opt.enable, opt.disable);
  return rules;
}

// Fixes are byte edits of the file checked; a Word document's text is
// extracted from XML in a zip, so there is nothing to edit them into.
// The whole run is refused, before anything is read or written, rather
// than fixing the other files and failing on these: an editor who sees
// "refused" should be able to trust that nothing changed.
bool fixes_possible(const CheckOptions& opt, const std::vector<CheckInput>& inputs) {
  if (!opt.fix && !opt.diff) return true;
  std::vector<std::string> word;
  for (const auto& input : inputs) {
    const std::string& name = input.path == "-" ? opt.stdin_filename : input.path;
    if (is_word_document(name)) word.push_back(name);
  }
  if (word.empty()) return true;
  const std::string more = word.size() > 3 ? fmt::format(" and {} more", word.size() - 3) : "";
  word.resize(std::min<std::size_t>(word.size(), 3));
  std::cerr << fmt::format("kanwu: {} cannot change Word documents ({}{}); nothing was changed. Check them "
                           "without {} and make the corrections in Word or WPS (or name only the other files)\n",
                           opt.fix ? "--fix" : "--diff", fmt::join(word, ", "), more, opt.fix ? "--fix" : "--diff");
  return false;
}

// A file's settings, by the name its findings give it. Standard input read
// under a name (--stdin-filename) has that file's; plain standard input the
// configuration's own (from the current folder, no `overrides:`).
FileSettings settings_for(const std::string& file, const CheckOptions& opt, Configs& configs) {
  if (file != "-") return configs.for_path(file).for_file(file);
  if (!opt.stdin_filename.empty()) return configs.for_path(opt.stdin_filename).for_file(opt.stdin_filename);
  const Config& c = configs.for_path(".");
  return FileSettings{c.enable, c.disable, c.severity, false};
}

std::string display_name(const std::string& file, const CheckOptions& opt) {
  return file != "-" ? file : opt.stdin_filename.empty() ? "<stdin>" : opt.stdin_filename;
}

// The files named (folders searched), less the ignored ones, each with the
// rules its settings leave on; files with the same rules share a selection.
void plan_inputs(const CheckOptions& opt, Configs& configs, CheckPlan& plan) {
  std::map<RuleSelection, const RuleSelection*> distinct;
  for (auto& file : expand_inputs(opt.paths, plan.input_errors)) {
    // A folder's NAME.kanwu.docx is the review an earlier --annotate wrote.
    const bool named = std::find(opt.paths.begin(), opt.paths.end(), file) != opt.paths.end();
    if (opt.annotate && !named && is_earlier_review(file)) continue;
    FileSettings settings = settings_for(file, opt, configs);
    if (file != "-" && settings.ignored) continue;
    RuleSelection selection(plan.rules.rules().size());
    for (std::size_t r = 0; r < selection.size(); ++r) {
      const Rule& rule = *plan.rules.rules()[r];
      selection[r] = rule_on(settings, rule.id(), &rule, opt.enable);
    }
    auto [it, added] = distinct.emplace(std::move(selection), nullptr);
    if (added) it->second = &plan.selections.emplace_back(it->first);
    plan.settings.emplace_back(display_name(file, opt), std::move(settings));
    plan.inputs.push_back({std::move(file), it->second});
  }
}

// The archive: opened before any work, so a ledger that cannot be read
// stops the run at once (and is never created by a check).
bool open_archive(const std::string& name, CheckPlan& plan) {
  if (name.empty()) return true;
  try {
    auto ledger = ledger::Ledger::open(name, /*create=*/false);
    // Checked against a part of the archive: the editor is told.
    if (const std::size_t n = ledger->documents_to_add_again())
      std::cerr << "kanwu: " << ledger->name() << ": " << n
                << " documents were recorded by an older kanwu and are not compared until `kanwu ledger add` "
                   "reads them again\n";
    plan.archive = std::make_unique<ledger::LedgerArchive>(std::move(ledger));
  } catch (const ledger::LedgerError& e) {
    std::cerr << "kanwu: " << e.what() << '\n';
    return false;
  }
  return true;
}

}  // namespace

void CheckPlan::apply_file_settings(std::vector<Finding>& findings, const std::vector<std::string>& enable) const {
  std::unordered_map<std::string_view, const FileSettings*> by_file;
  for (const auto& [name, s] : settings) by_file.emplace(name, &s);
  std::erase_if(findings, [&](Finding& f) {
    const auto it = by_file.find(f.where.file);
    return it != by_file.end() && drop_or_set_severity(f, *it->second, rules, enable);
  });
}

std::optional<CheckPlan> plan_check(const CheckOptions& opt) {
  if (!options_valid(opt)) return std::nullopt;
  CheckPlan plan;
  std::string ledger;
  try {
    Configs configs(opt.config);
    const Config& global = configs.for_path(opt.paths.empty() ? "." : opt.paths.front());
    ledger = global.ledger_for(opt.ledger, opt.no_ledger);
    auto rules = load_run_rules(opt, global, plan.known_rule_ids);
    if (!rules) return std::nullopt;
    plan.rules = std::move(*rules);
    plan_inputs(opt, configs, plan);
  } catch (const RuleLoadError& e) {
    print_load_errors(e, "configuration not loaded");
    return std::nullopt;
  }
  if (plan.inputs.empty() && plan.input_errors.empty()) {
    std::cerr << "kanwu: no files to check (kanwu reads *.txt, *.md, *.markdown, *.docx and *.odt in folders; "
                 "files matched by `ignore:` in .kanwu.yaml are skipped)\n";
    return std::nullopt;
  }
  if (!fixes_possible(opt, plan.inputs)) return std::nullopt;
  if (opt.annotate) {
    std::vector<std::string> files;
    for (const CheckInput& input : plan.inputs) files.push_back(input.path);
    if (const std::string why = annotate_refusal(files, opt.output); !why.empty()) {
      std::cerr << "kanwu: " << why << '\n';
      return std::nullopt;
    }
  }
  if (!open_archive(ledger, plan)) return std::nullopt;
  parse_severity(opt.fail_on, plan.fail_on);
  return plan;
}

}  // namespace kanwu::cli
