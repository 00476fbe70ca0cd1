// Phrases: the pieces every stage of the figure reader cuts text into.
// Clauses (the text between ，；：。 …, and 、 in an enumeration), asides
// that are not part of an indicator's name (brackets, 以…计), and words
// split by backward maximum matching, the way metrics are built
// (规模以上|工业|增加值). The metric reader, the 分别 lists and the claim
// loop all read clauses and words the same way through these.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "kanwu/nlp/lexicon.h"

namespace kanwu::figure_stages {

// Whether a clause mark starts at byte `at` (its length in `length`); with
// `enumeration`, 、 counts too.
bool is_mark(std::string_view text, std::size_t at, std::size_t& length, bool enumeration);

// Start of the clause containing byte `at`, not before `floor`. With
// `enumeration`, 、 also ends a clause (养老床位3852张、照护床位3326张).
std::size_t clause_start(std::string_view text, std::size_t floor, std::size_t at, bool enumeration);

// The spans (quantities, periods: sorted by their begin) that begin in
// [from, to), found by binary search: a block of a megabyte holds tens of
// thousands, and scanning them all for each figure was quadratic.
template <typename Span>
std::pair<typename std::vector<Span>::const_iterator, typename std::vector<Span>::const_iterator> beginning_in(
    const std::vector<Span>& spans, std::size_t from, std::size_t to) {
  const auto lo = std::partition_point(spans.begin(), spans.end(), [&](const Span& x) { return x.begin < from; });
  return {lo, std::partition_point(lo, spans.end(), [&](const Span& x) { return x.begin < to; })};
}

void replace_all(std::string& text, std::string_view from, std::string_view to);

// Removes what is not part of an indicator's name: asides in brackets
// (快递业务量（不含邮政集团包裹业务）), measure phrases (以载重吨计).
std::string strip_asides(std::string text);

std::string join_words(const std::vector<std::string>& words);

// The words sorted, without repeats, joined by |: a metric key's words.
std::string sorted_key(std::vector<std::string> words);

// A piece of a metric phrase: a word of the lexicon, a single Han
// character, a run of Latin letters and digits, a run of blanks, or one
// punctuation mark.
struct Word {
  std::string text;
  bool han = false;
};

// Splits text into words by backward maximum matching: at each place, the
// longest lexicon word ending there. Metrics are read leftwards from the
// number, and this reads the way they are built (规模以上|工业|增加值). ICU's
// dictionary cuts such phrases into fragments (规|上|工业|增加|值).
std::vector<Word> split_words(std::string_view text, const Lexicon& lexicon);

}  // namespace kanwu::figure_stages
