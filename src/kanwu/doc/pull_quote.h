// Pull quotes: names or phrases of the body set again in large type beside
// it (a “大学生就业引航计划” box next to the paragraph that names them).
// Scraped or pasted, they land in the text as short lines, often wrapped a
// few characters per line (“大学生就 / 业引航计 / 划”). They are debris to
// delete, not headings to rebuild, so layout-debris reports them and
// wrapped-heading leaves them alone; both ask this one analysis.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "kanwu/doc/document.h"

namespace kanwu {

struct PullQuote {
  std::size_t first_block = 0, last_block = 0;  // inclusive
  std::string text;                             // the blocks joined
};

// Runs of consecutive short lines whose joined text is nothing but quoted
// items (“…”“…”) and occurs word for word in a paragraph of the same
// document. Computed once per document.
const std::vector<PullQuote>& pull_quotes(const Document& document);

// The pull quote that contains block `index`, or nullptr.
const PullQuote* pull_quote_at(const Document& document, std::size_t index);

}  // namespace kanwu
