#include "kanwu/text/read_file.h"

#include <exception>
#include <fstream>
#include <iterator>

namespace kanwu {

std::optional<std::string> read_file(const std::string& path) {
  try {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return std::nullopt;
    return bytes;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace kanwu
