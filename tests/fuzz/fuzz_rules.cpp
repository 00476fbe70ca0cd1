// The YAML rule loader on arbitrary text: errors are fine, crashes and
// hangs are not; a rule set that loads must run its own examples.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kanwu/engine/examples.h"
#include "kanwu/rules/loader.h"

using namespace kanwu;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  try {
    const RuleSet rules = load_rules_from_string(yaml, "fuzz.yaml");
    (void)check_rule_examples(rules);
  } catch (const RuleLoadError&) {
  }
  return 0;
}
