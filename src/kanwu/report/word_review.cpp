#include "kanwu/report/word_review.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <sstream>

#include "kanwu/doc/docx_edit.h"
#include "kanwu/doc/docx_layout.h"
#include "kanwu/doc/docx_package.h"
#include "kanwu/fix/apply.h"
#include "kanwu/report/html_style.h"
#include "kanwu/text/decode.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

constexpr std::string_view kAuthor = "kanwu";
constexpr const char* kMainNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kCommentsType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
constexpr const char* kCommentsContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
constexpr const char* kRelationships = "word/_rels/document.xml.rels";
constexpr const char* kContentTypes = "[Content_Types].xml";

// One part read and parsed in place (the bytes must live as long as the
// tree): written back only if changed.
struct Part {
  std::string name;
  std::string bytes;
  pugi::xml_document xml;
};

void load(WordPackage& package, const std::string& path, Part& part) {
  part.bytes = package.read(part.name);
  parse_word_part(path, part.name, part.bytes, part.xml);
}

std::string serialize(const pugi::xml_document& xml) {
  std::ostringstream out;
  xml.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

// The largest number any id="…" attribute of these parts holds (w:id of
// comments, changes, bookmarks, notes): new annotations count from above
// it, so none collides whatever kind of id the producer shared.
long largest_id(std::string_view xml) {
  long largest = 0;
  for (std::size_t at = xml.find("id=\""); at != std::string_view::npos; at = xml.find("id=\"", at + 4)) {
    long value = 0;
    std::size_t i = at + 4;
    for (; i < xml.size() && xml[i] >= '0' && xml[i] <= '9' && value < 1'000'000'000; ++i) value = value * 10 + (xml[i] - '0');
    if (i < xml.size() && xml[i] == '"') largest = std::max(largest, value);
  }
  return largest;
}

// A byte offset into the extracted text for a finding's position.
std::size_t offset_of(const std::vector<std::size_t>& line_starts, std::string_view text, const Position& at) {
  if (at.line < 1 || static_cast<std::size_t>(at.line) > line_starts.size()) return text.size();
  const std::size_t start = line_starts[static_cast<std::size_t>(at.line - 1)];
  if (at.byte_column > 0) return std::min(text.size(), start + static_cast<std::size_t>(at.byte_column - 1));
  std::size_t i = start;
  for (int column = 1; column < at.column && i < text.size() && text[i] != '\n'; ++column) i += static_cast<std::size_t>(std::max(1, utf8::sequence_length(text[i])));
  return i;
}

std::vector<std::size_t> line_starts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' && i + 1 < text.size()) starts.push_back(i + 1);
  return starts;
}

std::string_view severity_label(Severity severity) {
  switch (severity) {
    case Severity::Error: return html::kErrorLabel;
    case Severity::Warning: return html::kWarningLabel;
    default: return html::kInfoLabel;
  }
}

// Another place in words: 第3段, 脚注2第1段, or in another draft a.docx第3段.
std::string place_in_words(const Location& at, const std::string& path) {
  if (at.file != path) return brief_place(at);
  if (at.footnote > 0) return fmt::format("脚注{}第{}段", at.footnote, at.paragraph);
  if (at.paragraph > 0) return fmt::format("第{}段", at.paragraph);
  return fmt::format("第{}行", at.start.line);
}

enum class FixShown { None, Tracked, NotPlaced, Suggestion };

// `footnote`: the number of the footnote the finding is in, whose
// characters `in_footnote` are quoted (its comment sits on the footnote's
// mark in the body).
std::vector<std::string> comment_lines(const Finding& f, const std::string& path, FixShown fix, int footnote,
                                       const std::string& in_footnote) {
  std::vector<std::string> lines;
  if (footnote > 0) lines.push_back(fmt::format("脚注{}“{}”处：", footnote, in_footnote));
  lines.push_back(fmt::format("{}［{}］{}", severity_label(f.severity), f.rule, f.message));
  for (const RelatedLocation& r : f.related)
    lines.push_back(fmt::format("相关：{}{}{}", place_in_words(r.where, path), r.message.empty() ? "" : "，",
                                r.message));
  if (fix == FixShown::Tracked)
    lines.push_back(fmt::format("{}：{}（已标为修订，可接受或拒绝）", html::kSafeFixLabel, f.fix->describe()));
  else if (fix == FixShown::NotPlaced)
    lines.push_back(fmt::format("{}：{}（未能标为修订，请手工修改）", html::kSafeFixLabel, f.fix->describe()));
  else if (fix == FixShown::Suggestion)
    lines.push_back(fmt::format("{}：{}（未改动原文，请斟酌）", html::kSuggestionLabel, f.fix->describe()));
  return lines;
}

void append_comment(pugi::xml_node comments, long id, const std::vector<std::string>& lines,
                    const std::string& date) {
  const std::string w = name_prefix(comments.name()).empty() ? "w:" : name_prefix(comments.name());
  const std::string e = name_prefix(comments.name());
  pugi::xml_node comment = comments.append_child((e + "comment").c_str());
  comment.append_attribute((w + "id").c_str()) = std::to_string(id).c_str();
  comment.append_attribute((w + "author").c_str()) = std::string(kAuthor).c_str();
  comment.append_attribute((w + "date").c_str()) = date.c_str();
  comment.append_attribute((w + "initials").c_str()) = "KW";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    pugi::xml_node p = comment.append_child((e + "p").c_str());
    if (i == 0) p.append_child((e + "r").c_str()).append_child((e + "annotationRef").c_str());
    pugi::xml_node t = p.append_child((e + "r").c_str()).append_child((e + "t").c_str());
    t.append_attribute("xml:space") = "preserve";
    t.text().set(lines[i].c_str());
  }
}

