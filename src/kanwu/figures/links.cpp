#include "kanwu/figures/links.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "kanwu/figures/roles.h"

namespace kanwu::figure_stages {

std::string qualifier_suffix(const std::vector<std::string>& qualifiers) {
  std::string out;
  for (const auto& q : qualifiers) out += "+" + q;
  return out;
}

// A change or rate without its own metric qualifies the figure right
// before it in its sentence (进出口2.59万亿元，同比增长9.9%，占15.4%).
void link(const Document& doc, const std::vector<Claim>& claims, Claim& c, std::size_t sentence_first_claim) {
  if (claims.size() <= sentence_first_claim) return;
  const std::size_t prior_index = claims.size() - 1;
  const Claim& prior = claims[prior_index];
  // 粮食…增加二百二十亿斤，增长5.9%；棉花…增长6.7%: a rate does not reach
  // back across a ； to the figures of another item.
  if (prior.block == c.block && prior.quantity.end <= c.quantity.begin &&
      std::string_view(doc.blocks()[c.block].text)
              .substr(prior.quantity.end, c.quantity.begin - prior.quantity.end)
              .find("；") != std::string_view::npos)
    return;
  int anchor = -1;
  if (prior.anchor >= 0) anchor = prior.anchor;
  else if (prior.role == ClaimRole::Value && !prior.metric_key.empty() && !prior.quantity.is_percent())
    anchor = static_cast<int>(prior_index);
  if (anchor < 0) return;
  const Claim& total = claims[static_cast<std::size_t>(anchor)];
  c.anchor = anchor;
  c.metric = total.metric;
  // 达到23119元，比上年实际增长6.3%: the rate's own qualifiers (实际)
  // say what it measures beside the total's.
  std::vector<std::string> own;
  for (const auto& q : c.qualifiers)
    if (std::find(total.qualifiers.begin(), total.qualifiers.end(), q) == total.qualifiers.end()) own.push_back(q);
  std::sort(own.begin(), own.end());
  c.qualifiers = total.qualifiers;
  c.qualifiers.insert(c.qualifiers.end(), own.begin(), own.end());
  const std::string base_key = total.metric_key;  // ends with the qualifiers (a value has no role suffix)
  c.metric_key = base_key + qualifier_suffix(own) + role_suffix(c.role);
  c.period = total.period;
  c.period_text = total.period_text;
  c.subject = total.subject;
  c.plan = c.plan || total.plan;
  if (c.role != ClaimRole::Rate) return;
  for (std::size_t k = claims.size(); k > static_cast<std::size_t>(anchor); --k) {
    const Claim& p = claims[k - 1];
    if (p.role == ClaimRole::Increase && p.anchor == anchor) {
      c.increase = static_cast<int>(k - 1);
      break;
    }
  }
}

// Two different values read as the same metric, subject and period in one
// paragraph (保费由每生每年5元提高至10元; 城市公园、“口袋公园”保有量分别达到
// 1436个、883个; 理论教育和党性教育课程的比重不低于70%…党性教育课程的比重
// 不低于20%, where the reading lost the first conjunct) mean the reading
// cannot tell them apart: neither is compared. A paragraph that states one
// figure twice differently is read wrong far more often than written wrong.
void mark_ambiguous(std::vector<Claim>& claims) {
  std::map<std::tuple<std::size_t, std::string, std::string, std::string>, std::vector<std::size_t>> by_paragraph;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (c.metric_key.empty()) continue;
    by_paragraph[{c.block, c.metric_key, c.subject, c.period}].push_back(i);
  }
  for (const auto& [key, members] : by_paragraph) {
    bool differ = false;
    for (std::size_t i : members)
      for (std::size_t j : members) {
        const Quantity& a = claims[i].quantity;
        const Quantity& b = claims[j].quantity;
        if (cannot_be_one(a.low, a.high, b.low, b.high)) differ = true;
      }
    if (differ)
      for (std::size_t i : members) claims[i].ambiguous = true;
  }
}

}  // namespace kanwu::figure_stages
