// A word list beyond ICU's dictionary, for questions segmentation answers
// badly: "is 习近平 a word, so that 学习|习近平 is two words meeting?".
// ICU's Chinese dictionary segments 东营, 侨眷, 航班 as single characters;
// a large word list with frequencies (jieba's dict.txt, shipped by Debian's
// python3-jieba, MIT) knows them. Files are read on first use, so a run
// that never asks pays nothing.
#pragma once

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kanwu {

class Lexicon {
 public:
  // Words from `files` (one word per line, optionally followed by spaces and
  // other columns, as jieba's dict.txt) plus `extra_words`.
  Lexicon(std::vector<std::string> files, std::vector<std::u32string> extra_words);
  // Also remembers which words carry one of `tags` in the third column
  // (jieba's part of speech: ns place, nr person name).
  Lexicon(std::vector<std::string> files, std::vector<std::u32string> extra_words, std::set<std::string> tags);

  // True when `word` (two or more code points) is a listed word.
  bool contains(std::u32string_view word) const;

  // True when a listed word of min_len..max_len code points starts at text[at].
  bool word_starts_at(std::u32string_view text, std::size_t at, std::size_t min_len = 2,
                      std::size_t max_len = 4) const;

  // True when `word` is listed with one of the constructor's `tags`.
  bool has_tag(std::u32string_view word) const;

  // First line of a file that could not be read, for load-time checks.
  static std::string check_readable(const std::string& file);

 private:
  void load() const;
  std::vector<std::string> files_;
  mutable std::once_flag loaded_;
  std::set<std::string> tags_;
  mutable std::unordered_set<std::u32string> words_;
  mutable std::unordered_set<std::u32string> tagged_;
};

}  // namespace kanwu
