#include "kanwu/text/source.h"

#include <algorithm>

#include "kanwu/text/utf8.h"

namespace kanwu {

SourceText::SourceText(std::string path, std::string text, std::size_t bom_bytes)
    : path_(std::move(path)), text_(std::move(text)), bom_bytes_(bom_bytes) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      line_starts_.push_back(i + 1);
    } else if (text_[i] == '\r') {
      if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
}

std::string_view SourceText::line_text(int line) const {
  const std::size_t begin = line_start(line);
  std::size_t end = line < line_count() ? line_start(line + 1) : text_.size();
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(begin, end - begin);
}

int SourceText::line_of(std::size_t byte_offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
  return static_cast<int>(it - line_starts_.begin());
}

Position SourceText::position(std::size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  const int line = line_of(byte_offset);
  std::size_t start = line_start(line);
  int column = 1;
  if (memo_position_.line == line && memo_offset_ <= byte_offset && memo_offset_ >= start) {
    start = memo_offset_;
    column = memo_position_.column;
  }
  const auto prefix = std::string_view(text_).substr(start, byte_offset - start);
  const Position result{line, column + static_cast<int>(utf8::count_code_points(prefix))};
  memo_offset_ = byte_offset;
  memo_position_ = result;
  return result;
}

}  // namespace kanwu
