// Word documents: the accepted text of hand-written WordprocessingML, one
// line per paragraph, and an InputError (never a crash) for a bad file.
// The archives are made with libzip here, so each case shows its XML.
#include <boost/test/unit_test.hpp>
#include <zip.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

#include "helpers.h"
#include "kanwu/doc/docx.h"
#include "word_zip.h"

using namespace kanwu;

namespace {

using test::document_xml;
using test::kNs;
using test::make_zip;
using test::Parts;

std::string word_zip(const std::string& body, const std::string& styles = "", const std::string& footnotes = "") {
  Parts parts = {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", document_xml(body)}};
  if (!styles.empty()) parts.emplace_back("word/styles.xml", "<w:styles " + kNs + ">" + styles + "</w:styles>");
  if (!footnotes.empty())
    parts.emplace_back("word/footnotes.xml", "<w:footnotes " + kNs + ">" + footnotes + "</w:footnotes>");
  return make_zip(parts);
}

std::string p(const std::string& runs, const std::string& props = "") {
  return "<w:p>" + (props.empty() ? "" : "<w:pPr>" + props + "</w:pPr>") + runs + "</w:p>";
}
std::string r(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }

Document word_document(const std::string& bytes) {
  WordText word = extract_word_text("d.docx", bytes);
  return Document(SourceText("d.docx", std::move(word.text)), std::move(word.paragraphs));
}

// The InputError message for `bytes`, or "" when they were read.
std::string error_of(const std::string& bytes) {
  try {
    extract_word_text("d.docx", bytes);
  } catch (const InputError& e) {
    BOOST_TEST(e.path() == "d.docx");
    return e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(docx)

BOOST_AUTO_TEST_CASE(one_line_per_paragraph_with_tabs_and_breaks) {
  const std::string body = p("<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>") + p("") +
                           p(r(" ")) + p(r("我们,他们") + "<w:r><w:br w:type=\"page\"/><w:t>。</w:t></w:r>");
  const WordText word = extract_word_text("d.docx", word_zip(body));
  BOOST_TEST(word.text == "甲\t乙\u2028丙\n\n \n我们,他们。\n");
  BOOST_REQUIRE(word.paragraphs.size() == 4u);
  BOOST_TEST(word.paragraphs[3].number == 4);
  BOOST_TEST(word.paragraphs[3].footnote == 0);

  const Document d = word_document(word_zip(body));
  BOOST_REQUIRE(d.blocks().size() == 2u);  // empty and blank paragraphs make no block
  BOOST_TEST(d.blocks()[0].text == "甲\t乙\n丙");
  const Location at = d.locate(d.blocks()[0], d.blocks()[0].text.find("丙"), d.blocks()[0].text.size());
  BOOST_TEST(at.start.line == 1);
  BOOST_TEST(at.start.column == 5);  // 甲, tab, 乙 and the line break are one character each
  BOOST_TEST(at.paragraph == 1);
  const Location comma = d.locate(d.blocks()[1], d.blocks()[1].text.find(","), d.blocks()[1].text.find(",") + 1);
  BOOST_TEST(comma.paragraph == 4);
  BOOST_TEST(comma.start.column == 3);
}

BOOST_AUTO_TEST_CASE(tracked_changes_read_as_accepted) {
  const std::string body =
      p(r("增长") + "<w:ins w:id=\"1\" w:author=\"编辑\">" + r("16.4%") + "</w:ins>" + "<w:del w:id=\"2\">" +
        "<w:r><w:delText>15.4%</w:delText></w:r></w:del>" + r("。")) +
      p("<w:moveFrom w:id=\"3\">" + r("旧处") + "</w:moveFrom>" + r("留下") + "<w:moveTo w:id=\"4\">" + r("新处") +
        "</w:moveTo>") +
      // A deleted paragraph mark joins this paragraph to the next one.
      p(r("前半"), "<w:rPr><w:del w:id=\"5\"/></w:rPr>") + p(r("后半")) +
      "<w:tbl><w:tr><w:trPr><w:del w:id=\"6\"/></w:trPr><w:tc>" + p(r("删除的行")) + "</w:tc></w:tr>" +
      "<w:tr><w:tc>" + p(r("留下的行")) + "</w:tc></w:tr></w:tbl>";
  const WordText word = extract_word_text("d.docx", word_zip(body));
  BOOST_TEST(word.text == "增长16.4%。\n留下新处\n前半后半\n留下的行\n");
  BOOST_TEST(word.paragraphs.size() == 4u);
}

BOOST_AUTO_TEST_CASE(headings_from_paragraph_styles) {
  const std::string styles =
      R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 2"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="My Part"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Based"><w:name w:val="Chapter"/><w:basedOn w:val="Heading1"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>)";
  const auto styled = [](const std::string& id, const std::string& text) {
    return p(r(text), "<w:pStyle w:val=\"" + id + "\"/>");
  };
  const std::string body = styled("Heading1", "全市经济运行情况") + styled("a3", "工业生产稳中有升") +
                           styled("Outline", "农业生产形势良好") + styled("Based", "服务业较快增长") +
                           p(r("消费市场持续回暖"), "<w:outlineLvl w:val=\"2\"/>") +
                           styled("Body", "全年全市生产总值比上年增长百分之五，经济运行总体平稳。") +
                           styled("Unknown", "居民收入稳步增长，城乡居民收入差距继续缩小。");
  const Document d = word_document(word_zip(body, styles));
  BOOST_REQUIRE(d.blocks().size() == 7u);
  for (std::size_t i = 0; i < 5; ++i) BOOST_TEST(d.blocks()[i].kind == BlockKind::Heading);
  BOOST_TEST(d.blocks()[5].kind == BlockKind::Body);
  BOOST_TEST(d.blocks()[6].kind == BlockKind::Body);
  // Without styles.xml, the built-in style ids still name headings.
  BOOST_TEST(word_document(word_zip(styled("Heading2", "二、工作安排"))).blocks()[0].kind == BlockKind::Heading);
}

BOOST_AUTO_TEST_CASE(tables_cell_by_cell_in_reading_order) {
  const std::string nested = "<w:tbl><w:tr><w:tc>" + p(r("内表")) + "</w:tc></w:tr></w:tbl>";
  const std::string body = p(r("表前")) + "<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:tc><w:tcPr/>" + p(r("甲1")) +
                           p(r("甲2")) + "</w:tc><w:tc>" + nested + p(r("乙")) + "</w:tc></w:tr><w:tr><w:tc>" +
                           p(r("丙")) + "</w:tc></w:tr></w:tbl>" + p(r("表后"));
  BOOST_TEST(extract_word_text("d.docx", word_zip(body)).text == "表前\n甲1\n甲2\n内表\n乙\n丙\n表后\n");
}

BOOST_AUTO_TEST_CASE(footnotes_after_the_body_numbered_as_referenced) {
  const auto ref = [](const std::string& id) {
    return "<w:r><w:footnoteReference w:id=\"" + id + "\"/></w:r>";
  };
  const std::string body = p(r("正文一") + ref("3")) + p(r("正文二") + ref("2"));
  const std::string notes =
      R"(<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>)"
      R"(<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>续</w:t></w:r></w:p></w:footnote>)"
      R"(<w:footnote w:id="1"><w:p><w:r><w:t>未引用的脚注</w:t></w:r></w:p></w:footnote>)"
      R"(<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 第二条</w:t></w:r></w:p></w:footnote>)"
      R"(<w:footnote w:id="3"><w:p><w:r><w:t>第一条</w:t></w:r></w:p><w:p><w:r><w:t>第一条续</w:t></w:r></w:p></w:footnote>)";
  const Document d = word_document(word_zip(body, "", notes));
  BOOST_TEST(d.source().text() == "正文一\n正文二\n第一条\n第一条续\n 第二条\n");
  BOOST_REQUIRE(d.blocks().size() == 5u);
  const Location second_para = d.locate(d.blocks()[3], 0, 3);
  BOOST_TEST(second_para.footnote == 1);
  BOOST_TEST(second_para.paragraph == 2);
  const Location note2 = d.locate(d.blocks()[4], 0, 3);
  BOOST_TEST(note2.footnote == 2);
  BOOST_TEST(note2.paragraph == 1);
  BOOST_TEST(note2.start.column == 2);  // after the space that follows the note mark
}

BOOST_AUTO_TEST_CASE(symbols_controls_and_drawings) {
  const std::string body =
      p("<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0B7\"/><w:sym w:char=\"2605\"/><w:sym w:char=\"zz\"/></w:r>" +
        r("甲&#10;乙") + "<w:r><w:instrText> PAGE </w:instrText></w:r>" +
        "<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r>" +
        "<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink>");
  BOOST_TEST(extract_word_text("d.docx", word_zip(body)).text == "\uFFFC★甲 乙链接\n");
}

BOOST_AUTO_TEST_CASE(bad_files_are_input_errors) {
  const std::string good = word_zip(p(r("正文。")));
  BOOST_TEST(error_of(good) == "");
  BOOST_TEST(error_of("") .find("not a Word document") != std::string::npos);
  BOOST_TEST(error_of("PK\x03\x04 not really").find("Word document") != std::string::npos);
  BOOST_TEST(error_of("plain text, not a zip").find("not a Word document") != std::string::npos);
  for (std::size_t cut : {good.size() / 2, good.size() - 10, std::size_t{30}})
    BOOST_TEST(error_of(good.substr(0, cut)).find("Word document") != std::string::npos);
  BOOST_TEST(error_of(make_zip({{"word/styles.xml", "<w:styles/>"}})).find("word/document.xml is missing") !=
             std::string::npos);
  BOOST_TEST(error_of(make_zip({{"word/document.xml", "<w:document><w:body><w:p>"}}))
                 .find("malformed XML in word/document.xml") != std::string::npos);
  BOOST_TEST(error_of(make_zip({{"word/document.xml", "<html/>"}})).find("no document body") != std::string::npos);
  std::string links, tables;
  for (int i = 0; i < 200; ++i) links = "<w:hyperlink>" + links + "</w:hyperlink>";
  BOOST_TEST(error_of(word_zip(p(links))).find("nested too deeply") != std::string::npos);
  for (int i = 0; i < 200; ++i) tables = "<w:tbl><w:tr><w:tc>" + tables + "</w:tc></w:tr></w:tbl>";
  BOOST_TEST(error_of(word_zip(tables)).find("nested too deeply") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(password_protected_and_legacy_word_files) {
  const std::string cfb = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(512, '\0');
  std::string encrypted = cfb;
  for (char c : std::string("EncryptedPackage")) encrypted += c, encrypted += '\0';
  BOOST_TEST(error_of(encrypted).find("password-protected") != std::string::npos);
  BOOST_TEST(error_of(cfb).find("Word 97-2003") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_zip_bomb_is_refused) {
  // 65 MB of spaces compress to a few kilobytes; the declared size is over
  // the limit, so nothing is inflated.
  const std::string xml = document_xml(p(r("正文")) + std::string(kMaxWordPartBytes + 1024, ' '));
  const std::string bomb = make_zip({{"word/document.xml", xml}});
  BOOST_TEST(bomb.size() < 1u << 20);
  BOOST_TEST(error_of(bomb).find("too large uncompressed") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
