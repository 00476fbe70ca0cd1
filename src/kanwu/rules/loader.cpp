#include "kanwu/rules/loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "kanwu/rules/kind.h"
#include "kanwu/rules/params.h"
#include "kanwu/rules/yaml_cache.h"
#include "kanwu/text/read_file.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace fs = std::filesystem;

const Rule* RuleSet::find(std::string_view id) const {
  for (const auto& rule : rules_)
    if (rule->id() == id) return rule.get();
  return nullptr;
}

std::vector<const Rule*> RuleSet::pointers() const {
  std::vector<const Rule*> out;
  for (const auto& rule : rules_) out.push_back(rule.get());
  return out;
}

namespace {

const std::vector<std::string> kCommonKeys{"id",    "kind",  "severity", "message",
                                           "description", "scope", "examples", "enabled"};

bool valid_rule_id(std::string_view id) {
  if (id.empty()) return false;
  for (const char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
      return false;
  return true;
}

class FileLoader {
 public:
  // `from_file`: `file` names a file whose parsed YAML may be cached
  // (rules/yaml_cache.h), not a made-up name for text from elsewhere.
  FileLoader(std::string file, std::string content, std::vector<LoadError>& errors,
             const RuleOverrides& overrides = {}, bool from_file = true)
      : file_(std::move(file)), content_(std::move(content)), errors_(errors), overrides_(overrides),
        from_file_(from_file) {}

  void load(std::vector<std::unique_ptr<Rule>>& out) {
    if (utf8::first_invalid(content_) != std::string::npos) {
      errors_.push_back({file_, 0, 0, "rule file is not valid UTF-8"});
      return;
    }
    YAML::Node root;
    try {
      root = load_yaml(content_, from_file_ ? file_ : std::string());
    } catch (const YAML::Exception& e) {
      errors_.push_back(make_load_error(file_, content_, e.mark, "YAML syntax error: " + e.msg));
      return;
    }
    if (!root.IsMap()) {
      errors_.push_back(make_load_error(file_, content_, root.Mark(),
                                        "a rule file must be a mapping with a 'rules:' list"));
      return;
    }
    for (const auto& kv : root) {
      if (kv.first.Scalar() != "rules")
        error(kv.first.Mark(), fmt::format("unknown top-level key '{}' (expected 'rules')",
                                           kv.first.Scalar()));
    }
    const YAML::Node rules = root["rules"];
    if (!rules) {
      error(root.Mark(), "missing 'rules:' list");
      return;
    }
    if (!rules.IsSequence()) {
      error(rules.Mark(), "'rules' must be a list of rules");
      return;
    }
    for (const auto& node : rules) load_rule(node, out);
  }

 private:
  void error(const YAML::Mark& mark, std::string message) {
    errors_.push_back(make_load_error(file_, content_, mark, std::move(message)));
  }

  void load_rule(const YAML::Node& original, std::vector<std::unique_ptr<Rule>>& out) {
    if (!original.IsMap()) {
      error(original.Mark(), "each rule must be a mapping with id, kind, severity and message");
      return;
    }
    // Configuration may override a rule's parameters by id.
    YAML::Node node = original;
    YAML::Node overridden;
    if (const YAML::Node id = original["id"]; id && id.IsScalar()) {
      if (const auto it = overrides_.params.find(id.Scalar()); it != overrides_.params.end()) {
        node = YAML::Clone(original);
        for (const auto& kv : it->second) node[kv.first.Scalar()] = kv.second;
        overridden = it->second;
      }
    }
    const std::size_t errors_before = errors_.size();
    ParamReader params(node, file_, content_, errors_);
    if (overridden) params.set_overrides(overridden, overrides_.file, overrides_.content);
    RuleInfo info;
    info.file = file_;
    info.line = node.Mark().line + 1;
    info.id = params.required_string("id");
    if (!info.id.empty() && !valid_rule_id(info.id))
      params.error_at("id", fmt::format("rule id '{}' may use only letters, digits, '-', '_' and '.'",
                                        info.id));
    info.kind = params.required_string("kind");
    const RuleKind* kind = info.kind.empty() ? nullptr : find_rule_kind(info.kind);
    if (!info.kind.empty() && !kind) {
      std::string known;
      for (const RuleKind* k : rule_kinds()) {
        if (!known.empty()) known += ", ";
        known += k->name;
      }
      params.error_at("kind", fmt::format("unknown rule kind '{}'; known kinds: {}", info.kind, known));
    }
    const std::string severity = params.required_string("severity");
    if (!severity.empty() && !parse_severity(severity, info.severity))
      params.error_at("severity", fmt::format("severity must be info, warning or error, not '{}'",
                                              severity));
    info.description = params.optional_string("description").value_or("");
    info.enabled = params.boolean("enabled", true);
    const std::string message = params.required_string("message");
    if (kind) {
      std::string problem;
      if (!info.message.parse(message, kind->message_vars, problem))
        params.error_at("message", problem);
      info.scope = kind->default_scope;
    }
    if (params.has("scope")) {
      info.scope.clear();
      for (const std::string& name : params.strings("scope")) {
        BlockKind block_kind;
        if (parse_block_kind(name, block_kind))
          info.scope.push_back(block_kind);
        else
          params.error_at("scope", fmt::format("unknown scope '{}'; use heading, byline, caption, "
                                               "list-item, furniture or body",
                                               name));
      }
    }
    read_examples(node, info.examples);
    params.consume("examples");
    if (!kind) {
      for (const auto& key : kCommonKeys) params.consume(key);
      return;  // cannot check kind-specific keys without the kind
    }
    std::unique_ptr<Rule> rule = kind->create(std::move(info), params);
    params.reject_unknown_keys(kind->name);
    if (errors_.size() == errors_before && rule) out.push_back(std::move(rule));
  }

  void read_examples(const YAML::Node& node, RuleExamples& examples) {
    const YAML::Node ex = node["examples"];
    if (!ex) return;
    if (!ex.IsMap()) {
      error(ex.Mark(), "'examples' must be a mapping with 'bad' and 'good' lists");
      return;
    }
    for (const auto& kv : ex) {
      const std::string key = kv.first.Scalar();
      std::vector<std::string>* target =
          key == "bad" ? &examples.bad : key == "good" ? &examples.good : nullptr;
      if (!target) {
        error(kv.first.Mark(), fmt::format("unknown key '{}' in examples (use bad, good)", key));
        continue;
      }
      if (!kv.second.IsSequence()) {
        error(kv.second.Mark(), fmt::format("examples.{} must be a list of strings", key));
        continue;
      }
      for (const auto& item : kv.second) {
        if (!item.IsScalar()) {
          error(item.Mark(), fmt::format("examples.{} must be a list of strings", key));
        } else if (item.Scalar().find('\0') != std::string::npos ||
                   utf8::first_invalid(item.Scalar()) != std::string::npos) {
          // Examples are checked as documents; a NUL ("\0") or a bad escape
          // would make one a binary file (found by fuzzing).
          error(item.Mark(), fmt::format("examples.{} must be text (no NUL, valid UTF-8)", key));
        } else {
          target->push_back(item.Scalar());
        }
      }
    }
  }

  std::string file_;
  std::string content_;
  std::vector<LoadError>& errors_;
  const RuleOverrides& overrides_;
  bool from_file_;
};

std::vector<std::string> rule_files(const std::string& path, std::vector<LoadError>& errors) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    errors.push_back({path, 0, 0, "rule path does not exist"});
    return {};
  }
  if (!fs::is_directory(path, ec)) return {path};
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const auto& entry = *it;
    // vocabulary/ holds data files that rules name (word lists, indicator
    // synonyms), not rules.
    if (entry.is_directory() && entry.path().filename() == "vocabulary") {
      it.disable_recursion_pending();
      continue;
    }
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml"))
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) errors.push_back({path, 0, 0, "rule folder contains no *.yaml files"});
  return files;
}

