#include <boost/test/unit_test.hpp>

#include "helpers.h"
#include "kanwu/figures/period.h"
#include "kanwu/figures/quantity.h"

using namespace kanwu;

namespace {
std::vector<std::string> texts(const std::string& s) {
  std::vector<std::string> out;
  for (const auto& q : extract_quantities(s)) out.push_back(q.text);
  return out;
}
Quantity only(const std::string& s) {
  const auto qs = extract_quantities(s);
  BOOST_REQUIRE_MESSAGE(qs.size() == 1u, "expected one quantity in " << s << ", got " << qs.size());
  return qs[0];
}
}  // namespace

BOOST_AUTO_TEST_SUITE(quantity)

BOOST_AUTO_TEST_CASE(arabic_numbers_scales_and_units) {
  auto q = only("民政事业发展资金70.4亿元");
  BOOST_TEST(q.value == 7.04e9);
  BOOST_TEST(q.unit == "元");
  BOOST_TEST(q.low == 7.035e9);
  BOOST_TEST(q.high == 7.045e9);
  q = only("共有1,200名代表");
  BOOST_TEST(q.value == 1200);
  BOOST_TEST(q.unit == "名");
  q = only("全角１２３人");
  BOOST_TEST(q.value == 123);
  q = only("城镇新增就业6.4万人次");
  BOOST_TEST(q.value == 64000);
  BOOST_TEST(q.unit == "人次");
  q = only("新能源装机1600万千瓦");
  BOOST_TEST(q.value == 1.6e7);
  BOOST_TEST(q.unit == "千瓦");
  BOOST_TEST(only("增长16.4%").unit == "%");
  BOOST_TEST(only("提高0.5个百分点").unit == "个百分点");
  BOOST_TEST(only("产能提升15倍").unit == "倍");
}

