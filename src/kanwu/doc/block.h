// A block is one paragraph-like unit of a document (a paragraph, heading,
// list item, caption...). Rules see its text with markup removed; the source
// map sends any offset in that text back to the exact byte in the file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kanwu {

enum class BlockKind { Heading, Byline, Caption, ListItem, Furniture, Body };

std::string_view to_string(BlockKind kind);
// Parses "heading", "byline", "caption", "list-item", "furniture", "body".
bool parse_block_kind(std::string_view name, BlockKind& out);

// Maps byte offsets in a block's text to byte offsets in the source file.
class SourceMap {
 public:
  // Appends a piece of text whose bytes appear verbatim at `source_offset`.
  void add_verbatim(std::size_t text_offset, std::size_t source_offset, std::size_t length);
  // Appends text that has no verbatim source (an entity, a soft break): all of
  // its bytes map to `source_offset`, spanning `source_length` source bytes.
  void add_replaced(std::size_t text_offset, std::size_t length, std::size_t source_offset,
                    std::size_t source_length);

  // Source offset of the byte at `text_offset`.
  std::size_t to_source(std::size_t text_offset) const;
  // Source offset just past the byte before `text_end` (for span ends).
  std::size_t to_source_end(std::size_t text_end) const;
  // True when text bytes [begin, end) are the same number of bytes in the
  // source: no markup, entity or code span lies inside them.
  bool same_length_in_source(std::size_t begin, std::size_t end) const {
    return end <= begin || to_source_end(end) - to_source(begin) == end - begin;
  }
  // The map of text bytes [begin, end), rebased to start at 0.
  SourceMap slice(std::size_t begin, std::size_t end) const;

 private:
  struct Segment {
    std::size_t text_begin, text_length, source_begin, source_length;
    bool verbatim;
  };
  const Segment& segment_at(std::size_t text_offset) const;
  std::vector<Segment> segments_;
};

struct Block {
  BlockKind kind = BlockKind::Body;
  // The kind was set by the document's markup (a Word or ODF heading style,
  // a Markdown # or list), not guessed from the text by classify_block.
  bool kind_from_markup = false;
  std::string text;  // markup removed; lines joined with '\n'
  SourceMap map;
  std::size_t source_begin = 0;  // byte range of the block in the file
  std::size_t source_end = 0;
  int first_line = 0;  // 1-based lines the block covers
  int last_line = 0;
};

// No paragraph is a megabyte long; a block that is (a file without line
// breaks) is cut into pieces of at most this many bytes, at a sentence end
// where one is near, so that per-block work stays bounded.
inline constexpr std::size_t kMaxBlockBytes = 1 << 20;
void split_oversized_blocks(std::vector<Block>& blocks);

// Builds a block's text and source map piece by piece.
class BlockBuilder {
 public:
  void verbatim(std::string_view piece, std::size_t source_offset);
  void replaced(std::string_view piece, std::size_t source_offset, std::size_t source_length);
  bool empty() const { return block_.text.empty(); }
  std::string_view text() const { return block_.text; }
  Block finish(std::size_t source_begin, std::size_t source_end, int first_line, int last_line);

 private:
  Block block_;
};

}  // namespace kanwu
