// Claims: quantities attached to what they measure. A claim has a metric
// (民政事业发展资金), a subject (通辽), a period (FYP14), a role (a value, an
// increase, a growth rate, a share), qualifiers (新增, 累计, 年均 …) and links
// to the figures it qualifies: in 资金70.4亿元，较“十三五”时期增加9.4亿元，
// 增长15.4%, the increase and the rate are linked to the total.
#pragma once

#include <string>
#include <vector>

#include "kanwu/doc/document.h"
#include "kanwu/figures/context.h"
#include "kanwu/figures/period.h"
#include "kanwu/figures/quantity.h"
#include "kanwu/figures/vocabulary.h"

namespace kanwu {

enum class ClaimRole { Value, Increase, Decrease, Rate, RateDecline, Share, PointChange };
std::string_view to_string(ClaimRole role);

struct Claim {
  Quantity quantity;
  std::size_t block = 0;
  std::size_t sentence = 0;  // index among the block's sentences
  Location where;            // the quantity's place in the file
  std::string metric;        // as read, synonyms rewritten: 规模以上工业增加值
  // Content words sorted, then qualifiers and role: 增加值|工业|规模以上#rate
  std::string metric_key;
  std::vector<std::string> qualifiers;  // sorted: 新增, 累计 …
  std::string share_base;               // for a share: what it is a share of ("" when unstated)
  ClaimRole role = ClaimRole::Value;
  // 通辽, 山东, 全国; "@file#section" for 全省 in a story that never names the
  // province (comparable only inside that section)
  std::string subject;
  std::string period;   // FYP14, Y2024, Y2023M1-8 … ("" when unknown)
  std::string period_text;
  int anchor = -1;    // index of the claim this one qualifies (increase, rate → total)
  int increase = -1;  // for a rate: the increase stated beside it
  bool plan = false;      // a target or forecast (目标, 力争, 确保; 预计, 有望)
  bool forecast = false;  // a forecast (预计, 预测, 有望): someone's estimate, never compared
  bool start_value = false;  // the A of 从A增加到B: a value before the period, of a time not read
  bool starts_change = false;  // the A of 从A增加到B, with its own time read (由2016年的A) or not
  bool ambiguous = false;    // another value in its paragraph reads as the same figure
  bool comparable() const {
    return !plan && !start_value && !ambiguous && !metric_key.empty() && !period.empty();
  }
};

// Quantities and time expressions of every block, read once per document
// and shared by all figure rules.
struct BlockFigures {
  std::vector<std::vector<Quantity>> quantities;  // per block
  std::vector<std::vector<Period>> periods;       // per block
};
const BlockFigures& block_figures(const Document& document);

struct DocumentFigures {
  DocumentContext context;
  std::vector<Claim> claims;
};

// The figures a document states, read with `vocabulary`; computed once per
// document and vocabulary, and cached.
const DocumentFigures& document_figures(const Document& document, const FigureVocabulary& vocabulary);

}  // namespace kanwu
