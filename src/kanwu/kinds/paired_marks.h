// paired-marks: quotes and brackets that open without closing, or close
// without opening, inside a paragraph (“ ” ‘ ’ （ ） 《 》 【 】 …).
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& paired_marks_kind();
}
