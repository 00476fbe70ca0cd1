#include "lsp/server.h"

#include <filesystem>
#include <set>
#include <stdexcept>

#include "kanwu/text/decode.h"
#include "lsp/uri.h"

namespace kanwu::lsp {

namespace fs = std::filesystem;

namespace {

// LSP's MessageType: 1 Error, 2 Warning, 3 Info, 4 Log.
constexpr int kMessageError = 1;
constexpr int kMessageWarning = 2;

// The first encoding the client lists that kanwu speaks; UTF-16 when it
// lists none, as LSP requires every client to accept it.
Encoding negotiate(const json& params, std::string& name) {
  const json* offered = nullptr;
  if (params.contains("capabilities") && params["capabilities"].is_object()) {
    const json& caps = params["capabilities"];
    if (caps.contains("general") && caps["general"].is_object() && caps["general"].contains("positionEncodings"))
      offered = &caps["general"]["positionEncodings"];
  }
  if (offered && offered->is_array()) {
    for (const json& e : *offered) {
      if (e == "utf-16") return name = "utf-16", Encoding::Utf16;
      if (e == "utf-8") return name = "utf-8", Encoding::Utf8;
      if (e == "utf-32") return name = "utf-32", Encoding::Utf32;
    }
  }
  name = "utf-16";
  return Encoding::Utf16;
}

// The workspace's folder: rootUri, else the first workspace folder, else
// the deprecated rootPath.
std::string root_of(const json& params) {
  if (params.contains("rootUri") && params["rootUri"].is_string())
    if (auto p = uri_to_path(params["rootUri"].get<std::string>())) return *p;
  if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array() &&
      !params["workspaceFolders"].empty()) {
    const json& first = params["workspaceFolders"][0];
    if (first.is_object() && first.contains("uri") && first["uri"].is_string())
      if (auto p = uri_to_path(first["uri"].get<std::string>())) return *p;
  }
  if (params.contains("rootPath") && params["rootPath"].is_string()) return params["rootPath"].get<std::string>();
  return "";
}

bool is_config(std::string_view path) { return path == ".kanwu.yaml" || path.ends_with("/.kanwu.yaml"); }

const json& field(const json& object, const char* name) {
  if (!object.is_object()) throw std::invalid_argument(std::string("params must be an object with ") + name);
  return object.at(name);
}

const std::string& text_document_uri(const json& params) {
  return field(field(params, "textDocument"), "uri").get_ref<const std::string&>();
}

}  // namespace

Server::Server(Linter& linter, std::ostream& out, std::ostream& log, ServerOptions options)
    : linter_(linter), connection_(out), log_(log), options_(options) {}

Server::~Server() {
  debouncer_.stop();
  if (checker_.joinable()) checker_.join();
}

int Server::run(std::istream& in) {
  FrameReader reader(in, log_);
  while (!exited_) {
    const auto body = reader.next();
    if (!body) break;
    auto parsed = parse_message(*body);
    if (auto* invalid = std::get_if<Invalid>(&parsed)) {
      log_ << "kanwu lsp: " << invalid->message << '\n';
      connection_.respond_error(invalid->id, invalid->code, invalid->message);
    } else if (auto* message = std::get_if<Message>(&parsed)) {
      dispatch(*message);
    }  // a Response answers our registerCapability: nothing to do with it
  }
  debouncer_.stop();
  if (checker_.joinable()) checker_.join();
  return state_ == State::ShutDown ? 0 : 1;
}

