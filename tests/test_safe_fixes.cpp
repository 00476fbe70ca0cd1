// Safe fixes never damage a file (issue 22): the bundled rules' safe fixes,
// applied as --fix applies them, on documents of our own that hold what
// scraped and hand-written files hold: front matter, changelog entries,
// URLs, code, links, HTML and characters the scraper lost.
#include <boost/test/unit_test.hpp>

#include "helpers.h"
#include "kanwu/doc/parse.h"
#include "kanwu/fix/apply.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {

const RuleSet& bundled_rules() {
  static const RuleSet rules = load_rules({source_dir() + "/rules"});
  return rules;
}

std::vector<Finding> check_text(const std::string& path, const std::string& text) {
  std::vector<Document> docs;
  docs.push_back(make_doc(text, path));
  return check_documents(bundled_rules().pointers(), docs).findings;
}

// The text after one --fix (safe fixes only).
std::string fixed(const std::string& path, const std::string& text) {
  const auto findings = check_text(path, text);
  std::vector<const Finding*> fixes;
  for (const auto& f : findings)
    if (f.fix && f.fix->safe()) fixes.push_back(&f);
  return apply_fixes(text, fixes).fixed;
}

std::size_t count_rule(const std::vector<Finding>& findings, const std::string& rule) {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == rule; }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(safe_fixes)

BOOST_AUTO_TEST_CASE(front_matter_is_found_only_when_closed_at_the_top) {
  BOOST_TEST(front_matter_end("---\ntitle: 教程\n---\n正文") == 22u);
  BOOST_TEST(front_matter_end("+++\ntitle = \"教程\"\n+++\r\n正文") == 26u);
  BOOST_TEST(front_matter_end("---\ntitle: 教程\n...\n正文") == 22u);
  BOOST_TEST(front_matter_end("---\n没有结束的分隔线后的正文,") == 0u);
  BOOST_TEST(front_matter_end("正文\n---\nkey: 值\n---\n") == 0u);
}

BOOST_AUTO_TEST_CASE(front_matter_is_never_rewritten) {
  const std::string yaml = "---\ntitle: 教程:入门\ntags: [前端, 教程]\n---\n\n# 入门\n\n先安装,再运行。\n";
  BOOST_TEST(fixed("a.md", yaml) == "---\ntitle: 教程:入门\ntags: [前端, 教程]\n---\n\n# 入门\n\n先安装，再运行。\n");
  const std::string toml = "+++\ntitle = \"教程:入门,一\"\n+++\n\n先安装,再运行。\n";
  BOOST_TEST(fixed("b.md", toml) == "+++\ntitle = \"教程:入门,一\"\n+++\n\n先安装，再运行。\n");
  // Findings lie after the front matter, on the lines the file has.
  const auto findings = check_text("a.md", yaml);
  BOOST_REQUIRE(count_rule(findings, "punctuation-width") == 1u);
  for (const auto& f : findings) BOOST_TEST(f.where.start.line >= 5, f.rule << " on line " << f.where.start.line);
}

BOOST_AUTO_TEST_CASE(latin_tokens_before_a_colon_keep_it) {
  const std::string log = "- feat: 新增导出功能\n- fix: 修复登录问题,感谢反馈\n- 用户ID:甲乙丙\n- 编号ID: 甲乙丙\n";
  BOOST_TEST(fixed("CHANGELOG.md", log) ==
             "- feat: 新增导出功能\n- fix: 修复登录问题，感谢反馈\n- 用户ID:甲乙丙\n- 编号ID: 甲乙丙\n");
  BOOST_TEST(fixed("n.txt", "访问http://示例.中国/页面获取。\n") == "访问http://示例.中国/页面获取。\n");
  // A colon after Chinese is still widened.
  BOOST_TEST(fixed("n.txt", "主要任务:稳增长。\n") == "主要任务：稳增长。\n");
}

BOOST_AUTO_TEST_CASE(code_links_and_html_attributes_are_never_rewritten) {
  const std::string md =
      "调用`a:b,中文`接口,见[说明](/路径/文件:中文,说明)和<span title=\"中文,标题\">提示</span>。\n\n"
      "```\n配置:开启,关闭\n```\n";
  BOOST_TEST(fixed("c.md", md) ==
             "调用`a:b,中文`接口，见[说明](/路径/文件:中文,说明)和<span title=\"中文,标题\">提示</span>。\n\n"
             "```\n配置:开启,关闭\n```\n");
}

BOOST_AUTO_TEST_CASE(a_lost_character_is_reported_never_fixed) {
  for (const std::string text : {"副局长王?平介绍了情况。\n", "副局长王??平介绍了情况。\n",
                                 "李\xEF\xBF\xBD明同志主持会议。\n", "检出?\xEF\xBF\xBD菌。\n"}) {
    const auto findings = check_text("n.txt", text);
    BOOST_TEST(count_rule(findings, "lost-character") == 1u, text);
    BOOST_TEST(count_rule(findings, "punctuation-width") == 0u, text);
    BOOST_TEST(fixed("n.txt", text) == text);
  }
  // A question mark after a question particle is still one.
  const std::string question = "你知道吗?我们明天出发。\n";
  BOOST_TEST(count_rule(check_text("n.txt", question), "lost-character") == 0u);
  BOOST_TEST(fixed("n.txt", question) == "你知道吗？我们明天出发。\n");
}

BOOST_AUTO_TEST_CASE(a_width_fix_takes_the_space_after_the_new_mark) {
  BOOST_TEST(fixed("n.txt", "注意: Vue组件要先注册。\n") == "注意：Vue组件要先注册。\n");
  BOOST_TEST(fixed("n.txt", "就业: 2024年新增2万人。\n") == "就业：2024年新增2万人。\n");
  BOOST_TEST(fixed("n.txt", "会议指出, 要压实责任。\n") == "会议指出，要压实责任。\n");
  // One --fix leaves nothing for space-after-fullwidth.
  const std::string once = fixed("n.txt", "注意: 2024年起执行。\n");
  BOOST_TEST(count_rule(check_text("n.txt", once), "space-after-fullwidth") == 0u);
  // Spaces before a line break stay (two of them are a Markdown hard break).
  BOOST_TEST(fixed("d.md", "注意:  \n下一行。\n") == "注意：  \n下一行。\n");
}

BOOST_AUTO_TEST_SUITE_END()
