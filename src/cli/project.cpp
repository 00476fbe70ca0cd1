#include "project.h"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "check_command.h"

namespace kanwu::cli {

namespace fs = std::filesystem;

namespace {

std::string folder_of(const std::string& path) {
  if (path == "-") return ".";
  std::error_code ec;
  if (fs::is_directory(path, ec)) return path;
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

}  // namespace

Configs::Configs(const std::string& forced) {
  if (!forced.empty()) forced_ = load_config(forced);
}

const Config& Configs::for_path(const std::string& path) {
  if (forced_) return *forced_;
  const std::string dir = folder_of(path);
  if (auto it = by_dir_.find(dir); it != by_dir_.end()) return it->second;
  const auto found = find_config(dir);
  return by_dir_.emplace(dir, found ? load_config(*found) : Config{}).first->second;
}

bool listed(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

RuleSet load_configured_rules(const Config& global, const std::vector<std::string>& rules_option) {
  std::vector<std::string> paths = rules_option.empty() ? std::vector<std::string>{default_rules_path()} : rules_option;
  paths.insert(paths.end(), global.rule_paths.begin(), global.rule_paths.end());
  return load_rules(paths, RuleOverrides{global.params, global.path, global.content});
}

void keep_wanted_rules(RuleSet& rules, const Config& global, const std::vector<std::string>& enable,
                       const std::vector<std::string>& disable) {
  std::vector<std::string> wanted = enable;
  wanted.insert(wanted.end(), global.enable.begin(), global.enable.end());
  for (const auto& o : global.overrides) wanted.insert(wanted.end(), o.enable.begin(), o.enable.end());
  rules.filter([&](const Rule& r) {
    if (listed(disable, r.id())) return false;
    return r.info().enabled || listed(wanted, r.id());
  });
}

bool rule_on(const FileSettings& s, const std::string& id, const Rule* rule, const std::vector<std::string>& enable) {
  const bool enabled = listed(enable, id) || listed(s.enable, id) || !rule || rule->info().enabled;
  return enabled && !(listed(s.disable, id) && !listed(enable, id));
}

bool drop_or_set_severity(Finding& f, const FileSettings& s, const RuleSet& rules,
                          const std::vector<std::string>& enable) {
  if (!rule_on(s, f.rule, rules.find(f.rule), enable)) return true;
  if (const auto it = s.severity.find(f.rule); it != s.severity.end()) f.severity = it->second;
  return false;
}

void apply_file_settings(std::vector<Finding>& findings, Configs& configs, const RuleSet& rules,
                         const std::vector<std::string>& enable) {
  // A file's settings are worked out once (they resolve paths, which costs
  // system calls), not once per finding: a run may have 100,000 findings.
  std::unordered_map<std::string, FileSettings> by_file;
  std::erase_if(findings, [&](Finding& f) {
    if (f.where.file == "<stdin>") return false;
    auto it = by_file.find(f.where.file);
    if (it == by_file.end())
      it = by_file.emplace(f.where.file, configs.for_path(f.where.file).for_file(f.where.file)).first;
    return drop_or_set_severity(f, it->second, rules, enable);
  });
}

}  // namespace kanwu::cli
