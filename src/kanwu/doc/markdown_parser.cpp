#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <memory>
#include <optional>
#include <string_view>

#include "kanwu/doc/classify.h"
#include "kanwu/doc/parse.h"
#include "kanwu/text/parallel.h"
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
  InlineCollector(const SourceText& source, std::size_t begin, std::size_t end, int line_offset)
      : source_(source), cursor_(begin), end_(end), line_offset_(line_offset) {}

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
    const std::size_t at = offset_of(source_, line + line_offset_, cmark_node_get_start_column(node));
    if (at > cursor_ && at <= end_) cursor_ = at;
  }

  void literal(const char* text) {
    if (!text) return;
    const std::string_view s(text);
    const std::string_view src = source_.text();
    constexpr std::size_t kLookahead = 12;  // longest escape or entity we skip over
    for (std::size_t i = 0; i < s.size();) {
      // The usual case: the text is in the source as it is, at the cursor;
      // it is taken in one piece, not looked for character by character.
      if (const std::size_t run = verbatim_run(s, i)) {
        builder_.verbatim(s.substr(i, run), cursor_);
        cursor_ += run;
        i += run;
        continue;
      }
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

  // The bytes of whole characters of s from `i` on that the source holds
  // at the cursor, before the block's end: what the search below would find
  // there one character at a time.
  std::size_t verbatim_run(std::string_view s, std::size_t i) const {
    if (cursor_ >= end_) return 0;
    const std::string_view here = source_.text().substr(cursor_, end_ - cursor_);
    const std::size_t most = std::min(s.size() - i, here.size());
    std::size_t same = 0;
    while (same < most && s[i + same] == here[same]) ++same;
    std::size_t run = 0;
    while (run < same) {
      char32_t c;
      const int len = std::max(1, utf8::decode(s, i + run, c));
      if (run + len > same) break;
      run += len;
    }
    return run;
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
  int line_offset_;  // lines of the file before the piece cmark parsed
  BlockBuilder builder_;
};

void emit_block(const SourceText& source, cmark_node* node, BlockKind kind, bool classify,
                std::vector<Block>& out, int line_offset) {
  const int first = cmark_node_get_start_line(node) + line_offset;
  int last = cmark_node_get_end_line(node) + line_offset;
  if (last < first) last = first;
  const std::size_t begin = offset_of(source, first, cmark_node_get_start_column(node));
  const std::size_t end = source.line_start(last) + source.line_text(last).size();
  InlineCollector collector(source, begin, end, line_offset);
  collector.collect(node);
  if (collector.builder().empty()) return;
  Block block = collector.builder().finish(begin, end, first, last);
  block.kind = classify ? classify_block(block.text) : kind;
  block.kind_from_markup = !classify;
  out.push_back(std::move(block));
}

// The blocks of the siblings from `first` up to (not including) `stop`, of a
// tree parsed from the file's text after its first `line_offset` lines.
void walk(const SourceText& source, cmark_node* first, cmark_node* stop, bool in_list, std::vector<Block>& out,
          int line_offset = 0) {
  for (cmark_node* child = first; child != stop; child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_HEADING:
        emit_block(source, child, BlockKind::Heading, false, out, line_offset);
        break;
      case CMARK_NODE_PARAGRAPH:
        emit_block(source, child, BlockKind::ListItem, !in_list, out, line_offset);
        break;
      case CMARK_NODE_ITEM:
      case CMARK_NODE_LIST:
        walk(source, cmark_node_first_child(child), nullptr, true, out, line_offset);
        break;
      case CMARK_NODE_BLOCK_QUOTE:
        walk(source, cmark_node_first_child(child), nullptr, in_list, out, line_offset);
        break;
      default:  // code blocks, HTML blocks and rules are not prose
        break;
    }
  }
}

// Blocks made in parts, in order.
std::vector<Block> joined(std::vector<std::vector<Block>> parts) {
  std::vector<Block> blocks = parts.empty() ? std::vector<Block>() : std::move(parts[0]);
  for (std::size_t k = 1; k < parts.size(); ++k) std::move(parts[k].begin(), parts[k].end(), std::back_inserter(blocks));
  return blocks;
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
  run_on_threads(threads, [&](std::size_t t) {
    const std::size_t first = top.size() * t / threads, stop = top.size() * (t + 1) / threads;
    walk(source, top[first], stop < top.size() ? top[stop] : nullptr, false, parts[t]);
  });
  return joined(std::move(parts));
}

// True when a fenced code block or an HTML block is still open at the end
// of a piece (it runs to the piece's last line, the blank line before the
// cut): the cut was inside it, so the pieces do not parse as the whole does.
bool ends_inside_raw_block(cmark_node* root, std::string_view piece) {
  const auto lines = static_cast<int>(std::count(piece.begin(), piece.end(), '\n'));
  for (cmark_node* n = cmark_node_last_child(root); n; n = cmark_node_last_child(n)) {
    int length = 0, offset = 0;
    char fence = 0;
    const cmark_node_type type = cmark_node_get_type(n);
    const bool raw = (type == CMARK_NODE_CODE_BLOCK && cmark_node_get_fenced(n, &length, &offset, &fence)) ||
                     type == CMARK_NODE_HTML_BLOCK;
    if (raw && cmark_node_get_end_line(n) >= lines) return true;
  }
  return false;
}

struct Piece {
  std::vector<Block> blocks;
  bool ends_open = false;  // see ends_inside_raw_block
};

// Parses the piece of the file from byte `begin` (a line start) to `end`
// and returns its blocks, placed in the whole file.
Piece parse_piece(const SourceText& source, std::size_t begin, std::size_t end) {
  const std::string_view text = source.text().substr(begin, end - begin);
  std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parse_document(text.data(), text.size(), CMARK_OPT_SOURCEPOS));
  Piece piece;
  if (!root) return piece;
  piece.ends_open = end < source.text().size() && ends_inside_raw_block(root.get(), text);
  if (!piece.ends_open)
    walk(source, cmark_node_first_child(root.get()), nullptr, false, piece.blocks, source.position(begin).line - 1);
  return piece;
}

