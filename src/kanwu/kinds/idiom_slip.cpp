#include "kanwu/kinds/idiom_slip.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <mutex>
#include <sstream>

#include "kanwu/nlp/confusion.h"
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

constexpr std::size_t kIdiomLength = 4;
// Part-of-speech tags of jieba's names (person, place, organisation, other
// proper names): a near miss through one is a name, not a slip.
const std::set<std::string> kNameTags = {"nr", "nrt", "nrfg", "ns", "nt", "nz"};
constexpr std::u32string_view kNumeralChars = U"〇零一二三四五六七八九十百千万亿两";

// The three characters of a four-character string other than the one at
// `blank`, packed (21 bits each): the key every string differing from it
// only there shares.
std::uint64_t blanked(std::u32string_view four, std::size_t blank) {
  std::uint64_t key = 0;
  for (std::size_t k = 0; k < kIdiomLength; ++k)
    if (k != blank) key = key << 21 | (four[k] & 0x1FFFFF);
  return key;
}

struct Idioms {
  std::vector<std::u32string> list;
  // Per blanked position, (key, index into list) sorted by key; built on
  // first use, so that a run that never checks text pays nothing, and flat,
  // so that building it is a sort rather than 25,000 allocations.
  mutable std::array<std::vector<std::pair<std::uint64_t, std::uint32_t>>, kIdiomLength> by_blank;
  // A bit per hash of each blanked key (per position): by_blank is searched
  // only where the bit is set. Running text is asked at every character
  // for four blanks, most windows match no idiom at any, and a bit test in
  // 64 KB is far cheaper than a binary search of 25,000 keys (the rule was
  // 14% of the default pack's time on news, most of it those searches).
  mutable std::array<std::vector<std::uint64_t>, kIdiomLength> blank_bits;
  mutable std::once_flag indexed;

  static constexpr int kFilterBits = 19;  // 64 KB a position; ~5% of keys pass by chance
  static std::size_t filter_slot(std::uint64_t key) { return (key * 0x9E3779B97F4A7C15ULL) >> (64 - kFilterBits); }

  // True when some idiom may differ from `window` at most at `blank`.
  bool may_be_near(std::u32string_view window, std::size_t blank) const {
    index();
    const std::size_t slot = filter_slot(blanked(window, blank));
    return (blank_bits[blank][slot >> 6] >> (slot & 63)) & 1u;
  }

  void index() const {
    std::call_once(indexed, [this] {
      for (std::size_t k = 0; k < kIdiomLength; ++k) {
        auto& entries = by_blank[k];
        auto& bits = blank_bits[k];
        bits.assign(std::size_t{1} << (kFilterBits - 6), 0);
        entries.reserve(list.size());
        for (std::uint32_t i = 0; i < list.size(); ++i) {
          entries.emplace_back(blanked(list[i], k), i);
          const std::size_t slot = filter_slot(entries.back().first);
          bits[slot >> 6] |= std::uint64_t{1} << (slot & 63);
        }
        std::sort(entries.begin(), entries.end());
      }
    });
  }

  // The idioms that differ from `window` at most at `blank`.
  template <typename F>
  void near(std::u32string_view window, std::size_t blank, F&& each) const {
    if (!may_be_near(window, blank)) return;  // (builds the index on first use)
    const auto& entries = by_blank[blank];
    const std::uint64_t key = blanked(window, blank);
    for (auto it = std::lower_bound(entries.begin(), entries.end(), std::make_pair(key, std::uint32_t{0}));
         it != entries.end() && it->first == key; ++it)
      each(list[it->second]);
  }

  bool contains(std::u32string_view window) const {
    bool found = false;
    near(window, 0, [&](const std::u32string& idiom) { found = found || idiom == window; });
    return found;
  }
};

struct Settings {
  std::shared_ptr<const Idioms> idioms;
  std::shared_ptr<const Lexicon> lexicon;      // words, with name tags
  std::shared_ptr<const Lexicon> rare_idioms;  // the same words, tagged i or l
  // A slip of the pen puts a character that sounds or looks like the
  // right one (迫不急待, 一丝不狗); a different one (同球共济, 蛇行千里) is
  // wordplay.
  std::shared_ptr<const Confusion> confusion;
  double model_margin = 3.0;
};

bool is_numeral(char32_t c) { return kNumeralChars.find(c) != std::u32string_view::npos; }

// True when the window [i, i+4) with its character at `changed` reads as
// something of its own: a word, a name through the changed character, or
// a word across either end of the window or joining the changed character
// to text outside it.
bool explained(std::u32string_view s, std::size_t i, std::size_t changed, const Settings& settings) {
  const Lexicon& lexicon = *settings.lexicon;
  const std::u32string_view window = s.substr(i, kIdiomLength);
  // jieba lists common misspellings of idioms as rare idioms or set
  // expressions of their own (迫不急待 beside 迫不及待, 再接再励 beside
  // 再接再厉): those the generated list left out are no defence.
  if (lexicon.contains(window) && !settings.rare_idioms->has_tag(window)) return true;
  if (lexicon.word_across(s, i) || lexicon.word_across(s, i + kIdiomLength)) return true;
  for (std::size_t len = 2; len <= 4; ++len)
    for (std::size_t start = changed + 1 >= len ? changed + 1 - len : 0; start <= changed; ++start) {
      if (start + len > s.size()) continue;
      const std::u32string_view word = s.substr(start, len);
      if (!lexicon.contains(word)) continue;
      if (lexicon.has_tag(word)) return true;                         // a name
      if (start < i || start + len > i + kIdiomLength) return true;  // joins text outside
    }
  return false;
}

