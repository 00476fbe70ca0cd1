#include "kanwu/kinds/repetition.h"

#include <set>

#include "kanwu/nlp/language_model.h"
#include "kanwu/nlp/lexicon.h"
#include "kanwu/rules/lexicon_param.h"
#include "kanwu/nlp/segment.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/quotes.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// Characters of Chinese numerals: "十五五", "一一" are not typos.
constexpr std::u32string_view kNumeralChars = U"〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟";
// Context the segmenter sees on each side of a candidate; ICU's dictionary
// decisions are local, so a few characters give the same answer as the
// whole paragraph at a fraction of the cost.
constexpr std::size_t kWindow = 6;

bool is_numeral(char32_t c) { return kNumeralChars.find(c) != std::u32string_view::npos; }

// Which doublings a rule looks at. A doubled word (增收增收) or a doubled
// function word alone (的的) is nearly always a slip; one character doubled
// after a word (新建|建) is, on published text, far more often two words
// meeting that a word list does not know (周年|年会, 立法|法), so it is a
// rule of its own that ships off by default. A rule that does not say
// looks at both.
enum class Doubling { All, Words, CharactersAfterWords };

struct Settings {
  Doubling doubling = Doubling::All;
  std::size_t max_unit;
  std::set<std::u32string> exceptions;
  std::u32string function_chars;  // doubled alone, always an error (的的)
  std::u32string negations;       // doubled alone, an error before any word (不不会)
  std::u32string surnames;        // a doubled surname may start a name (主任任培军)
  // Words beyond ICU's dictionary (a large word list plus extra_words): a
  // doubled character that starts one of them is the start of a word, not a
  // slip (学习|习近平, 山东|东营, 归侨|侨眷).
  std::shared_ptr<const Lexicon> lexicon;
  // Characters that attach to a following word as a prefix (全|链条,
  // 副|主任): 安全|全链条 is 安全 + 全链条.
  std::u32string prefixes;
  // Second characters of a two-character unit whose doubling is grammar,
  // not a slip: 着 (走着走着).
  std::u32string reduplicating_suffixes;
  // Word classes (the word list's tags) whose two-character words double as
  // ABAB by grammar: state adjectives (z: 雪白雪白), quantity words (m:
  // 许多许多).
  std::set<std::string> reduplicating_tags;
  // Degree words that open a graded list, whose next item is the bare
  // word: 特别严重、严重、较重.
  std::vector<std::u32string> degree_words;
  // A two-character word doubled at the end of its clause is a verb's
  // "have a go at" (研究研究。) except after these characters, which make
  // it a noun (的问候问候) …
  std::u32string noun_markers;
  // … and for word classes that never double so (以来 f, 公里 q).
  std::set<std::string> never_reduplicating_tags;
  // For a character doubled after a word: how many orders of magnitude
  // the language model must prefer the text without the second copy
  // (0: the model is not asked). Without the model installed, such a rule
  // finds nothing rather than guess.
  double model_margin = 0.0;
};

// A word of the model at least this likely alone (log10) is a common word
// (年会 -5.0); the model's vocabulary, made for an input method, also has
// rare fragments (建一 -6.2) that must not explain a doubling away.
constexpr double kCommonWord = -5.5;

// The language model's word for x x at [i, i+2) after a word: true when the
// text reads better, by the margin, with the second copy left out, and
// the second copy does not begin a word the model knows (今年|年会).
bool model_prefers_single(std::u32string_view text, std::size_t i, const Settings& s) {
  const LanguageModel* model = LanguageModel::shared();
  if (!model) return false;
  for (std::size_t len = 2; len <= 4 && i + 1 + len <= text.size(); ++len)
    if (model->word_score(to_utf8(text.substr(i + 1, len))) >= kCommonWord) return false;
  const std::string left = to_utf8(model_context(text, i, i + 1, true));
  const std::string right = to_utf8(model_context(text, i + 2, i + 2, false));
  const std::string doubled = to_utf8(text.substr(i + 1, 1));
  return model->prefer(left + right, left + doubled + right) >= s.model_margin;
}

// True when the second copy of a doubled character at [i, i+2) is
// explained as the start of a word: it begins a listed word, or it is a
// prefix before one.
bool second_copy_starts_word(std::u32string_view text, std::size_t i, const Settings& s) {
  if (s.lexicon->word_starts_at(text, i + 1)) return true;
  return s.prefixes.find(text[i + 1]) != std::u32string::npos &&
         s.lexicon->word_starts_at(text, i + 2);
}

