#include "kanwu/kinds/wrapped_heading.h"

#include <map>

#include "kanwu/nlp/join.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

constexpr std::size_t kMaxFragments = 6;

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
  WrappedHeadingRule(RuleInfo info, std::size_t max_chars)
      : Rule(std::move(info)), max_chars_(max_chars) {}

  void check(const Document& document, Emitter& emit) const override {
    const auto& blocks = document.blocks();
    std::size_t i = 0;
    while (i < blocks.size()) {
      std::size_t j = i;
      int balance = is_fragment(blocks[i]) ? open_balance(blocks[i].text) : 0;
      while (j + 1 < blocks.size() && is_fragment(blocks[j]) && is_fragment(blocks[j + 1]) &&
             continues(blocks[j], blocks[j + 1], balance)) {
        ++j;
        balance += open_balance(blocks[j].text);
      }
      // A heading wraps over a few lines; a longer run of short lines is a
      // list, a poem or noise (a million one-character lines), not one title.
      if (j > i && j - i < kMaxFragments) report(document, i, j, emit);
      i = j + 1;
    }
  }

 private:
  bool is_fragment(const Block& block) const {
    return in_scope(block) && block.first_line == block.last_line &&
           utf8::count_code_points(block.text) <= max_chars_;
  }

  // The next fragment continues this one when the junction cuts a word, or
  // when it closes a quote the heading so far left open.
  static bool continues(const Block& a, const Block& b, int balance) {
    // Layout cuts a heading inside a Chinese word (就|业); digits meeting
    // digits across lines are a label and a title (附件1 / 2026年…), not a cut.
    if (han_at_junction(a.text, b.text) && examine_join(a.text, b.text).spans_word) return true;
    return balance > 0 && open_balance(b.text) < 0;
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
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  const auto max_chars = static_cast<std::size_t>(params.integer("max_fragment_chars", 12, 1, 200));
  return std::make_unique<WrappedHeadingRule>(std::move(info), max_chars);
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
