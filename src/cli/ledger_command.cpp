#include "ledger_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <future>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "check_command.h"
#include "kanwu/engine/config.h"
#include "kanwu/engine/linter.h"
#include "kanwu/figures/vocabulary.h"
#include "kanwu/ledger/record.h"
#include "kanwu/ledger/store.h"
#include "kanwu/text/read_file.h"
#include "kanwu/text/utf8.h"

namespace kanwu::cli {

namespace {

using ledger::Ledger;
using ledger::LedgerError;

// --ledger, else `ledger:` of the configuration (--config, else the nearest
// .kanwu.yaml from the current folder). Prints why and returns nullopt when
// there is none.
std::optional<std::string> ledger_location(const LedgerOptions& options) {
  try {
    // The configuration is read only when --ledger does not say.
    std::optional<std::string> path =
        !options.ledger.empty() ? std::nullopt : options.config.empty() ? find_config(".") : options.config;
    const std::string ledger = (path ? load_config(*path) : Config{}).ledger_for(options.ledger);
    if (!ledger.empty()) return ledger;
  } catch (const RuleLoadError& e) {
    print_load_errors(e, "configuration not loaded");
    return std::nullopt;
  }
  std::cerr << "kanwu: no ledger: give --ledger LEDGER (a file or a postgresql:// URL) or set `ledger:` in "
               ".kanwu.yaml\n";
  return std::nullopt;
}

// `create`: `ledger add` makes the ledger on first use; `migrate`: the
// commands that write (add, remove, correct) upgrade an older one.
std::unique_ptr<Ledger> open_or_report(const LedgerOptions& options, bool create, bool migrate) {
  const auto location = ledger_location(options);
  if (!location) return nullptr;
  try {
    return Ledger::open(*location, create, migrate);
  } catch (const LedgerError& e) {
    std::cerr << "kanwu: " << e.what() << '\n';
    return nullptr;
  }
}

// One document read and turned into ledger rows (on a worker thread).
struct Recorded {
  std::optional<ledger::LedgerDocument> document;
  std::vector<InputError> errors;
};

Recorded record_file(const std::string& file, const FigureVocabulary& vocabulary, const ledger::RecordOptions& base,
                     const std::string& encoding) {
  Recorded out;
  auto documents = load_documents({file}, out.errors, encoding);
  if (documents.empty()) return out;
  out.document = ledger::record_document(documents.front(), vocabulary, base);
  return out;
}

// At most `limit` characters of a title, for one line of a listing.
std::string shortened(const std::string& text, std::size_t limit) {
  const CodePointText cp = code_points(text);
  return cp.size() <= limit ? text : text.substr(0, cp.offsets[limit]) + "…";
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

int run_ledger_add(const LedgerOptions& options) {
  ledger::RecordOptions base;
  if (!options.published.empty()) {
    const auto date = ledger::parse_date(options.published);
    if (!date) {
      std::cerr << fmt::format("kanwu: --published {}: not a date (YYYY-MM-DD)\n", options.published);
      return kExitError;
    }
    base.published = *date;
  }
  base.source = options.source;
  std::vector<InputError> errors;
  const std::vector<std::string> files = expand_inputs(options.paths, errors);
  if (!options.name.empty()) {
    if (files.size() + errors.size() != 1) {
      std::cerr << "kanwu: --name names one document: give one file\n";
      return kExitError;
    }
    base.name = options.name;
  } else if (std::find(files.begin(), files.end(), "-") != files.end()) {
    std::cerr << "kanwu: standard input needs a name in the ledger: give --name NAME\n";
    return kExitError;
  }
  const std::string vocabulary_path = default_rules_path() + "/vocabulary/figures.yaml";
  std::shared_ptr<const FigureVocabulary> vocabulary;
  try {
    vocabulary = FigureVocabulary::load_or_throw(vocabulary_path);
  } catch (const RuleLoadError& e) {
    print_load_errors(e, "cannot read the figure vocabulary");
    return kExitError;
  }
  base.reader = ledger::figure_reader(read_file(vocabulary_path).value_or(""));

  auto store = open_or_report(options, true, true);
  if (!store) return kExitError;
  for (const auto& e : errors) std::cerr << e.describe() << '\n';
  bool failed = !errors.empty();

  // Documents are read on worker threads, a few ahead of the one being
  // written; the ledger is written on this thread, in the order given, in
  // batches of documents (each whole or absent) committed every
  // kBatchDocuments documents or kBatchSeconds: what is reported added is
  // what is committed.
  constexpr std::size_t kBatchDocuments = 256;
  constexpr double kBatchSeconds = 0.5;
  const unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::size_t added = 0, replaced = 0, unchanged = 0;
  std::vector<std::future<Recorded>> pending;
  std::size_t next = 0;
  const auto launch = [&] {
    while (next < files.size() && pending.size() < 2 * static_cast<std::size_t>(jobs)) {
      pending.push_back(std::async(std::launch::async, record_file, files[next], std::cref(*vocabulary),
                                   std::cref(base), std::cref(options.encoding)));
      ++next;
    }
  };
  std::vector<std::string> batch_lines;  // the batch's documents, printed once committed
  std::size_t batch_counts[3] = {0, 0, 0};  // added, replaced, unchanged
  auto batch_started = std::chrono::steady_clock::now();
  const auto commit = [&] {
    store->commit_batch();
    for (const auto& line : batch_lines) std::cout << line;
    added += batch_counts[0], replaced += batch_counts[1], unchanged += batch_counts[2];
    batch_lines.clear();
    batch_counts[0] = batch_counts[1] = batch_counts[2] = 0;
    batch_started = std::chrono::steady_clock::now();
  };
  launch();
  try {
    store->begin_batch();
    while (!pending.empty()) {
      Recorded recorded = pending.front().get();
      pending.erase(pending.begin());
      launch();
      for (const auto& e : recorded.errors) std::cerr << e.describe() << '\n';
      failed = failed || !recorded.errors.empty();
      if (!recorded.document) continue;
      const ledger::LedgerDocument& doc = *recorded.document;
      const auto outcome = store->add(doc);
      const int kind = outcome == ledger::AddOutcome::Added ? 0 : outcome == ledger::AddOutcome::Replaced ? 1 : 2;
      ++batch_counts[kind];
      batch_lines.push_back(fmt::format("{:<9} {}  {} ({}), {}, {}\n", std::array{"added", "replaced", "unchanged"}[kind],
                                        doc.name, doc.published, doc.published_from,
                                        plural(doc.claims.size(), "figure", "figures"),
                                        plural(doc.paragraphs.size(), "paragraph", "paragraphs")));
      const std::chrono::duration<double> open_for = std::chrono::steady_clock::now() - batch_started;
      if (batch_lines.size() >= kBatchDocuments || open_for.count() >= kBatchSeconds) {
        commit();
        store->begin_batch();
      }
    }
    commit();
  } catch (const LedgerError& e) {
    // The ledger itself failed (server gone, disk full): the documents of
    // committed batches are in it, those of this batch and after are not.
    std::cerr << "kanwu: " << e.what() << '\n';
    std::cerr << fmt::format("kanwu: {} documents not added (from the last {} read, and the {} after)\n",
                             batch_lines.size() + 1 + files.size() - next + pending.size(), batch_lines.size() + 1,
                             files.size() - next + pending.size());
    for (auto& p : pending) p.wait();
    return kExitError;
  }
  std::cout << fmt::format("ledger {}: {} added, {} replaced, {} unchanged\n", store->name(), added, replaced,
                           unchanged);
  return failed ? kExitError : kExitClean;
}

int run_ledger_remove(const LedgerOptions& options) {
  auto store = open_or_report(options, false, true);
  if (!store) return kExitError;
  bool failed = false;
  for (const auto& name : options.names) {
    try {
      if (store->remove(name)) {
        std::cout << "removed " << name << '\n';
      } else {
        std::cerr << fmt::format("kanwu: {}: no document named {} in the ledger\n", store->name(), name);
        failed = true;
      }
    } catch (const LedgerError& e) {
      std::cerr << "kanwu: " << e.what() << '\n';
      return kExitError;
    }
  }
  return failed ? kExitError : kExitClean;
}

int run_ledger_list(const LedgerOptions& options) {
  auto store = open_or_report(options, false, false);
  if (!store) return kExitError;
  try {
    const auto documents = store->documents();
    if (options.format == "json") {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const auto& d : documents)
        list.push_back({{"name", d.ref.name},
                        {"title", d.ref.title},
                        {"published", d.ref.published},
                        {"published_from", d.published_from},
                        {"source", d.source},
                        {"bytes", d.bytes},
                        {"figures", d.claims},
                        {"paragraphs", d.paragraphs},
                        {"corrections", d.corrections},
                        {"content_hash", d.content_hash},
                        {"added_at", d.added_at}});
      std::cout << nlohmann::ordered_json{{"ledger", store->name()}, {"documents", std::move(list)}}.dump(2) << '\n';
      return kExitClean;
    }
    for (const auto& d : documents)
      std::cout << fmt::format("{:<10}  {:>5} {:<7}  {:>5} {:<10}{}  {}{}  {}\n", d.ref.published, d.claims,
                               d.claims == 1 ? "figure" : "figures", d.paragraphs,
                               d.paragraphs == 1 ? "paragraph" : "paragraphs",
                               d.corrections ? "  " + plural(d.corrections, "correction", "corrections") : "",
                               d.ref.name, d.source.empty() ? "" : fmt::format(" [{}]", d.source), shortened(d.ref.title, 40));
    std::cout << plural(documents.size(), "document", "documents") << '\n';
  } catch (const LedgerError& e) {
    std::cerr << "kanwu: " << e.what() << '\n';
    return kExitError;
  }
  return kExitClean;
}

int run_ledger_stats(const LedgerOptions& options) {
  auto store = open_or_report(options, false, false);
  if (!store) return kExitError;
  try {
    const auto s = store->stats();
    if (options.format == "json") {
      nlohmann::ordered_json sources = nlohmann::ordered_json::object();
      for (const auto& [name, n] : s.sources) sources[name] = n;
      std::cout << nlohmann::ordered_json{{"ledger", store->name()},
                                          {"backend", s.backend},
                                          {"schema_version", s.schema_version},
                                          {"documents", s.documents},
                                          {"figures", s.claims},
                                          {"identities", s.identities},
                                          {"paragraphs", s.paragraphs},
                                          {"corrections", s.corrections},
                                          {"text_bytes", s.text_bytes},
                                          {"storage_bytes", s.storage_bytes},
                                          {"to_add_again", s.to_add_again},
                                          {"first_published", s.first_published},
                                          {"last_published", s.last_published},
                                          {"sources", std::move(sources)}}
                       .dump(2)
                << '\n';
      return kExitClean;
    }
    std::cout << fmt::format("ledger       {} ({}, schema version {})\n", store->name(), s.backend, s.schema_version);
    std::cout << fmt::format("documents    {}", s.documents);
    if (!s.first_published.empty()) std::cout << fmt::format(", published {} to {}", s.first_published, s.last_published);
    std::cout << '\n';
    std::cout << fmt::format("figures      {} ({} identities)\n", s.claims, s.identities);
    std::cout << fmt::format("paragraphs   {}\n", s.paragraphs);
    std::cout << fmt::format("corrections  {}\n", s.corrections);
    std::cout << fmt::format("size         {:.1f} MB stored for {:.1f} MB of text\n", s.storage_bytes / 1e6,
                             s.text_bytes / 1e6);
    for (const auto& [name, n] : s.sources)
      std::cout << fmt::format("source       {}: {}\n", name.empty() ? "(none)" : name, n);
    if (s.to_add_again > 0)
      std::cout << fmt::format("add again    {} documents recorded by an older kanwu: no figures or paragraphs until "
                               "`kanwu ledger add` reads them again\n",
                               s.to_add_again);
  } catch (const LedgerError& e) {
    std::cerr << "kanwu: " << e.what() << '\n';
    return kExitError;
  }
  return kExitClean;
}

int run_ledger_correct(const LedgerOptions& options) {
  std::string date;
  if (!options.date.empty()) {
    const auto parsed = ledger::parse_date(options.date);
    if (!parsed) {
      std::cerr << fmt::format("kanwu: --date {}: not a date (YYYY-MM-DD)\n", options.date);
      return kExitError;
    }
    date = *parsed;
  }
  if (options.was.empty() || options.now.empty()) {
    std::cerr << "kanwu: --was and --now must not be empty\n";
    return kExitError;
  }
  auto store = open_or_report(options, false, true);
  if (!store) return kExitError;
  try {
    const auto c = store->correct(options.document, options.was, options.now, date);
    std::cout << fmt::format("correction of {}{}: {} → {}\n", c.document.name,
                             c.corrected_on.empty() ? "" : " on " + c.corrected_on, c.was, c.now);
    if (c.metric_key.empty())
      std::cout << fmt::format("note: “{}” is no figure kanwu reads in {}; the correction is kept as text\n", c.was,
                               c.document.name);
    else
      std::cout << fmt::format("the figure: {} {} {}\n", c.metric_key, c.subject, c.period);
  } catch (const LedgerError& e) {
    std::cerr << "kanwu: " << e.what() << '\n';
    return kExitError;
  }
  return kExitClean;
}

}  // namespace kanwu::cli
