#include "lsp/jsonrpc.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include "kanwu/text/json_input.h"

namespace kanwu::lsp {

namespace {

bool valid_id(const json& id) { return id.is_number_integer() || id.is_string(); }

}  // namespace

std::variant<Message, Response, Invalid> parse_message(const std::string& body) {
  json j;
  try {
    j = parse_json_input(body);
  } catch (const json::parse_error& e) {
    return Invalid{kParseError, std::string("parse error: ") + e.what(), nullptr};
  } catch (const JsonTooDeep& e) {
    return Invalid{kParseError, std::string("parse error: ") + e.what(), nullptr};
  }
  if (!j.is_object()) return Invalid{kInvalidRequest, "a message must be a JSON object", nullptr};
  const json id = j.contains("id") ? j["id"] : json(nullptr);
  // A response (to our registerCapability, or an error answering a message
  // the client could not read) is never answered: that could ping-pong.
  if (!j.contains("method") && (j.contains("result") || j.contains("error"))) return Response{id};
  if (!id.is_null() && !valid_id(id))
    return Invalid{kInvalidRequest, "id must be an integer or a string", nullptr};
  if (j.value("jsonrpc", json()) != "2.0") return Invalid{kInvalidRequest, "jsonrpc must be \"2.0\"", id};
  if (!j.contains("method")) return Invalid{kInvalidRequest, "a message needs a method", id};
  if (!j["method"].is_string()) return Invalid{kInvalidRequest, "method must be a string", id};
  json params = j.contains("params") ? j["params"] : json(nullptr);
  if (!params.is_null() && !params.is_object() && !params.is_array())
    return Invalid{kInvalidRequest, "params must be an object or an array", id};
  return Message{j["method"].get<std::string>(), id, std::move(params)};
}

int to_int(const json& value) {
  constexpr auto kMax = std::numeric_limits<int>::max();
  constexpr auto kMin = std::numeric_limits<int>::min();
  if (value.is_number_unsigned()) return static_cast<int>(std::min<std::uint64_t>(value.get<std::uint64_t>(), kMax));
  if (value.is_number_integer()) return static_cast<int>(std::clamp<std::int64_t>(value.get<std::int64_t>(), kMin, kMax));
  throw std::invalid_argument("an integer was expected, not " + value.dump().substr(0, 40));
}

void Connection::send(const json& message) {
  // Replace, not throw, should a message ever carry text that is not UTF-8.
  writer_.write(message.dump(-1, ' ', false, json::error_handler_t::replace));
}

void Connection::respond(const json& id, const json& result) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
}

void Connection::respond_error(const json& id, int code, const std::string& message) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Connection::notify(const std::string& method, const json& params) {
  send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
}

void Connection::request(const std::string& method, const json& params) {
  send({{"jsonrpc", "2.0"}, {"id", next_id_++}, {"method", method}, {"params", params}});
}

}  // namespace kanwu::lsp
