// The check pipeline: read → decode → parse into blocks → run per-document
// rules and feed cross-document passes → collect findings, sorted.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kanwu/rules/loader.h"
#include "kanwu/text/decode.h"
#include "kanwu/text/digest.h"

namespace kanwu {

// A rule that failed on an input (e.g. its regex ran out of time); the run
// goes on without that rule for that document.
struct RuleProblem {
  std::string rule;
  std::string file;
  std::string message;
};

struct Report {
  std::vector<Finding> findings;  // sorted by finding_less
  std::vector<InputError> input_errors;
  std::vector<RuleProblem> rule_problems;
  // Things worth telling that are not errors (a file decoded from GB18030).
  std::vector<std::string> notices;
  std::size_t documents_checked = 0;
  std::vector<std::string> files_checked;  // as reported, in corpus order
  // With CheckOptions::remember_content: the fingerprint of the bytes each
  // file held when it was read, by the name findings give it.
  std::map<std::string, ContentDigest> checked_content;
  // With CheckOptions::rule_timings: the wall-clock time each rule took on
  // the thread that ran it (its check and its cross-document digest, and any
  // wait for a shared analysis another thread is making), summed over documents. A shared
  // analysis (the figures) is counted in the first rule that asks for it.
  std::map<std::string, double> rule_seconds;
  // A document ran out of memory (std::bad_alloc) while it was read or
  // checked; its input error says which.
  bool out_of_memory = false;
};

// Files to check for the given paths: files as given, directories searched
// recursively for *.txt, *.md, *.markdown and *.docx (sorted), "-" for stdin.
// Missing paths become input errors.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths,
                                       std::vector<InputError>& errors);

// Reads and parses every input, keeping them all in memory (for commands
// that look at whole documents, such as `kanwu figures`).
std::vector<Document> load_documents(const std::vector<std::string>& paths,
                                     std::vector<InputError>& errors, const std::string& encoding = "");

struct CheckOptions {
  // Worker threads reading and checking documents; 0 means one per core.
  unsigned jobs = 0;
  // check_documents looks at it before each rule runs on a document: once
  // it is true the run stops early and its report is incomplete. A server sets it when it has
  // told the client the check took too long, so the check frees its place
  // instead of running on for nobody.
  const std::atomic<bool>* cancel = nullptr;
  // Decode every input from this charset instead of UTF-8 (--encoding).
  std::string encoding;
  // Report directives that suppressed nothing (rule id "unused-disable").
  bool report_unused_disables = false;
  // Every rule id there is (on or off); a directive naming another one is
  // reported (rule id "unknown-rule-in-directive"). Empty: not checked.
  std::set<std::string> known_rule_ids;
  // The name standard input is read as ("-" otherwise): its extension picks
  // Markdown or plain text (--stdin-filename draft.md).
  std::string stdin_filename;
  // Measure the time each rule takes (--timings).
  bool rule_timings = false;
  // True when the process exits right after the run (the CLI; as clang's
  // -disable-free): what the exit takes back at once is not freed piece by
  // piece — a large document checked on several threads (fewer files than
  // jobs; half a million allocations, 40 ms of a 9 MB file's 0.75 s) and the
  // corpus passes' indexes (~13 ms for 9 MB). A server keeps the default.
  bool process_exits_after = false;
  // Keep a fingerprint of each file's bytes (Report::checked_content), so
  // that --fix can tell a file changed since it was checked.
  bool remember_content = false;
  // Published documents the cross-document rules compare the inputs with
  // too (`--ledger`); not owned.
  Archive* archive = nullptr;
  // Called on the main thread after each document (progress display).
  std::function<void(std::size_t done, std::size_t total, std::size_t bytes)> progress;
};

// Runs every rule over the files; one bad file does not stop the others.
// Documents are read, decoded and checked in parallel with a bounded number
// in flight; the report is the same whatever the number of threads.
Report check_paths(const std::vector<const Rule*>& rules, const std::vector<std::string>& paths,
                   const CheckOptions& options = {});

// The rules that check one input, by their index in the run's rules: a
// rule left out is not run on it, so the analyses only it asks for (the
// figures, the word list) are not made, and a cross-document rule does not
// see the input at all.
using RuleSelection = std::vector<bool>;

// One file to check, already found (expand_inputs) and not ignored.
struct CheckInput {
  std::string path;  // "-" for standard input
  const RuleSelection* rules = nullptr;  // nullptr: every rule of the run
};

// check_paths for inputs already expanded, each with the rules that check
// it; the selections must outlive the call.
Report check_inputs(const std::vector<const Rule*>& rules, const std::vector<CheckInput>& inputs,
                    const CheckOptions& options = {});

// Runs every rule over documents already in memory (tests, test-rules).
Report check_documents(const std::vector<const Rule*>& rules,
                       const std::vector<Document>& documents, const CheckOptions& options = {});

}  // namespace kanwu