// The comments part the document's relationships name, or a new one they
// are made to name (with its content type).
class CommentsPart {
 public:
  CommentsPart(WordPackage& package, const std::string& path) {
    rels_.name = kRelationships;
    types_.name = kContentTypes;
    load(package, path, types_);
    if (package.has(rels_.name)) load(package, path, rels_);
    else rels_.xml.append_child("Relationships").append_attribute("xmlns") =
        "http://schemas.openxmlformats.org/package/2006/relationships";
    for (pugi::xml_node r : rels_.xml.document_element().children())
      if (std::string_view(r.attribute("Type").value()) == kCommentsType && !r.attribute("TargetMode"))
        part_.name = resolve(r.attribute("Target").value());
    if (!part_.name.empty() && package.has(part_.name)) {
      load(package, path, part_);
    } else {
      fresh_ = true;
      if (part_.name.empty()) part_.name = unused_name(package);
      pugi::xml_node declaration = part_.xml.append_child(pugi::node_declaration);
      declaration.append_attribute("version") = "1.0";
      declaration.append_attribute("encoding") = "UTF-8";
      declaration.append_attribute("standalone") = "yes";
      part_.xml.append_child("w:comments").append_attribute("xmlns:w") = kMainNamespace;
    }
  }

  pugi::xml_node root() { return part_.xml.document_element(); }

  // The parts to write: the comments, and what must now name them.
  void write(std::map<std::string, std::string>& parts) {
    parts[part_.name] = serialize(part_.xml);
    if (!fresh_) return;
    if (!has_relationship()) add_relationship();
    parts[rels_.name] = serialize(rels_.xml);
    if (!has_override()) {
      pugi::xml_node o = types_.xml.document_element().append_child("Override");
      o.append_attribute("PartName") = ("/" + part_.name).c_str();
      o.append_attribute("ContentType") = kCommentsContentType;
      parts[types_.name] = serialize(types_.xml);
    }
  }

 private:
  static std::string resolve(std::string_view target) {
    if (target.starts_with('/')) return std::string(target.substr(1));
    return "word/" + std::string(target);
  }

  static std::string unused_name(const WordPackage& package) {
    for (int n = 0;; ++n) {
      std::string name = n == 0 ? "word/comments.xml" : fmt::format("word/comments{}.xml", n);
      if (!package.has(name)) return name;
    }
  }

  bool has_relationship() {
    for (pugi::xml_node r : rels_.xml.document_element().children())
      if (std::string_view(r.attribute("Type").value()) == kCommentsType && resolve(r.attribute("Target").value()) == part_.name)
        return true;
    return false;
  }

  void add_relationship() {
    long largest = 0;
    for (pugi::xml_node r : rels_.xml.document_element().children()) {
      const std::string_view id = r.attribute("Id").value();
      if (id.starts_with("rId")) largest = std::max(largest, std::atol(std::string(id.substr(3)).c_str()));
    }
    pugi::xml_node r = rels_.xml.document_element().append_child("Relationship");
    r.append_attribute("Id") = fmt::format("rId{}", largest + 1).c_str();
    r.append_attribute("Type") = std::string(kCommentsType).c_str();
    r.append_attribute("Target") = part_.name.substr(5).c_str();  // relative to word/
  }

  bool has_override() {
    for (pugi::xml_node o : types_.xml.document_element().children())
      if (std::string_view(o.attribute("PartName").value()) == "/" + part_.name) return true;
    return false;
  }

  Part part_, rels_, types_;
  bool fresh_ = false;
};