void Server::dispatch(const Message& m) {
  const bool request = m.is_request();
  if (m.method == "exit") {
    exited_ = true;
    return;
  }
  try {
    if (state_ == State::Starting) {
      if (m.method == "initialize" && request) {
        connection_.respond(m.id, initialize(m.params));
        state_ = State::Running;
      } else if (request) {
        connection_.respond_error(m.id, kServerNotInitialized, "initialize first");
      }  // notifications before initialize are dropped, as LSP says
      return;
    }
    if (state_ == State::ShutDown) {
      if (request) connection_.respond_error(m.id, kInvalidRequest, "the server is shut down");
      return;
    }
    if (request) {
      if (m.method == "shutdown") {
        // Nothing is published after shutdown: the checker stops here.
        debouncer_.stop();
        if (checker_.joinable()) checker_.join();
        state_ = State::ShutDown;
        connection_.respond(m.id, nullptr);
      } else if (m.method == "textDocument/codeAction") {
        connection_.respond(m.id, code_action(m.params));
      } else if (m.method == "initialize") {
        connection_.respond_error(m.id, kInvalidRequest, "initialize was already received");
      } else {
        connection_.respond_error(m.id, kMethodNotFound, "kanwu does not serve " + m.method);
      }
      return;
    }
    if (m.method == "initialized") initialized(m.params);
    else if (m.method == "textDocument/didOpen") did_open(m.params);
    else if (m.method == "textDocument/didChange") did_change(m.params);
    else if (m.method == "textDocument/didSave") did_save(m.params);
    else if (m.method == "textDocument/didClose") did_close(m.params);
    else if (m.method == "workspace/didChangeWatchedFiles") watched_files_changed(m.params);
    // Other notifications ($/cancelRequest, $/setTrace, …) need nothing.
  } catch (const std::exception& e) {
    // Bad params (a field missing or of the wrong type) or a bad edit.
    const bool bad_params = dynamic_cast<const json::exception*>(&e) || dynamic_cast<const std::invalid_argument*>(&e);
    log_ << "kanwu lsp: " << m.method << ": " << e.what() << '\n';
    if (request) connection_.respond_error(m.id, bad_params ? kInvalidParams : kInternalError, e.what());
  }
}

json Server::initialize(const json& params) {
  std::string encoding_name;
  encoding_ = negotiate(params, encoding_name);
  const json caps = params.is_object() ? params.value("capabilities", json::object()) : json::object();
  if (caps.is_object() && caps.contains("workspace") && caps["workspace"].is_object()) {
    const json& ws = caps["workspace"];
    watch_registration_ = ws.contains("didChangeWatchedFiles") && ws["didChangeWatchedFiles"].is_object() &&
                          ws["didChangeWatchedFiles"].value("dynamicRegistration", false) == true;
  }
  // The server works from the workspace's folder, as `kanwu check` run
  // there would: the same .kanwu.yaml is found, and messages name files
  // relative to it (报告.md:3, not a long absolute path).
  const std::string root = params.is_object() ? root_of(params) : "";
  std::error_code ec;
  if (!root.empty() && fs::is_directory(root, ec)) {
    fs::current_path(root, ec);
    if (ec) log_ << "kanwu lsp: cannot work in " << root << ": " << ec.message() << '\n';
    else root_ = fs::current_path(ec).string();
  }
  // Rules load on the checker thread, so this answer is not held up by
  // reading the word lists.
  reload_ = true;
  checker_ = std::thread([this] { checker_loop(); });
  debouncer_.schedule(std::chrono::milliseconds(0));
  return {{"capabilities",
           {{"positionEncoding", encoding_name},
            // Incremental: a keystroke sends a few bytes, not the whole draft.
            {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
            {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}}}},
          {"serverInfo", {{"name", "kanwu"}, {"version", KANWU_VERSION}}}};
}

void Server::initialized(const json&) {
  if (!watch_registration_) return;  // then .kanwu.yaml is reloaded when saved in the editor
  json watcher = {{"globPattern", "**/.kanwu.yaml"}};
  connection_.request("client/registerCapability",
                      {{"registrations", json::array({{{"id", "kanwu-config"},
                                                        {"method", "workspace/didChangeWatchedFiles"},
                                                        {"registerOptions", {{"watchers", json::array({watcher})}}}}})}});
}

std::string Server::path_for(const std::string& uri) const {
  const auto path = uri_to_path(uri);
  if (!path) return uri;  // untitled:Untitled-1 and other unsaved buffers
  if (root_.empty()) return *path;
  const fs::path relative = fs::path(*path).lexically_normal().lexically_relative(root_);
  if (relative.empty() || *relative.begin() == "..") return *path;
  return relative.string();
}

void Server::did_open(const json& params) {
  const json& doc = field(params, "textDocument");
  OpenDocument d;
  d.uri = field(doc, "uri").get<std::string>();
  d.path = path_for(d.uri);
  d.language = doc.value("languageId", "");
  d.version = doc.contains("version") ? to_int(doc["version"]) : 0;
  d.text = field(doc, "text").get<std::string>();
  if (is_config(d.path)) reload_ = true;  // opened (as after a save elsewhere): read it again
  documents_.open(std::move(d));
  debouncer_.schedule(std::chrono::milliseconds(0));
}

void Server::did_change(const json& params) {
  const json& doc = field(params, "textDocument");
  documents_.change(field(doc, "uri").get<std::string>(), doc.contains("version") ? to_int(doc["version"]) : 0,
                    field(params, "contentChanges"), encoding_);
  debouncer_.schedule(options_.debounce);
}

