#include <cmark-gfm.h>

#include <algorithm>
#include <exception>
#include <iterator>
#include <memory>
#include <string_view>
#include <system_error>
#include <thread>

#include "kanwu/doc/classify.h"
#include "kanwu/doc/parse.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

// cmark reports 1-based lines and 1-based byte columns.
std::size_t offset_of(const SourceText& source, int line, int column) {
  if (line < 1) return 0;
  if (line > source.line_count()) return source.text().size();
  const std::size_t start = source.line_start(line);
  const std::size_t length = source.line_text(line).size();
  const std::size_t col = column > 0 ? static_cast<std::size_t>(column - 1) : 0;
  return start + std::min(col, length);
}

// Collects a block's inline text. cmark folds escapes and entities into its
// literals, so each character is found again in the source, scanning forward
// a few bytes; a character with no verbatim source (an entity) maps to the
// place where the scan stands.
class InlineCollector {
 public:
  InlineCollector(const SourceText& source, std::size_t begin, std::size_t end)
      : source_(source), cursor_(begin), end_(end) {}

  void collect(cmark_node* node) {
    for (cmark_node* child = cmark_node_first_child(node); child;
         child = cmark_node_next(child)) {
      switch (cmark_node_get_type(child)) {
        case CMARK_NODE_TEXT:
          seek_node(child);
          literal(cmark_node_get_literal(child));
          break;
        case CMARK_NODE_CODE:
          code_span();
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          line_break();
          break;
        case CMARK_NODE_HTML_INLINE:
          break;
        default:  // emphasis, strong, link, image: their text is in children
          collect(child);
      }
    }
  }

  BlockBuilder& builder() { return builder_; }

 private:
  void seek_node(cmark_node* node) {
    const int line = cmark_node_get_start_line(node);
    if (line <= 0) return;
    const std::size_t at = offset_of(source_, line, cmark_node_get_start_column(node));
    if (at > cursor_ && at <= end_) cursor_ = at;
  }

  void literal(const char* text) {
    if (!text) return;
    const std::string_view s(text);
    const std::string_view src = source_.text();
    constexpr std::size_t kLookahead = 12;  // longest escape or entity we skip over
    for (std::size_t i = 0; i < s.size();) {
      char32_t c;
      int len = utf8::decode(s, i, c);
      if (len == 0) len = 1;
      const std::string_view ch = s.substr(i, len);
      const std::size_t window_end = std::min(end_, cursor_ + kLookahead + ch.size());
      const std::size_t found = src.substr(0, window_end).find(ch, cursor_);
      if (found != std::string_view::npos) {
        builder_.verbatim(ch, found);
        cursor_ = found + ch.size();
      } else {
        builder_.replaced(ch, cursor_, 0);
      }
      i += len;
    }
  }

  // Inline code is not prose: rules see one U+FFFC (object replacement)
  // standing for the whole span, backticks included, so no rule reads
  // `setup()` as Chinese punctuation and no fix reaches into it.
  void code_span() {
    // cmark-gfm's start column of a code node is not reliable; the text
    // before it has been consumed exactly, so the span starts at the cursor.
    const std::string_view src = source_.text();
    std::size_t open = cursor_;
    while (open < end_ && src[open] != '`') ++open;
    if (open >= end_) return;
    std::size_t ticks = open;
    while (ticks < end_ && src[ticks] == '`') ++ticks;
    const std::string fence(ticks - open, '`');
    std::size_t close = src.substr(0, end_).find(fence, ticks);
    if (close == std::string_view::npos) return;
    close += fence.size();
    builder_.replaced("\uFFFC", open, close - open);
    cursor_ = close;
  }

  void line_break() {
    const std::string_view src = source_.text();
    std::size_t nl = src.find_first_of("\r\n", cursor_);
    if (nl == std::string_view::npos || nl >= end_) nl = cursor_;
    std::size_t after = nl;
    while (after < end_ && (src[after] == '\r' || src[after] == '\n')) ++after;
    // A hard break written as a trailing backslash or two spaces is dropped
    // along with the newline; both become one '\n' in the block text.
    builder_.replaced("\n", nl, after - nl);
    cursor_ = after;
  }

  const SourceText& source_;
  std::size_t cursor_;
  std::size_t end_;
  BlockBuilder builder_;
};

