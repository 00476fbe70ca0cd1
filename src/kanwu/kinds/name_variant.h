// name-variant: one programme, project or body named two ways in one
// document — a long official name that comes back with a few characters
// changed in its middle (中央财政支持公立中心医院与高质量发展示范项目 /
// 中央财政支持公立医院改革与高质量发展示范项目). Official names are fixed
// strings; the same document should write them the same way.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& name_variant_kind();
}
