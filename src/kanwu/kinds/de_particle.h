// de-particle: 的 where the construction asks for 地 or 得, read from the
// words on either side of it (the word list's part-of-speech tags):
//   - an adverbial before a verb takes 地: a modifier (an adverb or an
//     adjective, or a reduplicated AA: 静静) + 的 + a verb carrying an aspect
//     particle (了, 着, 过) — 高兴的跳了起来, 静静的流淌着. The aspect particle
//     is what makes the verb a predicate: without it the verb may be a noun
//     (群众坚定的支持, 积极的对外开放政策);
//   - a verb before its degree complement takes 得: a verb + 的 + a degree
//     word + an adjective ending the clause — 跑的很快。, 办的非常漂亮。 —
//     but not after 所 (所做的十分重要: a noun phrase) and not where the
//     adjective goes on to a noun (出台的很多政策).
// Never where 的 belongs to a word (真的, 目的, 的确).
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& de_particle_kind();
}