class IdiomSlipRule : public Rule {
 public:
  IdiomSlipRule(RuleInfo info, Settings settings) : Rule(std::move(info)), s_(std::move(settings)) {}

  void check(const Document& document, Emitter& emit) const override {
    for (std::size_t bi = 0; bi < document.blocks().size(); ++bi)
      if (in_scope(document.blocks()[bi])) check_block(document.blocks()[bi], document.code_points(bi), emit);
  }

 private:
  void check_block(const Block& block, const CodePointText& text, Emitter& emit) const {
    const std::u32string_view s(text.chars);
    if (s.size() < kIdiomLength) return;
    // Quoted or titled text (slogans, headlines) plays with idioms on
    // purpose; computed for the first candidate only.
    std::vector<bool> quoted;
    std::size_t i = 0;
    while (i + kIdiomLength <= s.size()) {
      const std::size_t found = check_window(block, text, i, quoted, emit);
      i += found ? found : 1;
    }
  }

  // Reports the window at i when it is a slip; returns its length then, else 0.
  std::size_t check_window(const Block& block, const CodePointText& text, std::size_t i, std::vector<bool>& quoted,
                           Emitter& emit) const {
    const std::u32string_view s(text.chars);
    const std::u32string_view window = s.substr(i, kIdiomLength);
    for (char32_t c : window)
      if (!chars::is_han(c)) return 0;
    // near() asks the bit filter first: most windows cost a bit test a blank.
    if (s_.idioms->contains(window)) return 0;
    for (std::size_t k = 0; k < kIdiomLength; ++k) {
      const std::u32string* slip_of = nullptr;
      s_.idioms->near(window, k, [&](const std::u32string& idiom) {
        if (!slip_of && is_slip_of(s, i, k, idiom, quoted)) slip_of = &idiom;
      });
      if (!slip_of) continue;
      const std::size_t b = text.offsets[i], e = text.offsets[i + kIdiomLength];
      const std::string right = to_utf8(*slip_of);
      Finding& f = emit.report(block, b, e, {{"match", to_utf8(window)}, {"idiom", right}});
      emit.propose_fix(f, block, b, e, right);
      return kIdiomLength;
    }
    return 0;
  }

  // True when the window at i, which differs from `idiom` only at k, is a
  // slip for it.
  bool is_slip_of(std::u32string_view s, std::size_t i, std::size_t k, const std::u32string& idiom,
                  std::vector<bool>& quoted) const {
    const char32_t written = s[i + k];
    if (idiom[k] == written || is_numeral(idiom[k]) || is_numeral(written)) return false;
    if (!s_.confusion->confusable(idiom[k], written)) return false;
    if (quoted.empty()) quoted = quoted_spans(s);
    if (quoted[i]) return false;
    return !explained(s, i, i + k, s_) && model_prefers(s, i, idiom);
  }

  bool model_prefers(std::u32string_view s, std::size_t i, const std::u32string& idiom) const {
    const LanguageModel* model = LanguageModel::shared();
    if (!model) return false;
    const std::string left = to_utf8(model_context(s, i, i, true)),
                      right = to_utf8(model_context(s, i + kIdiomLength, i + kIdiomLength, false));
    return model->prefer(left + to_utf8(idiom) + right, left + to_utf8(s.substr(i, kIdiomLength)) + right) >=
           s_.model_margin;
  }

  Settings s_;
};

// The idioms of a vocabulary file: `idioms:` holds them separated by white
// space (one YAML scalar, quick to load).
void load_idioms(const std::string& path, ParamReader& params, Idioms& out) {
  const auto file = VocabularyFile::open(path, params, "vocabulary", "idioms", YAML::NodeType::Scalar,
                                         "an idiom list is a mapping with idioms: (a text block)");
  if (!file) return;
  std::istringstream words(file->field().Scalar());
  for (std::string w; words >> w;) {
    const std::u32string idiom = code_points(w).chars;
    if (idiom.size() != kIdiomLength) {
      file->error(params, file->field().Mark(), "an idiom has four characters: " + w);
      return;
    }
    out.list.push_back(idiom);
  }
}

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  Settings s;
  auto idioms = std::make_shared<Idioms>();
  for (const std::string& name : params.strings("vocabulary"))
    load_idioms(resolve_rule_path(params.file(), name), params, *idioms);
  for (const std::string& extra : params.strings("extra_idioms")) {
    const std::u32string idiom = code_points(extra).chars;
    if (idiom.size() != kIdiomLength) params.error_at("extra_idioms", "an idiom has four characters: " + extra);
    else idioms->list.push_back(idiom);
  }
  s.idioms = std::move(idioms);
  const std::vector<std::string> files = lexicon_files_param(params);
  s.lexicon = std::make_shared<const Lexicon>(files, std::vector<std::u32string>{}, kNameTags);
  s.rare_idioms = std::make_shared<const Lexicon>(files, std::vector<std::u32string>{}, std::set<std::string>{"i", "l"});
  s.model_margin = params.number("language_model_margin", 3.0, 0.0, 100.0);
  s.confusion = Confusion::from_params(params);
  return std::make_unique<IdiomSlipRule>(std::move(info), std::move(s));
}

}  // namespace

const RuleKind& idiom_slip_kind() {
  static const RuleKind kind{"idiom-slip",
                             "a four-character idiom with one character wrong, judged by the language model",
                             {"match", "idiom"},
                             {BlockKind::Body, BlockKind::Heading, BlockKind::ListItem, BlockKind::Caption},
                             &create};
  return kind;
}

}  // namespace kanwu
