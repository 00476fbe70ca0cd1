#include "kanwu/kinds/key_name.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "kanwu/nlp/confusion.h"
#include "kanwu/nlp/language_model.h"
#include "kanwu/nlp/lexicon.h"
#include "kanwu/rules/lexicon_param.h"
#include "kanwu/rules/params.h"
#include "kanwu/rules/yaml_cache.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/read_file.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// Names shorter than this match too much with one character changed (李强 /
// 李墙 is also 李|墙…): two-character names are listed with their title
// (李强总理).
constexpr std::size_t kMinNameLength = 3;
constexpr std::size_t kMaxNameLength = 16;
// Han characters of context the language model sees on each side.
constexpr std::size_t kModelContext = 6;

struct Names {
  std::vector<std::u32string> list;
  std::unordered_set<std::u32string> set;
  std::set<std::size_t> lengths;
  // A string one character away from a name keeps its first two or its last
  // two characters (three-character names: or the first and the last):
  // windows keeping none are passed over with a hash lookup or two.
  std::unordered_set<std::uint64_t> heads, tails, ends;
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_head, by_tail, by_ends;

  void add(std::u32string name) {
    if (!set.insert(name).second) return;
    const std::size_t index = list.size();
    const std::size_t n = name.size();
    lengths.insert(n);
    by_head[key(n, name[0], name[1])].push_back(index);
    by_tail[key(n, name[n - 2], name[n - 1])].push_back(index);
    by_ends[key(n, name[0], name[n - 1])].push_back(index);
    list.push_back(std::move(name));
  }
  static std::uint64_t key(std::size_t length, char32_t a, char32_t b) {
    return (static_cast<std::uint64_t>(length) << 42) | (static_cast<std::uint64_t>(a & 0x1FFFFF) << 21) | (b & 0x1FFFFF);
  }
  // The names of the window's length that share its head, tail or ends.
  std::vector<std::size_t> candidates(std::u32string_view w) const {
    std::vector<std::size_t> out;
    const std::size_t n = w.size();
    for (const auto* index : {&by_head, &by_tail, &by_ends}) {
      const std::uint64_t k = index == &by_head   ? key(n, w[0], w[1])
                              : index == &by_tail ? key(n, w[n - 2], w[n - 1])
                                                  : key(n, w[0], w[n - 1]);
      if (const auto it = index->find(k); it != index->end()) out.insert(out.end(), it->second.begin(), it->second.end());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
};

struct Settings {
  std::shared_ptr<const Names> names;
  std::shared_ptr<const Lexicon> lexicon;
  std::shared_ptr<const Confusion> confusion;
  double model_margin = 0;  // 0: the language model is not asked
};

std::string han_context(std::u32string_view s, std::size_t at, bool leftwards) {
  std::size_t begin = at, end = at;
  if (leftwards)
    while (begin > 0 && at - begin < kModelContext && chars::is_han(s[begin - 1])) --begin;
  else
    while (end < s.size() && end - at < kModelContext && chars::is_han(s[end])) ++end;
  return to_utf8(s.substr(begin, end - begin));
}

class KeyNameRule : public Rule {
 public:
  KeyNameRule(RuleInfo info, Settings settings) : Rule(std::move(info)), s_(std::move(settings)) {}

  void check(const Document& document, Emitter& emit) const override {
    if (s_.names->list.empty()) return;
    for (std::size_t bi = 0; bi < document.blocks().size(); ++bi) {
      const Block& block = document.blocks()[bi];
      if (!in_scope(block)) continue;
      const CodePointText& text = document.code_points(bi);
      const std::u32string_view s(text.chars);
      for (std::size_t i = 0; i < s.size(); ++i) {
        if (!chars::is_han(s[i])) continue;
        for (std::size_t n : s_.names->lengths) {
          if (i + n > s.size()) break;
          const std::u32string_view window = s.substr(i, n);
          const std::u32string* name = slip_of(s, i, window);
          if (!name) continue;
          const std::size_t b = text.offsets[i], e = text.offsets[i + n];
          const std::string right = to_utf8(*name);
          Finding& f = emit.report(block, b, e, {{"match", to_utf8(window)}, {"name", right}});
          emit.propose_fix(f, block, b, e, right);
          i += n - 1;
          break;
        }
      }
    }
  }

 private:
  // The listed name the window at i is a slip for, or null.
  const std::u32string* slip_of(std::u32string_view s, std::size_t i, std::u32string_view window) const {
    if (s_.names->set.count(std::u32string(window))) return nullptr;
    for (std::size_t index : s_.names->candidates(window)) {
      const std::u32string& name = s_.names->list[index];
      std::size_t changed = name.size(), differences = 0;
      for (std::size_t k = 0; k < name.size(); ++k)
        if (name[k] != window[k]) ++differences, changed = k;
      if (differences != 1 || !chars::is_han(window[changed])) continue;
      // Another character that sounds or looks like it: a slip of the pen
      // or of the input method (习近乎); any other is another name.
      if (!s_.confusion->confusable(name[changed], window[changed])) continue;
      // A word of its own (the list's other words: 王沪宇 is nobody's, 全国人大 / 全国大人…).
      if (s_.lexicon && s_.lexicon->contains(window)) continue;
      if (!model_prefers(s, i, window.size(), name)) continue;
      return &name;
    }
    return nullptr;
  }

  bool model_prefers(std::u32string_view s, std::size_t i, std::size_t n, const std::u32string& name) const {
    if (s_.model_margin <= 0) return true;  // not asked: the list and the confusion sets decide
    const LanguageModel* model = LanguageModel::shared();
    if (!model) return true;  // the confusion sets and the word list decide alone
    const std::string left = han_context(s, i, true), right = han_context(s, i + n, false);
    return model->prefer(left + to_utf8(name) + right, left + to_utf8(s.substr(i, n)) + right) >= s_.model_margin;
  }

  Settings s_;
};

// The names of a vocabulary file: `names:` a list of strings.
void load_names(const std::string& path, ParamReader& params, Names& out) {
  const std::optional<std::string> content = read_file(path);
  if (!content) {
    params.error_at("vocabulary", "cannot read the name list " + path);
    return;
  }
  YAML::Node root;
  try {
    root = load_yaml(*content, path);
  } catch (const YAML::Exception& e) {
    params.add_error(make_load_error(path, *content, e.mark, e.msg));
    return;
  }
  if (!root.IsMap() || !root["names"] || !root["names"].IsSequence()) {
    params.add_error(make_load_error(path, *content, root.Mark(), "a name list is a mapping with names: (a list)"));
    return;
  }
  for (const YAML::Node& node : root["names"]) {
    const std::u32string name = node.IsScalar() ? code_points(node.Scalar()).chars : std::u32string();
    const bool han = !name.empty() && std::all_of(name.begin(), name.end(), chars::is_han);
    if (!han || name.size() < kMinNameLength || name.size() > kMaxNameLength) {
      params.add_error(make_load_error(path, *content, node.Mark(),
                                       "a key name is 3 to 16 Han characters (list a two-character name with its "
                                       "title: 李强总理)"));
      continue;
    }
    out.add(name);
  }
}

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  Settings s;
  auto names = std::make_shared<Names>();
  for (const std::string& file : params.strings("vocabulary")) load_names(resolve_rule_path(params.file(), file), params, *names);
  for (const std::string& extra : params.strings("extra_names")) {
    const std::u32string name = code_points(extra).chars;
    if (name.size() < kMinNameLength || name.size() > kMaxNameLength) params.error_at("extra_names", "a key name is 3 to 16 characters: " + extra);
    else names->add(name);
  }
  s.names = std::move(names);
  const std::vector<std::string> files = lexicon_files_param(params);
  if (!files.empty()) s.lexicon = std::make_shared<const Lexicon>(files, std::vector<std::u32string>{});
  s.model_margin = params.number("language_model_margin", 0.0, 0.0, 100.0);
  const std::string readings = params.optional_string("readings").value_or("vocabulary/pinyin.yaml");
  const std::string groups = params.optional_string("confusables").value_or("vocabulary/confusables.yaml");
  s.confusion = Confusion::load(resolve_rule_path(params.file(), readings), resolve_rule_path(params.file(), groups),
                                params, "readings");
  return std::make_unique<KeyNameRule>(std::move(info), std::move(s));
}

}  // namespace

const RuleKind& key_name_kind() {
  static const RuleKind kind{"key-name",
                             "a name that must never be misspelt, written with one character wrong",
                             {"match", "name"},
                             {BlockKind::Body, BlockKind::Heading, BlockKind::ListItem, BlockKind::Caption,
                              BlockKind::Byline},
                             &create};
  return kind;
}

}  // namespace kanwu
