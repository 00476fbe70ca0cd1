// number-style: number usage per GB/T 15835-2011. 余/多 after a non-zero
// last digit belongs after the scale word (15余万 → 15万余; 80余万 is right),
// with a fix; and counts in Chinese numerals (八万余) in a document that
// otherwise writes counts in Arabic digits.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& number_style_kind();
}
