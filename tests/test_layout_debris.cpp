#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {
const std::string kRule = rule_yaml("layout-debris", "{what}|{match}",
                                    "    widgets: ['【字体：', '打印本页']\n"
                                    "    staff_labels: [责任编辑, 编辑]\n");
}

BOOST_AUTO_TEST_SUITE(layout_debris)

BOOST_AUTO_TEST_CASE(widgets_staff_boxes_markers_and_credits) {
  const std::string text = "全县召开推进会。\n\n【字体：大 中 小】 打印本页\n\n（上接第一版）\n\n"
                           "县长讲话。本报记者 李州摄\n\n会议部署了工作。\n\n责任编辑：王江\n";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 4u);
  BOOST_TEST(f[0].message == "网页控件|【字体：大 中 小】 打印本页");
  BOOST_TEST(f[1].message == "转版标记|（上接第一版）");
  BOOST_TEST(f[2].message == "图片说明或摄影署名|县长讲话。本报记者 李州摄");
  BOOST_TEST(f[3].message == "版面署名|责任编辑：王江");
  // The deletion is a suggestion: plain --fix never writes it.
  BOOST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(!f[0].fix->safe());
  const std::string fixed = text.substr(0, f[0].fix->begin) + text.substr(f[0].fix->end);
  BOOST_TEST(fixed.starts_with("全县召开推进会。\n\n（上接第一版）"));
}

// Issue 22: widgets as scraped, with a half-width colon, are the same widgets.
BOOST_AUTO_TEST_CASE(widgets_with_the_colon_as_scraped) {
  const std::string rule = rule_yaml("layout-debris", "{what}", "    widgets: ['您的位置：', '分享到：']\n");
  BOOST_TEST(run_rules(rule, "您的位置: 首页 > 要闻\n\n全县召开推进会。\n\n分享到:\n").size() == 2u);
  BOOST_TEST(run_rules(rule, "您的位置：首页\n\n全县召开推进会。\n").size() == 1u);
}

// One judgement of a debris line for every structural rule: a breadcrumb
// (要闻 要闻) and a page index line (第八版) are furniture.
BOOST_AUTO_TEST_CASE(breadcrumbs_and_page_index_lines_are_furniture) {
  BOOST_TEST(make_doc("要闻 要闻").blocks()[0].kind == BlockKind::Furniture);
  BOOST_TEST(make_doc("第八版").blocks()[0].kind == BlockKind::Furniture);
  BOOST_TEST(make_doc("第12版").blocks()[0].kind == BlockKind::Furniture);
  BOOST_TEST(make_doc("要闻 快讯").blocks()[0].kind != BlockKind::Furniture);
  const std::string split = rule_yaml("split-heading", "{joined}");
  BOOST_TEST(run_rules(split, "要闻 要闻\n\n坚守初心使命\n\n全县召开推进会，部署今年的重点工作。").empty());
  const std::string broken = rule_yaml("broken-paragraph", "{after}");
  BOOST_TEST(run_rules(broken, "全县召开推进会，部署今年的重点\n\n要闻 要闻\n\n第二版").empty());
}

BOOST_AUTO_TEST_CASE(prose_and_markdown_structure_stay) {
  BOOST_TEST(run_rules(kRule, "编辑部提醒：来稿请注明联系方式，我们将在三个工作日内回复。").empty());
  BOOST_TEST(run_rules(kRule, "会议由副县长主持。\n\n会议部署了今年的重点工作。").empty());
  // In Markdown, bold and headings are markup, not debris; captions belong to images.
  BOOST_TEST(run_rules(kRule, {{"t.md", "## 会议纪要\n\n**重点**工作如下。\n\n县长讲话。本报记者 李州摄\n"}}).empty());
}

