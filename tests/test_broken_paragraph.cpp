#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {
const std::string kRule =
    rule_yaml("broken-paragraph", "{before}|{after}|{line}", "    openers: [央视网消息, 本报讯]\n");
}

BOOST_AUTO_TEST_SUITE(broken_paragraph)

BOOST_AUTO_TEST_CASE(adjacent_halves_with_a_fix) {
  const std::string text = "获评2024年度全国农村公共服务典型案例。同时，积\n\n极开展“敬老月”系列活动。";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "型案例。同时，积|极开展“敬老月”|3");
  BOOST_REQUIRE(f[0].related.size() == 1u);
  BOOST_TEST(f[0].related[0].where.start.line == 3);
  BOOST_REQUIRE(f[0].fix.has_value());
  const std::string fixed = text.substr(0, f[0].fix->begin) + text.substr(f[0].fix->end);
  BOOST_TEST(fixed == "获评2024年度全国农村公共服务典型案例。同时，积极开展“敬老月”系列活动。");
}

BOOST_AUTO_TEST_CASE(continuation_past_headings_and_captions_has_no_fix) {
  const std::string text =
      "累计投入近7000万元用于养老服务设施建设，建成养老服务机构87家、新增城镇居家社区养老服务设施80个和惠民\n\n完善保障网络 安享幸福晚年\n\n"
      "图为养老院。 张启民 摄\n\n护理床位总数达5722张。";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].related[0].where.start.line == 7);
  BOOST_TEST(!f[0].fix.has_value());
}

BOOST_AUTO_TEST_CASE(continuation_past_other_paragraphs_is_found_by_the_cut_word) {
  const std::string text =
      "积极探索“智慧医疗”建设，稳步推进卫生健康信息化。实现网上预约挂号医院9所，开\n\n"
      "社会救助体系日益完善，4.5万名建档立卡贫困人口纳入低保。\n\n"
      "通辽市不断满足老年人对美好生活的期待，全市养老服务业投入资金达2.3亿元。\n\n"
      "通移动支付医院8所；推进智慧急救体系建设，急救分站增加到37个。";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].related[0].where.start.line == 7);
}

BOOST_AUTO_TEST_CASE(complete_paragraphs_and_non_prose_pass) {
  BOOST_TEST(run_rules(kRule, "就业是民生之本。\n\n通辽市始终坚持实施就业优先战略。").empty());
  BOOST_TEST(run_rules(kRule, "到一笔救急金的静默抵达——\n\n通辽民政人正以昂扬姿态前行。").empty());
  BOOST_TEST(run_rules(kRule, "持续增进民生福祉 奋力写好民生答卷\n\n□李长生 斯琴\n\n正文开始了。").empty());
  BOOST_TEST(run_rules(kRule, "庆祝中国共产党成立100周年\nThe 100th Anniversary of the Founding of\n"
                              "The Communist Party of China\n\n永远跟党走。").empty());
  BOOST_TEST(run_rules(kRule, "最后一段没有写完，也没有下文可接").empty());
}

BOOST_AUTO_TEST_CASE(titles_bylines_and_credits_are_not_sentence_halves) {
  const std::string body = "\n\n全县推进农村道路提档升级，新改建道路120公里。";
  for (const std::string a : {"一、着力扩大有效需求，推动经济持续向好",  // numbered section title
                               "（三）持续改善生态环境，建设美丽江州",
                               "全县农村道路提档升级 新改建道路120公里",  // a spaced news headline
                               "——2031年1月20日在江州市第五届人民代表大会第三次会议上",
                               "县长作政府工作报告。本报记者 王江摄",       // photo credit
                               "《江州市农村道路提档升级实施方案（2031—2033年）》印发"})
    BOOST_TEST(run_rules(kRule, a + body).empty(), a);
  // A paragraph that opens with a news formula or a time and a comma.
  BOOST_TEST(run_rules(kRule, "全县推进农村道路提档升级，新改建道路120公里\n\n本报讯 全县交通会议昨日召开。").empty());
  BOOST_TEST(run_rules(kRule, "全县推进农村道路提档升级，新改建道路120公里\n\n3月5日，全县交通会议召开。").empty());
}

