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

BOOST_AUTO_TEST_SUITE(punctuation_width_real_text)

// Constructions that real Markdown docs and news use on purpose.
BOOST_AUTO_TEST_CASE(leaves_house_styles_code_and_lost_glyphs_alone) {
  for (const char* text : {"网络访问 (也称为 a11y) 是指让人人可用", "由万维网联盟(W3C)发布",
                           "在组件中调用ref()获取引用", ":::tip 提示", "作者王?平介绍"})
    BOOST_TEST(messages(text).empty(), "flagged: " << text);
  // An unmatched half-width bracket in Chinese text is still judged by its neighbours.
  BOOST_TEST(messages("让老人足(不出户就能享受服务") == std::vector<std::string>{"(→（"});
  BOOST_TEST(messages("好吗?我们走") == std::vector<std::string>{"?→？"});
}

BOOST_AUTO_TEST_CASE(parentheses_can_be_left_to_a_house_style) {
  const std::string rule = rule_yaml("punctuation-width", "{match}", "    parentheses: false\n");
  BOOST_TEST(messages_of(rule, "推动《总体规划(修编)》获批,实施").size() == 1u);
}

BOOST_AUTO_TEST_CASE(markdown_code_spans_are_opaque_and_fixes_keep_markup) {
  const auto in_code = run_rules(kRule, {{"a.md", "调用 `setup()` 函数,并返回 `ref(0)`。\n"}});
  BOOST_REQUIRE(in_code.size() == 1u);  // only the comma of the prose
  BOOST_TEST(in_code[0].where.start.column == 16);
  // "**注意:** 这里" — widening the colon may not delete the closing **.
  const auto bold = run_rules(kRule, {{"b.md", "**注意:** 这里要小心。\n"}});
  BOOST_REQUIRE(bold.size() == 1u);
  BOOST_REQUIRE(bold[0].fix.has_value());
  BOOST_TEST(bold[0].fix->where.end.column - bold[0].fix->where.start.column == 1);
}

BOOST_AUTO_TEST_SUITE_END()
