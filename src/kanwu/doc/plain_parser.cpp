#include <string_view>

#include "kanwu/doc/classify.h"
#include "kanwu/doc/parse.h"
#include "kanwu/engine/suppress.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// Byte range of a line with leading and trailing spaces (including the
// ideographic indentation "　　" of Chinese copy) removed.
std::pair<std::size_t, std::size_t> trimmed(std::string_view line) {
  std::size_t b = 0, e = line.size();
  char32_t c;
  while (b < e) {
    const int len = utf8::decode(line, b, c);
    if (len == 0 || !chars::is_space(c)) break;
    b += len;
  }
  while (e > b) {
    const std::size_t p = utf8::previous(line, e);
    if (utf8::decode(line, p, c) == 0 || !chars::is_space(c)) break;
    e = p;
  }
  return {b, e};
}

bool is_list_line(std::string_view line) {
  return line.starts_with("- ") || line.starts_with("* ") || line.starts_with("• ") ||
         line.starts_with("· ");
}

// Text pasted from web pages or Word, and many exports, put one paragraph
// on each line with no blank line between: a group of lines most of which
// end a paragraph (。！？；： or a closing quote or bracket after one) is read
// as one paragraph per line. Hard-wrapped prose ends lines anywhere, so
// only about one line in twenty ends with such a mark there.
bool ends_paragraph(std::string_view line) {
  if (line.empty()) return false;
  const std::size_t p = utf8::previous(line, line.size());
  char32_t c = 0;
  if (utf8::decode(line, p, c) == 0) return false;
  return std::u32string_view(U"。！？；：…”」』）》】").find(c) != std::u32string_view::npos;
}

bool one_paragraph_per_line(const SourceText& source, int first, int last) {
  if (last <= first) return false;
  int ending = 0;
  for (int line = first; line < last; ++line) {
    const std::string_view text = source.line_text(line);
    const auto [b, e] = trimmed(text);
    ending += ends_paragraph(text.substr(b, e - b));
  }
  return 2 * ending >= last - first;
}

}  // namespace

std::vector<Block> parse_plain_text(const SourceText& source) {
  std::vector<Block> blocks;
  BlockBuilder builder;
  int first_line = 0, last_line = 0;
  bool all_list_lines = true;

  const auto flush = [&] {
    if (builder.empty()) return;
    // A run of list lines (caption bullets - ①…) stays one list block.
    if (!all_list_lines && one_paragraph_per_line(source, first_line, last_line)) {
      const int last = last_line;
      builder = BlockBuilder();
      for (int line = first_line; line <= last; ++line) {
        const std::string_view text = source.line_text(line);
        const auto [b, e] = trimmed(text);
        BlockBuilder one;
        one.verbatim(text.substr(b, e - b), source.line_start(line) + b);
        Block block = one.finish(source.line_start(line), source.line_start(line) + text.size(), line, line);
        block.kind = classify_block(block.text);
        blocks.push_back(std::move(block));
      }
      all_list_lines = true;
      return;
    }
    const std::size_t begin = source.line_start(first_line);
    const std::size_t end = source.line_start(last_line) + source.line_text(last_line).size();
    Block block = builder.finish(begin, end, first_line, last_line);
    block.kind = all_list_lines ? BlockKind::ListItem : classify_block(block.text);
    blocks.push_back(std::move(block));
    builder = BlockBuilder();
    all_list_lines = true;
  };

  for (int line = 1; line <= source.line_count(); ++line) {
    const std::string_view text = source.line_text(line);
    const auto [b, e] = trimmed(text);
    // "%% kanwu-disable …" lines are directives, not text: they separate
    // paragraphs like a blank line.
    if (b == e || is_directive_line(text)) {
      flush();
      continue;
    }
    if (builder.empty()) {
      first_line = line;
    } else {
      // Lines of one block are joined with '\n', mapped onto the line break.
      const std::size_t prev_end = source.line_start(last_line) + source.line_text(last_line).size();
      builder.replaced("\n", prev_end, source.line_start(line) - prev_end);
    }
    last_line = line;
    all_list_lines = all_list_lines && is_list_line(text.substr(b));
    builder.verbatim(text.substr(b, e - b), source.line_start(line) + b);
  }
  flush();
  return blocks;
}

}  // namespace kanwu
