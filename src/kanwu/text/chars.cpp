#include "kanwu/text/chars.h"

#include <unicode/uchar.h>

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

}  // namespace kanwu::chars
