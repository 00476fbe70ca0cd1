#include "kanwu/nlp/utf16.h"

#include <algorithm>
#include <climits>
#include <stdexcept>

#include "kanwu/text/utf8.h"

namespace kanwu {

Utf16Text::Utf16Text(std::string_view utf8) {
  // Sized for one unit per code point, two past U+FFFF: exact for valid
  // UTF-8, which block texts are. Sizing for a unit per byte tripled the
  // memory of Chinese text (70 MB more for a 9 MB file, every page of it a
  // page fault). Invalid bytes, one U+FFFD each, may need more: then the
  // text is converted again into room for a unit per byte.
  // ICU's strings index with int32_t (blocks are at most kMaxBlockBytes).
  if (utf8.size() >= static_cast<std::size_t>(INT32_MAX)) throw std::length_error("text too long for ICU (2 GB or more)");
  std::size_t units = 0;
  for (const char c : utf8)
    units += ((static_cast<unsigned char>(c) & 0xC0) != 0x80) + (static_cast<unsigned char>(c) >= 0xF0);
  if (!convert(utf8, units)) convert(utf8, utf8.size());
}

// Written straight into the string's buffer (appending code point by code
// point cost more than the conversion). False when `capacity` units are too
// few.
bool Utf16Text::convert(std::string_view utf8, std::size_t capacity) {
  offsets_.clear();
  offsets_.reserve(capacity + 1);
  UChar* out = text_.getBuffer(static_cast<int32_t>(capacity + 1));
  std::size_t n = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t c;
    int len = utf8::decode(utf8, i, c);
    if (len == 0) c = 0xFFFD, len = 1;
    if (n + (c > 0xFFFF ? 2 : 1) > capacity) {
      text_.releaseBuffer(0);
      return false;
    }
    offsets_.push_back(static_cast<uint32_t>(i));
    if (c > 0xFFFF) {
      out[n++] = static_cast<UChar>(0xD7C0 + (c >> 10));
      out[n++] = static_cast<UChar>(0xDC00 | (c & 0x3FF));
      offsets_.push_back(static_cast<uint32_t>(i));
    } else {
      out[n++] = static_cast<UChar>(c);
    }
    i += static_cast<std::size_t>(len);
  }
  text_.releaseBuffer(static_cast<int32_t>(n));
  offsets_.push_back(static_cast<uint32_t>(utf8.size()));
  return true;
}

int32_t Utf16Text::to_utf16(std::size_t byte_offset) const {
  const auto it = std::lower_bound(offsets_.begin(), offsets_.end(), byte_offset);
  return static_cast<int32_t>(it - offsets_.begin());
}

}  // namespace kanwu
