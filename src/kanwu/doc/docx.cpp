#include "kanwu/doc/docx.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <map>

#include "kanwu/doc/classify.h"
#include "kanwu/doc/docx_layout.h"
#include "kanwu/doc/docx_package.h"
#include "kanwu/doc/xml_names.h"
#include "kanwu/doc/odt.h"
#include "kanwu/engine/suppress.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/decode.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

using xml::local;
using xml::child;
using xml::attribute;

constexpr std::string_view kLineBreak = "\u2028";  // w:br inside a paragraph
// Real documents nest tables in tables and runs in links in content
// controls a handful of levels deep; far deeper is a crafted file, refused
// rather than followed down the stack.
constexpr int kMaxDepth = 64;

// XML 1.0 allows no NUL, no other C0 control but tab, line feed and
// carriage return, no surrogate and neither U+FFFE nor U+FFFF, so a
// character reference to one (&#0;) is malformed; pugixml decodes it all
// the same, and a decoded NUL ended the text of its element there, losing
// the rest. Such references become a space (what a control character in a
// w:t becomes anyway) or U+FFFD, so the text around them is kept. Returns
// the bytes unchanged when there is none (the usual case: one scan).
void replace_forbidden_references(std::string& bytes) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t at = bytes.find("&#"); at != std::string::npos; at = bytes.find("&#", at + 2)) {
    std::size_t i = at + 2;
    const bool hex = i < bytes.size() && (bytes[i] == 'x' || bytes[i] == 'X');
    if (hex) ++i;
    const std::size_t digits = i;
    unsigned long code = 0;
    for (; i < bytes.size() && i - digits < 16; ++i) {
      const char c = bytes[i];
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) break;
      code = std::min<unsigned long>(code * (hex ? 16 : 10) + static_cast<unsigned long>(d), 0x110000);
    }
    if (i == digits || i >= bytes.size() || bytes[i] != ';') continue;  // not a reference: pugixml says so
    const bool control = code < 0x20 && code != 0x9 && code != 0xA && code != 0xD;
    const bool other = (code >= 0xD800 && code <= 0xDFFF) || code == 0xFFFE || code == 0xFFFF || code > 0x10FFFF;
    if (!control && !other) continue;
    out.append(bytes, copied, at - copied);
    out += control ? " " : "\uFFFD";
    copied = i + 1;
  }
  if (copied == 0) return;
  out.append(bytes, copied, std::string::npos);
  bytes = std::move(out);
}

void parse_xml(const std::string& path, const std::string& part, std::string& bytes, pugi::xml_document& doc,
               unsigned extra_options = 0) {
  replace_forbidden_references(bytes);
  // Whitespace-only text is kept when it is an element's only content:
  // <w:t xml:space="preserve"> </w:t> is a real space.
  // (parse_ws_pcdata_single would win over a parse_ws_pcdata asked for.)
  unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single | extra_options;
  if (extra_options & pugi::parse_ws_pcdata) options &= ~pugi::parse_ws_pcdata_single;
  const pugi::xml_parse_result r = doc.load_buffer_inplace(bytes.data(), bytes.size(), options);
  if (!r)
    throw InputError(path, fmt::format("damaged Word document: malformed XML in {} at byte offset {}: {}", part,
                                       r.offset, r.description()));
}

bool heading_name(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "title" || lower == "subtitle") return true;
  for (std::string_view prefix : {"heading", "标题"}) {
    if (!std::string_view(lower).starts_with(prefix)) continue;
    std::string_view rest = std::string_view(lower).substr(prefix.size());
    while (rest.starts_with(' ')) rest.remove_prefix(1);
    return !rest.empty() && std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  return false;
}

