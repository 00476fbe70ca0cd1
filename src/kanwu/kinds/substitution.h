// substitution: a wrong → right map (误用 → 正确), each hit with a fix.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& substitution_kind();
}
