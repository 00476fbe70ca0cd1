#include "kanwu/nlp/segment.h"

#include <unicode/brkiter.h>
#include <unicode/rbbi.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "kanwu/nlp/utf16.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

struct WordSegmenter::Impl {
  std::unique_ptr<icu::BreakIterator> words;
};

WordSegmenter::~WordSegmenter() = default;

WordSegmenter::WordSegmenter() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU word break iterator unavailable");
}

WordSegmenter& WordSegmenter::for_this_thread() {
  thread_local WordSegmenter segmenter;
  return segmenter;
}

std::vector<Token> WordSegmenter::tokenize(std::string_view text) {
  const Utf16Text u16(text);
  icu::BreakIterator& bi = *impl_->words;
  bi.setText(u16.str());
  std::vector<Token> tokens;
  int32_t start = bi.first();
  for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next())
    tokens.push_back({u16.to_utf8(start), u16.to_utf8(end), bi.getRuleStatus()});
  return tokens;
}

bool WordSegmenter::joins_into_word(std::string_view left, std::string_view right) {
  if (left.empty() || right.empty()) return false;
  std::string joined;
  joined.reserve(left.size() + right.size());
  joined.append(left).append(right);
  const Utf16Text u16(joined);
  icu::BreakIterator& bi = *impl_->words;
  bi.setText(u16.str());
  return !bi.isBoundary(u16.to_utf16(left.size()));
}

namespace {

std::unique_ptr<icu::BreakIterator> make_sentence_iterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU sentence break iterator unavailable");
  auto* rbbi = dynamic_cast<icu::RuleBasedBreakIterator*>(base.get());
  if (!rbbi) return base;
  icu::UnicodeString rules = rbbi->getRules();
  const icu::UnicodeString original(u"$Close=[\\p{Sentence_Break=Close}];");
  const icu::UnicodeString patched(
      u"$Close=[[\\p{Sentence_Break=Close}]-[“‘「『（《【〈〔［｛]];");
  if (rules.indexOf(original) < 0) return base;  // unexpected ICU rules: keep stock behaviour
  rules.findAndReplace(original, patched);
  UParseError parse_error;
  status = U_ZERO_ERROR;
  auto custom = std::make_unique<icu::RuleBasedBreakIterator>(rules, parse_error, status);
  if (U_FAILURE(status)) return base;
  return custom;
}

}  // namespace

std::vector<TextSpan> split_sentences(std::string_view text) {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = make_sentence_iterator();
  const Utf16Text u16(text);
  iterator->setText(u16.str());
  std::vector<TextSpan> spans;
  int32_t start = iterator->first();
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE;
       start = end, end = iterator->next())
    spans.push_back({u16.to_utf8(start), u16.to_utf8(end)});
  return spans;
}

}  // namespace kanwu
