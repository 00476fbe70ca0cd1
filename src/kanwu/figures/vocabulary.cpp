#include "kanwu/figures/vocabulary.h"

#include <cstdio>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

#include "kanwu/rules/params.h"
#include "kanwu/rules/yaml_cache.h"
#include "kanwu/text/read_file.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

class Reader {
 public:
  Reader(const std::string& path, std::vector<LoadError>& errors) : path_(path), errors_(errors) {}

  std::vector<std::string> words(const YAML::Node& root, const char* key) {
    std::vector<std::string> out;
    const YAML::Node node = root[key];
    if (!node) return out;
    if (!node.IsSequence()) {
      error(node, fmt(key, "must be a list of words"));
      return out;
    }
    for (const auto& item : node) {
      if (!item.IsScalar() || item.Scalar().empty()) {
        error(item, fmt(key, "entries must be non-empty words"));
        continue;
      }
      out.push_back(item.Scalar());
    }
    return out;
  }

  // A list of lists: each inner list is a name followed by its variants.
  std::vector<std::vector<std::string>> groups(const YAML::Node& root, const char* key) {
    std::vector<std::vector<std::string>> out;
    const YAML::Node node = root[key];
    if (!node) return out;
    if (!node.IsSequence()) {
      error(node, fmt(key, "must be a list of [name, other names…] lists"));
      return out;
    }
    for (const auto& group : node) {
      std::vector<std::string> names;
      if (group.IsScalar()) names.push_back(group.Scalar());
      else if (group.IsSequence())
        for (const auto& n : group)
          if (n.IsScalar() && !n.Scalar().empty()) names.push_back(n.Scalar());
      if (names.empty()) error(group, fmt(key, "entries must be [name, other names…]"));
      else out.push_back(std::move(names));
    }
    return out;
  }

  void error(const YAML::Node& node, std::string message) {
    const YAML::Mark m = node.Mark();
    errors_.push_back({path_, m.line + 1, m.column + 1, std::move(message)});
  }

 private:
  static std::string fmt(const char* key, const char* what) { return std::string("'") + key + "' " + what; }
  const std::string& path_;
  std::vector<LoadError>& errors_;
};

