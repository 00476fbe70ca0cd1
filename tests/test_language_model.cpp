#include <boost/test/unit_test.hpp>

#include <stdexcept>

#include "kanwu/nlp/language_model.h"

using namespace kanwu;

namespace {

const LanguageModel& model() {
  const LanguageModel* lm = LanguageModel::shared();
  BOOST_REQUIRE_MESSAGE(lm, "the language model (libime-data-language-model) is not installed");
  return *lm;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(language_model)

BOOST_AUTO_TEST_CASE(shared_model_is_opened_once) {
  BOOST_TEST(LanguageModel::shared() == LanguageModel::shared());
}

BOOST_AUTO_TEST_CASE(knows_words_of_its_vocabulary) {
  BOOST_TEST(model().knows("已经"));
  BOOST_TEST(model().knows("一丝不苟"));
  BOOST_TEST(!model().knows("量发"));
  BOOST_TEST(model().word_score("发展") > model().word_score("一丝不苟"));
}

BOOST_AUTO_TEST_CASE(prefers_the_right_character) {
  BOOST_TEST(model().prefer("这项工作已经完成", "这项工作以经完成") > 2.0);
  BOOST_TEST(model().prefer("问题再次发生", "问题在次发生") > 2.0);
  BOOST_TEST(model().prefer("做事一丝不苟", "做事一丝不狗") > 2.0);
}

BOOST_AUTO_TEST_CASE(prefers_the_text_without_a_doubled_character) {
  BOOST_TEST(model().prefer("推动高质量发展", "推动高质量量发展") > 2.0);
  BOOST_TEST(model().prefer("新建的道路", "新建建的道路") > 2.0);
  // A doubled character that belongs to both words is not a slip.
  BOOST_TEST(model().prefer("哔哩哔哩网站", "哔哩哩网站") > 2.0);
}

BOOST_AUTO_TEST_CASE(scores_are_log_probabilities) {
  BOOST_TEST(model().score("") == 0.0);
  BOOST_TEST(model().score("发展") < 0.0);
  // Unknown text is scored, not rejected: Latin, digits, rare characters.
  BOOST_TEST(model().score("ABC123𠀀") < model().score("发展"));
}

BOOST_AUTO_TEST_CASE(missing_file_is_a_clear_error) {
  try {
    LanguageModel missing("/nonexistent/zh_CN.lm");
    BOOST_FAIL("no exception");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()).find("/nonexistent/zh_CN.lm") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
