#include "lsp/uri.h"

#include <cctype>

#include "kanwu/text/uri_path.h"

namespace kanwu::lsp {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> uri_to_path(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.size() < scheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < scheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(uri[i])) != scheme[i]) return std::nullopt;
  uri.remove_prefix(scheme.size());
  if (uri.starts_with("localhost/")) uri.remove_prefix(9);
  if (!uri.starts_with('/')) return std::nullopt;  // file://server/share
  // A query or fragment is not part of the path.
  uri = uri.substr(0, uri.find_first_of("?#"));
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex_value(uri[i + 1]) >= 0 && hex_value(uri[i + 2]) >= 0) {
      const char byte = static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2]));
      if (byte == '\0') return std::nullopt;  // no path holds NUL
      path.push_back(byte);
      i += 2;
    } else {
      path.push_back(uri[i]);
    }
  }
  return path;
}

std::string path_to_uri(std::string_view absolute_path) { return "file://" + percent_encode_path(absolute_path); }

}  // namespace kanwu::lsp
