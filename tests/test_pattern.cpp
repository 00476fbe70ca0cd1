#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

BOOST_AUTO_TEST_SUITE(pattern)

BOOST_AUTO_TEST_CASE(reports_each_match_with_code_point_columns) {
  const auto findings = run_rules(rule_yaml("pattern", "“{match}”不规范，应为“{1}年”", "    pattern: '(\\d{4})年度'\n"),
                                  "甲，2024年度全国典型案例，2023年度。");
  BOOST_REQUIRE(findings.size() == 2u);
  BOOST_TEST(findings[0].where.start.column == 3);
  BOOST_TEST(findings[0].where.end.column == 9);
  BOOST_TEST(findings[0].message == "“2024年度”不规范，应为“2024年”");
  BOOST_TEST(!findings[0].fix.has_value());
}

BOOST_AUTO_TEST_CASE(fix_expands_groups) {
  const auto findings = run_rules(
      rule_yaml("pattern", "m", "    pattern: '(\\d+)多万'\n    fix: '$1万多'\n"), "投入300多万元");
  BOOST_REQUIRE(findings.size() == 1u);
  BOOST_REQUIRE(findings[0].fix.has_value());
  BOOST_TEST(findings[0].fix->replacement == "300万多");
  BOOST_TEST(findings[0].fix->where.start.column == 3);
}

BOOST_AUTO_TEST_CASE(scope_limits_blocks) {
  const std::string yaml = rule_yaml("pattern", "m", "    pattern: '摄'\n    scope: [caption]\n");
  BOOST_TEST(run_rules(yaml, "张启民 摄").size() == 1u);
  BOOST_TEST(run_rules(yaml, "他在现场拍摄了大量照片，记录下这一切。").empty());
}

BOOST_AUTO_TEST_CASE(catastrophic_backtracking_is_stopped) {
  const std::string yaml = rule_yaml("pattern", "m", "    pattern: '(a+)+$'\n    time_limit: 5\n");
  const RuleSet rules = load_rules_from_string(yaml, "t.yaml");
  std::vector<Document> docs;
  docs.push_back(make_doc("中文正文，" + std::string(40, 'a') + "!"));
  docs.push_back(make_doc("中文正文aaa", "second.txt"));
  const Report report = check_documents(rules.pointers(), docs);
  BOOST_REQUIRE(report.rule_problems.size() == 1u);
  BOOST_TEST(report.rule_problems[0].rule == "r");
  BOOST_TEST(report.rule_problems[0].message.find("time limit") != std::string::npos);
  BOOST_TEST(report.findings.size() == 1u);  // the second document was still checked
}

BOOST_AUTO_TEST_CASE(digit_run_prefilter_passes_over_blocks_without_the_run) {
  // The prefilter is a necessary condition of the expression: the same
  // findings with it, in every script \d knows.
  const std::string body = "    pattern: '\\d{4}万'\n";
  const std::string with = rule_yaml("pattern", "m", body + "    prefilter_digit_run: 4\n");
  const std::string without = rule_yaml("pattern", "m", body);
  for (const std::string text : {"新增2024万元", "新增２０２４万元", "数字\u0663\u0664\u0665\u0666万", "新增202万元，1234", "约12,345万"}) {
    BOOST_TEST_INFO(text);
    BOOST_TEST(run_rules(with, text).size() == run_rules(without, text).size());
  }
  BOOST_TEST(run_rules(with, "新增2024万元").size() == 1u);
  BOOST_TEST(run_rules(with, "数字\u0663\u0664\u0665\u0666万").size() == 1u);  // Arabic-Indic digits
  BOOST_TEST(run_rules(with, "新增202万元").empty());
}

BOOST_AUTO_TEST_CASE(digit_run_prefilter_is_checked) {
  BOOST_CHECK_THROW(load_rules_from_string(rule_yaml("pattern", "m", "    pattern: 'x'\n    prefilter_digit_run: -1\n"), "t.yaml"),
                    RuleLoadError);
}

BOOST_AUTO_TEST_SUITE_END()
