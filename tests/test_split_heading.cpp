#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {
const std::string kRule = rule_yaml("split-heading", "{joined}");
}

BOOST_AUTO_TEST_SUITE(split_heading)

BOOST_AUTO_TEST_CASE(two_equal_halves_are_one_headline) {
  const std::string text = "乡村振兴看江州\n\n守正创新\n\n笃行致远\n\n全县召开推进会，部署今年的重点工作。\n";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "守正创新 笃行致远");
  BOOST_TEST(f[0].where.start.line == 3);
  BOOST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(!f[0].fix->safe());
  BOOST_TEST(text.substr(0, f[0].fix->begin) + f[0].fix->replacement + text.substr(f[0].fix->end) ==
             "乡村振兴看江州\n\n守正创新 笃行致远\n\n全县召开推进会，部署今年的重点工作。\n");
}

BOOST_AUTO_TEST_CASE(lists_unequal_lines_and_markdown_stay) {
  // Three equal lines are a list; unequal ones two headings; Markdown
  // headings are structure the author chose.
  BOOST_TEST(run_rules(kRule, "守正创新\n\n笃行致远\n\n勇毅前行\n\n全县召开推进会。\n").empty());
  BOOST_TEST(run_rules(kRule, "守正创新\n\n笃行致远再出发\n\n全县召开推进会。\n").empty());
  BOOST_TEST(run_rules(kRule, {{"t.md", "## 守正创新\n\n## 笃行致远\n\n全县召开推进会。\n"}}).empty());
  // Far apart: two headings of their own.
  BOOST_TEST(run_rules(kRule, "守正创新\n\n全县召开推进会。\n\n笃行致远\n\n会议部署了工作。\n").empty());
}

BOOST_AUTO_TEST_SUITE_END()
