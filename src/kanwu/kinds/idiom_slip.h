// idiom-slip: a four-character idiom written with one character wrong
// (一丝不狗 → 一丝不苟, 迫不急待 → 迫不及待). The idioms are data
// (rules/vocabulary/idioms.yaml, generated from jieba's word list); a near
// miss is reported only when it is not itself a word, no word runs across
// its ends or through its changed character, it is not quoted or a name,
// and the language model reads the idiom in its place better by a wide
// margin.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& idiom_slip_kind();
}
