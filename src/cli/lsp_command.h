// `kanwu lsp`: the Language Server on standard input and output, with the
// project's configuration found as `kanwu check` finds it.
#pragma once

#include <string>
#include <vector>

namespace kanwu::cli {

struct LspOptions {
  std::vector<std::string> rules;  // --rules: instead of the bundled rules
  std::string config;              // --config: instead of the nearest .kanwu.yaml
};

int run_lsp(const LspOptions& options);

}  // namespace kanwu::cli
