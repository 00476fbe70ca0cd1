#include "kanwu/rules/rule.h"

#include <algorithm>

namespace kanwu {

bool Rule::in_scope(const Block& block) const {
  return std::find(info_.scope.begin(), info_.scope.end(), block.kind) != info_.scope.end();
}

void Rule::check(const Document&, Emitter&) const {}

Finding make_finding(const Rule& rule, Location where, const MessageVars& vars) {
  Finding f;
  f.rule = rule.id();
  f.severity = rule.info().severity;
  f.where = std::move(where);
  f.message = rule.info().message.render(vars);
  return f;
}

Finding& Emitter::report(const Block& block, std::size_t begin, std::size_t end,
                         const MessageVars& vars) {
  out_.push_back(make_finding(rule_, document_.locate(block, begin, end), vars));
  return out_.back();
}

void Emitter::propose_fix(Finding& finding, const Block& block, std::size_t begin,
                          std::size_t end, std::string replacement, FixSafety safety) const {
  // A fix never swallows markup: when the span's source bytes are not its
  // text bytes (emphasis marks, a code span, an entity lie inside), no fix.
  if (!block.map.same_length_in_source(begin, end)) return;
  const std::size_t source_begin = block.map.to_source(begin);
  const std::size_t source_end = end > begin ? block.map.to_source_end(end) : source_begin;
  propose_source_fix(finding, source_begin, source_end, std::move(replacement), safety);
}

void Emitter::propose_source_fix(Finding& finding, std::size_t begin, std::size_t end,
                                 std::string replacement, FixSafety safety) const {
  finding.fix = Fix{begin, end, std::move(replacement), document_.locate_source(begin, end), safety};
  // Reports use the fix's span, not its excerpt; at a million findings the
  // copies add up.
  finding.fix->where.excerpt = {};
}

Finding& Emitter::add(Finding finding) {
  out_.push_back(std::move(finding));
  return out_.back();
}

void Emitter::add_related(Finding& finding, const Block& block, std::size_t begin,
                          std::size_t end, std::string message) const {
  finding.related.push_back({document_.locate(block, begin, end), std::move(message)});
  finding.related.back().where.excerpt = {};  // related places are shown by position only
}

}  // namespace kanwu
