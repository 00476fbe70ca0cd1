// JSON that arrives from outside (an HTTP request, an LSP message), parsed
// with a limit on how deeply it may nest. nlohmann's parser keeps its own
// stack, but the tree it builds is copied, compared and destroyed by
// recursion: 60,000 nested arrays overflow the thread's stack there. No
// request kanwu understands nests more than a few levels.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <stdexcept>
#include <string_view>

namespace kanwu {

inline constexpr std::size_t kMaxJsonDepth = 512;

// Thrown when an array or object opens deeper than the limit; the parse
// stops there, before anything deeper is built.
class JsonTooDeep : public std::runtime_error {
 public:
  explicit JsonTooDeep(std::size_t max_depth);
};

// json::parse with at most `max_depth` levels of arrays and objects. Throws
// nlohmann::json::parse_error for text that is not JSON and JsonTooDeep.
nlohmann::json parse_json_input(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

}  // namespace kanwu
