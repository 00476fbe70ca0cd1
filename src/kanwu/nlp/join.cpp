#include "kanwu/nlp/join.h"

#include "kanwu/nlp/segment.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {
constexpr std::size_t kContext = 4;  // characters each side; ICU decides locally

bool is_lone_han(std::string_view text, const Token& t) {
  char32_t c;
  const int len = utf8::decode(text, t.begin, c);
  return len > 0 && t.size() == static_cast<std::size_t>(len) && chars::is_han(c);
}
}  // namespace

std::string tail_chars(std::string_view text, std::size_t n) {
  std::size_t i = text.size();
  for (std::size_t k = 0; k < n && i > 0; ++k) i = utf8::previous(text, i);
  return std::string(text.substr(i));
}

std::string head_chars(std::string_view text, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < n && i < text.size(); ++k) {
    char32_t c;
    const int len = utf8::decode(text, i, c);
    i += len > 0 ? len : 1;
  }
  return std::string(text.substr(0, i));
}

JoinSignal examine_join(std::string_view a, std::string_view b) {
  JoinSignal signal;
  const std::string tail = tail_chars(a, kContext), head = head_chars(b, kContext);
  if (tail.empty() || head.empty()) return signal;
  WordSegmenter& words = WordSegmenter::for_this_thread();
  signal.spans_word = words.joins_into_word(tail, head);
  const auto tail_tokens = words.tokenize(tail);
  const auto head_tokens = words.tokenize(head);
  signal.lone_ends = !tail_tokens.empty() && !head_tokens.empty() &&
                     is_lone_han(tail, tail_tokens.back()) && is_lone_han(head, head_tokens.front());
  return signal;
}

}  // namespace kanwu
