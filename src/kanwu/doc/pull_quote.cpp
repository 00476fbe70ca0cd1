#include "kanwu/doc/pull_quote.h"

#include <algorithm>
#include <optional>

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

// Where the body paragraphs open a quotation (“), sorted by the text that
// follows: a candidate opens with “, so it occurs in a paragraph exactly when
// some entry starts with it, found by binary search. (Scanning every
// paragraph for every candidate was quadratic: a year of news in one file.)
class BodyQuotes {
 public:
  explicit BodyQuotes(const Document& document) : document_(document) {
    static constexpr std::string_view kOpen = "“";
    for (const Block& b : document.blocks()) {
      if (b.kind != BlockKind::Body) continue;
      const std::string_view text = b.text;
      for (std::size_t at = text.find(kOpen); at != std::string_view::npos; at = text.find(kOpen, at + kOpen.size()))
        entries_.push_back({text.substr(at, kMaxCandidateBytes), text.size()});
    }
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.rest < b.rest; });
  }

  // True when a body paragraph longer than `text` contains it.
  bool contains(std::string_view text) const {
    if (text.size() > kMaxCandidateBytes) {  // longer than the entries: search the paragraphs
      for (const Block& b : document_.blocks())
        if (b.kind == BlockKind::Body && b.text.size() > text.size() && b.text.find(text) != std::string::npos)
          return true;
      return false;
    }
    auto it = std::lower_bound(entries_.begin(), entries_.end(), text,
                               [](const Entry& e, std::string_view t) { return e.rest < t; });
    for (; it != entries_.end() && it->rest.starts_with(text); ++it)
      if (it->paragraph_bytes > text.size()) return true;
    return false;
  }

  // The longest run of quote lines there can be (entries are cut to it, so
  // that sorting a paragraph repeated many times compares short strings; a
  // longer text, were the limits above loosened, is searched for directly).
  static constexpr std::size_t kMaxCandidateBytes = kMaxRunBlocks * kMaxLineChars * 4;

 private:
  struct Entry {
    std::string_view rest;  // from the “ on, at most kMaxCandidateBytes
    std::size_t paragraph_bytes;
  };
  const Document& document_;
  std::vector<Entry> entries_;
};

PullQuotes find(const Document& document) {
  PullQuotes found;
  const auto& blocks = document.blocks();
  std::optional<BodyQuotes> body;  // built when the first candidate shows up
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    // A pull quote opens with a quotation mark; the cheap test keeps the
    // body search for the few lines that can be one.
    if (!is_quote_line(blocks[i]) || !blocks[i].text.starts_with("“")) continue;
    if (!body) body.emplace(document);
    std::string joined = blocks[i].text;
    if (!body->contains(joined)) continue;
    std::size_t last = i;
    while (last + 1 < blocks.size() && last + 1 - i < kMaxRunBlocks && is_quote_line(blocks[last + 1])) {
      std::string longer = joined + blocks[last + 1].text;
      if (!body->contains(longer)) break;
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
