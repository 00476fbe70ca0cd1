// Word documents (.docx): the text of the zip's Office Open XML, read as the
// document would print with every tracked change accepted.
//
// The text is laid out one line per Word paragraph, so that line N of the
// extracted text is paragraph N and a column is a character of that
// paragraph: every position kanwu already computes (and every machine
// format) stays meaningful, and the text report only has to name the line
// "paragraph N". A line break inside a paragraph (w:br) is written as
// U+2028, which SourceText does not count as a line end; the block parser
// turns it into the '\n' rules expect inside a paragraph.
//
// Headings are not written as Markdown "# " lines (that would shift every
// character of a heading by two): the extractor records which paragraphs
// have a heading style and the block parser marks them, as the Markdown
// parser marks heading nodes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kanwu/doc/block.h"
#include "kanwu/text/source.h"

namespace kanwu {

// *.docx, in any case.
bool is_docx(std::string_view path);
// A word processor's document, read as Word's is: *.docx, and OpenDocument
// text *.odt (odt.h), in any case.
bool is_word_document(std::string_view path);

// What one line of the extracted text is in the Word document.
struct WordParagraph {
  int number = 0;    // body: paragraph number from 1; footnote: its paragraph
  int footnote = 0;  // the footnote's number as Word shows it, 0 in the body
  bool heading = false;
};

struct WordText {
  std::string text;                       // each paragraph a line ending "\n"
  std::vector<WordParagraph> paragraphs;  // one per line
};

// Limits that keep a zip bomb from exhausting memory: one XML part, and all
// parts read together, uncompressed. Checked against the size the archive
// declares and against the bytes actually inflated.
inline constexpr std::uint64_t kMaxWordPartBytes = 64u << 20;
inline constexpr std::uint64_t kMaxWordTotalBytes = 128u << 20;

// Body paragraphs (tables cell by cell), then footnotes in the order Word
// numbers them. Throws InputError (naming `path`) for anything that is not a
// readable .docx: not a zip, damaged, encrypted, too large, malformed XML.
// A `path` ending .odt is read as OpenDocument text (extract_odt_text).
WordText extract_word_text(const std::string& path, std::string_view bytes);
// The same from the XML parts themselves ("" when a part is absent), for
// tests and fuzzing; `document` and the others are parsed in place.
WordText extract_word_xml(const std::string& path, std::string document, std::string styles = "",
                          std::string footnotes = "");

// One block per non-empty line; `paragraphs` says which are headings (empty:
// none are).
std::vector<Block> parse_word_lines(const SourceText& source, const std::vector<WordParagraph>& paragraphs);

}  // namespace kanwu
