// Does text A, cut off, continue in text B? The word segmenter is asked only
// about a few characters on each side of the junction.
#pragma once

#include <string>
#include <string_view>

namespace kanwu {

struct JoinSignal {
  // A's last and B's first characters form one word (积|极开展 → 积极).
  bool spans_word = false;
  // A ends, and B begins, with a character the segmenter leaves alone: a
  // word cut in two leaves such fragments on both sides.
  bool lone_ends = false;
};

JoinSignal examine_join(std::string_view a, std::string_view b);

// The last / first `n` code points of a text.
std::string tail_chars(std::string_view text, std::size_t n);
std::string head_chars(std::string_view text, std::size_t n);

}  // namespace kanwu
