#include "kanwu/kinds/de_particle.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "kanwu/nlp/lexicon.h"
#include "kanwu/rules/lexicon_param.h"
#include "kanwu/rules/params.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

constexpr std::size_t kMaxWord = 4;

struct Settings {
  std::shared_ptr<const Lexicon> lexicon;
  std::set<std::string> modifier_tags;   // adverbs and adjectives: what may stand as an adverbial
  std::set<std::string> verb_tags;
  std::set<std::string> adjective_tags;  // what a degree complement's head may be
  std::u32string aspect;                 // 了着过: the verb after 的 is a predicate
  std::u32string nominalizers;           // 所: 所V的 is a noun phrase
  std::u32string clause_end;             // where a complement ends
  std::vector<std::u32string> degree_words;
  std::vector<std::u32string> directionals;  // 起来, 下去: a verb with one is a predicate too
  std::set<std::string> particle_word_tags;  // z: 静静的 is listed whole, its 的 still the particle
};

class DeParticleRule : public Rule {
 public:
  DeParticleRule(RuleInfo info, Settings settings) : Rule(std::move(info)), s_(std::move(settings)) {}

  void check(const Document& document, Emitter& emit) const override {
    for (std::size_t bi = 0; bi < document.blocks().size(); ++bi) {
      const Block& block = document.blocks()[bi];
      if (!in_scope(block) || block.text.find("的") == std::string::npos) continue;
      const CodePointText& text = document.code_points(bi);
      const std::u32string_view s(text.chars);
      for (std::size_t i = 1; i + 1 < s.size(); ++i) {
        if (s[i] != U'的') continue;
        const std::size_t left = word_ending_at(s, i);
        if (left == 0 || in_a_word(s, i, left)) continue;
        // The finding covers the word before 的 and 的.
        std::u32string_view replacement;
        if (adverbial(s, i, left) && verb_with_aspect(s, i + 1)) replacement = U"地";
        else if (complement(s, i, left)) replacement = U"得";
        if (replacement.empty()) continue;
        const std::size_t b = text.offsets[i - left], e = text.offsets[i + 1];
        const std::string word = to_utf8(s.substr(i - left, left));
        Finding& f = emit.report(block, b, e,
                                 {{"match", word + "的"}, {"word", word}, {"particle", to_utf8(replacement)}});
        emit.propose_fix(f, block, b, e, word + to_utf8(replacement));
      }
    }
  }

 private:
  // The word ending just before s[end]: the longest listed one (2..4), a
  // reduplicated AA (静静, 慢慢: often not listed), else one Han character.
  std::size_t word_ending_at(std::u32string_view s, std::size_t end) const {
    if (const std::size_t n = s_.lexicon->longest_word_ending_at(s, end, kMaxWord); n >= 2) return n;
    if (end >= 2 && s[end - 1] == s[end - 2] && chars::is_han(s[end - 1])) return 2;
    return chars::is_han(s[end - 1]) ? 1 : 0;
  }

  // The word starting at s[at]: the longest listed one (2..4), else one
  // Han character; 0 when s[at] is not Han.
  std::size_t word_starting_at(std::u32string_view s, std::size_t at) const {
    for (std::size_t n = std::min(kMaxWord, s.size() - at); n >= 2; --n)
      if (s_.lexicon->contains(s.substr(at, n))) return n;
    return at < s.size() && chars::is_han(s[at]) ? 1 : 0;
  }

  bool tagged(std::u32string_view word, const std::set<std::string>& tags) const {
    return word.size() == 1 ? s_.lexicon->char_has_tag(word[0], tags) : s_.lexicon->has_tag(word, tags);
  }

  // 的 at s[i] belongs to a listed word (的确, 目的地, 真的, 别的), unless
  // the word is a state word ending in the particle (静静的 z: the list
  // keeps AA的 whole) or starts inside the word before 的 (`left` long: 认真|的
  // is not 认|真的).
  bool in_a_word(std::u32string_view s, std::size_t i, std::size_t left) const {
    for (std::size_t len = 2; len <= kMaxWord; ++len)
      for (std::size_t start = i + 1 >= len ? i + 1 - len : 0; start <= i; ++start) {
        if (start + len <= i || start + len > s.size()) continue;
        const std::u32string_view w = s.substr(start, len);
        if (!s_.lexicon->contains(w)) continue;
        if (start + len == i + 1 && (start > i - left || s_.lexicon->has_tag(w, s_.particle_word_tags))) continue;
        return true;
      }
    return false;
  }

