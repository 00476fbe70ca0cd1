#include "kanwu/text/utf8.h"

#include <algorithm>

namespace kanwu::utf8 {

int decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const std::size_t n = s.size();
  if (i >= n) return 0;
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  int len;
  char32_t value;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, value = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, value = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, value = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > n) return 0;
  for (int k = 1; k < len; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return 0;
    value = (value << 6) | (b & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  cp = value;
  return len;
}

std::size_t first_invalid(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    const int len = decode(s, i, cp);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::size_t count_code_points(std::string_view s) {
  std::size_t count = 0;
  for (const char c : s) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string encode(char32_t cp) {
  std::string out;
  append(out, cp);
  return out;
}

std::size_t previous(std::string_view s, std::size_t i) {
  do {
    --i;
  } while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80);
  return i;
}

}  // namespace kanwu::utf8

namespace kanwu {

std::size_t CodePointText::index_of(std::size_t byte_offset) const {
  return static_cast<std::size_t>(std::lower_bound(offsets.begin(), offsets.end(), byte_offset) -
                                  offsets.begin());
}

CodePointText code_points(std::string_view text) {
  CodePointText out;
  // Exact for valid UTF-8; a byte each would triple the memory of Chinese.
  const std::size_t count = utf8::count_code_points(text);
  out.chars.reserve(count);
  out.offsets.reserve(count + 1);
  for (std::size_t i = 0; i < text.size();) {
    char32_t c;
    int len = utf8::decode(text, i, c);
    if (len == 0) c = 0xFFFD, len = 1;
    out.chars.push_back(c);
    out.offsets.push_back(i);
    i += len;
  }
  out.offsets.push_back(text.size());
  return out;
}

std::string to_utf8(std::u32string_view chars) {
  std::string out;
  for (char32_t c : chars) utf8::append(out, c);
  return out;
}

}  // namespace kanwu
