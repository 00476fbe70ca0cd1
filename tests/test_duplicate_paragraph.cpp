#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {
// One-sentence paragraphs are the material here; min_sentences has its own test.
const std::string kRule = rule_yaml("duplicate-paragraph", "{kind}{similarity}@{first}", "    min_sentences: 1\n");
const std::string kPara =
    "今年以来，全市新建社区养老服务站42个，改造农村互助幸福院118所，新增养老床位1600张，"
    "城乡居家养老服务覆盖率稳步提高，老年人就近享受助餐、助洁、助医等服务更加便利。";
const std::string kOther =
    "这是一段与上文完全无关的段落，讲述的是城市交通建设的进展情况，共新建道路十二条，总里程三十六公里。";
}  // namespace

BOOST_AUTO_TEST_SUITE(duplicate_paragraph)

BOOST_AUTO_TEST_CASE(exact_duplicate_in_one_document) {
  const auto f = run_rules(kRule, kPara + "\n\n" + kOther + "\n\n" + kPara);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "重复100%@t.txt:1");
  BOOST_TEST(f[0].where.start.line == 5);
  BOOST_REQUIRE(f[0].related.size() == 1u);
  BOOST_TEST(f[0].related[0].where.start.line == 1);
}

BOOST_AUTO_TEST_CASE(punctuation_and_spacing_changes_are_still_exact) {
  std::string changed = kPara;
  changed.replace(changed.find("，"), 3, "；");
  const auto f = run_rules(kRule, kPara + "\n\n　　" + changed);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.starts_with("重复100%"));
}

BOOST_AUTO_TEST_CASE(near_duplicate_reports_similarity) {
  std::string near = kPara;
  near.replace(near.find("118"), 3, "108");
  near.replace(near.find("提高"), 6, "提升");
  const auto f = run_rules(kRule, kPara + "\n\n" + near);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.starts_with("近似重复"));
  BOOST_TEST(f[0].related[0].message == "相似的段落");
}

BOOST_AUTO_TEST_CASE(across_documents_in_corpus_order) {
  const auto f = run_rules(kRule, {{"a.txt", kOther + "\n\n" + kPara}, {"b.md", "# 标题\n\n" + kPara}});
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].where.file == "b.md");
  BOOST_TEST(f[0].related[0].where.file == "a.txt");
  BOOST_TEST(f[0].related[0].where.start.line == 3);
}

BOOST_AUTO_TEST_CASE(different_and_short_paragraphs_pass) {
  BOOST_TEST(run_rules(kRule, kPara + "\n\n" + kOther).empty());
  BOOST_TEST(run_rules(kRule, "张启民 摄\n\n张启民 摄\n\n深入基层，精准施策。\n\n深入基层，精准施策。").empty());
}

