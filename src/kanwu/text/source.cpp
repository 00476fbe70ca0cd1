#include "kanwu/text/source.h"

#include <algorithm>

#include "kanwu/text/utf8.h"

namespace kanwu {

SourceText::SourceText(std::string path, std::string text, std::size_t bom_bytes, std::string encoding)
    : path_(std::move(path)), text_(std::move(text)), bom_bytes_(bom_bytes), encoding_(std::move(encoding)) {
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

const std::vector<SourceText::Checkpoint>& SourceText::checkpoints(int line) const {
  std::lock_guard lock(*checkpoints_mutex_);
  auto [it, inserted] = checkpoints_.try_emplace(line);
  if (!inserted) return it->second;
  const std::size_t begin = line_start(line), end = begin + line_text(line).size();
  int column = 1;
  std::size_t next = begin + kCheckpointBytes;
  for (std::size_t i = begin; i < end; ++i) {
    const bool starts_char = (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
    if (i >= next && starts_char) {
      it->second.push_back({i, column});
      next = i + kCheckpointBytes;
    }
    column += starts_char;
  }
  return it->second;
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
  if (byte_offset - start > kCheckpointBytes) {
    const auto& marks = checkpoints(line);
    auto it = std::upper_bound(marks.begin(), marks.end(), byte_offset,
                               [](std::size_t off, const Checkpoint& c) { return off < c.offset; });
    if (it != marks.begin()) {
      --it;
      start = it->offset;
      column = it->column;
    }
  }
  const auto prefix = std::string_view(text_).substr(start, byte_offset - start);
  // A byte-order mark precedes line 1 in the file.
  const std::size_t bom = line == 1 ? bom_bytes_ : 0;
  return {line, column + static_cast<int>(utf8::count_code_points(prefix)),
          static_cast<int>(byte_offset - line_start(line) + bom) + 1};
}

}  // namespace kanwu
