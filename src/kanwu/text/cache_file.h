// Files kanwu keeps between runs to start faster (the word index, compiled
// ICU rules). A cache is only an optimisation: every reader checks what it
// reads and rebuilds on any doubt, and a run without a writable folder works
// the same, only slower to start.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kanwu::cache {

// $KANWU_CACHE_DIR, else $XDG_CACHE_HOME/kanwu, else $HOME/.cache/kanwu;
// "" when none is set.
std::string folder();

// Writes `bytes` beside `path` (a temporary named after the process and
// thread) and renames the copy into place, so a reader never sees a
// half-written file. Creates the folder; false when anything fails.
bool write(const std::string& path, std::string_view bytes);

// A 64-bit FNV-1a hash, for cache names and checksums.
std::uint64_t hash(std::string_view bytes, std::uint64_t seed = 14695981039346656037ull);
std::string hex(std::uint64_t value);

}  // namespace kanwu::cache
