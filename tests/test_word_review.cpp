// The reviewed Word document (kanwu/report/word_review.h): comments on the
// exact characters of each finding, safe fixes as tracked changes whose
// acceptance gives --fix's text and whose rejection gives the draft back,
// formatting kept across split runs, the document's own comments and
// changes kept, and every other part of the package untouched.
#include <boost/test/unit_test.hpp>
#include <pugixml.hpp>

#include <map>
#include <set>
#include <sstream>

#include "helpers.h"
#include "kanwu/doc/docx.h"
#include "kanwu/fix/apply.h"
#include "kanwu/report/word_review.h"
#include "word_zip.h"

using namespace kanwu;
using test::document_xml;
using test::kNs;
using test::make_zip;
using test::Parts;
using test::read_zip;

namespace {

const std::string kDate = "2025-03-01T08:00:00Z";
const std::string kPath = "d.docx";

std::string p(const std::string& runs) { return "<w:p>" + runs + "</w:p>"; }
std::string r(const std::string& text, const std::string& props = "") {
  return "<w:r>" + (props.empty() ? "" : "<w:rPr>" + props + "</w:rPr>") + "<w:t xml:space=\"preserve\">" + text +
         "</w:t></w:r>";
}

Parts package(const std::string& body, Parts more = {}) {
  Parts parts = {{"[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
                 {"word/document.xml", document_xml(body)}};
  parts.insert(parts.end(), more.begin(), more.end());
  return parts;
}

std::string part(const Parts& parts, const std::string& name) {
  for (const auto& [n, data] : parts)
    if (n == name) return data;
  return "";
}

// A finding on bytes [begin, end) of the extracted text, with a fix of the
// same span when `replacement` is given.
Finding finding(const std::string& text, std::size_t begin, std::size_t end, const std::string& rule,
                const char* replacement = nullptr, FixSafety safety = FixSafety::Safe) {
  const SourceText source(kPath, text);
  Finding f;
  f.rule = rule;
  f.message = "消息：" + rule;
  f.where.file = kPath;
  f.where.start = source.position(begin);
  f.where.end = source.position(end);
  f.where.paragraph = f.where.start.line;
  if (replacement) f.fix = Fix{begin, end, replacement, f.where, safety};
  return f;
}

std::vector<const Finding*> pointers(const std::vector<Finding>& findings) {
  std::vector<const Finding*> out;
  for (const Finding& f : findings) out.push_back(&f);
  return out;
}

// As kanwu reads Word XML: a space alone in a w:t is text.
bool load(pugi::xml_document& doc, const std::string& xml) {
  return static_cast<bool>(doc.load_string(xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata_single));
}

std::string serialized(const pugi::xml_document& xml) {
  std::ostringstream out;
  xml.save(out, "", pugi::format_raw);
  return out.str();
}

std::vector<pugi::xml_node> all_named(pugi::xml_node root, const char* name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xpath_node n : root.select_nodes((std::string("//") + name).c_str())) out.push_back(n.node());
  return out;
}

void unwrap(pugi::xml_node wrapper) {
  for (pugi::xml_node c = wrapper.first_child(), next; c; c = next) {
    next = c.next_sibling();
    wrapper.parent().insert_move_before(c, wrapper);
  }
  wrapper.parent().remove_child(wrapper);
}

// Every change accepted, as Word's 接受所有修订 does: deletions dropped,
// insertions kept.
std::string accept_all(const std::string& xml) {
  pugi::xml_document doc;
  BOOST_REQUIRE(load(doc, xml));
  for (pugi::xml_node del : all_named(doc, "w:del")) del.parent().remove_child(del);
  for (pugi::xml_node ins : all_named(doc, "w:ins")) unwrap(ins);
  return serialized(doc);
}

// kanwu's changes rejected: its insertions dropped, its deletions restored.
std::string reject_kanwu(const std::string& xml) {
  pugi::xml_document doc;
  BOOST_REQUIRE(load(doc, xml));
  for (pugi::xml_node ins : all_named(doc, "w:ins[@w:author='kanwu']")) ins.parent().remove_child(ins);
  for (pugi::xml_node del : all_named(doc, "w:del[@w:author='kanwu']")) {
    for (pugi::xml_node t : all_named(del, "w:delText")) t.set_name("w:t");
    unwrap(del);
  }
  return serialized(doc);
}

std::string text_of(const std::string& document, const std::string& footnotes = "") {
  return extract_word_xml(kPath, document, "", footnotes).text;
}

// The characters each comment is anchored on, by id: markers put where the
// range starts and ends are found in the extracted text and taken out.
std::map<std::string, std::string> anchored(const std::string& xml) {
  pugi::xml_document doc;
  BOOST_REQUIRE(load(doc, xml));
  for (const char* kind : {"w:commentRangeStart", "w:commentRangeEnd"})
    for (pugi::xml_node mark : all_named(doc, kind)) {
      pugi::xml_node t = mark.parent().insert_child_before("w:r", mark).append_child("w:t");
      t.text().set((std::string(kind[14] == 'S' ? "\uE000" : "\uE001") + mark.attribute("w:id").value() + "\uE002").c_str());
    }
  const std::string text = text_of(serialized(doc));
  std::map<std::string, std::size_t> open;
  std::map<std::string, std::string> out;
  std::string plain;
  for (std::size_t i = 0; i < text.size();) {
    const bool start = text.compare(i, 3, "\uE000") == 0, end = text.compare(i, 3, "\uE001") == 0;
    if (!start && !end) {
      plain += text[i++];
      continue;
    }
    const std::size_t close = text.find("\uE002", i);
    const std::string id = text.substr(i + 3, close - i - 3);
    if (start) open[id] = plain.size();
    else out[id] = plain.substr(open[id]);
    i = close + 3;
  }
  return out;
}

struct Reviewed {
  WordReview review;
  Parts parts;
  std::string document;
};

Reviewed reviewed(const Parts& input, const std::vector<Finding>& findings) {
  Reviewed out;
  out.review = review_word_document(kPath, make_zip(input), pointers(findings), kDate);
  out.parts = read_zip(out.review.bytes);
  out.document = part(out.parts, "word/document.xml");
  return out;
}

// What --fix makes of the text: the safe fixes applied as apply_fixes does.
std::string fixed_text(const std::string& text, const std::vector<Finding>& findings) {
  std::vector<const Finding*> safe;
  for (const Finding& f : findings)
    if (f.fix && f.fix->safe()) safe.push_back(&f);
  return apply_fixes(text, safe).fixed;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(word_review)

BOOST_AUTO_TEST_CASE(comments_sit_on_the_characters_and_fixes_are_tracked) {
  const Parts input = package(p(r("过去一年，我们") + r(",他们", "<w:b/>") + r("共同努力。会议指出， 要压实责任。")));
  const std::string text = text_of(part(input, "word/document.xml"));
  BOOST_REQUIRE_EQUAL(text, "过去一年，我们,他们共同努力。会议指出， 要压实责任。\n");
  const std::size_t comma = text.find(','), they = text.find("他们"), space = text.find("， ");
  const std::vector<Finding> findings = {finding(text, comma, comma + 1, "punctuation-width", "，"),
                                         finding(text, they, they + 12, "span-across-runs"),
                                         finding(text, space, space + 4, "space-after-fullwidth", "，"),
                                         finding(text, 0, 6, "suggestion-only", "", FixSafety::Suggestion)};
  const Reviewed out = reviewed(input, findings);
  BOOST_TEST(out.review.comments == 4u);
  BOOST_TEST(out.review.changes == 2u);
  BOOST_TEST(out.review.unplaced.empty());
  std::set<std::string> spans;
  for (const auto& [id, chars] : anchored(reject_kanwu(out.document))) spans.insert(chars);
  BOOST_TEST((spans == std::set<std::string>{",", "他们共同", "， ", "过去"}));
  BOOST_TEST(text_of(accept_all(out.document)) == fixed_text(text, findings));
  BOOST_TEST(text_of(accept_all(out.document)) == "过去一年，我们，他们共同努力。会议指出，要压实责任。\n");
  BOOST_TEST(text_of(reject_kanwu(out.document)) == text);
  // The suggestion is a comment only: its text is still there when all is accepted.
  BOOST_TEST(out.document.find("<w:del w:id=\"") != std::string::npos);
  BOOST_TEST(out.document.find("w:author=\"kanwu\" w:date=\"" + kDate + "\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(split_runs_keep_their_formatting_on_both_sides) {
  const Parts input = package(p(r("我们,他们", "<w:b/><w:color w:val=\"FF0000\"/>")));
  const std::string text = text_of(part(input, "word/document.xml"));
  const std::size_t comma = text.find(',');
  const Reviewed out = reviewed(input, {finding(text, comma, comma + 1, "punctuation-width", "，")});
  pugi::xml_document doc;
  BOOST_REQUIRE(load(doc, out.document));
  // 我们 | deleted , | inserted ， | 他们: four runs, each bold and red.
  const auto runs = all_named(doc, "w:r[w:t or w:delText]");
  BOOST_REQUIRE_EQUAL(runs.size(), 4u);
  for (pugi::xml_node run : runs) {
    BOOST_TEST(run.child("w:rPr").child("w:b"));
    BOOST_TEST(run.child("w:rPr").child("w:color").attribute("w:val").value() == std::string("FF0000"));
  }
  BOOST_TEST(runs[1].parent().name() == std::string("w:del"));
  BOOST_TEST(runs[1].child("w:delText").text().get() == std::string(","));
  BOOST_TEST(runs[2].parent().name() == std::string("w:ins"));
}

BOOST_AUTO_TEST_CASE(insertions_deletions_and_unsplittable_fixes) {
  // A tab and a symbol are one character each that no run split can cut.
  const Parts input = package(p(r("甲乙丙") + "<w:r><w:tab/></w:r>" + r("丁戊") +
                                "<w:r><w:sym w:font=\"Symbol\" w:char=\"03B1\"/></w:r>" + r("己")));
  const std::string text = text_of(part(input, "word/document.xml"));
  BOOST_REQUIRE_EQUAL(text, "甲乙丙\t丁戊α己\n");
  const std::size_t tab = text.find('\t'), alpha = text.find("α");
  const std::vector<Finding> findings = {
      finding(text, 3, 3, "insert", "一"),                       // between 甲 and 乙
      finding(text, tab, tab + 1, "delete-tab", ""),             // a whole tab run
      finding(text, alpha + 1, alpha + 2, "inside-symbol", "β"),  // half of α: cannot be cut
  };
  const Reviewed out = reviewed(input, findings);
  BOOST_TEST(out.review.changes == 2u);
  BOOST_REQUIRE_EQUAL(out.review.unplaced.size(), 1u);
  BOOST_TEST(out.review.unplaced[0]->rule == "inside-symbol");
  BOOST_TEST(text_of(accept_all(out.document)) == "甲一乙丙丁戊α己\n");
  BOOST_TEST(text_of(reject_kanwu(out.document)) == text);
  BOOST_TEST(part(out.parts, "word/comments.xml").find("未能标为修订") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_fix_over_a_field_or_a_footnote_reference_is_a_comment_only) {
  const Parts input = package(p("<w:r><w:t>甲,</w:t><w:footnoteReference w:id=\"1\"/><w:t>乙</w:t></w:r>"));
  const std::string text = text_of(part(input, "word/document.xml"));
  BOOST_REQUIRE_EQUAL(text, "甲,乙\n");
  // The comma and 乙 with the reference between them: deleting both would
  // delete the footnote.
  const Reviewed out = reviewed(input, {finding(text, 3, 7, "over-reference", "，乙")});
  BOOST_TEST(out.review.changes == 0u);
  BOOST_TEST(out.review.unplaced.size() == 1u);
  BOOST_TEST(out.document.find("footnoteReference") != std::string::npos);
  BOOST_TEST(text_of(accept_all(out.document)) == text);
}

BOOST_AUTO_TEST_CASE(the_documents_own_comments_and_changes_stay_and_ids_do_not_collide) {
  const std::string body =
      p("<w:commentRangeStart w:id=\"0\"/>" + r("原有批注") + "<w:commentRangeEnd w:id=\"0\"/>"
        "<w:r><w:commentReference w:id=\"0\"/></w:r>"
        "<w:ins w:id=\"5\" w:author=\"张三\" w:date=\"2024-01-01T00:00:00Z\">" + r("插入,的") + "</w:ins>"
        "<w:del w:id=\"6\" w:author=\"张三\" w:date=\"2024-01-01T00:00:00Z\"><w:r><w:delText>删去</w:delText></w:r></w:del>" +
        r("其余文字。"));
  const std::string comments = "<w:comments " + kNs + "><w:comment w:id=\"0\" w:author=\"张三\"><w:p>" + r("旧批注") +
                               "</w:p></w:comment></w:comments>";
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" "
      "Target=\"comments.xml\"/></Relationships>";
  const Parts input = package(body, {{"word/_rels/document.xml.rels", rels}, {"word/comments.xml", comments}});
  const std::string text = text_of(part(input, "word/document.xml"));
  BOOST_REQUIRE_EQUAL(text, "原有批注插入,的其余文字。\n");
  const std::size_t comma = text.find(',');
  const Reviewed out = reviewed(input, {finding(text, comma, comma + 1, "punctuation-width", "，"),
                                        finding(text, 0, 6, "overlapping-the-old-comment")});
  BOOST_TEST(text_of(accept_all(out.document)) == "原有批注插入，的其余文字。\n");
  BOOST_TEST(part(out.parts, "word/comments.xml").find("旧批注") != std::string::npos);
  BOOST_TEST(part(out.parts, "word/_rels/document.xml.rels") == rels);  // already names the comments
  BOOST_TEST(out.document.find("w:author=\"张三\"") != std::string::npos);
  // Every id of a comment or change is used once.
  pugi::xml_document doc;
  BOOST_REQUIRE(load(doc, out.document));
  std::multiset<std::string> ids;
  for (const char* kind : {"w:ins", "w:del", "w:commentRangeStart"})
    for (pugi::xml_node n : all_named(doc, kind)) ids.insert(n.attribute("w:id").value());
  for (const std::string& id : ids) BOOST_TEST(ids.count(id) == 1u, "id " << id);
  BOOST_TEST(ids.size() == 7u);  // 0, 5 and 6; two comments, a deletion and an insertion
  const auto spans = anchored(reject_kanwu(out.document));
  BOOST_TEST(spans.at("0") == "原有批注");
}

BOOST_AUTO_TEST_CASE(every_other_entry_of_the_package_is_copied_as_it_was) {
  const std::string image("\x89PNG\r\n\x1a\n\0\0binary", 16);
  const Parts input = package(p(r("我们,他们")), {{"word/styles.xml", "<w:styles " + kNs + "/>"},
                                                  {"word/media/image1.png", image},
                                                  {"word/header1.xml", "<w:hdr " + kNs + ">" + p(r("页眉,文字")) + "</w:hdr>"},
                                                  {"docProps/core.xml", "<cp:coreProperties/>"}});
  const std::string text = text_of(part(input, "word/document.xml"));
  const Reviewed out = reviewed(input, {finding(text, 6, 7, "punctuation-width", "，")});
  std::vector<std::string> names;
  for (const auto& [name, data] : out.parts) {
    names.push_back(name);
    if (name == "word/document.xml" || name == "word/comments.xml" || name == "[Content_Types].xml" ||
        name == "word/_rels/document.xml.rels")
      continue;
    BOOST_TEST(data == part(input, name), name << " changed");
  }
  // In their order, the new parts after them.
  BOOST_TEST((names == std::vector<std::string>{"[Content_Types].xml", "word/document.xml", "word/styles.xml",
                                                "word/media/image1.png", "word/header1.xml", "docProps/core.xml",
                                                "word/_rels/document.xml.rels", "word/comments.xml"}));
  BOOST_TEST(part(out.parts, "[Content_Types].xml").find("/word/comments.xml") != std::string::npos);
  BOOST_TEST(part(out.parts, "word/_rels/document.xml.rels").find("Target=\"comments.xml\"") != std::string::npos);
  for (const auto& [name, data] : out.parts) {
    if (!name.ends_with(".xml") && !name.ends_with(".rels")) continue;
    pugi::xml_document doc;
    BOOST_TEST(static_cast<bool>(doc.load_buffer(data.data(), data.size())), name << " is not well-formed");
  }
}

BOOST_AUTO_TEST_CASE(a_finding_in_a_footnote_is_written_into_the_footnotes) {
  const std::string notes = "<w:footnotes " + kNs + "><w:footnote w:id=\"1\">" + p(r("资料来源,统计局")) +
                            "</w:footnote></w:footnotes>";
  const Parts input = package(p(r("正文") + "<w:r><w:footnoteReference w:id=\"1\"/></w:r>"),
                              {{"word/footnotes.xml", notes}});
  const std::string text = extract_word_xml(kPath, part(input, "word/document.xml"), "", notes).text;
  BOOST_REQUIRE_EQUAL(text, "正文\n资料来源,统计局\n");
  const std::size_t comma = text.find(',');
  const std::vector<Finding> findings = {finding(text, comma, comma + 1, "punctuation-width", "，")};
  const Reviewed out = reviewed(input, findings);
  const std::string footnotes = part(out.parts, "word/footnotes.xml");
  BOOST_TEST(footnotes.find("<w:delText xml:space=\"preserve\">,</w:delText>") != std::string::npos);
  BOOST_TEST(text_of(accept_all(out.document), accept_all(footnotes)) == fixed_text(text, findings));
  // The comment sits on the footnote's mark in the body (LibreOffice
  // refuses a document with a comment inside a footnote), quoting it.
  BOOST_TEST(footnotes.find("comment") == std::string::npos);
  BOOST_TEST(out.document.find("\"/><w:r><w:footnoteReference w:id=\"1\"/></w:r><w:commentRangeEnd w:id=\"") !=
             std::string::npos);
  BOOST_TEST(out.document.find("<w:commentRangeStart") < out.document.find("<w:footnoteReference"));
  BOOST_TEST(part(out.parts, "word/comments.xml").find("脚注1“,”处") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(runs_in_links_content_controls_and_others_insertions) {
  const Parts input = package(
      p("<w:hyperlink r:id=\"rId1\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
        r("链接,文字", "<w:u w:val=\"single\"/>") + "</w:hyperlink>" +
        "<w:sdt><w:sdtContent>" + r("控件,文字") + "</w:sdtContent></w:sdt>" +
        "<w:ins w:id=\"3\" w:author=\"李四\" w:date=\"2024-01-01T00:00:00Z\">" + r("插入,文字") + "</w:ins>"));
  const std::string text = text_of(part(input, "word/document.xml"));
  BOOST_REQUIRE_EQUAL(text, "链接,文字控件,文字插入,文字\n");
  std::vector<Finding> findings;
  for (std::size_t at = text.find(','); at != std::string::npos; at = text.find(',', at + 1))
    findings.push_back(finding(text, at, at + 1, "punctuation-width", "，"));
  const Reviewed out = reviewed(input, findings);
  BOOST_TEST(out.review.changes == 3u);
  BOOST_TEST(text_of(accept_all(out.document)) == "链接，文字控件，文字插入，文字\n");
  BOOST_TEST(text_of(reject_kanwu(out.document)) == text);
  std::set<std::string> spans;
  for (const auto& [id, chars] : anchored(reject_kanwu(out.document))) spans.insert(chars);
  BOOST_TEST((spans == std::set<std::string>{","}));
  // Deleting what another author inserted nests kanwu's deletion in theirs.
  BOOST_TEST(out.document.find("<w:ins w:id=\"3\" w:author=\"李四\" w:date=\"2024-01-01T00:00:00Z\">" + r("插入") +
                               "<w:commentRangeStart") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_document_in_the_default_namespace_gets_prefixed_attributes) {
  const std::string xml =
      "<document xmlns=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><body><p><r><t>甲,乙</t></r></p>"
      "</body></document>";
  const Parts input = {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", xml}};
  const std::string text = text_of(xml);
  const Reviewed out = reviewed(input, {finding(text, 3, 4, "punctuation-width", "，")});
  pugi::xml_document doc;
  BOOST_REQUIRE(load(doc, out.document));
  BOOST_TEST(doc.document_element().attribute("xmlns:w").value() ==
             std::string("http://schemas.openxmlformats.org/wordprocessingml/2006/main"));
  BOOST_TEST(out.document.find("<del w:id=\"") != std::string::npos);
  BOOST_TEST(text_of(out.document) == "甲，乙\n");  // (the reader takes insertions, skips deletions)
}

BOOST_AUTO_TEST_CASE(another_drafts_finding_is_a_comment_at_the_place_it_names_here) {
  const Parts input = package(p(r("资金增长16.4%。")));
  const std::string text = text_of(part(input, "word/document.xml"));
  const std::size_t figure = text.find("16.4%");
  Finding there = finding("第一行\n第二行\n增长15.4%。\n", 0, 0, "figure-conflict", "", FixSafety::Safe);
  there.fix.reset();
  there.where.file = "other.txt";
  there.where.paragraph = 0;
  there.message = "数据不一致";
  const Finding here = finding(text, figure, figure + 5, "unused");
  there.related.push_back({here.where, "此处为16.4%"});
  const Reviewed out = reviewed(input, {there});
  BOOST_TEST(out.review.comments == 1u);
  BOOST_TEST(out.review.changes == 0u);
  const auto spans = anchored(out.document);
  BOOST_REQUIRE_EQUAL(spans.size(), 1u);
  BOOST_TEST(spans.begin()->second == "16.4%");
  const std::string comments = part(out.parts, "word/comments.xml");
  BOOST_TEST(comments.find("数据不一致") != std::string::npos);
  BOOST_TEST(comments.find("此处为16.4%（问题见other.txt:1）") != std::string::npos, comments);
}

BOOST_AUTO_TEST_CASE(without_findings_the_bytes_are_the_documents) {
  const std::string bytes = make_zip(package(p(r("没有问题。"))));
  BOOST_TEST(review_word_document(kPath, bytes, {}, kDate).bytes == bytes);
}

BOOST_AUTO_TEST_CASE(overlapping_safe_fixes_are_placed_as_fix_places_them) {
  const Parts input = package(p(r("甲, 乙")));
  const std::string text = text_of(part(input, "word/document.xml"));
  const std::vector<Finding> findings = {finding(text, 3, 4, "first", "，"), finding(text, 3, 5, "second", "，")};
  const Reviewed out = reviewed(input, findings);
  BOOST_TEST(out.review.changes == 1u);
  BOOST_TEST(text_of(accept_all(out.document)) == fixed_text(text, findings));
}

BOOST_AUTO_TEST_CASE(the_reviewed_name_sits_beside_the_draft) {
  BOOST_TEST(reviewed_word_path("稿件/草稿.docx") == "稿件/草稿.kanwu.docx");
  BOOST_TEST(reviewed_word_path("a.b/draft") == "a.b/draft.kanwu.docx");
  BOOST_TEST(word_review_date().size() == 20u);
}

BOOST_AUTO_TEST_SUITE_END()
