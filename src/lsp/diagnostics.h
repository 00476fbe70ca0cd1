// kanwu's findings as LSP diagnostics and code actions, in the positions
// of the negotiated encoding.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kanwu/engine/linter.h"
#include "lsp/documents.h"
#include "lsp/positions.h"

namespace kanwu::lsp {

struct LspRange {
  LspPosition start, end;
};

nlohmann::json to_json(const LspRange& range);

// A fix of a diagnostic, ready to become a quick fix.
struct QuickFix {
  nlohmann::json diagnostic;  // the diagnostic it resolves
  LspRange range;             // the diagnostic's range, for matching requests
  std::string title;
  nlohmann::json edit;  // a TextEdit
  bool preferred = false;  // what plain `kanwu check --fix` would write
};

// What one check says about one open document.
struct DocumentDiagnostics {
  std::string uri;
  int version = 0;
  nlohmann::json diagnostics = nlohmann::json::array();
  std::vector<QuickFix> fixes;
};

// Diagnostics sent for one document at most; past them, one more says how
// many were left out. An editor shows no more than a screenful at a time,
// and a draft of ten thousand findings (pasted table debris) would else
// become a message of hundreds of megabytes, rebuilt at every keystroke.
inline constexpr std::size_t kMaxDiagnosticsPerDocument = 1000;

// Converts a report on `documents` (the corpus the check saw) into
// diagnostics for every one of them, empty ones included. A cross-document
// finding (a figure stated differently in two drafts) also appears in the
// other draft, at the related place, pointing back. Each document gets at
// most kMaxDiagnosticsPerDocument, the first in the report's order, and a
// final one telling how many more there are.
std::vector<DocumentDiagnostics> to_diagnostics(const Report& report, const std::vector<OpenDocument>& documents,
                                                Encoding encoding);

// A diagnostic for a document kanwu could not read (a NUL character).
nlohmann::json input_error_diagnostic(const InputError& error, const OpenDocument& document, Encoding encoding);

// The code actions for a textDocument/codeAction request: quick fixes whose
// diagnostic overlaps `requested`; none when `only` rules out quick fixes.
nlohmann::json code_actions(const DocumentDiagnostics& published, const LspRange& requested, const nlohmann::json& only);

}  // namespace kanwu::lsp
