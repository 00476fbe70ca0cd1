// A whole file read into memory: rule files, vocabularies, word lists,
// configuration, caches (input documents go through decode.h's read_input,
// which reports why a file cannot be read).
#pragma once

#include <optional>
#include <string>

namespace kanwu {

// The file's bytes, or nullopt when it cannot be opened or read: a folder or
// an I/O error (which libstdc++ reports by throwing from inside the stream
// buffer) is nullopt too, never an exception.
std::optional<std::string> read_file(const std::string& path);

}  // namespace kanwu
