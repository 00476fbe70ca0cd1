#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

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

// Twelve stories, twelve values of one metric: each finding names at most
// eight other values (with their places) and says how many there are.
BOOST_AUTO_TEST_CASE(a_metric_with_many_values_names_eight_and_counts_the_rest) {
  std::vector<std::pair<std::string, std::string>> docs;
  for (int k = 0; k < 12; ++k)
    docs.push_back({"story" + std::to_string(10 + k) + ".txt",
                    "江西中欧班列\n\n2031年2月3日\n\n去年，全省中欧班列开行" + std::to_string(600 + 10 * k) + "列。\n"});
  const auto f = run_rules(kConflict, docs);
  BOOST_REQUIRE(f.size() == 11u);  // every story after the first
  const Finding& last = f.back();
  BOOST_TEST(last.where.file == "story21.txt");
  BOOST_TEST(last.related.size() == 8u);
  BOOST_TEST(last.message.find("等11个不同数值") != std::string::npos);
  BOOST_TEST(last.message.find("等处") != std::string::npos);
  // Below the limit, every value and place is named.
  const Finding& early = f.front();
  BOOST_TEST(early.related.size() == 1u);
  BOOST_TEST(early.message.find("等") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(respectively_list_item_conflicts_with_a_single_statement) {
  const auto f = run_rules(kConflict, {{"report.txt", kReport},
                                       {"story.txt", "江西经济运行\n\n2031年2月3日\n\n2030年，全省第二产业增加值增长6.7%。\n"}});
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.find("6.7%|6.1%") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(agreeing_restatements_are_quiet) {
  for (const char* story : {
           "去年，全省城镇新增就业超过41万人。",             // 超过41万 holds 41.3万
           "去年，全省新增城镇就业41.3万人。",               // word order, synonym
           "2030年，全省GDP增长5.6%。",                      // indicator synonym
           "今年全省城镇新增就业目标为40万人以上。",          // a target, not last year's figure
           "2029年，全省城镇新增就业39.8万人。",             // another year
           "去年，全国城镇新增就业1256万人。",               // another subject
           "去年，全省城镇新增就业41.3万人，其中高校毕业生就业12.1万人。"})
    BOOST_TEST(run_rules(kConflict, {{"report.txt", kReport},
                                     {"story.txt", "江西经济\n\n2031年2月3日\n\n" + std::string(story) + "\n"}})
                   .empty(),
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

// Restatement evidence and the closed world (issue 21). The sentences are
// the project's own, built the way statistical prose is built.
BOOST_AUTO_TEST_CASE(stories_with_no_subject_of_their_own_conflict_only_when_their_passages_agree) {
  // Two stories about an unnamed place: the same paragraph, one figure
  // changed, the others the same — one report restated.
  const std::string a = "养老服务提速\n\n今年以来，全市新建社区养老服务站42个，改造农村互助幸福院108所，新增养老床位1600张。\n";
  const std::string b = "养老服务体系建设\n\n今年以来，全市新建社区养老服务站42个，改造农村互助幸福院118所，新增养老床位1600张。\n";
  const auto f = run_rules(kConflict, {{"a.txt", a}, {"b.txt", b}});
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.find("118所|108所") != std::string::npos);
  // The same metric in two stories whose subjects are not named, nothing
  // else in common: which city is which is not known, so nothing is said.
  const auto quiet = run_rules(kConflict, {{"a.txt", "养老\n\n今年以来，全市改造农村互助幸福院108所。\n"},
                                           {"b.txt", "民生\n\n今年以来，全市改造农村互助幸福院118所，惠及老人3000余人。\n"}});
  BOOST_TEST(quiet.empty());
}

BOOST_AUTO_TEST_CASE(a_span_of_years_is_not_the_year_last_named) {
  // 近三年累计 counts three years; the year's own figure is another number.
  const auto f = run_rules(kConflict, {{"r.txt", "2030年江西省政府工作报告\n\n"
                                                 "2029年，全省化学需氧量排放量下降4.4%，二氧化硫排放量下降5.9%。\n\n"
                                                 "近三年累计，全省化学需氧量排放量下降6.6%，二氧化硫排放量下降8.9%。\n"}});
  BOOST_TEST(f.empty());
}

BOOST_AUTO_TEST_CASE(real_growth_is_not_nominal_growth) {
  // 比上年实际增长: the qualifier stands after the comparison base.
  const auto f = run_rules(kConflict, {{"a.txt", "江西居民收入\n\n2031年2月3日\n\n去年，全省农村居民人均可支配收入21100元，增长6.6%。\n"},
                                       {"b.txt", "江西农村居民增收\n\n2031年2月5日\n\n去年，全省农村居民人均可支配收入达到21100元，比上年实际增长6.3%。\n"}});
  BOOST_TEST(f.empty());
  // 比上年 is the usual base: without 实际 the two rates conflict.
  const auto g = run_rules(kConflict, {{"a.txt", "江西居民收入\n\n2031年2月3日\n\n去年，全省农村居民人均可支配收入21100元，增长6.6%。\n"},
                                       {"b.txt", "江西农村居民增收\n\n2031年2月5日\n\n去年，全省农村居民人均可支配收入达到21100元，比上年增长6.3%。\n"}});
  BOOST_TEST(g.size() == 1u);
}

BOOST_AUTO_TEST_CASE(joined_items_are_counted_together) {
  // 铁路、公路、民航共发送旅客: the total of all three, not 民航's.
  const auto f = run_rules(kConflict, {{"a.txt", "江西端午出行\n\n2031年6月3日\n\n端午假期，全省铁路、公路、民航共发送旅客1400万人次。\n"},
                                       {"b.txt", "江西端午民航\n\n2031年6月3日\n\n端午假期，全省民航发送旅客54万人次，增长28%。\n"}});
  BOOST_TEST(f.empty());
  // Without the other items it is 民航's own figure, and conflicts.
  const auto g = run_rules(kConflict, {{"a.txt", "江西端午出行\n\n2031年6月3日\n\n端午假期，全省民航共发送旅客45万人次。\n"},
                                       {"b.txt", "江西端午民航\n\n2031年6月3日\n\n端午假期，全省民航发送旅客54万人次，增长28%。\n"}});
  BOOST_TEST(g.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_part_after_qizhong_belongs_to_its_whole) {
  // One template filled in for two scopes: the parts are of different wholes.
  const auto f = run_rules(kConflict, {{"a.txt", "纪律审查\n\n2031年1月6日\n\n2030年1至11月，全国纪检监察机关共查处“四风”问题19.2万起，"
                                                 "处理26.9万人，其中给予党纪政务处分18.8万人。\n"},
                                       {"b.txt", "粮食购销\n\n2031年1月2日\n\n2030年1至11月，全国纪检监察机关共查处粮食购销问题1.4万起，"
                                                 "处理2.1万人，其中给予党纪政务处分1.3万人。\n"}});
  BOOST_TEST(f.empty());
  // The same whole restated with one part changed conflicts.
  const auto g = run_rules(kConflict, {{"a.txt", "纪律审查\n\n2031年1月6日\n\n2030年1至11月，全国纪检监察机关共查处“四风”问题19.2万起，"
                                                 "处理26.9万人，其中给予党纪政务处分18.8万人。\n"},
                                       {"b.txt", "作风建设\n\n2031年1月7日\n\n2030年1至11月，全国纪检监察机关共查处“四风”问题19.2万起，"
                                                 "处理26.9万人，其中给予党纪政务处分17.8万人。\n"}});
  BOOST_TEST(g.size() == 1u);
}

BOOST_AUTO_TEST_CASE(parallel_paragraphs_inside_one_document_are_not_restatements) {
  // Each paragraph opens with what it is about; the figure's sentence is
  // the same formula.
  const auto f = run_rules(kConflict, {{"n.txt", "减税降费\n\n2031年9月1日\n\n对于小型微利企业来说，所得税再减半征收。截至8月31日，新增减税477亿元。\n\n"
                                                 "此外，对小规模纳税人阶段性免征增值税。截至8月31日，新增减税806亿元。\n"}});
  BOOST_TEST(f.empty());
}

// 4816万 allows 4815.5万–4816.5万 and 4817万 4816.5万–4817.5万: intervals
// that only meet are two values.
BOOST_AUTO_TEST_CASE(neighbouring_values_conflict) {
  const auto f = run_rules(kConflict, {{"a.txt", "江西交通\n\n2031年2月3日\n\n2030年，全省铁路客运量为4816万人次，民航旅客吞吐量为1203万人次。\n"},
                                       {"b.txt", "江西出行\n\n2031年2月4日\n\n2030年，全省铁路客运量为4817万人次，民航旅客吞吐量为1203万人次。\n"}});
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.find("4817万人次|4816万人次") != std::string::npos, f[0].message);
}

// An aside in brackets, even one listing items with 、, is part of the
// metric's clause: the metric before it is read.
BOOST_AUTO_TEST_CASE(an_aside_in_brackets_does_not_cut_the_metric_off) {
  const auto f = run_rules(kConflict, {{"a.txt", "假期出行\n\n2031年5月6日\n\n"
                                                 "假期五天，全省公路人员流动量（含高速公路、普通国省道）为1875万人次，"
                                                 "同比增长2.1%。\n"},
                                       {"b.txt", "假期出行数据\n\n2031年5月6日\n\n"
                                                 "假期五天，全省公路人员流动量（含高速公路、普通国省道）为1857万人次，"
                                                 "同比增长2.1%。\n"}});
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.find("公路人员流动量:1857万人次|1875万人次") == 0u, f[0].message);
}

// Hedged figures overlap by their wording (约380万 holds 381万); a
// passage restated word for word with the number changed is still a
// changed number, and nothing less is.
BOOST_AUTO_TEST_CASE(hedged_twins_conflict_only_in_a_passage_restated_word_for_word) {
  const std::string a = "江西旅游\n\n2031年2月3日\n\n据文旅部门统计，2030年全省共接待境外游客约380万人次，入境游客人均停留4.2天。\n";
  const auto f = run_rules(kConflict, {{"a.txt", a},
                                       {"b.txt", "江西旅游持续升温\n\n2031年2月3日\n\n"
                                                 "据文旅部门统计，2030年全省共接待境外游客约381万人次，入境游客人均停留4.2天。\n"}});
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.find("约381万人次|约380万人次") != std::string::npos, f[0].message);
  const auto g = run_rules(kConflict, {{"a.txt", a},
                                       {"c.txt", "入境游火热\n\n2031年2月3日\n\n2030年，全省接待境外游客约381万人次。\n"}});
  BOOST_TEST(g.empty());
}

// A hedge reworded is the same hedge (超过 and 超 both bound from below),
// and a short sentence is restated when the paragraph's other figures agree
// exactly; hedged the other way, or with a figure that disagrees, it is not.
BOOST_AUTO_TEST_CASE(hedged_twins_reworded_conflict_when_the_other_figures_agree) {
  const std::string a = "通信业发展\n\n2031年2月3日\n\n2030年，全省新建5G基站3.2万个，光纤入户率达到96.5%。"
                        "固定宽带用户超过7.8万户。\n";
  const auto restated = [](const std::string& hedged) {
    return "通信业数读\n\n2031年2月3日\n\n2030年，全省新建5G基站3.2万个，光纤入户率达96.5%。固定宽带用户" + hedged + "。\n";
  };
  const auto f = run_rules(kConflict, {{"a.txt", a}, {"b.txt", restated("超7.9万户")}});
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.find("固定宽带用户:超7.9万户|超过7.8万户") == 0u, f[0].message);
  BOOST_TEST(run_rules(kConflict, {{"a.txt", a}, {"b.txt", restated("近7.9万户")}}).empty());
  BOOST_TEST(run_rules(kConflict, {{"a.txt", a}, {"b.txt", restated("约7.9万户")}}).empty());  // about 7.9 may be over 7.8
  BOOST_TEST(run_rules(kConflict, {{"a.txt", a}, {"b.txt", restated("超过7.8万户")}}).empty());
  BOOST_TEST(run_rules(kConflict, {{"a.txt", a}, {"b.txt", "通信业数读\n\n2031年2月3日\n\n2030年，全省新建5G基站3.4万个，"
                                                           "光纤入户率达96.5%。固定宽带用户超7.9万户。\n"}})
                 .size() == 1u);  // the 5G figure itself, not the hedged one
}

// A figure whose metric the reader cannot name is known by its clause, and
// a restating outlet rewords the clause lightly: the words that only
// introduce a number (共, 达到/达, 同比) are not part of it. A content word
// dropped (教育) makes another clause: not compared.
BOOST_AUTO_TEST_CASE(an_unnamed_metric_is_its_clause_without_filler) {
  const std::string a = "纪检监察\n\n2031年2月3日\n\n2030年，全省共查处违规问题1.2万起，批评教育和处理1.8万人，"
                        "其中给予处分0.9万人。\n";
  const auto restated = [](const std::string& clause) {
    return "纪检数读\n\n2031年2月3日\n\n2030年，全省查处违规问题1.2万起，" + clause + "，其中给予处分0.9万人。\n";
  };
  const auto f = run_rules(kConflict, {{"a.txt", a}, {"b.txt", restated("批评教育和处理1.6万人")}});
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.find("批评教育和处理@万人”:1.6万人|1.8万人") != std::string::npos, f[0].message);
  BOOST_TEST(run_rules(kConflict, {{"a.txt", a}, {"b.txt", restated("批评教育和处理1.8万人")}}).empty());
  BOOST_TEST(run_rules(kConflict, {{"a.txt", a}, {"b.txt", restated("批评和处理1.6万人")}}).empty());
  // A word that changes the figure is kept: 再次批评教育和处理 is not the
  // batch 批评教育和处理 counts.
  BOOST_TEST(run_rules(kConflict, {{"a.txt", a},
                                   {"f.txt", "纪检数读\n\n2031年2月3日\n\n2030年，全省查处违规问题1.2万起，"
                                             "再次批评教育和处理1.6万人，其中给予处分0.9万人。\n"}})
                 .empty());
  // The time is the figure's period, compared apart: 去年 for 2030年 under
  // a 2031 dateline, or a 全年 dropped, is the same clause.
  BOOST_TEST(run_rules(kConflict, {{"a.txt", a},
                                   {"e.txt", "纪检数读\n\n2031年2月3日\n\n去年全年，全省查处违规问题1.2万起，"
                                             "批评教育和处理1.6万人，其中给予处分0.9万人。\n"}})
                 .size() == 1u);
  // A stated base is part of what is measured, also of a figure known by its
  // clause (its year is masked like any digits): 比2025年 and 比2024年 differ.
  const std::string g = "林业\n\n2031年2月3日\n\n截至去年底，全省森林覆盖率达25.1%，比2025年提高约2个百分点，"
                        "森林蓄积量达3.2亿立方米。\n";
  const auto base = [](const std::string& since) {
    return "林业数读\n\n2031年2月3日\n\n截至去年底，全省森林覆盖率达25.1%，" + since + "，森林蓄积量达3.2亿立方米。\n";
  };
  BOOST_TEST(run_rules(kConflict, {{"g.txt", g}, {"h.txt", base("比2024年提高约5个百分点")}}).empty());
  BOOST_TEST(run_rules(kConflict, {{"g.txt", g}, {"h.txt", base("比2025年提高约3个百分点")}}).size() == 1u);
  // 达到 and 达, 同比增长 and 增长: one clause.
  const std::string c = "工业数读\n\n2031年2月3日\n\n2030年，全省规上工业企业达到2.1万家，利润同比增长6.5%，"
                        "营收增长4.1%。\n";
  const std::string d = "工业速览\n\n2031年2月3日\n\n2030年，全省规上工业企业达2.1万家，利润增长5.6%，"
                        "营收增长4.1%。\n";
  BOOST_TEST(run_rules(kConflict, {{"c.txt", c}, {"d.txt", d}}).size() == 1u);
}

