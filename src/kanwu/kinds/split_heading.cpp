#include "kanwu/kinds/split_heading.h"

#include <algorithm>

#include "kanwu/doc/pull_quote.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

constexpr std::size_t kMinHalf = 4, kMaxHalf = 7;  // 坚守使命 / 夯实育人根基
constexpr std::size_t kMinListLines = 4;  // short lines in a row that are a list

class SplitHeadingRule : public Rule {
 public:
  using Rule::Rule;

  void check(const Document& document, Emitter& emit) const override {
    if (document.format() != DocumentFormat::PlainText) return;  // Markdown headings are the author's
    const auto& blocks = document.blocks();
    for (std::size_t i = 0; i + 1 < blocks.size(); ++i) {
      const std::size_t n = half(document, i);
      if (n == 0 || half(document, i + 1) != n) continue;
      if (blocks[i + 1].first_line > blocks[i].last_line + 2) continue;  // at most one blank line between
      // Exactly two: a run of three or more equal short lines is a list or a
      // poem, and a run of four or more short lines of any length the senders
      // under a message (中共中央 / 全国人大常委会 / 国务院 / 全国政协 / 中央军委),
      // not one headline (a title may stand above a couplet: 乡村振兴看江州 /
      // 守正创新 / 笃行致远).
      if ((i > 0 && half(document, i - 1) == n) || (i + 2 < blocks.size() && half(document, i + 2) == n)) continue;
      std::size_t run_begin = i, run_end = i + 2;
      while (run_begin > 0 && short_line(document, run_begin - 1)) --run_begin;
      while (run_end < blocks.size() && short_line(document, run_end)) ++run_end;
      if (run_end - run_begin >= kMinListLines) continue;
      const std::string joined = blocks[i].text + " " + blocks[i + 1].text;
      Finding f = make_finding(*this, document.locate_source(blocks[i].source_begin, blocks[i + 1].source_end),
                               {{"first", blocks[i].text}, {"second", blocks[i + 1].text}, {"joined", joined}});
      f.related.push_back({document.locate_source(blocks[i + 1].source_begin, blocks[i + 1].source_end), "标题的后半"});
      emit.propose_source_fix(f, blocks[i].source_begin, blocks[i + 1].source_end, joined);
      emit.add(std::move(f));
      ++i;
    }
  }

 private:
  // The length of block i when it is a one-line heading of nothing but Han
  // characters, else 0.
  static std::size_t han_heading_length(const Document& document, std::size_t i) {
    const Block& b = document.blocks()[i];
    if (b.kind != BlockKind::Heading || b.first_line != b.last_line) return 0;
    const std::u32string cp = code_points(b.text).chars;
    return std::all_of(cp.begin(), cp.end(), chars::is_han) ? cp.size() : 0;
  }

  // A heading line of two to kMaxHalf Han characters, as the lines of a list
  // of names or a poem are.
  static bool short_line(const Document& document, std::size_t i) {
    const std::size_t n = han_heading_length(document, i);
    return n >= 2 && n <= kMaxHalf;
  }

  // The length of block i as one half of a couplet headline, or 0: a single
  // heading line of four to seven Han characters, not part of a pull quote.
  std::size_t half(const Document& document, std::size_t i) const {
    if (!in_scope(document.blocks()[i])) return 0;
    const std::size_t n = han_heading_length(document, i);
    if (n < kMinHalf || n > kMaxHalf || pull_quote_at(document, i)) return 0;
    return n;
  }
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader&) { return std::make_unique<SplitHeadingRule>(std::move(info)); }

}  // namespace

const RuleKind& split_heading_kind() {
  static const RuleKind kind{"split-heading",
                             "a two-part headline set as two lines",
                             {"first", "second", "joined"},
                             {BlockKind::Heading},
                             &create};
  return kind;
}

}  // namespace kanwu
