// JSON-RPC 2.0 as LSP uses it: requests, notifications and responses over
// the framed transport. Checks a message's shape so the server only ever
// sees well-formed ones.
#pragma once

#include <nlohmann/json.hpp>

#include <atomic>
#include <string>
#include <variant>

#include "lsp/transport.h"

namespace kanwu::lsp {

using json = nlohmann::json;

enum ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
};

// A request carries an id (integer or string) and wants an answer; a
// notification has none and gets none.
struct Message {
  std::string method;
  json id;  // null for notifications
  json params;
  bool is_request() const { return !id.is_null(); }
};

// A response from the client to one of our own requests.
struct Response {
  json id;
};

// Why a body is not a message, and the id to answer with (null if unknown).
struct Invalid {
  int code;
  std::string message;
  json id;
};

std::variant<Message, Response, Invalid> parse_message(const std::string& body);

// An integer parameter (a line, a character, a version), clamped to int:
// json's own get<int>() would cast 1e300 or 2^63 with undefined behaviour.
// Throws std::invalid_argument for anything but an integer.
int to_int(const json& value);

class Connection {
 public:
  explicit Connection(std::ostream& out) : writer_(out) {}
  void respond(const json& id, const json& result);
  void respond_error(const json& id, int code, const std::string& message);
  void notify(const std::string& method, const json& params);
  // A request to the client; its answer arrives as a Response and is not
  // waited for.
  void request(const std::string& method, const json& params);

 private:
  void send(const json& message);
  FrameWriter writer_;
  std::atomic<int> next_id_{1};
};

}  // namespace kanwu::lsp
