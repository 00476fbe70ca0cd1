#include "serve_command.h"

#include <fmt/format.h>
#include <httplib.h>

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <future>
#include <memory>
#include <thread>
#include <iostream>

#include "check_command.h"
#include "project_linter.h"
#include "serve_api.h"

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
  auto slot = std::make_shared<CheckSlot>(running, options.max_checks);
  if (!*slot) {
    res.set_header("Retry-After", "1");
    return reply_error(res, 503, fmt::format("kanwu is busy: {} checks are running; try again in a moment",
                                             options.max_checks));
  }
  try {
    std::vector<Document> documents;
    if (req.is_multipart_form_data()) {
      std::vector<Upload> uploads;
      for (const auto& [field, file] : req.files)
        if (!file.filename.empty()) uploads.push_back({file.filename, file.content});
      documents = documents_from_uploads(uploads);
    } else {
      documents = documents_from_json(req.body);
    }
    const bool with_texts = req.get_param_value("texts") == "1";
    // The texts are copied out before the check consumes the documents.
    std::vector<Document> shown;
    if (with_texts)
      for (const Document& d : documents)
        shown.emplace_back(SourceText(d.path(), std::string(d.source().text())), DocumentFormat::PlainText);
    // The check runs on its own thread so that the answer can give up
    // waiting for it: the engine cannot be interrupted, so a check past the
    // time limit runs on, holding its slot until it ends, while the client
    // is told 503 at once.
    auto task = std::make_shared<std::packaged_task<std::string()>>(
        [&linter, with_texts, documents = std::move(documents), shown = std::move(shown)]() mutable {
          const Report report = linter.check(std::move(documents));
          return report_json(report, with_texts ? &shown : nullptr);
        });
    std::future<std::string> answer = task->get_future();
    std::thread([task, slot] { (*task)(); }).detach();
    if (answer.wait_for(std::chrono::duration<double>(options.time_limit)) != std::future_status::ready) {
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

}  // namespace

int run_serve(const ServeOptions& options) {
  if (options.host_given && !is_loopback(options.host))
    std::cerr << fmt::format("kanwu serve: warning: listening on {}: anyone who can reach this machine can send "
                             "text to check (there is no password); use the default 127.0.0.1 to keep it local\n",
                             options.host);
  // One worker thread per check: requests are checked in parallel, each on
  // its own thread, up to max_checks.
  ProjectLinter linter(options.rules, options.config, 1);
  if (const std::string problem = linter.load(); !problem.empty()) {
    std::cerr << problem << '\n';
    if (linter.catalogue().empty()) return kExitError;  // nothing loaded at all
  }
  std::signal(SIGPIPE, SIG_IGN);  // a browser that goes away mid-answer

  httplib::Server server;
  std::atomic<std::size_t> running{0};
  // More threads than checks, so that /healthz, the page and the 503s are
  // answered while checks run.
  const std::size_t threads = options.max_checks + 12;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(options.max_body);
  server.set_read_timeout(10, 0);
  server.set_write_timeout(10, 0);

  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    // The page reaches nothing but this server.
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                   "connect-src 'self'; img-src data:");
    res.set_content(serve_page(), "text/html; charset=utf-8");
  });
  server.Get("/healthz", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(fmt::format("{{\"status\":\"ok\",\"checks_running\":{}}}\n", running.load()), kJson);
  });
  server.Get("/api/rules", [&](const httplib::Request&, httplib::Response& res) {
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
  server.set_error_handler([&](const httplib::Request& req, httplib::Response& res) {
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
  const std::string shown_host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::cout << fmt::format("kanwu serve: 在浏览器中打开 http://{}:{}/ (Ctrl+C 停止)\n", shown_host, port)
            << std::flush;
  return server.listen_after_bind() ? kExitClean : kExitError;
}

}  // namespace kanwu::cli
