#include "kanwu/kinds/confusable_char.h"

#include <yaml-cpp/yaml.h>

#include <set>
#include <unordered_map>

#include "kanwu/nlp/language_model.h"
#include "kanwu/nlp/lexicon.h"
#include "kanwu/rules/lexicon_param.h"
#include "kanwu/rules/params.h"
#include "kanwu/rules/vocabulary_file.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/quotes.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

const std::set<std::string> kNameTags = {"nr", "nrt", "nrfg", "ns", "nt", "nz"};

struct Settings {
  std::unordered_map<char32_t, std::u32string> alternatives;  // character → the others of its sets
  std::shared_ptr<const Lexicon> names;
  double model_margin = 5.0;
};


// True when a listed name (person, place, organisation) of 2–4 characters
// covers text[at].
bool in_name(std::u32string_view s, std::size_t at, const Lexicon& names) {
  for (std::size_t len = 2; len <= 4; ++len)
    for (std::size_t start = at + 1 >= len ? at + 1 - len : 0; start <= at; ++start)
      if (start + len <= s.size() && names.has_tag(s.substr(start, len))) return true;
  return false;
}

// True next to a digit, a Latin letter or a Chinese numeral: 第2部, 3在, 一部.
bool by_number(std::u32string_view s, std::size_t at) {
  const auto numeric = [](char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９') || (c < 0x80 && std::isalpha(static_cast<int>(c))) ||
           std::u32string_view(U"〇零一二三四五六七八九十百千万亿两几").find(c) != std::u32string_view::npos;
  };
  return (at > 0 && numeric(s[at - 1])) || (at + 1 < s.size() && numeric(s[at + 1]));
}

class ConfusableCharRule : public Rule {
 public:
  ConfusableCharRule(RuleInfo info, Settings settings) : Rule(std::move(info)), s_(std::move(settings)) {}

  void check(const Document& document, Emitter& emit) const override {
    const LanguageModel* model = LanguageModel::shared();
    if (!model) return;  // without the model, silence rather than guesses
    for (std::size_t bi = 0; bi < document.blocks().size(); ++bi)
      if (in_scope(document.blocks()[bi])) check_block(document.blocks()[bi], document.code_points(bi), *model, emit);
  }

 private:
  void check_block(const Block& block, const CodePointText& text, const LanguageModel& model, Emitter& emit) const {
    const std::u32string_view s(text.chars);
    std::vector<bool> quoted;
    for (std::size_t at = 0; at < s.size(); ++at) {
      const auto it = s_.alternatives.find(s[at]);
      if (it == s_.alternatives.end() || by_number(s, at)) continue;
      if (quoted.empty()) quoted = quoted_spans(s);
      if (quoted[at] || in_name(s, at, *s_.names)) continue;
      const std::u32string_view left = model_context(s, at, at, true), right = model_context(s, at + 1, at + 1, false);
      if (left.empty() && right.empty()) continue;
      const std::string l = to_utf8(left), r = to_utf8(right);
      const double written = model.score(l + to_utf8(s.substr(at, 1)) + r);
      for (char32_t other : it->second) {
        const std::string replacement = to_utf8(std::u32string(1, other));
        if (model.score(l + replacement + r) - written < s_.model_margin) continue;
        report(block, text, at, replacement, emit);
        break;
      }
    }
  }

  void report(const Block& block, const CodePointText& text, std::size_t at, const std::string& replacement,
              Emitter& emit) const {
    const std::u32string_view s(text.chars);
    const std::size_t from = at > 0 && chars::is_han(s[at - 1]) ? at - 1 : at;
    const std::size_t to = at + 1 < s.size() && chars::is_han(s[at + 1]) ? at + 2 : at + 1;
    std::u32string corrected(s.substr(from, to - from));
    corrected[at - from] = code_points(replacement).chars[0];
    const std::size_t b = text.offsets[at], e = text.offsets[at + 1];
    Finding& f = emit.report(block, b, e,
                             {{"match", to_utf8(s.substr(at, 1))},
                              {"replacement", replacement},
                              {"context", to_utf8(s.substr(from, to - from))},
                              {"corrected", to_utf8(corrected)}});
    emit.propose_fix(f, block, b, e, replacement);
  }

  Settings s_;
};

void load_sets(const std::string& path, ParamReader& params, Settings& s) {
  const auto file = VocabularyFile::open(path, params, "confusion_sets", "sets", YAML::NodeType::Sequence,
                                         "confusion sets are a mapping with sets: [...]");
  if (!file) return;
  for (const auto& set : file->field()) {
    const std::u32string members = set.IsScalar() ? code_points(set.Scalar()).chars : std::u32string();
    if (members.size() < 2) {
      file->error(params, set.Mark(), "a confusion set has two characters or more");
      continue;
    }
    for (char32_t a : members)
      for (char32_t b : members)
        if (a != b && s.alternatives[a].find(b) == std::u32string::npos) s.alternatives[a].push_back(b);
  }
}

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  Settings s;
  const std::string sets = params.optional_string("confusion_sets").value_or("vocabulary/confusion-sets.yaml");
  load_sets(resolve_rule_path(params.file(), sets), params, s);
  s.names = std::make_shared<const Lexicon>(lexicon_files_param(params), std::vector<std::u32string>{}, kNameTags);
  s.model_margin = params.number("language_model_margin", 5.0, 0.0, 100.0);
  return std::make_unique<ConfusableCharRule>(std::move(info), std::move(s));
}

}  // namespace

const RuleKind& confusable_char_kind() {
  static const RuleKind kind{"confusable-char",
                             "a character written for one it is often confused with, judged by the language model",
                             {"match", "replacement", "context", "corrected"},
                             {BlockKind::Body, BlockKind::Heading, BlockKind::ListItem, BlockKind::Caption},
                             &create};
  return kind;
}

}  // namespace kanwu
