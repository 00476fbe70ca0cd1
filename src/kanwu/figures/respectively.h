// 分别 lists: 一、二、三产业增加值分别增长4.2%、5%、5.4% names three metrics
// in one clause and gives their values after 分别. This stage reads each such
// list once per block and says which value is whose (一产业增加值 4.2%, …), so
// that the claim loop reads each listed value's metric from its own item, not
// from the clause before the first value. It reads the block text and its
// quantities only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kanwu/figures/quantity.h"
#include "kanwu/nlp/lexicon.h"

namespace kanwu::figure_stages {

// A 分别 list: 一、二、三产业增加值分别增长4.2%、5%、5.4% gives each value
// its own metric. Items are split on 、 和 及 与; an item shorter than the
// last borrows the last item's remaining words (城镇和农村居民人均可支配收入
// → 城镇居民人均可支配收入).
struct ListAssignment {
  std::size_t quantity;  // index in the block's quantities
  std::string metric_text;
  std::string verb;  // text between 分别 and the first value
};

// `items_text` is `text` with times and places blanked (same offsets).
std::vector<ListAssignment> respectively_lists(std::string_view text, std::string_view items_text,
                                               const std::vector<Quantity>& quantities, const Lexicon& lexicon,
                                               std::vector<bool>& in_list);

}  // namespace kanwu::figure_stages