// The pieces cut at `cuts` parsed on a thread each, their blocks joined in
// order; nothing when a cut turns out to be inside a block.
std::optional<std::vector<Block>> parse_pieces(const SourceText& source, const std::vector<std::size_t>& cuts) {
  const std::size_t pieces = cuts.size() + 1;
  const auto bounds = [&](std::size_t k) {
    return std::pair{k == 0 ? std::size_t{0} : cuts[k - 1], k == cuts.size() ? source.text().size() : cuts[k]};
  };
  std::vector<Piece> parts(pieces);
  run_on_threads(pieces, [&](std::size_t k) {
    const auto [b, e] = bounds(k);
    parts[k] = parse_piece(source, b, e);
  });
  if (std::any_of(parts.begin(), parts.end(), [](const Piece& p) { return p.ends_open; })) return std::nullopt;
  std::vector<std::vector<Block>> blocks;
  for (Piece& p : parts) blocks.push_back(std::move(p.blocks));
  return joined(std::move(blocks));
}

// Below this size a document is turned into blocks on one thread; above
// it, one more thread for each such size at most (a thread costs more than a
// few kilobytes of work).
constexpr std::size_t kParallelBytes = 256 * 1024;

// The line starting at `at` without its line ending, and where the next starts.
std::pair<std::string_view, std::size_t> line_at(std::string_view text, std::size_t at) {
  const std::size_t eol = std::min(text.find('\n', at), text.size());
  std::string_view line = text.substr(at, eol - at);
  if (line.ends_with('\r')) line.remove_suffix(1);
  while (line.ends_with(' ') || line.ends_with('\t')) line.remove_suffix(1);
  return {line, std::min(eol + 1, text.size())};
}

}  // namespace

std::size_t front_matter_end(std::string_view text) {
  const auto [opening, next] = line_at(text, 0);
  if (opening != "---" && opening != "+++") return 0;
  for (std::size_t at = next; at < text.size();) {
    const auto [line, after] = line_at(text, at);
    // YAML may also end its document with "...".
    if (line == opening || (opening == "---" && line == "...")) return after;
    at = after;
  }
  return 0;  // never closed: a thematic break or a setext underline, not front matter
}

