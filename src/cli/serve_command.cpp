#include "serve_command.h"

#include <fmt/format.h>
#include <httplib.h>

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <optional>
#include <csignal>
#include <future>
#include <memory>
#include <thread>
#include <iostream>

#include "check_command.h"
#include "project_linter.h"
#include "serve_api.h"
#include "serve_connection.h"
#include "serve_routes.h"

namespace kanwu::cli {

namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

void reply_error(httplib::Response& res, int status, std::string_view message) {
  res.status = status;
  res.set_content(error_json(message), kJson);
}

// Counts the checks running; a request that finds them all busy is told to
// come back (503) rather than queue behind them: the machine is an
// editor's desk computer, and its memory and cores are shared.
class CheckSlot {
 public:
  CheckSlot(std::atomic<std::size_t>& running, std::size_t limit) : running_(running) {
    taken_ = running_.fetch_add(1) < limit;
    if (!taken_) running_.fetch_sub(1);
  }
  ~CheckSlot() {
    if (taken_) running_.fetch_sub(1);
  }
  explicit operator bool() const { return taken_; }

 private:
  std::atomic<std::size_t>& running_;
  bool taken_ = false;
};

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

void handle_check(const httplib::Request& req, httplib::Response& res, ProjectLinter& linter,
                  std::atomic<std::size_t>& running, const ServeOptions& options) {
  // The time limit counts from the request's first byte: reading it and
  // naming its documents are part of the time a client waits.
  using Clock = std::chrono::steady_clock;
  const Clock::time_point deadline =
      GuardedServer::request_started() +
      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.time_limit));
  auto slot = std::make_shared<CheckSlot>(running, options.max_checks);
  if (!*slot) {
    res.set_header("Retry-After", "1");
    return reply_error(res, 503, fmt::format("kanwu is busy: {} checks are running; try again in a moment",
                                             options.max_checks));
  }
  try {
    const bool with_texts = req.get_param_value("texts") == "1";
    // The request outlives this handler when the check is abandoned: its
    // body or files are copied into the task.
    std::optional<std::vector<Upload>> uploads;
    std::string body;
    if (req.is_multipart_form_data()) {
      uploads.emplace();
      for (const auto& [field, file] : req.files)
        if (!file.filename.empty()) uploads->push_back({file.filename, file.content});
    } else {
      body = req.body;
    }
    // Set when the client has been told the check took too long: the
    // engine stops at its next rule and the slot is freed.
    auto abandoned = std::make_shared<std::atomic<bool>>(false);
    // The request is read into documents and checked on a thread of its
    // own, so that the answer can stop waiting for it.
    auto task = std::make_shared<std::packaged_task<std::string()>>(
        [&linter, with_texts, abandoned, uploads = std::move(uploads), body = std::move(body)]() mutable {
          std::vector<Document> documents = uploads ? documents_from_uploads(*uploads) : documents_from_json(body);
          body = std::string();
          uploads.reset();
          // The texts are copied out before the check consumes the documents.
          std::vector<Document> shown;
          if (with_texts)
            for (const Document& d : documents)
              shown.emplace_back(SourceText(d.path(), std::string(d.source().text())), DocumentFormat::PlainText);
          const Report report = linter.check(std::move(documents), abandoned.get());
          if (abandoned->load()) return std::string();
          return report_json(report, with_texts ? &shown : nullptr);
        });
    std::future<std::string> answer = task->get_future();
    std::thread([task, slot] { (*task)(); }).detach();
    if (answer.wait_until(deadline) != std::future_status::ready) {
      abandoned->store(true);
      res.set_header("Retry-After", "5");
      return reply_error(res, 503, fmt::format("the check took longer than {} s and was abandoned; check a shorter "
                                               "text, or fewer documents at once", options.time_limit));
    }
    res.set_content(answer.get(), kJson);
  } catch (const ApiError& e) {
    reply_error(res, e.status(), e.what());
  } catch (const std::exception& e) {  // a rule file or .kanwu.yaml problem: the server's, not the request's
    reply_error(res, 500, fmt::format("kanwu: {}", e.what()));
  }
}

