// A fingerprint of a file's bytes: what `kanwu check --fix` compares before
// writing, so that fixes computed on one text are never applied to another
// (a file saved by an editor, or fixed by another kanwu, since it was read).
#pragma once

#include <cstdint>
#include <string_view>

#include "kanwu/text/cache_file.h"

namespace kanwu {

struct ContentDigest {
  // Two FNV-1a hashes with unrelated seeds and the length: changes made by
  // editors and other runs are not adversarial, and a 128-bit fingerprint
  // plus the size makes an accidental match out of reach.
  std::uint64_t first = 0;
  std::uint64_t second = 0;
  std::uint64_t size = 0;

  static ContentDigest of(std::string_view bytes) {
    return {cache::hash(bytes), cache::hash(bytes, 0x9E3779B97F4A7C15ull), bytes.size()};
  }
  friend bool operator==(const ContentDigest&, const ContentDigest&) = default;
};

}  // namespace kanwu
