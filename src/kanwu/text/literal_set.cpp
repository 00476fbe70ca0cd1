#include "kanwu/text/literal_set.h"

#include <map>

#include "kanwu/text/bytes.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

std::string_view first_char(std::string_view s) {
  return s.substr(0, static_cast<std::size_t>(utf8::sequence_length(s[0])));
}

std::string_view last_char(std::string_view s) { return s.substr(utf8::previous(s, s.size())); }

}  // namespace

LiteralSet::LiteralSet(const std::vector<std::string>& literals) {
  // By first character, then the literals left alone by last character.
  std::map<std::string, std::vector<std::string>> by_first, by_last;
  for (const auto& l : literals)
    if (!l.empty()) by_first[std::string(first_char(l))].push_back(l);
  for (auto& [shared, group] : by_first) {
    if (group.size() > 1) continue;
    for (auto& l : group) by_last[std::string(last_char(l))].push_back(std::move(l));
    group.clear();
  }
  for (auto& [shared, group] : by_first)
    if (!group.empty()) groups_.push_back({shared, true, std::move(group)});
  for (auto& [shared, group] : by_last) {
    if (group.size() == 1) groups_.push_back({group.front(), true, {}});
    else groups_.push_back({shared, false, std::move(group)});
  }
}

bool LiteralSet::found_in(std::string_view text) const {
  for (const Group& g : groups_) {
    if (g.literals.empty()) {
      if (contains_bytes(text, g.shared)) return true;
      continue;
    }
    for (std::size_t at = find_bytes(text, g.shared); at != std::string_view::npos;
         at = find_bytes(text, g.shared, at + g.shared.size())) {
      for (const auto& l : g.literals) {
        if (g.at_start ? text.substr(at).starts_with(l)
                       : at + g.shared.size() >= l.size() && text.substr(0, at + g.shared.size()).ends_with(l))
          return true;
      }
    }
  }
  return false;
}

}  // namespace kanwu
