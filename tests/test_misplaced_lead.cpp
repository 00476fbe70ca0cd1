#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {
const std::string kRule = rule_yaml("misplaced-lead", "{headline}", "    byline_starts: [□, 本报记者]\n");
const std::string kLead = "五年来，全县城镇新增就业3.2万人，城乡居民收入稳步增长，教育、医疗、养老等民生保障网越织越密。";
}

BOOST_AUTO_TEST_SUITE(misplaced_lead)

BOOST_AUTO_TEST_CASE(a_lead_above_headline_and_byline) {
  const auto f = run_rules(kRule, kLead + "\n\n县长讲话。本报记者 李州摄\n\n民生答卷暖人心\n\n□ 本报记者 李州\n\n就业是民生之本。\n");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "民生答卷暖人心");
  BOOST_TEST(f[0].where.start.line == 1);
  BOOST_REQUIRE(f[0].related.size() == 1u);
  BOOST_TEST(f[0].related[0].where.start.line == 5);
}

BOOST_AUTO_TEST_CASE(pages_in_order_and_later_stories_stay) {
  BOOST_TEST(run_rules(kRule, "民生答卷暖人心\n\n□ 本报记者 李州\n\n" + kLead + "\n").empty());
  // No byline, or a byline with no headline above it: nothing to say.
  BOOST_TEST(run_rules(kRule, kLead + "\n\n民生答卷暖人心\n\n" + kLead + "\n").empty());
  BOOST_TEST(run_rules(kRule, kLead + "\n\n□ 本报记者 李州\n\n" + kLead + "\n").empty());
}

BOOST_AUTO_TEST_SUITE_END()
