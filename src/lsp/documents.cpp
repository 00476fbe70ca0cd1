#include "lsp/documents.h"

#include <stdexcept>
#include <string>

#include "lsp/jsonrpc.h"

namespace kanwu::lsp {

namespace {

bool has_draft_extension(std::string_view path) {
  for (std::string_view ext : {".md", ".markdown", ".txt", ".MD", ".TXT", ".Markdown"})
    if (path.ends_with(ext)) return true;
  return false;
}

LspPosition position_of(const nlohmann::json& p) {
  return {to_int(p.at("line")), to_int(p.at("character"))};
}

}  // namespace

bool OpenDocument::is_draft() const {
  if (path.ends_with(".kanwu.yaml")) return false;
  return language == "markdown" || language == "plaintext" || language == "text" || has_draft_extension(path);
}

DocumentFormat OpenDocument::format() const {
  if (language == "markdown") return DocumentFormat::Markdown;
  if (language == "plaintext" || language == "text") return DocumentFormat::PlainText;
  return format_for_path(path);
}

void apply_change(std::string& text, const nlohmann::json& change, Encoding encoding) {
  try {
    const std::string& replacement = change.at("text").get_ref<const std::string&>();
    if (!change.contains("range")) {
      text = replacement;
      return;
    }
    const LineIndex index(text, encoding);
    const auto& range = change.at("range");
    std::size_t begin = index.offset(position_of(range.at("start")));
    std::size_t end = index.offset(position_of(range.at("end")));
    if (end < begin) std::swap(begin, end);  // a reversed range is still one range
    text.replace(begin, end - begin, replacement);
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("bad content change: ") + e.what());
  }
}

void DocumentStore::open(OpenDocument document) {
  std::lock_guard lock(mutex_);
  const std::string uri = document.uri;
  documents_.insert_or_assign(uri, std::move(document));
  ++generation_;
}

void DocumentStore::change(const std::string& uri, int version, const nlohmann::json& changes,
                           Encoding encoding) {
  if (!changes.is_array()) throw std::invalid_argument("contentChanges must be an array");
  std::lock_guard lock(mutex_);
  const auto it = documents_.find(uri);
  if (it == documents_.end()) throw std::invalid_argument("change to a document that is not open: " + uri);
  // Changes apply one after the other, each to the text the previous left;
  // all or none, so a bad one in the middle leaves no half-edited text.
  std::string text = it->second.text;
  for (const auto& change : changes) apply_change(text, change, encoding);
  // Small edits can grow a draft past the size one message may carry; it
  // is held to the same bound, for the same reason (memory).
  if (text.size() > kMaxBodyBytes)
    throw std::invalid_argument("the edit would make the document larger than " +
                                std::to_string(kMaxBodyBytes >> 20) + " MiB, kanwu lsp's limit; edit ignored");
  it->second.text = std::move(text);
  it->second.version = version;
  ++generation_;
}

void DocumentStore::close(const std::string& uri) {
  std::lock_guard lock(mutex_);
  documents_.erase(uri);
  ++generation_;
}

bool DocumentStore::is_at(const std::string& uri, int version) const {
  std::lock_guard lock(mutex_);
  const auto it = documents_.find(uri);
  return it != documents_.end() && it->second.version == version;
}

DocumentStore::Snapshot DocumentStore::snapshot() const {
  std::lock_guard lock(mutex_);
  Snapshot s{generation_, {}};
  for (const auto& [uri, document] : documents_) s.documents.push_back(document);
  return s;
}

std::uint64_t DocumentStore::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

}  // namespace kanwu::lsp
