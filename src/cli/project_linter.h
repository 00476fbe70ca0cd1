// The project as `kanwu check` run in the current folder sees it — the
// nearest .kanwu.yaml (or --config), its rules, params and per-file
// settings — for the long-running commands (`kanwu lsp`, `kanwu serve`),
// which load it once and check many in-memory documents against it.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kanwu/engine/linter.h"
#include "lsp/server.h"
#include "project.h"

namespace kanwu::cli {

// A rule as GET /api/rules lists it. `enabled`: it runs in this project
// (on by default, or enabled by the configuration).
struct RuleSummary {
  std::string id, kind, severity, description;
  bool enabled = true;
};

class ProjectLinter : public lsp::Linter {
 public:
  // `rules`: --rules paths (empty: the bundled rules); `config`: --config.
  // `jobs`: worker threads per check (0: one per core).
  // `ledger`: --ledger (empty: the configuration's `ledger:`, if any).
  ProjectLinter(std::vector<std::string> rules, std::string config, unsigned jobs = 0, std::string ledger = "")
      : rules_option_(std::move(rules)), config_(std::move(config)), jobs_(jobs), ledger_option_(std::move(ledger)) {}

  // "" or what went wrong; on failure the rules loaded before stay.
  std::string load() override;
  // Safe to call from several threads at once once load() has returned
  // (the HTTP server checks requests in parallel): rules are read-only
  // while checking and the configuration cache is behind a lock.
  Report check(std::vector<Document> documents) override { return check(std::move(documents), nullptr); }
  // The same, stopping early (an incomplete report) once `cancel` is true.
  Report check(std::vector<Document> documents, const std::atomic<bool>* cancel);

  // "" when there is no ledger or it opens; else why it does not.
  std::string ledger_problem() const;

  // Every rule loaded, those off here included.
  std::vector<RuleSummary> catalogue() const;

  // Whether the .kanwu.yaml of the current folder, or of a folder of a
  // document checked since, changed on disk since load() read it.
  bool configuration_changed() override;

 private:
  std::vector<std::string> rules_option_;
  std::string config_;
  unsigned jobs_;
  std::string ledger_option_;
  // The archive ledger each check also compares with ("" for none): opened
  // per check, as checks run on several threads and a connection serves one.
  std::string ledger_;
  std::optional<RuleSet> rules_;
  std::optional<Configs> configs_;
  mutable std::mutex configs_lock_;  // Configs caches per folder on first lookup
  std::set<std::string> known_ids_;
  std::vector<RuleSummary> catalogue_;
  // Folder → the .kanwu.yaml that applies there as last read (path, time,
  // size), or --config's; under configs_lock_.
  std::map<std::string, std::string> config_stamps_;
  std::string config_stamp(const std::string& folder) const;
};

}  // namespace kanwu::cli
