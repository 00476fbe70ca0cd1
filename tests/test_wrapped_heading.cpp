#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {
const std::string kRule =
    rule_yaml("wrapped-heading", "应为{joined}", "    standalone_headings: [附件, 前言]\n");
}

BOOST_AUTO_TEST_SUITE(wrapped_heading)

BOOST_AUTO_TEST_CASE(joins_fragments_once_per_heading) {
  const std::string text = "护航成长之路\n\n“大学生就\n\n业引航计\n\n划”\n\n“扬帆计\n\n划”";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].message == "应为“大学生就业引航计划”");
  BOOST_TEST(f[0].where.start.line == 3);
  BOOST_TEST(f[0].where.end.line == 7);
  BOOST_TEST(f[0].related.size() == 2u);
  BOOST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(f[0].fix->replacement == "“大学生就业引航计划”");
  BOOST_TEST(f[1].message == "应为“扬帆计划”");
}

BOOST_AUTO_TEST_CASE(fix_spans_exactly_the_fragments) {
  const std::string text = "前言。\n\n培育计\n\n划\n\n正文。";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 1u);
  const std::string fixed = text.substr(0, f[0].fix->begin) + f[0].fix->replacement +
                            text.substr(f[0].fix->end);
  BOOST_TEST(fixed == "前言。\n\n培育计划\n\n正文。");
}

BOOST_AUTO_TEST_CASE(separate_short_headings_pass) {
  // (坚守使命 / 砥砺前行 is no broken word either, but one headline split in
  // two: a structure defect, not this rule's.)
  BOOST_TEST(run_rules(kRule, "坚守使命\n\n砥砺前行").empty());
  BOOST_TEST(run_rules(kRule, "内蒙古日报\n\n66\n\n特刊").empty());
  BOOST_TEST(run_rules(kRule, "“大学生就业引航计划”\n\n“扬帆计划”").empty());
}

BOOST_AUTO_TEST_CASE(heading_split_at_word_boundaries_ends_in_a_short_tail) {
  const std::string body = "\n\n本报讯 全市科技创新大会昨日召开，会议总结了一年来的工作。";
  auto f = run_rules(kRule, "江州日报\n\n全市科技创新\n\n大会在江州\n\n召开" + body);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "应为全市科技创新大会在江州召开");  // not the masthead above
  BOOST_TEST(f[0].where.start.line == 3);
  // A short heading of its own, a Markdown heading and a far line are no tails.
  BOOST_TEST(run_rules(kRule, "年度工作报告全文\n\n附件" + body).empty());
  BOOST_TEST(run_rules(kRule, {{"t.md", "在演练场中查看完整示例\n\n## 参考\n"}}).empty());
  BOOST_TEST(run_rules(kRule, "全市科技创新大会\n\n\n\n\n召开" + body).empty());
}

BOOST_AUTO_TEST_CASE(heading_split_with_single_line_breaks) {
  const std::string text = "全市科技创新\n大会在江州\n召开\n\n本报讯 全市科技创新大会昨日召开，会议总结了工作。";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "应为全市科技创新大会在江州召开");
  BOOST_REQUIRE(f[0].fix.has_value());
  const std::string fixed = text.substr(0, f[0].fix->begin) + f[0].fix->replacement + text.substr(f[0].fix->end);
  BOOST_TEST(fixed.starts_with("全市科技创新大会在江州召开\n\n本报讯"));
  BOOST_TEST(run_rules(kRule, "全省大学生就\n业指导中心揭牌\n\n正文内容很长。").size() == 1u);  // 就|业 cuts 就业
  // Lines that are headings of their own, and a credit box, stay apart.
  BOOST_TEST(run_rules(kRule, "守护绿水青山\n建设美丽家园\n\n正文内容很长。").empty());
  BOOST_TEST(run_rules(kRule, "责任编辑：王江\n校对：李州\n\n正文内容很长。").empty());
}

// Issue 22: a heading wrapped once, a long first line and a short tail.
BOOST_AUTO_TEST_CASE(a_heading_wrapped_once_into_a_long_line_and_a_tail) {
  const std::string body = "\n\n全县召开推进会，部署今年的重点工作，会议由县长主持。";
  const auto once = run_rules(kRule, "江州市民参观航空装备展现代\n\n化成果" + body);
  BOOST_REQUIRE(once.size() == 1u);
  BOOST_TEST(once[0].message == "应为江州市民参观航空装备展现代化成果");
  const auto numbered = run_rules(kRule, "二、主要预期目标和重点任\n\n务" + body);
  BOOST_REQUIRE(numbered.size() == 1u);
  BOOST_TEST(numbered[0].message == "应为二、主要预期目标和重点任务");
  BOOST_TEST(run_rules(kRule, "中共江州市委举行春节团拜\n\n会" + body).size() == 1u);
  // A standalone short heading, or lines set apart by indentation or a
  // full-width space, are not tails.
  BOOST_TEST(run_rules(kRule, "江州市人民政府工作报告全文\n\n附件" + body).empty());
  BOOST_TEST(run_rules(kRule, "江州市人民政府县长\n　李州" + body).empty());
  BOOST_TEST(run_rules(kRule, "江州市人民政府县长　\n李州" + body).empty());
}

// Page furniture is no heading fragment: a page index line (第八版).
BOOST_AUTO_TEST_CASE(page_index_lines_are_not_fragments) {
  BOOST_TEST(run_rules(kRule, "旧书店里觅时光\n\n第八版\n\n访五家企业\n\n第二版").empty());
}

BOOST_AUTO_TEST_SUITE_END()
