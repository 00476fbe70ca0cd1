#include <boost/test/unit_test.hpp>

#include "helpers.h"
#include "kanwu/doc/classify.h"
#include "kanwu/doc/parse.h"
#include "kanwu/nlp/segment.h"

using namespace kanwu;
using kanwu::test::make_doc;

namespace {
std::string source_of(const Document& d, const Block& b, std::size_t begin, std::size_t end) {
  const std::size_t s = b.map.to_source(begin), e = b.map.to_source_end(end);
  return std::string(d.source().text().substr(s, e - s));
}

// The same blocks, in the same order, mapped to the same source bytes.
void require_same_blocks(const Document& one, const Document& many) {
  BOOST_REQUIRE(many.blocks().size() == one.blocks().size());
  for (std::size_t b = 0; b < one.blocks().size(); ++b) {
    const Block& x = one.blocks()[b];
    const Block& y = many.blocks()[b];
    BOOST_TEST_REQUIRE(x.text == y.text);
    BOOST_TEST_REQUIRE((x.kind == y.kind && x.first_line == y.first_line && x.last_line == y.last_line &&
                        x.source_begin == y.source_begin && x.source_end == y.source_end));
    for (std::size_t at = 0; at <= x.text.size(); ++at)
      BOOST_TEST_REQUIRE(x.map.to_source(at) == y.map.to_source(at));
  }
}
}  // namespace

BOOST_AUTO_TEST_SUITE(document)

BOOST_AUTO_TEST_CASE(plain_text_splits_on_blank_lines_and_trims_indentation) {
  const Document d = make_doc("　　第一段第一行\n第一段第二行。\n \n\n　　第二段。\n");
  BOOST_REQUIRE(d.blocks().size() == 2u);
  BOOST_TEST(d.blocks()[0].text == "第一段第一行\n第一段第二行。");
  BOOST_TEST(d.blocks()[0].first_line == 1);
  BOOST_TEST(d.blocks()[0].last_line == 2);
  BOOST_TEST(d.blocks()[1].text == "第二段。");
  const Location loc = d.locate(d.blocks()[1], 0, 3);  // "第二"… begins after "　　"
  BOOST_TEST(loc.start.line == 5);
  BOOST_TEST(loc.start.column == 3);
}

// Text pasted from web pages puts one paragraph on each line; hard-wrapped
// prose ends lines anywhere and stays one block; a run of list lines stays one.
BOOST_AUTO_TEST_CASE(plain_text_with_one_paragraph_per_line) {
  const Document per_line = make_doc("一、总体要求\n全年经济平稳运行。\n就业形势总体稳定。\n物价保持平稳：\n");
  BOOST_TEST(per_line.blocks().size() == 4u);
  BOOST_TEST(per_line.blocks()[1].first_line == 2);
  const Document wrapped = make_doc("全年经济平稳运行，就业形势\n总体稳定，物价保持平稳，\n居民收入持续增长。\n");
  BOOST_TEST(wrapped.blocks().size() == 1u);
  const Document list = make_doc("- ①学校全部采用信息化教学设施。\n- ②新城小学举行升旗仪式。\n");
  BOOST_TEST(list.blocks().size() == 1u);
}

BOOST_AUTO_TEST_CASE(markdown_strips_markup_but_keeps_exact_positions) {
  const Document d = make_doc("# 标题 **粗体**\n\n正文，*强调*文字\\*转义&amp;实体\n第二行\n\n- 列表项,一\n", "a.md");
  BOOST_REQUIRE(d.blocks().size() == 3u);
  BOOST_TEST(d.blocks()[0].kind == BlockKind::Heading);
  BOOST_TEST(d.blocks()[0].text == "标题 粗体");
  BOOST_TEST(d.blocks()[1].text == "正文，强调文字*转义&实体\n第二行");
  BOOST_TEST(d.blocks()[2].kind == BlockKind::ListItem);
  const Block& para = d.blocks()[1];
  const auto at = para.text.find("文字");
  BOOST_TEST(source_of(d, para, at, at + 6) == "文字");
  const Location loc = d.locate(para, at, at + 6);
  BOOST_TEST(loc.start.line == 3);
  BOOST_TEST(loc.start.column == 8);  // 正文，*强调* = 7 code points before
  const auto line2 = para.text.find("第二行");
  BOOST_TEST(d.locate(para, line2, line2 + 3).start.line == 4);
  const Block& item = d.blocks()[2];
  BOOST_TEST(d.locate(item, item.text.find(','), item.text.find(',') + 1).start.column == 6);
}