// Bounds a rule sets are bounds; parallel items with different bounds are
// not one figure.
BOOST_AUTO_TEST_CASE(bounds_are_read_as_bounds) {
  const auto f = run_rules(kConflict, {{"r.txt", "培训条例\n\n2031年3月1日\n\n"
                                                 "省委党校主要培训县处级干部。学制一般不少于4个月。\n\n"
                                                 "市委党校主要培训乡科级干部。学制一般不少于3个月。\n"}});
  BOOST_TEST(f.empty());
}


// 预期 in 人均预期寿命 names an indicator, not a plan; a clause saying the
// thing is done (已完成) is a result even after 预计 earlier in its sentence.
BOOST_AUTO_TEST_CASE(plan_words_inside_names_and_before_done_clauses_make_no_plan) {
  const auto f = run_rules(kConflict, {{"a.txt", "江西健康\n\n2031年2月3日\n\n2030年，全省人均预期寿命达到79.2岁，婴儿死亡率降至3.1‰。\n"},
                                       {"b.txt", "江西卫生\n\n2031年2月4日\n\n2030年，全省人均预期寿命达到79.5岁，婴儿死亡率降至3.1‰。\n"}});
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.find("79.5岁|79.2岁") != std::string::npos, f[0].message);
  const std::string done = "目前，江北段预计年底建成，南段计划明年通车，全线已完成投资{}亿元，占总投资的六成。\n";
  const auto g = run_rules(kConflict, {{"c.txt", "江州快速路\n\n2031年5月6日\n\n" + fmt::format(fmt::runtime(done), 126)},
                                       {"d.txt", "快速路建设\n\n2031年5月6日\n\n" + fmt::format(fmt::runtime(done), 162)}});
  BOOST_TEST(g.size() == 1u);
  // A share of the done amount, in a clause of its own with no verb, is
  // done too: the plan word's reach ended at the clause that says 已.
  const std::string share = "目前，江北段预计年底建成，全线已完成投资126亿元，占总投资的{}%。\n";
  const auto h = run_rules(kConflict, {{"e.txt", "江州快速路\n\n2031年5月6日\n\n" + fmt::format(fmt::runtime(share), 73)},
                                       {"f.txt", "快速路建设\n\n2031年5月6日\n\n" + fmt::format(fmt::runtime(share), 72)}});
  BOOST_REQUIRE(h.size() == 1u);
  BOOST_TEST(h[0].message.find("72%|73%") != std::string::npos, h[0].message);
  // Still a plan where nothing after the plan word says done: it is never
  // compared with the result, only with the same target restated.
  const std::string planned = "目前，江北段计划年底建成，全线将完成投资126亿元，占总投资的{}%。\n";
  BOOST_TEST(run_rules(kConflict, {{"g.txt", "江州快速路\n\n2031年5月6日\n\n" + fmt::format(fmt::runtime(planned), 73)},
                                   {"h.txt", "快速路建设\n\n2031年5月6日\n\n" + fmt::format(fmt::runtime(share), 72)}})
                 .empty());
  BOOST_TEST(run_rules(kConflict, {{"g.txt", "江州快速路\n\n2031年5月6日\n\n" + fmt::format(fmt::runtime(planned), 73)},
                                   {"h.txt", "快速路建设\n\n2031年5月6日\n\n" + fmt::format(fmt::runtime(planned), 72)}})
                 .size() == 1u);
}

