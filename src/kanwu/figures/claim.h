// Claims: quantities attached to what they measure. A claim has a metric
// (民政事业发展资金), a subject (通辽), a period (FYP14), a role (a value, an
// increase, a growth rate, a share) and links to the figures it qualifies:
// in 资金70.4亿元，较“十三五”时期增加9.4亿元，增长15.4%, the increase and the
// rate are linked to the total.
#pragma once

#include <string>
#include <vector>

#include "kanwu/doc/document.h"
#include "kanwu/figures/period.h"
#include "kanwu/figures/quantity.h"

namespace kanwu {

enum class ClaimRole { Value, Increase, Decrease, Rate, RateDecline, Share, PointChange };
std::string_view to_string(ClaimRole role);

struct Claim {
  Quantity quantity;
  std::size_t block = 0;
  std::size_t sentence = 0;  // index among the block's sentences
  Location where;  // the quantity's place in the file
  std::string metric;      // as written, e.g. 民政事业发展资金
  std::string metric_key;  // content words, sorted, with the role: 发展|民政|事业|资金#rate
  ClaimRole role = ClaimRole::Value;
  std::string subject;  // 通辽, 内蒙古 ("" when unknown)
  std::string period;   // FYP14, Y2024 … ("" when unknown)
  std::string period_text;
  int anchor = -1;    // index of the claim this one qualifies (increase, rate → total)
  int increase = -1;  // for a rate: the increase stated beside it
  bool plan = false;  // a target or forecast (确保, 力争, 预计): never compared
  bool comparable() const { return !plan && !metric_key.empty() && !period.empty(); }
};

// Quantities and time expressions of every block, read once per document
// and shared by all figure rules.
struct BlockFigures {
  std::vector<std::vector<Quantity>> quantities;  // per block
  std::vector<std::vector<Period>> periods;       // per block
};
const BlockFigures& block_figures(const Document& document);

struct DocumentFigures {
  std::vector<Claim> claims;
  std::string subject;         // the place the document is mostly about
  std::string recent_period;   // what 五年来 / 近5年 mean in this document
};

// The figures a document states; computed once per document and cached.
const DocumentFigures& document_figures(const Document& document);

// Content words of a metric phrase as a comparison key (sorted, joined by
// '|'), so word order and filler do not matter: 城镇新增就业 = 新增城镇就业.
std::string metric_key_of(std::string_view metric);

}  // namespace kanwu
