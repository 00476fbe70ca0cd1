// YAML as yaml-cpp reads it, kept between runs. yaml-cpp's scanner reads
// about 15 MB/s, so the bundled rules' 45 KB of YAML took ~3 ms of every
// start, a fifth of checking a 30 KB draft. The tree yaml-cpp builds (each
// node's type, tag, style, value and mark) is written to the cache folder
// (text/cache_file.h) with the text's hashes and length and the yaml-cpp
// library's identity, and later runs rebuild the same tree from it without
// scanning: ~1 ms for the bundled rules, reading included. A tree that
// shares nodes (YAML aliases) is not cached; a syntax error is never cached,
// so yaml-cpp reports it every time.
#pragma once

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace kanwu {

// YAML::Load(content), or the same tree from the cache. `file` names the
// cache entry (an edited file replaces its entry); "" never uses the cache.
// Throws what YAML::Load throws.
YAML::Node load_yaml(const std::string& content, const std::string& file);

// The tree in the cache's encoding, and back (tests, and load_yaml): nullopt
// when `root` cannot be encoded (shared nodes) or `bytes` are not a valid
// encoding.
std::optional<std::string> encode_yaml_tree(const YAML::Node& root);
std::optional<YAML::Node> decode_yaml_tree(std::string_view bytes);

// Entries are named after files, so a user has about one per rule file; those
// of passing folders (tests, scratch copies) would still add up. An entry is
// touched when read; once per process, when load_yaml writes one, this
// removes those unused for kYamlCacheUnused and then the least recently used
// past `max_entries`.
constexpr auto kYamlCacheUnused = std::chrono::hours(24 * 30);
void prune_yaml_cache(const std::string& folder, std::size_t max_entries = 1024);

}  // namespace kanwu
