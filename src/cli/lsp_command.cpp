#include "lsp_command.h"

#include <csignal>
#include <iostream>
#include <optional>
#include <set>

#include "kanwu/engine/linter.h"
#include "lsp/server.h"
#include "project.h"

namespace kanwu::cli {

namespace {

std::string describe(const RuleLoadError& e) {
  std::string text = "kanwu: 配置或规则文件有误，沿用此前的规则：";
  for (const auto& error : e.errors()) text += "\n" + error.describe();
  return text;
}

// The project as `kanwu check` run in the workspace folder sees it: the
// nearest .kanwu.yaml, its rules and params, its per-file settings.
class ProjectLinter : public lsp::Linter {
 public:
  explicit ProjectLinter(const LspOptions& options) : options_(options) {}

  std::string load() override {
    try {
      Configs configs(options_.config);
      const Config& global = configs.for_path(".");
      RuleSet rules = load_configured_rules(global, options_.rules);
      std::string problem;
      for (const auto* ids : {&global.enable, &global.disable})
        for (const auto& id : *ids)
          if (!rules.find(id)) problem += "kanwu: " + global.path + ": " + id + ": no such rule (see `kanwu rules`)\n";
      std::set<std::string> known;
      for (const auto& r : rules.rules()) known.insert(r->id());
      keep_wanted_rules(rules, global, {}, {});
      rules_ = std::move(rules);
      known_ids_ = std::move(known);
      configs_.emplace(std::move(configs));
      return problem;
    } catch (const RuleLoadError& e) {
      return describe(e);
    }
  }

  Report check(std::vector<Document> documents) override {
    if (!rules_ || !configs_) return {};
    try {
      // An ignored file is no part of the corpus, as `kanwu check` skips it.
      std::erase_if(documents, [&](const Document& d) { return configs_->for_path(d.path()).for_file(d.path()).ignored; });
      CheckOptions options;
      options.known_rule_ids = known_ids_;
      Report report = check_documents(rules_->pointers(), documents, options);
      apply_file_settings(report.findings, *configs_, *rules_, {});
      return report;
    } catch (const RuleLoadError& e) {  // a .kanwu.yaml in a subfolder
      throw std::runtime_error(describe(e));
    }
  }

 private:
  LspOptions options_;
  std::optional<RuleSet> rules_;
  std::optional<Configs> configs_;
  std::set<std::string> known_ids_;
};

}  // namespace

int run_lsp(const LspOptions& options) {
  // Standard output carries the protocol alone; everything else goes to
  // standard error, which editors show as the server's log. Both threads
  // write there, so the streams stay synchronised with stdio (which makes
  // that safe); only the flush of std::cout before each read is turned off,
  // as std::cout is written under the writer's lock alone.
  std::cin.tie(nullptr);
  // An editor that quits without `exit` closes the pipe: a write then fails
  // rather than kill the server, which sees the end of its input and stops.
  std::signal(SIGPIPE, SIG_IGN);
  ProjectLinter linter(options);
  lsp::Server server(linter, std::cout, std::cerr);
  return server.run(std::cin);
}

}  // namespace kanwu::cli
