#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {
const std::string kRule = rule_yaml("name-variant", "{match}|{other}|{line}", "    suffixes: [项目, 工程, 大会, 示范区]\n");
}

BOOST_AUTO_TEST_SUITE(name_variant)

BOOST_AUTO_TEST_CASE(one_name_written_two_ways) {
  const std::string text =
      "县里获批市财政支持县级中心医院与高质量发展试点项目。\n\n"
      "全年重点推进市财政支持县级医院改革与高质量发展试点项目，完成投资三亿元。\n";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 1u);
  // The later place, trimmed to where the two agree, names the earlier one.
  BOOST_TEST(f[0].message == "市财政支持县级医院改革与高质量发展试点项目|市财政支持县级中心医院与高质量发展试点项目|1");
  BOOST_TEST(f[0].where.start.line == 3);
  BOOST_REQUIRE(f[0].related.size() == 1u);
  BOOST_TEST(f[0].related[0].where.start.line == 1);
  BOOST_TEST(!f[0].fix.has_value());  // which one is right, the editor decides
}

BOOST_AUTO_TEST_CASE(different_things_and_shortened_names_are_not_variants) {
  // The same name twice, a numbered session, an abbreviation, two
  // programmes that differ in a whole word.
  BOOST_TEST(run_rules(kRule, "实施县级中心医院与高质量发展试点项目。\n\n县级中心医院与高质量发展试点项目进展顺利。\n").empty());
  BOOST_TEST(run_rules(kRule, "在中国共产党第十五次全国代表大会上。\n\n在中国共产党第十六次全国代表大会上。\n").empty());
  BOOST_TEST(run_rules(kRule, "推进中央生态环保督察整改重点工程。\n\n中央生态环境保护督察整改重点工程全部完成。\n").empty());
  BOOST_TEST(run_rules(kRule, "创建省级智慧养老综合服务示范区。\n\n申报省级智慧健康综合服务示范区。\n").empty());
  // A shared start that only looks longer (京杭大运|河无锡 / 河苏南).
  BOOST_TEST(run_rules(kRule, "京杭大运河无锡段航道改建工程开工。\n\n京杭大运河苏南段航道改建工程全线贯通。\n").empty());
}

BOOST_AUTO_TEST_SUITE_END()
