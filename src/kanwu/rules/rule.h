// The rule interface. A rule is one YAML entry, parsed into an instance of
// its kind's class; per-document rules implement check(), cross-document
// rules return a CorpusPass that sees every document of the run.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "kanwu/doc/document.h"
#include "kanwu/rules/finding.h"
#include "kanwu/rules/message_template.h"

namespace kanwu {

struct RuleExamples {
  std::vector<std::string> bad;   // each must produce at least one finding
  std::vector<std::string> good;  // each must produce none
};

struct RuleInfo {
  std::string id;
  std::string kind;
  Severity severity = Severity::Warning;
  bool enabled = true;  // false: runs only when asked for with --enable
  std::string description;
  MessageTemplate message;
  std::vector<BlockKind> scope;
  RuleExamples examples;
  std::string file;  // where the rule was defined
  int line = 0;
};

class Emitter;
class CorpusPass;
class Archive;

class Rule {
 public:
  explicit Rule(RuleInfo info) : info_(std::move(info)) {}
  virtual ~Rule() = default;
  Rule(const Rule&) = delete;
  Rule& operator=(const Rule&) = delete;

  const RuleInfo& info() const { return info_; }
  const std::string& id() const { return info_.id; }
  bool in_scope(const Block& block) const;

  // Per-document work. Called for each document, possibly on worker threads:
  // it must not modify the rule.
  virtual void check(const Document& document, Emitter& emit) const;
  // Cross-document rules return a fresh pass per run.
  virtual std::unique_ptr<CorpusPass> corpus_pass() const { return nullptr; }
  // Rules that build on the same costly whole-document analysis name it
  // here ("figures"); a large document's rules run on several threads, and
  // rules sharing an analysis run one after another on the same thread
  // instead of waiting on each other.
  virtual std::string_view shared_analysis() const { return {}; }

 private:
  RuleInfo info_;
};

// Creates findings for one rule on one document.
class Emitter {
 public:
  Emitter(const Rule& rule, const Document& document, std::vector<Finding>& out)
      : rule_(rule), document_(document), out_(out) {}

  // Reports bytes [begin, end) of a block's text.
  Finding& report(const Block& block, std::size_t begin, std::size_t end,
                  const MessageVars& vars);
  // Attaches a fix replacing bytes [begin, end) of the block's text.
  // Fixes are suggestions unless the rule knows they cannot change the
  // meaning (see FixSafety).
  void propose_fix(Finding& finding, const Block& block, std::size_t begin, std::size_t end,
                   std::string replacement, FixSafety safety = FixSafety::Suggestion) const;
  // Attaches a fix replacing source bytes [begin, end).
  void propose_source_fix(Finding& finding, std::size_t begin, std::size_t end,
                          std::string replacement,
                          FixSafety safety = FixSafety::Suggestion) const;
  void add_related(Finding& finding, const Block& block, std::size_t begin, std::size_t end,
                   std::string message) const;
  // Adds a finding built by the rule itself (e.g. spanning several blocks).
  Finding& add(Finding finding);

  const Document& document() const { return document_; }

 private:
  const Rule& rule_;
  const Document& document_;
  std::vector<Finding>& out_;
};

// Builds a finding from a rule and a resolved location (used by corpus
// passes, which outlive the documents they saw).
Finding make_finding(const Rule& rule, Location where, const MessageVars& vars);

// A cross-document analysis. digest() may run on worker threads while the
// document is alive and must keep only what the pass needs later (hashes,
// resolved locations), so documents can be freed; add() and finish() run on
// one thread, add() in corpus order.
class CorpusPass {
 public:
  struct Digest {
    virtual ~Digest() = default;
  };
  virtual ~CorpusPass() = default;
  virtual std::unique_ptr<Digest> digest(const Document& document) const = 0;
  virtual void add(std::unique_ptr<Digest> digest) = 0;
  virtual void finish(std::vector<Finding>& out) = 0;
  // A run checked against an archive (kinds/archive.h) hands it to each
  // pass before the first add(): a pass that compares documents compares
  // them with the archive's too, on the thread that adds.
  virtual void consult(Archive& /*archive*/) {}
};

}  // namespace kanwu
