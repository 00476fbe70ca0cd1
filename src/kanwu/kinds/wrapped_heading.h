// wrapped-heading: a heading broken over several short lines by the page
// layout ("大学生就 / 业引航计 / 划”"), reported once with the joined heading.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& wrapped_heading_kind();
}
