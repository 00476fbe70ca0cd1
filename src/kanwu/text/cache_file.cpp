#include "kanwu/text/cache_file.h"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include <fmt/format.h>

namespace kanwu::cache {

namespace fs = std::filesystem;

std::string folder() {
  if (const char* dir = std::getenv("KANWU_CACHE_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/kanwu";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/kanwu";
  return "";
}

bool write(const std::string& path, std::string_view bytes) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  // Unique per process and thread: two writers never share a temporary file.
  const std::string temp = fmt::format("{}.tmp.{}.{}", path, ::getpid(),
                                       std::hash<std::thread::id>{}(std::this_thread::get_id()));
  std::ofstream out(temp, std::ios::binary | std::ios::trunc);
  if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (out) out.close();  // a full disk shows here, at the flush
  std::error_code ignored;
  if (!out) {
    fs::remove(temp, ignored);
    return false;
  }
  fs::rename(temp, path, ec);
  if (ec) fs::remove(temp, ignored);
  return !ec;
}

std::uint64_t hash(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (const unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::string hex(std::uint64_t value) {
  static const char digits[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) s[static_cast<std::size_t>(i)] = digits[value & 15];
  return s;
}

}  // namespace kanwu::cache
