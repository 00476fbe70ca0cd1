#include "kanwu/doc/docx_edit.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "kanwu/doc/xml_names.h"

namespace kanwu {

namespace {

using xml::local;

bool inside_formula(pugi::xml_node node) {
  for (pugi::xml_node a = node.parent(); a; a = a.parent())
    if (local(a.name()) == "oMath" || local(a.name()) == "oMathPara") return true;
  return false;
}

// The node markers and changes go beside: the run holding a piece, or for
// a formula its outermost element (nothing may be put inside OMML).
pugi::xml_node holder(pugi::xml_node piece) {
  pugi::xml_node run = piece.parent();
  for (pugi::xml_node a = run.parent(); a; a = a.parent())
    if (local(a.name()) == "oMath" || local(a.name()) == "oMathPara") run = a;
  return run;
}

pugi::xml_node insert(pugi::xml_node at, bool before, const std::string& name) {
  return before ? at.parent().insert_child_before(name.c_str(), at) : at.parent().insert_child_after(name.c_str(), at);
}

// Attributes are always prefixed: in WordprocessingML an unprefixed
// attribute is in no namespace (the reviewer adds xmlns:w where needed).
std::string attribute_prefix(pugi::xml_node element) {
  const std::string p = name_prefix(element.name());
  return p.empty() ? "w:" : p;
}

// Moves `child` and everything after it into a new run right after `run`,
// which gets a copy of the run's attributes and properties.
void split_run_before(pugi::xml_node run, pugi::xml_node child) {
  bool content_before = false;
  for (pugi::xml_node c = run.first_child(); c && c != child; c = c.next_sibling())
    if (local(c.name()) != "rPr") content_before = true;
  if (!child || !content_before) return;
  pugi::xml_node tail = run.parent().insert_child_after(run.name(), run);
  for (pugi::xml_attribute a = run.first_attribute(); a; a = a.next_attribute()) tail.append_copy(a);
  for (pugi::xml_node c = run.first_child(); c; c = c.next_sibling())
    if (local(c.name()) == "rPr") tail.append_copy(c);
  for (pugi::xml_node c = child, next; c; c = next) {
    next = c.next_sibling();
    tail.append_move(c);
  }
}

void set_text(pugi::xml_node t, std::string_view text) {
  pugi::xml_attribute space = t.attribute("xml:space");
  if (!space) space = t.append_attribute("xml:space");
  space.set_value("preserve");
  t.text().set(std::string(text).c_str());
}

}  // namespace

std::string name_prefix(const char* name) {
  const std::string_view s(name);
  const std::size_t colon = s.find(':');
  return colon == std::string_view::npos ? "" : std::string(s.substr(0, colon + 1));
}

void WordEditor::split_text(std::size_t index, std::size_t offset) {
  WordPiece& piece = pieces_[index];
  const std::string text = piece.node.child_value();
  const std::size_t at = offset - piece.begin;
  pugi::xml_node tail = piece.node.parent().insert_child_after(piece.node.name(), piece.node);
  for (pugi::xml_attribute a = piece.node.first_attribute(); a; a = a.next_attribute()) tail.append_copy(a);
  set_text(piece.node, std::string_view(text).substr(0, at));
  set_text(tail, std::string_view(text).substr(at));
  const WordPiece second{offset, piece.end, tail, true};
  piece.end = offset;
  pieces_.insert(pieces_.begin() + static_cast<std::ptrdiff_t>(index) + 1, second);
  split_run_before(tail.parent(), tail);
}

bool WordEditor::cut(std::size_t offset) {
  const auto after = std::upper_bound(pieces_.begin(), pieces_.end(), offset,
                                      [](std::size_t o, const WordPiece& p) { return o < p.begin; });
  if (after == pieces_.begin()) return true;  // before all text
  const std::size_t index = static_cast<std::size_t>(after - pieces_.begin()) - 1;
  const WordPiece& piece = pieces_[index];
  if (offset > piece.begin && offset < piece.end) {
    if (!piece.divisible || inside_formula(piece.node)) return false;
    split_text(index, offset);
    return true;
  }
  // Between two pieces: they may share a run.
  if (offset == piece.begin && index > 0 && pieces_[index - 1].end == offset) {
    const pugi::xml_node run = piece.node.parent();
    if (run == pieces_[index - 1].node.parent() && !inside_formula(piece.node)) split_run_before(run, piece.node);
  }
  return true;
}

std::vector<WordPiece>::const_iterator WordEditor::first_from(std::size_t offset) const {
  return std::lower_bound(pieces_.begin(), pieces_.end(), offset,
                          [](const WordPiece& p, std::size_t o) { return p.begin < o; });
}

WordEditor::Spot WordEditor::spot(std::size_t offset, bool at_start) const {
  // Pieces are in text order and do not overlap: only the one before the
  // first piece at or after the offset can contain it or end there.
  const auto next = first_from(offset);
  const WordPiece* starting = next != pieces_.end() && next->begin == offset ? &*next : nullptr;
  const WordPiece* later = next != pieces_.end() && next->begin > offset ? &*next : nullptr;
  const WordPiece* previous = next != pieces_.begin() ? &*std::prev(next) : nullptr;
  const WordPiece* ending = previous && previous->end == offset ? previous : nullptr;
  const WordPiece* containing = previous && previous->end > offset ? previous : nullptr;
  if (at_start && starting) return {holder(starting->node), true};
  if (ending) return {holder(ending->node), false};
  if (starting) return {holder(starting->node), true};
  if (containing) return {holder(containing->node), at_start};
  if (previous) return {holder(previous->node), false};
  if (later) return {holder(later->node), true};
  return {};
}

void WordEditor::anchor_comment(std::size_t begin, std::size_t end, long id) {
  place_comment(spot(begin, true), spot(end, false), id);
}

void WordEditor::anchor_comment_around(pugi::xml_node element, long id) {
  place_comment({element, true}, {element, false}, id);
}

void WordEditor::place_comment(Spot first, Spot last, long id) {
  if (!first.node || !last.node) return;
  const std::string w = attribute_prefix(first.node);
  const std::string element = name_prefix(first.node.name());
  const std::string number = std::to_string(id);
  insert(first.node, first.before, element + "commentRangeStart").append_attribute((w + "id").c_str()) =
      number.c_str();
  // The reference goes after the range's end, the end after the last run.
  pugi::xml_node reference = insert(last.node, last.before, element + "r");
  reference.append_child((element + "commentReference").c_str()).append_attribute((w + "id").c_str()) =
      number.c_str();
  reference.parent().insert_child_before((element + "commentRangeEnd").c_str(), reference)
      .append_attribute((w + "id").c_str()) = number.c_str();
}

std::vector<pugi::xml_node> WordEditor::runs_within(std::size_t begin, std::size_t end) const {
  std::vector<pugi::xml_node> runs;
  std::unordered_set<const void*> inside;
  auto p = first_from(begin);
  if (p != pieces_.begin() && std::prev(p)->end > begin) return {};  // not cut at the span's start
  for (; p != pieces_.end() && p->begin < end; ++p) {
    if (p->end > end) return {};  // not cut at the span's end
    if (inside_formula(p->node) || local(p->node.parent().name()) != "r") return {};
    inside.insert(p->node.internal_object());
    if (runs.empty() || runs.back() != p->node.parent()) runs.push_back(p->node.parent());
  }
  // A run deleted whole must hold nothing but these characters.
  for (pugi::xml_node run : runs)
    for (pugi::xml_node c = run.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element && local(c.name()) != "rPr" && !inside.count(c.internal_object()) &&
          local(c.name()) != "lastRenderedPageBreak")
        return {};
  return runs;
}

void WordEditor::mark(pugi::xml_node change) {
  const std::string w = attribute_prefix(change);
  change.append_attribute((w + "id").c_str()) = std::to_string(author_.next_id++).c_str();
  change.append_attribute((w + "author").c_str()) = author_.name.c_str();
  change.append_attribute((w + "date").c_str()) = author_.date.c_str();
}

pugi::xml_node WordEditor::wrap_deleted(pugi::xml_node run, pugi::xml_node previous_del) {
  const std::string element = name_prefix(run.name());
  for (pugi::xml_node c = run.first_child(); c; c = c.next_sibling())
    if (local(c.name()) == "t") c.set_name((element + "delText").c_str());
  pugi::xml_node del = previous_del;
  if (!del || del.next_sibling() != run) {
    del = run.parent().insert_child_before((element + "del").c_str(), run);
    mark(del);
  }
  del.append_move(run);
  return del;
}

pugi::xml_node WordEditor::insert_run(Spot where, pugi::xml_node format_from, const std::string& text) {
  const std::string element = name_prefix(format_from.name());
  pugi::xml_node ins = insert(where.node, where.before, element + "ins");
  mark(ins);
  pugi::xml_node run = ins.append_child((element + "r").c_str());
  if (pugi::xml_node props = format_from.child((element + "rPr").c_str())) {
    pugi::xml_node copy = run.append_copy(props);
    copy.remove_child((element + "rPrChange").c_str());  // another author's formatting change is not ours
  }
  set_text(run.append_child((element + "t").c_str()), text);
  return ins;
}

bool WordEditor::track_change(std::size_t begin, std::size_t end, const std::string& text) {
  if (text.find_first_of("\n\r\t") != std::string::npos || text.find("\u2028") != std::string::npos) return false;
  if (begin == end) {
    if (text.empty()) return true;
    const Spot at = spot(begin, false);
    if (!at.node || local(at.node.name()) != "r") return false;
    insert_run(at, at.node, text);
    return true;
  }
  const std::vector<pugi::xml_node> runs = runs_within(begin, end);
  if (runs.empty()) return false;
  pugi::xml_node del;
  for (pugi::xml_node run : runs) del = wrap_deleted(run, del);
  if (!text.empty()) insert_run({del, false}, runs.front(), text);
  // The deleted characters are no longer text a later change could use.
  const auto first = first_from(begin);
  pieces_.erase(first, std::find_if(first, pieces_.cend(), [&](const WordPiece& p) { return p.begin >= end; }));
  return true;
}

}  // namespace kanwu
