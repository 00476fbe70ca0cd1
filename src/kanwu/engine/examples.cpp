#include "kanwu/engine/examples.h"

#include "kanwu/engine/linter.h"
#include "kanwu/text/decode.h"

namespace kanwu {

ExampleResults check_rule_examples(const RuleSet& rules) {
  ExampleResults results;
  for (const auto& rule : rules.rules()) {
    const std::vector<const Rule*> only{rule.get()};
    const auto run = [&](const std::string& text, bool should_find) {
      ++results.checked;
      std::vector<Document> docs;
      try {
        docs.emplace_back(decode_source("<example>", text), DocumentFormat::PlainText);
      } catch (const InputError&) {
        results.failures.push_back({rule.get(), text, should_find, {}});
        return;
      }
      Report report = check_documents(only, docs);
      if (report.findings.empty() == should_find)
        results.failures.push_back({rule.get(), text, should_find, std::move(report.findings)});
    };
    for (const auto& text : rule->info().examples.bad) run(text, true);
    for (const auto& text : rule->info().examples.good) run(text, false);
  }
  return results;
}

}  // namespace kanwu
