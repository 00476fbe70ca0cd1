// `kanwu lsp`: the server's lifecycle and its two threads.
//
// The reader thread (run()) reads messages, keeps the open documents and
// answers requests; it never checks. The checker thread waits on the
// Debouncer, checks a snapshot of the open drafts as one corpus, and
// publishes diagnostics. A snapshot that was edited while it was being
// checked is not published: the edit has already scheduled the next run.
#pragma once

#include <atomic>
#include <chrono>
#include <istream>
#include <map>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "kanwu/engine/linter.h"
#include "lsp/debounce.h"
#include "lsp/diagnostics.h"
#include "lsp/documents.h"
#include "lsp/jsonrpc.h"

namespace kanwu::lsp {

// What the server needs of kanwu proper; the command line supplies it with
// the same configuration lookup `kanwu check` uses.
class Linter {
 public:
  virtual ~Linter() = default;
  // (Re)reads .kanwu.yaml and the rules for the current folder. Returns ""
  // or what went wrong, in words for the editor's user; on failure the
  // rules loaded before stay in force.
  virtual std::string load() = 0;
  // Checks the documents as one corpus, with the project's per-file
  // settings (ignore, enable, disable, severity) applied. Called on the
  // checker thread only, as load() is.
  virtual Report check(std::vector<Document> documents) = 0;
  // True when a .kanwu.yaml it read changed on disk since (time or size), or
  // another one now applies (added, removed): what a client that does not
  // send workspace/didChangeWatchedFiles, or never opens .kanwu.yaml as a
  // document of this server (Neovim 0.7), leaves unsaid.
  virtual bool configuration_changed() { return false; }
};

struct ServerOptions {
  // How long typing must pause before a check.
  std::chrono::milliseconds debounce{300};
  // How often an idle server looks whether .kanwu.yaml changed.
  std::chrono::milliseconds config_poll{1000};
};

class Server {
 public:
  Server(Linter& linter, std::ostream& out, std::ostream& log, ServerOptions options = {});
  ~Server();
  // Serves until the exit notification or the end of input. Returns the
  // exit code: 0 when shutdown came first, 1 otherwise (as LSP asks).
  int run(std::istream& in);

 private:
  void dispatch(const Message& message);
  json initialize(const json& params);
  void initialized(const json& params);
  void did_open(const json& params);
  void did_change(const json& params);
  void did_save(const json& params);
  void did_close(const json& params);
  void watched_files_changed(const json& params);
  json code_action(const json& params);
  std::string path_for(const std::string& uri) const;

  void checker_loop();
  void check_once();
  void publish(std::vector<DocumentDiagnostics> results);

  Linter& linter_;
  Connection connection_;
  std::ostream& log_;
  ServerOptions options_;

  enum class State { Starting, Running, ShutDown };
  State state_ = State::Starting;
  bool exited_ = false;
  // Written by initialize before the checker starts, read-only after.
  Encoding encoding_ = Encoding::Utf16;
  std::string root_;
  bool watch_registration_ = false;

  DocumentStore documents_;
  Debouncer debouncer_;
  std::atomic<bool> reload_{true};
  std::thread checker_;

  // The checker's last word per document: what the client shows, and the
  // fixes code actions offer.
  std::mutex published_mutex_;
  std::map<std::string, DocumentDiagnostics> published_;
  std::map<std::string, json> last_sent_;  // checker thread only
};

}  // namespace kanwu::lsp
