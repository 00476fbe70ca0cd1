// A word list beyond ICU's dictionary, for questions segmentation answers
// badly: "is 习近平 a word, so that 学习|习近平 is two words meeting?".
// ICU's Chinese dictionary segments 东营, 侨眷, 航班 as single characters;
// a large word list with frequencies (jieba's dict.txt, shipped by Debian's
// python3-jieba, MIT) knows them. The files' index (nlp/word_index.h,
// cached between runs) is opened on first use, once per process however
// many rules name them, so a run that never asks pays nothing.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kanwu {

class WordIndex;

class Lexicon {
 public:
  // Words from `files` (one word per line, optionally followed by spaces and
  // other columns, as jieba's dict.txt) plus `extra_words`; `tags` are the
  // part-of-speech tags (third column: ns place, nr person name) has_tag()
  // answers for.
  Lexicon(std::vector<std::string> files, std::vector<std::u32string> extra_words, std::set<std::string> tags = {});
  ~Lexicon();

  // True when `word` (two or more code points) is a listed word.
  bool contains(std::u32string_view word) const;

  // True when a listed word of min_len..max_len code points starts at text[at].
  bool word_starts_at(std::u32string_view text, std::size_t at, std::size_t min_len = 2,
                      std::size_t max_len = 4) const;

  // True when a listed word of min_len..max_len code points runs across
  // `at`: it starts before text[at] and ends after it begins (退税|缓税|缓费
  // across 税|缓, 源源不断 across 源|源).
  bool word_across(std::u32string_view text, std::size_t at, std::size_t min_len = 2, std::size_t max_len = 4) const;

  // Length of the longest listed word of at most max_len code points that
  // ends just before text[end], or 0. Cheap where no long word can end (the
  // index knows the longest word ending with each pair of characters).
  std::size_t longest_word_ending_at(std::u32string_view text, std::size_t end, std::size_t max_len) const;

  // True when `word` is listed with one of the constructor's `tags`.
  bool has_tag(std::u32string_view word) const;
  // True when `word` is listed with one of `tags` (a question another rule
  // parameter asks of the same list).
  bool has_tag(std::u32string_view word, const std::set<std::string>& tags) const;
  // True when the one-character word `c` is listed with one of `tags` (跑 v,
  // 快 a): a question about grammar, which one-character words answer too.
  bool char_has_tag(char32_t c, const std::set<std::string>& tags) const;

  // First line of a file that could not be read, for load-time checks.
  static std::string check_readable(const std::string& file);

  // Lookups by string_view, without building a string per question.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::u32string_view s) const { return std::hash<std::u32string_view>{}(s); }
  };
  struct Equal {
    using is_transparent = void;
    bool operator()(std::u32string_view a, std::u32string_view b) const { return a == b; }
  };

 private:
  const WordIndex& index() const;
  bool tagged(std::u32string_view word, const std::set<std::string>& tags) const;
  std::vector<std::string> files_;
  std::set<std::string> tags_;
  std::unordered_set<std::u32string, Hash, Equal> extra_;
  // The longest extra word starting and ending with each pair of characters.
  std::unordered_map<std::uint64_t, std::pair<std::uint8_t, std::uint8_t>> extra_pairs_;
  mutable std::shared_ptr<const WordIndex> index_;
  mutable std::once_flag opened_;
};

}  // namespace kanwu
