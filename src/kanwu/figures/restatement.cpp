#include "kanwu/figures/restatement.h"

#include <algorithm>
#include <cstdint>
#include <array>

#include "kanwu/text/marks.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// Sentence ends: a restated passage is read a sentence at a time.
constexpr auto kSentenceEnds = marks::kSentenceEnds;
constexpr std::size_t kReach = 600;
constexpr auto kClauseEnds = marks::kFigureClauseEnds;

bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }

bool is_numeral(char32_t c) {
  if (is_digit(c)) return true;
  switch (c) {
    case U'.': case U'%': case U'％': case U'〇': case U'零': case U'一': case U'二': case U'三':
    case U'四': case U'五': case U'六': case U'七': case U'八': case U'九': case U'十': case U'百':
    case U'千': case U'万': case U'亿': case U'两': case U'点':
      return true;
    default:
      return false;
  }
}

bool is_word_character(char32_t c) {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
         (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

}  // namespace

namespace {

// The length of the first of `marks` that `text` holds at `p` whole (0:
// none); `first_bytes` says which bytes can start one.
template <std::size_t N>
std::size_t mark_at(std::string_view text, std::size_t p, const std::array<std::string_view, N>& marks,
                    const std::array<bool, 256>& first_bytes) {
  if (!first_bytes[static_cast<unsigned char>(text[p])]) return 0;
  for (std::string_view mark : marks)
    if (text.substr(p).starts_with(mark)) return mark.size();
  return 0;
}

template <std::size_t N>
std::array<bool, 256> first_bytes_of(const std::array<std::string_view, N>& marks) {
  std::array<bool, 256> first{};
  for (std::string_view mark : marks)
    if (!mark.empty()) first[static_cast<unsigned char>(mark.front())] = true;
  return first;
}

// [begin, end) of the span around `at`: back to the last of `starts`, on
// to the first of `ends`. A span is read at most kReach bytes either side
// of the figure: a paragraph with no sentence mark (a 60 MB one in a
// hostile .docx) must not make each of its figures read all of it. One
// pass each way over the bytes, each byte tested against the marks only
// when one can start with it (a search per mark was a fifth of the
// figure-conflict digest: rfind compares at every position).
template <std::size_t N, std::size_t M>
std::pair<std::size_t, std::size_t> span_bounds(std::string_view text, std::size_t at,
                                                 const std::array<std::string_view, N>& starts,
                                                 const std::array<std::string_view, M>& ends) {
  at = std::min(at, text.size());
  std::size_t floor = at > kReach ? at - kReach : 0, ceiling = std::min(text.size(), at + kReach);
  // On character boundaries: the span is kept as text (the ledger stores
  // it, and PostgreSQL takes only valid UTF-8).
  const auto continuation = [&](std::size_t i) { return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
  while (floor < at && continuation(floor)) ++floor;
  while (ceiling > at && continuation(ceiling)) --ceiling;
  const std::string_view window = text.substr(0, ceiling);
  // A mark that starts before `at` (and lies in the window): the span
  // begins after the one that ends last.
  std::size_t begin = floor, longest = 0;
  for (std::string_view mark : starts) longest = std::max(longest, mark.size());
  const auto start_bytes = first_bytes_of(starts);
  for (std::size_t p = at; longest > 0 && p > floor && p - 1 + longest > begin;) {
    --p;
    if (const std::size_t n = mark_at(window, p, starts, start_bytes)) begin = std::max(begin, p + n);
  }
  // The first mark that starts at or after `at`.
  std::size_t end = ceiling;
  const auto end_bytes = first_bytes_of(ends);
  for (std::size_t p = at; p < ceiling; ++p)
    if (mark_at(window, p, ends, end_bytes)) {
      end = p;
      break;
    }
  return {begin, end};
}

// The masked characters of span_bounds(text, at, starts, ends).
// With `mark_own`, the figure containing `at` is masked as '@' (its place
// among several figures of one clause is part of what it is).
template <std::size_t N, std::size_t M>
std::u32string masked_span(std::string_view text, std::size_t at,
                           const std::vector<std::pair<std::size_t, std::size_t>>& numbers,
                           const std::array<std::string_view, N>& starts, const std::array<std::string_view, M>& ends,
                           bool mark_own = false, std::vector<std::u32string>* dates = nullptr,
                           const std::vector<std::pair<std::size_t, std::size_t>>* times = nullptr) {
  at = std::min(at, text.size());
  const auto [begin, end] = span_bounds(text, at, starts, ends);
  std::u32string masked;
  std::size_t time = 0;  // the next time span
  bool in_date = false;  // inside a run of digits outside figures
  std::size_t marked_figure = SIZE_MAX;  // the figure the last mark stands for
  auto number = std::lower_bound(numbers.begin(), numbers.end(), begin,
                                 [](const std::pair<std::size_t, std::size_t>& n, std::size_t b) { return n.second <= b; });
  for (std::size_t i = begin; i < end;) {
    char32_t c = 0;
    const std::size_t here = i;
    const int n = utf8::decode(text, i, c);
    i += n > 0 ? static_cast<std::size_t>(n) : 1;
    if (n <= 0) continue;
    if (times) {
      // A time written out (2024年4月25日, 去年, 全年) is left out.
      while (time < times->size() && (*times)[time].second <= here) ++time;
      if (time < times->size() && (*times)[time].first <= here) continue;
    }
    while (number != numbers.end() && number->second <= here) ++number;
    const bool in_figure = number != numbers.end() && number->first <= here;
    const bool date_digit = !in_figure && is_digit(c);
    if (dates && date_digit) {
      if (!in_date) dates->emplace_back();
      dates->back().push_back(c);
    }
    in_date = date_digit;
    if (in_figure ? is_numeral(c) : is_digit(c)) {
      // One mark per figure, however its digits run, and one per run of
      // other digits: the figures of a list (增长127.1%、53%、36.2%) are
      // told apart by their places, not merged into one mark.
      const char32_t mark = mark_own && in_figure && number->first <= at && at < number->second ? U'@' : U'#';
      const std::size_t figure = in_figure ? static_cast<std::size_t>(number - numbers.begin()) : SIZE_MAX;
      if (in_figure ? figure != marked_figure : (masked.empty() || masked.back() != mark)) masked.push_back(mark);
      marked_figure = figure;
    } else if (is_word_character(c)) {
      masked.push_back(c);
      marked_figure = SIZE_MAX;
    }
  }
  return masked;
}

}  // namespace

namespace {
constexpr std::array<std::string_view, 0> kNoMarks{};

MaskedPassage from_masked(const std::u32string& masked, std::vector<std::u32string> dates) {
  MaskedPassage passage;
  passage.dates = std::move(dates);
  for (std::size_t i = 0; i + 1 < masked.size(); ++i)
    passage.bigrams.push_back((static_cast<std::uint64_t>(masked[i]) << 32) | masked[i + 1]);
  std::sort(passage.bigrams.begin(), passage.bigrams.end());
  return passage;
}
}  // namespace

MaskedPassage MaskedPassage::around(std::string_view text, std::size_t at,
                                    const std::vector<std::pair<std::size_t, std::size_t>>& numbers) {
  std::vector<std::u32string> dates;
  const std::u32string masked = masked_span(text, at, numbers, kSentenceEnds, kSentenceEnds, false, &dates);
  return from_masked(masked, std::move(dates));
}


std::string masked_clause(std::string_view text, std::size_t at,
                          const std::vector<std::pair<std::size_t, std::size_t>>& numbers,
                          const std::vector<std::pair<std::size_t, std::size_t>>& times) {
  return to_utf8(masked_span(text, at, numbers, kSentenceEnds, kClauseEnds, true, nullptr, &times));
}

namespace {

// [begin, end) of the sentence around `at` as masked_span reads it.
std::pair<std::size_t, std::size_t> sentence_bounds(std::string_view text, std::size_t at) {
  return span_bounds(text, at, kSentenceEnds, kSentenceEnds);
}

std::vector<std::pair<std::size_t, std::size_t>> numbers_within(
    const std::vector<std::pair<std::size_t, std::size_t>>& numbers, std::size_t begin, std::size_t end) {
  std::vector<std::pair<std::size_t, std::size_t>> inside;
  auto n = std::lower_bound(numbers.begin(), numbers.end(), begin,
                            [](const std::pair<std::size_t, std::size_t>& x, std::size_t b) { return x.second <= b; });
  for (; n != numbers.end() && n->first < end; ++n)
    inside.emplace_back(std::max(n->first, begin) - begin, std::min(n->second, end) - begin);
  return inside;
}

}  // namespace

PassageText PassageText::of(std::string_view text, std::size_t at,
                            const std::vector<std::pair<std::size_t, std::size_t>>& numbers) {
  PassageText p;
  const auto [begin, end] = sentence_bounds(text, at);
  p.sentence = std::string(text.substr(begin, end - begin));
  p.at = at - std::min(at, begin);
  p.sentence_numbers = numbers_within(numbers, begin, end);
  const std::string_view head = text.substr(0, std::min(text.size(), kReach));
  std::size_t first_end = std::string_view::npos;
  for (std::string_view mark : kSentenceEnds)
    if (const std::size_t q = head.find(mark); q != std::string_view::npos) first_end = std::min(first_end, q);
  const std::size_t opening_end = first_end == std::string_view::npos ? head.size() : first_end;
  p.opening = std::string(text.substr(0, opening_end));
  p.opening_numbers = numbers_within(numbers, 0, opening_end);
  p.after_opening = first_end == std::string_view::npos ? at >= kReach : at > first_end;
  return p;
}

MaskedPassage PassageText::sentence_passage() const { return MaskedPassage::around(sentence, at, sentence_numbers); }

MaskedPassage PassageText::paragraph_passage() const {
  std::vector<std::u32string> dates;
  std::u32string masked = masked_span(opening, 0, opening_numbers, kNoMarks, kSentenceEnds, false, &dates);
  if (after_opening) masked += masked_span(sentence, at, sentence_numbers, kSentenceEnds, kSentenceEnds, false, &dates);
  return from_masked(masked, std::move(dates));
}

double MaskedPassage::similarity(const MaskedPassage& other) const {
  const std::size_t total = bigrams.size() + other.bigrams.size();
  if (total == 0) return 0;
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < bigrams.size() && j < other.bigrams.size();) {
    if (bigrams[i] < other.bigrams[j]) {
      ++i;
    } else if (other.bigrams[j] < bigrams[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(total);
}

}  // namespace kanwu
