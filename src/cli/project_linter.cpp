#include "project_linter.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>
#include <vector>

#include "kanwu/engine/config.h"
#include "kanwu/ledger/archive.h"

namespace kanwu::cli {

namespace {

std::string describe(const RuleLoadError& e) {
  std::string text = "kanwu: 配置或规则文件有误，沿用此前的规则：";
  for (const auto& error : e.errors()) text += "\n" + error.describe();
  return text;
}

// A .kanwu.yaml caught in the middle of a save (truncated, half written)
// would be read as another configuration, or shown to the user as broken:
// wait until no write has touched it for a moment (at most about a second).
void wait_until_written(const std::string& file) {
  using std::chrono::milliseconds;
  constexpr milliseconds quiet{50};
  for (int i = 0; i < 20; ++i) {
    std::error_code ec;
    const auto written = std::filesystem::last_write_time(file, ec);
    if (ec) return;
    const auto age = std::filesystem::file_time_type::clock::now() - written;
    if (age >= quiet || age < milliseconds(0)) return;
    std::this_thread::sleep_for(quiet - age);
  }
}

}  // namespace

std::string ProjectLinter::config_stamp(const std::string& folder) const {
  const std::optional<std::string> file = config_.empty() ? find_config(folder) : std::optional(config_);
  if (!file) return "";
  std::error_code ec;
  const auto time = std::filesystem::last_write_time(*file, ec).time_since_epoch().count();
  const auto size = std::filesystem::file_size(*file, ec);
  return fmt::format("{}\n{}\n{}", *file, ec ? -1 : time, ec ? 0 : size);
}

bool ProjectLinter::configuration_changed() {
  std::lock_guard lock(configs_lock_);
  for (const auto& [folder, stamp] : config_stamps_)
    if (config_stamp(folder) != stamp) return true;
  return false;
}

std::string ProjectLinter::load() {
  // The configurations in use, each waited for until its save is done —
  // without the lock, which a page asking for the rule list also takes.
  std::vector<std::string> folders{"."};
  {
    std::lock_guard lock(configs_lock_);
    for (const auto& [folder, stamp] : config_stamps_)
      if (folder != ".") folders.push_back(folder);
  }
  for (const std::string& folder : folders)
    if (const auto file = config_.empty() ? find_config(folder) : std::optional(config_)) wait_until_written(*file);
  {
    // Stamped before reading: a save while loading is seen next time. A
    // broken file is stamped too, so it is reported once, not every second.
    std::lock_guard lock(configs_lock_);
    config_stamps_.clear();
    config_stamps_["."] = config_stamp(".");
  }
  try {
    Configs configs(config_);
    const Config& global = configs.for_path(".");
    RuleSet rules = load_configured_rules(global, rules_option_);
    std::string problem;
    for (const auto* ids : {&global.enable, &global.disable})
      for (const auto& id : *ids)
        if (!rules.find(id)) problem += "kanwu: " + global.path + ": " + id + ": no such rule (see `kanwu rules`)\n";
    std::set<std::string> known;
    for (const auto& r : rules.rules()) known.insert(r->id());
    std::vector<RuleSummary> catalogue;
    for (const auto& r : rules.rules())
      catalogue.push_back({r->id(), r->info().kind, std::string(to_string(r->info().severity)), r->info().description,
                           r->info().enabled});
    keep_wanted_rules(rules, global, {}, {});
    for (auto& r : catalogue) r.enabled = rules.find(r.id) != nullptr && !listed(global.disable, r.id);
    std::lock_guard lock(configs_lock_);
    catalogue_ = std::move(catalogue);
    rules_ = std::move(rules);
    known_ids_ = std::move(known);
    ledger_ = global.ledger_for(ledger_option_);
    configs_.emplace(std::move(configs));
    return problem;
  } catch (const RuleLoadError& e) {
    return describe(e);
  }
}

std::string ProjectLinter::ledger_problem() const {
  std::string ledger;
  {
    std::lock_guard lock(configs_lock_);
    ledger = ledger_;
  }
  if (ledger.empty()) return "";
  try {
    ledger::Ledger::open(ledger, /*create=*/false);
    return "";
  } catch (const ledger::LedgerError& e) {
    return e.what();
  }
}

std::vector<RuleSummary> ProjectLinter::catalogue() const {
  std::lock_guard lock(configs_lock_);
  return catalogue_;
}

Report ProjectLinter::check(std::vector<Document> documents, const std::atomic<bool>* cancel) {
  if (!rules_ || !configs_) return {};
  try {
    // An ignored file is no part of the corpus, as `kanwu check` skips it.
    {
      std::lock_guard lock(configs_lock_);
      // Each document's folder is watched from its first check on, which
      // reads the .kanwu.yaml that applies there.
      for (const Document& d : documents) {
        std::string folder = std::filesystem::path(d.path()).parent_path().string();
        if (folder.empty()) folder = ".";
        if (!config_stamps_.count(folder)) config_stamps_[folder] = config_stamp(folder);
      }
      std::erase_if(documents, [&](const Document& d) { return configs_->for_path(d.path()).for_file(d.path()).ignored; });
    }
    CheckOptions options;
    options.jobs = jobs_;
    options.cancel = cancel;
    options.known_rule_ids = known_ids_;
    std::optional<ledger::LedgerArchive> archive;
    std::string ledger;
    {
      std::lock_guard lock(configs_lock_);
      ledger = ledger_;
    }
    if (!ledger.empty()) {
      archive.emplace(ledger::Ledger::open(ledger, /*create=*/false));
      options.archive = &*archive;
    }
    Report report = check_documents(rules_->pointers(), documents, options);
    std::lock_guard lock(configs_lock_);
    apply_file_settings(report.findings, *configs_, *rules_, {});
    return report;
  } catch (const RuleLoadError& e) {  // a .kanwu.yaml in a subfolder
    throw std::runtime_error(describe(e));
  } catch (const ledger::LedgerError& e) {
    throw std::runtime_error("kanwu: 无法读取已发布稿件库（ledger）：" + std::string(e.what()));
  }
}

}  // namespace kanwu::cli
