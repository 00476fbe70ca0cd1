// Restatement evidence: why an editor believes two figures are the same
// figure. Two articles that state one metric differently conflict only when
// one passage restates the other — the same sentence with a number changed,
// or a passage whose other figures agree. A shared metric name alone is not
// evidence: different places, periods and scopes share names all the time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kanwu {

// The sentence around a figure (from the previous 。！？； to the next, in
// its block) with every number masked: what stays the same when one
// passage restates another with one figure changed.
struct MaskedPassage {
  // Sorted character bigrams of the masked sentence (Han, letters and a
  // mark for each run of digits or numerals; punctuation and spaces
  // dropped), each packed into 64 bits.
  std::vector<std::uint64_t> bigrams;

  // `numbers`: the byte spans of the block's figures (Chinese numerals are
  // masked only there: 一级、中级 and 第一 are words, not figures). Digit
  // runs elsewhere (years, dates) are masked too.
  static MaskedPassage around(std::string_view block_text, std::size_t at,
                              const std::vector<std::pair<std::size_t, std::size_t>>& numbers);
  // Dice's coefficient over the two multisets of bigrams, 0…1.
  double similarity(const MaskedPassage& other) const;
};

}  // namespace kanwu
