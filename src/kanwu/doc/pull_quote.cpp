#include "kanwu/doc/pull_quote.h"

#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

constexpr std::size_t kMaxLineChars = 16;  // a pull quote's line is short
constexpr std::size_t kMaxRunBlocks = 8;

struct PullQuotes {
  std::vector<PullQuote> runs;
};

// One line of a pull quote: a single short line with no sentence end.
bool is_quote_line(const Block& block) {
  if (block.kind == BlockKind::Byline || block.kind == BlockKind::Caption || block.kind == BlockKind::ListItem)
    return false;
  if (block.first_line != block.last_line || block.text.empty()) return false;
  if (utf8::count_code_points(block.text) > kMaxLineChars) return false;
  for (char32_t c : code_points(block.text).chars)
    if (chars::is_sentence_end(c)) return false;
  return true;
}

// “A”“B”: nothing outside the quotation marks, and at least four Han
// characters inside them.
bool only_quoted_items(std::string_view text) {
  const std::u32string cp = code_points(text).chars;
  if (cp.empty() || cp.front() != U'“' || cp.back() != U'”') return false;
  bool inside = false;
  std::size_t han = 0;
  for (char32_t c : cp) {
    if (c == U'“') {
      if (inside) return false;
      inside = true;
    } else if (c == U'”') {
      if (!inside) return false;
      inside = false;
    } else if (!inside) {
      return false;
    } else {
      han += chars::is_han(c) ? 1 : 0;
    }
  }
  return !inside && han >= 4;
}

bool in_body(const Document& document, std::string_view text) {
  for (const Block& b : document.blocks())
    if (b.kind == BlockKind::Body && b.text.size() > text.size() && b.text.find(text) != std::string::npos)
      return true;
  return false;
}

PullQuotes find(const Document& document) {
  PullQuotes found;
  const auto& blocks = document.blocks();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    // A pull quote opens with a quotation mark; the cheap test keeps the
    // body search for the few lines that can be one.
    if (!is_quote_line(blocks[i]) || !blocks[i].text.starts_with("“")) continue;
    std::string joined = blocks[i].text;
    if (!in_body(document, joined)) continue;
    std::size_t last = i;
    while (last + 1 < blocks.size() && last + 1 - i < kMaxRunBlocks && is_quote_line(blocks[last + 1])) {
      std::string longer = joined + blocks[last + 1].text;
      if (!in_body(document, longer)) break;
      joined = std::move(longer);
      ++last;
    }
    if (!only_quoted_items(joined)) continue;
    found.runs.push_back({i, last, joined});
    i = last;
  }
  return found;
}

}  // namespace

const std::vector<PullQuote>& pull_quotes(const Document& document) {
  return document.cached<PullQuotes>([&] { return find(document); }).runs;
}

const PullQuote* pull_quote_at(const Document& document, std::size_t index) {
  for (const PullQuote& q : pull_quotes(document))
    if (q.first_block <= index && index <= q.last_block) return &q;
  return nullptr;
}

}  // namespace kanwu
