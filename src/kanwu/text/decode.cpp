#include "kanwu/text/decode.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <vector>
#include <sstream>

#include "kanwu/text/chars.h"
#include "kanwu/text/office_file.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

std::string InputError::describe() const {
  if (line_ > 0) return fmt::format("{}:{}:{}: error: {}", path_, line_, column_, what());
  return fmt::format("{}: error: {}", path_, what());
}

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Where a byte offset falls, counted as kanwu reports positions; used only
// for errors, so the text before the offset is valid UTF-8 by construction.
Position position_in_prefix(std::string_view text, std::size_t offset) {
  SourceText prefix("", std::string(text.substr(0, offset)));
  return prefix.position(offset);
}

}  // namespace

namespace {

// Decodes bytes from `charset` with ICU, stopping at the first invalid
// sequence. Returns false and sets `bad_offset` when the bytes are not valid
// in that charset.
bool convert_to_utf8(std::string_view bytes, const std::string& charset, std::string& out,
                     std::size_t& bad_offset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset.c_str(), &status), ucnv_close);
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> buffer(bytes.size() + 16);
  const char* source = bytes.data();
  UChar* target = buffer.data();
  status = U_ZERO_ERROR;
  ucnv_toUnicode(conv.get(), &target, buffer.data() + buffer.size(), &source, bytes.data() + bytes.size(),
                 nullptr, true, &status);
  if (U_FAILURE(status)) {
    char invalid[32];
    int8_t length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), invalid, &length, &ignored);
    bad_offset = static_cast<std::size_t>(source - bytes.data()) - static_cast<std::size_t>(std::max<int8_t>(length, 0));
    return false;
  }
  icu::UnicodeString(buffer.data(), static_cast<int32_t>(target - buffer.data())).toUTF8String(out);
  return true;
}

// Mostly valid UTF-8 with a few bad bytes is a damaged UTF-8 file, to be
// reported where it is damaged — not a legacy encoding to guess at.
bool looks_like_damaged_utf8(std::string_view bytes) {
  std::size_t valid = 0, invalid = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t c;
    const int len = utf8::decode(bytes, i, c);
    if (len > 0) {
      ++valid;
      i += len;
    } else {
      ++invalid;
      ++i;
    }
  }
  return valid >= 4 && invalid * 20 <= valid;
}

// Legacy encodings of Chinese, Japanese and Korean text: the ones a
// newsroom meets. Detection naming anything else is not trusted.
bool is_cjk_legacy(const std::string& charset) {
  for (std::string_view c : {"GB18030", "GBK", "GB2312", "Big5", "EUC-JP", "Shift_JIS", "EUC-KR", "ISO-2022-CN",
                             "ISO-2022-JP", "ISO-2022-KR"})
    if (charset == c) return true;
  return false;
}

std::string detect_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(ucsdet_open(&status), ucsdet_close);
  if (U_FAILURE(status)) return {};
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || !match) return {};
  const char* name = ucsdet_getName(match, &status);
  const int32_t confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || !name || confidence < 10) return {};
  const std::string charset(name);
  return is_cjk_legacy(charset) ? charset : std::string{};
}

SourceText decoded(std::string path, std::string_view bytes, const std::string& charset,
                   std::size_t bom) {
  std::string text;
  std::size_t bad = 0;
  if (!convert_to_utf8(bytes.substr(bom), charset, text, bad)) {
    throw InputError(path, fmt::format("invalid {} (byte 0x{:02X} at byte offset {})", charset,
                                       bom + bad < bytes.size() ? static_cast<unsigned char>(bytes[bom + bad]) : 0,
                                       bom + bad));
  }
  if (text.find('\0') != std::string::npos)
    throw InputError(path, fmt::format("binary file (NUL character in {} text)", charset));
  return SourceText(std::move(path), std::move(text), bom, charset);
}

}  // namespace

bool is_known_encoding(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(name.c_str(), &status);
  if (conv) ucnv_close(conv);
  return U_SUCCESS(status) && status != U_AMBIGUOUS_ALIAS_WARNING;
}