// Paragraph styles from word/styles.xml: which make a paragraph a heading.
class Styles {
 public:
  void load(pugi::xml_node root) {
    for (pugi::xml_node s = root.first_child(); s; s = s.next_sibling()) {
      if (local(s.name()) != "style" || attribute(s, "type") != "paragraph") continue;
      Style& style = styles_[std::string(attribute(s, "styleId"))];
      style.name = attribute(child(s, "name"), "val");
      style.based_on = attribute(child(s, "basedOn"), "val");
      const std::string_view level = attribute(child(child(s, "pPr"), "outlineLvl"), "val");
      if (!level.empty()) style.outline = std::atoi(std::string(level).c_str());
    }
  }

  // A style is a heading by its outline level (0-8; 9 is body text), else
  // by its name ("heading 1", WPS's "标题 1"), else by the style it is
  // based on, as Word inherits them.
  bool heading(const std::string& id, int depth = 0) const {
    const auto it = styles_.find(id);
    if (it == styles_.end()) return heading_name(id);  // no styles.xml: ids are "Heading1"
    const Style& s = it->second;
    if (s.outline >= 0) return s.outline < 9;
    if (heading_name(s.name)) return true;
    return !s.based_on.empty() && depth < kMaxDepth && heading(s.based_on, depth + 1);
  }

 private:
  struct Style {
    std::string name, based_on;
    int outline = -1;
  };
  std::map<std::string, Style> styles_;
};

// Walks WordprocessingML, writing the accepted text one line per paragraph.
class Extractor {
 public:
  // `pieces`, when given, receives where each character came from.
  Extractor(const std::string& path, const Styles& styles, std::vector<WordPiece>* pieces = nullptr)
      : path_(path), styles_(styles), pieces_(pieces) {}

