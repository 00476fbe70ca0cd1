// Element and attribute lookup by local name, shared by the Word (.docx)
// and OpenDocument (.odt) readers and the Word review writer.
#pragma once

#include <pugixml.hpp>

#include <string_view>

namespace kanwu::xml {

// A name without its prefix: the prefix is only a convention ("w:",
// "text:"), and matching the local name also reads files whose producer
// chose another.
inline std::string_view local(const char* name) {
  const std::string_view s(name);
  const std::size_t colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

// The first child element of that local name (or an empty node).
inline pugi::xml_node child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local(c.name()) == name) return c;
  return {};
}

// The value of the attribute of that local name ("" when absent).
inline std::string_view attribute(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
    if (local(a.name()) == name) return a.value();
  return {};
}

}  // namespace kanwu::xml
