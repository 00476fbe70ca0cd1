#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "helpers.h"
#include "kanwu/engine/examples.h"
#include "kanwu/report/reporter.h"

using namespace kanwu;
using namespace kanwu::test;
namespace fs = std::filesystem;

namespace {
struct TempDir {
  fs::path path = fs::temp_directory_path() / ("kanwu-test-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& bytes) const {
    const fs::path p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
};
const std::string kRule = rule_yaml("repetition", "重复{match}");
}  // namespace

BOOST_AUTO_TEST_SUITE(engine)

BOOST_AUTO_TEST_CASE(directories_recurse_into_txt_and_md_sorted) {
  TempDir dir;
  dir.write("b.txt", "新建建管网");
  dir.write("sub/a.md", "新建建管网");
  dir.write("skip.html", "新建建管网");
  const RuleSet rules = load_rules_from_string(kRule, "t.yaml");
  const Report report = check_paths(rules.pointers(), {dir.path.string()});
  BOOST_TEST(report.documents_checked == 2u);
  BOOST_REQUIRE(report.findings.size() == 2u);
  BOOST_TEST(report.findings[0].where.file.ends_with("b.txt"));
  BOOST_TEST(report.findings[1].where.file.ends_with("sub/a.md"));
}

// A rule left out of a file's selection does not run on it: no findings, no
// time, and its cross-document pass does not see the file.
BOOST_AUTO_TEST_CASE(a_rule_left_out_of_a_file_selection_does_not_run_on_it) {
  TempDir dir;
  const auto a = dir.write("a.txt", "新建建管网\n\n2024年，全市地区生产总值增长5.2%。\n");
  const auto b = dir.write("b.txt", "新建建管网\n\n2024年，全市地区生产总值增长6.1%。\n");
  const RuleSet rules = load_rules_from_string(
      kRule + "  - id: conflict\n    kind: figure-conflict\n    severity: error\n    message: '{metric}'\n" +
          figure_vocabulary_param(),
      "t.yaml");
  CheckOptions options;
  options.rule_timings = true;
  const RuleSelection all{true, true}, no_conflict{true, false}, none{false, false};
  const Report both = check_inputs(rules.pointers(), {{a, &all}, {b, &all}}, options);
  BOOST_TEST(both.findings.size() == 3u);  // a doubling in each, the conflict in b
  BOOST_TEST(both.rule_seconds.count("conflict") == 1u);
  const Report first_out = check_inputs(rules.pointers(), {{a, &no_conflict}, {b, &all}}, options);
  BOOST_REQUIRE(first_out.findings.size() == 2u);
  for (const Finding& f : first_out.findings) BOOST_TEST(f.rule == "r");
  const Report nothing = check_inputs(rules.pointers(), {{a, &none}, {b, &none}}, options);
  BOOST_TEST(nothing.findings.empty());
  BOOST_TEST(nothing.documents_checked == 2u);
  BOOST_TEST(nothing.rule_seconds.empty());
}

BOOST_AUTO_TEST_CASE(bad_inputs_are_reported_and_the_rest_is_checked) {
  TempDir dir;
  const auto bad = dir.write("bad.txt", "好的\n坏\xFF的\n");
  const auto bin = dir.write("bin.txt", std::string("a\0b", 3));
  const auto empty = dir.write("empty.txt", "");
  const auto good = dir.write("good.txt", "新建建管网");
  const RuleSet rules = load_rules_from_string(kRule, "t.yaml");
  const Report report = check_paths(rules.pointers(), {bad, bin, "/no/such/file.txt", empty, good});
  BOOST_TEST(report.documents_checked == 2u);
  BOOST_TEST(report.findings.size() == 1u);
  BOOST_REQUIRE(report.input_errors.size() == 3u);
  BOOST_TEST(report.input_errors[0].path() == "/no/such/file.txt");  // expansion errors come first
  BOOST_TEST(report.input_errors[1].line() == 2);
  BOOST_TEST(std::string(report.input_errors[2].what()).find("binary") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(report_is_the_same_for_any_number_of_threads) {
  const RuleSet rules = load_rules({source_dir() + "/rules"});
  const std::vector<std::string> paths{source_dir() + "/fixtures/seeds", source_dir() + "/fixtures/cases"};
  std::ostringstream one, four;
  CheckOptions options;
  options.jobs = 1;
  write_json(one, check_paths(rules.pointers(), paths, options));
  options.jobs = 4;
  std::size_t calls = 0;
  options.progress = [&](std::size_t done, std::size_t total, std::size_t) {
    ++calls;
    BOOST_TEST(done <= total);
  };
  write_json(four, check_paths(rules.pointers(), paths, options));
  BOOST_TEST(one.str() == four.str());
  BOOST_TEST(calls > 5u);
}

// A file larger than the engine's threshold, checked alone with two jobs,
// has its rules spread over two threads; the report must not change.
BOOST_AUTO_TEST_CASE(one_large_file_gives_the_same_report_on_two_threads) {
  const RuleSet rules = load_rules({source_dir() + "/rules"});
  std::string text;
  for (int copy = 0; text.size() < 400 * 1024; ++copy)
    for (const auto& entry : fs::directory_iterator(source_dir() + "/fixtures/seeds")) {
      std::ifstream in(entry.path(), std::ios::binary);
      text += std::string(std::istreambuf_iterator<char>(in), {}) + "\n\n第" + std::to_string(copy) + "份\n\n";
    }
  const fs::path file = fs::temp_directory_path() / ("kanwu-large-" + std::to_string(::getpid()) + ".txt");
  std::ofstream(file, std::ios::binary) << text;
  std::ostringstream one, two;
  CheckOptions options;
  options.jobs = 1;
  const Report serial = check_paths(rules.pointers(), {file.string()}, options);
  write_json(one, serial);
  options.jobs = 2;
  write_json(two, check_paths(rules.pointers(), {file.string()}, options));
  fs::remove(file);
  BOOST_TEST(serial.findings.size() > 100u);
  BOOST_TEST(one.str() == two.str());
}

BOOST_AUTO_TEST_CASE(findings_are_sorted_deterministically) {
  const auto f = run_rules(rule_yaml("pattern", "m", "    pattern: '错'\n"),
                           {{"b.txt", "错"}, {"a.txt", "对\n\n错错"}});
  BOOST_REQUIRE(f.size() == 3u);
  BOOST_TEST(f[0].where.file == "a.txt");
  BOOST_TEST(f[0].where.start.column == 1);
  BOOST_TEST(f[1].where.start.column == 2);
  BOOST_TEST(f[2].where.file == "b.txt");
}

BOOST_AUTO_TEST_CASE(json_report_has_the_documented_shape) {
  const RuleSet rules = load_rules({source_dir() + "/rules"});
  std::vector<Document> docs;
  docs.push_back(make_doc("获评典型案例。同时，积\n\n极开展活动,新建建各类管网。"));
  std::ostringstream out;
  write_json(out, check_documents(rules.pointers(), docs));
  const auto json = nlohmann::json::parse(out.str());
  BOOST_TEST(json["version"] == 1);
  BOOST_REQUIRE(json["findings"].size() == 3u);
  for (const auto& f : json["findings"]) {
    for (const char* key : {"rule", "severity", "file", "line", "column", "end_line", "end_column",
                            "message", "related"})
      BOOST_TEST(f.contains(key), "finding lacks " << key);
  }
  const auto& broken = json["findings"][0];
  BOOST_TEST(broken["rule"] == "broken-paragraph");
  BOOST_TEST(broken["related"][0]["line"] == 3);
  BOOST_TEST(broken["fix"]["replacement"] == "");
  BOOST_TEST(json["summary"]["warning"] == 3);
  BOOST_TEST(json["summary"]["files"] == 1);
}

BOOST_AUTO_TEST_CASE(text_report_underlines_with_cjk_widths) {
  const RuleSet rules = load_rules_from_string(kRule, "t.yaml");
  std::vector<Document> docs;
  docs.push_back(make_doc("ab新建建管网"));
  std::ostringstream out;
  write_text(out, check_documents(rules.pointers(), docs), {false, true, true});
  const std::string text = out.str();
  BOOST_TEST(text.find("t.txt:1:4: warning: 重复建建 [r]") == 0u);
  BOOST_TEST(text.find("    1 | ab新建建管网\n      |     ^~~~\n") != std::string::npos);
  BOOST_TEST(text.find("1 finding (0 error, 1 warning, 0 info) in 1 file") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bundled_rule_examples_pass) {
  const RuleSet rules = load_rules({source_dir() + "/rules"});  // outlives the failures that point into it
  const auto results = check_rule_examples(rules);
  BOOST_TEST(results.checked > 20u);
  for (const auto& failure : results.failures)
    BOOST_ERROR(failure.rule->id() << " example failed: " << failure.example);
}

BOOST_AUTO_TEST_CASE(a_failing_example_is_caught) {
  const RuleSet rules = load_rules_from_string(
      rule_yaml("repetition", "m", "    examples:\n      bad: ['一幅幅画卷']\n      good: ['新建建']\n"),
      "t.yaml");
  BOOST_TEST(check_rule_examples(rules).failures.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