// Why a request is refused before its body is read, if it is: the body's
// size must be known from Content-Length and within the limit, and arrive
// as it is. cpp-httplib 0.11.4 reads a chunked body past its payload limit
// and inflates a gzip or brotli body without one (1 MB of gzip became
// 5.3 GB resident), so neither is accepted; the page and every HTTP client
// send a plain body with its length. Both are answered 413 (too large to
// accept): a body whose size cannot be known before it is read, or inflated,
// cannot be held to the limit (issue 27: 413 for every oversize body however
// it is sent).
std::optional<std::pair<int, std::string>> refusal_before_body(const httplib::Request& req, std::size_t max_body) {
  if (req.has_header("Transfer-Encoding"))
    return std::pair{413, fmt::format("a body sent with Transfer-Encoding (chunked) cannot be held to the {} MB "
                                      "limit: send it with a Content-Length header",
                                      max_body >> 20)};
  if (req.has_header("Content-Encoding") && req.get_header_value("Content-Encoding") != "identity")
    return std::pair{413, fmt::format("a compressed body (Content-Encoding \"{}\") cannot be held to the {} MB "
                                      "limit before it is inflated: send it uncompressed",
                                      req.get_header_value("Content-Encoding").substr(0, 40), max_body >> 20)};
  const std::size_t lengths = req.get_header_value_count("Content-Length");
  if (lengths > 1) return std::pair{400, std::string("more than one Content-Length header")};
  if (lengths == 0) {
    if (req.method == "POST" || req.method == "PUT" || req.method == "PATCH")
      return std::pair{411, std::string("send the body with a Content-Length header")};
    return std::nullopt;
  }
  const std::string text = req.get_header_value("Content-Length");
  std::uint64_t length = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), length);
  if (ec == std::errc::result_out_of_range) length = UINT64_MAX;
  else if (ec != std::errc() || end != text.data() + text.size() || text.empty())
    return std::pair{400, fmt::format("bad Content-Length \"{}\"", text.substr(0, 40))};
  if (length > max_body)
    return std::pair{413, fmt::format("request too large: kanwu serve accepts up to {} MB", max_body >> 20)};
  return std::nullopt;
}

}  // namespace

ConnectionLimits connection_limits(const ServeOptions& options) {
  ConnectionLimits limits;
  limits.body_bytes = options.max_body;
  return limits;
}

void add_serve_routes(httplib::Server& server, ProjectLinter& linter, std::atomic<std::size_t>& running,
                      const ServeOptions& options) {
  server.set_payload_max_length(options.max_body);
  // Each read and write of a socket; GuardedServer bounds a whole request.
  server.set_read_timeout(5, 0);
  server.set_write_timeout(10, 0);
  // Refused before the body is read: a client that sends
  // "Expect: 100-continue" hears it before sending the body, others when
  // the headers have arrived.
  server.set_expect_100_continue_handler([&options](const httplib::Request& req, httplib::Response& res) {
    if (const auto refused = refusal_before_body(req, options.max_body)) {
      reply_error(res, refused->first, refused->second);
      return refused->first;
    }
    return 100;
  });
  server.set_pre_routing_handler([&options](const httplib::Request& req, httplib::Response& res) {
    const auto refused = refusal_before_body(req, options.max_body);
    if (!refused) return httplib::Server::HandlerResponse::Unhandled;
    reply_error(res, refused->first, refused->second);
    return httplib::Server::HandlerResponse::Handled;
  });

  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    // The page reaches nothing but this server.
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                   "connect-src 'self'; img-src data:");
    res.set_content(serve_page(), "text/html; charset=utf-8");
  });
  server.Get("/healthz", [&running](const httplib::Request&, httplib::Response& res) {
    res.set_content(fmt::format("{{\"status\":\"ok\",\"checks_running\":{}}}\n", running.load()), kJson);
  });
  server.Get("/api/rules", [&linter](const httplib::Request&, httplib::Response& res) {
    res.set_content(rules_json(linter.catalogue()), kJson);
  });
  server.Post("/api/check", [&](const httplib::Request& req, httplib::Response& res) {
    handle_check(req, res, linter, running, options);
  });
  for (const char* path : {"/api/check", "/api/rules", "/healthz"}) {
    const std::string allowed = std::string(path) == "/api/check" ? "POST" : "GET";
    const auto wrong_method = [allowed](const httplib::Request& req, httplib::Response& res) {
      res.set_header("Allow", allowed);
      reply_error(res, 405, fmt::format("{} {}: use {}", req.method, req.path, allowed));
    };
    if (allowed == "POST") server.Get(path, wrong_method);
    else server.Post(path, wrong_method);
    server.Put(path, wrong_method);
    server.Delete(path, wrong_method);
  }
  // Every other error answers in JSON too, with the reason in words.
  server.set_error_handler([&options](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413)
      reply_error(res, 413, fmt::format("request too large: kanwu serve accepts up to {} MB", options.max_body >> 20));
    else if (res.status == 404)
      reply_error(res, 404, fmt::format("no such page: {} {}", req.method, req.path));
    else
      reply_error(res, res.status, fmt::format("HTTP {}", res.status));
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    reply_error(res, 500, "kanwu: internal error");
  });
}

