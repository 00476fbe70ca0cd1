#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {
const std::string kRule = rule_yaml("paired-marks", "“{match}”缺“{expected}”");
}

BOOST_AUTO_TEST_SUITE(paired_marks)

BOOST_AUTO_TEST_CASE(reports_unclosed_and_unopened_marks) {
  auto f = run_rules(kRule, "开展“公共就业服务进校园活动，印发《意见》。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "““”缺“””");
  BOOST_TEST(f[0].where.start.column == 3);
  f = run_rules(kRule, "建成服务中心站），联动885家单位。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "“）”缺“（”");
}

BOOST_AUTO_TEST_CASE(crossed_pairs_leave_the_inner_opener_open) {
  const auto f = run_rules(kRule, "他说“要落实（政策”。");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "“（”缺“）”");
}

BOOST_AUTO_TEST_CASE(balanced_text_and_apostrophes_pass) {
  BOOST_TEST(run_rules(kRule, "“十四五”期间，印发《关于加快养老服务体系建设的意见》（试行）。").empty());
  BOOST_TEST(run_rules(kRule, "他说：“‘一老一小’是大事。”").empty());
  BOOST_TEST(run_rules(kRule, "It’s the “people’s” paper.").empty());
}

BOOST_AUTO_TEST_CASE(a_pair_split_across_blocks_is_left_to_the_break_rules) {
  BOOST_TEST(run_rules(kRule, "“大学生就\n\n业引航计\n\n划”").empty());
  BOOST_TEST(run_rules(kRule, "“大学生就\n\n与此无关。").size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
