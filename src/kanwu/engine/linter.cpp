#include "kanwu/engine/linter.h"

#include "kanwu/engine/ignore.h"

#include <sys/stat.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <exception>
#include <set>
#include <filesystem>
#include <condition_variable>
#include <functional>
#include <iterator>
#include <map>
#include <new>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include "kanwu/engine/suppress.h"
#include "kanwu/rules/regex.h"
#include "kanwu/text/parallel.h"

namespace kanwu {

namespace fs = std::filesystem;

namespace {

// "Permission denied" → "permission denied", as kanwu's messages read.
std::string lowercase_first(std::string message) {
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  return message;
}

bool is_checked_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));  // *.MD too
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".docx" || ext == ".odt";
}

// Files under `folder` with a checked extension that no ignore file
// excludes. Folder symlinks are not followed, so a loop cannot trap us. A
// subfolder that cannot be read is an input error naming it (its files
// would otherwise go unchecked without a word); the rest is still searched.
void search_folder(const fs::path& folder, const IgnoreRules& above, std::vector<std::string>& found,
                   std::vector<InputError>& errors) {
  const IgnoreRules rules = above.within(folder);
  std::error_code ec;
  auto it = fs::directory_iterator(folder, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code type_error;
    const bool is_folder = it->is_directory(type_error) && !it->is_symlink(type_error);
    if (rules.ignored(it->path(), is_folder)) continue;
    if (is_folder) {
      search_folder(it->path(), rules, found, errors);
    } else if (it->is_regular_file(type_error) && is_checked_extension(it->path())) {
      found.push_back(it->path().string());
    }
  }
  if (ec) errors.emplace_back(folder.string(), "cannot read directory: " + lowercase_first(ec.message()));
}

// What checking one document produces: its own findings and, for each
// cross-document pass, a digest to be added in corpus order.
struct DocumentResult {
  std::vector<Finding> findings;
  std::vector<RuleProblem> problems;
  std::vector<std::unique_ptr<CorpusPass::Digest>> digests;  // one per pass
  std::optional<InputError> error;
  std::optional<Suppressions> suppressions;  // when the file has directives
  const RuleSelection* rules = nullptr;  // the rules that checked it (nullptr: all)
  // By rule index, with CheckOptions::rule_timings; empty for a rule not run.
  std::vector<std::optional<double>> rule_seconds;
  std::string notice;
  std::size_t bytes = 0;
  std::optional<ContentDigest> digest;  // with CheckOptions::remember_content
  bool out_of_memory = false;  // std::bad_alloc while reading or checking it (`error` says so)
  bool done = false;
};

