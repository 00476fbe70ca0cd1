#include "kanwu/figures/constructions.h"

#include <algorithm>

#include "kanwu/figures/phrase.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu::figure_stages {

// 查处“四风”问题19.2万起，…其中给予党纪政务处分18.8万人: a part after 其中
// is a part of the whole named before it, and is that whole's part only
// (给予党纪政务处分 among 四风问题 is not among 粮食购销问题). Returns
// "<" and the whole's metric key, or "" when the sentence has no 其中
// before the figure or no whole with a metric before the 其中.
// The whole is the nearest figure before 其中 of the part's unit (工会驿站
// 18.61万个，服务职工约8亿人次，其中…智能化驿站1.18万个: 工会驿站), else,
// when no such figure has a metric read, the nearest that has one.
std::string whole_of_part(const std::vector<Claim>& claims, std::string_view text, std::size_t sentence_begin,
                          std::size_t at, std::size_t b, const std::string& unit, bool nearest_of_unit) {
  constexpr std::string_view kAmong = "其中";
  // The whole's words only: not its qualifiers, its role, or the whole it
  // may itself be a part of.
  const auto key_of = [](const Claim& whole) {
    const std::string& key = whole.metric_key;
    return "<" + key.substr(0, std::min({key.find('<'), key.find('+'), key.find('#')}));
  };
  const std::string_view before = text.substr(sentence_begin, at - sentence_begin);
  const std::size_t among = before.rfind(kAmong);
  if (among == std::string_view::npos) return {};
  const Claim* same_unit = nullptr;
  const Claim* any = nullptr;
  for (std::size_t k = claims.size(); k-- > 0;) {
    const Claim& whole = claims[k];
    if (whole.block != b) break;
    if (whole.quantity.begin >= sentence_begin + among || whole.role != ClaimRole::Value) continue;
    // Only the nearest figure of the part's unit: when its metric was not
    // read, the part's whole is not known (外贸1200亿元，其中，出口… is not
    // the export of a GDP named before).
    if (nearest_of_unit && unit_family(whole.quantity.unit) == unit_family(unit))
      return whole.metric_key.empty() ? std::string() : key_of(whole);
    if (whole.metric_key.empty()) continue;
    if (!same_unit && unit_family(whole.quantity.unit) == unit_family(unit)) same_unit = &whole;
    if (!any) any = &whole;
  }
  const Claim* whole = same_unit ? same_unit : any;
  return whole ? key_of(*whole) : std::string();
}

// 从11.37万亿元提高到14.58万亿元, 由2020年的7.2%提升至7.4%: the first
// figure is where a change started, not the period's value.
bool is_start_value(std::string_view prefix) {
  for (bool again = true; again;) {
    again = false;
    while (prefix.ends_with(" ")) prefix.remove_suffix(1), again = true;
    if (prefix.ends_with("的")) prefix.remove_suffix(std::string_view("的").size()), again = true;
  }
  return prefix.ends_with("从") || prefix.ends_with("由");
}

// Whether the clause at `clause` continues an enumeration (、 before it)
// whose items carry no figure.
bool joined_items_before(std::string_view text, std::size_t sentence_begin, std::size_t clause,
                         const std::vector<Quantity>& quantities) {
  constexpr std::string_view kJoin = "、";
  if (clause < sentence_begin + kJoin.size() || text.substr(clause - kJoin.size(), kJoin.size()) != kJoin) return false;
  const std::size_t items = clause_start(text, sentence_begin, clause - kJoin.size(), false);
  const auto [first, last] = beginning_in(quantities, items, clause);
  return first == last;
}

// 造成至少15人死亡, 建成2.72万台充电桩: whether a noun (not 的, a mark, 以,
// 左) follows the number ending at `end`, after an optional 人民币.
bool followed_by_noun(std::string_view text, std::size_t end) {
  for (std::string_view currency : {"人民币", "（人民币）"})
    if (text.substr(end).starts_with(currency)) end += currency.size();
  if (end >= text.size()) return false;
  char32_t c;
  if (utf8::decode(text, end, c) <= 0 || !chars::is_han(c)) return false;
  return std::u32string_view(U"的，。；、：！？以左").find(c) == std::u32string_view::npos;
}

}  // namespace kanwu::figure_stages
