// file: URIs and paths. Editors send percent-encoded UTF-8 (a Chinese file
// name arrives as %E6%8A%A5...), so both directions encode exactly.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kanwu::lsp {

// The local path of a file:// URI (file:///a/b.md, file://localhost/a/b.md),
// or nullopt for other schemes (untitled:, git:) and other hosts.
std::optional<std::string> uri_to_path(std::string_view uri);

// file:///… for an absolute path; bytes outside RFC 3986's unreserved set
// and "/" are percent-encoded.
std::string path_to_uri(std::string_view absolute_path);

}  // namespace kanwu::lsp
