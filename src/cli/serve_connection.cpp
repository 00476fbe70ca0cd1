#include "serve_connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace kanwu::cli {

namespace {

using Clock = std::chrono::steady_clock;

thread_local Clock::time_point request_started_at = Clock::now();

// Waits until `sock` is ready for `events` or `deadline` passes.
bool wait_until(int sock, short events, Clock::time_point deadline) {
  for (;;) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd watched{sock, events, 0};
    const int ready = ::poll(&watched, 1, static_cast<int>(std::min<long long>(left, 60'000)));
    if (ready > 0) return true;  // POLLHUP and POLLERR too: the read or write that follows says what happened
    if (ready < 0 && errno != EINTR) return false;
  }
}

std::string address_text(const sockaddr_storage& address, int& port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (address.ss_family == AF_INET) {
    const auto& in = reinterpret_cast<const sockaddr_in&>(address);
    ::inet_ntop(AF_INET, &in.sin_addr, text, sizeof text);
    port = ntohs(in.sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto& in6 = reinterpret_cast<const sockaddr_in6&>(address);
    ::inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof text);
    port = ntohs(in6.sin6_port);
  }
  return text;
}

// A connection's socket as httplib reads and writes it, within the limits:
// a read past the phase's deadline or byte budget fails, and httplib then
// answers 400 or drops the connection, as for any broken request.
class GuardedStream final : public httplib::Stream {
 public:
  GuardedStream(int sock, const ConnectionLimits& limits) : sock_(sock), limits_(limits), buffer_(16u << 10) {}

  // Whether the next request starts within `idle` (a byte is there).
  bool next_request_within(std::chrono::milliseconds idle) const {
    return begin_ < end_ || wait_until(sock_, POLLIN, Clock::now() + idle);
  }

  void begin_request() {
    const auto now = Clock::now();
    request_started_at = now;
    read_deadline_ = now + limits_.head_time;
    read_budget_ = limits_.head_bytes;
    answer_deadline_.reset();
    head_accepted_ = false;
    declared_body_ = 0;
    body_read_ = 0;
    has_transfer_encoding_ = false;
  }

  // Called by httplib once the head is parsed, before any body is read.
  void head_accepted(const httplib::Request& req) {
    head_accepted_ = true;
    read_deadline_ = Clock::now() + limits_.body_time;
    read_budget_ = limits_.body_bytes;
    has_transfer_encoding_ = req.has_header("Transfer-Encoding");
    const std::string length = req.get_header_value("Content-Length");
    if (std::from_chars(length.data(), length.data() + length.size(), declared_body_).ec != std::errc())
      declared_body_ = 0;
  }

  bool head_was_accepted() const { return head_accepted_; }

  // Whether the connection can carry another request: the last one was
  // read to its end, so the next byte starts a new one. A request refused
  // before its body was read (a wrong length, a chunked or compressed body)
  // leaves the body on the connection.
  bool request_read_through() const {
    return head_accepted_ && !has_transfer_encoding_ && body_read_ == declared_body_;
  }

  // Reads and drops what the client still sends, for a bounded time, then
  // closes our side for reading too.
  void drain() {
    ::shutdown(sock_, SHUT_WR);
    const auto deadline = Clock::now() + limits_.drain_time;
    while (wait_until(sock_, POLLIN, deadline)) {
      const ssize_t n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
      if (n == 0 || (n < 0 && errno != EINTR)) break;
    }
  }

  bool is_readable() const override { return begin_ < end_ || wait_until(sock_, POLLIN, read_deadline_); }
  bool is_writable() const override { return wait_until(sock_, POLLOUT, answer_deadline()); }

  ssize_t read(char* ptr, size_t size) override {
    if (read_budget_ == 0) return -1;  // the head or the body is over its size
    if (begin_ == end_) {
      if (!wait_until(sock_, POLLIN, read_deadline_)) return -1;
      ssize_t n;
      do n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
      while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      begin_ = 0;
      end_ = static_cast<std::size_t>(n);
    }
    const std::size_t n = std::min({size, end_ - begin_, read_budget_});
    std::memcpy(ptr, buffer_.data() + begin_, n);
    begin_ += n;
    read_budget_ -= n;
    if (head_accepted_) body_read_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!answer_deadline_) answer_deadline_ = Clock::now() + limits_.answer_time;
    if (!wait_until(sock_, POLLOUT, *answer_deadline_)) return -1;
    ssize_t n;
    do n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) ip = address_text(address, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) ip = address_text(address, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  Clock::time_point answer_deadline() const { return answer_deadline_.value_or(Clock::now() + limits_.answer_time); }

  int sock_;
  const ConnectionLimits& limits_;
  // Bytes received and not yet read by httplib (which reads a head a byte
  // at a time); they may begin the next request on the connection.
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  Clock::time_point read_deadline_ = Clock::now();
  std::size_t read_budget_ = 0;
  std::optional<Clock::time_point> answer_deadline_;
  bool head_accepted_ = false;
  std::size_t declared_body_ = 0;
  std::size_t body_read_ = 0;
  bool has_transfer_encoding_ = false;
};

}  // namespace

Clock::time_point GuardedServer::request_started() { return request_started_at; }

template <class StillServing>
bool GuardedServer::serve_until_closed(socket_t sock, StillServing still_serving) {
  GuardedStream stream(sock, limits_);
  bool served = false;
  // Another request on the connection only while the server still listens.
  for (std::size_t left = keep_alive_max_count_; left > 0 && still_serving(); --left) {
    if (!stream.next_request_within(limits_.idle_time)) break;
    stream.begin_request();
    bool client_closes = false;
    served = process_request(stream, /*close_connection=*/left == 1, client_closes, [&stream](httplib::Request& req) {
      stream.head_accepted(req);
      // Range is ignored: the API's answers are small and made afresh, and
      // httplib answers every range of a list with the whole body again (an
      // 8 KB request was answered with 32.8 MB).
      req.ranges.clear();
    });
    if (!stream.request_read_through()) {
      // A head that was cut off or refused is not worth waiting for.
      if (stream.head_was_accepted()) stream.drain();
      break;
    }
    if (!served || client_closes) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return served;
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  return serve_until_closed(sock, [this] { return svr_sock_ != INVALID_SOCKET; });
}

bool GuardedServer::serve_connection(socket_t sock) {
  return serve_until_closed(sock, [] { return true; });
}

}  // namespace kanwu::cli
