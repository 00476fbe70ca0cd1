// Shared by the libFuzzer targets: the bundled rules, loaded once.
#pragma once

#include <cstdlib>
#include <string>

#include "kanwu/rules/loader.h"

namespace kanwu::fuzz {

inline const RuleSet& bundled_rules() {
  static const RuleSet rules = load_rules({std::string(KANWU_SOURCE_DIR) + "/rules"});
  return rules;
}

// A fuzzer's invariant: abort (a crash the fuzzer reports) when it fails.
inline void require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace kanwu::fuzz
