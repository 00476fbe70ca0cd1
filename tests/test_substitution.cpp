#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

BOOST_AUTO_TEST_SUITE(substitution)

BOOST_AUTO_TEST_CASE(replaces_longest_wrong_form_with_fix) {
  const std::string yaml = rule_yaml("substitution", "“{match}”应为“{replacement}”",
                                     "    swap:\n      按装: 安装\n      按装工: 安装工\n      再接再励: 再接再厉\n");
  const auto findings = run_rules(yaml, "按装工正在按装设备，大家再接再励。");
  BOOST_REQUIRE(findings.size() == 3u);
  BOOST_TEST(findings[0].message == "“按装工”应为“安装工”");
  BOOST_TEST(findings[1].fix->replacement == "安装");
  BOOST_TEST(findings[1].where.start.column == 6);
  BOOST_TEST(findings[2].message == "“再接再励”应为“再接再厉”");
}

BOOST_AUTO_TEST_CASE(passes_correct_text_and_handles_regex_characters) {
  const std::string yaml = rule_yaml("substitution", "m", "    swap:\n      'a.b': 'a·b'\n");
  BOOST_TEST(run_rules(yaml, "axb 与 a·b").empty());
  BOOST_TEST(run_rules(yaml, "写成a.b了").size() == 1u);
}

BOOST_AUTO_TEST_CASE(requires_a_swap_map) {
  BOOST_CHECK_THROW(load_rules_from_string(rule_yaml("substitution", "m"), "t.yaml"), RuleLoadError);
  BOOST_CHECK_THROW(load_rules_from_string(rule_yaml("substitution", "m", "    swap: [a, b]\n"), "t.yaml"),
                    RuleLoadError);
}

BOOST_AUTO_TEST_SUITE_END()
