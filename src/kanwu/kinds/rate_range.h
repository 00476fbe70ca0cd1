// rate-range: a rate that cannot exceed 100% (覆盖率, 普及率, 参保率, 占比…)
// reported above it. Growth, increase and ratio wordings are exempt.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& rate_range_kind();
}
