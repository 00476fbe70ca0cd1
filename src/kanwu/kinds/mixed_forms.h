// mixed-forms: one document writing the same thing two ways (近5年 and 近五年,
// “A”、“B” beside “C”“D”). Each group of forms is data; where a document
// uses more than one form of a group, the minority form is reported with the
// document's usual form as the suggestion. A group may name a form that
// always wins (GB/T 15834 puts no 顿号 between quoted items, so ”、“ is
// reported wherever the document also writes ”“, never the other way).
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& mixed_forms_kind();
}
