#include "kanwu/kinds/broken_paragraph.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include "kanwu/doc/classify.h"
#include "kanwu/figures/period.h"
#include "kanwu/figures/quantity.h"
#include "kanwu/nlp/join.h"
#include "kanwu/nlp/lexicon.h"
#include "kanwu/rules/lexicon_param.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/marks.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

constexpr std::size_t kExcerptChars = 8;
constexpr std::size_t kTopicChars = 40;  // context compared to rank candidates
constexpr std::size_t kFragmentChars = 10;  // a stray piece between the halves
// reads_as_body: a paragraph this long with a figure in it, or this long
// with four clause marks, is body text (the longest of 101 headlines,
// subheadings and summary lines read on real-more was 76 characters, and
// had three).
constexpr std::size_t kBodyWithFigures = 45;
constexpr std::size_t kBodyOfClauses = 50;

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

// A mark that ends a clause but not a sentence: the text is prose.
bool has_clause_mark(std::string_view text) {
  for (std::string_view mark : marks::kMidSentenceMarks)
    if (text.find(mark) != std::string_view::npos) return true;
  return false;
}

// A line with no clause marks is a title (《…实施方案》发布, …互致贺电) unless
// the break cuts a word; with a full stop inside (…送别。胡锦涛送花圈表示哀悼)
// it is a headline when B restates it.
bool is_headline_of(std::string_view a, std::string_view b, const JoinSignal& join) {
  // (An enumeration's 、 is a clause mark here too: a title does not list.)
  if (a.find("、") != std::string_view::npos || has_clause_mark(a)) return false;
  if (a.find("。") == std::string_view::npos && a.find("！") == std::string_view::npos) return !join.spans_word;
  // Nor does one with a full stop end cutting a word (…最大开挖直 / 径12.68米).
  return !join.spans_word && longest_shared_run(a, head_chars(b, 80)) >= 6;
}

// 我国农业保险保费收入1555.5亿 / 元，累计…: the number of a figure ends A and
// its unit opens B (the project's quantity reader reads one figure across).
bool cuts_a_figure(std::string_view a, std::string_view b) {
  const std::string left = tail_chars(a, 12), right = head_chars(b, 6);
  for (const Quantity& q : extract_quantities(left + right))
    if (!q.unit.empty() && q.number_end <= left.size() && q.end > left.size()) return true;
  return false;
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

bool is_zero_width(char32_t c) { return c == U'\u200B' || c == U'\u200C' || c == U'\u200D' || c == U'\uFEFF'; }

// Parallel lines open alike (为悼念…， / 为悼念…，): items set one per line on
// purpose, not the halves of one sentence.
bool open_alike(std::string_view a, std::string_view b) {
  const std::u32string x = code_points(head_chars(a, 3)).chars, y = code_points(head_chars(b, 3)).chars;
  return x.size() == 3 && x == y && std::all_of(x.begin(), x.end(), chars::is_han);
}

// The last character of a text but the spaces and zero-width characters a
// scrape leaves at a line's end (after a 。 too); 0 when there is none.
char32_t last_char(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0) {
    const std::size_t p = utf8::previous(text, end);
    char32_t c = 0;
    if (utf8::decode(text, p, c) == 0) return 0;
    if (!chars::is_space(c) && !is_zero_width(c)) return c;
    end = p;
  }
  return 0;
}

bool ends_mid_sentence(std::string_view text) {
  const char32_t last = last_char(text);
  return last != 0 && !chars::is_paragraph_end(last);
}

class BrokenParagraphRule : public Rule {
 public:
  BrokenParagraphRule(RuleInfo info, std::size_t max_distance, std::size_t min_chars, std::vector<std::string> openers,
                      std::u32string dangling_ends, std::shared_ptr<const Lexicon> lexicon)
      : Rule(std::move(info)),
        max_distance_(max_distance),
        min_chars_(min_chars),
        openers_(std::move(openers)),
        dangling_ends_(std::move(dangling_ends)),
        lexicon_(std::move(lexicon)) {}

