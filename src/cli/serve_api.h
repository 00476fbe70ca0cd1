// `kanwu serve`'s API, apart from HTTP: request bodies become documents,
// reports become the JSON `kanwu check --format json` writes. Nothing here
// touches the file system: a request names no path, only a filename whose
// extension picks the format and which the report shows back.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "kanwu/doc/document.h"
#include "kanwu/engine/linter.h"
#include "project_linter.h"

namespace kanwu::cli {

// A request the API refuses; `status` is the HTTP status to answer with and
// what() the message (for input errors, the words `kanwu check` prints).
class ApiError : public std::runtime_error {
 public:
  ApiError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

// One uploaded file of a multipart request.
struct Upload {
  std::string filename;
  std::string content;
};

// {"documents":[{"text":…,"filename":…,"format":…}…]} or one such object
// alone. Throws ApiError.
std::vector<Document> documents_from_json(std::string_view body);
// .txt, .md and .docx files, read as `kanwu check` reads them. Throws ApiError.
std::vector<Document> documents_from_uploads(const std::vector<Upload>& uploads);

// The report as `kanwu check --format json` writes it; with `texts`, one
// more member, "texts": {filename: text checked}, so that a page can show a
// Word document's text, which it cannot read itself.
std::string report_json(const Report& report, const std::vector<Document>* texts);

// POST /api/annotate: which uploaded document to review. `wanted` names it
// (as the report names it); "" picks the only .docx. Throws ApiError.
std::size_t word_upload_to_review(const std::vector<Document>& documents, std::string_view wanted);

// The reviewed .docx (kanwu/report/word_review.h) of the document checked
// as `name` from `bytes`, with its findings in `report`. Throws ApiError.
std::string review_word_upload(const std::string& name, std::string_view bytes, const Report& report);

// The Content-Disposition of a download named `filename` (RFC 6266, the
// name UTF-8 and percent-encoded, with an ASCII fallback).
std::string attachment_header(std::string_view filename);

// {"error": message}
std::string error_json(std::string_view message);

// GET /api/rules: every rule loaded, on or off.
std::string rules_json(const std::vector<RuleSummary>& rules);

// The name a document is shown under: the last component of `filename`
// (never a path), or 文档N with the format's extension.
std::string display_filename(std::string_view filename, std::size_t index, std::string_view format);

}  // namespace kanwu::cli
