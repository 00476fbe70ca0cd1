// split-heading: a two-part headline (坚守使命 砥砺前行) set as two lines, so
// that a reader sees two headings where the page had one. Chinese headlines
// and section titles are often couplets of two equal halves; two adjacent
// short heading lines of equal length and nothing but Han characters, with no
// heading of the same shape around them, are one such headline split.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& split_heading_kind();
}
