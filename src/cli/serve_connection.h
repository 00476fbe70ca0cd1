// The connection handling of `kanwu serve`, in front of cpp-httplib's
// request parsing. Debian 12's cpp-httplib 0.11.4 bounds each read of a
// socket by a timeout, but not a request as a whole: one byte a second keeps
// a worker thread forever (slowloris), header lines are read without a
// limit on their number or the bytes before a line break, and a chunked
// body is read past any payload limit (CVE-2025-46728). GuardedServer runs
// each connection through its own Stream, which gives the request head and
// the body each a deadline and a byte budget, and the answer a deadline;
// httplib's parsing and routing are unchanged.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>

namespace kanwu::cli {

struct ConnectionLimits {
  // From a request's first byte to the end of its headers, and their size
  // (request line and all header lines together).
  std::chrono::milliseconds head_time{5000};
  std::size_t head_bytes = 64u << 10;
  // Silence allowed before a connection's first request and between two
  // requests on a connection kept alive.
  std::chrono::milliseconds idle_time{5000};
  // From the end of the headers to the end of the body, and its size: a
  // second wall behind the checks of the Content-Length the handlers make.
  std::chrono::milliseconds body_time{30000};
  std::size_t body_bytes = 5u << 20;
  // From the first byte of an answer to its last.
  std::chrono::milliseconds answer_time{30000};
  // After a request was answered without its body being read (refused), the
  // body still arriving is read and thrown away for this long before the
  // connection closes, so that the client reads the answer instead of a
  // reset.
  std::chrono::milliseconds drain_time{2000};
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits) : limits_(limits) {}

  // When the request being handled on the calling thread began to arrive
  // (its first byte). httplib calls a request's handlers on the thread that
  // read it.
  static std::chrono::steady_clock::time_point request_started();

  // Serves one connected socket on the calling thread until the client is
  // done, then closes it: what the listening loop does for each connection
  // it accepts, and what tests/fuzz/fuzz_serve_request.cpp feeds directly.
  bool serve_connection(socket_t sock);

 private:
  template <class StillServing>
  bool serve_until_closed(socket_t sock, StillServing still_serving);

  // httplib::Server's per-connection loop, replaced (it is virtual for its
  // TLS server): the same keep-alive handling around process_request, with
  // a GuardedStream in place of httplib's socket stream.
  bool process_and_close_socket(socket_t sock) override;

  ConnectionLimits limits_;
};

}  // namespace kanwu::cli
