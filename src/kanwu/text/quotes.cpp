#include "kanwu/text/quotes.h"

namespace kanwu {

std::vector<bool> quoted_spans(std::u32string_view text) {
  constexpr std::u32string_view kOpen = U"“‘「『《", kClose = U"”’」』》";
  std::vector<bool> inside(text.size(), false);
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (kOpen.find(text[i]) != std::u32string_view::npos) ++depth;
    inside[i] = depth > 0;
    if (kClose.find(text[i]) != std::u32string_view::npos && depth > 0) --depth;
  }
  return inside;
}

}  // namespace kanwu