// Segmentation of a window around a candidate, as code-point indexes.
class LocalWords {
 public:
  LocalWords(const CodePointText& text, std::size_t from, std::size_t to) {
    const std::u32string_view window = std::u32string_view(text.chars).substr(from, to - from);
    const std::string utf8 = to_utf8(window);
    const CodePointText local = code_points(utf8);
    for (const Token& t : WordSegmenter::for_this_thread().tokenize(utf8))
      tokens_.push_back({from + local.index_of(t.begin), from + local.index_of(t.end)});
  }
  // [begin, end) of the token containing code point i.
  std::pair<std::size_t, std::size_t> token_at(std::size_t i) const {
    for (const auto& t : tokens_)
      if (t.first <= i && i < t.second) return t;
    return {i, i + 1};
  }
  bool is_boundary(std::size_t i) const {
    for (const auto& t : tokens_)
      if (t.first == i || t.second == i) return true;
    return false;
  }

 private:
  std::vector<std::pair<std::size_t, std::size_t>> tokens_;
};

// The second copy of "X、X" is followed by a number, clause punctuation or
// the end of the block.
bool ends_clause_or_number(std::u32string_view text, std::size_t at) {
  if (at >= text.size()) return true;
  const char32_t c = text[at];
  return (c >= U'0' && c <= U'9') || std::u32string_view(U"。；，、：！？").find(c) != std::u32string_view::npos;
}

bool all_han(std::u32string_view s) {
  for (char32_t c : s)
    if (!chars::is_han(c)) return false;
  return !s.empty();
}

// x x at [i, i+2): decide with the words around it.
bool single_char_double_is_error(const CodePointText& text, std::size_t i, const Settings& s) {
  const char32_t x = text.chars[i];
  if (is_numeral(x)) return false;
  // AABB reduplication: 实实在在, 清清楚楚 — another doubled pair beside it.
  const auto doubled_at = [&](std::size_t k) {
    return k + 1 < text.size() && text.chars[k] == text.chars[k + 1] && text.chars[k] != x &&
           chars::is_han(text.chars[k]);
  };
  if ((i >= 2 && doubled_at(i - 2)) || doubled_at(i + 2)) return false;
  // A function character doubled (的的, 在在) is a slip unless a listed word
  // ends in the first copy or starts with the second (目的|的, 可以|以,
  // 导向|向, 转化为|为民服务) or runs across both: the word list decides,
  // not the segmenter, which glues 的的 or 将在 into tokens of its own.
  // A negation starts half the words after it (不会, 不断): its second copy
  // starting one says nothing; only a word ending in the first does
  // (不得不|不了了之).
  const bool negation = s.negations.find(x) != std::u32string::npos;
  if (negation || s.function_chars.find(x) != std::u32string::npos)
    return s.doubling != Doubling::CharactersAfterWords && !s.lexicon->word_across(text.chars, i + 1) &&
           (negation || !s.lexicon->word_starts_at(text.chars, i + 1)) &&
           s.lexicon->longest_word_ending_at(text.chars, i + 1, 4) < 2;
  const LocalWords words(text, i >= kWindow ? i - kWindow : 0,
                         std::min(text.size(), i + 2 + kWindow));
  const auto a = words.token_at(i), b = words.token_at(i + 1);
  if (a == b) return false;  // one dictionary word: 默默, 刚刚, 一步步
  if (a.second != i + 1 || b.first != i + 1) return false;
  const std::size_t len_a = a.second - a.first, len_b = b.second - b.first;
  if (len_b >= 2) return false;  // x starts the next word: 区|区域, 村|村民
  const bool after_numeral = i > 0 && is_numeral(text.chars[i - 1]);
  if (len_a == 1) return false;  // reduplicated measure words and the like: 张张, 县县
  if (after_numeral) return false;  // 一幅|幅, 一张|张
  if (s.doubling == Doubling::Words) return false;
  if (second_copy_starts_word(text.chars, i, s)) return false;
  if (s.lexicon->word_across(text.chars, i + 1)) return false;  // inside one listed word: 源源不断
  if (s.surnames.find(x) != std::u32string::npos) {
    // 主任|任|培|军: a surname followed by lone characters reads as a name.
    const auto next = words.token_at(i + 2);
    if (i + 2 < text.size() && chars::is_han(text.chars[i + 2]) && next.second - next.first == 1)
      return false;
  }
  if (s.model_margin > 0 && !model_prefers_single(text.chars, i, s)) return false;
  return true;  // 新建|建, 代办|办
}

class RepetitionRule : public Rule {
 public:
  RepetitionRule(RuleInfo info, Settings settings)
      : Rule(std::move(info)), settings_(std::move(settings)) {}

