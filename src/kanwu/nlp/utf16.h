// UTF-16 copies of UTF-8 text for ICU, with the offset mapping back.
#pragma once

#include <unicode/unistr.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace kanwu {

class Utf16Text {
 public:
  Utf16Text() = default;
  explicit Utf16Text(std::string_view utf8);
  const icu::UnicodeString& str() const { return text_; }
  // UTF-8 byte offset of UTF-16 index i (0 <= i <= length).
  std::size_t to_utf8(int32_t i) const { return offsets_[static_cast<std::size_t>(i)]; }
  // UTF-16 index of a UTF-8 byte offset that starts a code point.
  int32_t to_utf16(std::size_t byte_offset) const;

 private:
  bool convert(std::string_view utf8, std::size_t capacity);
  icu::UnicodeString text_;
  std::vector<uint32_t> offsets_;  // size length()+1: UTF-8 byte offsets (texts of 2^31 bytes or more are refused)
};

}  // namespace kanwu
