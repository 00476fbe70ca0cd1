#include "kanwu/nlp/utf16.h"

#include <algorithm>

#include "kanwu/text/utf8.h"

namespace kanwu {

Utf16Text::Utf16Text(std::string_view utf8) {
  offsets_.reserve(utf8.size() + 1);
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t c;
    int len = utf8::decode(utf8, i, c);
    if (len == 0) c = 0xFFFD, len = 1;
    text_.append(static_cast<UChar32>(c));
    offsets_.push_back(i);
    if (c > 0xFFFF) offsets_.push_back(i);
    i += len;
  }
  offsets_.push_back(utf8.size());
}

int32_t Utf16Text::to_utf16(std::size_t byte_offset) const {
  const auto it = std::lower_bound(offsets_.begin(), offsets_.end(), byte_offset);
  return static_cast<int32_t>(it - offsets_.begin());
}

}  // namespace kanwu