  // The word before 的 at s[i] (`n` long) can stand as an adverbial: a
  // listed adverb or adjective of two or more characters (one-character
  // adjectives make noun phrases: 好的开始), or a reduplicated AA.
  bool adverbial(std::u32string_view s, std::size_t i, std::size_t n) const {
    if (n < 2) return false;
    const std::u32string_view word = s.substr(i - n, n);
    if (n == 2 && word[0] == word[1]) return true;
    return tagged(word, s_.modifier_tags);
  }

  // A verb starts at s[at] and an aspect particle follows it that starts no
  // word of its own (了解, 着力, 过程).
  bool verb_with_aspect(std::u32string_view s, std::size_t at) const {
    const std::size_t n = word_starting_at(s, at);
    if (n == 0 || !tagged(s.substr(at, n), s_.verb_tags)) return false;
    const std::size_t after = at + n;
    if (after >= s.size()) return false;
    for (const std::u32string& d : s_.directionals)
      if (s.substr(after, d.size()) == d) return true;
    return s_.aspect.find(s[after]) != std::u32string::npos && !s_.lexicon->word_starts_at(s, after, 2, kMaxWord);
  }

  // A verb (`n` long) before 的 at s[i], then a degree word that is a
  // word of its own (not 更|新, 不|平衡), an adjective and the end of the
  // clause (or 了 and the end): a degree complement. The verb has words
  // before it in its clause, none of them a nominalizer (所, 能): a verb
  // opening its clause with 的 is a subject, "what was V-ed" (能造的越来越好).
  bool complement(std::u32string_view s, std::size_t i, std::size_t n) const {
    if (!tagged(s.substr(i - n, n), s_.verb_tags)) return false;
    if (i - n == 0 || !chars::is_han(s[i - n - 1]) || s_.nominalizers.find(s[i - n - 1]) != std::u32string::npos)
      return false;
    // Nor a verb's object: after another verb, V的X is a noun phrase
    // (触发|相关的更新).
    if (const std::size_t before = word_ending_at(s, i - n); before > 0 && tagged(s.substr(i - n - before, before), s_.verb_tags))
      return false;
    std::size_t at = i + 1;
    std::size_t degree = 0;
    for (const std::u32string& d : s_.degree_words)
      if (d.size() > degree && s.substr(at, d.size()) == d) degree = d.size();
    if (degree == 0) return false;
    if (const std::size_t w = word_starting_at(s, at); w > degree) {
      // The list reads the degree word and what follows as one word: a
      // modifier (很快, 更好) is the complement whole; anything else (更新,
      // 最后) is not a degree word here.
      if (!tagged(s.substr(at, w), s_.adjective_tags) && !tagged(s.substr(at, w), s_.modifier_tags)) return false;
      at += w;
    } else {
      at += degree;
      if (at >= s.size()) return false;
      const std::size_t a = word_starting_at(s, at);
      if (a == 0 || !tagged(s.substr(at, a), s_.adjective_tags)) return false;
      at += a;
    }
    if (at < s.size() && s[at] == U'了') ++at;
    return at >= s.size() || s_.clause_end.find(s[at]) != std::u32string::npos;
  }

  Settings s_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  Settings s;
  const std::vector<std::string> files = lexicon_files_param(params);
  if (files.empty()) params.error_at("lexicon", "de-particle reads part-of-speech tags: name a word list (lexicon)");
  s.lexicon = std::make_shared<const Lexicon>(files, std::vector<std::u32string>{});
  for (const auto& t : params.strings("modifier_tags")) s.modifier_tags.insert(t);
  for (const auto& t : params.strings("verb_tags")) s.verb_tags.insert(t);
  for (const auto& t : params.strings("adjective_tags")) s.adjective_tags.insert(t);
  for (const auto& t : params.strings("particle_word_tags")) s.particle_word_tags.insert(t);
  s.aspect = code_points(params.optional_string("aspect").value_or("了着过")).chars;
  s.nominalizers = code_points(params.optional_string("nominalizers").value_or("所")).chars;
  s.clause_end = code_points(params.optional_string("clause_end").value_or("，。；！？：")).chars;
  for (const auto& w : params.strings("degree_words")) s.degree_words.push_back(code_points(w).chars);
  for (const auto& w : params.strings("directionals")) s.directionals.push_back(code_points(w).chars);
  return std::make_unique<DeParticleRule>(std::move(info), std::move(s));
}

}  // namespace

const RuleKind& de_particle_kind() {
  static const RuleKind kind{"de-particle",
                             "的 where an adverbial asks for 地 or a degree complement for 得",
                             {"match", "word", "particle"},
                             {BlockKind::Body, BlockKind::ListItem, BlockKind::Caption},
                             &create};
  return kind;
}

}  // namespace kanwu
