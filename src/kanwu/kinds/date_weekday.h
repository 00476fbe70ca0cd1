// date-weekday: a date followed by a weekday (星期四, 周四, 礼拜四) that does
// not match the calendar, or a date that does not exist (2月30日).
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& date_weekday_kind();
}