BOOST_AUTO_TEST_CASE(rounding_interval) {
  const auto q = only("增长16.4%");
  BOOST_TEST(q.low == 16.35, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(q.high == 16.45, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(qualifiers_widen_intervals) {
  auto q = only("以超2300亿元一般公共预算支出");
  BOOST_TEST(q.approx == Approx::AtLeast);
  BOOST_TEST(q.low < 2.3e11);
  BOOST_TEST(q.high > 2.3e11);
  q = only("惠及近5万老人");
  BOOST_TEST(q.approx == Approx::AtMost);
  BOOST_TEST(q.high == 5e4);
  q = only("发放8670余万元");
  BOOST_TEST(q.low == 8.67e7);
  BOOST_TEST(q.high == 8.68e7);
  BOOST_TEST(!q.misplaced_extra);
  q = only("慰问金80余万元");
  BOOST_TEST(q.high == 9e5);
  q = only("3.4万余块地名标志");
  BOOST_TEST(q.low == 3.4e4);
  BOOST_TEST(q.high == 3.5e4, boost::test_tools::tolerance(1e-9));
  q = only("探视行动15余万人次");
  BOOST_TEST(q.misplaced_extra);
  q = only("上千场“银龄行动”");
  BOOST_TEST(q.low == 1000);
  BOOST_TEST(q.high == 2000);
  q = only("约30%的群众");
  BOOST_TEST(q.approx == Approx::About);
  BOOST_TEST(only("参保率95%以上").approx == Approx::AtLeast);
}

BOOST_AUTO_TEST_CASE(chinese_numerals) {
  auto q = only("盘活十二座“空馆”");
  BOOST_TEST(q.value == 12);
  BOOST_TEST(q.chinese);
  q = only("让八万余农牧民");
  BOOST_TEST(q.value == 80000);
  BOOST_TEST(q.high == 90000);
  q = only("授技两千余人");
  BOOST_TEST(q.value == 2000);
  BOOST_TEST(q.unit == "人");
  q = only("超过七成成为护理型床位");
  BOOST_TEST(q.unit == "%");
  BOOST_TEST(q.value == 70);
  q = only("降低百分之十五");
  BOOST_TEST(q.value == 15);
  BOOST_TEST(q.unit == "%");
}

BOOST_AUTO_TEST_CASE(things_that_are_not_amounts) {
  BOOST_TEST(texts("5G网络实现行政村全覆盖").empty());
  BOOST_TEST(texts("成功侦破涉案的“12·18组织领导传销活动案”").empty());
  BOOST_TEST(texts("为140万人次提供“1131”就业帮扶").size() == 1u);
  BOOST_TEST(texts("配备“96111”为老服务热线").empty());
  BOOST_TEST(texts("第45届世界技能大赛，推进霍林河1号、4号井田开发").empty());
  BOOST_TEST(texts("2021年7月1日，2025年1—10月，2025—2026年").empty());
  BOOST_TEST(texts("统一部署，唯一一家，万一出现，一老一小，十四五").empty());
  BOOST_TEST(texts("第十五个五年规划").empty());
  BOOST_TEST(texts("单位GDP能耗，3D打印，持续推进“8+N进”").empty());
}

BOOST_AUTO_TEST_CASE(periods) {
  const auto keys = [](const std::string& s) {
    std::vector<std::string> out;
    for (const auto& p : extract_periods(s)) out.push_back(p.key + (p.baseline ? "/base" : "") + (p.future ? "/plan" : ""));
    return out;
  };
  BOOST_TEST(keys("“十四五”期间，通辽市") == std::vector<std::string>{"FYP14"});
  BOOST_TEST(keys("较“十三五”时期增加9.4亿元") == std::vector<std::string>{"FYP13/base"});
  BOOST_TEST(keys("“十三五”期间增加9.4亿元") == std::vector<std::string>{"FYP13/base"});
  BOOST_TEST(keys("5年内实现，这五年，近五年，五年来") ==
             (std::vector<std::string>{"RECENT5", "RECENT5", "RECENT5", "RECENT5"}));
  BOOST_TEST(keys("截至2024年底") == std::vector<std::string>{"Y2024E"});
  BOOST_TEST(keys("2025年1—10月") == std::vector<std::string>{"Y2025M1-10"});
  BOOST_TEST(keys("2025—2026年") == std::vector<std::string>{"Y2025-2026"});
  BOOST_TEST(keys("2023年6月以来") == std::vector<std::string>{"S2023M6"});
  BOOST_TEST(keys("制定“十五五”规划") == std::vector<std::string>{"FYP15/plan"});
  BOOST_TEST(keys("延长30年试点").empty());
  BOOST_TEST(five_year_plan_of(2021) == 14);
  BOOST_TEST(five_year_plan_of(2025) == 14);
  BOOST_TEST(five_year_plan_of(2026) == 15);
  BOOST_TEST(five_year_plan_of(2020) == 13);
}

// Decimals written in Chinese numerals: 点 and the digits after it, one by
// one (reports of every decade: 增长百分之五点九, 十九点五亿元).
BOOST_AUTO_TEST_CASE(chinese_decimals_are_read_whole) {
  const auto qs = extract_quantities("增长百分之五点九，产值十九点五亿元，比重百分之七十一点○五。");
  BOOST_REQUIRE(qs.size() == 3u);
  BOOST_TEST(qs[0].text == "百分之五点九");
  BOOST_TEST(qs[0].value == 5.9, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(qs[0].unit == "%");
  BOOST_TEST(qs[1].value == 19.5e8, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(qs[2].value == 71.05, boost::test_tools::tolerance(1e-9));
  // 5.85 to 5.95: the last written place is a tenth.
  BOOST_TEST(qs[0].low == 5.85, boost::test_tools::tolerance(1e-9));
  // 点 not followed by digit numerals is no decimal point (点击量, 点位).
  for (const Quantity& q : extract_quantities("三十万点击量，新增五十个点位。")) BOOST_TEST(q.text.find("点") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
