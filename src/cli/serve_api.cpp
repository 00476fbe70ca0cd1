#include "serve_api.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>

#include "kanwu/doc/docx.h"
#include "kanwu/report/reporter.h"
#include "kanwu/text/decode.h"
#include "kanwu/text/json_input.h"
#include "kanwu/text/utf8.h"

namespace kanwu::cli {

namespace {

using nlohmann::json;

// A request's documents are one corpus, and findings name their document by
// filename: two documents may not share one. The next number to try is kept
// per name, so that 15,000 documents all called a.txt take linear time, not
// one search through 2, 3, … per document.
class UniqueNames {
 public:
  std::string take(std::string name) {
    if (taken_.insert(name).second) return name;
    const auto dot = name.rfind('.');
    const std::string stem = dot == std::string::npos ? name : name.substr(0, dot);
    const std::string ext = dot == std::string::npos ? "" : name.substr(dot);
    for (int& n = next_number_.try_emplace(name, 2).first->second;; ++n) {
      std::string candidate = fmt::format("{} ({}){}", stem, n, ext);
      if (taken_.insert(candidate).second) {
        ++n;
        return candidate;
      }
    }
  }

 private:
  std::set<std::string> taken_;
  std::map<std::string, int> next_number_;  // by name as given: the next "name (n)" to try
};

DocumentFormat format_named(std::string_view format, const std::string& filename) {
  if (format == "markdown") return DocumentFormat::Markdown;
  if (format == "plain") return DocumentFormat::PlainText;
  if (format == "word") return DocumentFormat::Word;
  if (!format.empty())
    throw ApiError(400, fmt::format("unknown format \"{}\": use \"plain\", \"markdown\" or \"word\"", format));
  const DocumentFormat by_name = format_for_path(filename);
  // Pasted text is text, whatever the name says; a Word document comes as
  // an upload.
  return by_name == DocumentFormat::Word ? DocumentFormat::PlainText : by_name;
}

// The text of a Word document as ?texts=1 gave it (one paragraph a line),
// sent back after an edit: its places stay paragraphs (第3段), as in the
// document. Which paragraphs were headings or footnotes is not sent back.
Document word_text_document(const std::string& name, std::string text) {
  SourceText source = decode_source(name, std::move(text), "UTF-8");
  std::vector<WordParagraph> paragraphs;
  const std::string_view t = source.text();
  for (std::size_t at = 0; at < t.size();) {
    paragraphs.push_back({static_cast<int>(paragraphs.size()) + 1, 0, false});
    const std::size_t end = t.find('\n', at);
    at = end == std::string_view::npos ? t.size() : end + 1;
  }
  return Document(std::move(source), std::move(paragraphs));
}

// Text or file bytes as `kanwu check` reads them; its InputError message
// becomes the answer.
Document read_bytes(const std::string& name, std::string bytes, DocumentFormat format, bool is_text) {
  try {
    if (format == DocumentFormat::Word && is_text) return word_text_document(name, std::move(bytes));
    if (format == DocumentFormat::Word) {
      WordText word = extract_word_text(name, bytes);
      return Document(SourceText(name, std::move(word.text)), std::move(word.paragraphs));
    }
    // JSON strings are Unicode already; a file may be in GB18030 and is
    // detected as the command line detects it.
    return Document(decode_source(name, std::move(bytes), is_text ? "UTF-8" : ""), format);
  } catch (const InputError& e) {
    throw ApiError(400, e.describe());
  }
}

}  // namespace

std::string display_filename(std::string_view filename, std::size_t index, std::string_view format) {
  // Only the last component: a request never names a place on this machine.
  if (const auto slash = filename.find_last_of("/\\"); slash != std::string_view::npos)
    filename.remove_prefix(slash + 1);
  std::string name;
  if (utf8::first_invalid(filename) == std::string_view::npos && filename.size() <= 255 && filename != "." &&
      filename != "..")
    for (char c : filename)
      if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) name += c;
  if (name.empty()) name = fmt::format("文档{}{}", index + 1, format == "markdown" ? ".md" : ".txt");
  return name;
}

std::vector<Document> documents_from_json(std::string_view body) {
  if (body.empty())
    throw ApiError(400, "empty request: send {\"text\": \"…\"} or {\"documents\": [{\"text\": \"…\"}]} as JSON");
  // Invalid UTF-8 is named as `kanwu check` names it in a file.
  if (utf8::first_invalid(body) != std::string_view::npos) read_bytes("<request>", std::string(body),
                                                                       DocumentFormat::PlainText, true);
  json request;
  try {
    request = parse_json_input(body);
  } catch (const json::exception& e) {
    throw ApiError(400, fmt::format("the request is not valid JSON: {}", e.what()));
  } catch (const JsonTooDeep& e) {
    throw ApiError(400, fmt::format("the request is refused: {}", e.what()));
  }
  if (!request.is_object()) throw ApiError(400, "the request must be a JSON object");
  json items = json::array();
  if (request.contains("documents")) {
    if (!request["documents"].is_array()) throw ApiError(400, "\"documents\" must be an array");
    items = request["documents"];
  } else {
    items.push_back(request);
  }
  if (items.empty()) throw ApiError(400, "\"documents\" is empty: nothing to check");
  std::vector<Document> documents;
  UniqueNames names;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json& item = items[i];
    if (!item.is_object() || !item.contains("text") || !item["text"].is_string())
      throw ApiError(400, fmt::format("document {}: \"text\" must be a string", i + 1));
    for (const char* key : {"filename", "format"})
      if (item.contains(key) && !item[key].is_string())
        throw ApiError(400, fmt::format("document {}: \"{}\" must be a string", i + 1, key));
    const std::string format = item.value("format", "");
    const std::string name = names.take(display_filename(item.value("filename", ""), i, format));
    documents.push_back(read_bytes(name, item["text"].get<std::string>(), format_named(format, name), true));
  }
  return documents;
}

std::vector<Document> documents_from_uploads(const std::vector<Upload>& uploads) {
  if (uploads.empty()) throw ApiError(400, "no file uploaded: send .txt, .md or .docx files as multipart form data");
  std::vector<Document> documents;
  UniqueNames names;
  for (std::size_t i = 0; i < uploads.size(); ++i) {
    const std::string name = names.take(display_filename(uploads[i].filename, i, ""));
    documents.push_back(read_bytes(name, uploads[i].content, format_for_path(name), false));
  }
  return documents;
}

std::string report_json(const Report& report, const std::vector<Document>* texts) {
  std::ostringstream out;
  write_json(out, report);
  if (!texts) return out.str();
  // Added to the report as written, so that it stays byte for byte the
  // JSON `kanwu check` writes apart from this one member.
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(out.str());
  doc["texts"] = nlohmann::ordered_json::object();
  for (const Document& d : *texts) doc["texts"][d.path()] = d.source().text();
  return doc.dump(2) + "\n";
}

std::string error_json(std::string_view message) {
  return json{{"error", std::string(message)}}.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string rules_json(const std::vector<RuleSummary>& rules) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& r : rules)
    list.push_back({{"id", r.id}, {"kind", r.kind}, {"severity", r.severity}, {"description", r.description},
                    {"enabled", r.enabled}});
  return nlohmann::ordered_json{{"rules", std::move(list)}}.dump(2) + "\n";
}

}  // namespace kanwu::cli
