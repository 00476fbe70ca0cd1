// A file path as the path of a URI reference (RFC 3986): what SARIF's
// artifactLocation.uri and LSP's file:// URIs hold. A Chinese name or a space
// must arrive percent-encoded as UTF-8 bytes (体育 新闻 → %E4%BD%93%E8%82%B2%20…).
#pragma once

#include <string>
#include <string_view>

namespace kanwu {

// Every byte outside RFC 3986's unreserved set and "/" percent-encoded, so a
// relative path stays a relative reference (a ':' in the first segment
// cannot be read as a scheme).
std::string percent_encode_path(std::string_view path);

}  // namespace kanwu
