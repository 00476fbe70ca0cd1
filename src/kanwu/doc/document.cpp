#include "kanwu/doc/document.h"

#include "kanwu/doc/parse.h"

namespace kanwu {

DocumentFormat format_for_path(std::string_view path) {
  return path.ends_with(".md") || path.ends_with(".markdown") ? DocumentFormat::Markdown
                                                              : DocumentFormat::PlainText;
}

Document::Document(SourceText source, DocumentFormat format)
    : source_(std::move(source)), format_(format) {
  blocks_ = format_ == DocumentFormat::Markdown ? parse_markdown(source_)
                                                : parse_plain_text(source_);
  sentences_.resize(blocks_.size());
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
  loc.line_text = std::string(source_.line_text(loc.start.line));
  return loc;
}

const std::vector<TextSpan>& Document::sentences(std::size_t block_index) const {
  auto& cached = sentences_.at(block_index);
  if (!cached) cached = split_sentences(blocks_.at(block_index).text);
  return *cached;
}

}  // namespace kanwu
