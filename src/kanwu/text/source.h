// A decoded input file: its UTF-8 text and a line index that turns byte
// offsets into the 1-based line and code-point column every finding reports.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kanwu {

struct Position {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in Unicode code points
  // 1-based, in UTF-8 bytes of the line as the file holds it (reviewdog's
  // rdjson columns); 0 when unknown.
  int byte_column = 0;
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

class SourceText {
 public:
  // `text` is valid UTF-8 without a byte-order mark; `bom_bytes` records how
  // many bytes the mark took in the file so fixes can be written back.
  SourceText(std::string path, std::string text, std::size_t bom_bytes = 0,
             std::string encoding = "");

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  std::size_t bom_bytes() const { return bom_bytes_; }
  // "" for UTF-8 files; otherwise the charset the file was decoded from
  // (GB18030, UTF-16LE…). Fixes are never written back to such files.
  const std::string& encoding() const { return encoding_; }

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
  std::string encoding_;
  std::vector<std::size_t> line_starts_;
  // Columns on long lines (a file without line breaks is one line) come
  // from checkpoints — the column every kCheckpointBytes — built on first
  // use, so a position never costs more than counting that many bytes.
  static constexpr std::size_t kCheckpointBytes = 4096;
  struct Checkpoint {
    std::size_t offset;
    int column;
  };
  const std::vector<Checkpoint>& checkpoints(int line) const;
  mutable std::map<int, std::vector<Checkpoint>> checkpoints_;
  // Rules on several threads may ask for positions on one long line.
  mutable std::shared_ptr<std::mutex> checkpoints_mutex_ = std::make_shared<std::mutex>();
};

}  // namespace kanwu
