#include "kanwu/engine/config.h"

#include <fmt/format.h>

#include <filesystem>
#include <sstream>

#include "kanwu/ledger/store.h"
#include "kanwu/rules/params.h"
#include "kanwu/text/read_file.h"

namespace kanwu {

namespace fs = std::filesystem;

bool glob_match(std::string_view p, std::string_view s) {
  if (p.empty()) return s.empty();
  if (p.starts_with("**")) {
    std::string_view rest = p.substr(2);
    if (rest.empty()) return true;  // a trailing ** matches all below
    if (rest.starts_with("/")) rest.remove_prefix(1);
    for (std::size_t i = 0; i <= s.size(); ++i)
      if ((i == 0 || s[i - 1] == '/') && glob_match(rest, s.substr(i))) return true;
    return glob_match(rest, s);
  }
  if (p.front() == '*') {
    for (std::size_t i = 0; i <= s.size(); ++i) {
      if (glob_match(p.substr(1), s.substr(i))) return true;
      if (i < s.size() && s[i] == '/') break;
    }
    return false;
  }
  if (s.empty()) return false;
  if (p.front() == '?' ? s.front() != '/' : p.front() == s.front()) return glob_match(p.substr(1), s.substr(1));
  return false;
}

namespace {

class ConfigReader {
 public:
  ConfigReader(std::string path, std::string content) : path_(std::move(path)), content_(std::move(content)) {}

  Config read() {
    Config c;
    c.path = path_;
    c.content = content_;
    YAML::Node root;
    try {
      root = YAML::Load(content_);
    } catch (const YAML::Exception& e) {
      fail(e.mark, "YAML syntax error: " + e.msg);
    }
    if (root.IsNull()) return c;
    if (!root.IsMap()) fail(root.Mark(), "a .kanwu.yaml must be a mapping");
    ParamReader r(root, path_, content_, errors_);
    const fs::path dir = fs::path(path_).parent_path();
    for (const auto& p : r.strings("rules")) c.rule_paths.push_back((dir / p).lexically_normal().string());
    c.enable = r.strings("enable");
    c.disable = r.strings("disable");
    c.severity = severities(root["severity"], r, "severity");
    c.ignore = r.strings("ignore");
    r.consume("params");
    if (const YAML::Node params = root["params"]) {
      if (!params.IsMap()) r.error(params.Mark(), "'params' must map rule ids to parameter mappings");
      else
        for (const auto& kv : params) {
          if (!kv.second.IsMap()) r.error(kv.second.Mark(), "parameters of '" + kv.first.Scalar() + "' must be a mapping");
          else c.params[kv.first.Scalar()] = kv.second;
        }
    }
    r.consume("overrides");
    if (const YAML::Node overrides = root["overrides"]) {
      if (!overrides.IsSequence()) r.error(overrides.Mark(), "'overrides' must be a list");
      else
        for (const auto& o : overrides) {
          if (!o.IsMap()) {
            r.error(o.Mark(), "each override must be a mapping with 'files'");
            continue;
          }
          ParamReader orr(o, path_, content_, errors_);
          Config::Override ov;
          ov.files = orr.required_string("files");
          ov.enable = orr.strings("enable");
          ov.disable = orr.strings("disable");
          ov.severity = severities(o["severity"], orr, "severity");
          orr.reject_unknown_keys("override");
          c.overrides.push_back(std::move(ov));
        }
    }
    if (const auto ledger = r.optional_string("ledger")) {
      if (ledger->empty()) r.error_at("ledger", "'ledger' must be a file path or a postgresql:// URL");
      else if (ledger::is_postgresql_url(*ledger)) c.ledger = *ledger;
      else c.ledger = (dir / *ledger).lexically_normal().string();
    }
    r.reject_unknown_keys("config");
    if (!errors_.empty()) throw RuleLoadError(errors_);
    return c;
  }

