#include "kanwu/kinds/layout_debris.h"

#include <fmt/format.h>

#include <algorithm>

#include "kanwu/doc/classify.h"
#include "kanwu/doc/pull_quote.h"
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
    const auto& blocks = document.blocks();
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& block = blocks[i];
      if (!in_scope(block)) continue;
      if (plain) {
        if (const PullQuote* quote = pull_quote_at(document, i)) {
          if (quote->first_block == i) report_pull_quote(document, *quote, emit);
          continue;
        }
      }
      const std::string_view text = block.text;
      if (text.find('\n') == std::string_view::npos) {
        std::string what = utf8::count_code_points(text) <= kMaxDebrisChars ? kind_of(text, block.kind, plain, chinese_page)
                                                                              : std::string();
        if (what.empty() && plain && i + 1 < blocks.size() && is_running_head(block, blocks[i + 1])) what = "页眉";
        if (what.empty() && plain && is_floating_caption(document, block)) what = "图片说明";
        if (!what.empty()) {
          report_line(document, block, 0, text.size(), what, emit);
          continue;
        }
      } else if (block.kind != BlockKind::Body) {
        // A staff box, a masthead or a run of captions set without blank
        // lines: each line is judged as the line it is.
        for_each_line(text, [&](std::size_t begin, std::size_t end) {
          const std::string_view line = text.substr(begin, end - begin);
          if (utf8::count_code_points(line) > kMaxDebrisChars) return;
          const BlockKind line_kind = block.kind == BlockKind::ListItem ? BlockKind::ListItem : classify_block(line);
          const std::string what = kind_of(line, line_kind, plain, chinese_page);
          if (!what.empty()) report_line(document, block, begin, end, what, emit);
        });
      }
      if (plain) report_inline(block, emit);
    }
  }

 private:
  template <typename F>
  static void for_each_line(std::string_view text, F&& f) {
    for (std::size_t start = 0;;) {
      const std::size_t nl = text.find('\n', start);
      const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
      if (end > start) f(start, end);
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
  }

  // Reports bytes [begin, end) of a block (a whole line) with its deletion
  // as a suggestion. The deletion takes the line and the line breaks after
  // it; the last line of a file takes the line breaks before it instead, so
  // the file still ends with one line break.
  void report_line(const Document& document, const Block& block, std::size_t begin, std::size_t end,
                   const std::string& what, Emitter& emit) const {
    Finding& f = emit.report(block, begin, end, {{"what", what}, {"match", std::string(block.text.substr(begin, end - begin))}, {"action", "发布前应删除"}});
    delete_source(document, block.map.to_source(begin), block.map.to_source_end(end), f, emit);
  }

  static void delete_source(const Document& document, std::size_t begin, std::size_t end, Finding& f, Emitter& emit) {
    const std::string_view source = document.source().text();
    while (end < source.size() && (source[end] == '\n' || source[end] == '\r')) ++end;
    if (end == source.size()) {
      while (begin > 0 && (source[begin - 1] == '\n' || source[begin - 1] == '\r')) --begin;
      if (begin > 0) ++begin;  // keep the line break that ends the text before
    }
    emit.propose_source_fix(f, begin, end, "");
  }

  void report_pull_quote(const Document& document, const PullQuote& quote, Emitter& emit) const {
    const auto& blocks = document.blocks();
    const Block& first = blocks[quote.first_block];
    const Block& last = blocks[quote.last_block];
    Finding f = make_finding(*this, document.locate_source(first.source_begin, last.source_end),
                             {{"what", "重复正文的引题或图片文字"}, {"match", quote.text}, {"action", "发布前应删除"}});
    delete_source(document, first.source_begin, last.source_end, f, emit);
    for (std::size_t k = quote.first_block + 1; k <= quote.last_block; ++k)
      f.related.push_back({document.locate_source(blocks[k].source_begin, blocks[k].source_end), "同一段残留的后续行"});
    emit.add(std::move(f));
  }

  // Page markers that open or close a paragraph ((上接第一版)绿色转型…,
  // …精品力作。(下转第三版)) and Markdown bold left in plain text
  // (——**五年来，…。**聚焦…). The marker or the asterisks go; the words stay.
  void report_inline(const Block& block, Emitter& emit) const {
    const std::string_view text = block.text;
    if (text.find('\n') == std::string_view::npos && is_page_marker(text)) return;  // the whole line, reported above
    if (const std::size_t close = leading_marker_end(text); close > 0) {
      Finding& f = emit.report(block, 0, close, {{"what", "转版标记"}, {"match", std::string(text.substr(0, close))}, {"action", "发布前应删除"}});
      emit.propose_fix(f, block, 0, close, "");
    }
    if (const std::size_t open = trailing_marker_begin(text); open < text.size()) {
      Finding& f = emit.report(block, open, text.size(), {{"what", "转版标记"}, {"match", std::string(text.substr(open))}, {"action", "发布前应删除"}});
      emit.propose_fix(f, block, open, text.size(), "");
    }
    for (std::size_t at = text.find("**"); at != std::string_view::npos;) {
      const std::size_t close = text.find("**", at + 2);
      if (close == std::string_view::npos) break;
      const std::string_view inner = text.substr(at + 2, close - at - 2);
      // **1870**余家: bold figures count when Chinese text is right beside them.
      const bool in_chinese = has_han(inner) || has_han(last_char(text.substr(0, at))) || has_han(first_char(text.substr(close + 2)));
      if (!inner.empty() && inner.find('\n') == std::string_view::npos && inner.find('*') == std::string_view::npos && in_chinese) {
        Finding& f = emit.report(block, at, close + 2, {{"what", "残留的Markdown加粗标记"}, {"match", clip(text.substr(at, close + 2 - at))}, {"action", "发布前应去掉“**”"}});
        emit.propose_fix(f, block, at, close + 2, std::string(inner));
      }
      at = text.find("**", close + 2);
    }
  }

  // Byte length of a page marker that opens the text, or 0.
  static std::size_t leading_marker_end(std::string_view text) {
    if (!text.starts_with("(") && !text.starts_with("（")) return 0;
    for (std::string_view close : {")", "）"}) {
      const std::size_t at = text.find(close);
      if (at != std::string_view::npos && at <= 24 && at + close.size() < text.size() &&
          is_page_marker(text.substr(0, at + close.size())))
        return at + close.size();
    }
    return 0;
  }

  // Byte offset of a page marker that closes the text, or text.size().
  static std::size_t trailing_marker_begin(std::string_view text) {
    if (!text.ends_with(")") && !text.ends_with("）")) return text.size();
    for (std::string_view open : {"(", "（"}) {
      const std::size_t at = text.rfind(open);
      if (at != std::string_view::npos && at > 0 && text.size() - at <= 24 && is_page_marker(text.substr(at)))
        return at;
    }
    return text.size();
  }

  // 深入基层，精准施策。 set apart by two blank lines or more above and
  // below: a caption that floated in its own box beside a photo, pasted
  // with the box's spacing. A one-sentence line (it ends with 。; a
  // headline has no full stop) with that spacing in running text, where
  // paragraphs are one blank line apart.
  static bool is_floating_caption(const Document& document, const Block& block) {
    if (block.kind != BlockKind::Body && block.kind != BlockKind::Caption) return false;
    if (block.first_line != block.last_line || utf8::count_code_points(block.text) > 40 || !block.text.ends_with("。"))
      return false;
    if (block.text.find("。") != block.text.size() - std::string_view("。").size()) return false;  // one sentence
    const SourceText& source = document.source();
    const auto blank = [&](int line) {
      if (line < 1 || line > source.line_count()) return false;
      for (char c : source.line_text(line))
        if (c != ' ' && c != '\t' && c != '\r') return false;
      return true;
    };
    return blank(block.first_line - 1) && blank(block.first_line - 2) && blank(block.last_line + 1) &&
           blank(block.last_line + 2);
  }

  // 政府工作报告 above (上接第一版): the running head of a continued page.
  static bool is_running_head(const Block& block, const Block& next) {
    if (block.kind != BlockKind::Heading || utf8::count_code_points(block.text) > 12) return false;
    return leading_marker_end(next.text) > 0 || is_page_marker(next.text);
  }

  static bool has_han(std::string_view text) {
    for (char32_t c : code_points(text).chars)
      if (chars::is_han(c)) return true;
    return false;
  }

  static std::string_view last_char(std::string_view text) {
    return text.empty() ? text : text.substr(utf8::previous(text, text.size()));
  }
  static std::string_view first_char(std::string_view text) {
    return text.empty() ? text : text.substr(0, utf8::sequence_length(text[0]));
  }

  static std::string clip(std::string_view text) {
    constexpr std::size_t kShown = 24;
    if (utf8::count_code_points(text) <= kShown) return std::string(text);
    std::size_t at = 0;
    for (std::size_t k = 0; k < kShown - 1; ++k) at += utf8::sequence_length(text[at]);
    return std::string(text.substr(0, at)) + "…";
  }

  std::string kind_of(std::string_view text, BlockKind kind, bool plain, bool chinese_page) const {
    // Widgets are listed with a full-width colon; scraped pages have either
    // width (您的位置: as scraped, 您的位置： after --fix).
    std::string full_colons(text);
    for (std::size_t at; (at = full_colons.find(':')) != std::string::npos;) full_colons.replace(at, 1, "：");
    for (const auto& w : s_.widgets)
      if (full_colons.find(w) != std::string::npos) return "网页控件";
    for (const auto& label : s_.staff_labels)
      if (starts_with_label(text, label)) return "版面署名";
    if (is_page_marker(text)) return "转版标记";
    if (!plain) return {};
    // 本报记者 李州摄: a photo's credit (a byline ending in 摄) or caption.
    if (s_.credits && (kind == BlockKind::Caption || (kind == BlockKind::Byline && text.ends_with("摄"))))
      return "图片说明或摄影署名";
    // - ①通辽市第四中学…: the numbered captions of a photo spread.
    if ((kind == BlockKind::ListItem || kind == BlockKind::Caption || kind == BlockKind::Body) &&
        starts_with_circled_number(text) && (text.starts_with("-") || text.starts_with("*") || text.starts_with("·") ||
                                              text.starts_with("•") || kind != BlockKind::Body))
      return "图片说明";
    if (kind == BlockKind::Furniture && is_page_number(text)) return "页码";
    if (chinese_page && kind == BlockKind::Furniture && is_latin_line(text)) return "外文行";
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
                             {"what", "match", "action"},
                             {BlockKind::Furniture, BlockKind::Caption, BlockKind::Byline, BlockKind::Heading,
                              BlockKind::Body, BlockKind::ListItem},
                             &create};
  return kind;
}

}  // namespace kanwu
