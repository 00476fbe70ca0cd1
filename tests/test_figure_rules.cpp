#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {
const std::string kConflict =
    rule_yaml("figure-conflict", "{metric}:{value}|{other_value}@{other_place}", figure_vocabulary_param());
const std::string kArithmetic =
    rule_yaml("figure-arithmetic", "{basis}，{expected}，文中为{stated}", figure_vocabulary_param());
const std::string kRate = rule_yaml("rate-range", "{rate}={match}",
                                    "    rate_words: ['覆盖率', '占比', '参保率']\n"
                                    "    exempt_words: ['增长', '提高']\n");
const std::string kStyle = rule_yaml("number-style", "{match}→{suggestion}");
const std::string kDate = rule_yaml("date-weekday", "{date}:{actual}/{written}");
}  // namespace

BOOST_AUTO_TEST_SUITE(figure_conflict)

// A work report and a news story restating it: the story got one figure wrong.
const std::string kReport =
    "2031年江西省政府工作报告\n\n"
    "过去一年，全省地区生产总值增长5.6%，城镇新增就业41.3万人，中欧班列开行612列。"
    "一、二、三产业增加值分别增长3.4%、6.1%、5.2%。\n\n"
    "今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业40万人以上。\n";

BOOST_AUTO_TEST_CASE(restated_figure_conflicts_across_documents) {
  const auto f = run_rules(kConflict, {{"report.txt", kReport},
                                       {"story.txt", "江西中欧班列保持增长\n\n2031年2月3日\n\n"
                                                     "去年，全省中欧班列开行621列，城镇新增就业41.3万人。\n"}});
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].where.file == "story.txt");
  BOOST_TEST(f[0].message == "中欧班列开行:621列|612列@report.txt:3");
  BOOST_REQUIRE(f[0].related.size() == 1u);
  BOOST_TEST(f[0].related[0].where.file == "report.txt");
}

