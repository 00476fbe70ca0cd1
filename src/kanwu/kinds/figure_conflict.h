// figure-conflict: the same metric, subject and period reported with
// incompatible values, within a document or across the corpus (增长16.4% in
// one article, 增长15.4% in another). Comparison is rounding- and
// qualifier-aware; claims are indexed by metric, never compared all-pairs.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& figure_conflict_kind();
}
