#include "kanwu/figures/phrase.h"

#include <algorithm>

#include "kanwu/text/chars.h"
#include "kanwu/text/marks.h"
#include "kanwu/text/utf8.h"

namespace kanwu::figure_stages {

bool is_mark(std::string_view text, std::size_t at, std::size_t& length, bool enumeration) {
  for (std::string_view mark : marks::kClauseMarks) {
    if (text.substr(at).starts_with(mark)) {
      length = mark.size();
      return true;
    }
  }
  if (enumeration && text.substr(at).starts_with("、")) {
    length = std::string_view("、").size();
    return true;
  }
  return false;
}

// Start of the clause containing byte `at`, not before `floor`. With
// `enumeration`, 、 also ends a clause (养老床位3852张、照护床位3326张).
// Read backwards from `at` (every mark is one character): from `floor`
// forwards, a floor of 0 made each call cost the whole block, quadratic in a
// block of a megabyte.
//
// Marks inside brackets belong to an aside, which is part of its clause:
// 公路人员流动量（包括高速公路…出行量、公路营业性客运量）为30886万人次 is one
// clause whose metric stands before the aside. A closing bracket whose
// opening one is not found within kMaxAside bytes (a list label 1）) is
// read as any other character.
std::size_t clause_start(std::string_view text, std::size_t floor, std::size_t at, bool enumeration) {
  constexpr std::size_t kMaxAside = 600;
  for (std::size_t i = at; i > floor;) {
    i = utf8::previous(text, i);
    if (i < floor) break;
    const std::string_view here = text.substr(i);
    const bool full = here.starts_with("）");
    if (full || here.starts_with(")")) {
      const std::string_view open = full ? "（" : "(", close = full ? "）" : ")";
      const std::size_t lowest = std::max(floor, i >= kMaxAside ? i - kMaxAside : 0);
      const std::string_view before = text.substr(lowest, i - lowest);
      const std::size_t o = before.rfind(open), c = before.rfind(close);
      if (o != std::string_view::npos && (c == std::string_view::npos || c < o)) {
        i = lowest + o;
        continue;
      }
    }
    std::size_t len = 0;
    if (is_mark(text, i, len, enumeration)) return i + len;
  }
  return floor;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// Removes what is not part of an indicator's name: asides in brackets
// (快递业务量（不含邮政集团包裹业务）), measure phrases (以载重吨计).
std::string strip_asides(std::string text) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}}) {
    for (std::size_t b = text.find(open); b != std::string::npos; b = text.find(open, b)) {
      const std::size_t e = text.find(close, b + open.size());
      if (e == std::string::npos) {
        text.erase(b);
        break;
      }
      text.erase(b, e + close.size() - b);
    }
  }
  for (std::size_t b = text.find("以"); b != std::string::npos; b = text.find("以", b + 1)) {
    const std::size_t e = text.find("计", b);
    if (e != std::string::npos && code_points(std::string_view(text).substr(b, e - b)).size() <= 6 &&
        std::string_view(text).substr(b, e - b).find("，") == std::string_view::npos) {
      text.erase(b, e + std::string_view("计").size() - b);
    }
  }
  return text;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += w;
  return out;
}

std::string sorted_key(std::vector<std::string> words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string key;
  for (const auto& w : words) {
    if (!key.empty()) key += '|';
    key += w;
  }
  return key;
}

// Splits text into words by backward maximum matching: at each place, the
// longest lexicon word ending there. Metrics are read leftwards from the
// number, and this reads the way they are built (规模以上|工业|增加值). ICU's
// dictionary cuts such phrases into fragments (规|上|工业|增加|值).
std::vector<Word> split_words(std::string_view text, const Lexicon& lexicon) {
  constexpr std::size_t kLongestWord = 12;  // indicator names are long: 社会消费品零售总额
  const CodePointText cp = code_points(text);
  const std::u32string_view s = cp.chars;
  const auto utf8_of = [&](std::size_t b, std::size_t e) {
    const std::size_t from = cp.offsets[b], to = e < cp.size() ? cp.offsets[e] : text.size();
    return std::string(text.substr(from, to - from));
  };
  std::vector<Word> out;
  for (std::size_t end = s.size(); end > 0;) {
    const char32_t c = s[end - 1];
    std::size_t len = 1;
    bool han = chars::is_han(c);
    if (han) {
      len = std::max<std::size_t>(1, lexicon.longest_word_ending_at(s, end, kLongestWord));
    } else if (chars::is_ascii_letter(c) || chars::is_ascii_digit(c) || c == U'.' || c == U'_') {
      while (len < end && (chars::is_ascii_letter(s[end - len - 1]) || chars::is_ascii_digit(s[end - len - 1]) ||
                           s[end - len - 1] == U'.' || s[end - len - 1] == U'_'))
        ++len;
    } else if (c == U' ' || c == U'*' || c == U'\t') {
      while (len < end && (s[end - len - 1] == U' ' || s[end - len - 1] == U'*' || s[end - len - 1] == U'\t')) ++len;
    }
    out.push_back({utf8_of(end - len, end), han});
    end -= len;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace kanwu::figure_stages
