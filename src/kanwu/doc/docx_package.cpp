#include "kanwu/doc/docx_package.h"

#include <fmt/format.h>

#include <memory>

#include "kanwu/doc/docx.h"
#include "kanwu/doc/libzip.h"
#include "kanwu/text/decode.h"
#include "kanwu/text/office_file.h"

namespace kanwu {

namespace {

// An encrypted Office document is a compound file holding a stream named
// "EncryptedPackage"; directory entries are UTF-16LE.
bool holds_encrypted_package(std::string_view bytes) {
  std::string name;
  for (char c : std::string_view("EncryptedPackage")) name += c, name += '\0';
  return bytes.find(name) != std::string_view::npos;
}

std::string megabytes(std::uint64_t bytes) { return fmt::format("{} MB", bytes >> 20); }

}  // namespace

WordPackage::WordPackage(std::string path, std::string_view bytes) : path_(std::move(path)) {
  if (bytes.starts_with(kCompoundFileMagic)) {
    throw InputError(path_, holds_encrypted_package(bytes)
                                ? "the Word document is password-protected (encrypted); save a copy without a "
                                  "password to check it"
                                : *unreadable_office_file(bytes));
  }
  // An .odt renamed .docx: say what it is rather than "no word/document.xml".
  if (auto office = unreadable_office_file(bytes)) throw InputError(path_, std::move(*office));
  const char* problem = "";
  z_ = libzip(problem);
  if (!z_) throw InputError(path_, std::string("cannot read Word documents: ") + problem);
  zip_error_t error;
  z_->zip_error_init(&error);
  zip_source_t* source = z_->zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source) {
    // ZIP_CHECKCONS compares the central directory with the local headers,
    // which catches truncated and spliced archives before any part is read.
    zip_ = z_->zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!zip_) z_->zip_source_free(source);
  }
  if (!zip_) {
    const int code = z_->zip_error_code_zip(&error);
    const std::string what = z_->zip_error_strerror(&error);
    z_->zip_error_fini(&error);
    // A zip starts with a local header and ends with the central directory:
    // a file that starts like one but has no end was cut short.
    if (code == ZIP_ER_NOZIP && !bytes.starts_with("PK\x03\x04"))
      throw InputError(path_, "not a Word document: a .docx is a zip archive and this file is not one");
    throw InputError(path_, code == ZIP_ER_NOZIP
                                ? "damaged or truncated Word document: the end of the zip archive is missing"
                                : "damaged or truncated Word document: " + what);
  }
  z_->zip_error_fini(&error);
}

WordPackage::~WordPackage() {
  if (zip_) z_->zip_discard(zip_);
}

bool WordPackage::has(const std::string& part) const { return z_->zip_name_locate(zip_, part.c_str(), 0) >= 0; }

std::string WordPackage::read(const std::string& part) {
  const zip_int64_t index = z_->zip_name_locate(zip_, part.c_str(), 0);
  if (index < 0) throw InputError(path_, fmt::format("not a Word document: {} is missing from the archive", part));
  zip_stat_t st;
  z_->zip_stat_init(&st);
  if (z_->zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &st) != 0)
    throw InputError(path_, fmt::format("damaged Word document: cannot read {}: {}", part,
                                        z_->zip_error_strerror(z_->zip_get_error(zip_))));
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    throw InputError(path_, fmt::format("the Word document is encrypted ({} is); save a copy without a password "
                                        "to check it", part));
  const auto too_large = [&] {
    return InputError(path_, fmt::format("{} is too large uncompressed (a zip bomb?): kanwu reads at most {} "
                                         "per part and {} in all from a Word document",
                                         part, megabytes(kMaxWordPartBytes), megabytes(kMaxWordTotalBytes)));
  };
  // The declared size refuses an honest bomb at once; counting the bytes
  // inflated below catches one whose header lies.
  if ((st.valid & ZIP_STAT_SIZE) && (st.size > kMaxWordPartBytes || total_ + st.size > kMaxWordTotalBytes))
    throw too_large();
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(z_->zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0),
                                                         z_->zip_fclose);
  if (!file)
    throw InputError(path_, fmt::format("damaged Word document: cannot open {}: {}", part,
                                        z_->zip_error_strerror(z_->zip_get_error(zip_))));
  std::string out;
  if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(st.size));
  char buffer[1 << 16];
  for (;;) {
    const zip_int64_t n = z_->zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0)
      throw InputError(path_, fmt::format("damaged Word document: cannot read {}: {}", part,
                                          z_->zip_error_strerror(z_->zip_file_get_error(file.get()))));
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
    if (out.size() > kMaxWordPartBytes || total_ + out.size() > kMaxWordTotalBytes) throw too_large();
  }
  total_ += out.size();
  return out;
}

}  // namespace kanwu
