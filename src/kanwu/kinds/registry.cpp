#include "kanwu/rules/kind.h"

namespace kanwu {

#define KANWU_RULE_KIND(fn) const RuleKind& fn();
#include "kanwu/kinds/kinds.def"
#undef KANWU_RULE_KIND

const std::vector<const RuleKind*>& rule_kinds() {
  static const std::vector<const RuleKind*> kinds{
#define KANWU_RULE_KIND(fn) &fn(),
#include "kanwu/kinds/kinds.def"
#undef KANWU_RULE_KIND
  };
  return kinds;
}

const RuleKind* find_rule_kind(std::string_view name) {
  for (const RuleKind* kind : rule_kinds())
    if (kind->name == name) return kind;
  return nullptr;
}

}  // namespace kanwu
