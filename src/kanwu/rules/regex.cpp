#include "kanwu/rules/regex.h"

#include <fmt/format.h>
#include <unicode/utypes.h>

namespace kanwu {

std::shared_ptr<icu::RegexPattern> compile_regex(ParamReader& params, const std::string& key,
                                                 const std::string& pattern, bool ignore_case) {
  UParseError parse_error{};
  UErrorCode status = U_ZERO_ERROR;
  std::shared_ptr<icu::RegexPattern> compiled(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(pattern), ignore_case ? UREGEX_CASE_INSENSITIVE : 0,
      parse_error, status));
  if (U_FAILURE(status)) {
    params.error_at(key, fmt::format("invalid regular expression '{}': {} (at pattern offset {})",
                                     pattern, u_errorName(status), parse_error.offset));
    return nullptr;
  }
  return compiled;
}

std::string regex_quote(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace kanwu

#include "kanwu/nlp/utf16.h"

namespace kanwu {

std::string RegexMatch::group(int n) const {
  UErrorCode status = U_ZERO_ERROR;
  if (n > matcher.groupCount()) return {};
  const icu::UnicodeString value = matcher.group(n, status);
  std::string out;
  if (U_SUCCESS(status)) value.toUTF8String(out);
  return out;
}

std::string RegexMatch::expand(std::string_view replacement) const {
  std::string out;
  for (std::size_t i = 0; i < replacement.size(); ++i) {
    const char c = replacement[i];
    if (c == '\\' && i + 1 < replacement.size()) {
      out += replacement[++i];
    } else if (c == '$' && i + 1 < replacement.size() && replacement[i + 1] >= '0' &&
               replacement[i + 1] <= '9') {
      out += group(replacement[++i] - '0');
    } else {
      out += c;
    }
  }
  return out;
}

void for_each_match(const icu::RegexPattern& pattern, std::string_view text, int time_limit,
                    const std::function<void(const RegexMatch&)>& on_match) {
  for_each_match(pattern, Utf16Text(text), time_limit, on_match);
}

void for_each_match(const icu::RegexPattern& pattern, const Utf16Text& u16, int time_limit,
                    const std::function<void(const RegexMatch&)>& on_match) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> matcher(pattern.matcher(u16.str(), status));
  if (U_FAILURE(status)) throw std::runtime_error("cannot create regex matcher");
  matcher->setTimeLimit(time_limit, status);
  while (matcher->find(status)) {
    const int32_t b = matcher->start(status), e = matcher->end(status);
    if (U_FAILURE(status)) break;
    on_match({u16.to_utf8(b), u16.to_utf8(e), *matcher});
    if (e == b && e >= u16.str().length()) break;
  }
  if (status == U_REGEX_TIME_OUT)
    throw RuleTimeout(fmt::format("regular expression exceeded its time limit ({} steps)", time_limit));
}

}  // namespace kanwu
