// pattern: an ICU regular expression; every match is a finding.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& pattern_kind();
}
