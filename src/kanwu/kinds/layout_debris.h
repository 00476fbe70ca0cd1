// layout-debris: what page layout and web scraping leave in a draft and no
// reader should see — font-size widgets and navigation (【字体：大 中 小】,
// 您的位置：首页 > …), staff boxes (责任编辑：…), page-continuation markers
// ((上接第一版)), photo credits without their photo, Markdown markup left in
// plain text, Latin-only lines in a Chinese page. Each is reported with its
// deletion as a suggestion (never written by plain --fix).
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& layout_debris_kind();
}