std::vector<std::size_t> markdown_cut_points(std::string_view text, std::size_t pieces) {
  std::vector<std::size_t> cuts;
  // A link reference definition ([名]: 地址) serves links anywhere in the
  // file: a file that may have one is parsed whole.
  if (pieces < 2 || text.find("]:") != std::string_view::npos) return cuts;
  const auto lower_starts = [](std::string_view line, std::string_view prefix) {
    if (line.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(line[i])) != prefix[i]) return false;
    return true;
  };
  const auto contains_lower = [](std::string_view line, std::string_view needle) {
    std::string lower(line);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.find(needle) != std::string::npos;
  };
  char fence = 0;                 // the fence character of an open fenced code block
  std::size_t fence_length = 0;
  std::vector<std::string_view> html_ends;  // what ends an open HTML block of types 1-5
  bool after_blank = true;
  std::size_t next_target = 1;    // cut k goes at the first place after size * k / pieces
  for (std::size_t at = 0; at < text.size() && next_target < pieces;) {
    const std::size_t eol = std::min(text.find('\n', at), text.size());
    std::string_view line = text.substr(at, eol - at);
    if (line.ends_with('\r')) line.remove_suffix(1);
    const std::size_t line_start = at;
    at = eol + 1;
    // Up to three spaces of indentation (a tab makes four: indented code).
    std::size_t indent = 0;
    while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
    const bool margin = indent < 4 && !(indent < line.size() && line[indent] == '\t');
    const std::string_view body = line.substr(std::min(indent, line.size()));
    const bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
    if (fence) {
      std::size_t run = 0;
      while (run < body.size() && body[run] == fence) ++run;
      if (margin && run >= fence_length && body.substr(run).find_first_not_of(" \t") == std::string_view::npos) fence = 0;
      after_blank = false;
      continue;
    }
    if (!html_ends.empty()) {
      if (std::any_of(html_ends.begin(), html_ends.end(), [&](std::string_view e) { return contains_lower(line, e); }))
        html_ends.clear();
      after_blank = false;
      continue;
    }
    if (margin) {
      // A cut: a heading at the margin (# 标题) after a blank line, where
      // nothing from before can continue.
      if (after_blank && indent == 0 && body.starts_with('#') && line_start >= text.size() * next_target / pieces) {
        std::size_t hashes = 0;
        while (hashes < body.size() && body[hashes] == '#') ++hashes;
        if (hashes <= 6 && (hashes == body.size() || body[hashes] == ' ' || body[hashes] == '\t')) {
          cuts.push_back(line_start);
          ++next_target;
        }
      }
      std::size_t run = 0;
      while (run < body.size() && (body[run] == '`' || body[run] == '~') && body[run] == body[0]) ++run;
      if (run >= 3 && !(body[0] == '`' && body.find('`', run) != std::string_view::npos)) {
        fence = body[0];
        fence_length = run;
      } else if (body.starts_with('<')) {
        static constexpr std::string_view kRaw[] = {"<script", "<pre", "<style", "<textarea"};
        for (const std::string_view tag : kRaw)
          if (lower_starts(body, tag) && (body.size() == tag.size() || std::string_view(" \t>").find(body[tag.size()]) != std::string_view::npos))
            html_ends = {"</script>", "</pre>", "</style>", "</textarea>"};
        if (body.starts_with("<!--")) html_ends = {"-->"};
        else if (body.starts_with("<?")) html_ends = {"?>"};
        else if (body.starts_with("<![CDATA[")) html_ends = {"]]>"};
        else if (body.size() > 2 && body[1] == '!' && std::isalpha(static_cast<unsigned char>(body[2]))) html_ends = {">"};
        // The line that opens the block may close it.
        if (!html_ends.empty() && std::any_of(html_ends.begin(), html_ends.end(), [&](std::string_view e) {
              return contains_lower(body, e);
            }))
          html_ends.clear();
      }
    }
    after_blank = blank;
  }
  return cuts;
}

std::vector<Block> parse_markdown(const SourceText& source, unsigned threads) {
  const std::string_view text = source.text();
  // Front matter is data for a site generator (title: 教程), not prose: no
  // rule reads it and no fix reaches into it. The rest parses from its line.
  if (const std::size_t body = front_matter_end(text); body > 0)
    return parse_piece(source, body, text.size()).blocks;
  if (threads > 1 && text.size() >= kParallelBytes) {
    const auto cuts = markdown_cut_points(text, std::min<std::size_t>(threads, 1 + text.size() / kParallelBytes));
    if (!cuts.empty())
      if (auto blocks = parse_pieces(source, cuts)) return std::move(*blocks);
  }
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
