// Character classes the rules agree on. Kept in one place so that "Chinese
// text", "sentence end" and "display width" mean the same thing everywhere.
#pragma once

#include <cstdint>
#include <string_view>

namespace kanwu::chars {

inline bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) || c == 0x3007;
}

inline bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_fullwidth_digit(char32_t c) { return c >= 0xFF10 && c <= 0xFF19; }
inline bool is_digit(char32_t c) { return is_ascii_digit(c) || is_fullwidth_digit(c); }
// A decimal digit of any script (Unicode Nd, what ICU's \d matches).
bool is_decimal_digit(char32_t c);
// At least `n` decimal digits in a row. Chinese text is passed over three
// bytes at a time: no digit lies in U+3000-U+9FFF (UTF-8 lead bytes E3-E9).
bool has_digit_run(std::string_view utf8, std::size_t n);
inline bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Spaces that separate or indent text, including the ideographic space.
inline bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0x00A0 || c == '\n' || c == '\r';
}

// Marks after which a paragraph may properly end.
bool is_paragraph_end(char32_t c);
// Sentence-final marks: 。！？ and their half-width forms, plus ellipsis.
bool is_sentence_end(char32_t c);
// Chinese full-width punctuation, used to decide whether text around an
// ASCII mark is Chinese.
bool is_cjk_punctuation(char32_t c);

// Columns a terminal gives the character: 2 for East Asian wide/full-width.
int display_width(char32_t c);

// Two adjacent characters as one key, for tables of character pairs.
inline std::uint64_t pair_key(char32_t a, char32_t b) { return static_cast<std::uint64_t>(a) << 32 | b; }

}  // namespace kanwu::chars