void Server::did_save(const json& params) {
  if (is_config(path_for(text_document_uri(params)))) reload_ = true;
  debouncer_.schedule(std::chrono::milliseconds(0));
}

void Server::did_close(const json& params) {
  documents_.close(text_document_uri(params));
  // The next run sends the closed document an empty list.
  debouncer_.schedule(std::chrono::milliseconds(0));
}

void Server::watched_files_changed(const json& params) {
  for (const json& change : field(params, "changes"))
    if (change.is_object() && change.contains("uri") && change["uri"].is_string() &&
        is_config(change["uri"].get<std::string>()))
      reload_ = true;
  if (reload_) debouncer_.schedule(std::chrono::milliseconds(0));
}

json Server::code_action(const json& params) {
  const std::string& uri = text_document_uri(params);
  const json& r = field(params, "range");
  const LspRange requested{{to_int(r.at("start").at("line")), to_int(r.at("start").at("character"))},
                           {to_int(r.at("end").at("line")), to_int(r.at("end").at("character"))}};
  const json& context = params.value("context", json::object());
  const json only = context.is_object() ? context.value("only", json()) : json();
  std::lock_guard lock(published_mutex_);
  const auto it = published_.find(uri);
  // Fixes are byte spans of the text that was checked: after an edit they
  // wait for the next check rather than land in the wrong place.
  if (it == published_.end() || !documents_.is_at(uri, it->second.version)) return json::array();
  return code_actions(it->second, requested, only);
}

void Server::checker_loop() {
  for (;;) {
    const Debouncer::Wake wake = debouncer_.wait_or_idle(options_.config_poll);
    if (wake == Debouncer::Wake::Stopped) break;
    if (wake == Debouncer::Wake::Idle && !linter_.configuration_changed()) continue;
    try {
      check_once();
    } catch (const std::exception& e) {
      log_ << "kanwu lsp: check failed: " << e.what() << '\n';
      connection_.notify("window/logMessage", {{"type", kMessageError}, {"message", std::string("kanwu: ") + e.what()}});
    }
  }
}

void Server::check_once() {
  if (reload_.exchange(false) || linter_.configuration_changed()) {
    const std::string problem = linter_.load();
    if (!problem.empty()) connection_.notify("window/showMessage", {{"type", kMessageError}, {"message", problem}});
  }
  const auto snapshot = documents_.snapshot();
  std::vector<OpenDocument> drafts;
  std::vector<Document> corpus;
  std::vector<std::pair<const OpenDocument*, InputError>> unreadable;
  for (const OpenDocument& d : snapshot.documents) {
    if (!d.is_draft()) continue;
    try {
      corpus.emplace_back(decode_source(d.path, d.text), d.format());
      drafts.push_back(d);
    } catch (const InputError& e) {
      unreadable.emplace_back(&d, e);
    }
  }
  const Report report = linter_.check(std::move(corpus));
  if (documents_.generation() != snapshot.generation) return;  // edited meanwhile: the next run is due
  for (const auto& p : report.rule_problems)
    connection_.notify("window/logMessage", {{"type", kMessageWarning},
                                             {"message", p.file + ": rule '" + p.rule + "' skipped: " + p.message}});
  auto results = to_diagnostics(report, drafts, encoding_);
  for (const auto& [document, error] : unreadable)
    results.push_back({document->uri, document->version, json::array({input_error_diagnostic(error, *document, encoding_)}), {}});
  publish(std::move(results));
}

void Server::publish(std::vector<DocumentDiagnostics> results) {
  std::vector<json> sends;
  std::set<std::string> current;
  for (const auto& r : results) {
    current.insert(r.uri);
    json params = {{"uri", r.uri}, {"version", r.version}, {"diagnostics", r.diagnostics}};
    auto& last = last_sent_[r.uri];
    if (last == params) continue;  // another draft changed; this one's list did not
    sends.push_back(params);
    last = std::move(params);
  }
  for (auto it = last_sent_.begin(); it != last_sent_.end();) {
    if (current.count(it->first)) {
      ++it;
      continue;
    }
    // Closed (or no longer a draft): its diagnostics go with it.
    sends.push_back({{"uri", it->first}, {"diagnostics", json::array()}});
    it = last_sent_.erase(it);
  }
  {
    // The fixes are in place before the client hears of the diagnostics,
    // so a code action asked for at once finds them.
    std::lock_guard lock(published_mutex_);
    published_.clear();
    for (auto& r : results) published_[r.uri] = std::move(r);
  }
  for (const json& params : sends) connection_.notify("textDocument/publishDiagnostics", params);
}

}  // namespace kanwu::lsp