// Runs the rules over documents. check() is safe to call from several
// threads at once (rules are immutable; passes only digest there); merge()
// and finish() run on one thread, merge() in corpus order.
class Run {
 public:
  Run(const std::vector<const Rule*>& rules, const CheckOptions& options)
      : rules_(rules), options_(options) {
    pass_of_rule_.assign(rules.size(), kNoPass);
    for (std::size_t r = 0; r < rules.size(); ++r)
      if (auto pass = rules[r]->corpus_pass()) {
        if (options.archive) pass->consult(*options.archive);
        pass_of_rule_[r] = passes_.size();
        passes_.push_back({rules[r], std::move(pass)});
      }
    // Rules sharing an analysis form one task; tasks of more rules first
    // (the figures: the costliest analysis starts at once).
    std::map<std::string_view, std::size_t> task_of;
    for (std::size_t r = 0; r < rules.size(); ++r) {
      const std::string_view shared = rules[r]->shared_analysis();
      if (shared.empty() || !task_of.count(shared)) {
        if (!shared.empty()) task_of[shared] = tasks_.size();
        tasks_.emplace_back();
      }
      tasks_[shared.empty() ? tasks_.size() - 1 : task_of[shared]].push_back(r);
    }
    std::stable_sort(tasks_.begin(), tasks_.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  }

  // Runs the `selection`'s rules (nullptr: all). `threads` > 1 spreads the
  // rules of a large document over that many threads; the findings are the
  // same and in the same order either way.
  void check(const Document& document, DocumentResult& result, const RuleSelection* selection = nullptr,
             unsigned threads = 1) const {
    const auto selected = [&](std::size_t r) { return !selection || (*selection)[r]; };
    std::vector<std::vector<Finding>> found(rules_.size());
    std::vector<std::optional<RuleProblem>> problems(rules_.size());
    result.rules = selection;
    result.digests.resize(passes_.size());
    if (options_.rule_timings) result.rule_seconds.assign(rules_.size(), std::nullopt);
    // A rule's check, then its cross-document digest (which reads the same
    // analyses, so it belongs on the same thread).
    const auto run_rule = [&](std::size_t r) {
      if (!selected(r)) return;
      if (options_.rule_timings) result.rule_seconds[r] = 0.0;
      if (options_.cancel && options_.cancel->load(std::memory_order_relaxed)) return;
      const auto started = std::chrono::steady_clock::now();
      Emitter emit(*rules_[r], document, found[r]);
      try {
        rules_[r]->check(document, emit);
      } catch (const RuleTimeout& e) {
        problems[r] = RuleProblem{rules_[r]->id(), document.path(), e.what()};
      }
      if (const std::size_t p = pass_of_rule_[r]; p != kNoPass) result.digests[p] = passes_[p].second->digest(document);
      if (options_.rule_timings)
        result.rule_seconds[r] = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    const auto any_selected = [&](const std::vector<std::size_t>& task) {
      return std::any_of(task.begin(), task.end(), selected);
    };
    const std::size_t tasks = std::count_if(tasks_.begin(), tasks_.end(), any_selected);
    threads = static_cast<unsigned>(
        std::min<std::size_t>({threads, tasks, 1 + document.source().text().size() / kParallelDocumentBytes}));
    if (threads > 1) {
      // Each thread takes the next task left: the largest go first.
      std::atomic<std::size_t> next{0};
      run_on_threads(threads, [&](std::size_t) {
        for (std::size_t t; (t = next++) < tasks_.size();)
          for (const std::size_t r : tasks_[t]) run_rule(r);
      });
    } else {
      for (std::size_t r = 0; r < rules_.size(); ++r) run_rule(r);
    }
    for (std::size_t r = 0; r < rules_.size(); ++r) {
      std::move(found[r].begin(), found[r].end(), std::back_inserter(result.findings));
      if (problems[r]) result.problems.push_back(std::move(*problems[r]));
    }
    result.bytes = document.source().text().size();
    if (document.source().text().find("kanwu-") != std::string_view::npos) {
      Suppressions s = Suppressions::parse(document.source());
      std::erase_if(result.findings, [&](const Finding& f) { return s.suppresses(f); });
      if (!options_.known_rule_ids.empty())
        for (Finding& f : s.unknown_rules(document.path(), [&](const std::string& id) {
               return options_.known_rule_ids.count(id) > 0 || id == "unused-disable";
             }))
          result.findings.push_back(std::move(f));
      if (!s.empty()) result.suppressions = std::move(s);
    }
  }

  void merge(DocumentResult& result, const std::string& path) {
    if (result.error) {
      report_.out_of_memory = report_.out_of_memory || result.out_of_memory;
      report_.input_errors.push_back(std::move(*result.error));
      return;
    }
    ++report_.documents_checked;
    report_.files_checked.push_back(path);
    if (result.digest) report_.checked_content.insert_or_assign(path, *result.digest);
    if (!result.notice.empty()) report_.notices.push_back(std::move(result.notice));
    std::move(result.findings.begin(), result.findings.end(), std::back_inserter(report_.findings));
    std::move(result.problems.begin(), result.problems.end(), std::back_inserter(report_.rule_problems));
    for (std::size_t r = 0; r < result.rule_seconds.size(); ++r)
      if (result.rule_seconds[r]) report_.rule_seconds[rules_[r]->id()] += *result.rule_seconds[r];
    // A pass sees only the documents its rule checked.
    for (std::size_t p = 0; p < passes_.size(); ++p)
      if (result.digests[p]) passes_[p].second->add(std::move(result.digests[p]));
  }

  void remember_suppressions(const std::string& file, DocumentResult& result) {
    if (result.suppressions)
      suppressions_.insert_or_assign(file, FileSuppressions{std::move(*result.suppressions), result.rules});
  }

  Report finish() {
    std::vector<Finding> corpus;
    for (auto& [rule, pass] : passes_) pass->finish(corpus);
    // Cross-document findings meet the directives of the file they are in.
    std::erase_if(corpus, [&](const Finding& f) {
      const auto it = suppressions_.find(f.where.file);
      return it != suppressions_.end() && it->second.directives.suppresses(f);
    });
    std::move(corpus.begin(), corpus.end(), std::back_inserter(report_.findings));
    if (options_.report_unused_disables)
      for (const auto& entry : suppressions_) {
        // (Not a structured binding: clang 14, the fuzz build's, cannot
        // capture one in a lambda.)
        const FileSuppressions& s = entry.second;
        for (Finding& f : s.directives.unused(entry.first, [&](const std::string& id) { return skipped(id, s.rules); }))
          report_.findings.push_back(std::move(f));
      }
    std::stable_sort(report_.findings.begin(), report_.findings.end(), finding_less);
    // Two rules or passes may reach the same conclusion at the same place:
    // report it once (same rule, span and message).
    const auto same = [](const Finding& a, const Finding& b) {
      return a.rule == b.rule && a.where.file == b.where.file && a.where.start.line == b.where.start.line &&
             a.where.start.column == b.where.start.column && a.where.end.line == b.where.end.line &&
             a.where.end.column == b.where.end.column && a.message == b.message;
    };
    report_.findings.erase(std::unique(report_.findings.begin(), report_.findings.end(), same),
                           report_.findings.end());
    return std::move(report_);
  }

 private:
  // Below this size a document's rules run on its worker's thread alone,
  // and above it one more thread for each such size at most: a helper
  // thread's start and its own ICU iterators and number parser cost ~0.5 ms,
  // and 16 KB of news takes ~4 ms to check (a 30 KB draft checks 0.8 ms
  // sooner on two threads, measured).
  static constexpr std::size_t kParallelDocumentBytes = 16 * 1024;
  const std::vector<const Rule*>& rules_;
  const CheckOptions& options_;
  std::vector<std::vector<std::size_t>> tasks_;  // rule indices, run in order
  static constexpr std::size_t kNoPass = SIZE_MAX;
  std::vector<std::size_t> pass_of_rule_;  // index in passes_, or kNoPass
  std::vector<std::pair<const Rule*, std::unique_ptr<CorpusPass>>> passes_;
  // True when `id` is one of the run's rules and `selection` left it out.
  bool skipped(const std::string& id, const RuleSelection* selection) const {
    if (!selection) return false;
    for (std::size_t r = 0; r < rules_.size(); ++r)
      if (rules_[r]->id() == id) return !(*selection)[r];
    return false;
  }

  struct FileSuppressions {
    Suppressions directives;
    const RuleSelection* rules;  // the rules that checked the file (nullptr: all)
  };
  std::map<std::string, FileSuppressions> suppressions_;  // files with directives
  Report report_;
};

// Standard input is "<stdin>", or the name given with --stdin-filename.
std::string display_name(const std::string& file, const std::string& stdin_name = "") {
  return file != "-" ? file : stdin_name.empty() ? "<stdin>" : stdin_name;
}

// `digest`, when given, receives the fingerprint of the bytes read (for --fix).
Document read_document(const std::string& file, const std::string& encoding = "", const std::string& stdin_name = "",
                       unsigned threads = 1, std::optional<ContentDigest>* digest = nullptr) {
  const std::string name = display_name(file, stdin_name);
  // A Word document's text is always Unicode: --encoding does not apply.
  if (format_for_path(file == "-" && !stdin_name.empty() ? stdin_name : file) == DocumentFormat::Word) {
    const std::string bytes = read_input(file);
    // (--annotate reads the document again and compares.)
    if (digest && file != "-") *digest = ContentDigest::of(bytes);
    WordText word = extract_word_text(name, bytes);
    return Document(SourceText(name, std::move(word.text)), std::move(word.paragraphs));
  }
  std::string bytes = read_input(file);
  if (digest && file != "-") *digest = ContentDigest::of(bytes);
  return Document(decode_source(name, std::move(bytes), encoding),
                  format_for_path(file == "-" && !stdin_name.empty() ? stdin_name : file), threads);
}

// Kept reachable (so that leak checkers see no leak) and never freed.
template <typename T>
void keep_until_exit(T object) {
  static std::mutex mutex;
  static auto& kept = *new std::vector<std::unique_ptr<T>>;
  auto moved = std::make_unique<T>(std::move(object));
  std::lock_guard lock(mutex);
  kept.push_back(std::move(moved));
}

void check_file(const Run& run, const CheckInput& input, const CheckOptions& options, DocumentResult& result,
                unsigned threads) {
  const std::string& file = input.path;
  const std::string& encoding = options.encoding;
  try {
    // The document (and its text) lives only while it is being checked.
    Document document = read_document(file, encoding, options.stdin_filename, threads,
                                      options.remember_content ? &result.digest : nullptr);
    if (!document.source().encoding().empty())
      result.notice = fmt::format("{}: note: decoded as {}{}; fixes are not written to it", document.path(),
                                  document.source().encoding(), encoding.empty() ? " (detected)" : "");
    run.check(document, result, input.rules, threads);
    if (threads > 1 && options.process_exits_after) keep_until_exit(std::move(document));
  } catch (const InputError& e) {
    result.error = e;
  } catch (const std::bad_alloc&) {
    // One document too large for the memory there is: its text, findings
    // and analyses are freed by now, and the other documents are checked.
    result = DocumentResult{};
    result.out_of_memory = true;
    const std::string name = display_name(file, options.stdin_filename);
    result.error = InputError(name, fmt::format("out of memory while checking {}", name));
  }
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths,
                                       std::vector<InputError>& errors) {
  std::vector<std::string> files;
  // A file's device and inode, when its stat is already at hand.
  std::vector<std::optional<std::pair<dev_t, ino_t>>> identities;
  for (const auto& path : paths) {
    struct stat st {};
    if (path == "-") {
      files.push_back(path);
      identities.emplace_back();
      continue;
    }
    if (::stat(path.c_str(), &st) != 0) {
      // ENOENT: "no such file or directory"; ELOOP: "too many levels of
      // symbolic links" (a link loop is there, it just leads nowhere).
      errors.emplace_back(path, lowercase_first(std::strerror(errno)));
      continue;
    }
    if (!S_ISDIR(st.st_mode)) {
      files.push_back(path);
      identities.emplace_back(std::pair{st.st_dev, st.st_ino});
      continue;
    }
    std::vector<std::string> found;
    search_folder(path, IgnoreRules::above(path), found, errors);
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
    identities.resize(files.size());
  }
  // A file named twice (a.txt a.txt, a folder and a file in it, a link to
  // it) is read once: files are the same when their device and inode are
  // (one stat each, and no second one for a file named directly, whose
  // stat above said what it is: resolving paths cost a dozen system calls
  // per file).
  std::set<std::pair<dev_t, ino_t>> seen_files;
  std::set<std::string> seen_names;
  std::vector<std::string> unique;
  unique.reserve(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    struct stat st {};
    if (!identities[i] && files[i] != "-" && ::stat(files[i].c_str(), &st) == 0) identities[i] = {st.st_dev, st.st_ino};
    if (identities[i] ? seen_files.insert(*identities[i]).second : seen_names.insert(files[i]).second)
      unique.push_back(std::move(files[i]));
  }
  return unique;
}

std::vector<Document> load_documents(const std::vector<std::string>& paths,
                                     std::vector<InputError>& errors, const std::string& encoding) {
  std::vector<Document> documents;
  for (const auto& file : expand_inputs(paths, errors)) {
    try {
      documents.push_back(read_document(file, encoding));
    } catch (const InputError& e) {
      errors.push_back(e);
    }
  }
  return documents;
}

Report check_paths(const std::vector<const Rule*>& rules, const std::vector<std::string>& paths,
                   const CheckOptions& options) {
  std::vector<InputError> errors;
  std::vector<CheckInput> inputs;
  for (auto& file : expand_inputs(paths, errors)) inputs.push_back({std::move(file), nullptr});
  Report report = check_inputs(rules, inputs, options);
  report.input_errors.insert(report.input_errors.begin(), errors.begin(), errors.end());
  return report;
}

Report check_inputs(const std::vector<const Rule*>& rules, const std::vector<CheckInput>& files,
                    const CheckOptions& options) {
  auto owned = std::make_unique<Run>(rules, options);
  Run& run = *owned;
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  // Fewer files than jobs: the spare threads share each large file's rules.
  const unsigned per_document = std::max(1u, static_cast<unsigned>(jobs / std::max<std::size_t>(files.size(), 1)));
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(files.size(), 1)));
  // At most this many documents are read but not yet merged, which bounds
  // memory on corpora of any size.
  const std::size_t window = 4 * static_cast<std::size_t>(jobs) + 4;