// An unprefixed WordprocessingML root gets xmlns:w, so that the attributes
// written (w:id, w:author) are in its namespace.
void declare_attribute_prefix(pugi::xml_document& xml) {
  pugi::xml_node root = xml.document_element();
  if (!name_prefix(root.name()).empty() || root.attribute("xmlns:w")) return;
  root.append_attribute("xmlns:w") = root.attribute("xmlns").value();
}

struct Placement {
  std::size_t begin = 0, end = 0;
  int footnote = 0;  // the finding is in this footnote (its number as Word shows it)
};

std::string_view local_name(const char* name) {
  const std::string_view s(name);
  const std::size_t colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

// The runs holding each footnote's first reference mark in the body, by
// the footnote's number (Word numbers them in the order the body refers to
// them; references in deleted text do not count, as in docx.cpp).
std::vector<pugi::xml_node> footnote_reference_runs(const pugi::xml_document& document) {
  std::vector<pugi::xml_node> runs;
  std::vector<std::string> seen;
  const auto deleted = [](pugi::xml_node n) {
    for (pugi::xml_node a = n.parent(); a; a = a.parent())
      if (local_name(a.name()) == "del" || local_name(a.name()) == "moveFrom") return true;
    return false;
  };
  for (pugi::xpath_node x : document.select_nodes("//*[local-name()='footnoteReference']")) {
    const pugi::xml_node ref = x.node();
    std::string id;
    for (pugi::xml_attribute a = ref.first_attribute(); a; a = a.next_attribute())
      if (local_name(a.name()) == "id") id = a.value();
    if (deleted(ref) || std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
    seen.push_back(id);
    runs.push_back(ref.parent());
  }
  return runs;
}

}  // namespace

std::string word_review_date() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::string reviewed_word_path(const std::string& path) {
  const std::size_t dot = path.rfind('.');
  const std::size_t slash = path.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return path + ".kanwu.docx";
  return path.substr(0, dot) + ".kanwu" + path.substr(dot);
}

namespace {

// One comment to write: a finding of this document (with its fix), or the
// place in this document another draft's finding names (related).
struct Note {
  const Finding* finding = nullptr;
  const RelatedLocation* related = nullptr;
  Placement span;
  long id = 0;
  bool fix_planned = false;  // a safe fix --fix would apply, its ends cut
};

// A review being written: the parts read, the text laid out, the notes.
class Reviewer {
 public:
  Reviewer(const std::string& path, std::string_view bytes, const std::string& date)
      : path_(path), bytes_(bytes), date_(date), package_(path, bytes), author_{std::string(kAuthor), date, 1} {}

  WordReview run(const std::vector<const Finding*>& findings) {
    load();
    CommentsPart comments(package_, path_);
    WordEditor editor(std::move(pieces_), author_);
    std::vector<Note> notes = notes_for(findings);
    plan_fixes(notes, editor);
    anchor(notes, editor);
    WordReview review;
    for (Note& note : notes) write_note(note, editor, comments.root(), review);
    std::map<std::string, std::string> parts;
    parts[document_.name] = serialize(document_.xml);
    if (footnotes_changed_) parts[footnotes_.name] = serialize(footnotes_.xml);
    comments.write(parts);
    review.bytes = replace_word_parts(path_, bytes_, parts);
    return review;
  }

 private:
  void load() {
    for (const std::string& name : package_.names())
      if (name.ends_with(".xml") && name.starts_with("word/"))
        author_.next_id = std::max(author_.next_id, largest_id(package_.read(name)) + 1);
    ::kanwu::load(package_, path_, document_);
    if (package_.has(styles_.name)) ::kanwu::load(package_, path_, styles_);
    if (package_.has(footnotes_.name)) ::kanwu::load(package_, path_, footnotes_);
    declare_attribute_prefix(document_.xml);
    if (footnotes_.xml.document_element()) declare_attribute_prefix(footnotes_.xml);
    text_ = lay_out_word_xml(path_, document_.xml, styles_.xml, footnotes_.xml, &pieces_);
    starts_ = line_starts(text_.text);
    first_footnote_ = text_.text.size();
    for (std::size_t i = 0; i < text_.paragraphs.size() && i < starts_.size(); ++i)
      if (text_.paragraphs[i].footnote > 0) {
        first_footnote_ = starts_[i];
        break;
      }
  }

  Placement placement(const Location& where) const {
    Placement s{offset_of(starts_, text_.text, where.start), offset_of(starts_, text_.text, where.end), 0};
    s.end = std::max(s.begin, s.end);
    const auto line = static_cast<std::size_t>(where.start.line - 1);
    if (s.begin >= first_footnote_ && line < text_.paragraphs.size()) s.footnote = text_.paragraphs[line].footnote;
    return s;
  }

  // This document's findings, and the places in it that findings in other
  // drafts name (a figure that disagrees across drafts is seen from both).
  std::vector<Note> notes_for(const std::vector<const Finding*>& findings) const {
    std::vector<Note> notes;
    for (const Finding* f : findings) {
      if (f->where.file == path_) notes.push_back({f, nullptr, placement(f->where)});
      else
        for (const RelatedLocation& r : f->related)
          if (r.where.file == path_) notes.push_back({f, &r, placement(r.where)});
    }
    return notes;
  }

  // The safe fixes --fix would apply: overlapping ones are left out as
  // apply_fixes leaves them, so accepting every change gives its text.
  void plan_fixes(std::vector<Note>& notes, WordEditor& editor) const {
    std::vector<const Finding*> safe;
    for (const Note& n : notes)
      if (!n.related && n.finding->fix && n.finding->fix->safe()) safe.push_back(n.finding);
    std::vector<const Finding*> applied = apply_fixes(text_.text, safe).applied;
    std::sort(applied.begin(), applied.end());
    for (const Note& n : notes) editor.cut(n.span.begin), editor.cut(n.span.end);
    for (Note& n : notes)
      if (!n.related && std::binary_search(applied.begin(), applied.end(), n.finding))
        n.fix_planned = editor.cut(n.finding->fix->begin) && editor.cut(n.finding->fix->end);
  }

  // LibreOffice (7.4) refuses a document with a comment inside a footnote:
  // a footnote's findings are commented on its mark in the body instead.
  void anchor(std::vector<Note>& notes, WordEditor& editor) {
    const std::vector<pugi::xml_node> marks = footnote_reference_runs(document_.xml);
    for (Note& n : notes) {
      n.id = author_.next_id++;
      const int note = n.span.footnote;
      if (note > 0 && static_cast<std::size_t>(note) <= marks.size())
        editor.anchor_comment_around(marks[static_cast<std::size_t>(note - 1)], n.id);
      else if (note == 0)
        editor.anchor_comment(n.span.begin, n.span.end, n.id);
    }
  }

  FixShown change(const Note& n, WordEditor& editor, WordReview& review) {
    const Finding& f = *n.finding;
    if (!f.fix || n.related) return FixShown::None;
    if (!f.fix->safe()) return FixShown::Suggestion;
    if (n.fix_planned && editor.track_change(f.fix->begin, f.fix->end, f.fix->replacement)) {
      ++review.changes;
      footnotes_changed_ = footnotes_changed_ || f.fix->begin >= first_footnote_;
      return FixShown::Tracked;
    }
    review.unplaced.push_back(&f);
    return FixShown::NotPlaced;
  }

  void write_note(const Note& n, WordEditor& editor, pugi::xml_node comments, WordReview& review) {
    const FixShown shown = change(n, editor, review);
    const std::string quoted = text_.text.substr(n.span.begin, n.span.end - n.span.begin);
    std::vector<std::string> lines = comment_lines(*n.finding, path_, shown, n.span.footnote, quoted);
    if (n.related) {
      // Only the finding's first line, then what this place is to it.
      lines.resize(n.span.footnote > 0 ? 2 : 1);
      lines.push_back(fmt::format("{}（问题见{}）", n.related->message.empty() ? "此处" : n.related->message,
                                  brief_place(n.finding->where)));
    }
    append_comment(comments, n.id, lines, date_);
    ++review.comments;
  }

  const std::string& path_;
  std::string_view bytes_;
  const std::string& date_;
  WordPackage package_;
  WordAuthor author_;
  Part document_{"word/document.xml", {}, {}}, styles_{"word/styles.xml", {}, {}},
      footnotes_{"word/footnotes.xml", {}, {}};
  std::vector<WordPiece> pieces_;
  WordText text_;
  std::vector<std::size_t> starts_;
  std::size_t first_footnote_ = 0;
  bool footnotes_changed_ = false;
};

}  // namespace

WordReview review_word_document(const std::string& path, std::string_view bytes,
                                const std::vector<const Finding*>& findings, const std::string& date) {
  const bool concerned = std::any_of(findings.begin(), findings.end(), [&](const Finding* f) {
    return f->where.file == path ||
           std::any_of(f->related.begin(), f->related.end(), [&](const RelatedLocation& r) { return r.where.file == path; });
  });
  if (!concerned) return {std::string(bytes), 0, 0, {}};
  return Reviewer(path, bytes, date).run(findings);
}

}  // namespace kanwu
