// Where each character of a Word document's extracted text (docx.h) comes
// from in its XML: what writing into the document (docx_edit.h) needs to
// find the runs behind a finding's bytes.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "kanwu/doc/docx.h"

namespace kanwu {

// Bytes [begin, end) of the extracted text, written for one node: the text
// of a w:t, or the one character a w:tab, w:br, w:sym … stands for.
struct WordPiece {
  std::size_t begin = 0;
  std::size_t end = 0;
  pugi::xml_node node;
  // A w:t whose text is these bytes exactly (valid UTF-8): an offset
  // inside the piece is an offset inside the node's text.
  bool divisible = false;
};

// The text extract_word_xml gives for these parsed parts (`styles` and
// `footnotes` may be empty documents), and with `pieces`, in text order,
// where each run of characters came from. Throws InputError.
WordText lay_out_word_xml(const std::string& path, const pugi::xml_document& document,
                          const pugi::xml_document& styles, const pugi::xml_document& footnotes,
                          std::vector<WordPiece>* pieces);

// Parses a part in place as the extractor does, keeping what a rewrite must
// write back (the XML declaration, processing instructions, comments).
// `all_whitespace`: keep whitespace-only text between elements too (in
// OpenDocument a space between two spans is text). Throws InputError
// naming `path` and `part`.
void parse_word_part(const std::string& path, const std::string& part, std::string& bytes, pugi::xml_document& doc,
                     bool all_whitespace = false);

}  // namespace kanwu
