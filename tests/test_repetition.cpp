#include <boost/test/unit_test.hpp>

#include "helpers.h"

using namespace kanwu;
using namespace kanwu::test;

namespace {
const std::string kRule = rule_yaml("repetition", "重复“{match}”→“{word}”",
                                    "    function_chars: '的了是'\n    surnames: '任王'\n"
                                    "    extra_words: ['产能']\n");
std::vector<std::string> matches(const std::string& text) { return messages_of(kRule, text); }
}  // namespace

BOOST_AUTO_TEST_SUITE(repetition)

BOOST_AUTO_TEST_CASE(finds_the_seed_doubles) {
  BOOST_TEST(matches("新建建各类管网1670公里") == std::vector<std::string>{"重复“建建”→“建”"});
  BOOST_TEST(matches("新增学位、学位2.5万个") == std::vector<std::string>{"重复“学位、学位”→“学位”"});
  BOOST_TEST(matches("生产生态、增收增收一起抓") == std::vector<std::string>{"重复“增收增收”→“增收”"});
  BOOST_TEST(matches("推行项目管家全程代办办制") == std::vector<std::string>{"重复“办办”→“办”"});
  BOOST_TEST(matches("这是我们的的目标") == std::vector<std::string>{"重复“的的”→“的”"});
}

BOOST_AUTO_TEST_CASE(fix_removes_the_second_copy) {
  const auto findings = run_rules(kRule, "新建建各类管网");
  BOOST_REQUIRE(findings.size() == 1u);
  BOOST_TEST(findings[0].fix->replacement == "建");
  BOOST_TEST(findings[0].where.start.column == 2);
  BOOST_TEST(findings[0].where.end.column == 4);
}

BOOST_AUTO_TEST_CASE(keeps_legitimate_doubling_quiet) {
  for (const char* text :
       {"一幅幅画卷", "这一组组数字", "一张张笑脸", "一项项政策", "默默守护", "熠熠生辉", "书声琅琅",
        "处处洋溢", "实实在在的幸福感", "进园区、县县通", "刚刚过去的2025年", "做好“十五五”工作",
        "农村牧区区域养老", "唯一一家儿童急救站", "超过七成成为护理型", "清真街街道北苑",
        "中心主任任培军说", "人社局局长薛峰说", "五支箭村村民周桂红", "全面提高高等教育质量",
        "功能能级协同", "招引到投资资金增长", "他拉水水库引调水", "舒展的张张笑脸",
        "声声点赞", "一步步一个脚印", "一次次持续深入", "坚持生产产能、生产生态", "一个一个地解决"})
    BOOST_TEST(matches(text).empty(), "flagged legitimate text: " << text);
}

BOOST_AUTO_TEST_CASE(exceptions_option) {
  const std::string yaml = rule_yaml("repetition", "m", "    exceptions: ['研究研究']\n");
  BOOST_TEST(run_rules(yaml, "大家研究研究再说").empty());
  BOOST_TEST(run_rules(rule_yaml("repetition", "m"), "大家研究研究再说").size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(repetition_with_a_word_list)

// A word list (here a small one of our own) tells two words meeting from a slip.
const std::string kWords = "    extra_words: ['习近平', '东营', '链条', '退税', '缓费', '源源不断', '南苏丹', '可以']\n"
                           "    prefixes: '全'\n    function_chars: '的以对'\n";

BOOST_AUTO_TEST_CASE(words_meeting_are_not_doubles) {
  const std::string rule = rule_yaml("repetition", "{match}", kWords);
  for (const char* text : {"深入学习习近平总书记重要讲话", "大会在山东东营举行", "强化安全全链条监管",
                           "继续实施退税缓税缓费政策", "南苏丹苏丹人民解放运动", "物资源源不断运来",
                           "可以以书面形式答复", "以新需求引领新供给、新供给创造新需求",
                           "人不负青山，青山定不负人"})
    BOOST_TEST(messages_of(rule, text).empty(), "flagged: " << text);
  BOOST_TEST(messages_of(rule, "新建建各类管网") == std::vector<std::string>{"建建"});
  BOOST_TEST(messages_of(rule, "改造校舍、校舍3万平方米") == std::vector<std::string>{"校舍、校舍"});
}

BOOST_AUTO_TEST_CASE(doubling_mode_splits_words_from_characters) {
  const std::string words = rule_yaml("repetition", "{match}", kWords + "    doubling: words\n");
  const std::string chars = rule_yaml("repetition", "{match}", kWords + "    doubling: characters-after-words\n");
  BOOST_TEST(messages_of(words, "新建建各类管网").empty());
  BOOST_TEST(messages_of(chars, "新建建各类管网") == std::vector<std::string>{"建建"});
  BOOST_TEST(messages_of(words, "加快加快推进") == std::vector<std::string>{"加快加快"});
  BOOST_TEST(messages_of(chars, "加快加快推进").empty());
  BOOST_TEST(messages_of(words, "这是我们的的目标") == std::vector<std::string>{"的的"});
}

// A doubled copy must be known as a word — listed, or read as one word by
// the segmenter; characters that make no word together are a name or a
// sound written out (哔哩哔哩), and their doubling is not a slip.
BOOST_AUTO_TEST_CASE(a_copy_that_is_no_word_is_not_a_doubled_word) {
  const std::string rule = rule_yaml("repetition", "{match}", kWords);
  BOOST_TEST(messages_of(rule, "他常在哔哩哔哩上看纪录片").empty());
  BOOST_TEST(messages_of(rule, "要加快加快推进改造") == std::vector<std::string>{"加快加快"});
}

BOOST_AUTO_TEST_CASE(a_missing_word_list_is_a_rule_error) {
  BOOST_CHECK_THROW(load_rules_from_string(rule_yaml("repetition", "{match}", "    lexicon: ['/no/such/dict.txt']\n"), "t.yaml"),
                    RuleLoadError);
}

BOOST_AUTO_TEST_SUITE_END()
