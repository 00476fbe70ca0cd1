// The punctuation that bounds clauses and sentences, named once for every
// reader of clauses — the figure reader, the figure rules, the paragraph
// rules — so that no rule keeps a list of its own. Full-width marks with the
// half-width forms that Chinese text also uses. Each set is named for what
// it bounds; the sets differ on purpose where a reader needs it to.
#pragma once

#include <array>
#include <string_view>

namespace kanwu::marks {

// The end of a sentence as a figure's passage is read (a ； ends one, and a
// line break inside a block — a wrapped line — does too).
inline constexpr std::array<std::string_view, 6> kSentenceEnds{"。", "！", "？", "；", "\n", "!"};

// The end of the clause a figure stands in, for its masked clause: a
// sentence's end, or ， ： ,.
inline constexpr std::array<std::string_view, 9> kFigureClauseEnds{"。", "！", "？", "；", "\n", "!", "，", "：", ","};

// Any mark between clauses as the metric reader splits them (a line break
// inside a block is not one: a wrapped line goes on).
inline constexpr std::array<std::string_view, 9> kClauseMarks{"，", "；", "：", "。", "！", "？", ",", ";", ":"};

// The same without the colon: a label and its value (覆盖率：95%) are one
// clause.
inline constexpr std::array<std::string_view, 7> kClauseMarksButColon{"，", "；", "。", "！", "？", ",", ";"};

// Marks that end a clause but not a sentence: a line holding one is prose,
// not a heading.
inline constexpr std::array<std::string_view, 5> kMidSentenceMarks{"，", "；", "：", ",", ";"};

// The marks after which a plan word's clause is over (a later clause in
// the same sentence may say the thing is done).
inline constexpr std::array<std::string_view, 2> kClauseBreaks{"，", "；"};

}  // namespace kanwu::marks