BOOST_AUTO_TEST_CASE(threshold_is_a_parameter) {
  std::string near = kPara;
  near.replace(near.find("118"), 3, "108");
  const std::string strict = rule_yaml("duplicate-paragraph", "m", "    threshold: 0.99\n");
  BOOST_TEST(run_rules(strict, kPara + "\n\n" + near).empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(duplicate_paragraph_real_text)

const std::string kTwo = "全县新建村级养老服务站12个，为2000余名老人提供助餐服务。各乡镇同步开展适老化改造。";
const std::string kFormula = "事故调查组将调查中发现的问题线索及相关材料，移交有关部门依规依纪依法处理。";

BOOST_AUTO_TEST_CASE(one_sentence_formulas_and_titles_are_not_reported) {
  const std::string rule = rule_yaml("duplicate-paragraph", "{kind}");
  BOOST_TEST(run_rules(rule, kTwo + "\n\n" + kFormula + "\n\n" + kTwo).size() == 1u);
  BOOST_TEST(run_rules(rule, kFormula + "\n\n" + kTwo.substr(0, 30) + "\n\n" + kFormula).empty());
}

BOOST_AUTO_TEST_CASE(templates_in_many_files_are_boilerplate) {
  const std::string rule = rule_yaml("duplicate-paragraph", "{kind}", "    boilerplate_files: 3\n");
  BOOST_TEST(run_rules(rule, {{"a.txt", kTwo}, {"b.txt", kTwo}}).size() == 1u);
  BOOST_TEST(run_rules(rule, {{"a.txt", kTwo}, {"b.txt", kTwo}, {"c.txt", kTwo}}).empty());
}

BOOST_AUTO_TEST_CASE(compare_within_or_across) {
  const std::string within = rule_yaml("duplicate-paragraph", "{kind}", "    compare: within\n");
  const std::string across = rule_yaml("duplicate-paragraph", "{kind}", "    compare: across\n");
  BOOST_TEST(run_rules(within, {{"a.txt", kTwo}, {"b.txt", kTwo}}).empty());
  BOOST_TEST(run_rules(across, {{"a.txt", kTwo}, {"b.txt", kTwo}}).size() == 1u);
  BOOST_TEST(run_rules(within, kTwo + "\n\n" + kTwo).size() == 1u);
  BOOST_TEST(run_rules(across, kTwo + "\n\n" + kTwo).empty());
}

// Issue 22: formulas told by how the text is used, not by its length.
BOOST_AUTO_TEST_CASE(a_text_repeated_under_each_entry_is_a_formula) {
  const std::string rule = rule_yaml("duplicate-paragraph", "{kind}", "    min_sentences: 1\n");
  BOOST_TEST(run_rules(rule, kFormula + "\n\n" + kTwo + "\n\n" + kFormula).size() == 1u);  // pasted twice
  BOOST_TEST(run_rules(rule, kFormula + "\n\n" + kTwo + "\n\n" + kFormula + "\n\n" + kOther + "\n\n" + kFormula).empty());
  const std::string three = rule_yaml("duplicate-paragraph", "{kind}", "    min_sentences: 1\n    formula_repeats: 4\n");
  BOOST_TEST(run_rules(three, kFormula + "\n\n" + kTwo + "\n\n" + kFormula + "\n\n" + kOther + "\n\n" + kFormula).size() == 2u);
  // Pages of text repeated are no formula, however often.
  const std::string short_formulas = rule_yaml("duplicate-paragraph", "{kind}", "    min_sentences: 1\n    formula_max_chars: 20\n");
  BOOST_TEST(run_rules(short_formulas, kFormula + "\n\n" + kTwo + "\n\n" + kFormula + "\n\n" + kOther + "\n\n" + kFormula).size() == 2u);
}

BOOST_AUTO_TEST_CASE(copies_in_parallel_places_are_structure) {
  const std::string rule = rule_yaml("duplicate-paragraph", "{kind}", "    min_sentences: 1\n");
  // The same intro under two sections of a manual.
  BOOST_TEST(run_rules(rule, {{"a.md", "## 第一节\n\n" + kFormula + "\n\n" + kTwo + "\n\n## 第二节\n\n" + kFormula + "\n"}}).empty());
  // The same note in each of two tabs (HTML containers).
  BOOST_TEST(run_rules(rule, {{"b.md", "<div class=\"a\">\n\n" + kFormula + "\n\n</div>\n<div class=\"b\">\n\n" + kFormula + "\n\n</div>\n"}}).empty());
  // A highlight (■) and a photo caption restate the body; a quotation restates the letter.
  BOOST_TEST(run_rules(rule, "■" + kFormula + "\n\n" + kTwo + "\n\n" + kFormula).empty());
  BOOST_TEST(run_rules(rule, "本报江州3月1日电  " + kFormula + "\n\n" + kTwo + "\n\n" + kFormula).empty());
  BOOST_TEST(run_rules(rule, kFormula + "\n\n" + kTwo + "\n\n县长在回信中说，" + kFormula).empty());
  // A copy after ordinary paragraphs is still one.
  BOOST_TEST(run_rules(rule, {{"c.md", "## 第一节\n\n" + kTwo + "\n\n" + kFormula + "\n\n" + kTwo + "\n\n" + kFormula + "\n\n结尾一段正文，说明情况。\n"}}).size() == 2u);
}

BOOST_AUTO_TEST_CASE(across_drafts_only_in_a_run_of_a_handful) {
  const std::string rule = rule_yaml("duplicate-paragraph", "{kind}", "    compare: across\n    across_max_files: 3\n    min_sentences: 1\n");
  BOOST_TEST(run_rules(rule, {{"a.txt", kTwo}, {"b.txt", kTwo}, {"c.txt", kOther}}).size() == 1u);
  BOOST_TEST(run_rules(rule, {{"a.txt", kTwo}, {"b.txt", kTwo}, {"c.txt", kOther}, {"d.txt", kPara}}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
