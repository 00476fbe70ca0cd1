#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "helpers.h"

using namespace kanwu;
using kanwu::test::rule_yaml;
using kanwu::test::run_rules;
using kanwu::test::confusion_params;
using kanwu::test::vocabulary_param;

namespace {

std::string idiom_rule(const std::string& extra = "") {
  return rule_yaml("idiom-slip", "{match}→{idiom}",
                   "    vocabulary: [" + vocabulary_param("idioms.yaml") + "]\n" + confusion_params() + extra);
}

std::vector<std::string> messages(const std::string& text, const std::string& extra = "") {
  std::vector<std::string> out;
  for (const auto& f : run_rules(idiom_rule(extra), text)) out.push_back(f.message);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(idiom_slip)

BOOST_AUTO_TEST_CASE(homophone_in_an_idiom_is_a_slip) {
  BOOST_TEST(messages("大家迫不急待地打开了礼物。") == std::vector<std::string>{"迫不急待→迫不及待"});
  BOOST_TEST(messages("老师讲课一丝不狗。") == std::vector<std::string>{"一丝不狗→一丝不苟"});
}

BOOST_AUTO_TEST_CASE(look_alike_from_the_confusables_is_a_slip) {
  BOOST_TEST(messages("股票和债券都是有价证卷。") == std::vector<std::string>{"有价证卷→有价证券"});
}

BOOST_AUTO_TEST_CASE(finding_carries_the_idiom_as_a_suggestion) {
  const auto findings = run_rules(idiom_rule(), "我们要再接再励。");
  BOOST_REQUIRE_EQUAL(findings.size(), 1u);
  BOOST_REQUIRE(findings[0].fix.has_value());
  BOOST_TEST(findings[0].fix->replacement == "再接再厉");
  BOOST_TEST(findings[0].where.start.column == 4);
}

BOOST_AUTO_TEST_CASE(a_character_that_neither_sounds_nor_looks_alike_is_wordplay) {
  BOOST_TEST(messages("各国同球共济，应对气候变化。").empty());
  BOOST_TEST(messages("祝大家蛇年蛇行千里。").empty());
}

BOOST_AUTO_TEST_CASE(quoted_and_titled_variants_are_left_alone) {
  BOOST_TEST(messages("店门口挂着“一丝不狗”的招牌。").empty());
  BOOST_TEST(messages("他写了一本《迫不急待》。").empty());
}

BOOST_AUTO_TEST_CASE(the_idiom_itself_and_listed_variants_are_quiet) {
  BOOST_TEST(messages("大家迫不及待地打开了礼物。").empty());
  BOOST_TEST(messages("我们勠力同心。", "    extra_idioms: [勠力同心]\n").empty());
}

BOOST_AUTO_TEST_CASE(a_higher_margin_silences_the_rule) {
  BOOST_TEST(messages("大家迫不急待地打开了礼物。", "    language_model_margin: 50\n").empty());
}

BOOST_AUTO_TEST_CASE(an_idiom_list_entry_of_the_wrong_length_is_a_load_error) {
  const auto names_the_length = [](const std::exception& e) {
    return std::string(e.what()).find("four characters: 一丝不") != std::string::npos;
  };
  BOOST_CHECK_EXCEPTION(run_rules(idiom_rule("    extra_idioms: [一丝不]\n"), "文字。"), std::exception,
                        names_the_length);
  BOOST_CHECK_NO_THROW(run_rules(idiom_rule("    extra_idioms: [一丝不乱]\n"), "文字。"));
}

BOOST_AUTO_TEST_SUITE_END()
