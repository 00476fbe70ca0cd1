// Byte search for the prefilters that decide whether a rule has anything to
// look at. Chinese text is made of three-byte sequences with few distinct
// lead bytes, so std::string_view::find (memchr for the first byte, then a
// compare) stops at nearly every character; glibc's memmem does not.
#pragma once

#include <cstring>
#include <string_view>

namespace kanwu {

inline std::size_t find_bytes(std::string_view text, std::string_view needle, std::size_t from = 0) {
  if (from > text.size()) return std::string_view::npos;
  if (needle.empty()) return from;
  const void* at = ::memmem(text.data() + from, text.size() - from, needle.data(), needle.size());
  return at ? static_cast<std::size_t>(static_cast<const char*>(at) - text.data()) : std::string_view::npos;
}

inline bool contains_bytes(std::string_view text, std::string_view needle) {
  return find_bytes(text, needle) != std::string_view::npos;
}

}  // namespace kanwu
