// The documents the editor has open, as the editor holds them (not as they
// are on disk), kept in step with didOpen/didChange/didClose.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kanwu/doc/document.h"
#include "lsp/positions.h"

namespace kanwu::lsp {

struct OpenDocument {
  std::string uri;
  // What findings and messages name: relative to the workspace root inside
  // it, absolute outside, the URI itself for unsaved buffers (untitled:).
  std::string path;
  std::string language;  // the editor's languageId
  int version = 0;
  std::string text;

  // Drafts only: a .kanwu.yaml or a source file open in the same editor is
  // not prose to check.
  bool is_draft() const;
  DocumentFormat format() const;
};

// Applies one TextDocumentContentChangeEvent to `text`: a range replaced by
// new text, or (without a range) the whole text. Throws std::invalid_argument
// when the change is not one.
void apply_change(std::string& text, const nlohmann::json& change, Encoding encoding);

// The open documents, shared by the reader thread (which edits them) and the
// checker thread (which takes snapshots). `generation` grows with every
// edit, so the checker can tell whether its snapshot is still current.
class DocumentStore {
 public:
  void open(OpenDocument document);
  // Throws std::invalid_argument for an unknown document or a bad change;
  // the document is then left as it was.
  void change(const std::string& uri, int version, const nlohmann::json& changes, Encoding encoding);
  void close(const std::string& uri);
  // Whether `uri` is open at `version` (code actions are offered only for
  // the text the diagnostics were computed on).
  bool is_at(const std::string& uri, int version) const;

  struct Snapshot {
    std::uint64_t generation = 0;
    std::vector<OpenDocument> documents;  // in URI order
  };
  Snapshot snapshot() const;
  std::uint64_t generation() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, OpenDocument> documents_;
  std::uint64_t generation_ = 0;
};

}  // namespace kanwu::lsp
