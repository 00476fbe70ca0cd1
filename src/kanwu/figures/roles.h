// Roles: the grammar that says what kind of figure a number is. The verb
// right before the number (增长, 下降, 占, 提高至 …) says whether it is a
// level, a change, a rate or a share; 高于, 低于 … make it a gap against a
// comparator. Read by the metric reader (to drop these words from a metric)
// and by the claim loop (to give each claim its role). These words are the
// construction itself, not a vocabulary to extend.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "kanwu/figures/claim.h"
#include "kanwu/figures/quantity.h"

namespace kanwu::figure_stages {

// Words that introduce a figure as a change (增长, 提高到, 翻番 …).
extern const std::set<std::string> kRoleWords;
// 高于全国1.7个百分点: a gap against a comparator, not a metric of its own.
extern const std::set<std::string> kGapWords;

bool ends_with_any(std::string_view s, auto const& words) {
  for (std::string_view w : words)
    if (s.ends_with(w)) return true;
  return false;
}

// The role of quantity `q`, from the text right before it.
ClaimRole role_of(std::string_view prefix, const Quantity& q);

// "#rate", "#increase" …: the part of a metric key that says the role ("" for a value).
std::string role_suffix(ClaimRole role);

}  // namespace kanwu::figure_stages
