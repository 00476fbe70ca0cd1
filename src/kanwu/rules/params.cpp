#include "kanwu/rules/params.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "kanwu/text/edit_distance.h"
#include "kanwu/text/source.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

std::string LoadError::describe() const {
  if (line > 0) return fmt::format("{}:{}:{}: error: {}", file, line, column, message);
  return fmt::format("{}: error: {}", file, message);
}

namespace {
std::string summarize(const std::vector<LoadError>& errors) {
  std::string text;
  for (const auto& e : errors) {
    if (!text.empty()) text += '\n';
    text += e.describe();
  }
  return text;
}
}  // namespace

RuleLoadError::RuleLoadError(std::vector<LoadError> errors)
    : std::runtime_error(summarize(errors)), errors_(std::move(errors)) {}

LoadError make_load_error(const std::string& file, const std::string& content,
                          const YAML::Mark& mark, std::string message) {
  LoadError e{file, 0, 0, std::move(message)};
  if (mark.line < 0) return e;
  e.line = mark.line + 1;
  e.column = mark.column + 1;
  // yaml-cpp counts bytes; reports count code points.
  const SourceText text("", content);
  if (e.line <= text.line_count()) {
    const std::string_view line = text.line_text(e.line);
    const auto bytes = std::min<std::size_t>(static_cast<std::size_t>(mark.column), line.size());
    e.column = static_cast<int>(utf8::count_code_points(line.substr(0, bytes))) + 1;
  }
  return e;
}

ParamReader::ParamReader(YAML::Node node, const std::string& file, const std::string& content,
                         std::vector<LoadError>& errors)
    : node_(std::move(node)), file_(file), content_(content), errors_(errors) {}

void ParamReader::error(const YAML::Mark& mark, std::string message) {
  errors_.push_back(make_load_error(file_, content_, mark, std::move(message)));
}

YAML::Mark ParamReader::mark_of(const std::string& key) const {
  const YAML::Node n = static_cast<const YAML::Node&>(node_)[key];
  return n ? n.Mark() : node_.Mark();
}

void ParamReader::set_overrides(YAML::Node overrides, std::string file, std::string content) {
  overrides_ = std::move(overrides);
  override_file_ = std::move(file);
  override_content_ = std::move(content);
}

bool ParamReader::error_in_overrides(const std::string& key, bool at_key, const std::string& message) {
  if (!overrides_ || !overrides_.IsMap() || override_file_.empty()) return false;
  for (const auto& kv : overrides_) {
    if (kv.first.Scalar() != key) continue;
    errors_.push_back(make_load_error(override_file_, override_content_, at_key ? kv.first.Mark() : kv.second.Mark(),
                                      message + " (in the params of this rule)"));
    return true;
  }
  return false;
}

void ParamReader::error_at(const std::string& key, std::string message) {
  if (error_in_overrides(key, false, message)) return;
  error(mark_of(key), std::move(message));
}

bool ParamReader::has(const std::string& key) const {
  return static_cast<bool>(static_cast<const YAML::Node&>(node_)[key]);
}

YAML::Node ParamReader::get(const std::string& key) {
  used_.insert(key);
  return static_cast<const YAML::Node&>(node_)[key];
}

std::optional<std::string> ParamReader::optional_string(const std::string& key) {
  const YAML::Node n = get(key);
  if (!n) return std::nullopt;
  if (!n.IsScalar()) {
    error(n.Mark(), fmt::format("'{}' must be a string", key));
    return std::nullopt;
  }
  return n.Scalar();
}

std::string ParamReader::required_string(const std::string& key) {
  if (!has(key)) {
    used_.insert(key);
    error(node_.Mark(), fmt::format("missing required key '{}'", key));
    return {};
  }
  return optional_string(key).value_or("");
}

std::vector<std::string> ParamReader::strings(const std::string& key) {
  const YAML::Node n = get(key);
  std::vector<std::string> out;
  if (!n) return out;
  if (n.IsScalar()) return {n.Scalar()};
  if (!n.IsSequence()) {
    error(n.Mark(), fmt::format("'{}' must be a list of strings", key));
    return out;
  }
  for (const auto& item : n) {
    if (!item.IsScalar()) {
      error(item.Mark(), fmt::format("'{}' must be a list of strings", key));
      continue;
    }
    out.push_back(item.Scalar());
  }
  return out;
}

