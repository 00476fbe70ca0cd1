// Each rule carries its own examples (examples: {bad: [...], good: [...]});
// `kanwu test-rules` and the test suite run them.
#pragma once

#include <string>
#include <vector>

#include "kanwu/rules/loader.h"

namespace kanwu {

struct ExampleFailure {
  const Rule* rule;
  std::string example;
  bool should_find;  // a `bad` example (expected findings) or a `good` one
  std::vector<Finding> findings;  // what the rule reported on it
};

struct ExampleResults {
  std::size_t checked = 0;
  std::vector<ExampleFailure> failures;
};

// Checks every example of every rule. A bad example must give at least one
// finding of its rule, a good example none.
ExampleResults check_rule_examples(const RuleSet& rules);

}  // namespace kanwu
