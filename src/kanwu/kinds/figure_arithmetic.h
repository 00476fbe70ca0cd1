// figure-arithmetic: recomputes what the text lets one recompute — total,
// increase and growth rate; old value, new value and the stated rate; parts
// under 其中 against their whole; 分别 lists against their items. Like
// statcheck, it flags only when no values within the stated precision can
// produce the stated figure.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& figure_arithmetic_kind();
}