namespace {

// The address to open. A wildcard (0.0.0.0, ::) is where the server listens,
// not a place a browser can go: this machine opens 127.0.0.1 and colleagues
// its name.
std::string startup_message(const std::string& host, int port) {
  if (host == "0.0.0.0" || host == "::" || host.empty()) {
    char name[256] = {};
    const bool named = ::gethostname(name, sizeof name - 1) == 0 && name[0] != '\0';
    const std::string local = host == "::" ? "[::1]" : "127.0.0.1";
    return fmt::format("kanwu serve: 在浏览器中打开 http://{}:{}/ (Ctrl+C 停止)\n", local, port) +
           (named ? fmt::format("kanwu serve: 同事的电脑上打开 http://{}:{}/ (或用这台电脑的 IP 地址)\n", name, port)
                  : std::string());
  }
  const std::string shown_host = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  return fmt::format("kanwu serve: 在浏览器中打开 http://{}:{}/ (Ctrl+C 停止)\n", shown_host, port);
}

}  // namespace

int run_serve(const ServeOptions& options) {
  if (options.host_given && !is_loopback(options.host))
    std::cerr << fmt::format("kanwu serve: warning: listening on {}: anyone who can reach this machine can send "
                             "text to check (there is no password); use the default 127.0.0.1 to keep it local\n",
                             options.host);
  // One worker thread per check: requests are checked in parallel, each on
  // its own thread, up to max_checks.
  ProjectLinter linter(options.rules, options.config, 1, options.ledger);
  if (const std::string problem = linter.load(); !problem.empty()) {
    std::cerr << problem << '\n';
    if (linter.catalogue().empty()) return kExitError;  // nothing loaded at all
  }
  // A ledger that cannot be read is said at start, not on the first check.
  if (const std::string problem = linter.ledger_problem(); !problem.empty()) {
    std::cerr << "kanwu serve: " << problem << '\n';
    return kExitError;
  }
  std::signal(SIGPIPE, SIG_IGN);  // a browser that goes away mid-answer

  GuardedServer server(connection_limits(options));
  std::atomic<std::size_t> running{0};
  // A thread per connection being served (httplib's model), more of them
  // than checks: a connection holds its thread while its request arrives
  // (at most ConnectionLimits::head_time for the head), so 50 slow clients
  // leave threads for /healthz, the page, the 503s and other checks.
  const std::size_t threads = options.max_checks + kConnectionThreads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  add_serve_routes(server, linter, running, options);

  // Debian's cpp-httplib listens with a backlog of 5: a burst of clients
  // (16 in serve_test.py's load test) overflows it and a connection is now
  // and then reset. The listening socket is noted when it is made (for a
  // name with several addresses, the last one tried is the one that bound),
  // with the library's own option (SO_REUSEPORT), and given the system's
  // backlog once bound: listen() on a listening socket only changes its backlog.
  int listening = -1;
  server.set_socket_options([&listening](int sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEPORT, &yes, sizeof yes);
    listening = sock;  // the last one made is the one that bound
  });
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) port = 0;
  } else if (!server.bind_to_port(options.host, port)) {
    port = 0;
  }
  if (port == 0) {
    std::cerr << fmt::format("kanwu serve: cannot listen on {}:{} (in use? try --port)\n", options.host, options.port);
    return kExitError;
  }
  if (listening >= 0) ::listen(listening, SOMAXCONN);
  std::cout << startup_message(options.host, port) << std::flush;
  return server.listen_after_bind() ? kExitClean : kExitError;
}

}  // namespace kanwu::cli
