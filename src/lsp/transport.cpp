#include "lsp/transport.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace kanwu::lsp {

namespace {

constexpr std::string_view kLengthHeader = "content-length";
constexpr std::size_t kMaxHeaderLine = 4096;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Only the last few kilobytes of a line are kept: a header line is short,
// a stray body read as a header must not fill memory, and the header that
// follows such junk is at its end.
bool read_line(std::istream& in, std::string& line) {
  line.clear();
  std::istream::int_type c;
  while ((c = in.get()) != std::istream::traits_type::eof()) {
    if (c == '\n') return true;
    line.push_back(static_cast<char>(c));
    if (line.size() >= 2 * kMaxHeaderLine) line.erase(0, kMaxHeaderLine);
  }
  return !line.empty();
}

}  // namespace

FrameReader::Header FrameReader::read_headers(std::size_t& length) {
  std::string line;
  // found: a valid Content-Length was read (its value in `declared`).
  std::size_t declared = 0;
  bool found = false, bad = false, any = false;
  while (read_line(in_, line)) {
    std::string_view l = trim(line);
    if (l.empty()) {
      if (!any) continue;  // blank lines between messages are harmless
      if (found && !bad) {
        length = declared;
        return Header::Ok;
      }
      if (!found && !bad) log_ << "kanwu lsp: message without Content-Length header, skipped\n";
      return Header::Bad;
    }
    any = true;
    // A body that was not framed right leaves junk before the next header:
    // start over where "Content-Length" appears.
    const std::string low = lower(l);
    const std::size_t at = low.find(kLengthHeader);
    if (at != std::string::npos && at > 0) {
      log_ << "kanwu lsp: stray bytes before a header, skipped\n";
      l.remove_prefix(at);
      found = false;
      bad = false;
    }
    const std::size_t colon = l.find(':');
    if (colon == std::string_view::npos) {
      log_ << "kanwu lsp: malformed header line, message skipped\n";
      bad = true;
      continue;
    }
    if (lower(trim(l.substr(0, colon))) != kLengthHeader) continue;  // Content-Type and others
    const std::string_view value = trim(l.substr(colon + 1));
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
      log_ << "kanwu lsp: bad Content-Length '" << value.substr(0, 40) << "', message skipped\n";
      bad = true;
      continue;
    }
    found = true;
    declared = n;
  }
  return Header::End;
}

std::optional<std::string> FrameReader::next() {
  for (;;) {
    std::size_t length = 0;
    const Header h = read_headers(length);
    if (h == Header::End) return std::nullopt;
    if (h == Header::Bad) continue;
    if (length > kMaxBodyBytes) {
      log_ << "kanwu lsp: message of " << length << " bytes is over the limit, skipped\n";
      char buffer[8192];
      while (length > 0 && in_) {
        in_.read(buffer, static_cast<std::streamsize>(std::min(length, sizeof buffer)));
        length -= static_cast<std::size_t>(in_.gcount());
      }
      if (!in_) return std::nullopt;
      continue;
    }
    std::string body(length, '\0');
    in_.read(body.data(), static_cast<std::streamsize>(length));
    if (static_cast<std::size_t>(in_.gcount()) != length) {
      log_ << "kanwu lsp: stream ended inside a message\n";
      return std::nullopt;
    }
    return body;
  }
}

void FrameWriter::write(std::string_view body) {
  std::lock_guard lock(mutex_);
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
}

}  // namespace kanwu::lsp
