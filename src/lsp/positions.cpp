#include "lsp/positions.h"

#include <algorithm>

namespace kanwu::lsp {

int code_units(unsigned char lead, Encoding encoding) {
  // A stray continuation byte (not possible in text that came through JSON)
  // counts as one unit of its own, so counting always advances.
  const int bytes = lead < 0x80 ? 1 : lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  switch (encoding) {
    case Encoding::Utf8: return bytes;
    case Encoding::Utf16: return bytes == 4 ? 2 : 1;
    case Encoding::Utf32: return 1;
  }
  return 1;
}

namespace {

int sequence_bytes(unsigned char lead) { return code_units(lead, Encoding::Utf8); }

}  // namespace

LineIndex::LineIndex(std::string_view text, Encoding encoding) : text_(text), encoding_(encoding) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text_[i] == '\r') {
      if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

std::size_t LineIndex::line_start(int line) const {
  if (line < 0) return 0;
  if (line >= line_count()) return text_.size();
  return starts_[static_cast<std::size_t>(line)];
}

std::size_t LineIndex::line_end(int line) const {
  if (line < 0) line = 0;
  if (line >= line_count()) return text_.size();
  std::size_t end = line + 1 < line_count() ? starts_[static_cast<std::size_t>(line) + 1] : text_.size();
  const std::size_t begin = starts_[static_cast<std::size_t>(line)];
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return end;
}

LspPosition LineIndex::position(std::size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), byte_offset);
  const int line = static_cast<int>(it - starts_.begin()) - 1;
  // An offset inside a line terminator ("\r|\n") is the end of the line.
  const std::size_t end = std::min(byte_offset, line_end(line));
  std::size_t i = line_start(line);
  int character = 0;
  if (memo_.line == line && memo_.offset <= end) i = memo_.offset, character = memo_.character;
  for (; i < end;) {
    const auto lead = static_cast<unsigned char>(text_[i]);
    character += code_units(lead, encoding_);
    i += static_cast<std::size_t>(sequence_bytes(lead));
  }
  memo_ = {line, i, character};
  return {line, character};
}

std::size_t LineIndex::offset(LspPosition position) const {
  if (position.line < 0) return 0;
  if (position.line >= line_count()) return text_.size();
  const std::size_t end = line_end(position.line);
  std::size_t i = line_start(position.line);
  for (int character = 0; i < end;) {
    const auto lead = static_cast<unsigned char>(text_[i]);
    const int units = code_units(lead, encoding_);
    if (character + units > position.character) break;
    character += units;
    i += static_cast<std::size_t>(sequence_bytes(lead));
  }
  return std::min(i, end);
}

}  // namespace kanwu::lsp
