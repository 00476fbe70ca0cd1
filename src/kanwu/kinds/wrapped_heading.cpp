#include "kanwu/kinds/wrapped_heading.h"

#include <algorithm>
#include <map>
#include <set>

#include "kanwu/doc/pull_quote.h"
#include "kanwu/nlp/join.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

constexpr std::size_t kMaxFragments = 6;
// The fewest characters of a line that a title was wrapped at.
constexpr std::size_t kMinWrappedWidth = 4;

// Net count of unclosed quotes/brackets in a fragment (positive: opens more
// than it closes).
int open_balance(std::string_view text) {
  static const std::u32string_view kOpen = U"“‘（《【「『", kClose = U"”’）》】」』";
  int balance = 0;
  for (char32_t c : code_points(text).chars) {
    if (kOpen.find(c) != std::u32string_view::npos) ++balance;
    if (kClose.find(c) != std::u32string_view::npos) --balance;
  }
  return balance;
}

bool han_at_junction(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  char32_t last = 0, first = 0;
  utf8::decode(a, utf8::previous(a, a.size()), last);
  utf8::decode(b, 0, first);
  return chars::is_han(last) && chars::is_han(first);
}

class WrappedHeadingRule : public Rule {
 public:
  WrappedHeadingRule(RuleInfo info, std::size_t max_chars, std::size_t max_first_line_chars,
                     std::set<std::string> standalone)
      : Rule(std::move(info)),
        max_chars_(max_chars),
        max_first_line_chars_(max_first_line_chars),
        standalone_(std::move(standalone)) {}

  void check(const Document& document, Emitter& emit) const override {
    const auto& blocks = document.blocks();
    // Pull quotes repeating the body (“大学生就 / 业引航计 / 划”) are debris
    // to delete (layout-debris), not a heading to rebuild.
    std::vector<bool> quoted(blocks.size(), false);
    for (const PullQuote& q : pull_quotes(document))
      for (std::size_t k = q.first_block; k <= q.last_block; ++k) quoted[k] = true;
    const auto is_fragment = [&](const Block& block) {
      return !quoted[static_cast<std::size_t>(&block - blocks.data())] && this->is_fragment(block);
    };
    std::size_t i = 0;
    while (i < blocks.size()) {
      if (i + 1 < blocks.size() && !quoted[i] && !quoted[i + 1] && wrapped_once(document, i)) {
        report(document, i, i + 1, emit);
        i += 2;
        continue;
      }
      if (in_scope(blocks[i]) && blocks[i].first_line != blocks[i].last_line) {
        check_lines(document, blocks[i], emit);
        ++i;
        continue;
      }
      std::size_t j = i;
      int balance = is_fragment(blocks[i]) ? open_balance(blocks[i].text) : 0;
      bool cuts_word = false;  // a junction of the run cuts a word
      while (j + 1 < blocks.size() && is_fragment(blocks[j]) && is_fragment(blocks[j + 1])) {
        const bool cut = cuts_a_word(blocks[j], blocks[j + 1]);
        if (!continues(document, blocks[j], blocks[j + 1], cut, balance,
                       j + 2 == blocks.size() || !is_fragment(blocks[j + 2])))
          break;
        cuts_word = cuts_word || cut;
        ++j;
        balance += open_balance(blocks[j].text);
      }
      // A run closed by a short tail (… / 大会在江州 / 召开), or one whose
      // lines a word runs across (… / 届圣彼得堡国际经 / 济论坛全会并致辞),
      // takes in the fragments before it that wrapping filled at least as full
      // as the one after: layout breaks a title at a fixed width, and the
      // break before may fall between two words (丁薛祥出席第二十八 / 届…,
      // 第十一届全国人民代表 / 大会…). Not a shorter masthead above (江州日报).
      std::size_t first = i;
      // (A word across lines of one or two characters is a widget's 大 / 中 / 小,
      // not a title set at a width.)
      const bool wrapped_at_width = cuts_word && utf8::count_code_points(blocks[i].text) >= kMinWrappedWidth;
      if (j > i &&
          (wrapped_at_width || (is_tail(blocks[j].text) && !examine_join(blocks[j - 1].text, blocks[j].text).spans_word)))
        while (first > 0 && j - (first - 1) < kMaxFragments && is_fragment(blocks[first - 1]) &&
               adjacent(blocks[first - 1], blocks[first]) && plain(document, blocks[first - 1]) &&
               set_alike(document, blocks[first - 1], blocks[first]) &&
               han_at_junction(blocks[first - 1].text, blocks[first].text) &&
               utf8::count_code_points(blocks[first - 1].text) >= utf8::count_code_points(blocks[first].text))
          --first;
      // A heading wraps over a few lines; a longer run of short lines is a
      // list, a poem or noise (a million one-character lines), not one title.
      if (j > first && j - first < kMaxFragments && substantial(blocks, first, j)) report(document, first, j, emit);
      i = j + 1;
    }
  }

