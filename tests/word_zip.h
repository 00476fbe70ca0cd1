// Word documents written by hand for the unit tests: a zip of the given
// parts (made with libzip), so each case shows exactly its XML.
#pragma once

#include <boost/test/unit_test.hpp>
#include <zip.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace kanwu::test {

using Parts = std::vector<std::pair<std::string, std::string>>;

// A zip archive holding `parts`, as bytes.
inline std::string make_zip(const Parts& parts) {
  namespace fs = std::filesystem;
  static std::atomic<int> counter = 0;
  const fs::path path = fs::temp_directory_path() /
                        ("kanwu-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".zip");
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  BOOST_REQUIRE(z);
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    BOOST_REQUIRE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE) >= 0);
  }
  BOOST_REQUIRE(zip_close(z) == 0);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::remove(path);
  return bytes;
}

// The entries of a zip archive's bytes, in order, as stored: name and
// uncompressed bytes.
inline Parts read_zip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* z = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  BOOST_REQUIRE(z);
  Parts parts;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
    std::string data(static_cast<std::size_t>(st.size), '\0');
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    BOOST_REQUIRE(f);
    BOOST_REQUIRE(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(f);
    parts.emplace_back(st.name, std::move(data));
  }
  zip_discard(z);
  zip_error_fini(&error);
  return parts;
}

inline const std::string kNs = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

inline std::string document_xml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document " + kNs + "><w:body>" + body +
         "<w:sectPr/></w:body></w:document>";
}

}  // namespace kanwu::test