SourceText decode_source(std::string path, std::string bytes, const std::string& encoding) {
  if (!encoding.empty() && encoding != "UTF-8" && encoding != "utf-8" && encoding != "utf8")
    return decoded(std::move(path), bytes, encoding, 0);
  if (encoding.empty()) {  // UTF-32 and UTF-16 say what they are with a byte-order mark
    // UTF-32 first: its little-endian mark FF FE 00 00 begins with UTF-16's.
    if (std::string_view(bytes).starts_with(std::string_view("\xFF\xFE\0\0", 4)))
      return decoded(std::move(path), bytes, "UTF-32LE", 4);
    if (std::string_view(bytes).starts_with(std::string_view("\0\0\xFE\xFF", 4)))
      return decoded(std::move(path), bytes, "UTF-32BE", 4);
    if (std::string_view(bytes).starts_with("\xFF\xFE")) return decoded(std::move(path), bytes, "UTF-16LE", 2);
    if (std::string_view(bytes).starts_with("\xFE\xFF")) return decoded(std::move(path), bytes, "UTF-16BE", 2);
  }
  std::size_t bom = 0;
  if (std::string_view(bytes).starts_with(kBom)) bom = kBom.size();
  std::string_view body = std::string_view(bytes).substr(bom);

  if (auto office = unreadable_office_file(body)) throw InputError(path, std::move(*office));
  if (const auto nul = body.find('\0'); nul != std::string_view::npos) {
    const Position at = position_in_prefix(body, nul);
    throw InputError(path,
                     fmt::format("binary file (NUL byte at byte offset {}); kanwu checks UTF-8 text",
                                 nul + bom),
                     at.line, at.column);
  }
  if (const auto bad = utf8::first_invalid(body); bad != std::string_view::npos) {
    // Long enough for detection to be trusted: maybe GB18030, Big5…
    if (encoding.empty() && body.size() >= kDetectMinBytes && !looks_like_damaged_utf8(body)) {
      const std::string charset = detect_charset(body);
      std::string text;
      std::size_t ignored = 0;
      if (!charset.empty() && convert_to_utf8(body, charset, text, ignored) &&
          text.find('\0') == std::string::npos)
        return SourceText(std::move(path), std::move(text), bom, charset);
    }
    const Position at = position_in_prefix(body, bad);
    // Too short to detect its charset with confidence, but it reads as
    // Chinese in GB18030 (the GBK of Windows editors): say so.
    std::string as_gb;
    std::size_t replaced = 0;
    bool gb = encoding.empty() && convert_to_utf8(body, "GB18030", as_gb, replaced) &&
              as_gb.find('\0') == std::string::npos;
    if (gb) {  // and what it reads as is mostly common Han characters and Chinese punctuation
      std::size_t han = 0, other = 0;
      for (char32_t c : code_points(as_gb).chars) {
        if (c < 0x80) continue;
        (chars::is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ? han : other) += 1;
      }
      gb = han > 0 && han >= 4 * other;
    }
    throw InputError(path,
                     fmt::format("invalid UTF-8 (byte 0x{:02X} at byte offset {}); {}",
                                 static_cast<unsigned char>(body[bad]), bad + bom,
                                 gb ? "it reads as GB18030 (GBK): check it with --encoding GB18030, or save it as UTF-8"
                                    : "save the file as UTF-8"),
                     at.line, at.column);
  }
  std::string text(body);
  return SourceText(std::move(path), std::move(text), bom);
}

std::string read_input(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return std::move(buffer).str();
  }
  // Opened first and asked what it is after (one system call less per file
  // than asking first: 20,000 files are 20,000 calls).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) throw InputError(path, "no such file or directory");
    throw InputError(path, fmt::format("cannot open: {}", std::strerror(errno)));
  }
  struct Closer {  // closed however this returns (a file too large to hold throws bad_alloc)
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  const bool known = ::fstat(fd, &st) == 0;
  if (known && S_ISDIR(st.st_mode)) throw InputError(path, "is a directory, not a file");
  // Read into a buffer one byte larger than the file, so that the read
  // after the last shows the end without growing it (a byte-at-a-time
  // stream iterator cost as much as checking some rules); pipes and files
  // that grow while being read are read to their end all the same.
  std::string bytes;
  if (known && S_ISREG(st.st_mode)) bytes.reserve(static_cast<std::size_t>(st.st_size) + 1);
  for (;;) {
    if (bytes.size() == bytes.capacity()) bytes.reserve(std::max<std::size_t>(65536, 2 * bytes.capacity()));
    const std::size_t used = bytes.size();
    bytes.resize(bytes.capacity());
    const ssize_t n = ::read(fd, bytes.data() + used, bytes.size() - used);
    if (n < 0 && errno == EINTR) {
      bytes.resize(used);
      continue;
    }
    if (n < 0) throw InputError(path, fmt::format("read failed: {}", std::strerror(errno)));
    bytes.resize(used + static_cast<std::size_t>(n));
    if (n == 0) break;
  }
  return bytes;
}

}  // namespace kanwu