BOOST_AUTO_TEST_CASE(markdown_left_in_plain_text_and_latin_lines) {
  auto f = run_rules(kRule, "**全县召开推进会**\n\n会议部署了今年的重点工作，要求各乡镇压实责任，确保完成全年目标任务。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "残留的Markdown加粗标记|**全县召开推进会**");
  f = run_rules(kRule, "全县召开推进会，会议部署了今年的重点工作，要求各乡镇压实责任。\n\nThe Jiangzhou Daily Morning Edition\n\n"
                       "会议指出，要确保完成全年目标任务，推动经济社会高质量发展。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "外文行|The Jiangzhou Daily Morning Edition");
}

BOOST_AUTO_TEST_CASE(deleting_the_last_block_leaves_one_final_line_break) {
  const std::string text = "会议部署了今年的重点工作。\n\n责任编辑：王江\n";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(text.substr(0, f[0].fix->begin) + text.substr(f[0].fix->end) == "会议部署了今年的重点工作。\n");
}

BOOST_AUTO_TEST_CASE(caption_bullets_and_page_numbers) {
  const auto f = run_rules(kRule, "会议部署了今年的重点工作，要求各乡镇压实责任。\n\n- ①县第一中学新校区启用\n\n12\n\n会议指出，要确保完成全年目标任务。");
  BOOST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].message.starts_with("图片说明|"));
  BOOST_TEST(f[1].message == "页码|12");
}

BOOST_AUTO_TEST_CASE(pull_quotes_repeating_the_body_are_debris_not_headings) {
  // A box of programme names set beside the paragraph that names them,
  // pasted line by line, whole and wrapped.
  const std::string text =
      "县里启动“青苗助学计划”“乡村书屋工程”，全年资助学生三千余名。\n\n"
      "“青苗助学计划”\n\n“乡村书屋工程”\n\n“青苗助\n\n学计划”\n\n“乡村书\n\n屋工程”\n\n全县各校同步推进。\n";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].message == "重复正文的引题或图片文字|“青苗助学计划”“乡村书屋工程”");
  BOOST_TEST(f[0].where.start.line == 3);
  BOOST_TEST(f[1].where.start.line == 7);
  BOOST_TEST(f[1].where.end.line == 13);
  // Deleting both leaves the paragraph alone.
  BOOST_REQUIRE(f[0].fix && f[1].fix);
  const std::string fixed = text.substr(0, f[0].fix->begin) + text.substr(f[0].fix->end, f[1].fix->begin - f[0].fix->end) +
                            text.substr(f[1].fix->end);
  BOOST_TEST(fixed == "县里启动“青苗助学计划”“乡村书屋工程”，全年资助学生三千余名。\n\n全县各校同步推进。\n");
  // The wrapped copy is not a heading to rebuild.
  const std::string wrapped = rule_yaml("wrapped-heading", "{joined}", "");
  BOOST_TEST(run_rules(wrapped, text).empty());
  // A quoted heading the body does not repeat, or one with words outside
  // the quotes, stays: it is the author's heading.
  BOOST_TEST(run_rules(kRule, "“青苗助学计划”\n\n县里今年资助学生三千余名，覆盖全部乡镇。\n").empty());
  BOOST_TEST(run_rules(kRule, "实施“青苗助学计划”\n\n县里实施“青苗助学计划”，资助学生三千余名。\n").empty());
}

BOOST_AUTO_TEST_CASE(pull_quotes_are_found_among_many_quotations_anywhere_in_the_body) {
  // The body search looks at every quotation of every paragraph, before
  // or after the box, sharing a prefix with it or not.
  std::string text = "全县召开推进会。\n\n“乡村书屋工程”\n\n“乡村书\n\n屋工程”\n\n";
  for (int i = 0; i < 40; ++i) text += "会上提到“乡村振兴”“乡村书院”和“青苗计划”等" + std::to_string(i) + "项工作。\n\n";
  text += "县里启动“乡村书屋工程”，全年新建书屋三十个。\n";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].where.start.line == 3);
  BOOST_TEST(f[1].where.start.line == 5);
  // A paragraph that is the quotation and nothing more does not make it a
  // repeat of the body.
  BOOST_TEST(run_rules(kRule, "“乡村书屋工程”\n\n会议部署了今年的重点工作。\n\n“乡村书屋工程”\n").empty());
}

