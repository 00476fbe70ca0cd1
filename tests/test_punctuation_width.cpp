#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {
const std::string kRule = rule_yaml("punctuation-width", "{match}→{replacement}");
std::vector<std::string> messages(const std::string& text) { return messages_of(kRule, text); }
}  // namespace

BOOST_AUTO_TEST_SUITE(punctuation_width)

BOOST_AUTO_TEST_CASE(widens_marks_in_chinese_text) {
  BOOST_TEST(messages("开发落地,新能源装机;增长:快") ==
             (std::vector<std::string>{",→，", ";→；", ":→："}));
  BOOST_TEST(messages("下降超过20%,超额完成") == std::vector<std::string>{",→，"});
  BOOST_TEST(messages("(上接第一版)绿色转型") == (std::vector<std::string>{"(→（", ")→）"}));
  BOOST_TEST(messages("中(蒙)药材") == (std::vector<std::string>{"(→（", ")→）"}));
  BOOST_TEST(messages("你知道吗?公布了!") == (std::vector<std::string>{"?→？", "!→！"}));
}

BOOST_AUTO_TEST_CASE(fix_swallows_following_spaces) {
  const auto f = run_rules(kRule, "北京, 上海");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].fix->replacement == "，");
  BOOST_TEST(f[0].fix->where.start.column == 3);
  BOOST_TEST(f[0].fix->where.end.column == 5);
}

BOOST_AUTO_TEST_CASE(leaves_numbers_times_and_english_alone) {
  for (const char* text : {"集采金额达16.98亿元", "会议于12:30开始", "共1,000人参加",
                           "“12·18组织领导传销活动案”", "2025年1—10月",
                           "The conference (held in Hohhot) drew 1,200 delegates: teachers.",
                           "访问https://example.org获取"})
    BOOST_TEST(messages(text).empty(), "flagged: " << text);
}

BOOST_AUTO_TEST_SUITE_END()
