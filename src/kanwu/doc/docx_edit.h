// Writing into a Word document's parsed XML at byte offsets of its
// extracted text (docx_layout.h): comment anchors and tracked changes.
//
// Runs are split only where an anchor or a change starts or ends, each half
// keeping the run's properties (w:rPr), so the text keeps its formatting.
// Nothing else in the XML is touched: a change only wraps whole runs in
// w:del (their w:t becoming w:delText) and adds a w:ins after them.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "kanwu/doc/docx_layout.h"

namespace kanwu {

// Who made the changes and comments, and when (w:author, w:date), and the
// next free w:id (comments and changes share the counter, so none collides
// with another annotation of the document).
struct WordAuthor {
  std::string name;
  std::string date;  // ISO 8601, e.g. 2025-06-01T09:00:00Z
  long next_id = 0;
};

class WordEditor {
 public:
  // `pieces`: lay_out_word_xml's, of documents that outlive the editor.
  WordEditor(std::vector<WordPiece> pieces, WordAuthor& author) : pieces_(std::move(pieces)), author_(author) {}

  // Makes a run boundary at `offset`. False when the offset falls inside a
  // character that cannot be split (inside a w:sym's or a tab's place, or a
  // w:t that is not byte for byte its text).
  bool cut(std::size_t offset);

  // w:commentRangeStart before [begin, end), w:commentRangeEnd and a run
  // holding w:commentReference after it. Call after cut(begin), cut(end).
  void anchor_comment(std::size_t begin, std::size_t end, long id);
  // The same around one element (a run), e.g. a footnote's reference mark.
  void anchor_comment_around(pugi::xml_node element, long id);

  // A tracked change replacing [begin, end) with `text` (no line breaks).
  // Call after cut(begin), cut(end). False, and nothing changed, when the
  // span holds more than plain text in runs (a field, a footnote
  // reference, a drawing, mathematics) or `text` cannot be placed.
  bool track_change(std::size_t begin, std::size_t end, const std::string& text);

 private:
  struct Spot {
    pugi::xml_node node;  // a run, or what holds a formula
    bool before = true;   // insert before `node`, else after
  };
  // The first piece beginning at or after `offset`.
  std::vector<WordPiece>::const_iterator first_from(std::size_t offset) const;
  Spot spot(std::size_t offset, bool at_start) const;
  void place_comment(Spot first, Spot last, long id);
  std::vector<pugi::xml_node> runs_within(std::size_t begin, std::size_t end) const;
  void split_text(std::size_t index, std::size_t offset);
  pugi::xml_node wrap_deleted(pugi::xml_node run, pugi::xml_node previous_del);
  pugi::xml_node insert_run(Spot where, pugi::xml_node format_from, const std::string& text);
  void mark(pugi::xml_node change);

  std::vector<WordPiece> pieces_;  // in text order
  WordAuthor& author_;
};

// The prefix ("w:") of an element's name; "" when it has none.
std::string name_prefix(const char* name);

}  // namespace kanwu
