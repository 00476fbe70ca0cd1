// Small helpers shared by the unit tests: build documents from strings, load
// rules from inline YAML, run them.
#pragma once

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "kanwu/engine/linter.h"
#include "kanwu/figures/claim.h"
#include "kanwu/rules/loader.h"
#include "kanwu/text/decode.h"

namespace kanwu {
// Printable block kinds and severities in test failure messages.
inline std::ostream& operator<<(std::ostream& out, BlockKind kind) { return out << to_string(kind); }
inline std::ostream& operator<<(std::ostream& out, Severity s) { return out << to_string(s); }
inline std::ostream& operator<<(std::ostream& out, ClaimRole r) { return out << to_string(r); }
inline std::ostream& operator<<(std::ostream& out, Approx a) { return out << static_cast<int>(a); }
}  // namespace kanwu

namespace kanwu::test {

inline Document make_doc(const std::string& text, const std::string& path = "t.txt") {
  return Document(decode_source(path, text), format_for_path(path));
}

// Runs the rules of `yaml` over the given documents (one corpus).
inline std::vector<Finding> run_rules(const std::string& yaml,
                                      const std::vector<std::pair<std::string, std::string>>& docs) {
  const RuleSet rules = load_rules_from_string(yaml, "test.yaml");
  std::vector<Document> documents;
  for (const auto& [path, text] : docs) documents.push_back(make_doc(text, path));
  return check_documents(rules.pointers(), documents).findings;
}

inline std::vector<Finding> run_rules(const std::string& yaml, const std::string& text) {
  return run_rules(yaml, {{"t.txt", text}});
}

// Just the messages of the findings, in report order.
inline std::vector<std::string> messages_of(const std::string& yaml, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& f : run_rules(yaml, text)) out.push_back(f.message);
  return out;
}

// A one-rule YAML file of `kind` with extra parameter lines.
inline std::string rule_yaml(const std::string& kind, const std::string& message,
                             const std::string& extra = "") {
  return "rules:\n  - id: r\n    kind: " + kind + "\n    severity: warning\n    message: '" +
         message + "'\n" + extra;
}

inline std::string source_dir() { return KANWU_SOURCE_DIR; }

// The bundled figure vocabulary, and the parameter line naming it for a
// figure rule written inline (its default path is relative to the rule file).
inline std::string figure_vocabulary_path() { return source_dir() + "/rules/vocabulary/figures.yaml"; }
// A bundled vocabulary file, quoted for a rule's YAML parameter.
inline std::string vocabulary_param(const std::string& file) {
  return "'" + source_dir() + "/rules/vocabulary/" + file + "'";
}
// The parameters of a rule that reads homophones, look-alikes and jieba's list.
inline std::string confusion_params() {
  return "    readings: " + vocabulary_param("pinyin.yaml") + "\n" + "    confusables: " +
         vocabulary_param("confusables.yaml") + "\n" +
         "    lexicon: ['/usr/lib/python3/dist-packages/jieba/dict.txt']\n";
}
inline std::string figure_vocabulary_param() { return "    vocabulary: '" + figure_vocabulary_path() + "'\n"; }
inline const FigureVocabulary& figure_vocabulary() {
  static const auto v = FigureVocabulary::load_or_throw(figure_vocabulary_path());
  return *v;
}
inline const DocumentFigures& figures_of(const Document& d) { return document_figures(d, figure_vocabulary()); }

// A private folder per test, removed afterwards, with $KANWU_CACHE_DIR
// pointed at its "cache" subfolder for the test's length (the start-up
// caches then start empty and never touch the user's).
struct ScratchFolder {
  std::filesystem::path dir;
  explicit ScratchFolder(const std::string& name) {
    dir = std::filesystem::temp_directory_path() /
          (name + "-" + std::to_string(::getpid()) + "-" +
           std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::filesystem::create_directories(dir / "cache");
    if (const char* old = std::getenv("KANWU_CACHE_DIR")) saved_ = old, had_ = true;
    ::setenv("KANWU_CACHE_DIR", (dir / "cache").c_str(), 1);
  }
  ~ScratchFolder() {
    if (had_) ::setenv("KANWU_CACHE_DIR", saved_.c_str(), 1);
    else ::unsetenv("KANWU_CACHE_DIR");
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  // Writes `text` to dir/name; returns the path.
  std::string write(const std::string& name, const std::string& text) const {
    const std::string path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

 private:
  std::string saved_;
  bool had_ = false;
};

}  // namespace kanwu::test
