// LEB128 varints, as the ledger's binary columns write their counts and
// numbers (shingle_code.h, block_record.h): seven bits a byte, least
// significant first, the high bit set on every byte but the last.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kanwu::ledger {

inline void append_varint(std::string& out, std::uint64_t n) {
  for (; n > 0x7f; n >>= 7) out.push_back(static_cast<char>((n & 0x7f) | 0x80));
  out.push_back(static_cast<char>(n));
}

// The varint at `at` in `in`, `at` moved past it; false when the bytes run
// out or the number takes more than `max_bytes` (a 64-bit number takes 10).
inline bool read_varint(std::string_view in, std::size_t& at, std::uint64_t& n, std::size_t max_bytes = 10) {
  n = 0;
  for (std::size_t i = 0; i < max_bytes && i < 10; ++i) {
    if (at >= in.size()) return false;
    const auto byte = static_cast<unsigned char>(in[at++]);
    n |= static_cast<std::uint64_t>(byte & 0x7f) << (7 * i);
    if (!(byte & 0x80)) return true;
  }
  return false;
}

}  // namespace kanwu::ledger
