// UTF-8 primitives shared by the whole engine. Text is kept as UTF-8 from
// reading to reporting; UTF-16 copies are made only for ICU calls.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kanwu::utf8 {

// Decodes the code point starting at s[i]. Returns its byte length, or 0 if
// the bytes there are not well-formed UTF-8 (overlong forms, surrogates and
// values above U+10FFFF are rejected).
int decode(std::string_view s, std::size_t i, char32_t& cp);

// Byte offset of the first ill-formed sequence, or npos when s is valid.
std::size_t first_invalid(std::string_view s);

std::size_t count_code_points(std::string_view s);

void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);

// Length of the sequence a lead byte starts, for text already validated.
inline int sequence_length(char lead) {
  const auto b = static_cast<unsigned char>(lead);
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

// Byte offset of the code point before `i` (i > 0) in valid UTF-8.
std::size_t previous(std::string_view s, std::size_t i);

}  // namespace kanwu::utf8

namespace kanwu {

// Text as code points with the byte offset of each (offsets has one extra
// entry: the byte length), for rules that reason about characters.
struct CodePointText {
  std::u32string chars;
  std::vector<std::size_t> offsets;
  std::size_t size() const { return chars.size(); }
  // Index of the code point starting at or after `byte_offset`.
  std::size_t index_of(std::size_t byte_offset) const;
};

CodePointText code_points(std::string_view text);
std::string to_utf8(std::u32string_view chars);

}  // namespace kanwu
