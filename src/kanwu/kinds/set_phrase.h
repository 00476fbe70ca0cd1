// set-phrase: a set phrase or policy formula written with one character
// changed, added or missing (应参保尽保 → 应保尽保, 一步步一个脚印 →
// 一步一个脚印, 难愁盼 → 急难愁盼). The phrases are data
// (rules/vocabulary/set-phrases.yaml); a near miss that is itself a word of
// the lexicon or another listed phrase (稳中有进 beside 稳中求进) is not one.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& set_phrase_kind();
}
