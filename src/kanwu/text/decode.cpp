#include "kanwu/text/decode.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "kanwu/text/utf8.h"

namespace kanwu {

std::string InputError::describe() const {
  if (line_ > 0) return fmt::format("{}:{}:{}: error: {}", path_, line_, column_, what());
  return fmt::format("{}: error: {}", path_, what());
}

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Where a byte offset falls, counted as kanwu reports positions; used only
// for errors, so the text before the offset is valid UTF-8 by construction.
Position position_in_prefix(std::string_view text, std::size_t offset) {
  SourceText prefix("", std::string(text.substr(0, offset)));
  return prefix.position(offset);
}

}  // namespace

SourceText decode_source(std::string path, std::string bytes) {
  std::size_t bom = 0;
  if (std::string_view(bytes).starts_with(kBom)) bom = kBom.size();
  std::string_view body = std::string_view(bytes).substr(bom);

  if (const auto nul = body.find('\0'); nul != std::string_view::npos) {
    const Position at = position_in_prefix(body, nul);
    throw InputError(path,
                     fmt::format("binary file (NUL byte at byte offset {}); kanwu checks UTF-8 text",
                                 nul + bom),
                     at.line, at.column);
  }
  if (const auto bad = utf8::first_invalid(body); bad != std::string_view::npos) {
    const Position at = position_in_prefix(body, bad);
    throw InputError(path,
                     fmt::format("invalid UTF-8 (byte 0x{:02X} at byte offset {}); "
                                 "save the file as UTF-8",
                                 static_cast<unsigned char>(body[bad]), bad + bom),
                     at.line, at.column);
  }
  std::string text(body);
  return SourceText(std::move(path), std::move(text), bom);
}

std::string read_input(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return std::move(buffer).str();
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw InputError(path, "no such file or directory");
  if (fs::is_directory(status)) throw InputError(path, "is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, fmt::format("cannot open: {}", std::strerror(errno)));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError(path, fmt::format("read failed: {}", std::strerror(errno)));
  return bytes;
}

}  // namespace kanwu