// Targets are compared with targets only, on a passage restated: word for
// word about the same years, or with its other figures agreeing exactly. A
// named indicator alone is not enough (targets recur year after year in
// like words with other numbers).
BOOST_AUTO_TEST_CASE(targets_conflict_only_with_the_same_target_restated) {
  const std::string report = "2031年江州市政府工作报告\n\n2031年2月3日\n\n"
                             "今年主要预期目标是：地区生产总值增长{}左右，城镇新增就业{}万人以上，粮食产量稳定在145亿斤以上。\n";
  const auto restated = run_rules(kConflict, {{"a.txt", fmt::format(fmt::runtime(report), "5.5%", "8")},
                                              {"b.txt", "数读：" + fmt::format(fmt::runtime(report), "5.5%", "9")}});
  BOOST_REQUIRE(restated.size() == 1u);
  BOOST_TEST(restated[0].message.find("9万人以上|8万人以上") != std::string::npos, restated[0].message);
  // The same indicator's target alone, in other words: not known to be
  // the same target.
  BOOST_TEST(run_rules(kConflict, {{"a.txt", fmt::format(fmt::runtime(report), "5.5%", "8")},
                                   {"c.txt", "就业工作会议\n\n2031年2月3日\n\n今年全市力争城镇新增就业9万人以上。\n"}})
                 .empty());
  // Forecasts are estimates: two forecasters (or one revising) differ
  // without a slip, however alike the passages.
  const std::string forecast = "经济展望\n\n2031年4月20日\n\n{}，2031年全省经济增长{}。2030年，全省经济增长5.0%，地区生产总值达到14万亿元。\n";
  BOOST_TEST(run_rules(kConflict, {{"e.txt", fmt::format(fmt::runtime(forecast), "省社科院预测", "4.8%")},
                                   {"f.txt", fmt::format(fmt::runtime(forecast), "省统计局预计", "4.5%")}})
                 .empty());
  // A target list that says 预计 of one item is still a target list.
  const std::string list = "2031年江州市政府工作报告\n\n2031年2月3日\n\n"
                           "今年主要预期目标是：地区生产总值预计增长5.5%左右，城镇新增就业{}万人以上，粮食产量稳定在145亿斤以上。\n";
  BOOST_TEST(run_rules(kConflict, {{"g.txt", fmt::format(fmt::runtime(list), "8")},
                                   {"h.txt", "数读：" + fmt::format(fmt::runtime(list), "9")}})
                 .size() == 1u);
  // A target against the year's result: never.
  BOOST_TEST(run_rules(kConflict, {{"a.txt", fmt::format(fmt::runtime(report), "5.5%", "8")},
                                   {"d.txt", "2032年江州市政府工作报告\n\n2032年2月3日\n\n"
                                             "过去一年，地区生产总值增长5.1%，城镇新增就业9.2万人，粮食产量145.6亿斤。\n"}})
                 .empty());
}

