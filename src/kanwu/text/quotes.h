// Which characters of a text stand inside quotation or book-title marks.
// Quoted words are someone else's, verbatim (a song's 玉盘玉盘, a slogan
// playing on an idiom), and a title is a name: rules that judge wording
// leave them alone.
#pragma once

#include <string_view>
#include <vector>

namespace kanwu {

// inside[i] is true when code point i is inside “…”, ‘…’, 「…」, 『…』 or
// 《…》 (the marks included), nested or not; an unclosed mark runs to the end.
std::vector<bool> quoted_spans(std::u32string_view text);

}  // namespace kanwu