std::vector<std::vector<std::string>> ParamReader::strings_lists(const std::string& key) {
  const YAML::Node n = get(key);
  std::vector<std::vector<std::string>> out;
  if (!n) return out;
  if (!n.IsSequence()) {
    error(n.Mark(), fmt::format("'{}' must be a list of lists of strings", key));
    return out;
  }
  for (const auto& list : n) {
    if (!list.IsSequence()) {
      error(list.Mark(), fmt::format("'{}' must be a list of lists of strings", key));
      continue;
    }
    std::vector<std::string> items;
    for (const auto& item : list) {
      if (!item.IsScalar()) error(item.Mark(), fmt::format("'{}' must be a list of lists of strings", key));
      else items.push_back(item.Scalar());
    }
    out.push_back(std::move(items));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> ParamReader::string_map(const std::string& key) {
  const YAML::Node n = get(key);
  std::vector<std::pair<std::string, std::string>> out;
  if (!n) return out;
  if (!n.IsMap()) {
    error(n.Mark(), fmt::format("'{}' must be a mapping of strings to strings", key));
    return out;
  }
  for (const auto& kv : n) {
    if (!kv.first.IsScalar() || !kv.second.IsScalar()) {
      error(kv.first.Mark(), fmt::format("'{}' must map strings to strings", key));
      continue;
    }
    out.emplace_back(kv.first.Scalar(), kv.second.Scalar());
  }
  return out;
}

long ParamReader::integer(const std::string& key, long fallback, long min, long max) {
  const YAML::Node n = get(key);
  if (!n) return fallback;
  long value = fallback;
  if (!n.IsScalar() || !YAML::convert<long>::decode(n, value)) {
    error(n.Mark(), fmt::format("'{}' must be an integer", key));
    return fallback;
  }
  if (value < min || value > max) {
    error(n.Mark(), fmt::format("'{}' must be between {} and {}", key, min, max));
    return fallback;
  }
  return value;
}

double ParamReader::number(const std::string& key, double fallback, double min, double max) {
  const YAML::Node n = get(key);
  if (!n) return fallback;
  double value = fallback;
  if (!n.IsScalar() || !YAML::convert<double>::decode(n, value)) {
    error(n.Mark(), fmt::format("'{}' must be a number", key));
    return fallback;
  }
  if (value < min || value > max) {
    error(n.Mark(), fmt::format("'{}' must be between {} and {}", key, min, max));
    return fallback;
  }
  return value;
}

bool ParamReader::boolean(const std::string& key, bool fallback) {
  const YAML::Node n = get(key);
  if (!n) return fallback;
  bool value = fallback;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, value)) {
    error(n.Mark(), fmt::format("'{}' must be true or false", key));
    return fallback;
  }
  return value;
}

void ParamReader::reject_unknown_keys(std::string_view kind) {
  if (!node_.IsMap()) return;
  for (const auto& kv : node_) {
    const std::string key = kv.first.Scalar();
    if (used_.count(key)) continue;
    // The keys this kind reads are the ones it asked for: suggest the nearest.
    std::string nearest;
    std::size_t best = 3;
    for (const auto& known : used_)
      if (const std::size_t d = edit_distance(key, known); d < best) best = d, nearest = known;
    const std::string where = kind == "config" ? std::string("in the configuration")
                              : kind == "override" ? std::string("in an override")
                                                   : fmt::format("for a rule of kind '{}'", kind);
    std::string message = fmt::format("unknown key '{}' {}", key, where);
    if (!nearest.empty()) message += fmt::format("; did you mean '{}'?", nearest);
    if (!error_in_overrides(key, true, message)) error(kv.first.Mark(), std::move(message));
  }
}

std::string resolve_rule_path(const std::string& rule_file, const std::string& path) {
  const std::filesystem::path p(path);
  if (p.is_absolute()) return path;
  return (std::filesystem::path(rule_file).parent_path() / p).string();
}

}  // namespace kanwu
