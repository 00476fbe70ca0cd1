#include "kanwu/text/json_input.h"

#include <string>

namespace kanwu {

JsonTooDeep::JsonTooDeep(std::size_t max_depth)
    : std::runtime_error("JSON nested more than " + std::to_string(max_depth) + " levels deep") {}

nlohmann::json parse_json_input(std::string_view text, std::size_t max_depth) {
  using nlohmann::json;
  // The callback sees each array and object as it opens, with the number of
  // containers around it: the parse is stopped before the tree grows deeper.
  const json::parser_callback_t limit_depth = [max_depth](int depth, json::parse_event_t event, json&) {
    if ((event == json::parse_event_t::object_start || event == json::parse_event_t::array_start) &&
        static_cast<std::size_t>(depth) >= max_depth)
      throw JsonTooDeep(max_depth);
    return true;
  };
  return json::parse(text, limit_depth);
}

}  // namespace kanwu
