#include "kanwu/kinds/broken_paragraph.h"

#include <fmt/format.h>

#include <set>

#include "kanwu/nlp/join.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

constexpr std::size_t kExcerptChars = 8;
constexpr std::size_t kTopicChars = 40;  // context compared to rank candidates

// Shared Han bigrams between the end of A and the start of B: the halves of
// one sentence tend to talk about the same things (医院9所，开 / 通…医院8所).
std::size_t topic_overlap(std::string_view a_tail, std::string_view b_head) {
  const auto bigrams = [](std::string_view text) {
    std::set<std::u32string> out;
    const auto cps = code_points(text).chars;
    for (std::size_t i = 0; i + 1 < cps.size(); ++i)
      if (chars::is_han(cps[i]) && chars::is_han(cps[i + 1])) out.insert(cps.substr(i, 2));
    return out;
  };
  const auto a = bigrams(a_tail), b = bigrams(b_head);
  std::size_t shared = 0;
  for (const auto& g : a) shared += b.count(g);
  return shared;
}

bool ends_mid_sentence(std::string_view text) {
  std::size_t end = text.size();
  char32_t last = 0;
  while (end > 0) {
    const std::size_t p = utf8::previous(text, end);
    if (utf8::decode(text, p, last) == 0) return false;
    if (!chars::is_space(last)) break;
    end = p;
  }
  return end > 0 && !chars::is_paragraph_end(last);
}

class BrokenParagraphRule : public Rule {
 public:
  BrokenParagraphRule(RuleInfo info, std::size_t max_distance, std::size_t min_chars)
      : Rule(std::move(info)), max_distance_(max_distance), min_chars_(min_chars) {}

  void check(const Document& document, Emitter& emit) const override {
    const auto& blocks = document.blocks();
    std::vector<bool> claimed(blocks.size(), false);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& a = blocks[i];
      if (!in_scope(a) || utf8::count_code_points(a.text) < min_chars_) continue;
      if (!ends_mid_sentence(a.text)) continue;
      const std::size_t j = find_continuation(blocks, i, claimed);
      if (j == blocks.size()) continue;
      claimed[j] = true;
      report(document, a, blocks[j], j == i + 1, emit);
    }
  }

 private:
  // The block that continues blocks[i]: among later paragraphs, one whose
  // start completes a word cut at A's end, ranked by shared topic; failing
  // that, the next paragraph. Returns blocks.size() when there is none.
  std::size_t find_continuation(const std::vector<Block>& blocks, std::size_t i,
                                const std::vector<bool>& claimed) const {
    const Block& a = blocks[i];
    const std::string a_tail = tail_chars(a.text, kTopicChars);
    std::size_t next = blocks.size(), best = blocks.size(), best_score = 0;
    const std::size_t limit = std::min(blocks.size(), i + 1 + max_distance_);
    for (std::size_t j = i + 1; j < limit; ++j) {
      const Block& b = blocks[j];
      if (!in_scope(b) || claimed[j]) continue;
      if (next == blocks.size()) next = j;
      const JoinSignal join = examine_join(a.text, b.text);
      if (!join.spans_word || !join.lone_ends) continue;
      const std::size_t score = topic_overlap(a_tail, head_chars(b.text, kTopicChars)) + 1;
      if (score > best_score) best = j, best_score = score;
    }
    return best != blocks.size() ? best : next;
  }

  void report(const Document& document, const Block& a, const Block& b, bool adjacent,
              Emitter& emit) const {
    const std::string before = tail_chars(a.text, kExcerptChars);
    const std::string after = head_chars(b.text, kExcerptChars);
    const std::size_t a_end = a.text.size();
    const Location b_where = document.locate(b, 0, after.size());
    Finding& f = emit.report(a, a_end - before.size(), a_end,
                             {{"before", before},
                              {"after", after},
                              {"line", fmt::format("{}", b_where.start.line)}});
    f.related.push_back({b_where, "段落的接续部分"});
    // Only adjacent halves are joined automatically; moving text across
    // other blocks is an editor's decision.
    if (adjacent) emit.propose_source_fix(f, a.map.to_source_end(a_end), b.map.to_source(0), "");
  }

  std::size_t max_distance_;
  std::size_t min_chars_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  const auto max_distance = static_cast<std::size_t>(params.integer("max_distance", 12, 1, 1000));
  const auto min_chars = static_cast<std::size_t>(params.integer("min_chars", 8, 1, 10000));
  return std::make_unique<BrokenParagraphRule>(std::move(info), max_distance, min_chars);
}

}  // namespace

const RuleKind& broken_paragraph_kind() {
  static const RuleKind kind{"broken-paragraph",
                             "a paragraph split mid-sentence, its continuation further on",
                             {"before", "after", "line"},
                             {BlockKind::Body},
                             &create};
  return kind;
}

}  // namespace kanwu
