// Word and sentence segmentation with ICU. Dictionary word segmentation is
// by far the slowest step (~10 MB/s), so rules ask for words only in small
// windows around the place they look at, never for whole documents.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace kanwu {

struct Token {
  std::size_t begin = 0;  // UTF-8 byte offsets into the segmented text
  std::size_t end = 0;
  int status = 0;  // ICU rule status: 100s numbers, 200s letters, 400s ideographs
  bool is_ideographic_word() const { return status >= 400 && status < 500; }
  std::size_t size() const { return end - begin; }
};

struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

class WordSegmenter {
 public:
  // One segmenter per thread: ICU iterators are not thread-safe and are
  // costly to create, so each worker keeps its own.
  static WordSegmenter& for_this_thread();

  std::vector<Token> tokenize(std::string_view text);

  // True when `left` + `right` read as one text put a word across the
  // junction, i.e. the join is not a word boundary (积|极开展 → 积极).
  bool joins_into_word(std::string_view left, std::string_view right);

 private:
  WordSegmenter();
  ~WordSegmenter();
  WordSegmenter(const WordSegmenter&) = delete;
  WordSegmenter& operator=(const WordSegmenter&) = delete;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Sentences of a text, by ICU's sentence rules with Chinese opening quotes
// and brackets removed from the closing class (ICU treats “ as a closer).
std::vector<TextSpan> split_sentences(std::string_view text);

}  // namespace kanwu
