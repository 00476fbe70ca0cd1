#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include "helpers.h"
#include "kanwu/rules/kind.h"

using namespace kanwu;

namespace {

// Loads `yaml` expecting failure; returns the errors.
std::vector<LoadError> load_errors(const std::string& yaml) {
  try {
    load_rules_from_string(yaml, "bad.yaml");
  } catch (const RuleLoadError& e) {
    return e.errors();
  }
  BOOST_FAIL("rules loaded but errors were expected");
  return {};
}

bool mentions(const std::vector<LoadError>& errors, const std::string& text) {
  for (const auto& e : errors)
    if (e.message.find(text) != std::string::npos) return true;
  return false;
}

const char* kGood = R"(rules:
  - id: ok
    kind: pattern
    severity: info
    message: 'found {match}'
    pattern: '粗心'
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(loader)

BOOST_AUTO_TEST_CASE(loads_a_valid_rule) {
  const RuleSet set = load_rules_from_string(kGood, "good.yaml");
  BOOST_REQUIRE(set.rules().size() == 1u);
  BOOST_TEST(set.rules()[0]->id() == "ok");
  BOOST_TEST(set.rules()[0]->info().severity == Severity::Info);
  BOOST_TEST(set.rules()[0]->info().line == 2);
}

BOOST_AUTO_TEST_CASE(yaml_syntax_error_has_line_and_code_point_column) {
  const auto errors = load_errors("rules:\n  - id: x\n    description: 中文说明: 出错\n");
  BOOST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].line == 3);
  BOOST_TEST(errors[0].column == 22);  // after "    description: 中文说明", counted in characters
  BOOST_TEST(errors[0].message.find("YAML syntax error") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_key_is_reported_where_it_stands) {
  const auto errors = load_errors(std::string(kGood) + "    patern: 'x'\n");
  BOOST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].line == 7);
  BOOST_TEST(errors[0].column == 5);
  BOOST_TEST(errors[0].message.find("unknown key 'patern'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_keys_are_reported_at_the_rule) {
  const auto errors = load_errors("rules:\n  - id: x\n    kind: pattern\n");
  BOOST_TEST(mentions(errors, "missing required key 'severity'"));
  BOOST_TEST(mentions(errors, "missing required key 'message'"));
  BOOST_TEST(mentions(errors, "missing required key 'pattern'"));
  BOOST_TEST(errors[0].line == 2);
}

BOOST_AUTO_TEST_CASE(bad_regex_is_reported_with_the_pattern) {
  const auto errors = load_errors(
      "rules:\n  - id: x\n    kind: pattern\n    severity: error\n    message: m\n"
      "    pattern: '(未闭合'\n");
  BOOST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].line == 6);
  BOOST_TEST(errors[0].message.find("invalid regular expression") != std::string::npos);
  BOOST_TEST(errors[0].message.find("U_REGEX_MISMATCHED_PAREN") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrong_types_and_values) {
  const auto errors = load_errors(
      "rules:\n  - id: x\n    kind: duplicate-paragraph\n    severity: fatal\n    message: m\n"
      "    min_chars: many\n    threshold: 7\n    scope: [body, sidebar]\n");
  BOOST_TEST(mentions(errors, "severity must be info, warning or error"));
  BOOST_TEST(mentions(errors, "'min_chars' must be an integer"));
  BOOST_TEST(mentions(errors, "'threshold' must be between"));
  BOOST_TEST(mentions(errors, "unknown scope 'sidebar'"));
}

// Found by fuzz_rules: an example with a NUL escape crashed `test-rules`.
BOOST_AUTO_TEST_CASE(examples_must_be_text) {
  const auto errors = load_errors(
      "rules:\n  - id: x\n    kind: repetition\n    severity: info\n    message: m\n"
      "    examples:\n      bad: [\"新建建\\0\"]\n");
  BOOST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].line == 7);
  BOOST_TEST(errors[0].message.find("must be text") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_kind_lists_the_known_ones) {
  const auto errors = load_errors("rules:\n  - id: x\n    kind: spelling\n    severity: info\n    message: m\n");
  BOOST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].message.find("unknown rule kind 'spelling'") != std::string::npos);
  BOOST_TEST(errors[0].message.find("repetition") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_message_placeholder) {
  const auto errors = load_errors(
      "rules:\n  - id: x\n    kind: repetition\n    severity: info\n    message: '重复{mtach}'\n");
  BOOST_TEST(mentions(errors, "unknown placeholder {mtach}"));
}

BOOST_AUTO_TEST_CASE(duplicate_ids_and_no_half_loading) {
  const std::string twice = std::string(kGood) + R"(  - id: ok
    kind: pattern
    severity: info
    message: m
    pattern: 'x'
  - id: fine
    kind: pattern
    severity: info
    message: m
    pattern: 'y'
)";
  const auto errors = load_errors(twice);
  BOOST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].message.find("duplicate rule id 'ok'") != std::string::npos);
  BOOST_TEST(errors[0].line == 7);
}

BOOST_AUTO_TEST_CASE(file_shapes) {
  BOOST_TEST(mentions(load_errors("- a\n- b\n"), "must be a mapping"));
  BOOST_TEST(mentions(load_errors("rule:\n  - id: x\n"), "unknown top-level key 'rule'"));
  BOOST_TEST(mentions(load_errors("rules: 3\n"), "'rules' must be a list"));
  BOOST_TEST(mentions(load_errors("rules:\n  - just a string\n"), "each rule must be a mapping"));
  BOOST_TEST(mentions(load_errors("rules:\n  - id: 'has space'\n    kind: repetition\n"
                                  "    severity: info\n    message: m\n"),
                      "may use only letters"));
}

BOOST_AUTO_TEST_CASE(folders_without_rules_and_missing_paths) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "kanwu-empty-rules";
  fs::create_directories(dir);
  try {
    load_rules({dir.string()});
    BOOST_FAIL("an empty folder must not load");
  } catch (const RuleLoadError& e) {
    BOOST_TEST(e.errors()[0].message.find("no *.yaml files") != std::string::npos);
  }
  BOOST_CHECK_THROW(load_rules({"/nonexistent/rules.yaml"}), RuleLoadError);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(bundled_rules_load_and_use_the_issue_ids) {
  const RuleSet set = load_rules({kanwu::test::source_dir() + "/rules"});
  for (const char* id : {"duplicate-paragraph", "wrapped-heading", "broken-paragraph",
                         "repeated-word", "punctuation-width", "paired-marks"})
    BOOST_TEST(set.find(id) != nullptr, "missing bundled rule " << id);
  BOOST_TEST(rule_kinds().size() >= 8u);
}

BOOST_AUTO_TEST_SUITE_END()
