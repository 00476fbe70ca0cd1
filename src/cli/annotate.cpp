#include "annotate.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "kanwu/doc/docx.h"
#include "kanwu/report/word_review.h"
#include "kanwu/text/decode.h"
#include "kanwu/text/digest.h"

namespace kanwu::cli {

namespace fs = std::filesystem;

namespace {

bool has_extension(const std::string& path, std::string_view ext) {
  std::string lower = fs::path(path).extension().string();
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == ext;
}

std::vector<std::string> word_documents(const std::vector<std::string>& files) {
  std::vector<std::string> out;
  for (const std::string& f : files)
    if (f != "-" && is_docx(f)) out.push_back(f);
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error(fmt::format("{}: cannot be read again to annotate it", path));
  return bytes.str();
}

// Written under a temporary name and renamed: a reader never sees half a
// document, and a failed write leaves no damaged file behind.
void write_file(const std::string& path, const std::string& bytes) {
  const std::string temporary = path + ".kanwu-partial";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::remove(temporary.c_str());
      throw std::runtime_error(fmt::format("cannot write {} (folder not writable, or disk full?)", path));
    }
  }
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) {
    std::remove(temporary.c_str());
    throw std::runtime_error(fmt::format("cannot write {}: {}", path, ec.message()));
  }
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::equivalent(a, b, ec) || fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

void write_review(const std::string& file, const std::string& target, const Report& report) {
  const std::string bytes = read_file(file);
  const auto checked = report.checked_content.find(file);
  if (checked != report.checked_content.end() && !(checked->second == ContentDigest::of(bytes)))
    throw std::runtime_error(fmt::format("{}: changed since it was checked; not annotated (check it again)", file));
  std::vector<const Finding*> findings;
  for (const Finding& f : report.findings) findings.push_back(&f);
  const WordReview review = review_word_document(file, bytes, findings, word_review_date());
  write_file(target, review.bytes);
  std::cerr << fmt::format("kanwu: wrote {} ({} comment{}, {} tracked change{})\n", target, review.comments,
                           review.comments == 1 ? "" : "s", review.changes, review.changes == 1 ? "" : "s");
  for (const Finding* f : review.unplaced)
    std::cerr << fmt::format("{}: paragraph {}: fix left as a comment only (overlaps another fix, or the text is "
                             "not plain text in Word) [{}]\n", file, f->where.paragraph, f->rule);
}

}  // namespace

bool is_earlier_review(const std::string& path) {
  std::string lower = path;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.ends_with(".kanwu.docx");
}

std::string annotate_refusal(const std::vector<std::string>& files, const std::string& output) {
  const std::vector<std::string> word = word_documents(files);
  if (word.empty()) {
    for (const std::string& f : files)
      if (has_extension(f, ".odt") || has_extension(f, ".doc") || has_extension(f, ".wps"))
        return fmt::format("--annotate writes Word .docx documents, and {} is not one: open it in LibreOffice, "
                           "WPS or Word and save it as .docx (另存为 → Word 文档 .docx), then annotate that", f);
    return "--annotate writes reviewed Word documents: name at least one .docx file";
  }
  if (!output.empty() && word.size() > 1)
    return fmt::format("-o names the reviewed document when one .docx is checked, and {} are: leave -o out and "
                       "each is written beside its draft as NAME.kanwu.docx", word.size());
  for (const std::string& f : word) {
    const std::string target = output.empty() ? reviewed_word_path(f) : output;
    if (same_file(f, target))
      return fmt::format("--annotate never writes over the document checked ({}): name another file with -o", f);
  }
  return "";
}

bool write_reviews(const std::vector<std::string>& files, const std::string& output, const Report& report) {
  bool ok = true;
  for (const std::string& f : files)
    if (has_extension(f, ".odt"))
      std::cerr << fmt::format("{}: checked, not annotated: --annotate writes Word .docx documents (save it as "
                               ".docx, 另存为 → Word 文档, to get one)\n", f);
  for (const std::string& f : word_documents(files)) {
    bool unreadable = false;
    for (const InputError& e : report.input_errors) unreadable = unreadable || e.path() == f;
    if (unreadable) continue;  // (its error is reported with the others)
    try {
      write_review(f, output.empty() ? reviewed_word_path(f) : output, report);
    } catch (const InputError& e) {
      std::cerr << e.describe() << '\n';
      ok = false;
    } catch (const std::runtime_error& e) {
      std::cerr << "kanwu: " << e.what() << '\n';
      ok = false;
    }
  }
  return ok;
}

}  // namespace kanwu::cli
