#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {
const std::string kRule = rule_yaml("wrapped-heading", "应为{joined}");
}

BOOST_AUTO_TEST_SUITE(wrapped_heading)

BOOST_AUTO_TEST_CASE(joins_fragments_once_per_heading) {
  const std::string text = "护航成长之路\n\n“大学生就\n\n业引航计\n\n划”\n\n“扬帆计\n\n划”";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].message == "应为“大学生就业引航计划”");
  BOOST_TEST(f[0].where.start.line == 3);
  BOOST_TEST(f[0].where.end.line == 7);
  BOOST_TEST(f[0].related.size() == 2u);
  BOOST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(f[0].fix->replacement == "“大学生就业引航计划”");
  BOOST_TEST(f[1].message == "应为“扬帆计划”");
}

BOOST_AUTO_TEST_CASE(fix_spans_exactly_the_fragments) {
  const std::string text = "前言。\n\n培育计\n\n划\n\n正文。";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 1u);
  const std::string fixed = text.substr(0, f[0].fix->begin) + f[0].fix->replacement +
                            text.substr(f[0].fix->end);
  BOOST_TEST(fixed == "前言。\n\n培育计划\n\n正文。");
}

BOOST_AUTO_TEST_CASE(separate_short_headings_pass) {
  // (坚守使命 / 砥砺前行 is no broken word either, but one headline split in
  // two: a structure defect, not this rule's.)
  BOOST_TEST(run_rules(kRule, "坚守使命\n\n砥砺前行").empty());
  BOOST_TEST(run_rules(kRule, "内蒙古日报\n\n66\n\n特刊").empty());
  BOOST_TEST(run_rules(kRule, "“大学生就业引航计划”\n\n“扬帆计划”").empty());
}

BOOST_AUTO_TEST_SUITE_END()
