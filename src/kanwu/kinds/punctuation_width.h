// punctuation-width: half-width , ; : ? ! ( ) used in Chinese text, where
// GB/T 15834 wants the full-width marks. Decimals, times, thousands
// separators and English text are left alone.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& punctuation_width_kind();
}
