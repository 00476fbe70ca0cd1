#include "kanwu/nlp/segment.h"

#include <unicode/brkiter.h>
#include <unicode/rbbi.h>
#include <unicode/uversion.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "kanwu/nlp/utf16.h"
#include "kanwu/text/cache_file.h"
#include "kanwu/text/read_file.h"
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

// ICU's sentence rules with opening quotes and brackets taken out of the
// closing class, compiled. Compiling rules takes ~5 ms, a third of checking
// a small draft, so it happens once per process and the result is kept in
// the cache folder (text/cache_file.h) for the next run, under a name made
// of the rules and the ICU version and with a checksum of its own: ICU does
// not verify compiled rules, so nothing unverified is handed to it. Empty
// when ICU's rules are not the expected ones (the stock iterator is used).
const std::string& compiled_sentence_rules() {
  static const std::string compiled = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(icu::Locale("zh"), status));
    auto* rbbi = dynamic_cast<icu::RuleBasedBreakIterator*>(base.get());
    if (U_FAILURE(status) || !rbbi) return std::string();
    icu::UnicodeString rules = rbbi->getRules();
    const icu::UnicodeString original(u"$Close=[\\p{Sentence_Break=Close}];");
    const icu::UnicodeString patched(u"$Close=[[\\p{Sentence_Break=Close}]-[“‘「『（《【〈〔［｛]];");
    if (rules.indexOf(original) < 0) return std::string();  // unexpected ICU rules: keep stock behaviour
    rules.findAndReplace(original, patched);
    std::string source;
    rules.toUTF8String(source);
    // Named after the rules and the ICU library actually loaded.
    UVersionInfo version;
    u_getVersion(version);
    char version_text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(version, version_text);
    const std::string folder = cache::folder();
    const std::string path = folder.empty() ? "" : folder + "/sentence-rules-" + cache::hex(cache::hash(source + version_text)) + ".bin";
    if (!path.empty())
      if (const auto file = read_file(path); file && file->size() > 16 && file->substr(0, 16) == cache::hex(cache::hash(file->substr(16)))) {
        std::string cached = file->substr(16);
        // ICU checks the format too; what it refuses is compiled again.
        UErrorCode check = U_ZERO_ERROR;
        icu::RuleBasedBreakIterator probe(reinterpret_cast<const uint8_t*>(cached.data()),
                                          static_cast<uint32_t>(cached.size()), check);
        if (U_SUCCESS(check)) return cached;
      }
    UParseError parse_error;
    status = U_ZERO_ERROR;
    icu::RuleBasedBreakIterator custom(rules, parse_error, status);
    if (U_FAILURE(status)) return std::string();
    uint32_t length = 0;
    const uint8_t* binary = custom.getBinaryRules(length);
    if (!binary) return std::string();
    std::string out(reinterpret_cast<const char*>(binary), length);
    if (!path.empty()) cache::write(path, cache::hex(cache::hash(out)) + out);
    return out;
  }();
  return compiled;
}

std::unique_ptr<icu::BreakIterator> make_sentence_iterator() {
  const std::string& compiled = compiled_sentence_rules();
  UErrorCode status = U_ZERO_ERROR;
  if (!compiled.empty()) {
    // ICU reads the compiled rules in place: the static string outlives every iterator.
    auto custom = std::make_unique<icu::RuleBasedBreakIterator>(reinterpret_cast<const uint8_t*>(compiled.data()),
                                                                static_cast<uint32_t>(compiled.size()), status);
    if (U_SUCCESS(status)) return custom;
    status = U_ZERO_ERROR;
  }
  std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU sentence break iterator unavailable");
  return base;
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
