// Constructions around a figure: the grammar that ties a number to the
// figures and words next to it, read from the block text. 其中 makes a
// figure a part of the whole named before it (whole_of_part); 从/由…到/至
// makes the first figure where a change started (is_start_value); items
// joined by 、 with no figure of their own are counted together
// (joined_items_before); a count followed by a noun measures that noun
// (followed_by_noun). The claim loop asks these for each figure; they read
// the text and the claims made so far, and change nothing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kanwu/figures/claim.h"
#include "kanwu/figures/quantity.h"

namespace kanwu::figure_stages {

// "<" and the metric key of the whole a figure after 其中 is a part of, or
// "" when its sentence has no 其中 before it or no whole with a metric
// before the 其中 (with `nearest_of_unit`: when the nearest figure of the
// part's unit before it has none). `claims` are those read so far; `b` is
// the block.
std::string whole_of_part(const std::vector<Claim>& claims, std::string_view text, std::size_t sentence_begin,
                          std::size_t at, std::size_t b, const std::string& unit,
                          bool nearest_of_unit = false);

// 从11.37万亿元提高到…: whether the figure after `prefix` is where a change started.
bool is_start_value(std::string_view prefix);

// Whether the clause at `clause` continues an enumeration (、 before it)
// whose items carry no figure.
bool joined_items_before(std::string_view text, std::size_t sentence_begin, std::size_t clause,
                         const std::vector<Quantity>& quantities);

// Whether a noun follows the number ending at byte `end` (建成2.72万台充电桩).
bool followed_by_noun(std::string_view text, std::size_t end);

}  // namespace kanwu::figure_stages
