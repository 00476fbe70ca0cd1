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
#include "kanwu/rules/vocabulary_file.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// Names shorter than this match too much with one character changed (李强 /
// 李墙 is also 李|墙…): two-character names are listed with their title
// (李强总理).
constexpr std::size_t kMinNameLength = 3;
constexpr std::size_t kMaxNameLength = 16;

struct Names {
  std::vector<std::u32string> list;
  std::unordered_set<std::u32string> set;
  // A string one character away from a name keeps its first two or its last
  // two characters, or, for a name of three, its first and last: the text
  // is read pair by pair, and a pair no name holds there (nearly every one)
  // costs one hash lookup. (name index, where the pair starts in the name)
  // by pair; by_ends: three-character names by their first and last.
  std::unordered_map<std::uint64_t, std::vector<std::pair<std::uint32_t, std::uint32_t>>> by_pair;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_ends;

  void add(std::u32string name) {
    if (!set.insert(name).second) return;
    const auto index = static_cast<std::uint32_t>(list.size());
    const std::size_t n = name.size();
    by_pair[key(name[0], name[1])].emplace_back(index, 0);
    by_pair[key(name[n - 2], name[n - 1])].emplace_back(index, static_cast<std::uint32_t>(n - 2));
    if (n == 3) by_ends[key(name[0], name[2])].push_back(index);
    list.push_back(std::move(name));
  }
  static std::uint64_t key(char32_t a, char32_t b) {
    return (static_cast<std::uint64_t>(a & 0x1FFFFF) << 21) | (b & 0x1FFFFF);
  }
};

struct Settings {
  std::shared_ptr<const Names> names;
  std::shared_ptr<const Lexicon> lexicon;
  std::shared_ptr<const Confusion> confusion;
  double model_margin = 0;  // 0: the language model is not asked
};


class KeyNameRule : public Rule {
 public:
  KeyNameRule(RuleInfo info, Settings settings) : Rule(std::move(info)), s_(std::move(settings)) {}

  void check(const Document& document, Emitter& emit) const override {
    if (s_.names->list.empty()) return;
    const Names& names = *s_.names;
    for (std::size_t bi = 0; bi < document.blocks().size(); ++bi) {
      const Block& block = document.blocks()[bi];
      if (!in_scope(block)) continue;
      const CodePointText& text = document.code_points(bi);
      const std::u32string_view s(text.chars);
      std::size_t free_from = 0;  // reported windows do not overlap
      const auto consider = [&](std::size_t start, std::uint32_t index) {
        const std::u32string& name = names.list[index];
        if (start < free_from || start + name.size() > s.size()) return;
        if (!is_slip_for(s, start, name)) return;
        const std::size_t b = text.offsets[start], e = text.offsets[start + name.size()];
        const std::string right = to_utf8(name);
        Finding& f = emit.report(block, b, e, {{"match", to_utf8(s.substr(start, name.size()))}, {"name", right}});
        emit.propose_fix(f, block, b, e, right);
        free_from = start + name.size();
      };
      for (std::size_t j = 0; j + 1 < s.size(); ++j) {
        if (!chars::is_han(s[j])) continue;
        if (const auto it = names.by_pair.find(Names::key(s[j], s[j + 1])); it != names.by_pair.end())
          for (const auto& [index, offset] : it->second)
            if (j >= offset) consider(j - offset, index);
        if (j + 2 < s.size())
          if (const auto it = names.by_ends.find(Names::key(s[j], s[j + 2])); it != names.by_ends.end())
            for (std::uint32_t index : it->second) consider(j, index);
      }
    }
  }

 private:
  // True when the text at `start` is `name` with one character wrong.
  bool is_slip_for(std::u32string_view s, std::size_t start, const std::u32string& name) const {
    const std::u32string_view window = s.substr(start, name.size());
    std::size_t changed = name.size(), differences = 0;
    for (std::size_t k = 0; k < name.size(); ++k)
      if (name[k] != window[k]) ++differences, changed = k;
    if (differences != 1 || !chars::is_han(window[changed])) return false;
    if (s_.names->set.count(std::u32string(window))) return false;
    // Another character that sounds or looks like it: a slip of the pen or
    // of the input method (习近乎); any other makes another name.
    if (!s_.confusion->confusable(name[changed], window[changed])) return false;
    // A word of its own (国务委员 is not 国务院 misspelt).
    if (s_.lexicon && s_.lexicon->contains(window)) return false;
    return model_prefers(s, start, name.size(), name);
  }

  bool model_prefers(std::u32string_view s, std::size_t i, std::size_t n, const std::u32string& name) const {
    if (s_.model_margin <= 0) return true;  // not asked: the list and the confusion sets decide
    const LanguageModel* model = LanguageModel::shared();
    if (!model) return true;  // the confusion sets and the word list decide alone
    const std::string left = to_utf8(model_context(s, i, i, true)), right = to_utf8(model_context(s, i + n, i + n, false));
    return model->prefer(left + to_utf8(name) + right, left + to_utf8(s.substr(i, n)) + right) >= s_.model_margin;
  }

  Settings s_;
};

// The names of a vocabulary file: `names:` a list of strings.
void load_names(const std::string& path, ParamReader& params, Names& out) {
  const auto file = VocabularyFile::open(path, params, "vocabulary", "names", YAML::NodeType::Sequence,
                                         "a name list is a mapping with names: (a list)");
  if (!file) return;
  for (const YAML::Node& node : file->field()) {
    const std::u32string name = node.IsScalar() ? code_points(node.Scalar()).chars : std::u32string();
    const bool han = !name.empty() && std::all_of(name.begin(), name.end(), chars::is_han);
    if (!han || name.size() < kMinNameLength || name.size() > kMaxNameLength) {
      file->error(params, node.Mark(),
                  "a key name is 3 to 16 Han characters (list a two-character name with its title: 李强总理)");
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
  s.confusion = Confusion::from_params(params);
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