 private:
  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) {
    errors_.push_back(make_load_error(path_, content_, mark, message));
    throw RuleLoadError(errors_);
  }

  std::map<std::string, Severity> severities(const YAML::Node& node, ParamReader& r, const std::string& key) {
    std::map<std::string, Severity> out;
    r.consume(key);
    if (!node) return out;
    if (!node.IsMap()) {
      r.error(node.Mark(), "'" + key + "' must map rule ids to info, warning or error");
      return out;
    }
    for (const auto& kv : node) {
      Severity s;
      if (!kv.second.IsScalar() || !parse_severity(kv.second.Scalar(), s))
        r.error(kv.second.Mark(), "severity must be info, warning or error");
      else
        out[kv.first.Scalar()] = s;
    }
    return out;
  }

  std::string path_;
  std::string content_;
  std::vector<LoadError> errors_;
};

}  // namespace

Config load_config(const std::string& path) {
  std::optional<std::string> content = read_file(path);
  if (!content) throw RuleLoadError({{path, 0, 0, "cannot read the configuration file"}});
  return ConfigReader(path, std::move(*content)).read();
}

std::optional<std::string> find_config(const std::string& dir) {
  std::error_code ec;
  // Normalised first: the parent of "sub/.." is "sub", so walking up from an
  // unnormalised "../" would reach the current folder's configuration.
  fs::path d = fs::absolute(dir.empty() ? "." : dir, ec).lexically_normal();
  if (d.has_parent_path() && !d.has_filename()) d = d.parent_path();  // "/a/b/" → "/a/b"
  for (; !d.empty(); d = d.parent_path()) {
    const fs::path candidate = d / ".kanwu.yaml";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (d == d.root_path()) break;
  }
  return std::nullopt;
}

FileSettings Config::for_file(const std::string& file) const {
  FileSettings s{enable, disable, severity, false};
  if (ignore.empty() && overrides.empty()) return s;  // nothing to match: no paths to work out
  std::error_code ec;
  const fs::path base = path.empty() ? fs::current_path() : fs::path(path).parent_path();
  // Lexically, as .gitignore and .kanwuignore patterns are matched (ignore.cpp):
  // resolving symbolic links cost a dozen system calls per file on a corpus.
  const std::string rel =
      fs::absolute(file, ec).lexically_normal().lexically_relative(fs::absolute(base, ec).lexically_normal()).generic_string();
  for (const auto& g : ignore) s.ignored = s.ignored || glob_match(g, rel);
  for (const auto& o : overrides) {
    if (!glob_match(o.files, rel)) continue;
    s.enable.insert(s.enable.end(), o.enable.begin(), o.enable.end());
    s.disable.insert(s.disable.end(), o.disable.begin(), o.disable.end());
    for (const auto& [id, sev] : o.severity) s.severity[id] = sev;
  }
  return s;
}

std::string Config::describe() const {
  std::ostringstream out;
  out << "config: " << (path.empty() ? "(none; built-in defaults)" : path) << '\n';
  const auto list = [&](const char* name, const std::vector<std::string>& v) {
    out << name << ":";
    for (const auto& x : v) out << ' ' << x;
    out << '\n';
  };
  list("rules", rule_paths);
  list("enable", enable);
  list("disable", disable);
  out << "severity:";
  for (const auto& [id, s] : severity) out << ' ' << id << '=' << to_string(s);
  out << '\n';
  list("ignore", ignore);
  if (!ledger.empty()) out << "ledger: " << ledger::display_name(ledger) << '\n';
  for (const auto& [id, node] : params) out << "params " << id << ": " << YAML::Dump(node) << '\n';
  for (const auto& o : overrides) {
    out << "override " << o.files << ":";
    for (const auto& x : o.disable) out << " -" << x;
    for (const auto& x : o.enable) out << " +" << x;
    for (const auto& [id, s] : o.severity) out << ' ' << id << '=' << to_string(s);
    out << '\n';
  }
  return out.str();
}

}  // namespace kanwu