  // Block-level content: paragraphs, and everything that holds them
  // (tables, rows, cells, content controls), in reading order.
  void blocks(pugi::xml_node node, int depth) {
    if (depth > kMaxDepth) throw InputError(path_, "damaged Word document: its XML is nested too deeply");
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = local(c.name());
      if (name == "p") {
        paragraph(c, depth);
      } else if (name == "tr" && child(child(c, "trPr"), "del")) {
        continue;  // a deleted table row
      } else if (!(name == "del" || name == "moveFrom" || name == "sectPr" || name.ends_with("Pr") ||
                   name == "tblGrid" || name == "altChunk")) {
        blocks(c, depth + 1);
      }
    }
  }

  // Footnotes are numbered as Word numbers them: in the order the body
  // first refers to them. Unreferenced ones are not shown by Word either.
  void footnotes(pugi::xml_node root) {
    std::map<std::string, pugi::xml_node> by_id;
    for (pugi::xml_node f = root.first_child(); f; f = f.next_sibling())
      if (local(f.name()) == "footnote" && (attribute(f, "type").empty() || attribute(f, "type") == "normal"))
        by_id.emplace(attribute(f, "id"), f);  // not the separators
    if (!line_.empty()) end_line(false);  // the body's last paragraph mark was deleted
    const std::vector<std::string> refs = std::move(footnote_refs_);
    for (const std::string& id : refs) {
      const auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      ++footnote_;
      number_ = 0;
      blocks(it->second, 0);
      by_id.erase(it);  // a second reference to the same note adds nothing
    }
  }

  bool referred_to_footnotes() const { return !footnote_refs_.empty(); }

  WordText finish() {
    if (!line_.empty()) end_line(false);  // text whose paragraph mark was deleted, at the very end
    return std::move(out_);
  }

 private:
  void paragraph(pugi::xml_node p, int depth) {
    inlines(p, depth + 1);
    const pugi::xml_node props = child(p, "pPr");
    // A deleted paragraph mark joins this paragraph to the next, as
    // accepting the change in Word does.
    if (child(child(props, "rPr"), "del")) return;
    const std::string_view level = attribute(child(props, "outlineLvl"), "val");
    const bool heading = !level.empty() ? std::atoi(std::string(level).c_str()) < 9
                                        : styles_.heading(std::string(attribute(child(props, "pStyle"), "val")));
    end_line(heading);
  }

  void end_line(bool heading) {
    out_.text += line_;
    out_.text += '\n';
    out_.paragraphs.push_back({++number_, footnote_, heading});
    line_.clear();
  }

  void inlines(pugi::xml_node node, int depth) {
    if (depth > kMaxDepth) throw InputError(path_, "damaged Word document: its XML is nested too deeply");
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = local(c.name());
      const std::size_t before = line_.size();
      if (name == "t") {
        text(c.child_value());
      } else if (name == "tab" || name == "ptab") {
        line_ += '\t';
      } else if (name == "br") {
        // Page and column breaks move text, they do not break the line.
        const std::string_view type = attribute(c, "type");
        if (type != "page" && type != "column") line_ += kLineBreak;
      } else if (name == "cr") {
        line_ += kLineBreak;
      } else if (name == "noBreakHyphen") {
        line_ += '-';
      } else if (name == "sym") {
        symbol(attribute(c, "char"));
      } else if (name == "footnoteReference") {
        if (footnote_ == 0) footnote_refs_.emplace_back(attribute(c, "id"));
        continue;
      } else if (!(name == "del" || name == "moveFrom" || name == "delText" || name == "instrText" ||
                   name.ends_with("Pr") || name == "drawing" || name == "pict" || name == "object" ||
                   name == "Fallback" || name == "txbxContent" || name == "p")) {
        // Runs, insertions, moves in, links, fields, content controls.
        // Deletions and moves out are skipped (the accepted text), and so
        // are drawings and text boxes (their text is not in the flow of the
        // paragraph) and AlternateContent's fallback (a copy of its choice).
        inlines(c, depth + 1);
        continue;
      }
      record(c, before, name == "t" && line_.size() - before == std::strlen(c.child_value()));
    }
  }

  // The characters just added to the line came from `node`; `divisible`:
  // byte for byte (a w:t of valid UTF-8), so an offset inside them is an
  // offset inside the node's text.
  void record(pugi::xml_node node, std::size_t line_before, bool divisible) {
    if (!pieces_ || line_.size() == line_before) return;
    const std::size_t at = out_.text.size();
    pieces_->push_back({at + line_before, at + line_.size(), node, divisible});
  }

  // Characters of a w:t, kept on one line: a stray line feed or control
  // character becomes a space, bytes that are not UTF-8 become U+FFFD.
  void text(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      char32_t c;
      const int len = utf8::decode(s, i, c);
      if (len == 0) {
        line_ += "\uFFFD";
        ++i;
        continue;
      }
      if ((c < 0x20 && c != '\t') || c == 0x7F) line_ += ' ';
      else line_.append(s.substr(i, static_cast<std::size_t>(len)));
      i += static_cast<std::size_t>(len);
    }
  }

  // w:sym names a character of a symbol font in hex. Fonts like Wingdings
  // put theirs in the private use area (F0xx), which means nothing as text:
  // those stand as U+FFFC, one character that no rule reads as prose.
  void symbol(std::string_view hex) {
    unsigned long code = 0;
    try {
      code = std::stoul(std::string(hex), nullptr, 16);
    } catch (const std::exception&) {
      return;
    }
    if (code < 0x20 || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return;
    if (code >= 0xE000 && code <= 0xF8FF) code = 0xFFFC;
    utf8::append(line_, static_cast<char32_t>(code));
  }

  const std::string& path_;
  const Styles& styles_;
  std::vector<WordPiece>* pieces_;
  WordText out_;
  std::string line_;
  int number_ = 0;    // paragraphs so far in the body or the current footnote
  int footnote_ = 0;  // the footnote being read, 0 in the body
  std::vector<std::string> footnote_refs_;
};

std::pair<std::size_t, std::size_t> trimmed(std::string_view line) {
  const auto space = [](char32_t c) { return chars::is_space(c) || c == 0x2028; };
  std::size_t b = 0, e = line.size();
  char32_t c;
  while (b < e) {
    const int len = utf8::decode(line, b, c);
    if (len == 0 || !space(c)) break;
    b += static_cast<std::size_t>(len);
  }
  while (e > b) {
    const std::size_t p = utf8::previous(line, e);
    if (utf8::decode(line, p, c) == 0 || !space(c)) break;
    e = p;
  }
  return {b, e};
}

}  // namespace

