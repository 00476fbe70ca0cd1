#include "kanwu/kinds/date_weekday.h"

#include <chrono>

#include "kanwu/rules/regex.h"

namespace kanwu {

namespace {

constexpr std::string_view kDayNames[] = {"日", "一", "二", "三", "四", "五", "六"};

// 2021年7月1日 星期四 · 2021年7月1日（周四）· 2021年7月1日，礼拜天
constexpr char kPattern[] =
    "([0-9０-９]{4})年([0-9０-９]{1,2})月([0-9０-９]{1,2})日[ \\t　]*[（(，,]?[ \\t　]*"
    "(星期|周|礼拜)([一二三四五六日天])";

int number(const std::string& digits) {
  int v = 0;
  for (std::size_t i = 0; i < digits.size();) {
    const unsigned char c = static_cast<unsigned char>(digits[i]);
    if (c < 0x80) {
      v = v * 10 + (c - '0');
      ++i;
    } else {  // full-width digit: EF BC 90..99
      v = v * 10 + (static_cast<unsigned char>(digits[i + 2]) - 0x90);
      i += 3;
    }
  }
  return v;
}

class DateWeekdayRule : public Rule {
 public:
  DateWeekdayRule(RuleInfo info, std::shared_ptr<icu::RegexPattern> pattern)
      : Rule(std::move(info)), pattern_(std::move(pattern)) {}

  void check(const Document& document, Emitter& emit) const override {
    using namespace std::chrono;
    for (std::size_t b = 0; b < document.blocks().size(); ++b) {
      const Block& block = document.blocks()[b];
      if (!in_scope(block)) continue;
      // The regex runs only where a weekday word appears at all.
      const std::string_view t = block.text;
      if (t.find("星期") == t.npos && t.find("周") == t.npos && t.find("礼拜") == t.npos) continue;
      if (t.find("日") == t.npos) continue;
      for_each_match(*pattern_, document.utf16(b), 1000, [&](const RegexMatch& m) {
        const year_month_day date{year{number(m.group(1))},
                                  month{static_cast<unsigned>(number(m.group(2)))},
                                  day{static_cast<unsigned>(number(m.group(3)))}};
        const std::string written = m.group(5) == "天" ? "日" : m.group(5);
        const std::string date_text = m.group(1) + "年" + m.group(2) + "月" + m.group(3) + "日";
        if (!date.ok()) {
          emit.report(block, m.begin, m.end,
                      {{"match", block.text.substr(m.begin, m.end - m.begin)},
                       {"date", date_text},
                       {"actual", "不存在的日期"},
                       {"written", m.group(4) + m.group(5)}});
          return;
        }
        const weekday actual{sys_days{date}};
        const std::string actual_name(kDayNames[actual.c_encoding()]);
        if (actual_name == written) return;
        Finding& f = emit.report(block, m.begin, m.end,
                                 {{"match", block.text.substr(m.begin, m.end - m.begin)},
                                  {"date", date_text},
                                  {"actual", m.group(4) + actual_name},
                                  {"written", m.group(4) + m.group(5)}});
        // Fix just the weekday character.
        const std::size_t day_begin = m.end - m.group(5).size();
        emit.propose_fix(f, block, day_begin, m.end, actual_name);
      });
    }
  }

 private:
  std::shared_ptr<icu::RegexPattern> pattern_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  auto pattern = compile_regex(params, "kind", kPattern, false);
  if (!pattern) return nullptr;
  return std::make_unique<DateWeekdayRule>(std::move(info), std::move(pattern));
}

}  // namespace

const RuleKind& date_weekday_kind() {
  static const RuleKind kind{"date-weekday",
                             "a date whose stated weekday is wrong, or a date that does not exist",
                             {"match", "date", "actual", "written"},
                             {BlockKind::Body, BlockKind::ListItem, BlockKind::Heading,
                              BlockKind::Caption, BlockKind::Furniture, BlockKind::Byline},
                             &create};
  return kind;
}

}  // namespace kanwu
