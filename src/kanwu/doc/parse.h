// Splitting a source file into blocks: plain text on blank lines, Markdown
// with cmark-gfm so that markup is understood but positions stay exact.
#pragma once

#include <string_view>
#include <vector>

#include "kanwu/doc/block.h"
#include "kanwu/text/source.h"

namespace kanwu {

std::vector<Block> parse_plain_text(const SourceText& source);
// `threads` > 1: a large document is parsed in pieces on up to that many
// threads (or, with no place to cut it, its blocks built on them).
std::vector<Block> parse_markdown(const SourceText& source, unsigned threads = 1);

// Where Markdown text can be cut into about `pieces` pieces that parse alone
// as they do within the whole: at a heading on the margin (# …) after a blank
// line, outside fenced code and HTML blocks; none when the text may define
// link references.
std::vector<std::size_t> markdown_cut_points(std::string_view text, std::size_t pieces);

// Where the Markdown front matter ends (YAML between --- lines, TOML between
// +++ lines, at the very top): the byte after its closing line; 0 if none.
std::size_t front_matter_end(std::string_view text);

}  // namespace kanwu
