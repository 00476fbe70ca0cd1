// Subjects: whose figure a number is (通辽, 全国, a city inside a provincial
// report). Reads the places the context reader found in the paragraph
// (PlaceMention, figures/context.h): the last place named before the figure
// in subject position, else the place the paragraph before named when this
// one continues it (其中，…), else the document's own subject; 全省/本市 stand
// for the place named, and a document or section that names none gets a
// subject of its own ("@path", "@path#section") so that its figures are
// compared only inside it. 全国 is a subject only at the head of its clause.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kanwu/figures/context.h"
#include "kanwu/figures/period.h"

namespace kanwu::figure_stages {

// The subject of a figure at byte `at`, given the paragraph's places in
// order, the subject a continuing paragraph opens with ("" if none), the
// document's subject, its path and the number of headings seen so far.
// Figures ask in the order of their offsets, so the cursor carries the places
// read so far from one figure to the next (reading from the block's start
// for every figure was quadratic in a large block). One cursor per block.
struct SubjectCursor {
  std::size_t next = 0;  // the first place not read yet
  bool started = false;
  std::string subject, named;
};
std::string subject_of(const std::vector<PlaceMention>& places, std::size_t at, const std::string& opening_subject,
                       const std::string& document_subject, const std::string& path, std::size_t section,
                       SubjectCursor& cursor);

// Whether the place at byte `at` heads its clause (only periods and openers
// such as 同时, 其中, 截至 before it): 2025年，全国粮食产量… but not 全国文明城市.
bool heads_clause(std::string_view text, std::size_t at, const std::vector<Period>& periods);

}  // namespace kanwu::figure_stages