// An excerpt of text right under a title and date, cut after a ； (no full
// stop in it), states figures: a head line never ends mid-clause.
BOOST_AUTO_TEST_CASE(a_short_paragraph_ending_mid_clause_under_the_title_is_text) {
  const std::string text = "江州简报\n\n2031年3月26日\n\n全市节庆、展会、论坛活动数量分别压减46.3%、{}%、48.3%；\n";
  const auto f = run_rules(kConflict, {{"a.txt", fmt::format(fmt::runtime(text), "65.2")},
                                       {"b.txt", fmt::format(fmt::runtime(text), "56.2")}});
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.find("56.2%|65.2%") != std::string::npos, f[0].message);
  // A head line (a deck under the title, no clause cut) still states none.
  const std::string deck = "江州简报\n\n2031年3月26日\n\n全市活动数量压减{}%\n";
  BOOST_TEST(run_rules(kConflict, {{"c.txt", fmt::format(fmt::runtime(deck), "65.2")},
                                   {"d.txt", fmt::format(fmt::runtime(deck), "56.2")}})
                 .empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(figure_arithmetic)

BOOST_AUTO_TEST_CASE(total_increase_rate) {
  auto f = run_rules(kArithmetic, "2024年，全县文化旅游专项资金12.6亿元，比上年增加1.6亿元，增长16.5%。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "按12.6亿元、增加1.6亿元计算，增长应为14.5%，文中为16.5%");
  BOOST_TEST(run_rules(kArithmetic, "2024年，全县文化旅游专项资金12.6亿元，比上年增加1.6亿元，增长14.5%。").empty());
  // Rounding-aware: 14.7% is reachable from 1.65 / (12.6 − 1.65) = 15.1%… no;
  // 1.64 / (12.64 − 1.64) = 14.9%, so 14.9% passes.
  BOOST_TEST(run_rules(kArithmetic, "2024年，全县文化旅游专项资金12.6亿元，比上年增加1.6亿元，增长14.9%。").empty());
}

BOOST_AUTO_TEST_CASE(old_new_rate) {
  BOOST_TEST(run_rules(kArithmetic, "高龄津贴从每人每月80元提高到100元，增幅25%。").empty());
  const auto f = run_rules(kArithmetic, "高龄津贴从每人每月80元提高到100元，增幅52%。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "按80元增至100元计算，增幅应为25.0%，文中为52%");
}

BOOST_AUTO_TEST_CASE(average_annual_growth_is_compound) {
  // 2019—2024: five years; (150/100)^(1/5) − 1 = 8.4%, not 50% / 5 = 10%.
  BOOST_TEST(run_rules(kArithmetic, "2019—2024年间，全市旅游收入从100亿元增至150亿元，年均增长8.4%。").empty());
  const auto f = run_rules(kArithmetic, "2019—2024年间，全市旅游收入从100亿元增至150亿元，年均增长10%。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "按100亿元增至150亿元计算，年均增幅应为8.4%，文中为10%");
  // 年均 with no span in the sentence: not checked.
  BOOST_TEST(run_rules(kArithmetic, "全市旅游收入从100亿元增至150亿元，年均增长10%。").empty());
}

BOOST_AUTO_TEST_CASE(parts_cannot_exceed_their_whole) {
  BOOST_TEST(run_rules(kArithmetic, "全县登记在册老年人3.1万人，其中高龄老人4.2万名。").size() == 1u);
  BOOST_TEST(run_rules(kArithmetic, "全县登记在册老年人3.1万人，其中高龄老人0.42万名。").empty());
  // 各: two parts of 2.1万 each exceed 3.1万.
  BOOST_TEST(run_rules(kArithmetic, "服务覆盖3.1万老年人。其中，失能与半失能老人各2.1万名。").size() == 1u);
  BOOST_TEST(run_rules(kArithmetic, "服务覆盖3.1万老年人。其中，失能与半失能老人各1.1万名。").empty());
  // The whole is the figure right before 其中, not one of an earlier sentence.
  BOOST_TEST(run_rules(kArithmetic, "新增病例38例。新增无症状感染者169例，其中境外输入25例，本土144例。").empty());
  // A change in points, a rate per head and 超 have no parts to add up.
  BOOST_TEST(run_rules(kArithmetic, "景气指数上升0.5个百分点。其中，商品类指数上升1.0个百分点。").empty());
  BOOST_TEST(run_rules(kArithmetic, "抽检量达每千人6.6批次，其中专项抽检超5万批次。").empty());
}

BOOST_AUTO_TEST_CASE(respectively_lists_pair_items_and_values) {
  BOOST_TEST(run_rules(kArithmetic, "养老、医疗、失业保险参保人数分别达到41.2万人、52.7万人、18.9万人。").empty());
  BOOST_TEST(run_rules(kArithmetic, "养老、医疗、失业保险参保人数分别达到41.2万人、52.7万人。").size() == 1u);
  BOOST_TEST(run_rules(kArithmetic, "城乡低保标准分别达760元与590元。").empty());
  // 软件和信息服务业 is one item; 分别从…提高到… has two values per item.
  BOOST_TEST(run_rules(kArithmetic, "金融业、软件和信息服务业增加值分别增长6.1%、9.3%。").empty());
  BOOST_TEST(run_rules(kArithmetic, "城市公园、口袋公园分别从210个、96个增加到260个、131个。").empty());
  BOOST_TEST(run_rules(kArithmetic, "钢铁、建材等传统产业、新兴产业分别增长3.1%、7.2%。").empty());
}

// Issue 21: arithmetic only on real totals and parts, and on rates the
// amounts beside them can give.
BOOST_AUTO_TEST_CASE(parts_belong_to_a_level_not_to_an_increase) {
  const auto f = run_rules(kArithmetic, {{"a.txt", "上半年，全省外贸企业62.8万家，较去年同期增加4.3万家。其中，民营企业54.7万家。\n"}});
  BOOST_TEST(f.empty());
  // The same parts under the stock itself still cannot exceed it.
  const auto g = run_rules(kArithmetic, {{"a.txt", "上半年，全省外贸企业52.8万家。其中，民营企业54.7万家。\n"}});
  BOOST_TEST(g.size() == 1u);
}

BOOST_AUTO_TEST_CASE(real_growth_is_not_computed_from_current_amounts) {
  const auto f = run_rules(kArithmetic, {{"a.txt", "2030年，全省生产总值由3480亿元增加到9380亿元，按可比价格计算增长102%。\n"}});
  BOOST_TEST(f.empty());
  const auto g = run_rules(kArithmetic, {{"a.txt", "2030年，全省生产总值由3480亿元增加到9380亿元，增长102%。\n"}});
  BOOST_TEST(g.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_rate_stays_in_its_clause_group) {
  // 发电量's values are not read (度), and its rate is not oil's.
  const auto f = run_rules(kArithmetic, {{"a.txt", "2030年，全省原油由8700万吨增加到10400万吨，增长19.5%；"
                                                   "发电量由2030亿度增加到2560亿度，增长26%。\n"}});
  BOOST_TEST(f.empty());
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
