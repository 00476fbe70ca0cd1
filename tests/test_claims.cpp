#include <boost/test/unit_test.hpp>

#include "helpers.h"
#include "kanwu/figures/claim.h"

using namespace kanwu;
using kanwu::test::make_doc;

namespace {
const Claim& claim_with(const DocumentFigures& f, const std::string& text) {
  for (const auto& c : f.claims)
    if (c.quantity.text == text) return c;
  BOOST_FAIL("no claim " << text);
  return f.claims.front();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(claims)

BOOST_AUTO_TEST_CASE(total_increase_and_rate_are_linked) {
  const Document d = make_doc(
      "“十四五”期间，通辽市不断完善养老服务。全市累计支出民政事业发展资金70.4亿元，“十三五”期间增加9.4亿元，增长16.4%。");
  const auto& f = document_figures(d);
  const Claim& total = claim_with(f, "70.4亿元");
  const Claim& inc = claim_with(f, "9.4亿元");
  const Claim& rate = claim_with(f, "16.4%");
  BOOST_TEST(total.metric == "民政事业发展资金");
  BOOST_TEST(total.period == "FYP14");
  BOOST_TEST(total.subject == "通辽");
  BOOST_TEST(inc.role == ClaimRole::Increase);
  BOOST_TEST(rate.role == ClaimRole::Rate);
  BOOST_TEST(&f.claims[rate.anchor] == &total);
  BOOST_TEST(&f.claims[rate.increase] == &inc);
  BOOST_TEST(rate.period == "FYP14");  // the 十三五 is the comparison base
  BOOST_TEST(rate.metric_key == total.metric_key + "#rate");
}

BOOST_AUTO_TEST_CASE(metric_keys_ignore_word_order) {
  BOOST_TEST(metric_key_of("城镇新增就业") == metric_key_of("新增城镇就业"));
  BOOST_TEST(metric_key_of("民政事业发展资金") != metric_key_of("民政事业资金"));
}

BOOST_AUTO_TEST_CASE(five_years_means_the_plan_the_document_reviews) {
  const Document doc_a = make_doc("“十四五”期间成绩显著。5年内实现城镇新增就业6.4万人次。");
  BOOST_TEST(claim_with(document_figures(doc_a), "6.4万人次").period == "FYP14");
  const Document doc_b = make_doc("2021年7月1日。近5年，全市城镇新增就业8.59万人。");
  BOOST_TEST(claim_with(document_figures(doc_b), "8.59万人").period == "FYP13");
}

BOOST_AUTO_TEST_CASE(plans_are_not_claims_of_fact) {
  const Document d = make_doc("2026年，确保城镇新增就业1.2万人以上。主要预期目标是：地区生产总值增长5.5%左右。");
  const auto& f = document_figures(d);
  BOOST_TEST(claim_with(f, "1.2万人以上").plan);
  BOOST_TEST(claim_with(f, "5.5%左右").plan);
}

BOOST_AUTO_TEST_CASE(new_value_after_zhi_is_not_a_rate) {
  const Document d = make_doc("2025年，参保覆盖率从91.5%提高至95%。");
  const auto& f = document_figures(d);
  BOOST_TEST(claim_with(f, "95%").role == ClaimRole::Value);
}

BOOST_AUTO_TEST_CASE(subject_is_the_place_named_or_the_documents_own) {
  const Document d = make_doc(
      "通辽市召开会议，通辽市领导出席。通辽市民政局表示，2024年全市新增床位500张。2024年，乌海市新增床位300张。乌海市表示满意。");
  const auto& f = document_figures(d);
  BOOST_TEST(f.subject == "通辽");
  BOOST_TEST(claim_with(f, "500张").subject == "通辽");
  BOOST_TEST(claim_with(f, "300张").subject == "乌海");
}

BOOST_AUTO_TEST_SUITE_END()