 private:
  bool is_fragment(const Block& block) const {
    return in_scope(block) && block.first_line == block.last_line &&
           utf8::count_code_points(block.text) <= max_chars_;
  }

  // Layout cuts a heading inside a Chinese word (就|业); digits meeting
  // digits across lines are a label and a title (附件1 / 2026年…), not a cut.
  static bool cuts_a_word(const Block& a, const Block& b) {
    return han_at_junction(a.text, b.text) && examine_join(a.text, b.text).spans_word;
  }

  // The next fragment continues this one when the junction cuts a word
  // (`cut`: cuts_a_word), when it closes a quote the heading so far left
  // open, or when it is the last of the run and too short to stand as a
  // heading (… / 大会在江州 / 召开).
  bool continues(const Document& document, const Block& a, const Block& b, bool cut, int balance,
                 bool b_is_last) const {
    if (cut) return true;
    if (balance > 0 && open_balance(b.text) < 0) return true;
    return b_is_last && adjacent(a, b) && plain(document, a) && plain(document, b) && han_at_junction(a.text, b.text) &&
           set_alike(document, a, b) && is_tail(b.text);
  }

  // A heading wrapped once: a title line longer than a fragment, then a
  // tail of one to three Han characters that the line break cut from a word
  // of it (…航空装备展现代 / 化成果, 二、主要预期目标和重点任 / 务), as a
  // run of short fragments ends in one (is_tail). A line of one Han
  // character is never a heading of its own.
  bool wrapped_once(const Document& document, std::size_t i) const {
    const auto& blocks = document.blocks();
    const Block& a = blocks[i];
    const Block& b = blocks[i + 1];
    if (!in_scope(a) || !in_scope(b) || a.first_line != a.last_line || b.first_line != b.last_line) return false;
    const std::size_t a_chars = utf8::count_code_points(a.text);
    if (a_chars <= max_chars_ || a_chars > max_first_line_chars_) return false;
    if (!adjacent(a, b) || !plain(document, a) || !plain(document, b) || !han_at_junction(a.text, b.text) ||
        !set_alike(document, a, b))
      return false;
    const std::u32string tail = code_points(b.text).chars;
    if (tail.empty() || tail.size() > 3 || !std::all_of(tail.begin(), tail.end(), chars::is_han)) return false;
    if (standalone_.count(b.text)) return false;
    // The next line starts something else: not one more short fragment.
    if (i + 2 < blocks.size() && is_fragment(blocks[i + 2]) && adjacent(b, blocks[i + 2])) return false;
    return tail.size() == 1 || is_tail(b.text);
  }

  // The indentation of a block's first line in the file: layout wraps a
  // heading onto lines set alike; a line indented differently (国务院总理 /
  // 　李克强) is a line of its own.
  static std::string_view indentation(const Document& document, const Block& block) {
    const std::string_view source = document.source().text();
    std::size_t start = block.source_begin;
    while (start > 0 && source[start - 1] != '\n') --start;
    std::size_t end = start;
    while (end < source.size()) {
      if (source[end] == ' ' || source[end] == '\t') ++end;
      else if (source.substr(end).starts_with("\u3000")) end += 3;
      else break;
    }
    return source.substr(start, end - start);
  }
  static bool set_alike(const Document& document, const Block& a, const Block& b) {
    return indentation(document, a) == indentation(document, b);
  }

  // At most one blank line between two fragments.
  static bool adjacent(const Block& a, const Block& b) { return b.first_line <= a.last_line + 2; }

  // Written as plain lines, not a Markdown heading (## 参考) or a link: those
  // are structure the author chose.
  static bool plain(const Document& document, const Block& block) {
    const std::string_view source = document.source().text().substr(block.source_begin);
    return !(source.starts_with("#") || source.starts_with("[") || source.starts_with("!["));
  }

