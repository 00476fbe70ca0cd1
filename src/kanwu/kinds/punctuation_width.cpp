#include "kanwu/kinds/punctuation_width.h"

#include <algorithm>
#include <array>
#include <map>

#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

bool is_chinese_context(char32_t c) {
  return chars::is_han(c) || (chars::is_cjk_punctuation(c) && c != 0x00B7);
}

class PunctuationWidthRule : public Rule {
 public:
  PunctuationWidthRule(RuleInfo info, std::map<char32_t, std::string> marks, bool parentheses)
      : Rule(std::move(info)), marks_(std::move(marks)), parentheses_(parentheses) {
    for (const auto& [half, full] : marks_) {
      if (half < 0x80) is_ascii_mark_[half] = true;
      else has_non_ascii_marks_ = true;
    }
  }

  void check(const Document& document, Emitter& emit) const override {
    for (std::size_t b = 0; b < document.blocks().size(); ++b)
      if (in_scope(document.blocks()[b])) check_block(document, b, emit);
  }

 private:
  void check_block(const Document& document, std::size_t b, Emitter& emit) const {
    const Block& block = document.blocks()[b];
    // Most Chinese paragraphs hold none of the marks: skip them with a byte
    // scan before decoding anything (a table lookup a byte: find_first_of
    // searched the marks with memchr for every byte).
    if (!has_non_ascii_marks_ && std::none_of(block.text.begin(), block.text.end(), [&](char c) {
          return is_ascii_mark_[static_cast<unsigned char>(c)];
        }))
      return;
    const CodePointText& text = document.code_points(b);
    const std::u32string_view cps(text.chars);
    for (std::size_t i = 0; i < cps.size(); ++i) {
      const auto mark = marks_.find(cps[i]);
      if (mark == marks_.end()) continue;
      if (!should_widen(cps, i)) continue;
      // Swallow spaces after the mark: "北京, 上海" becomes "北京，上海" and
      // "注意: Vue" becomes "注意：Vue" (a full-width mark carries its own
      // space; one left behind is what space-after-fullwidth reports). Spaces
      // before a line break stay: in Markdown two of them are a hard break.
      std::size_t end = i + 1;
      while (end < cps.size() && cps[end] == U' ') ++end;
      if (end == cps.size() || cps[end] == U'\n' || cps[end] == U'\r') end = i + 1;
      std::size_t b = text.offsets[i], e = text.offsets[end];
      // Swallowed spaces must lie right after the mark in the file too:
      // "**注意:** 这里" keeps its closing ** (only the colon is replaced).
      if (!block.map.same_length_in_source(b, e)) e = text.offsets[i + 1];
      Finding& f = emit.report(block, b, text.offsets[i + 1],
                               {{"match", utf8::encode(cps[i])}, {"replacement", mark->second}});
      emit.propose_fix(f, block, b, e, mark->second, FixSafety::Safe);
    }
  }

  // The nearest character that decides the context, looking through spaces
  // and through other half-width marks: in "x;,我" both marks are widened in
  // one pass, so that fixing once leaves nothing for a second pass.
  char32_t neighbour(std::u32string_view s, std::size_t i, int step) const {
    for (std::ptrdiff_t k = static_cast<std::ptrdiff_t>(i) + step;
         k >= 0 && k < static_cast<std::ptrdiff_t>(s.size()); k += step) {
      if (s[k] != U' ' && s[k] != U'\n' && s[k] != U'\r' && !marks_.count(s[k])) return s[k];
    }
    return 0;
  }

  bool should_widen(std::u32string_view s, std::size_t i) const {
    const char32_t c = s[i];
    const char32_t before = neighbour(s, i, -1), after = neighbour(s, i, +1);
    const bool digit_before = i > 0 && chars::is_digit(s[i - 1]);
    const bool digit_after = i + 1 < s.size() && chars::is_digit(s[i + 1]);
    if (c == U'(' || c == U')') return parentheses_ && bracket_is_chinese(s, i);
    // A run of colons is markup or code (::: containers, a::b), never a colon.
    if (c == U':' && ((i > 0 && s[i - 1] == U':') || (i + 1 < s.size() && s[i + 1] == U':'))) return false;
    // "?" standing for a glyph lost in conversion (王?平, 王??平) is not a
    // question mark: lost-character reports it; widening would hide the loss.
    if (c == U'?' && in_lost_glyph_run(s, i)) return false;
    // A Latin token before a colon is a key, a scheme or a commit type
    // (feat: 新增, http:, 编号ID: 甲): its colon belongs to that syntax.
    if (c == U':' && i > 0 && chars::is_ascii_letter(s[i - 1])) return false;
    // 1,000 · 12:30 · 3:2 stay as they are.
    if ((c == U',' || c == U':' || c == U'.') && digit_before && digit_after) return false;
    // URLs and other ASCII constructs: http://, a:b
    if (c == U':' && i + 1 < s.size() && s[i + 1] == U'/') return false;
    return is_chinese_context(before) || is_chinese_context(after);
  }