BOOST_AUTO_TEST_CASE(markdown_skips_code_and_html) {
  const Document d = make_doc("```\n新建建\n```\n\n<!-- 注释 -->\n\n正文。\n", "b.md");
  BOOST_REQUIRE(d.blocks().size() == 1u);
  BOOST_TEST(d.blocks()[0].text == "正文。");
}

BOOST_AUTO_TEST_CASE(a_large_markdown_document_parses_the_same_on_several_threads) {
  // Over 256 KB, the file is parsed in pieces (cut at its headings) or,
  // with no heading to cut at, its blocks are built on several threads.
  for (const std::string heading : {"## 第", "**第"}) {
    std::string text;
    for (int i = 0; i < 2000; ++i)
      text += heading + std::to_string(i) + "节 **要点**\n\n正文，*强调*文字\\*转义&amp;实体\n第二行\n\n- 列表项,一\n- 列表项二\n\n"
              "> 引用段落" + std::to_string(i) + "\n\n```\n代码\n```\n\n";
    BOOST_REQUIRE(text.size() > 256u * 1024);
    const Document one(SourceText("big.md", text), DocumentFormat::Markdown, 1);
    const Document three(SourceText("big.md", text), DocumentFormat::Markdown, 3);
    BOOST_REQUIRE(one.blocks().size() == 10000u);
    require_same_blocks(one, three);
    BOOST_TEST(three.blocks()[9999].text == "引用段落1999");
  }
  // A large file with no blocks at all (blank lines, link definitions only).
  const Document blank(SourceText("blank.md", std::string(300000, '\n')), DocumentFormat::Markdown, 2);
  BOOST_TEST(blank.blocks().empty());
  std::string refs;
  while (refs.size() < 300000) refs += "[r" + std::to_string(refs.size()) + "]: http://example.com/\n";
  const Document definitions(SourceText("refs.md", refs), DocumentFormat::Markdown, 2);
  BOOST_TEST(definitions.blocks().empty());
}


BOOST_AUTO_TEST_CASE(a_large_markdown_file_is_cut_only_where_nothing_continues) {
  // Cut at headings on the margin after a blank line; never inside fenced
  // code, HTML blocks, or when link definitions may serve links elsewhere.
  BOOST_TEST(markdown_cut_points("# 一\n\n正文。\n\n# 二\n\n正文。\n", 2) == std::vector<std::size_t>{18});
  BOOST_TEST(markdown_cut_points("# 一\n\n```\n\n# 代码\n```\n\n# 二\n", 2) == std::vector<std::size_t>{26});
  BOOST_TEST(markdown_cut_points("# 一\n\n<!--\n\n# 注释\n-->\n\n# 二\n", 2) == std::vector<std::size_t>{27});
  BOOST_TEST(markdown_cut_points("# 一\n\n<PRE>\n\n# 预排\n</pre>\n\n# 二\n", 2) == std::vector<std::size_t>{31});
  BOOST_TEST(markdown_cut_points("# 一\n正文\n# 二\n\n    # 缩进\n", 2).empty());
  BOOST_TEST(markdown_cut_points("# 一\n\n[甲]: http://example.com\n\n# 二\n", 2).empty());
  // Whatever the pieces, the blocks are those of the whole: constructs that
  // hide a heading-like line, and ones that end before one.
  const std::string hidden[] = {
      "<!--\n\n# 注释里的标题\n\n-->\n", "~~~~\n\n# 代码里的标题\n~~~\n\n# 还在代码里\n~~~~\n",
      "<pre>\n\n# 预排文字\n</pre>\n", "- 列表项\n\n  ```\n  代码\n\n# 列表后的标题\n\n正文。\n",
      "> ```\n> 引用里的代码\n\n# 引用后的标题\n", "```甲`乙\n\n# 不是代码\n", "<div>\n\n# 块后\n</div>\n",
      "    # 缩进代码\n\n# 标题\n\n正文，*强调*与`代码`。\n"};
  std::string text;
  for (int i = 0; text.size() < 600u * 1024; ++i)
    text += "# 第" + std::to_string(i) + "节\n\n正文" + std::to_string(i) + "，全年增长6.1%。\n\n" + hidden[i % 8] + "\n";
  const Document one(SourceText("cuts.md", text), DocumentFormat::Markdown, 1);
  for (const unsigned threads : {2u, 3u, 4u})
    require_same_blocks(one, Document(SourceText("cuts.md", text), DocumentFormat::Markdown, threads));
  // An unclosed fence near a cut: the pieces are thrown away, the whole parsed.
  std::string open_fence = text;
  open_fence.insert(open_fence.size() / 2, "\n```\n");
  require_same_blocks(Document(SourceText("open.md", open_fence), DocumentFormat::Markdown, 1),
                      Document(SourceText("open.md", open_fence), DocumentFormat::Markdown, 2));
}

