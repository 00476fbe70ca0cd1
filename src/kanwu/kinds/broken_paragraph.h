// broken-paragraph: a paragraph that stops mid-sentence and continues in a
// later block, directly below or past headings, captions and even other
// paragraphs ("…医院9所，开" … "通移动支付医院8所…").
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& broken_paragraph_kind();
}
