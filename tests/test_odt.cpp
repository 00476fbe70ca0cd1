// OpenDocument text (.odt): content.xml read as a Word document's text is,
// one line per paragraph, with ODF's white-space rules, tracked changes
// accepted, comments left out and footnotes after the body.
#include <boost/test/unit_test.hpp>

#include "helpers.h"
#include "kanwu/doc/docx.h"
#include "kanwu/doc/odt.h"
#include "word_zip.h"

using namespace kanwu;

namespace {

const std::string kNamespaces =
    R"(xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
    R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
    R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
    R"(xmlns:dc="http://purl.org/dc/elements/1.1/")";

std::string content(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " + kNamespaces +
         "><office:body><office:text>" + body + "</office:text></office:body></office:document-content>";
}

WordText read(const std::string& body) { return extract_odt_xml("d.odt", content(body)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(odt)

BOOST_AUTO_TEST_CASE(paragraphs_headings_spaces_tabs_and_breaks) {
  const WordText w = read(
      "<text:h text:outline-level=\"1\">标题</text:h>"
      "<text:p>  开头 <text:span>甲</text:span> <text:span>乙</text:span>\n  丙<text:s text:c=\"3\"/>丁"
      "<text:tab/>戊<text:line-break/>己</text:p><text:p/>");
  BOOST_TEST(w.text == "标题\n开头 甲 乙 丙   丁\t戊\u2028己\n\n");
  BOOST_REQUIRE_EQUAL(w.paragraphs.size(), 3u);
  BOOST_TEST(w.paragraphs[0].heading);
  BOOST_TEST(!w.paragraphs[1].heading);
  BOOST_TEST(w.paragraphs[2].number == 3);
}

BOOST_AUTO_TEST_CASE(tables_lists_changes_comments_and_footnotes) {
  const WordText w = read(
      "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion><office:change-info>"
      "<dc:creator>甲</dc:creator></office:change-info><text:p>删去的</text:p></text:deletion></text:changed-region>"
      "</text:tracked-changes>"
      "<text:p>正文<text:change text:change-id=\"c1\"/>保留<text:change-start text:change-id=\"c2\"/>插入"
      "<text:change-end text:change-id=\"c2\"/><office:annotation><dc:creator>乙</dc:creator><text:p>批注</text:p>"
      "</office:annotation>文字<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
      "<text:note-body><text:p>脚注,文字</text:p></text:note-body></text:note></text:p>"
      "<table:table><table:table-column/><table:table-row><table:table-cell><text:p>单元格</text:p></table:table-cell>"
      "</table:table-row></table:table><text:list><text:list-item><text:p>列表项</text:p></text:list-item></text:list>");
  BOOST_TEST(w.text == "正文保留插入文字\n单元格\n列表项\n脚注,文字\n");
  BOOST_REQUIRE_EQUAL(w.paragraphs.size(), 4u);
  BOOST_TEST(w.paragraphs[3].footnote == 1);
  BOOST_TEST(w.paragraphs[3].number == 1);
}

BOOST_AUTO_TEST_CASE(bad_files_are_input_errors) {
  const auto error_of = [](const std::string& bytes) -> std::string {
    try {
      extract_word_text("d.odt", bytes);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  };
  BOOST_TEST(error_of("plain text").find("not a Word document") != std::string::npos);
  BOOST_TEST(error_of(test::make_zip({{"mimetype", "application/vnd.oasis.opendocument.text"}}))
                 .find("content.xml is missing") != std::string::npos);
  BOOST_TEST(error_of(test::make_zip({{"content.xml", "<office:document-content"}})).find("malformed XML") !=
             std::string::npos);
  BOOST_TEST(error_of(test::make_zip({{"content.xml", "<x/>"}})).find("no office:text") != std::string::npos);
  BOOST_TEST(is_word_document("稿件.ODT"));
  BOOST_TEST(!is_docx("稿件.odt"));
}

BOOST_AUTO_TEST_CASE(a_finding_names_the_paragraph_as_in_a_word_document) {
  const std::string bytes = test::make_zip({{"content.xml", content("<text:p>第一段。</text:p><text:p>我们,他们。</text:p>")}});
  WordText w = extract_word_text("d.odt", bytes);
  const Document d(SourceText("d.odt", std::move(w.text)), std::move(w.paragraphs));
  BOOST_TEST((format_for_path("d.odt") == DocumentFormat::Word));
  BOOST_TEST(d.locate_source(d.source().text().find(','), d.source().text().find(',') + 1).paragraph == 2);
}

BOOST_AUTO_TEST_SUITE_END()
