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

// A newsroom's own names only (no bundled list), as a user would add them.
std::string key_name_rule(const std::string& names) {
  return rule_yaml("key-name", "{match}→{name}",
                   "    extra_names: " + names + "\n" + confusion_params());
}

std::vector<std::string> messages(const std::string& names, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& f : run_rules(key_name_rule(names), text)) out.push_back(f.message);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(key_name)

BOOST_AUTO_TEST_CASE(a_listed_name_with_a_homophone_or_look_alike_is_reported) {
  BOOST_TEST(messages("[江州市人民政府]", "江州市人民正府发布通告。") ==
             std::vector<std::string>{"江州市人民正府→江州市人民政府"});
  BOOST_TEST(messages("[江州日报社]", "江州曰报社记者报道。") == std::vector<std::string>{"江州曰报社→江州日报社"});
}

BOOST_AUTO_TEST_CASE(the_name_itself_another_character_or_a_word_is_not) {
  BOOST_TEST(messages("[江州市人民政府]", "江州市人民政府发布通告。").empty());
  // 府 → 院 sounds and looks different: another body, not a slip.
  BOOST_TEST(messages("[江州市人民政府]", "江州市人民法院发布通告。").empty());
  // 国务委员 is a word; 国务院 one character away from it is not reported.
  BOOST_TEST(messages("[国务院]", "国务委员出席。国务院召开会议。").empty());
}

BOOST_AUTO_TEST_CASE(a_name_of_two_characters_is_a_load_error) {
  BOOST_CHECK_THROW(run_rules(key_name_rule("[李强]"), "文字。"), std::exception);
  BOOST_CHECK_NO_THROW(run_rules(key_name_rule("[李强总理]"), "文字。"));
}

BOOST_AUTO_TEST_SUITE_END()
