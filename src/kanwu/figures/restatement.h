// Restatement evidence: why an editor believes two figures are the same
// figure. Two articles that state one metric differently conflict only when
// one passage restates the other — the same sentence with a number changed,
// or a passage whose other figures agree. A shared metric name alone is not
// evidence: different places, periods and scopes share names all the time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kanwu {

// The sentence around a figure (from the previous 。！？； to the next, in
// its block) with every number masked: what stays the same when one
// passage restates another with one figure changed.
struct MaskedPassage {
  // Sorted character bigrams of the masked sentence (Han, letters and a
  // mark for each run of digits or numerals; punctuation and spaces
  // dropped), each packed into 64 bits.
  std::vector<std::uint64_t> bigrams;
  // The digit runs outside figures (years, dates: 2020 of 2020年以来), in
  // order: a passage restated word for word about another year is not the
  // same passage.
  std::vector<std::u32string> dates;

  // `numbers`: the byte spans of the block's figures (Chinese numerals are
  // masked only there: 一级、中级 and 第一 are words, not figures). Digit
  // runs elsewhere (years, dates) are masked too.
  static MaskedPassage around(std::string_view block_text, std::size_t at,
                              const std::vector<std::pair<std::size_t, std::size_t>>& numbers);
  // Dice's coefficient over the two multisets of bigrams, 0…1.
  double similarity(const MaskedPassage& other) const;
};

// The text a figure's passages are read from, kept small: its sentence and
// the paragraph's opening sentence, not the block. The masked passages are
// made only when a rival figure asks for them (most figures have none): the
// sentence's equals MaskedPassage::around on the block; the paragraph's is
// its opening sentence and the figure's.
struct PassageText {
  std::string opening;   // the block's first sentence
  std::string sentence;  // the figure's sentence
  std::size_t at = 0;    // the figure's offset in `sentence`
  bool after_opening = false;  // the figure's sentence is not the opening one
  std::vector<std::pair<std::size_t, std::size_t>> opening_numbers, sentence_numbers;

  static PassageText of(std::string_view block_text, std::size_t at,
                        const std::vector<std::pair<std::size_t, std::size_t>>& numbers);
  MaskedPassage sentence_passage() const;
  MaskedPassage paragraph_passage() const;
};

// The sentence up to the end of the clause holding a figure (to the next
// ，；：。！？ or line end), masked the same way, as text, the figure at `at`
// marked apart from the others: "#年全区新建和改扩建学校@所". A clause alone
// may only point back (增速比一季度加快0.3个百分点: the growth of what the
// clause before named), so the sentence's start comes with it. Two figures
// whose metric the reader could not name are the same figure when their
// clauses read alike word for word.
// `times` (sorted, not overlapping the numbers) are left out: a clause names
// a metric, and its time is the figure's period, read apart (2024年4月25日
// and 去年4月25日, a 全年 dropped: one clause).
std::string masked_clause(std::string_view block_text, std::size_t at,
                          const std::vector<std::pair<std::size_t, std::size_t>>& numbers,
                          const std::vector<std::pair<std::size_t, std::size_t>>& times = {});

}  // namespace kanwu
