#include "kanwu/doc/document.h"

#include "kanwu/doc/parse.h"
#include "kanwu/text/utf8.h"

#include <algorithm>

namespace kanwu {

DocumentFormat format_for_path(std::string_view path) {
  if (is_word_document(path)) return DocumentFormat::Word;
  return path.ends_with(".md") || path.ends_with(".markdown") ? DocumentFormat::Markdown
                                                              : DocumentFormat::PlainText;
}

Document::Document(SourceText source, DocumentFormat format, unsigned threads)
    : source_(std::move(source)), format_(format) {
  blocks_ = format_ == DocumentFormat::Markdown ? parse_markdown(source_, threads)
             : format_ == DocumentFormat::Word   ? parse_word_lines(source_, paragraphs_)
                                                 : parse_plain_text(source_);
  split_oversized_blocks(blocks_);
  make_caches();
}

Document::Document(SourceText source, std::vector<WordParagraph> paragraphs)
    : source_(std::move(source)), format_(DocumentFormat::Word), paragraphs_(std::move(paragraphs)) {
  blocks_ = parse_word_lines(source_, paragraphs_);
  split_oversized_blocks(blocks_);
  make_caches();
}

Location Document::locate(const Block& block, std::size_t begin, std::size_t end) const {
  const std::size_t src_begin = block.map.to_source(begin);
  const std::size_t src_end = end > begin ? block.map.to_source_end(end) : src_begin;
  return locate_source(src_begin, src_end);
}

Location Document::locate_source(std::size_t begin, std::size_t end) const {
  Location loc;
  loc.file = source_.path();
  loc.start = source_.position(begin);
  loc.end = source_.position(end);
  // Cut the excerpt around the span's own byte offset: walking from the
  // line start would make every finding cost as much as its line is long.
  const std::string_view text = source_.text();
  const std::size_t line_begin = source_.line_start(loc.start.line);
  const std::size_t line_end = line_begin + source_.line_text(loc.start.line).size();
  const std::size_t at = std::clamp(begin, line_begin, line_end);
  std::size_t b = at, e = at;
  int back = 0;
  for (; back < kExcerptBefore && b > line_begin; ++back) b = utf8::previous(text, b);
  for (int k = 0; k < kExcerptAfter && e < line_end; ++k) e += utf8::sequence_length(text[e]);
  loc.excerpt = std::string(text.substr(b, std::min(e, line_end) - b));
  loc.excerpt_column = loc.start.column - back;
  loc.excerpt_clipped = e < line_end;
  if (format_ == DocumentFormat::Word) {
    // Without paragraph information (text extracted elsewhere) every line
    // is a body paragraph.
    const auto index = static_cast<std::size_t>(loc.start.line - 1);
    const WordParagraph p = index < paragraphs_.size() ? paragraphs_[index] : WordParagraph{loc.start.line, 0, false};
    loc.paragraph = p.number;
    loc.footnote = p.footnote;
  }
  return loc;
}

void Document::make_caches() { caches_ = std::make_unique<Caches>(blocks_.size()); }

const std::vector<TextSpan>& Document::sentences(std::size_t block_index) const {
  return caches_->sentences.get(block_index, [&] { return split_sentences(blocks_.at(block_index).text); });
}

const Utf16Text& Document::utf16(std::size_t block_index) const {
  return caches_->utf16.get(block_index, [&] { return Utf16Text(blocks_.at(block_index).text); });
}

const CodePointText& Document::code_points(std::size_t block_index) const {
  return caches_->code_points.get(block_index, [&] { return kanwu::code_points(blocks_.at(block_index).text); });
}

}  // namespace kanwu
