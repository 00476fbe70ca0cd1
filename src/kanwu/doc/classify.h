// Deciding what a block is. Newspaper pages mix prose with headings, bylines,
// photo credits and page furniture; rules about prose must not fire on them.
#pragma once

#include <string_view>

#include "kanwu/doc/block.h"

namespace kanwu {

// Classifies a block that the parser did not already mark as a heading or a
// list item. `text` is the block's text (lines joined with '\n').
BlockKind classify_block(std::string_view text);

// (上接第一版), (下转第三版), 接第2版: a page-continuation marker, the whole
// of `text` (one of the reasons a block is furniture).
bool is_page_marker(std::string_view text);

// Page furniture every structural rule must see alike (issue 22): a page
// number, a page marker ((上接第一版)), a line of the page index (第八版), a
// scraped breadcrumb (要闻 要闻). `s` is one trimmed line. Such a line is
// classified Furniture, so it is no heading fragment (wrapped-heading,
// split-heading) and no sentence half (broken-paragraph).
bool is_debris_line(std::u32string_view s);

// ■ 统筹发展和安全…: a paragraph opening with a bullet mark is a highlight
// (the key sentences a newspaper page sets at its top): it restates the body
// (duplicate-paragraph) and is no sentence half (broken-paragraph).
bool opens_with_bullet(std::string_view text);

// 三、…, （四）…, 第二、…: a paragraph opening with an enumerator, a numbered
// point of a report (its heading, and often its lead sentences). Han text
// follows the enumerator (not the 2. of 2.5).
bool opens_with_enumerator(std::string_view text);

// A heading by its form, not its length: numbered (一、, （三）, 第五，) or a
// news headline of two parts set apart by a space.
bool is_heading_by_form(std::string_view text);

}  // namespace kanwu
