#include "kanwu/kinds/layout_debris.h"

#include <fmt/format.h>

#include <algorithm>

#include "kanwu/doc/classify.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

constexpr std::size_t kMaxDebrisChars = 60;  // debris is a short line

struct DebrisSettings {
  std::vector<std::string> widgets;       // 打印本页, 关闭窗口, 【字体：
  std::vector<std::string> staff_labels;  // 责任编辑, 制图 (followed by ：)
  bool credits = true;                    // photo credits in plain text
};

bool starts_with_label(std::string_view text, const std::string& label) {
  if (!text.starts_with(label)) return false;
  const std::string_view rest = text.substr(label.size());
  return rest.starts_with("：") || rest.starts_with(":");
}


// A line of Latin words only (three or more) in a Chinese plain-text page:
// a scraped English title or a masthead.
bool is_latin_line(std::string_view text) {
  std::size_t words = 0, letters = 0;
  bool in_word = false;
  for (char32_t c : code_points(text).chars) {
    if (chars::is_han(c)) return false;
    const bool letter = chars::is_ascii_letter(c);
    if (letter && !in_word) ++words;
    in_word = letter;
    letters += letter ? 1 : 0;
  }
  return words >= 3 && letters >= 12;
}

bool starts_with_circled_number(std::string_view text) {
  for (std::string_view bullet : {"- ", "* ", "· ", "• "})
    if (text.starts_with(bullet)) text.remove_prefix(bullet.size());
  char32_t c = 0;
  return !text.empty() && utf8::decode(text, 0, c) > 0 && c >= U'①' && c <= U'⑳';
}

// 12, 第3版, - 4 -: a page number on its own line.
bool is_page_number(std::string_view text) {
  std::size_t digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') ++digits;
    else if (c != ' ' && c != '-') return false;
  }
  return digits >= 1 && digits <= 3;
}

class LayoutDebrisRule : public Rule {
 public:
  LayoutDebrisRule(RuleInfo info, DebrisSettings s) : Rule(std::move(info)), s_(std::move(s)) {}

  void check(const Document& document, Emitter& emit) const override {
    const bool plain = document.format() == DocumentFormat::PlainText;
    const bool chinese_page = plain && mostly_chinese(document);
    for (const Block& block : document.blocks()) {
      if (!in_scope(block)) continue;
      const std::string_view text = block.text;
      if (utf8::count_code_points(text) > kMaxDebrisChars || text.find('\n') != std::string_view::npos) continue;
      const std::string what = kind_of(block, plain, chinese_page);
      if (what.empty()) continue;
      Finding& f = emit.report(block, 0, text.size(), {{"what", what}, {"match", std::string(text)}});
      // The deletion takes the block and the blank line after it; the last
      // block of a file takes the blank line before it instead, so the file
      // still ends with one line break.
      std::size_t begin = block.source_begin, end = block.source_end;
      const std::string_view source = document.source().text();
      while (end < source.size() && (source[end] == '\n' || source[end] == '\r')) ++end;
      if (end == source.size()) {
        while (begin > 0 && (source[begin - 1] == '\n' || source[begin - 1] == '\r')) --begin;
        if (begin > 0) ++begin;  // keep the line break that ends the text before
      }
      emit.propose_source_fix(f, begin, end, "");
    }
  }

 private:
  std::string kind_of(const Block& block, bool plain, bool chinese_page) const {
    const std::string_view text = block.text;
    for (const auto& w : s_.widgets)
      if (text.find(w) != std::string_view::npos) return "网页控件";
    for (const auto& label : s_.staff_labels)
      if (starts_with_label(text, label)) return "版面署名";
    if (is_page_marker(text)) return "转版标记";
    if (!plain) return {};
    // 本报记者 李州摄: a photo's credit (a byline ending in 摄) or caption.
    if (s_.credits && (block.kind == BlockKind::Caption || (block.kind == BlockKind::Byline && text.ends_with("摄"))))
      return "图片说明或摄影署名";
    if (text.starts_with("**") || text.starts_with("##") || text.ends_with("**")) return "残留的Markdown标记";
    // - ①通辽市第四中学…: the numbered captions of a photo spread.
    if ((block.kind == BlockKind::ListItem || block.kind == BlockKind::Caption || block.kind == BlockKind::Body) &&
        starts_with_circled_number(text) && (text.starts_with("-") || text.starts_with("*") || text.starts_with("·") ||
                                              text.starts_with("•") || block.kind != BlockKind::Body))
      return "图片说明";
    if (block.kind == BlockKind::Furniture && is_page_number(text)) return "页码";
    if (chinese_page && block.kind == BlockKind::Furniture && is_latin_line(text)) return "外文行";
    return {};
  }

  static bool mostly_chinese(const Document& document) {
    std::size_t han = 0, latin = 0;
    for (const Block& b : document.blocks())
      for (char32_t c : code_points(b.text).chars) {
        han += chars::is_han(c) ? 1 : 0;
        latin += chars::is_ascii_letter(c) ? 1 : 0;
      }
    return han > latin;
  }

  DebrisSettings s_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  DebrisSettings s;
  s.widgets = params.strings("widgets");
  s.staff_labels = params.strings("staff_labels");
  s.credits = params.boolean("credits", true);
  return std::make_unique<LayoutDebrisRule>(std::move(info), std::move(s));
}

}  // namespace

const RuleKind& layout_debris_kind() {
  static const RuleKind kind{"layout-debris",
                             "page layout and scraping leftovers to remove before publication",
                             {"what", "match"},
                             {BlockKind::Furniture, BlockKind::Caption, BlockKind::Byline, BlockKind::Heading,
                              BlockKind::Body, BlockKind::ListItem},
                             &create};
  return kind;
}

}  // namespace kanwu
