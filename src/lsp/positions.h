// LSP positions (0-based line, character offset in the negotiated code
// units) against kanwu's UTF-8 byte offsets. LSP's default unit is the
// UTF-16 code unit: a Han character counts 1, an emoji or a CJK Extension B
// character (outside the Basic Multilingual Plane) counts 2, while in UTF-8
// they take 3 and 4 bytes. Lines end at "\n", "\r\n" or "\r", as in both
// LSP and kanwu::SourceText.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace kanwu::lsp {

enum class Encoding { Utf8, Utf16, Utf32 };

struct LspPosition {
  int line = 0;
  int character = 0;
  friend bool operator==(const LspPosition&, const LspPosition&) = default;
};

// Code units of one code point, from its UTF-8 lead byte.
int code_units(unsigned char lead, Encoding encoding);

class LineIndex {
 public:
  // Keeps a view: `text` must outlive the index.
  LineIndex(std::string_view text, Encoding encoding);

  int line_count() const { return static_cast<int>(starts_.size()); }
  // Byte offset where a 0-based line starts (the text's end past the last).
  std::size_t line_start(int line) const;
  // Byte offset just past the line's text, before its terminator.
  std::size_t line_end(int line) const;

  LspPosition position(std::size_t byte_offset) const;
  // The byte offset of a position. As LSP asks, a character past the line's
  // end means the end of the line and a line past the last means the end of
  // the text; a position inside a code point (half a surrogate pair) falls
  // back to the code point's start.
  std::size_t offset(LspPosition position) const;

 private:
  std::string_view text_;
  Encoding encoding_;
  std::vector<std::size_t> starts_;
  // The last position found: findings come sorted, so on a long line (a
  // newspaper paragraph, a file without line breaks) the next one is found
  // by counting on from there rather than from the line's start.
  struct Memo {
    int line = -1;
    std::size_t offset = 0;
    int character = 0;
  };
  mutable Memo memo_;
};

}  // namespace kanwu::lsp
