// `kanwu lsp` on an arbitrary byte stream after a valid initialize: the
// Content-Length framing, JSON-RPC messages (any JSON, nested any depth),
// every notification and request with any params, incremental edits, and
// the checks and diagnostics they cause, with the bundled rules. Invariant
// besides "no crash, no sanitizer report": every frame the server writes is
// a Content-Length header and that many bytes of JSON.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz_common.h"
#include "kanwu/engine/linter.h"
#include "lsp/server.h"

using namespace kanwu;

namespace {

class BundledRules : public lsp::Linter {
 public:
  std::string load() override { return ""; }
  Report check(std::vector<Document> documents) override {
    return check_documents(fuzz::bundled_rules().pointers(), documents);
  }
};

std::string frame(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

// Each frame the server wrote: a header and a JSON body of its length.
void require_frames(const std::string& out) {
  std::size_t at = 0;
  while (at < out.size()) {
    const std::size_t end = out.find("\r\n\r\n", at);
    fuzz::require(end != std::string::npos && out.compare(at, 16, "Content-Length: ") == 0);
    const std::size_t length = std::stoul(out.substr(at + 16, end - at - 16));
    fuzz::require(end + 4 + length <= out.size());
    fuzz::require(nlohmann::json::accept(out.substr(end + 4, length)));
    at = end + 4 + length;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static BundledRules linter;
  std::istringstream in(frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})") +
                        std::string(reinterpret_cast<const char*>(data), size));
  std::ostringstream out, log;
  {
    lsp::ServerOptions options;
    options.debounce = std::chrono::milliseconds(0);
    lsp::Server server(linter, out, log, options);
    server.run(in);
  }
  require_frames(out.str());
  return 0;
}