void emit_block(const SourceText& source, cmark_node* node, BlockKind kind, bool classify,
                std::vector<Block>& out) {
  const int first = cmark_node_get_start_line(node);
  int last = cmark_node_get_end_line(node);
  if (last < first) last = first;
  const std::size_t begin = offset_of(source, first, cmark_node_get_start_column(node));
  const std::size_t end = source.line_start(last) + source.line_text(last).size();
  InlineCollector collector(source, begin, end);
  collector.collect(node);
  if (collector.builder().empty()) return;
  Block block = collector.builder().finish(begin, end, first, last);
  block.kind = classify ? classify_block(block.text) : kind;
  out.push_back(std::move(block));
}

// The blocks of the siblings from `first` up to (not including) `stop`.
void walk(const SourceText& source, cmark_node* first, cmark_node* stop, bool in_list, std::vector<Block>& out) {
  for (cmark_node* child = first; child != stop; child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_HEADING:
        emit_block(source, child, BlockKind::Heading, false, out);
        break;
      case CMARK_NODE_PARAGRAPH:
        emit_block(source, child, BlockKind::ListItem, !in_list, out);
        break;
      case CMARK_NODE_ITEM:
      case CMARK_NODE_LIST:
        walk(source, cmark_node_first_child(child), nullptr, true, out);
        break;
      case CMARK_NODE_BLOCK_QUOTE:
        walk(source, cmark_node_first_child(child), nullptr, in_list, out);
        break;
      default:  // code blocks, HTML blocks and rules are not prose
        break;
    }
  }
}

// Turning cmark's tree into blocks takes twice as long as cmark's parse; the
// top-level nodes are independent, so a large document's are shared out in
// consecutive runs and the blocks joined in order. Each thread reads only its
// own nodes; the one write, cmark_node_get_literal making a text node's C
// string on first use, touches that node alone and allocates with cmark's
// default allocator (calloc: any thread may call it). Fewer than two nodes:
// nothing to share.
std::vector<Block> walk_in_parallel(const SourceText& source, cmark_node* root, unsigned threads) {
  std::vector<cmark_node*> top;
  for (cmark_node* child = cmark_node_first_child(root); child; child = cmark_node_next(child)) top.push_back(child);
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, top.size()));
  if (threads < 2) {
    std::vector<Block> blocks;
    walk(source, cmark_node_first_child(root), nullptr, false, blocks);
    return blocks;
  }
  std::vector<std::vector<Block>> parts(threads);
  std::vector<std::exception_ptr> failures(threads);
  const auto run = [&](unsigned t) {
    try {
      const std::size_t first = top.size() * t / threads, stop = top.size() * (t + 1) / threads;
      walk(source, top[first], stop < top.size() ? top[stop] : nullptr, false, parts[t]);
    } catch (...) {
      failures[t] = std::current_exception();
    }
  };
  std::vector<std::thread> helpers;
  helpers.reserve(threads - 1);  // emplace_back then throws nothing but a failure to start a thread
  for (unsigned t = 1; t < threads; ++t) try {
      helpers.emplace_back(run, t);
    } catch (const std::system_error&) {
      for (unsigned rest = t; rest < threads; ++rest) run(rest);  // no thread to be had: this one does it
      break;
    }
  run(0);
  for (auto& h : helpers) h.join();
  for (const auto& f : failures)
    if (f) std::rethrow_exception(f);
  std::vector<Block> blocks = std::move(parts[0]);
  for (unsigned t = 1; t < threads; ++t) std::move(parts[t].begin(), parts[t].end(), std::back_inserter(blocks));
  return blocks;
}

// Below this size a document is turned into blocks on one thread; above
// it, one more thread for each such size at most (a thread costs more than a
// few kilobytes of work).
constexpr std::size_t kParallelBytes = 256 * 1024;

}  // namespace

std::vector<Block> parse_markdown(const SourceText& source, unsigned threads) {
  const std::string_view text = source.text();
  std::unique_ptr<cmark_node, NodeDeleter> root(
      cmark_parse_document(text.data(), text.size(), CMARK_OPT_SOURCEPOS));
  if (!root) return {};
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, 1 + text.size() / kParallelBytes));
  if (threads > 1) return walk_in_parallel(source, root.get(), threads);
  std::vector<Block> blocks;
  walk(source, cmark_node_first_child(root.get()), nullptr, false, blocks);
  return blocks;
}

}  // namespace kanwu
