#include "lsp/diagnostics.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "lsp/uri.h"

namespace kanwu::lsp {

using nlohmann::json;

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// LSP: 1 Error, 2 Warning, 3 Information, 4 Hint.
int severity_of(Severity s) {
  switch (s) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Info: return 3;
  }
  return 2;
}

json to_json(const LspPosition& p) { return {{"line", p.line}, {"character", p.character}}; }

// One open document with what it takes to place positions in it.
struct Placed {
  const OpenDocument* document;
  LineIndex index;
  // kanwu reads text after a byte-order mark; the editor's buffer may keep
  // one. Byte offsets in findings then count from after it.
  std::size_t bom;

  Placed(const OpenDocument& d, Encoding encoding)
      : document(&d), index(d.text, encoding), bom(std::string_view(d.text).starts_with(kBom) ? kBom.size() : 0) {}

  // Byte offset in the buffer of a kanwu position: its line's start plus its
  // byte column (which on line 1 already counts the mark, as the file
  // holds it). Positions without a byte column walk code points instead.
  std::size_t offset(const Position& p) const {
    const int line = std::max(p.line, 1) - 1;
    const std::size_t start = index.line_start(line);
    const std::string_view text = document->text;
    if (p.byte_column > 0) return std::min(start + static_cast<std::size_t>(p.byte_column - 1), text.size());
    std::size_t i = start + (line == 0 ? bom : 0);
    for (int column = 1; column < p.column && i < index.line_end(line); ++column)
      i += static_cast<std::size_t>(code_units(static_cast<unsigned char>(text[i]), Encoding::Utf8));
    return i;
  }
  LspRange range(const Location& where) const {
    return {index.position(offset(where.start)), index.position(offset(where.end))};
  }
  LspRange source_range(std::size_t begin, std::size_t end) const {
    return {index.position(begin + bom), index.position(end + bom)};
  }
};

class Converter {
 public:
  Converter(const std::vector<OpenDocument>& documents, Encoding encoding) {
    placed_.reserve(documents.size());
    for (const auto& d : documents) placed_.emplace_back(d, encoding);
    for (std::size_t i = 0; i < placed_.size(); ++i) by_path_[documents[i].path] = i;
  }

  const Placed* find(const std::string& path) const {
    const auto it = by_path_.find(path);
    return it == by_path_.end() ? nullptr : &placed_[it->second];
  }

  // A location as LSP has it. A file that is not open (no rule relates to
  // one today) is placed by code point columns, which is exact for text in
  // the Basic Multilingual Plane.
  json location(const Location& where) const {
    if (const Placed* p = find(where.file))
      return {{"uri", p->document->uri}, {"range", to_json(p->range(where))}};
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(where.file, ec);
    const LspRange r{{where.start.line - 1, where.start.column - 1}, {where.end.line - 1, where.end.column - 1}};
    return {{"uri", path_to_uri(ec ? where.file : absolute.string())}, {"range", to_json(r)}};
  }

  json diagnostic(const Finding& f, const LspRange& range, const std::string& message,
                  const json& related) const {
    json d = {{"range", to_json(range)},
              {"severity", severity_of(f.severity)},
              {"code", f.rule},
              {"source", "kanwu"},
              {"message", message}};
    if (!related.empty()) d["relatedInformation"] = related;
    return d;
  }

 private:
  std::vector<Placed> placed_;
  std::map<std::string, std::size_t> by_path_;
};

std::string fix_title(const Fix& fix) {
  return fix.safe() ? fix.describe() : fix.describe() + "（建议，可能改变原意，请核对）";
}

bool overlaps(const LspRange& a, const LspRange& b) {
  const auto before = [](const LspPosition& x, const LspPosition& y) {
    return x.line < y.line || (x.line == y.line && x.character < y.character);
  };
  // Touching counts: a cursor just after a mark still offers its fix.
  return !before(a.end, b.start) && !before(b.end, a.start);
}

}  // namespace

json to_json(const LspRange& range) { return {{"start", to_json(range.start)}, {"end", to_json(range.end)}}; }

