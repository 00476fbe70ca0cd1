// The pieces of `kanwu serve` that tests/fuzz/fuzz_serve_request.cpp
// assembles too: the routes and their limits, on a GuardedServer.
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstddef>

#include "project_linter.h"
#include "serve_command.h"
#include "serve_connection.h"

namespace kanwu::cli {

// Threads for connections besides one per check (see run_serve).
inline constexpr std::size_t kConnectionThreads = 64;

ConnectionLimits connection_limits(const ServeOptions& options);

// The page, the API and the answers to bad requests. `linter`, `running`
// (the checks running) and `options` must outlive the server.
void add_serve_routes(httplib::Server& server, ProjectLinter& linter, std::atomic<std::size_t>& running,
                      const ServeOptions& options);

}  // namespace kanwu::cli