BOOST_AUTO_TEST_CASE(staff_boxes_and_caption_runs_are_judged_line_by_line) {
  const std::string text = "全县召开推进会，部署今年的重点工作。\n\n江州日报\n编辑：李岚\n责任编辑：周航\n\n"
                           "- ①县第一中学新校区\n- ②乡村书屋开放日\n\n会议要求各乡镇压实责任。\n";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 4u);
  BOOST_TEST(f[0].message == "版面署名|编辑：李岚");
  BOOST_TEST(f[0].where.start.line == 4);
  BOOST_TEST(f[1].message == "版面署名|责任编辑：周航");
  BOOST_TEST(f[2].message == "图片说明|- ①县第一中学新校区");
  BOOST_TEST(f[3].where.start.line == 8);
  // Each deletion takes its own line only.
  BOOST_REQUIRE(f[0].fix);
  BOOST_TEST(text.substr(f[0].fix->begin, f[0].fix->end - f[0].fix->begin) == "编辑：李岚\n");
}

BOOST_AUTO_TEST_CASE(page_markers_inside_paragraphs_and_running_heads) {
  const std::string text = "政府工作报告\n\n（上接第一版）全市经济稳中有进，居民收入持续增长。\n\n"
                           "各项社会事业全面进步，民生保障更加有力。（下转第三版）\n";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 3u);
  BOOST_TEST(f[0].message == "页眉|政府工作报告");
  BOOST_TEST(f[1].message == "转版标记|（上接第一版）");
  BOOST_TEST(f[2].message == "转版标记|（下转第三版）");
  // The marker goes, the sentence stays.
  BOOST_REQUIRE(f[1].fix);
  BOOST_TEST(f[1].fix->replacement.empty());
  BOOST_TEST(text.substr(f[1].fix->begin, f[1].fix->end - f[1].fix->begin) == "（上接第一版）");
  // A heading above an ordinary paragraph is no running head; a bracket
  // that merely mentions a page is no marker.
  BOOST_TEST(run_rules(kRule, "政府工作报告\n\n全市经济稳中有进，居民收入持续增长。\n").empty());
  BOOST_TEST(run_rules(kRule, "详见通知（见第三版）。各项社会事业全面进步。\n").empty());
}

BOOST_AUTO_TEST_CASE(bold_markup_in_plain_text_is_unwrapped_not_deleted) {
  const std::string text = "全年城镇新增就业**2.1万**人，托育机构**187**余家。\n";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].message == "残留的Markdown加粗标记|**2.1万**");
  BOOST_TEST(f[1].message == "残留的Markdown加粗标记|**187**");
  BOOST_REQUIRE(f[0].fix);
  BOOST_TEST(f[0].fix->replacement == "2.1万");
  BOOST_TEST(!f[0].fix->safe());
  // Asterisks that are not a pair around Chinese text stay.
  BOOST_TEST(run_rules(kRule, "注：带*号的指标为快报数。\n").empty());
}

BOOST_AUTO_TEST_CASE(captions_floating_in_their_own_box) {
  // Two blank lines or more on both sides, one sentence: a caption pasted
  // with its box's spacing.
  const std::string text = "全县召开推进会，部署今年的重点工作。\n\n\n\n走访慰问，关爱暖心。\n\n\n\n会议要求各乡镇压实责任。\n";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "图片说明|走访慰问，关爱暖心。");
  // One blank line apart it is a paragraph (家国清明，天地同春。 ends many a
  // news story); a headline has no full stop.
  BOOST_TEST(run_rules(kRule, "全县召开推进会。\n\n走访慰问，关爱暖心。\n\n会议要求各乡镇压实责任。\n").empty());
  BOOST_TEST(run_rules(kRule, "全县召开推进会。\n\n\n\n走访慰问 关爱暖心\n\n\n\n会议要求各乡镇压实责任。\n").empty());
}

BOOST_AUTO_TEST_SUITE_END()
