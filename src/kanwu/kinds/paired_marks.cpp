#include "kanwu/kinds/paired_marks.h"

#include <map>

#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// A pair that spills over into a following block is a broken paragraph or
// heading, which those rules report; this many blocks are looked through.
constexpr std::size_t kCarryBlocks = 4;

struct Mark {
  std::size_t index;  // code point index in the block
  char32_t ch;
};

struct BlockMarks {
  std::vector<Mark> unclosed;   // openers never closed, in order
  std::vector<Mark> unopened;   // closers with no opener, in order
};

class PairedMarksRule : public Rule {
 public:
  PairedMarksRule(RuleInfo info, std::map<char32_t, char32_t> pairs)
      : Rule(std::move(info)), open_to_close_(std::move(pairs)) {
    for (const auto& [open, close] : open_to_close_) {
      close_to_open_[close] = open;
      has_ascii_marks_ = has_ascii_marks_ || open < 0x80 || close < 0x80;
    }
  }

  void check(const Document& document, Emitter& emit) const override {
    const auto& blocks = document.blocks();
    std::vector<BlockMarks> marks;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      // All default marks are outside ASCII: a block of plain ASCII has none.
      const bool relevant = in_scope(blocks[b]) && (has_ascii_marks_ || has_non_ascii(blocks[b].text));
      marks.push_back(relevant ? scan(document.code_points(b)) : BlockMarks{});
    }
    forgive_carried_pairs(marks);
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      for (const Mark& m : marks[b].unclosed)
        report(blocks[b], document.code_points(b), m, open_to_close_.at(m.ch), emit);
      for (const Mark& m : marks[b].unopened)
        report(blocks[b], document.code_points(b), m, close_to_open_.at(m.ch), emit);
    }
  }

 private:
  BlockMarks scan(const CodePointText& text) const {
    BlockMarks result;
    std::vector<Mark> stack;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char32_t c = text.chars[i];
      if (c < 0x80 && !has_ascii_marks_) continue;
      if (is_apostrophe(text, i)) continue;
      const bool opener = open_to_close_.count(c) > 0;
      const bool closer = close_to_open_.count(c) > 0;
      if (opener && !(closer && !stack.empty() && stack.back().ch == close_to_open_.at(c))) {
        stack.push_back({i, c});
        continue;
      }
      if (!closer) continue;
      const char32_t want = close_to_open_.at(c);
      std::size_t depth = stack.size();
      while (depth > 0 && stack[depth - 1].ch != want) --depth;
      if (depth == 0) {
        result.unopened.push_back({i, c});
        continue;
      }
      // Openers above the match were never closed: “（ ” leaves （ open.
      for (std::size_t k = depth; k < stack.size(); ++k) result.unclosed.push_back(stack[k]);
      stack.resize(depth - 1);
    }
    result.unclosed.insert(result.unclosed.end(), stack.begin(), stack.end());
    return result;
  }

  // ’ between Latin letters is an apostrophe (it’s), not a closing quote.
  static bool is_apostrophe(const CodePointText& text, std::size_t i) {
    if (text.chars[i] != U'’' || i == 0 || i + 1 >= text.size()) return false;
    return chars::is_ascii_letter(text.chars[i - 1]) && chars::is_ascii_letter(text.chars[i + 1]);
  }

  // An opener left open at the end of a block and closed at the start of one
  // of the next few blocks is one pair split by a line break.
  void forgive_carried_pairs(std::vector<BlockMarks>& marks) const {
    for (std::size_t b = 0; b < marks.size(); ++b) {
      auto& open = marks[b].unclosed;
      while (!open.empty()) {
        const char32_t want = open_to_close_.at(open.back().ch);
        bool carried = false;
        for (std::size_t n = b + 1; n < marks.size() && n <= b + kCarryBlocks; ++n) {
          auto& closers = marks[n].unopened;
          if (closers.empty()) continue;
          if (closers.front().ch == want) {
            closers.erase(closers.begin());
            carried = true;
          }
          break;
        }
        if (!carried) break;
        open.pop_back();
      }
    }
  }

  void report(const Block& block, const CodePointText& text, const Mark& m, char32_t expected,
              Emitter& emit) const {
    emit.report(block, text.offsets[m.index], text.offsets[m.index + 1],
                {{"match", utf8::encode(m.ch)}, {"expected", utf8::encode(expected)}});
  }

  static bool has_non_ascii(std::string_view text) {
    for (const char c : text)
      if (static_cast<unsigned char>(c) >= 0x80) return true;
    return false;
  }

  std::map<char32_t, char32_t> open_to_close_;
  std::map<char32_t, char32_t> close_to_open_;
  bool has_ascii_marks_ = false;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  std::map<char32_t, char32_t> pairs;
  auto configured = params.string_map("pairs");
  if (!params.has("pairs"))
    configured = {{"“", "”"}, {"‘", "’"}, {"（", "）"}, {"《", "》"}, {"【", "】"},
                  {"「", "」"}, {"『", "』"}, {"〈", "〉"}, {"〔", "〕"}};
  for (const auto& [open, close] : configured) {
    const auto o = code_points(open).chars, c = code_points(close).chars;
    if (o.size() != 1 || c.size() != 1 || o == c) {
      params.error_at("pairs", "each entry of 'pairs' must map one opening character to a "
                               "different closing character");
      continue;
    }
    pairs[o[0]] = c[0];
  }
  return std::make_unique<PairedMarksRule>(std::move(info), std::move(pairs));
}

}  // namespace

const RuleKind& paired_marks_kind() {
  static const RuleKind kind{"paired-marks",
                             "quotes and brackets left unclosed or unopened within a paragraph",
                             {"match", "expected"},
                             {BlockKind::Body, BlockKind::Heading, BlockKind::ListItem,
                              BlockKind::Caption},
                             &create};
  return kind;
}

}  // namespace kanwu
