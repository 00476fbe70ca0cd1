// A decoded input file: its UTF-8 text and a line index that turns byte
// offsets into the 1-based line and code-point column every finding reports.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kanwu {

struct Position {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in Unicode code points
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

class SourceText {
 public:
  // `text` is valid UTF-8 without a byte-order mark; `bom_bytes` records how
  // many bytes the mark took in the file so fixes can be written back.
  SourceText(std::string path, std::string text, std::size_t bom_bytes = 0);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  std::size_t bom_bytes() const { return bom_bytes_; }

  // Lines end at "\n", "\r\n" or a lone "\r".
  int line_count() const { return static_cast<int>(line_starts_.size()); }
  std::size_t line_start(int line) const { return line_starts_.at(line - 1); }
  // The line's text without its terminator.
  std::string_view line_text(int line) const;

  Position position(std::size_t byte_offset) const;
  int line_of(std::size_t byte_offset) const;

 private:
  std::string path_;
  std::string text_;
  std::size_t bom_bytes_;
  std::vector<std::size_t> line_starts_;
  // Findings arrive left to right along a line: position() continues from the
  // last answer instead of recounting a long line from its start.
  mutable std::size_t memo_offset_ = 0;
  mutable Position memo_position_{1, 1};
};

}  // namespace kanwu
