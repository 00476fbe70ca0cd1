// A word list as one flat, read-only image: an open-addressing hash table of
// code-point strings, plus for each pair of adjacent characters the longest
// word that starts and the longest that ends with it. The image is built once
// from the text files (jieba's dict.txt: 349k words, ~120 ms to parse) and
// kept in a cache file that later runs map into memory, so a start costs a
// few page faults instead of a parse, and a lookup costs one hash and one
// compare in place (no node-per-word hash table, nothing to free at exit).
//
// The cache is only an optimisation: it is named after the files' paths,
// sizes and modification times, checked when opened (magic, version, size,
// the files it was built from) and rebuilt when it does not match; when no
// cache folder is writable the image lives in memory. Every read of the
// image is bounds-checked, so a damaged cache file gives wrong answers at
// worst (a file truncated by another process while mapped is the one thing
// a mapping cannot survive: the cache is only ever replaced by rename).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kanwu {

class WordIndex {
 public:
  // The index of `files` (see Lexicon for their format): from the cache when
  // a valid one exists, else built and, when possible, cached.
  static std::shared_ptr<const WordIndex> open(const std::vector<std::string>& files);
  // Built in memory, never cached (tests, and the fallback of open()).
  static std::shared_ptr<const WordIndex> build(const std::vector<std::string>& files);
  ~WordIndex();
  WordIndex(const WordIndex&) = delete;
  WordIndex& operator=(const WordIndex&) = delete;

  // The tag (third column) of a listed word: 0 when the word is not listed,
  // 1 when it is listed without a tag, else 2 + the index in tag_names().
  std::uint16_t find(std::u32string_view word) const;
  const std::vector<std::string>& tag_names() const { return tag_names_; }

  // Longest listed word starting (ending) with characters a, b: 0 if none.
  std::size_t longest_starting(char32_t a, char32_t b) const { return pair(a, b).starting; }
  std::size_t longest_ending(char32_t a, char32_t b) const { return pair(a, b).ending; }

  std::size_t size() const;
  // Where the image came from: "cache PATH", "built, cached at PATH",
  // "built in memory" (shown by tests and diagnostics).
  const std::string& origin() const { return origin_; }

  // The cache file for `files` under `folder` (text/cache_file.h), exposed
  // for tests.
  static std::string cache_path(const std::string& folder, const std::vector<std::string>& files);

  struct PairLengths {
    std::uint8_t starting = 0;
    std::uint8_t ending = 0;
  };

 private:
  WordIndex() = default;
  // An index over an image built in memory (not yet attached).
  static std::shared_ptr<WordIndex> holding(std::vector<unsigned char> image);
  bool attach(std::string origin);  // checks the image, sets the views
  PairLengths pair(char32_t a, char32_t b) const;

  std::vector<unsigned char> owned_;  // an image built in memory
  const unsigned char* image_ = nullptr;
  std::size_t image_size_ = 0;
  void* mapped_ = nullptr;  // an image mapped from the cache
  std::size_t mapped_size_ = 0;
  std::vector<std::string> tag_names_;
  std::string origin_;
};

}  // namespace kanwu
