#include "kanwu/text/chars.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "kanwu/text/utf8.h"

namespace kanwu::chars {

namespace {
constexpr std::u32string_view kSentenceEnds = U"。！？!?…";
constexpr std::u32string_view kParagraphEnds = U"。！？!?…；;：:）)”’」』》】〗〕]—~～.";
}  // namespace

bool is_sentence_end(char32_t c) { return kSentenceEnds.find(c) != std::u32string_view::npos; }
bool is_paragraph_end(char32_t c) { return kParagraphEnds.find(c) != std::u32string_view::npos; }

bool is_cjk_punctuation(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) || c == 0x2014 || c == 0x2026 || c == 0x201C ||
         c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x00B7;
}

int display_width(char32_t c) {
  const auto width = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

bool is_decimal_digit(char32_t c) {
  if (c < 0x80) return is_ascii_digit(c);
  if (c >= 0x3000 && c < 0xA620) return false;  // CJK: no digits (the first after is U+A620)
  return u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER;
}

bool has_digit_run(std::string_view text, std::size_t n) {
  if (n == 0) return true;
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      run = b >= '0' && b <= '9' ? run + 1 : 0;
      ++i;
    } else if (b >= 0xE3 && b <= 0xE9 && i + 2 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) & 0xC0) == 0x80) {
      run = 0;  // a whole character of U+3000-U+9FFF (a broken one is read as the matcher reads it)
      i += 3;
    } else {
      char32_t c = 0;
      const int length = utf8::decode(text, i, c);
      run = length > 0 && is_decimal_digit(c) ? run + 1 : 0;
      i += static_cast<std::size_t>(std::max(length, 1));
    }
    if (run >= n) return true;
  }
  return false;
}

}  // namespace kanwu::chars
