// libzip, opened the first time a Word document is read instead of linked
// into kanwu: Debian's libzip links OpenSSL's libcrypto (for encrypted
// archives), and loading and relocating the two cost every start of kanwu
// ~1.3 ms (measured: an empty program starts in 0.6 ms, 1.9 ms linked with
// libzip), while few runs read a .docx.
#pragma once

#include <zip.h>

namespace kanwu {

// The libzip functions the Word reader and writer call, by their own names and types.
#define KANWU_LIBZIP_FUNCTIONS(X)                                                                     \
  X(zip_error_init) X(zip_error_fini) X(zip_error_code_zip) X(zip_error_strerror) X(zip_get_error)   \
  X(zip_file_get_error) X(zip_source_buffer_create) X(zip_source_free) X(zip_open_from_source)        \
  X(zip_discard) X(zip_name_locate) X(zip_stat_init) X(zip_stat_index) X(zip_fopen_index) X(zip_fread) \
  X(zip_fclose) X(zip_source_keep) X(zip_file_add) X(zip_close) X(zip_strerror) X(zip_source_open)      \
  X(zip_source_read) X(zip_source_close) X(zip_source_seek) X(zip_source_tell) X(zip_get_num_entries) X(zip_get_name)

struct LibZip {
#define KANWU_LIBZIP_POINTER(name) decltype(&::name) name = nullptr;
  KANWU_LIBZIP_FUNCTIONS(KANWU_LIBZIP_POINTER)
#undef KANWU_LIBZIP_POINTER
};

// libzip, loaded once per process (thread-safe); nullptr when it cannot be
// loaded, with `problem` saying why (the library's name and dlerror()).
const LibZip* libzip(const char*& problem);

}  // namespace kanwu
