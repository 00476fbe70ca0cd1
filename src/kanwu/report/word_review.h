// A reviewed Word document (`kanwu check --annotate`, the page's
// 「下载批注版 Word 文档」): the .docx checked, with every finding as a
// comment (批注) on its characters and every safe fix as a tracked change
// (修订) by 「kanwu」 that the editor accepts or rejects in Word or WPS.
//
// Only word/document.xml (and word/footnotes.xml when a finding is in a
// footnote), the comments part, the document's relationships and
// [Content_Types].xml are written; every other entry of the package is
// copied as it is stored. Comments and changes already in the document
// stay, and the new ones take ids no annotation of the document uses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kanwu/rules/finding.h"

namespace kanwu {

struct WordReview {
  std::string bytes;  // the reviewed .docx
  std::size_t comments = 0;
  std::size_t changes = 0;  // safe fixes written as tracked changes
  // Safe fixes left as a comment only: they overlapped an earlier fix, or
  // their text was not plain text in runs (a field, a formula).
  std::vector<const Finding*> unplaced;
};

// `bytes`: the .docx that was checked as `path`; `findings`: the report's
// (any order, any document's): those in `path` become comments and changes,
// and a finding in another draft gets a comment at each place in `path` it
// names (a figure that disagrees across drafts is seen from both). `date`:
// w:date of the comments and changes (word_review_date()). Throws
// InputError for a document that cannot be read or written.
WordReview review_word_document(const std::string& path, std::string_view bytes,
                                const std::vector<const Finding*>& findings, const std::string& date);

// The current time as Word writes it in w:date (UTC, to the second).
std::string word_review_date();

// Where --annotate writes the review of `path`: draft.docx → draft.kanwu.docx.
std::string reviewed_word_path(const std::string& path);

}  // namespace kanwu
