#include "kanwu/kinds/broken_paragraph.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include "kanwu/doc/classify.h"
#include "kanwu/figures/period.h"
#include "kanwu/nlp/join.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

constexpr std::size_t kExcerptChars = 8;
constexpr std::size_t kTopicChars = 40;  // context compared to rank candidates
constexpr std::size_t kFragmentChars = 10;  // a stray piece between the halves

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

// The longest run of characters A and B share (in code points), looked for
// in B's first characters: a news lead restates its headline.
std::size_t longest_shared_run(std::string_view a, std::string_view b_head) {
  const std::u32string x = code_points(a).chars, y = code_points(b_head).chars;
  std::size_t best = 0;
  std::vector<std::size_t> prev(y.size() + 1, 0), cur(y.size() + 1, 0);
  for (std::size_t i = 1; i <= x.size(); ++i) {
    for (std::size_t j = 1; j <= y.size(); ++j) {
      cur[j] = x[i - 1] == y[j - 1] ? prev[j - 1] + 1 : 0;
      best = std::max(best, cur[j]);
    }
    std::swap(prev, cur);
  }
  return best;
}

// A line with no clause marks is a title (《…实施方案》发布, …互致贺电) unless
// the break cuts a word; with a full stop inside (…送别。胡锦涛送花圈表示哀悼)
// it is a headline when B restates it.
bool is_headline_of(std::string_view a, std::string_view b) {
  for (std::string_view mark : {"，", "、", "；", "：", ",", ";"})
    if (a.find(mark) != std::string_view::npos) return false;
  const JoinSignal join = examine_join(a, b);
  if (a.find("。") == std::string_view::npos && a.find("！") == std::string_view::npos) return !join.spans_word;
  return longest_shared_run(a, head_chars(b, 80)) >= 6;
}

