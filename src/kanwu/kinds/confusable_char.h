// confusable-char: a character written for one it is often confused with
// (以经 → 已经, 在次 → 再次, 按装 → 安装), from small sets of such characters
// (rules/vocabulary/confusion-sets.yaml), reported only where the language
// model reads the other member of the set far better in context, and never
// in names, quotations or next to numbers.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& confusable_char_kind();
}
