// `kanwu serve`: the web page and HTTP API editors use instead of a
// terminal, checking with the project's rules and configuration as
// `kanwu check` would in the folder it was started from.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kanwu::cli {

struct ServeOptions {
  std::string host = "127.0.0.1";
  bool host_given = false;          // --host was on the command line
  int port = 7770;                  // 0: any free port (printed at start)
  std::vector<std::string> rules;   // --rules: instead of the bundled rules
  std::string config;               // --config: instead of the nearest .kanwu.yaml
  std::string ledger;               // --ledger: instead of the configuration's `ledger:`
  std::size_t max_checks = 4;       // checks running at once; more get 503
  std::size_t max_body = 5u << 20;  // bytes; larger requests get 413
  double time_limit = 30;           // seconds a check may take before the answer is 503
};

int run_serve(const ServeOptions& options);

// The page served at / (serve_page.cpp).
const std::string& serve_page();

}  // namespace kanwu::cli