// In Markdown a paragraph ends where its author ended it: a line ending in a
// link, an image, a table cell or a tag is structure, and only a break that
// cuts a word is a broken paragraph.
bool markdown_structure(const Document& document, const Block& a) {
  if (document.format() != DocumentFormat::Markdown) return false;
  std::string_view source = document.source().text().substr(a.source_begin, a.source_end - a.source_begin);
  while (!source.empty() && std::isspace(static_cast<unsigned char>(source.back()))) source.remove_suffix(1);
  return source.ends_with(")") || source.ends_with("|") || source.ends_with(">") || source.ends_with("]");
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
  BrokenParagraphRule(RuleInfo info, std::size_t max_distance, std::size_t min_chars, std::vector<std::string> openers)
      : Rule(std::move(info)), max_distance_(max_distance), min_chars_(min_chars), openers_(std::move(openers)) {}

  void check(const Document& document, Emitter& emit) const override {
    const auto& blocks = document.blocks();
    std::vector<bool> claimed(blocks.size(), false);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& a = blocks[i];
      if (!in_scope(a) || utf8::count_code_points(a.text) < min_chars_) continue;
      if (!ends_mid_sentence(a.text) || opens_with_bullet(a.text)) continue;
      const std::size_t j = find_continuation(blocks, i, claimed);
      if (j == blocks.size() || starts_new_sentence(blocks[j].text) || opens_with_bullet(blocks[j].text) || is_headline_of(a.text, blocks[j].text) ||
          markdown_structure(document, a))
        continue;
      // In Markdown only text between the halves says they are one
      // paragraph: a break that cuts a word, or nothing but paragraphs (no
      // code, list or HTML the author put there), as in a news transcript.
      if (document.format() == DocumentFormat::Markdown && !examine_join(a.text, blocks[j].text).spans_word &&
          !only_paragraphs_between(document, i, j))
        continue;
      claimed[j] = true;
      Finding& f = report(document, a, blocks[j], j == i + 1, emit);
      // When only short fragments stand between the halves (the 2.5 of
      // PM2.5, a stray 主要预期目标), they belong to the sentence too.
      const auto is_piece = [&](const Block& b) {
        return utf8::count_code_points(b.text) <= kFragmentChars && !has_sentence_end(b.text);
      };
      if (j > i + 1 && std::all_of(blocks.begin() + i + 1, blocks.begin() + j, is_piece))
        for (std::size_t k = i + 1; k < j; ++k)
          f.related.push_back({document.locate(blocks[k], 0, blocks[k].text.size()), "夹在两半之间的片段"});
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

  // True when the source between blocks i and j holds only blank lines and
  // the blocks between them (no markup kanwu skipped: code, HTML, lists),
  // and both halves are paragraphs at the margin (not in a quote or a list).
  static bool only_paragraphs_between(const Document& document, std::size_t i, std::size_t j) {
    const auto& blocks = document.blocks();
    const std::string_view source = document.source().text();
    const auto at_margin = [&](const Block& b) {
      const std::size_t line_start = source.rfind('\n', b.source_begin == 0 ? 0 : b.source_begin - 1);
      const std::size_t from = line_start == std::string_view::npos || b.source_begin == 0 ? 0 : line_start + 1;
      return source.substr(from, b.source_begin - from).find_first_not_of(" \t") == std::string_view::npos;
    };
    if (!at_margin(blocks[i]) || !at_margin(blocks[j])) return false;
    for (std::size_t k = i; k < j; ++k) {
      const std::size_t gap_begin = blocks[k].source_end, gap_end = blocks[k + 1].source_begin;
      if (gap_end < gap_begin) return false;
      if (source.substr(gap_begin, gap_end - gap_begin).find_first_not_of(" \t\r\n") != std::string_view::npos)
        return false;
    }
    return true;
  }

  // 央视网消息（新闻联播）：…, 本报讯…, 5月6日，…, 今年6—11月，…: a paragraph
  // that opens with a news formula or a time and a comma starts a sentence.
  bool starts_new_sentence(std::string_view b) const {
    for (const auto& opener : openers_)
      if (b.starts_with(opener)) return true;
    for (const Period& p : extract_periods(head_chars(b, 24))) {
      if (p.begin > 6) break;  // 今年 / 今晚（10月17日） may lead the time
      const std::string_view rest = b.substr(p.end);
      const std::size_t comma = rest.find("，");
      if (comma != std::string_view::npos && comma <= 12) return true;
    }
    return false;
  }

  static bool has_sentence_end(std::string_view text) {
    for (char32_t c : code_points(text).chars)
      if (chars::is_sentence_end(c)) return true;
    return false;
  }

  Finding& report(const Document& document, const Block& a, const Block& b, bool adjacent,
              Emitter& emit) const {
    const std::string before = tail_chars(a.text, kExcerptChars);
    const std::string after = head_chars(b.text, kExcerptChars);
    const std::size_t a_end = a.text.size();
    const Location b_where = document.locate(b, 0, after.size());
    Finding& f = emit.report(a, a_end - before.size(), a_end,
                             {{"before", before},
                              {"after", after},
                              {"line", fmt::format("{}", b_where.start.line)},
                              {"place", place_in_document(b_where)}});
    f.related.push_back({b_where, "段落的接续部分"});
    // Only adjacent halves are joined automatically; moving text across
    // other blocks is an editor's decision.
    if (adjacent) emit.propose_source_fix(f, a.map.to_source_end(a_end), b.map.to_source(0), "");
    return f;
  }

  std::size_t max_distance_;
  std::size_t min_chars_;
  std::vector<std::string> openers_;  // formulas that open a news paragraph
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  const auto max_distance = static_cast<std::size_t>(params.integer("max_distance", 12, 1, 1000));
  const auto min_chars = static_cast<std::size_t>(params.integer("min_chars", 8, 1, 10000));
  return std::make_unique<BrokenParagraphRule>(std::move(info), max_distance, min_chars, params.strings("openers"));
}

}  // namespace

const RuleKind& broken_paragraph_kind() {
  static const RuleKind kind{"broken-paragraph",
                             "a paragraph split mid-sentence, its continuation further on",
                             {"before", "after", "line", "place"},
                             {BlockKind::Body},
                             &create};
  return kind;
}

}  // namespace kanwu