  void check(const Document& document, Emitter& emit) const override {
    for (std::size_t bi = 0; bi < document.blocks().size(); ++bi)
      if (in_scope(document.blocks()[bi])) check_block(document.blocks()[bi], document.code_points(bi), emit);
  }

 private:
  void check_block(const Block& block, const CodePointText& text, Emitter& emit) const {
    const std::u32string_view cps(text.chars);
    std::vector<bool> quoted;  // computed for the first candidate only
    std::size_t i = 0;
    while (i + 1 < text.size()) {
      // A run of three or more of one character (好好好好, ——, ……) is
      // deliberate or noise, not a doubling slip: skip it whole.
      if (i + 2 < text.size() && cps[i] == cps[i + 1] && cps[i] == cps[i + 2]) {
        const char32_t c = cps[i];
        while (i < text.size() && cps[i] == c) ++i;
        continue;
      }
      std::size_t consumed = 0;
      for (std::size_t unit = 1; unit <= settings_.max_unit && !consumed; ++unit) {
        for (std::size_t sep = 0; sep <= 1 && !consumed; ++sep) {
          if (sep && unit < 2) continue;  // "好、好" is too often deliberate
          const std::size_t total = 2 * unit + sep;
          if (i + total > text.size()) continue;
          if (cps[i] != cps[i + unit + sep]) continue;  // cheap test before comparing units
          const auto first = cps.substr(i, unit), second = cps.substr(i + unit + sep, unit);
          if (first != second || !all_han(first)) continue;
          if (sep && cps[i + unit] != U'、' && cps[i + unit] != U'，') continue;
          // Across 、 or ， the second copy usually opens a new clause
          // (需求牵引供给、供给创造需求; 人不负青山，青山定不负人): a slip
          // only when it has nothing of its own after it (学位、学位2.5万个).
          if (sep && !ends_clause_or_number(cps, i + total)) continue;
          // …and a verb there takes the number as its object: 强镇建设，
          // 建设10个产业园 (校舍、校舍3万平方米 is a noun and a slip).
          if (sep && total < cps.size() - i && settings_.lexicon->has_tag(cps.substr(i, unit))) continue;
          // …and after a degree word the first copy is a grade of a scale
          // whose next grade is the bare word (特别严重、严重、较重).
          if (sep && after_degree_word(cps, i)) continue;
          if (!is_error(text, i, unit, sep)) continue;
          // Quoted words are someone's verbatim (a song's 玉盘玉盘, a
          // speaker's 发展发展再发展) and a title is a name (《国旗国旗真美丽》).
          if (quoted.empty()) quoted = quoted_spans(cps);
          if (quoted[i]) continue;
          report(block, text, i, unit, sep, emit);
          consumed = total;
        }
      }
      i += consumed ? consumed : 1;
    }
  }

  bool is_error(const CodePointText& text, std::size_t i, std::size_t unit, std::size_t sep) const {
    const std::u32string_view cps(text.chars);
    const std::u32string unit_text(cps.substr(i, unit));
    if (settings_.exceptions.count(unit_text) ||
        settings_.exceptions.count(std::u32string(cps.substr(i, 2 * unit + sep))))
      return false;
    if (unit == 1) return single_char_double_is_error(text, i, settings_);
    if (settings_.doubling == Doubling::CharactersAfterWords) return false;
    if (is_numeral(unit_text.front())) return false;  // 一个一个, 一次一次
    if (sep == 0 && is_reduplication(cps, i, unit)) return false;
    // A doubled word only when both copies are whole words: 增收|增收, and
    // no word runs across either end (退税|缓税|缓费, 南苏丹|苏丹).
    const std::size_t end = i + 2 * unit + sep;
    if (settings_.lexicon->word_across(cps, i) || settings_.lexicon->word_across(cps, end)) return false;
    const LocalWords words(text, i >= kWindow ? i - kWindow : 0,
                           std::min(text.size(), end + kWindow));
    // A copy neither listed nor read as one word is a run of characters
    // that are not known to make a word together — a transliteration or a
    // sound (哔哩哔哩, 咔嚓咔嚓), whose doubling is the name or the sound.
    if (!settings_.lexicon->contains(unit_text) && words.token_at(i) != std::pair{i, i + unit}) return false;
    return words.is_boundary(i) && words.is_boundary(i + unit) &&
           words.is_boundary(i + unit + sep) && words.is_boundary(end);
  }