bool is_docx(std::string_view path) {
  if (path.size() < 5) return false;
  std::string ext(path.substr(path.size() - 5));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".docx";
}

bool is_word_document(std::string_view path) { return is_docx(path) || is_odf_text(path); }

WordText extract_word_text(const std::string& path, std::string_view bytes) {
  if (is_odf_text(path)) return extract_odt_text(path, bytes);
  WordPackage package(path, bytes);
  std::string styles = package.has("word/styles.xml") ? package.read("word/styles.xml") : "";
  std::string document = package.read("word/document.xml");
  std::string footnotes = package.has("word/footnotes.xml") ? package.read("word/footnotes.xml") : "";
  return extract_word_xml(path, std::move(document), std::move(styles), std::move(footnotes));
}

WordText extract_word_xml(const std::string& path, std::string document, std::string styles, std::string footnotes) {
  pugi::xml_document style_doc, body_doc, note_doc;
  if (!styles.empty()) parse_xml(path, "word/styles.xml", styles, style_doc);
  parse_xml(path, "word/document.xml", document, body_doc);
  // The footnotes are parsed only when the body refers to one; a damaged
  // footnotes.xml no paragraph uses is no error (as before the layout).
  const bool refers = !footnotes.empty() && body_doc.find_node([](pugi::xml_node n) {
    return n.type() == pugi::node_element && local(n.name()) == "footnoteReference";
  });
  if (refers) parse_xml(path, "word/footnotes.xml", footnotes, note_doc);
  return lay_out_word_xml(path, body_doc, style_doc, note_doc, nullptr);
}

WordText lay_out_word_xml(const std::string& path, const pugi::xml_document& document,
                          const pugi::xml_document& styles, const pugi::xml_document& footnotes,
                          std::vector<WordPiece>* pieces) {
  Styles style_table;
  if (styles.document_element()) style_table.load(styles.document_element());
  Extractor extractor(path, style_table, pieces);
  const pugi::xml_node body = child(document.document_element(), "body");
  if (local(document.document_element().name()) != "document" || !body)
    throw InputError(path, "not a Word document: word/document.xml has no document body");
  extractor.blocks(body, 0);
  if (extractor.referred_to_footnotes() && footnotes.document_element())
    extractor.footnotes(footnotes.document_element());
  return extractor.finish();
}

void parse_word_part(const std::string& path, const std::string& part, std::string& bytes, pugi::xml_document& doc,
                     bool all_whitespace) {
  parse_xml(path, part, bytes, doc,
            pugi::parse_declaration | pugi::parse_pi | pugi::parse_comments | (all_whitespace ? pugi::parse_ws_pcdata : 0));
}

std::vector<Block> parse_word_lines(const SourceText& source, const std::vector<WordParagraph>& paragraphs) {
  std::vector<Block> blocks;
  for (int line = 1; line <= source.line_count(); ++line) {
    const std::string_view text = source.line_text(line);
    const auto [b, e] = trimmed(text);
    if (b == e || is_directive_line(text)) continue;
    const std::size_t start = source.line_start(line);
    BlockBuilder builder;
    for (std::size_t i = b; i < e;) {
      std::size_t br = text.find(kLineBreak, i);
      if (br == std::string_view::npos || br > e) br = e;
      if (br > i) builder.verbatim(text.substr(i, br - i), start + i);
      if (br == e) break;
      builder.replaced("\n", start + br, kLineBreak.size());
      i = br + kLineBreak.size();
    }
    Block block = builder.finish(start, start + text.size(), line, line);
    const auto index = static_cast<std::size_t>(line - 1);
    const bool heading = index < paragraphs.size() && paragraphs[index].heading;
    block.kind = heading ? BlockKind::Heading : classify_block(block.text);
    block.kind_from_markup = heading;
    blocks.push_back(std::move(block));
  }
  return blocks;
}

}  // namespace kanwu
