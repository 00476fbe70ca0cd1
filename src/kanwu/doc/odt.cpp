#include "kanwu/doc/odt.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

#include "kanwu/doc/docx_layout.h"
#include "kanwu/doc/docx_package.h"
#include "kanwu/doc/xml_names.h"
#include "kanwu/text/decode.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

using xml::local;
using xml::child;
using xml::attribute;

constexpr std::string_view kLineBreak = "\u2028";  // text:line-break, as w:br in docx.h
constexpr int kMaxDepth = 64;

// Walks office:text. ODF collapses white space in a paragraph's text (a
// run of spaces, tabs and line ends is one space, none at the start);
// text:s, text:tab and text:line-break stand for the ones that count.
class OdtReader {
 public:
  explicit OdtReader(const std::string& path) : path_(path) {}

  void blocks(pugi::xml_node node, int depth) {
    if (depth > kMaxDepth) throw InputError(path_, "damaged OpenDocument file: its XML is nested too deeply");
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = local(c.name());
      if (name == "p" || name == "h") paragraph(c, name == "h", depth);
      else if (!(name == "tracked-changes" || name == "sequence-decls" || name == "forms" || name.ends_with("-decls") ||
                 name == "table-columns" || name == "table-column" || name == "annotation"))
        blocks(c, depth + 1);  // tables, rows, cells, lists, sections
    }
  }

  WordText finish() {
    // Footnotes after the body, numbered in the order they appear.
    std::vector<pugi::xml_node> notes = std::move(notes_);
    for (pugi::xml_node body : notes) {
      ++footnote_;
      number_ = 0;
      blocks(body, 0);
    }
    return std::move(out_);
  }

 private:
  void paragraph(pugi::xml_node p, bool heading, int depth) {
    line_.clear();
    space_pending_ = false;
    inlines(p, depth + 1);
    out_.text += line_;
    out_.text += '\n';
    out_.paragraphs.push_back({++number_, footnote_, heading});
  }

  void inlines(pugi::xml_node node, int depth) {
    if (depth > kMaxDepth) throw InputError(path_, "damaged OpenDocument file: its XML is nested too deeply");
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        text(c.value());
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = local(c.name());
      if (name == "s") {
        const int count = std::max(1, std::atoi(std::string(attribute(c, "c")).c_str()));
        flush_space();
        line_.append(static_cast<std::size_t>(std::min(count, 1000)), ' ');
      } else if (name == "tab") {
        flush_space();
        line_ += '\t';
      } else if (name == "line-break") {
        space_pending_ = false;
        line_ += kLineBreak;
      } else if (name == "note") {
        // The citation (its number) is not text; the body is a footnote
        // (endnotes are not read, as in Word documents).
        if (footnote_ == 0 && attribute(c, "note-class") != "endnote") notes_.push_back(child(c, "note-body"));
      } else if (!(name == "change" || name == "annotation" || name == "frame" || name == "note-citation" ||
                   name == "bookmark-ref" || name == "soft-page-break")) {
        inlines(c, depth + 1);  // spans, links, insertions (text:change-start … -end), fields
      }
    }
  }

  void flush_space() {
    if (space_pending_ && !line_.empty()) line_ += ' ';
    space_pending_ = false;
  }

  void text(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      char32_t c;
      const int len = utf8::decode(s, i, c);
      if (len == 0) {
        flush_space();
        line_ += "\uFFFD";
        ++i;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        space_pending_ = true;
      } else {
        flush_space();
        if (c < 0x20 || c == 0x7F) line_ += ' ';
        else line_.append(s.substr(i, static_cast<std::size_t>(len)));
      }
      i += static_cast<std::size_t>(len);
    }
  }

  const std::string& path_;
  WordText out_;
  std::string line_;
  bool space_pending_ = false;
  int number_ = 0;
  int footnote_ = 0;
  std::vector<pugi::xml_node> notes_;
};

}  // namespace

bool is_odf_text(std::string_view path) {
  if (path.size() < 4) return false;
  std::string ext(path.substr(path.size() - 4));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".odt";
}

WordText extract_odt_text(const std::string& path, std::string_view bytes) {
  WordPackage package(path, bytes);
  if (!package.has("content.xml"))
    throw InputError(path, "not an OpenDocument text: content.xml is missing from the archive");
  return extract_odt_xml(path, package.read("content.xml"));
}

WordText extract_odt_xml(const std::string& path, std::string content) {
  pugi::xml_document doc;
  parse_word_part(path, "content.xml", content, doc, true);
  const pugi::xml_node text = child(child(doc.document_element(), "body"), "text");
  if (local(doc.document_element().name()) != "document-content" || !text)
    throw InputError(path, "not an OpenDocument text: content.xml has no office:text");
  OdtReader reader(path);
  reader.blocks(text, 0);
  return reader.finish();
}

}  // namespace kanwu