  void check(const Document& document, Emitter& emit) const override {
    const auto& blocks = document.blocks();
    std::vector<bool> claimed(blocks.size(), false);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& a = blocks[i];
      const bool short_clause = clause_taken_for_heading(a);
      // A plain line taken for a title (no clause mark) among paragraphs of
      // text, whose last word the next text completes by ICU's dictionary
      // (…交易会正 / 在火热进行): is_headline_of() below asks for the cut.
      const bool cut_title = i > 0 && blocks[i - 1].kind == BlockKind::Body && line_taken_for_heading(a);
      if ((!in_scope(a) && !short_clause && !cut_title) || utf8::count_code_points(a.text) < min_chars_) continue;
      if (!ends_mid_sentence(a.text) || opens_with_bullet(a.text)) continue;
      const std::size_t j = find_continuation(blocks, i, claimed);
      if (j == blocks.size()) continue;
      const std::string_view second = blocks[j].text;
      // Whether the break cuts a word (ICU), asked once of the pair; whether
      // it cuts a figure from its unit only where a cut word is not enough.
      const JoinSignal join = examine_join(a.text, second);
      const auto cuts = [&] { return join.spans_word || cuts_a_figure(a.text, second); };
      if (starts_new_sentence(second) || opens_with_bullet(second) || is_headline_of(a.text, second, join) ||
          markdown_structure(document, a) || open_alike(a.text, second))
        continue;
      // A short first half reads as a headline with a comma (稳字当头，进中求好)
      // unless the break cuts a word that the next half completes. So does any
      // paragraph of one sentence ending in a whole word with no mark after
      // it: subheadings (夯实思想基础，凝聚奋进力量), titles, field lines
      // (主办单位：…各州、市人民政府) and old reports' summary lines end so.
      // Layout cuts inside a word (适当控 / 制信贷), after a word that cannot
      // end anything (发展的 / 主要预期目标), or after whole sentences.
      // Such a half is joined only to the next paragraph of text: among a
      // dozen later paragraphs one often starts with a character that makes a
      // word with its last (交通互联，建设高效贯通功能圈 … 通衢大邑).
      // A numbered point (第二、既要搞活经济，又要加强管理。…健全制度) is a
      // heading with its lead, which ends without a mark as headings do:
      // broken only where the break cuts a word.
      if (ends_in_han(a.text) && opens_with_enumerator(a.text) && !join.spans_word && !ends_dangling(a.text)) continue;
      if ((short_clause && !in_scope(a)) || (ends_in_han(a.text) && !has_sentence_end(a.text) && !reads_as_body(a.text))) {
        // The word list answers for body paragraphs only: a headline with a
        // comma ends in whole words that a list of 349,000 meets across the
        // break too often (新局面 / 面对).
        if (!cuts() && !ends_dangling(a.text) && !(in_scope(a) && listed_word_across(a.text, second))) continue;
        const auto text_between = [&](const Block& b) {
          return in_scope(b) && !(utf8::count_code_points(b.text) <= kFragmentChars && !has_sentence_end(b.text));
        };
        if (std::any_of(blocks.begin() + i + 1, blocks.begin() + j, text_between)) continue;
      }
      // In Markdown only text between the halves says they are one
      // paragraph: a break that cuts a word, or nothing but paragraphs (no
      // code, list or HTML the author put there), as in a news transcript.
      if (document.format() == DocumentFormat::Markdown && !cuts() && !only_paragraphs_between(document, i, j)) continue;
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
      // A numbered heading (四、坚持独立自主的和平外交政策) opens a section: no
      // sentence runs on across it.
      if (b.kind == BlockKind::Heading && opens_with_enumerator(b.text)) break;
      if (!in_scope(b) || claimed[j]) continue;
      if (next == blocks.size()) {
        next = j;
        // The next paragraph completes a listed word of three or more
        // characters cut at A's end (不 / 符合要求): it, not a later one
        // that happens to start with a word of A's last character.
        if (!starts_new_sentence(b.text) && listed_word_across(a.text, b.text)) return j;
      }
      const JoinSignal join = examine_join(a.text, b.text);
      if (!join.spans_word || !join.lone_ends) continue;
      // One that opens a sentence of its own (一季度，…) continues nothing,
      // though its first character makes a word with A's last (同|一).
      if (starts_new_sentence(b.text)) continue;
      const std::size_t score = topic_overlap(a_tail, head_chars(b.text, kTopicChars)) + 1;
      if (score > best_score) best = j, best_score = score;
    }
    return best != blocks.size() ? best : next;
  }

  static bool ends_in_han(std::string_view text) { return chars::is_han(last_char(text)); }
  // Body text states things at length: a news opener (央视网消息…), figures
  // in a long clause (…其中收入超过50万元的村达到), or a long run of clauses
  // (…不断促进就业创业，改善创业环境，劳动者). Headlines, subheadings and
  // summary lines are short parallel phrases (为长远计、为根本谋，向作风之弊亮剑).
  bool reads_as_body(std::string_view text) const {
    for (const auto& opener : openers_)
      if (text.starts_with(opener)) return true;
    const std::u32string cp = code_points(text).chars;
    const bool digits = std::any_of(cp.begin(), cp.end(), chars::is_ascii_digit);
    const auto marks = std::count_if(cp.begin(), cp.end(), [](char32_t c) {
      return c == U'，' || c == U'；' || c == U'：';
    });
    return (digits && cp.size() >= kBodyWithFigures) || (cp.size() >= kBodyOfClauses && marks >= 4);
  }

  // A word of the word list runs across the break: names and set phrases
  // ICU's dictionary lacks (马来 / 西亚, 较真碰 / 硬). Three characters or
  // more, within the Han characters either side: two-character words of the
  // list meet across the ends of whole words too often (的毛, 面面).
  bool listed_word_across(std::string_view a, std::string_view b) const {
    if (!lexicon_) return false;
    std::u32string left = code_points(tail_chars(a, 3)).chars, right = code_points(head_chars(b, 3)).chars;
    left.erase(left.begin(), std::find_if_not(left.rbegin(), left.rend(), chars::is_han).base());
    right.erase(std::find_if_not(right.begin(), right.end(), chars::is_han), right.end());
    return lexicon_->word_across(left + right, left.size(), 3, 4);
  }

  // (A clause of 是 … 的 ends a sentence with 的: 复辟是不可避免的.)
  bool ends_dangling(std::string_view text) const {
    const char32_t last = last_char(text);
    if (dangling_ends_.find(last) == std::u32string::npos) return false;
    if (last != U'的') return true;
    const std::size_t comma = text.rfind("，");
    return text.substr(comma == std::string_view::npos ? 0 : comma).find("是") == std::string_view::npos;
  }

  // A plain one-line "title" (no clause mark) ending in a Han character
  // but not in a figure and its unit.
  bool line_taken_for_heading(const Block& a) const {
    return plain_heading_line(a) && !has_clause_mark(a.text) && ends_in_han(a.text) && !ends_in_figure(a.text);
  }

  // One line the document model took for a heading only for its shortness,
  // where body text is in the rule's scope: not a Markdown or Word heading
  // (kind_from_markup), not a heading by form (（七）立足绿色发展，奋力打造…).
  bool plain_heading_line(const Block& a) const {
    if (a.kind != BlockKind::Heading || a.first_line != a.last_line || a.kind_from_markup) return false;
    if (std::find(info().scope.begin(), info().scope.end(), BlockKind::Body) == info().scope.end()) return false;
    return !is_heading_by_form(a.text);
  }


  // …交易额达8.9亿元: a title ending in a figure and its unit (at most three
  // characters after the digits) states a whole fact; the unit belongs to
  // the number, not to a word across the break (元|首).
  static bool ends_in_figure(std::string_view text) {
    const std::u32string cp = code_points(text).chars;
    std::size_t n = cp.size();
    while (n > 0 && (cp[n - 1] == U' ' || cp[n - 1] == U'　')) --n;
    std::size_t han = 0;
    while (han < 3 && han < n && chars::is_han(cp[n - 1 - han])) ++han;
    return han < n && han > 0 && chars::is_digit(cp[n - 1 - han]);
  }

  // The first half of a paragraph broken early is one short line: the
  // document model takes a line of up to 32 characters with no full stop for
  // a heading (韩正表示，中南国家双边委员会一直发挥着协调两国重要领). One with a
  // clause mark inside, written as a plain line (not a Markdown or Word
  // heading), is
  // looked at as body text when body text is in the rule's scope.
  bool clause_taken_for_heading(const Block& a) const { return plain_heading_line(a) && has_clause_mark(a.text); }

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
  std::u32string dangling_ends_;       // characters that end no heading or sentence (的, 和)
  std::shared_ptr<const Lexicon> lexicon_;  // words beyond ICU's dictionary (optional)
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  const auto max_distance = static_cast<std::size_t>(params.integer("max_distance", 12, 1, 1000));
  const auto min_chars = static_cast<std::size_t>(params.integer("min_chars", 8, 1, 10000));
  auto openers = params.strings("openers");
  auto dangling = code_points(params.optional_string("dangling_ends").value_or("")).chars;
  std::vector<std::string> files = lexicon_files_param(params);
  auto lexicon = files.empty() ? nullptr
                               : std::make_shared<const Lexicon>(std::move(files), std::vector<std::u32string>{});
  return std::make_unique<BrokenParagraphRule>(std::move(info), max_distance, min_chars, std::move(openers),
                                               std::move(dangling), std::move(lexicon));
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
