#include "kanwu/nlp/utf16.h"

#include <algorithm>

#include "kanwu/text/utf8.h"

namespace kanwu {

Utf16Text::Utf16Text(std::string_view utf8) {
  offsets_.reserve(utf8.size() + 1);
  // Written straight into the string's buffer (appending code point by code
  // point cost more than the conversion): UTF-16 never needs more units
  // than UTF-8 has bytes.
  UChar* out = text_.getBuffer(static_cast<int32_t>(utf8.size() + 1));
  int32_t n = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t c;
    int len = utf8::decode(utf8, i, c);
    if (len == 0) c = 0xFFFD, len = 1;
    offsets_.push_back(i);
    if (c > 0xFFFF) {
      out[n++] = static_cast<UChar>(0xD7C0 + (c >> 10));
      out[n++] = static_cast<UChar>(0xDC00 | (c & 0x3FF));
      offsets_.push_back(i);
    } else {
      out[n++] = static_cast<UChar>(c);
    }
    i += static_cast<std::size_t>(len);
  }
  text_.releaseBuffer(n);
  offsets_.push_back(utf8.size());
}

int32_t Utf16Text::to_utf16(std::size_t byte_offset) const {
  const auto it = std::lower_bound(offsets_.begin(), offsets_.end(), byte_offset);
  return static_cast<int32_t>(it - offsets_.begin());
}

}  // namespace kanwu
