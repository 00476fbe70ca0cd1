#include "kanwu/figures/roles.h"

namespace kanwu::figure_stages {

namespace {

// The grammar of a figure's role: the verb right before the number says
// whether it is a level, a change, a rate or a share. These words are the
// construction itself, not a vocabulary to extend.
constexpr std::string_view kRiseWords[] = {"增长", "增幅", "增速", "提高", "上升", "提升", "跃升", "攀升", "涨幅", "增", "增加", "多"};
constexpr std::string_view kFallWords[] = {"下降", "减少", "降低", "降幅", "下滑", "减", "回落"};
constexpr std::string_view kShareWords[] = {"占比", "比重", "比例", "占到", "占"};
constexpr std::string_view kToWords[] = {"至", "到", "为"};
// Words between the role verb and the number (增长了, 提高到, 分别达).
constexpr std::string_view kLinkWords[] = {"了", "达到", "达", "为", "至", "到", "超过", "超", "近", "约", "逾", "分别", "*", "突破", "接近"};

}  // namespace

const std::set<std::string> kRoleWords{"增长", "增幅", "增速", "提高", "上升", "提升", "涨幅", "增加", "下降", "减少",
                                        "降低", "降幅", "下滑", "回落", "增至", "升至", "降至", "提高到", "提高至", "提升至",
                                        "提升到", "跃升", "跃升至", "跃升到", "攀升", "攀升至", "攀升到", "增", "减", "降", "升", "翻番", "翻一番"};

// 高于全国1.7个百分点: a gap against a comparator, not a metric of its own.
const std::set<std::string> kGapWords{"高于", "低于", "快于", "慢于", "高出", "超出", "好于", "领先"};

ClaimRole role_of(std::string_view prefix, const Quantity& q) {
  while (prefix.ends_with(" ")) prefix.remove_suffix(1);
  // 提高至95%, 增至135元: the figure is the new value, not the change.
  for (std::string_view to : kToWords) {
    std::string_view p = prefix;
    while (p.ends_with("*")) p.remove_suffix(1);
    if (p.ends_with(to) && !p.ends_with("达到")) return ClaimRole::Value;
  }
  for (bool again = true; again;) {
    again = false;
    for (std::string_view w : kLinkWords)
      if (prefix.ends_with(w) && !(w == "达" && prefix.ends_with("到达"))) {
        prefix.remove_suffix(w.size());
        again = true;
      }
  }
  if (q.unit == "个百分点" || q.unit == "百分点") return ClaimRole::PointChange;
  const bool percent = q.unit == "%";
  if (ends_with_any(prefix, kRiseWords)) return percent ? ClaimRole::Rate : ClaimRole::Increase;
  if (ends_with_any(prefix, kFallWords)) return percent ? ClaimRole::RateDecline : ClaimRole::Decrease;
  if (percent && prefix.find("占") != std::string_view::npos) return ClaimRole::Share;
  if (percent && ends_with_any(prefix, kShareWords)) return ClaimRole::Share;
  return ClaimRole::Value;
}

std::string role_suffix(ClaimRole role) {
  return role == ClaimRole::Value ? std::string() : "#" + std::string(to_string(role));
}

}  // namespace kanwu::figure_stages
