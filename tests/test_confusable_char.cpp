#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "helpers.h"
#include "kanwu/text/quotes.h"
#include "kanwu/text/utf8.h"

using namespace kanwu;
using kanwu::test::rule_yaml;
using kanwu::test::run_rules;
using kanwu::test::source_dir;

namespace {

std::string confusable_rule(const std::string& extra = "") {
  return rule_yaml("confusable-char", "{context}→{corrected}",
                   "    confusion_sets: '" + source_dir() + "/rules/vocabulary/confusion-sets.yaml'\n" +
                       "    lexicon: ['/usr/lib/python3/dist-packages/jieba/dict.txt']\n" +
                       "    language_model_margin: 3.0\n" + extra);
}

std::vector<std::string> messages(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& f : run_rules(confusable_rule(), text)) out.push_back(f.message);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(confusable_char)

BOOST_AUTO_TEST_CASE(the_model_prefers_the_right_member_of_a_set) {
  // The message shows the character with its neighbours.
  BOOST_TEST(messages("这座桥以经全部完工。") == std::vector<std::string>{"桥以经→桥已经"});
  BOOST_TEST(messages("放假的时侯大家都回家了。") == std::vector<std::string>{"时侯大→时候大"});
}

BOOST_AUTO_TEST_CASE(right_text_is_quiet) {
  BOOST_TEST(messages("这座桥已经全部完工。").empty());
  BOOST_TEST(messages("放假的时候大家都回家了。").empty());
  BOOST_TEST(messages("他在会上再次强调了安全。").empty());
}

BOOST_AUTO_TEST_CASE(quotations_and_numbers_are_left_alone) {
  BOOST_TEST(messages("标语写着“放假的时侯大家都回家了”。").empty());
  BOOST_TEST(messages("第3部以经完成。").size() == 1u);  // 以 is not by the number
  BOOST_TEST(messages("共3部分。").empty());
}

BOOST_AUTO_TEST_CASE(the_fix_replaces_one_character) {
  const auto findings = run_rules(confusable_rule(), "这座桥以经全部完工。");
  BOOST_REQUIRE_EQUAL(findings.size(), 1u);
  BOOST_REQUIRE(findings[0].fix.has_value());
  BOOST_TEST(findings[0].fix->replacement == "已");
  BOOST_TEST(findings[0].where.start.column == 4);
  BOOST_TEST(findings[0].where.end.column == 5);
}

BOOST_AUTO_TEST_CASE(a_missing_sets_file_is_a_load_error) {
  const std::string yaml = rule_yaml("confusable-char", "{match}", "    confusion_sets: '/nonexistent/sets.yaml'\n");
  const auto names_the_file = [](const std::exception& e) {
    return std::string(e.what()).find("/nonexistent/sets.yaml") != std::string::npos;
  };
  BOOST_CHECK_EXCEPTION(run_rules(yaml, "文字。"), std::exception, names_the_file);
}

BOOST_AUTO_TEST_CASE(quoted_spans_cover_nested_marks) {
  const std::u32string text = code_points("甲“乙《丙》丁”戊").chars;
  const std::vector<bool> inside = quoted_spans(text);
  const std::vector<bool> expected = {false, true, true, true, true, true, true, true, false};
  BOOST_TEST(inside == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