  std::vector<DocumentResult> results(files.size());
  std::mutex mutex;
  std::condition_variable ready, room;
  std::size_t next = 0, merged = 0;
  const auto worker = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return next >= files.size() || next < merged + window; });
        if (next >= files.size()) return;
        i = next++;
      }
      check_file(run, files[i], options, results[i], per_document);
      {
        std::lock_guard lock(mutex);
        results[i].done = true;
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> threads;
  if (jobs > 1)
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);

  std::size_t bytes = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (jobs > 1) {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return results[i].done; });
    } else {
      check_file(run, files[i], options, results[i], per_document);
    }
    const std::string name = display_name(files[i].path, options.stdin_filename);
    run.remember_suppressions(name, results[i]);
    run.merge(results[i], name);
    bytes += results[i].bytes;
    results[i] = DocumentResult{};  // free the findings and digests now
    {
      std::lock_guard lock(mutex);
      merged = i + 1;
    }
    room.notify_all();
    if (options.progress) options.progress(i + 1, files.size(), bytes);
  }
  for (auto& t : threads) t.join();
  Report report = run.finish();
  if (options.process_exits_after) keep_until_exit(std::move(owned));
  return report;
}

Report check_documents(const std::vector<const Rule*>& rules,
                       const std::vector<Document>& documents, const CheckOptions& options) {
  Run run(rules, options);
  for (const auto& document : documents) {
    const auto cancelled = [&] { return options.cancel && options.cancel->load(std::memory_order_relaxed); };
    if (cancelled()) break;
    DocumentResult result;
    run.check(document, result);
    if (cancelled()) break;  // some rules were skipped: the result is not merged
    run.remember_suppressions(document.path(), result);
    run.merge(result, document.path());
  }
  return run.finish();
}

}  // namespace kanwu