BOOST_AUTO_TEST_CASE(a_stray_fragment_between_the_halves_is_named) {
  const auto f = run_rules(kRule, "全年空气质量持续改善，PM\n\n2.5\n\n年平均浓度下降到21微克/立方米，优良天数比例达到95%。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_REQUIRE(f[0].related.size() == 2u);
  BOOST_TEST(f[0].related[1].where.start.line == 3);
  BOOST_TEST(!f[0].fix.has_value());  // not adjacent: an editor joins the three pieces
}

BOOST_AUTO_TEST_CASE(markdown_structure_is_not_a_broken_paragraph) {
  BOOST_TEST(run_rules(kRule, {{"t.md", "![在浏览器中查看无障碍名称](./images/name.png)\n\n避免使用占位符，它们会使用户困惑。\n"}})
                 .empty());
  BOOST_TEST(run_rules(kRule, {{"t.md", "| 属性 | 说明必须提供 |\n\n当创建一个表单时，你可能用到以下元素。\n"}}).empty());
  // A paragraph the author ended before a code block, or a quote's attribution.
  BOOST_TEST(run_rules(kRule, {{"t.md", "组件的用法示例如下\n\n```js\nx\n```\n\n注册之后就可以在模板中使用。\n"}}).empty());
  BOOST_TEST(run_rules(kRule, {{"t.md", "> 测试越像真实的使用方式，就越可信。- 某某 的作者\n\n通过测试用户操作来验证应用。\n"}}).empty());
}

// Issue 22: a news transcript in Markdown broken mid-sentence between
// words, with nothing between the halves or only a caption.
BOOST_AUTO_TEST_CASE(markdown_transcripts_broken_between_words) {
  const std::string text = "## 江州新闻\n\n央视网消息（新闻联播）：记者从江州市交通局了解到，江州市今年新建城乡公路\n\n一千二百公里，群众出行更加便捷。\n";
  BOOST_TEST(run_rules(kRule, {{"t.md", text}}).size() == 1u);
  const std::string caption = "央视网消息（新闻联播）：记者从江州市交通局了解到，江州市今年新建城乡公路\n\n图为新建的公路。李州 摄\n\n一千二百公里，群众出行更加便捷。\n";
  BOOST_TEST(run_rules(kRule, {{"t.md", caption}}).size() == 1u);
}

// Highlights (■) and numbered points of a report are no sentence halves.
BOOST_AUTO_TEST_CASE(highlights_and_numbered_points_are_not_halves) {
  BOOST_TEST(run_rules(kRule, "■江州市坚持创新驱动，奋力谱写高质量发展新篇章\n\n■高质量发展是首要任务，必须牢牢把握。").empty());
  BOOST_TEST(run_rules(kRule, "全县新建村级养老服务站46个，为高龄老人提供助餐服务。全县道路建设进展顺利，群众出行更加便\n\n"
                              "■捷，满意度明显提高，惠及群众十余万人。").empty());
  BOOST_TEST(run_rules(kRule, "第三，深入推进财政体制改革，进一步管好用活各类资金\n\n推进财政体制改革，是加强宏观管理的重要内容。").empty());
  // A paragraph broken inside a word is still one.
  BOOST_TEST(run_rules(kRule, "全县新建村级养老服务站46个，为高龄老人提供助餐服务。全县道路建设进展顺利，群众出行更加便\n\n"
                              "捷，满意度明显提高，惠及群众十余万人。").size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

// The next paragraph completes a listed word cut at A's end (马来 / 西亚):
// it is the continuation, not a later paragraph whose first character makes
// another word with A's last (来 / 宾们…). And a figure's number ending A
// with its unit opening the next paragraph is a cut too.
BOOST_AUTO_TEST_SUITE(broken_paragraph_with_word_list)
const std::string kListRule = rule_yaml("broken-paragraph", "{before}|{after}|{line}",
                                        "    openers: [央视网消息, 本报讯]\n"
                                        "    lexicon: ['/usr/lib/python3/dist-packages/jieba/dict.txt']\n");

BOOST_AUTO_TEST_CASE(the_next_paragraph_completing_a_listed_word_continues) {
  const std::string text =
      "江州市经贸代表团今天上午从江州机场出发。代表团一行二十人，将启程前往马来\n\n西亚参加经贸洽谈会，并签署合作协议。\n\n"
      "宾们在机场为代表团送行，祝愿此行圆满成功。";
  const auto f = run_rules(kListRule, text);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_REQUIRE(f[0].related.size() == 1u);
  BOOST_TEST(f[0].related[0].where.start.line == 3);
}

BOOST_AUTO_TEST_CASE(a_figure_cut_from_its_unit_is_a_break) {
  const auto f = run_rules(kListRule, "据统计，2031年，全市农业保险保费收入15.5亿\n\n元，累计提供风险保障530亿元。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].related[0].where.start.line == 3);
  // A heading ending in a whole figure, its unit written, is no half.
  BOOST_TEST(run_rules(kListRule, "全市农业保险保费收入15.5亿元\n\n元旦前后，保险公司走访了农户。").empty());
}
BOOST_AUTO_TEST_SUITE_END()
