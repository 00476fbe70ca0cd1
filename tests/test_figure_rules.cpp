#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {
const std::string kConflict = rule_yaml("figure-conflict", "{metric}:{value}|{other_value}@{other_place}");
const std::string kArithmetic = rule_yaml("figure-arithmetic", "{basis}，{expected}，文中为{stated}");
const std::string kRate = rule_yaml("rate-range", "{rate}={match}",
                                    "    rate_words: ['覆盖率', '占比', '参保率']\n"
                                    "    exempt_words: ['增长', '提高']\n");
const std::string kStyle = rule_yaml("number-style", "{match}→{suggestion}");
const std::string kDate = rule_yaml("date-weekday", "{date}:{actual}/{written}");
}  // namespace

BOOST_AUTO_TEST_SUITE(figure_conflict)

BOOST_AUTO_TEST_CASE(linked_rate_conflict_across_documents) {
  const auto f = run_rules(kConflict,
                           {{"a.txt", "“十四五”期间，全市累计支出民政事业发展资金70.4亿元，“十三五”期间增加9.4亿元，增长16.4%。"},
                            {"b.txt", "“十四五”以来成绩显著。这五年，通辽倾力投入民政事业发展资金达70.4亿元，较“十三五”时期增加9.4亿元，增长15.4%。"}});
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "民政事业发展资金增长率:15.4%|16.4%@a.txt:1");
  BOOST_TEST(f[0].where.file == "b.txt");
  BOOST_REQUIRE(f[0].related.size() == 1u);
  BOOST_TEST(f[0].related[0].where.file == "a.txt");
}

BOOST_AUTO_TEST_CASE(metric_word_order_and_person_units) {
  const auto f = run_rules(kConflict, {{"a.txt", "“十四五”期间，5年内实现城镇新增就业6.4万人次。"},
                                       {"b.txt", "五年来，我们新增城镇就业6.9万人。“十四五”期间成绩显著。"}});
  BOOST_TEST(f.size() == 1u);
}

BOOST_AUTO_TEST_CASE(agreeing_figures_are_quiet) {
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"“十四五”期间，发放老人补贴资金8670余万元。", "“十四五”期间，8670万元老人补贴资金切实发放。"},
           {"“十四五”期间，投入民政事业发展资金超180亿元。", "“十四五”期间，投入民政事业发展资金182.6亿元。"},
           {"“十四五”期间，惠及老年群体近5万名。", "“十四五”期间，惠及老年群体近5万名。"},
           {"“十四五”期间，组织银龄行动1000余场次。", "“十四五”期间，组织银龄行动上千场。"},
           {"“十四五”期间，养老床位占比16.4%。", "“十四五”期间，养老床位占比16.42%。"}})
    BOOST_TEST(run_rules(kConflict, {{"a.txt", a}, {"b.txt", b}}).empty(), a << " vs " << b);
}

BOOST_AUTO_TEST_CASE(different_periods_subjects_and_plans_never_conflict) {
  BOOST_TEST(run_rules(kConflict, {{"a.txt", "2023年，全市城镇新增就业2.1万人。"},
                                   {"b.txt", "2024年，全市城镇新增就业2.3万人。"}}).empty());
  BOOST_TEST(run_rules(kConflict, {{"a.txt", "通辽市召开会议。2024年，通辽市城镇新增就业2.1万人。"},
                                   {"b.txt", "内蒙古召开会议。2024年，内蒙古城镇新增就业20.1万人。"}}).empty());
  BOOST_TEST(run_rules(kConflict, {{"a.txt", "2026年，全市城镇新增就业2.1万人。"},
                                   {"b.txt", "2026年，确保全市城镇新增就业1.2万人以上。"}}).empty());
  BOOST_TEST(run_rules(kConflict, {{"a.txt", "全市发放创业担保贷款8.81亿元。"},
                                   {"b.txt", "近五年，全市发放创业担保贷款8.1亿元。"}}).empty());
}

BOOST_AUTO_TEST_CASE(parallel_figures_in_one_sentence_are_not_rivals) {
  BOOST_TEST(run_rules(kConflict, "2021年以来，在7个旗县落地10个试点。").empty());
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
