// Splitting a source file into blocks: plain text on blank lines, Markdown
// with cmark-gfm so that markup is understood but positions stay exact.
#pragma once

#include <vector>

#include "kanwu/doc/block.h"
#include "kanwu/text/source.h"

namespace kanwu {

std::vector<Block> parse_plain_text(const SourceText& source);
// `threads` > 1: a large document's blocks are built on that many threads.
std::vector<Block> parse_markdown(const SourceText& source, unsigned threads = 1);

}  // namespace kanwu