BOOST_AUTO_TEST_CASE(respectively_list_item_conflicts_with_a_single_statement) {
  const auto f = run_rules(kConflict, {{"report.txt", kReport},
                                       {"story.txt", "江西经济运行\n\n2031年2月3日\n\n2030年，全省第二产业增加值增长6.7%。\n"}});
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.find("6.7%|6.1%") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(agreeing_restatements_are_quiet) {
  for (const std::string& story : {
           "去年，全省城镇新增就业超过41万人。",             // 超过41万 holds 41.3万
           "去年，全省新增城镇就业41.3万人。",               // word order, synonym
           "2030年，全省GDP增长5.6%。",                      // indicator synonym
           "今年全省城镇新增就业目标为40万人以上。",          // a target, not last year's figure
           "2029年，全省城镇新增就业39.8万人。",             // another year
           "去年，全国城镇新增就业1256万人。",               // another subject
           "去年，全省城镇新增就业41.3万人，其中高校毕业生就业12.1万人。"})
    BOOST_TEST(run_rules(kConflict, {{"report.txt", kReport}, {"story.txt", "江西经济\n\n2031年2月3日\n\n" + story + "\n"}}).empty(),
               story);
}

BOOST_AUTO_TEST_CASE(conflicts_inside_one_document_need_two_paragraphs) {
  BOOST_TEST(run_rules(kConflict, "2024年，全县城镇新增就业1.32万人。\n\n2024年，全县新增城镇就业1.23万人。\n").size() == 1u);
  // One paragraph: a contrast (此前…) or a part (其中…), not a rival figure.
  BOOST_TEST(run_rules(kConflict, "2024年，全县城镇新增就业1.32万人。此前一年，全县城镇新增就业1.23万人。\n").empty());
}

BOOST_AUTO_TEST_CASE(news_days_and_sections_do_not_mix) {
  // Two items of one news day: 全省 in each is a different province.
  const std::string day = "# 新闻 (20310315)\n\n## 甲\n\n今年前两个月，全省社会消费品零售总额增长4.1%。\n\n"
                          "## 乙\n\n今年前两个月，全省社会消费品零售总额增长6.3%。\n";
  BOOST_TEST(run_rules(kConflict, {{"day.md", day}}).empty());
  // Daily counts on different days.
  BOOST_TEST(run_rules(kConflict, {{"a.md", "# 新闻 (20310201)\n\n今天全国铁路预计发送旅客1280万人次。\n"},
                                   {"b.md", "# 新闻 (20310202)\n\n今天全国铁路预计发送旅客1310万人次。\n"}})
                 .empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(figure_arithmetic)

BOOST_AUTO_TEST_CASE(total_increase_rate) {
  auto f = run_rules(kArithmetic, "全市累计支出民政事业发展资金70.4亿元，“十三五”期间增加9.4亿元，增长16.4%。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "按70.4亿元、增加9.4亿元计算，增长应为15.4%，文中为16.4%");
  BOOST_TEST(run_rules(kArithmetic, "资金达70.4亿元，较“十三五”时期增加9.4亿元，增长15.4%。").empty());
  // Rounding-aware: 15.5% is reachable from 9.45 / (70.35 − 9.45).
  BOOST_TEST(run_rules(kArithmetic, "资金达70.4亿元，较“十三五”时期增加9.4亿元，增长15.5%。").empty());
}

BOOST_AUTO_TEST_CASE(old_new_rate) {
  BOOST_TEST(run_rules(kArithmetic, "补贴标准从每人每月100元稳步升至135元，增幅35%。").empty());
  const auto f = run_rules(kArithmetic, "补贴标准从每人每月100元稳步升至135元，增幅53%。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "按100元增至135元计算，增幅应为35.0%，文中为53%");
}

BOOST_AUTO_TEST_CASE(parts_and_respectively) {
  BOOST_TEST(run_rules(kArithmetic, "照亮了6.7万残疾人的生活。其中，困难与重度残疾人各4.8万名。").empty());
  BOOST_TEST(run_rules(kArithmetic, "全市共有残疾人6.7万人，其中重度残疾人7.8万名。").size() == 1u);
  BOOST_TEST(run_rules(kArithmetic, "养老、失业、工伤保险参保人数分别达到1774.1万人、337.8万人、373.9万人。").empty());
  BOOST_TEST(run_rules(kArithmetic, "养老、失业、工伤保险参保人数分别达到1774.1万人、337.8万人。").size() == 1u);
  BOOST_TEST(run_rules(kArithmetic, "城乡月人均补助水平分别达600元与375元。").empty());
  BOOST_TEST(run_rules(kArithmetic, "民营企业、普惠小微企业贷款分别增长10%以上。").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rate_range)

BOOST_AUTO_TEST_CASE(rates_above_100_percent) {
  const auto f = run_rules(kRate, "公共文化体系全面构筑，三馆一站覆盖率达到112.2%。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "三馆一站覆盖率=112.2%");
  BOOST_TEST(run_rules(kRate, "覆盖率达到100%，参保率100.0%。").empty());
  BOOST_TEST(run_rules(kRate, "参保率100.4%。").size() == 1u);  // no rounding reaches 100%
}

BOOST_AUTO_TEST_CASE(growth_and_plain_percentages_are_exempt) {
  BOOST_TEST(run_rules(kRate, "新能源装机规模增长170%。").empty());
  BOOST_TEST(run_rules(kRate, "覆盖率较上年提高120%。").empty());
  BOOST_TEST(run_rules(kRate, "覆盖率达到98.2%。").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(number_style)

BOOST_AUTO_TEST_CASE(misplaced_yu_with_fix) {
  const auto f = run_rules(kStyle, "对特殊困难老人开展关爱探视行动15余万人次。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "15余万→15万余");
  BOOST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(f[0].fix->replacement == "15万余");
  BOOST_TEST(f[0].fix->where.start.column == 16);
}

BOOST_AUTO_TEST_CASE(correct_placements_are_quiet) {
  BOOST_TEST(run_rules(kStyle, "发放慰问金80余万元，投入300余万元，补贴资金8670余万元，3.4万余块地名标志，"
                               "提供1万余个实习岗位，组织1000余场次。").empty());
}

BOOST_AUTO_TEST_CASE(mixed_numerals_are_info) {
  const auto f = run_rules(kStyle, "更让八万余农牧民的钱袋渐丰。举办专业培训50余期。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].severity == Severity::Info);
  BOOST_TEST(run_rules(kStyle, "更让八万余农牧民的钱袋渐丰。").empty());  // nothing to be consistent with
  BOOST_TEST(run_rules(kStyle, "上千场活动，近亿元投入，举办专业培训50余期。").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(date_weekday)

BOOST_AUTO_TEST_CASE(wrong_weekday_with_fix) {
  const auto f = run_rules(kDate, "2021年7月1日 星期三");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "2021年7月1日:星期四/星期三");
  BOOST_TEST(f[0].fix->replacement == "四");
  BOOST_TEST(run_rules(kDate, "2021年7月1日 星期四").empty());
  BOOST_TEST(run_rules(kDate, "会议于2025年5月18日（周日）举行。").empty());
  BOOST_TEST(run_rules(kDate, "会议于2025年5月18日（礼拜天）举行。").empty());
  BOOST_TEST(run_rules(kDate, "会议于2025年5月18日（周一）举行。").size() == 1u);
}

BOOST_AUTO_TEST_CASE(impossible_dates) {
  const auto f = run_rules(kDate, "2023年2月29日，星期三");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.find("不存在") != std::string::npos);
  BOOST_TEST(run_rules(kDate, "2024年2月29日，星期四").empty());
}

BOOST_AUTO_TEST_SUITE_END()
