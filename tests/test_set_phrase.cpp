#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {
// The rule with a small list of our own and jieba's word list.
std::string rule_with(const std::string& list_file) {
  return rule_yaml("set-phrase", "{match}>{phrase}",
                   "    vocabulary: '" + list_file + "'\n    lexicon: ['/usr/lib/python3/dist-packages/jieba/dict.txt']\n");
}
std::string write_list(const std::string& name, const std::string& yaml) {
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << yaml;
  return path;
}
const std::string kBundled = rule_with(source_dir() + "/rules/vocabulary/set-phrases.yaml");
}  // namespace

BOOST_AUTO_TEST_SUITE(set_phrase)

BOOST_AUTO_TEST_CASE(doubled_and_added_characters_in_a_formula) {
  BOOST_TEST(messages_of(kBundled, "各地要一步步一个脚印抓好落实。") ==
             std::vector<std::string>{"一步步一个脚印>一步一个脚印"});
  BOOST_TEST(messages_of(kBundled, "对低收入人口做到应参保尽保。") == std::vector<std::string>{"应参保尽保>应保尽保"});
  // The suggestion writes the phrase in place of the near miss, and only there.
  const std::string text = "对低收入人口做到应参保尽保。";
  const auto f = run_rules(kBundled, text);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(!f[0].fix->safe());
  BOOST_TEST(text.substr(0, f[0].fix->begin) + f[0].fix->replacement + text.substr(f[0].fix->end) ==
             "对低收入人口做到应保尽保。");
}

BOOST_AUTO_TEST_CASE(coinages_and_other_words_are_not_slips) {
  // Policy prose coins variants of its formulas: a changed character alone
  // is no error, nor a missing first one (心之所向 is not 政之所向 misspelt).
  BOOST_TEST(run_rules(kBundled, "推动养老服务提质扩面、扩围提质，经济稳中有增。").empty());
  BOOST_TEST(run_rules(kBundled, "民心之所向，就是我们努力的方向；依法治政府之权。").empty());
  BOOST_TEST(run_rules(kBundled, "坚持应保尽保、应收尽收，一步一个脚印。").empty());
  // A word of its own (一步步) is not a phrase with an added character.
  BOOST_TEST(run_rules(kBundled, "工作一步步推进。").empty());
}

BOOST_AUTO_TEST_CASE(three_character_members_only_beside_their_group) {
  BOOST_TEST(messages_of(kBundled, "着力解决“入园难”“入圆贵”“上好学难”问题。") ==
             std::vector<std::string>{"入圆贵>入园贵"});
  // Alone, three characters match too much.
  BOOST_TEST(run_rules(kBundled, "新人入职贵在坚持。").empty());
  // Only the middle character: 看病繁 beside 看病难 is another complaint.
  BOOST_TEST(run_rules(kBundled, "解决看病难、看病繁问题。").empty());
}

BOOST_AUTO_TEST_CASE(the_list_is_data_with_located_errors) {
  const std::string own = write_list("kanwu-set-phrases-own.yaml", "phrases: [守土尽责]\n");
  BOOST_TEST(messages_of(rule_with(own), "各级干部要守土尽尽责。") == std::vector<std::string>{"守土尽尽责>守土尽责"});
  const std::string bad = write_list("kanwu-set-phrases-bad.yaml", "phrases: [守土尽责]\nphrase: [x]\n");
  std::vector<LoadError> errors;
  try {
    load_rules_from_string(rule_with(bad), "t.yaml");
  } catch (const RuleLoadError& e) {
    errors = e.errors();
  }
  BOOST_REQUIRE(!errors.empty());
  BOOST_TEST(errors[0].file == bad);
  BOOST_TEST(errors[0].line == 2);
  BOOST_TEST(errors[0].message.find("unknown key 'phrase'") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
