// A rule kind: how to build a rule of that kind from its YAML entry.
// Every kind is listed once in kinds/kinds.def.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "kanwu/doc/block.h"
#include "kanwu/rules/params.h"
#include "kanwu/rules/rule.h"

namespace kanwu {

struct RuleKind {
  std::string_view name;
  std::string_view summary;
  // Placeholders the kind fills in messages ({match} and the kind's own).
  std::vector<std::string_view> message_vars;
  // Block kinds checked when the rule gives no `scope`.
  std::vector<BlockKind> default_scope;
  // Reads the kind's own keys; reports problems through `params`.
  std::unique_ptr<Rule> (*create)(RuleInfo info, ParamReader& params);
};

const std::vector<const RuleKind*>& rule_kinds();
const RuleKind* find_rule_kind(std::string_view name);

}  // namespace kanwu
