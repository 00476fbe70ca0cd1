// Whether a text contains any of a few literals, for the prefilters that let
// a rule skip paragraphs it has nothing to look at. One memmem pass per
// literal cost most of such a rule: the literals of a rule usually share a
// character (的向, 的把, 的将…; “，␣”, “。␣”, “；␣”…), so the literals sharing
// a first or a last character are found with one pass over that character,
// each place it occurs tested against them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kanwu {

class LiteralSet {
 public:
  LiteralSet() = default;
  explicit LiteralSet(const std::vector<std::string>& literals);  // empty literals are ignored

  bool empty() const { return groups_.empty(); }
  // True when `text` contains one of the literals.
  bool found_in(std::string_view text) const;

 private:
  struct Group {
    std::string shared;                 // the character the literals share (a whole literal, alone)
    bool at_start = true;               // shared at their start, else at their end
    std::vector<std::string> literals;  // the literals that share it (none: `shared` is the literal)
  };
  std::vector<Group> groups_;
};

}  // namespace kanwu
