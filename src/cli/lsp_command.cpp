#include "lsp_command.h"

#include <csignal>
#include <iostream>

#include "lsp/server.h"
#include "project_linter.h"

namespace kanwu::cli {

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
  ProjectLinter linter(options.rules, options.config);
  lsp::Server server(linter, std::cout, std::cerr);
  return server.run(std::cin);
}

}  // namespace kanwu::cli
