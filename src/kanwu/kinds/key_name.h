// key-name: a name that must never be misspelt (a state leader's, the
// outlet's own region's and institutions') written with one character
// wrong: 习近乎 for 习近平, 赵乐祭 for 赵乐际. The names are data, dated and
// extended by users (rules/vocabulary/key-names.yaml). A near miss is
// reported only when the changed character sounds or looks like the
// name's (a slip of the pen or of the input method, not another name), the
// near miss is neither a listed name nor a word, and — where the language
// model is installed — the model reads the name in its place better by a
// wide margin.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& key_name_kind();
}