  // ABAB that Chinese grammar makes on purpose: a verb with 着 doubled
  // (走着走着, 听着听着: "while walking"), state adjectives and quantity
  // words (雪白雪白的, 许多许多: reduplicating_tags), and a two-character word
  // doubled at the end of its clause as a predicate (研究研究。, 通融通融？:
  // "have a go at"), where a slip would have gone on to what the word
  // governs (加快加快推进).
  bool is_reduplication(std::u32string_view cps, std::size_t i, std::size_t unit) const {
    if (unit != 2) return false;
    if (settings_.reduplicating_suffixes.find(cps[i + 1]) != std::u32string::npos) return true;
    if (settings_.lexicon->has_tag(cps.substr(i, unit), settings_.reduplicating_tags)) return true;
    const std::size_t after = i + 2 * unit;
    const bool clause_end =
        after >= cps.size() || std::u32string_view(U"。！？，；…”").find(cps[after]) != std::u32string_view::npos;
    if (!clause_end) return false;
    // "Have a go at" doubles a verb standing as the predicate; where the
    // word is a noun's (诚挚的问候问候, 4600公里公里) or can only be one
    // (以来以来), the doubling is a slip.
    if (i > 0 && (settings_.noun_markers.find(cps[i - 1]) != std::u32string::npos || is_numeral(cps[i - 1]) ||
                  chars::is_ascii_digit(cps[i - 1])))
      return false;
    return !settings_.lexicon->has_tag(cps.substr(i, unit), settings_.never_reduplicating_tags);
  }

  bool after_degree_word(std::u32string_view cps, std::size_t i) const {
    for (const auto& w : settings_.degree_words)
      if (i >= w.size() && cps.substr(i - w.size(), w.size()) == w) return true;
    return false;
  }

  void report(const Block& block, const CodePointText& text, std::size_t i, std::size_t unit,
              std::size_t sep, Emitter& emit) const {
    const std::size_t begin = text.offsets[i], end = text.offsets[i + 2 * unit + sep];
    const std::string match = block.text.substr(begin, end - begin);
    const std::string word = block.text.substr(begin, text.offsets[i + unit] - begin);
    Finding& f = emit.report(block, begin, end, {{"match", match}, {"word", word}});
    emit.propose_fix(f, block, begin, end, word);
  }

  Settings settings_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  Settings s;
  if (const auto d = params.optional_string("doubling")) {
    if (*d == "characters-after-words") s.doubling = Doubling::CharactersAfterWords;
    else if (*d == "words") s.doubling = Doubling::Words;
    else if (*d != "all") params.error_at("doubling", "must be all, words or characters-after-words");
  }
  s.max_unit = static_cast<std::size_t>(params.integer("max_unit", 4, 1, 16));
  for (const auto& e : params.strings("exceptions")) s.exceptions.insert(code_points(e).chars);
  s.function_chars = code_points(params.optional_string("function_chars").value_or("")).chars;
  s.negations = code_points(params.optional_string("negations").value_or("")).chars;
  s.surnames = code_points(params.optional_string("surnames").value_or("")).chars;
  std::vector<std::u32string> extra;
  for (const auto& w : params.strings("extra_words")) extra.push_back(code_points(w).chars);
  std::vector<std::string> files = lexicon_files_param(params);
  // Tagged verbs (v, vn: 建设) for doubled words across 、/，.
  s.lexicon = std::make_shared<const Lexicon>(std::move(files), std::move(extra), std::set<std::string>{"v", "vn"});
  s.prefixes = code_points(params.optional_string("prefixes").value_or("")).chars;
  s.model_margin = params.number("language_model_margin", 0.0, 0.0, 100.0);
  s.reduplicating_suffixes = code_points(params.optional_string("reduplicating_suffixes").value_or("")).chars;
  for (const auto& t : params.strings("reduplicating_tags")) s.reduplicating_tags.insert(t);
  for (const auto& w : params.strings("degree_words")) s.degree_words.push_back(code_points(w).chars);
  s.noun_markers = code_points(params.optional_string("noun_markers").value_or("")).chars;
  for (const auto& t : params.strings("never_reduplicating_tags")) s.never_reduplicating_tags.insert(t);
  return std::make_unique<RepetitionRule>(std::move(info), std::move(s));
}

}  // namespace

const RuleKind& repetition_kind() {
  static const RuleKind kind{"repetition",
                             "accidentally doubled words, judged by word segmentation",
                             {"match", "word"},
                             {BlockKind::Body, BlockKind::Heading, BlockKind::ListItem,
                              BlockKind::Caption},
                             &create};
  return kind;
}

}  // namespace kanwu
