// `kanwu serve`'s request reading on arbitrary bytes, as a client sends
// them on one connection: the request heads, the limits in front of the
// body (Content-Length, Transfer-Encoding, Content-Encoding, Expect), the
// JSON and multipart bodies of POST /api/check down to the check, several
// requests kept alive on the connection. The bytes go through a socket
// pair to GuardedServer::serve_connection, the code each accepted
// connection runs. Invariant besides "no crash, no sanitizer report": the
// server answers or closes, and serve_connection returns (its deadlines
// hold: the input ends, so nothing waits for more).
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <thread>

#include "cli/project_linter.h"
#include "cli/serve_routes.h"

using namespace kanwu;

namespace {

cli::GuardedServer& server() {
  static cli::ServeOptions options = [] {
    cli::ServeOptions o;
    o.rules = {std::string(KANWU_SOURCE_DIR) + "/rules"};
    o.max_body = 1u << 20;
    return o;
  }();
  static cli::ProjectLinter linter(options.rules, options.config, 1);
  static std::atomic<std::size_t> running{0};
  static cli::GuardedServer* guarded = [] {
    linter.load();
    auto* s = new cli::GuardedServer(cli::connection_limits(options));
    cli::add_serve_routes(*s, linter, running, options);
    return s;
  }();
  return *guarded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cli::GuardedServer& guarded = server();
  int ends[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM, 0, ends) != 0) return 0;
  const int client = ends[0];
  // The client writes its bytes and closes its side for writing while
  // another thread reads the answers, so that neither blocks the server.
  std::thread writer([client, data, size] {
    for (std::size_t sent = 0; sent < size;) {
      const ssize_t n = ::send(client, data + sent, size - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
    ::shutdown(client, SHUT_WR);
  });
  std::thread reader([client] {
    char answer[65536];
    while (::recv(client, answer, sizeof answer, 0) > 0) {
    }
  });
  guarded.serve_connection(ends[1]);  // closes its end
  writer.join();
  reader.join();
  ::close(client);
  return 0;
}
