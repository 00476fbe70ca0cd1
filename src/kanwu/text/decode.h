// Turning a file's bytes into text kanwu can check, or an error that tells
// the editor exactly where the file went wrong.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "kanwu/text/source.h"

namespace kanwu {

// An input that cannot be checked: missing, unreadable, binary, not UTF-8.
// `line`/`column` are 0 when the problem has no place inside the file.
class InputError : public std::runtime_error {
 public:
  InputError(std::string path, std::string message, int line = 0, int column = 0)
      : std::runtime_error(message), path_(std::move(path)), line_(line), column_(column) {}
  const std::string& path() const { return path_; }
  int line() const { return line_; }
  int column() const { return column_; }
  // "path:line:col: message" or "path: message".
  std::string describe() const;

 private:
  std::string path_;
  int line_;
  int column_;
};

// Strict UTF-8: accepts a leading BOM, refuses NUL bytes (binary) and
// ill-formed sequences, naming the byte offset, line and column.
// Other encodings: a UTF-16 byte-order mark is honoured; when strict UTF-8
// fails on an input of at least kDetectMinBytes, ICU's charset detection
// may identify a Chinese (or other) legacy encoding, which is then decoded
// (SourceText::encoding() tells). `encoding` forces a charset by name.
SourceText decode_source(std::string path, std::string bytes, const std::string& encoding = "");

// Shorter inputs are too little for charset detection to be trusted.
inline constexpr std::size_t kDetectMinBytes = 64;

// Whether ICU knows a charset name (for validating --encoding).
bool is_known_encoding(const std::string& name);

// Reads a whole file, or standard input when path is "-".
std::string read_input(const std::string& path);

}  // namespace kanwu
