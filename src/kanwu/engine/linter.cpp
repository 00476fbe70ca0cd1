#include "kanwu/engine/linter.h"

#include <algorithm>
#include <filesystem>
#include <functional>

#include "kanwu/rules/regex.h"

namespace kanwu {

namespace fs = std::filesystem;

namespace {

bool is_checked_extension(const fs::path& path) {
  const auto ext = path.extension();
  return ext == ".txt" || ext == ".md" || ext == ".markdown";
}

// Runs the rules over documents produced one at a time by `next`, so that a
// document can be freed as soon as its per-document work is done.
class Run {
 public:
  explicit Run(const std::vector<const Rule*>& rules) : rules_(rules) {
    for (const Rule* rule : rules)
      if (auto pass = rule->corpus_pass()) passes_.push_back({rule, std::move(pass)});
  }

  void check(const Document& document) {
    ++report_.documents_checked;
    for (const Rule* rule : rules_) {
      Emitter emit(*rule, document, report_.findings);
      try {
        rule->check(document, emit);
      } catch (const RuleTimeout& e) {
        report_.rule_problems.push_back({rule->id(), document.path(), e.what()});
      }
    }
    for (auto& [rule, pass] : passes_) pass->add(pass->digest(document));
  }

  void input_error(InputError error) { report_.input_errors.push_back(std::move(error)); }

  Report finish() {
    for (auto& [rule, pass] : passes_) pass->finish(report_.findings);
    std::stable_sort(report_.findings.begin(), report_.findings.end(), finding_less);
    return std::move(report_);
  }

 private:
  const std::vector<const Rule*>& rules_;
  std::vector<std::pair<const Rule*, std::unique_ptr<CorpusPass>>> passes_;
  Report report_;
};

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths,
                                       std::vector<InputError>& errors) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (path == "-" || (fs::exists(path, ec) && !fs::is_directory(path, ec))) {
      files.push_back(path);
      continue;
    }
    if (!fs::exists(path, ec)) {
      errors.emplace_back(path, "no such file or directory");
      continue;
    }
    std::vector<std::string> found;
    // Directory symlinks are not followed, so a symlink loop cannot trap us.
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && is_checked_extension(it->path()))
        found.push_back(it->path().string());
    }
    if (ec) errors.emplace_back(path, "cannot read directory: " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

namespace {
Document read_document(const std::string& file) {
  const std::string display = file == "-" ? "<stdin>" : file;
  return Document(decode_source(display, read_input(file)), format_for_path(file));
}
}  // namespace

std::vector<Document> load_documents(const std::vector<std::string>& paths,
                                     std::vector<InputError>& errors) {
  std::vector<Document> documents;
  for (const auto& file : expand_inputs(paths, errors)) {
    try {
      documents.push_back(read_document(file));
    } catch (const InputError& e) {
      errors.push_back(e);
    }
  }
  return documents;
}

Report check_paths(const std::vector<const Rule*>& rules, const std::vector<std::string>& paths) {
  Run run(rules);
  std::vector<InputError> errors;
  const auto files = expand_inputs(paths, errors);
  for (auto& e : errors) run.input_error(std::move(e));
  for (const auto& file : files) {
    try {
      run.check(read_document(file));
    } catch (const InputError& e) {
      run.input_error(e);
    }
  }
  return run.finish();
}

Report check_documents(const std::vector<const Rule*>& rules,
                       const std::vector<Document>& documents) {
  Run run(rules);
  for (const auto& document : documents) run.check(document);
  return run.finish();
}

}  // namespace kanwu
