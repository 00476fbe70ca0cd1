// The zip container of a .docx, read defensively: a Word document comes from
// outside (mail, chat apps) and may be damaged, encrypted or a zip bomb.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

struct zip;  // libzip's archive (zip_t)

namespace kanwu {

struct LibZip;  // libzip.h

class WordPackage {
 public:
  // `bytes` must outlive the package (libzip reads it in place). Throws
  // InputError naming `path` when the bytes are not a zip archive, saying
  // so plainly for the two things editors actually send instead: a Word
  // 97-2003 .doc renamed, and a password-protected document.
  WordPackage(std::string path, std::string_view bytes);
  ~WordPackage();
  WordPackage(const WordPackage&) = delete;
  WordPackage& operator=(const WordPackage&) = delete;

  bool has(const std::string& part) const;
  // Every entry's name, in the archive's order.
  std::vector<std::string> names() const;
  // A part's bytes. Throws InputError when the part is encrypted, damaged,
  // or larger uncompressed than kMaxWordPartBytes (or would take the parts
  // read so far past kMaxWordTotalBytes).
  std::string read(const std::string& part);

 private:
  std::string path_;
  const LibZip* z_ = nullptr;  // libzip, opened on first use
  zip* zip_ = nullptr;
  std::uint64_t total_ = 0;  // uncompressed bytes read so far
};

// The archive `bytes` with `parts` (name → new bytes) replaced or added:
// every other entry is copied as the archive stores it (its compressed data
// is not inflated and compressed again), in its place. Throws InputError
// naming `path` when libzip cannot read or write the archive.
std::string replace_word_parts(const std::string& path, std::string_view bytes,
                               const std::map<std::string, std::string>& parts);

}  // namespace kanwu
