#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {
const std::string kRule = rule_yaml("mixed-forms", "{match}>{usual}|{count}",
                                    "    groups:\n      - [近5年, 近五年]\n      - ['!”“', ”、“]\n"
                                    "    quoted_item_ends: '、，。等的'\n");
}

BOOST_AUTO_TEST_SUITE(mixed_forms)

BOOST_AUTO_TEST_CASE(the_minority_form_is_reported_with_the_usual_one) {
  const std::string text = "近五年全市投入12亿元。\n\n近5年新增学位2万个。\n\n近5年建成公园30个。\n";
  const auto f = run_rules(kRule, text);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "近五年>近5年|2");
  BOOST_TEST(f[0].where.start.line == 1);
  BOOST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(f[0].fix->replacement == "近5年");
  // One form alone, however often, is the document's style.
  BOOST_TEST(run_rules(kRule, "近五年全市投入12亿元。\n\n近五年新增学位2万个。\n").empty());
}

BOOST_AUTO_TEST_CASE(a_preferred_form_always_wins) {
  // ”、“ twice against ”“ once: the 顿号 form is still the one reported.
  const auto f = run_rules(kRule, "推进“春蕾行动”“阳光行动”。\n\n实施“添翼计划”、“明天计划”、“护苗计划”等。\n");
  BOOST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].message == "”、“>”“|1");
  // Without any ”“ in the document nothing is reported, and ”“ is never
  // turned into ”、“.
  BOOST_TEST(run_rules(kRule, "实施“添翼计划”、“明天计划”。\n").empty());
}

BOOST_AUTO_TEST_CASE(phrases_between_quoted_items_keep_their_comma) {
  BOOST_TEST(run_rules(kRule, "推进“春蕾行动”“阳光行动”。\n\n要“拉手”而不是“松手”、“延链”而不是“断链”。\n").empty());
}

BOOST_AUTO_TEST_SUITE_END()