template <typename Pairs>
void longest_first(Pairs& pairs) {
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

std::shared_ptr<const FigureVocabulary> read(const std::string& path, std::vector<LoadError>& errors) {
  const std::optional<std::string> content = read_file(path);
  if (!content) {
    errors.push_back({path, 0, 0, "cannot read the figure vocabulary file"});
    return nullptr;
  }
  YAML::Node root;
  try {
    root = load_yaml(*content, path);
  } catch (const YAML::Exception& e) {
    errors.push_back({path, e.mark.line + 1, e.mark.column + 1, e.msg});
    return nullptr;
  }
  if (!root.IsMap()) {
    errors.push_back({path, 1, 1, "a figure vocabulary must be a mapping (indicators:, qualifiers:, …)"});
    return nullptr;
  }
  const std::size_t before = errors.size();
  Reader r(path, errors);
  auto v = std::make_shared<FigureVocabulary>();
  for (const auto& g : r.groups(root, "indicators"))
    for (std::size_t i = 1; i < g.size(); ++i) v->indicators.emplace_back(g[i], g[0]);
  for (const auto& g : r.groups(root, "qualifiers"))
    for (const auto& name : g) v->qualifiers.emplace_back(name, g[0]);
  for (const auto& w : r.words(root, "filler")) v->filler.insert(w);
  for (const auto& w : r.words(root, "clause_filler")) v->clause_filler.insert(w);
  for (const auto& w : r.words(root, "stops")) v->stops.insert(w);
  for (const auto& w : r.words(root, "generic_words")) v->generic_words.insert(w);
  v->dateline_agencies = r.words(root, "dateline_agencies");
  v->plan_words = r.words(root, "plan_words");
  v->done_words = r.words(root, "done_words");
  v->forecast_words = r.words(root, "forecast_words");
  v->span_words = r.words(root, "span_words");
  v->continuation_words = r.words(root, "continuation_words");
  v->national = r.words(root, "national");
  v->national_bodies = r.words(root, "national_bodies");
  v->not_subject_after = r.words(root, "not_subject_after");
  v->own_place = r.words(root, "own_place");
  for (const auto& g : r.groups(root, "places")) {
    const std::string& short_name = g.size() > 1 ? g[1] : g[0];
    for (const auto& name : g) v->places.emplace_back(name, short_name);
  }
  for (const auto& s : r.words(root, "place_suffixes")) v->place_suffixes += code_points(s).chars;
  for (const char32_t c : v->place_suffixes) v->place_suffixes_utf8.push_back(utf8::encode(c));
  for (const auto& w : r.words(root, "not_places")) v->not_places.insert(code_points(w).chars);
  v->holidays = r.words(root, "holidays");
  v->holiday_suffixes = r.words(root, "holiday_suffixes");
  v->review_titles = r.words(root, "review_titles");
  for (const auto& g : r.groups(root, "since_events")) {
    int year = 0, month = 0;
    char end = 0;
    if (g.size() < 2 || std::sscanf(g[0].c_str(), "%d-%d%c", &year, &month, &end) != 2 || month < 1 || month > 12) {
      r.error(root["since_events"], "since_events: each entry is [YYYY-MM, name, ...], not [" + (g.empty() ? "" : g[0]) + ", …]");
      continue;
    }
    for (std::size_t i = 1; i < g.size(); ++i) v->since_events.push_back({g[i], year, month});
  }
  static const std::set<std::string> kKnown{"indicators", "qualifiers", "filler", "clause_filler", "stops", "generic_words", "dateline_agencies", "plan_words", "done_words", "forecast_words", "span_words", "continuation_words",
                                            "national", "national_bodies", "not_subject_after", "own_place", "places",
                                            "place_suffixes", "not_places", "lexicon", "place_name_tags", "holidays",
                                            "holiday_suffixes", "review_titles", "since_events"};
  for (const auto& kv : root)
    if (!kKnown.count(kv.first.Scalar())) r.error(kv.first, "unknown key '" + kv.first.Scalar() + "' in a figure vocabulary");
  longest_first(v->indicators);
  longest_first(v->qualifiers);
  longest_first(v->places);
  std::stable_sort(v->holidays.begin(), v->holidays.end(), [](auto& a, auto& b) { return a.size() > b.size(); });
  std::stable_sort(v->since_events.begin(), v->since_events.end(),
                   [](const auto& a, const auto& b) { return a.name.size() > b.name.size(); });
  const auto first_char = [](const std::string& written) {
    char32_t c = 0;
    if (utf8::decode(written, 0, c) <= 0) c = static_cast<unsigned char>(written.empty() ? 0 : written[0]);
    return c;
  };
  const auto index = [&](const std::string& written, const std::string& name) {
    const char32_t first = first_char(written);
    v->names_by_first_char[first].emplace_back(written, name);
    if (first < 0x10000) v->name_starts[first] = true;
  };
  for (const auto& [written, name] : v->places) index(written, name);
  for (const auto& w : v->national) index(w, "全国");
  for (const auto& w : v->own_place) index(w, "");
  for (auto& [first, names] : v->names_by_first_char) longest_first(names);
  for (const auto& [variant, canonical] : v->indicators)
    for (const std::string* form : {&variant, &canonical})
      if (!form->empty()) v->indicators_by_first_char[first_char(*form)].emplace_back(*form, canonical);
  for (auto& [first, forms] : v->indicators_by_first_char) longest_first(forms);
  std::vector<std::string> files;
  for (const auto& f : r.words(root, "lexicon")) {
    std::string file = f.starts_with('/') ? f : (std::filesystem::path(path).parent_path() / f).string();
    if (const std::string problem = Lexicon::check_readable(file); !problem.empty())
      r.error(root["lexicon"], problem + " (ci/deps.sh installs python3-jieba, which ships it)");
    files.push_back(std::move(file));
  }
  std::vector<std::u32string> extra;
  const auto add_word = [&](const std::string& w) { extra.push_back(code_points(w).chars); };
  for (const auto& [a, b] : v->indicators) add_word(a), add_word(b);
  for (const auto& [a, b] : v->qualifiers) add_word(a), add_word(b);
  for (const auto& w : v->filler) add_word(w);
  for (const auto& w : v->clause_filler) add_word(w);
  for (const auto& w : v->stops) add_word(w);
  std::set<std::string> name_tags;
  for (const auto& t : r.words(root, "place_name_tags")) name_tags.insert(t);
  v->lexicon = std::make_shared<const Lexicon>(std::move(files), std::move(extra), std::move(name_tags));
  if (errors.size() != before) return nullptr;
  return v;
}

}  // namespace

std::shared_ptr<const FigureVocabulary> FigureVocabulary::load(const std::string& path,
                                                               std::vector<LoadError>& errors) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const FigureVocabulary>> loaded;
  std::lock_guard lock(mutex);
  if (auto it = loaded.find(path); it != loaded.end()) return it->second;
  auto v = read(path, errors);
  if (v) loaded[path] = v;
  return v;
}

std::shared_ptr<const FigureVocabulary> FigureVocabulary::load_or_throw(const std::string& path) {
  std::vector<LoadError> errors;
  auto v = load(path, errors);
  if (!v) throw RuleLoadError(std::move(errors));
  return v;
}

std::shared_ptr<const FigureVocabulary> vocabulary_param(ParamReader& params) {
  const std::string name = params.optional_string("vocabulary").value_or("vocabulary/figures.yaml");
  std::vector<LoadError> errors;
  auto v = FigureVocabulary::load(resolve_rule_path(params.file(), name), errors);
  for (auto& e : errors) params.add_error(std::move(e));
  return v;
}

}  // namespace kanwu