  // 召开, 开幕: two or three characters that are not a heading of their own
  // (前言, 附件, 结语 are).
  bool is_tail(std::string_view text) const {
    const std::u32string cp = code_points(text).chars;
    if (cp.size() < 2 || cp.size() > 3) return false;
    if (!std::all_of(cp.begin(), cp.end(), chars::is_han)) return false;
    return !standalone_.count(std::string(text));
  }

  // A heading has substance: four Han characters or more (the 中 / 小 of a
  // font-size widget are not a heading).
  static bool substantial(const std::vector<Block>& blocks, std::size_t i, std::size_t j) {
    std::size_t han = 0;
    for (std::size_t k = i; k <= j; ++k)
      for (char32_t c : code_points(blocks[k].text).chars) han += chars::is_han(c) ? 1 : 0;
    return han >= 4;
  }

  // One heading block of several lines (single line breaks): its lines are
  // one heading when a junction cuts a word or it ends in a short tail.
  void check_lines(const Document& document, const Block& block, Emitter& emit) const {
    std::vector<std::string_view> lines;
    const std::string_view text = block.text;
    for (std::size_t start = 0;;) {
      const std::size_t nl = text.find('\n', start);
      lines.push_back(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
    if (lines.size() < 2 || lines.size() >= kMaxFragments) return;
    // Lines indented differently are set apart on purpose (国务院总理 / 　李克强).
    const auto indent = [&](int line) {
      const std::string_view t = document.source().line_text(line);
      std::size_t end = 0;
      while (end < t.size()) {
        if (t[end] == ' ' || t[end] == '\t') ++end;
        else if (t.substr(end).starts_with("\u3000")) end += 3;
        else break;
      }
      return t.substr(0, end);
    };
    for (int line = block.first_line + 1; line <= block.last_line; ++line)
      if (indent(line) != indent(block.first_line)) return;
    // So are lines ended by a full-width space (国务院总理　/ 李克强).
    for (int line = block.first_line; line < block.last_line; ++line)
      if (document.source().line_text(line).ends_with("\u3000")) return;
    bool joined_by_word = false;
    for (std::size_t k = 0; k + 1 < lines.size(); ++k)
      joined_by_word = joined_by_word || (han_at_junction(lines[k], lines[k + 1]) &&
                                          examine_join(lines[k], lines[k + 1]).spans_word);
    if (!joined_by_word && !is_tail(lines.back())) return;
    std::string joined;
    for (auto line : lines) joined += line;
    if (utf8::count_code_points(joined) < 6) return;
    Finding f = make_finding(*this, document.locate_source(block.source_begin, block.source_end),
                             {{"joined", joined}, {"match", std::string(lines.front())}});
    emit.propose_source_fix(f, block.map.to_source(0), block.map.to_source_end(text.size()), joined);
    emit.add(std::move(f));
  }

  void report(const Document& document, std::size_t first, std::size_t last, Emitter& emit) const {
    const auto& blocks = document.blocks();
    std::string joined;
    for (std::size_t k = first; k <= last; ++k) joined += blocks[k].text;
    Finding f = make_finding(*this, document.locate_source(blocks[first].source_begin,
                                                           blocks[last].source_end),
                             {{"joined", joined}, {"match", blocks[first].text}});
    emit.propose_source_fix(f, blocks[first].map.to_source(0),
                            blocks[last].map.to_source_end(blocks[last].text.size()), joined);
    for (std::size_t k = first + 1; k <= last; ++k)
      f.related.push_back({document.locate_source(blocks[k].source_begin, blocks[k].source_end),
                           "标题的后续片段"});
    emit.add(std::move(f));
  }

  std::size_t max_chars_;
  std::size_t max_first_line_chars_;  // the long first line of a heading wrapped once
  std::set<std::string> standalone_;  // short headings that stand alone: 前言, 附件
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  const auto max_chars = static_cast<std::size_t>(params.integer("max_fragment_chars", 12, 1, 200));
  const auto max_first = static_cast<std::size_t>(params.integer("max_first_line_chars", 30, 1, 400));
  std::set<std::string> standalone;
  for (auto& w : params.strings("standalone_headings")) standalone.insert(std::move(w));
  return std::make_unique<WrappedHeadingRule>(std::move(info), max_chars, max_first, std::move(standalone));
}

}  // namespace

const RuleKind& wrapped_heading_kind() {
  static const RuleKind kind{"wrapped-heading",
                             "a heading broken across several short lines",
                             {"joined", "match"},
                             {BlockKind::Heading},
                             &create};
  return kind;
}

}  // namespace kanwu
