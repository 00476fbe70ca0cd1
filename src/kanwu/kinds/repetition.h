// repetition: accidentally doubled words (新建建, 增收增收, 学位、学位), told
// apart from Chinese's many legitimate doublings (一幅幅, 默默, 实实在在,
// 农村牧区|区域) by dictionary word segmentation around each candidate.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& repetition_kind();
}
