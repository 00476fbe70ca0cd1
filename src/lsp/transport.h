// The Language Server Protocol's base protocol: messages framed by
// "Content-Length: N\r\n\r\n" headers on a byte stream (stdio). Knows
// nothing of JSON; jsonrpc.h gives the bodies their meaning.
#pragma once

#include <cstddef>
#include <istream>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace kanwu::lsp {

// A body larger than this is read past and dropped, never held in memory:
// a draft is kilobytes, a whole book a few megabytes. The message is not
// all the memory it costs: its text is held as the open document, checked
// (the document model is several times the text) and its diagnostics are
// built as JSON; at the former 64 MiB a 50 MB message reached 16 GB.
inline constexpr std::size_t kMaxBodyBytes = 8u << 20;

class FrameReader {
 public:
  // `log` receives one line per header problem; reading goes on.
  FrameReader(std::istream& in, std::ostream& log) : in_(in), log_(log) {}

  // The next message body, or nullopt at the end of the stream. A header
  // block without a valid Content-Length, or a body over kMaxBodyBytes, is
  // logged and skipped: the stream cannot be trusted there, but the next
  // "Content-Length:" found lets reading resynchronise.
  std::optional<std::string> next();

 private:
  enum class Header { Ok, Bad, End };
  Header read_headers(std::size_t& length);

  std::istream& in_;
  std::ostream& log_;
};

// Writes frames; one writer per stream, safe to call from several threads
// (the reader thread answers requests while the checker publishes).
class FrameWriter {
 public:
  explicit FrameWriter(std::ostream& out) : out_(out) {}
  void write(std::string_view body);

 private:
  std::ostream& out_;
  std::mutex mutex_;
};

}  // namespace kanwu::lsp