std::vector<DocumentDiagnostics> to_diagnostics(const Report& report, const std::vector<OpenDocument>& documents,
                                                Encoding encoding) {
  const Converter convert(documents, encoding);
  std::vector<DocumentDiagnostics> out;
  std::map<std::string, std::size_t> slot;  // path → index in out
  for (const auto& d : documents) {
    slot[d.path] = out.size();
    out.push_back({d.uri, d.version, json::array(), {}});
  }
  std::set<std::string> mirrored;  // "path|range|message", each said once
  std::vector<std::size_t> left_out(out.size(), 0);  // by index in out: diagnostics past the cap
  const auto has_room = [&](std::size_t index) {
    if (out[index].diagnostics.size() < kMaxDiagnosticsPerDocument) return true;
    ++left_out[index];
    return false;
  };
  for (const Finding& f : report.findings) {
    const Placed* here = convert.find(f.where.file);
    if (!here) continue;
    const std::size_t target_index = slot[f.where.file];
    DocumentDiagnostics& target = out[target_index];
    if (!has_room(target_index)) continue;
    json related = json::array();
    for (const auto& r : f.related) related.push_back({{"location", convert.location(r.where)}, {"message", r.message}});
    const LspRange range = here->range(f.where);
    json diagnostic = convert.diagnostic(f, range, f.message, related);
    if (f.fix) {
      const LspRange edit = here->source_range(f.fix->begin, f.fix->end);
      target.fixes.push_back({diagnostic, range, fix_title(*f.fix),
                              {{"range", to_json(edit)}, {"newText", f.fix->replacement}}, f.fix->safe()});
    }
    target.diagnostics.push_back(std::move(diagnostic));

    // The other draft of a cross-document conflict hears of it too, at its
    // own place, with the finding's place as related information.
    for (const auto& r : f.related) {
      const Placed* there = r.where.file == f.where.file ? nullptr : convert.find(r.where.file);
      if (!there) continue;
      const std::string message =
          r.message + "（" + f.where.file + ":" + std::to_string(f.where.start.line) + "：" + f.message + "）";
      const LspRange at = there->range(r.where);
      const std::string key = r.where.file + "|" + to_json(at).dump() + "|" + message;
      if (!mirrored.insert(key).second) continue;
      if (!has_room(slot[r.where.file])) continue;
      json back = json::array({{{"location", convert.location(f.where)}, {"message", f.message}}});
      out[slot[r.where.file]].diagnostics.push_back(convert.diagnostic(f, at, message, back));
    }
  }
  for (std::size_t i = 0; i < out.size(); ++i)
    if (left_out[i] > 0)
      out[i].diagnostics.push_back(
          {{"range", to_json(LspRange{})},
           {"severity", 3},
           {"code", "too-many-diagnostics"},
           {"source", "kanwu"},
           {"message", "kanwu：另有 " + std::to_string(left_out[i]) + " 条提示未列出（每篇最多列出 " +
                           std::to_string(kMaxDiagnosticsPerDocument) + " 条）；在终端运行 kanwu check 可看到全部"}});
  return out;
}

json input_error_diagnostic(const InputError& error, const OpenDocument& document, Encoding encoding) {
  const LineIndex index(document.text, encoding);
  const int line = std::max(error.line(), 1) - 1;
  const LspRange range{index.position(index.line_start(line)), index.position(index.line_end(line))};
  return {{"range", to_json(range)}, {"severity", 1}, {"code", "input-error"}, {"source", "kanwu"},
          {"message", std::string("kanwu 无法读取此文档：") + error.what()}};
}

json code_actions(const DocumentDiagnostics& published, const LspRange& requested, const json& only) {
  json actions = json::array();
  if (only.is_array()) {
    // "quickfix" and its parent "" are the kinds offered here.
    const bool wanted = std::any_of(only.begin(), only.end(), [](const json& kind) {
      return kind.is_string() && (kind == "quickfix" || kind == "");
    });
    if (!wanted) return actions;
  }
  for (const QuickFix& fix : published.fixes) {
    if (!overlaps(fix.range, requested)) continue;
    json action = {{"title", fix.title},
                   {"kind", "quickfix"},
                   {"diagnostics", json::array({fix.diagnostic})},
                   {"edit", {{"changes", {{published.uri, json::array({fix.edit})}}}}}};
    if (fix.preferred) action["isPreferred"] = true;
    actions.push_back(std::move(action));
  }
  return actions;
}

}  // namespace kanwu::lsp