// A numbered point of a report opens with an enumerator and Han text; a
// number with a decimal point, a year or a plain sentence does not.
BOOST_AUTO_TEST_CASE(tells_a_numbered_point_by_its_enumerator) {
  BOOST_TEST(opens_with_enumerator("三、深入改革经济体制和扩大对外开放"));
  BOOST_TEST(opens_with_enumerator("第二、既要搞活经济，又要加强管理。要健全制度"));
  BOOST_TEST(opens_with_enumerator("（四）坚持对外开放"));
  BOOST_TEST(opens_with_enumerator("　　2.严控会议数量。"));
  BOOST_TEST(!opens_with_enumerator("2.5微米以下的颗粒物"));
  BOOST_TEST(!opens_with_enumerator("2025年，全市地区生产总值增长5%。"));
  BOOST_TEST(!opens_with_enumerator("我们，要坚持对外开放。"));
  BOOST_TEST(!opens_with_enumerator("三"));
}

BOOST_AUTO_TEST_CASE(classifies_newspaper_blocks) {
  BOOST_TEST(classify_block("持续增进民生福祉 奋力写好民生答卷") == BlockKind::Heading);
  BOOST_TEST(classify_block("【通辽·社会】") == BlockKind::Heading);
  BOOST_TEST(classify_block("□李长生 斯琴") == BlockKind::Byline);
  BOOST_TEST(classify_block("本报记者 康桂君") == BlockKind::Byline);
  BOOST_TEST(classify_block("□文/通辽日报记者 王晓飞\n图/通辽日报记者 张启民") == BlockKind::Byline);
  BOOST_TEST(classify_block("（作者系自治区宏观经济研究中心副主任）") == BlockKind::Byline);
  BOOST_TEST(classify_block("通辽科技馆。 郭洪申 摄") == BlockKind::Caption);
  BOOST_TEST(classify_block("航拍镜头下的呼和浩特。 本报记者 王磊 摄") == BlockKind::Caption);
  BOOST_TEST(classify_block("在呼伦贝尔市的长者食堂，工作人员为老人发餐。（自治区民政厅供图）") ==
             BlockKind::Caption);
  BOOST_TEST(classify_block("66") == BlockKind::Furniture);
  BOOST_TEST(classify_block("(下转第三版)") == BlockKind::Furniture);
  BOOST_TEST(classify_block("2021年7月1日 星期四") == BlockKind::Furniture);
  BOOST_TEST(classify_block("庆祝中国共产党成立100周年\nThe 100th Anniversary of the Founding of\n"
                            "The Communist Party of China") == BlockKind::Furniture);
  BOOST_TEST(classify_block("执行主编：卓娜\n版式策划：卓娜\n责任编辑：蔡冬梅") == BlockKind::Furniture);
  BOOST_TEST(classify_block("天下之大，黎元为先。") == BlockKind::Body);
  BOOST_TEST(classify_block("不断促进就业创业，改善创业环境，劳动者") == BlockKind::Body);
  BOOST_TEST(classify_block("实现网上预约挂号医院9所，开") == BlockKind::Body);
}

BOOST_AUTO_TEST_CASE(sentences_do_not_end_at_opening_quotes) {
  const std::string text = "就业是民生之本。“十四五”期间，通辽市坚持就业优先。下一句！";
  const auto spans = split_sentences(text);
  BOOST_REQUIRE(spans.size() == 3u);
  BOOST_TEST(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "就业是民生之本。");
  BOOST_TEST(text.substr(spans[1].begin, spans[1].end - spans[1].begin) ==
             "“十四五”期间，通辽市坚持就业优先。");
}

BOOST_AUTO_TEST_CASE(sentences_are_cached_per_block) {
  const Document d = make_doc("甲。乙。\n\n丙。");
  const auto& first = d.sentences(0);
  BOOST_TEST(first.size() == 2u);
  BOOST_TEST(&d.sentences(0) == &first);
  BOOST_TEST(d.sentences(1).size() == 1u);
}

BOOST_AUTO_TEST_CASE(word_segmentation_and_join_test) {
  auto& words = WordSegmenter::for_this_thread();
  const std::string text = "新建建各类管网";
  const auto tokens = words.tokenize(text);
  BOOST_REQUIRE(tokens.size() >= 3u);
  BOOST_TEST(text.substr(tokens[0].begin, tokens[0].size()) == "新建");
  BOOST_TEST(tokens[0].is_ideographic_word());
  BOOST_TEST(words.joins_into_word("同时，积", "极开展"));
  BOOST_TEST(!words.joins_into_word("劳动者", "就业创业"));
}

BOOST_AUTO_TEST_SUITE_END()
