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

BOOST_AUTO_TEST_CASE(prose_and_markdown_structure_stay) {
  BOOST_TEST(run_rules(kRule, "编辑部提醒：来稿请注明联系方式，我们将在三个工作日内回复。").empty());
  BOOST_TEST(run_rules(kRule, "会议由副县长主持。\n\n会议部署了今年的重点工作。").empty());
  // In Markdown, bold and headings are markup, not debris; captions belong to images.
  BOOST_TEST(run_rules(kRule, {{"t.md", "## 会议纪要\n\n**重点**工作如下。\n\n县长讲话。本报记者 李州摄\n"}}).empty());
}

BOOST_AUTO_TEST_CASE(markdown_left_in_plain_text_and_latin_lines) {
  auto f = run_rules(kRule, "**全县召开推进会**\n\n会议部署了今年的重点工作，要求各乡镇压实责任，确保完成全年目标任务。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.starts_with("残留的Markdown标记|"));
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

BOOST_AUTO_TEST_SUITE_END()