void check_duplicate_ids(const std::vector<std::unique_ptr<Rule>>& rules,
                         std::vector<LoadError>& errors) {
  std::map<std::string, const Rule*> seen;
  for (const auto& rule : rules) {
    const auto [it, inserted] = seen.emplace(rule->id(), rule.get());
    if (!inserted)
      errors.push_back({rule->info().file, rule->info().line, 1,
                        fmt::format("duplicate rule id '{}' (first defined at {}:{})", rule->id(),
                                    it->second->info().file, it->second->info().line)});
  }
}

RuleSet finish(std::vector<std::unique_ptr<Rule>> rules, std::vector<LoadError> errors) {
  check_duplicate_ids(rules, errors);
  if (!errors.empty()) throw RuleLoadError(std::move(errors));
  RuleSet set;
  set.rules() = std::move(rules);
  return set;
}

}  // namespace

RuleSet load_rules(const std::vector<std::string>& paths, const RuleOverrides& overrides) {
  std::vector<LoadError> errors;
  std::vector<std::unique_ptr<Rule>> rules;
  for (const auto& path : paths) {
    for (const auto& file : rule_files(path, errors)) {
      std::optional<std::string> content = read_file(file);
      if (!content) {
        errors.push_back({file, 0, 0, "cannot read rule file"});
        continue;
      }
      FileLoader(file, std::move(*content), errors, overrides).load(rules);
    }
  }
  return finish(std::move(rules), std::move(errors));
}

RuleSet load_rules_from_string(const std::string& yaml, const std::string& name) {
  std::vector<LoadError> errors;
  std::vector<std::unique_ptr<Rule>> rules;
  FileLoader(name, yaml, errors, {}, /*from_file=*/false).load(rules);
  return finish(std::move(rules), std::move(errors));
}

}  // namespace kanwu