  // True when s[i] is in a run of "?" (or U+FFFD) with Han characters on
  // both sides and no question particle before it: 王?平, not 好吗?我.
  static bool in_lost_glyph_run(std::u32string_view s, std::size_t i) {
    const auto lost = [](char32_t c) { return c == U'?' || c == 0xFFFD; };
    std::size_t first = i, last = i;
    while (first > 0 && lost(s[first - 1])) --first;
    while (last + 1 < s.size() && lost(s[last + 1])) ++last;
    if (first == 0 || last + 1 >= s.size()) return false;
    const char32_t before = s[first - 1];
    return chars::is_han(before) && chars::is_han(s[last + 1]) &&
           std::u32string_view(U"吗呢吧么啊嘛呀").find(before) == std::u32string_view::npos;
  }

  // A bracket pair is Chinese when its content or its outside neighbours
  // are: 中(蒙)药材, (上接第一版), 长石线(通辽段).
  bool bracket_is_chinese(std::u32string_view s, std::size_t i) const {
    std::size_t open = i, close = i;
    if (s[i] == U'(') {
      int depth = 0;
      for (close = i; close < s.size(); ++close) {
        if (s[close] == U'(') ++depth;
        if (s[close] == U')' && --depth == 0) break;
      }
      if (close == s.size()) close = i;  // unmatched: judge by neighbours only
    } else {
      int depth = 0;
      for (std::ptrdiff_t k = static_cast<std::ptrdiff_t>(i); k >= 0; --k) {
        if (s[k] == U')') ++depth;
        if (s[k] == U'(' && --depth == 0) {
          open = static_cast<std::size_t>(k);
          break;
        }
      }
    }
    // Spaces outside a half-width pair ("访问 (也称为 a11y) 是指") are the
    // Western convention typed on purpose, a house style, not a slip.
    const bool matched = open != close;
    if (matched && open > 0 && s[open - 1] == U' ') return false;
    bool han_inside = false;
    for (std::size_t k = open + 1; k < close; ++k) han_inside = han_inside || chars::is_han(s[k]);
    if (han_inside) return true;
    // A pair around Latin letters or digits only glosses a term or a code
    // (万维网联盟(W3C), 《新闻联播》(20230908)) and is often kept half-width;
    // an empty pair is a function call (computed(), ref()).
    if (matched) return false;
    // An unmatched mark is judged by its neighbours: 足(不出户.
    return is_chinese_context(neighbour(s, open, -1)) || is_chinese_context(neighbour(s, close, +1));
  }

  std::map<char32_t, std::string> marks_;
  bool parentheses_ = true;  // false: a house style that prefers half-width ( )
  std::array<bool, 256> is_ascii_mark_{};  // by byte: the marks below 0x80
  bool has_non_ascii_marks_ = false;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  auto configured = params.string_map("marks");
  if (!params.has("marks"))
    configured = {{",", "，"}, {";", "；"}, {":", "："}, {"?", "？"},
                  {"!", "！"}, {"(", "（"}, {")", "）"}};
  std::map<char32_t, std::string> marks;
  for (const auto& [half, full] : configured) {
    const auto h = code_points(half).chars;
    if (h.size() != 1 || full.empty()) {
      params.error_at("marks", "each entry of 'marks' must map one character to its full-width form");
      continue;
    }
    marks[h[0]] = full;
  }
  const bool parentheses = params.boolean("parentheses", true);
  return std::make_unique<PunctuationWidthRule>(std::move(info), std::move(marks), parentheses);
}

}  // namespace

const RuleKind& punctuation_width_kind() {
  static const RuleKind kind{"punctuation-width",
                             "half-width punctuation in Chinese text, with a full-width fix",
                             {"match", "replacement"},
                             {BlockKind::Body, BlockKind::Heading, BlockKind::ListItem,
                              BlockKind::Caption},
                             &create};
  return kind;
}

}  // namespace kanwu
