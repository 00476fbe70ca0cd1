// How figures are read: metric, role, subject, period, qualifiers and links,
// on sentences written for these tests in the constructions of Chinese
// statistical prose.
#include <boost/test/unit_test.hpp>

#include "helpers.h"
#include "kanwu/figures/claim.h"
#include "kanwu/figures/restatement.h"

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace kanwu;
using kanwu::test::figures_of;
using kanwu::test::make_doc;

namespace {
// The bundled figure vocabulary with `entry` added under the key line
// `key`, written to a temporary file of that name; its path.
std::string vocabulary_with(const std::string& key, const std::string& entry, const std::string& name) {
  std::ifstream in(kanwu::test::figure_vocabulary_path());
  std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto at = yaml.find(key);
  BOOST_REQUIRE(at != std::string::npos);
  yaml.insert(at + key.size(), entry);
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << yaml;
  return path;
}

const Claim& claim_with(const DocumentFigures& f, const std::string& text) {
  for (const auto& c : f.claims)
    if (c.quantity.text == text) return c;
  BOOST_FAIL("no claim " << text);
  return f.claims.front();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(claims)

BOOST_AUTO_TEST_CASE(total_increase_and_rate_are_linked) {
  const Document d = make_doc("2024年，全县文化旅游专项资金12.6亿元，比上年增加1.6亿元，增长14.5%。");
  const auto& f = figures_of(d);
  const Claim& total = claim_with(f, "12.6亿元");
  const Claim& inc = claim_with(f, "1.6亿元");
  const Claim& rate = claim_with(f, "14.5%");
  BOOST_TEST(total.metric == "文化旅游专项资金");
  BOOST_TEST(total.period == "Y2024");
  BOOST_TEST(inc.role == ClaimRole::Increase);
  BOOST_TEST(rate.role == ClaimRole::Rate);
  BOOST_REQUIRE(rate.anchor >= 0);
  BOOST_TEST(&f.claims[rate.anchor] == &total);
  BOOST_TEST(&f.claims[rate.increase] == &inc);
  BOOST_TEST(rate.metric_key == total.metric_key + "#rate");
}

BOOST_AUTO_TEST_CASE(indicator_synonyms_and_word_order) {
  const Document a = make_doc("2024年，规上工业增加值增长6.1%，新增城镇就业3.2万人。");
  const Document b = make_doc("2024年，规模以上工业增加值增长6.1%，城镇新增就业3.2万人。");
  BOOST_TEST(claim_with(figures_of(a), "6.1%").metric_key == claim_with(figures_of(b), "6.1%").metric_key);
  BOOST_TEST(claim_with(figures_of(a), "3.2万人").metric_key == claim_with(figures_of(b), "3.2万人").metric_key);
}

// An event's 以来 (since_events in the vocabulary) spans from the event to
// the text's date; in an undated text the span's end is unknown, and the
// figure has no period. 累计 over a span adds nothing.
BOOST_AUTO_TEST_CASE(a_span_since_a_named_event_runs_to_the_texts_date) {
  const Document dated = make_doc("绿进沙退\n\n2030年9月14日\n\n党的十八大以来，全区累计完成营造林1.5亿亩。");
  const Claim& c = claim_with(figures_of(dated), "1.5亿亩");
  BOOST_TEST(c.period == "S2012M11U2030M9D14");
  BOOST_TEST(describe_period(c.period) == "2012年11月以来（截至2030年9月14日）");
  BOOST_TEST(c.qualifiers.empty());
  const Document undated = make_doc("党的十八大以来，全区累计完成营造林1.5亿亩。");
  BOOST_TEST(claim_with(figures_of(undated), "1.5亿亩").period.empty());
  // A malformed entry is a located error, not a silent skip.
  const std::string path = vocabulary_with("since_events:\n", "  - [十八大以后, 某事]\n", "kanwu-test-since-events.yaml");
  BOOST_CHECK_THROW(FigureVocabulary::load_or_throw(path), std::exception);
  std::filesystem::remove(path);
}

BOOST_AUTO_TEST_CASE(each_vocabulary_reads_its_own_metrics) {
  // The metric read before a number is remembered per thread: a second
  // vocabulary reading the same clause must not get the first one's reading.
  const std::string path =
      vocabulary_with("indicators:\n", "  - [文化旅游专项资金, 文旅资金]\n", "kanwu-test-figures-vocabulary.yaml");
  const auto custom = FigureVocabulary::load_or_throw(path);
  const Document d = make_doc("2024年，全县文旅资金12.6亿元。");
  const Document again = make_doc("2024年，全县文旅资金12.6亿元。");
  BOOST_TEST(claim_with(figures_of(d), "12.6亿元").metric == "文旅资金");
  BOOST_TEST(claim_with(document_figures(again, *custom), "12.6亿元").metric == "文化旅游专项资金");
  std::filesystem::remove(path);
}

BOOST_AUTO_TEST_CASE(qualifiers_keep_stock_and_flow_apart) {
  const Document d = make_doc("2024年，新增科技型企业420家。\n\n2024年，科技型企业达到3100家。\n\n2024年日均客流12万人次。");
  const auto& f = figures_of(d);
  BOOST_TEST(claim_with(f, "420家").metric_key != claim_with(f, "3100家").metric_key);
  BOOST_TEST(claim_with(f, "12万人次").qualifiers == std::vector<std::string>{"日均"});
}

// As of a month's or year's end (截至5月底, 2030年底), a figure counts
// everything up to it: 累计 adds nothing there. As of a day it tells the
// running total from the day's own (截至6月13日累计 / 6月13日), and 目前 is
// the day a dated story's figures are of; in a year it tells the stock from
// the year's flow.
BOOST_AUTO_TEST_CASE(cumulative_adds_nothing_as_of_a_months_end) {
  const Document d = make_doc("走访群众\n\n2031年6月13日\n\n截至5月底，全市累计走访企业539家。\n\n"
                              "2030年，全市新建充电桩1200个，累计建成充电桩8600个。\n\n2025年至2030年，全国累计开工改造老旧小区28万个。");
  const auto& f = figures_of(d);
  BOOST_TEST(claim_with(f, "539家").period == "Y2031M5E");
  BOOST_TEST(claim_with(f, "539家").qualifiers.empty());
  BOOST_TEST(claim_with(f, "8600个").qualifiers == std::vector<std::string>{"累计"});
  BOOST_TEST(claim_with(f, "28万个").qualifiers.empty());
  const Document day = make_doc("消费券\n\n2031年6月14日\n\n截至6月13日，全市累计发放消费券3000万元。\n\n"
                                "6月13日，全市发放消费券120万元。\n\n目前，全市有充电桩9000个。\n\n全市有充电站126座。");
  const auto& g = figures_of(day);
  BOOST_TEST(claim_with(g, "3000万元").period == claim_with(g, "120万元").period);
  BOOST_TEST(claim_with(g, "3000万元").metric_key != claim_with(g, "120万元").metric_key);
  BOOST_TEST(claim_with(g, "9000个").period == claim_with(g, "126座").period);
}

// A part after 其中 is named by its whole as well as its own word, even a
// word too short to name a metric alone (出口 of 服务进出口总额), and across
// the sentence the 其中 opens.
BOOST_AUTO_TEST_CASE(a_part_is_named_by_its_whole) {
  const Document d = make_doc("2031年1—4月，全市服务进出口总额2632.6亿元，同比增长8.2%。其中，出口1128.5亿元，增长14.6%。\n\n"
                              "2031年1—4月，全市出口1201亿元。");
  const auto& f = figures_of(d);
  const Claim& part = claim_with(f, "1128.5亿元");
  BOOST_TEST(part.metric == "出口");
  BOOST_TEST(part.metric_key.find('<') != std::string::npos);
  BOOST_TEST(claim_with(f, "1201亿元").metric_key.empty());  // 出口 of what: not read alone
  // The nearest figure of the part's unit is its whole; when that one's
  // metric was not read (外贸), the part is not named after an earlier one.
  const Document g = make_doc("2030年，全省地区生产总值13万亿元。全年外贸1200亿元，其中，出口700亿元。");
  BOOST_TEST(claim_with(figures_of(g), "700亿元").metric_key.empty());
}

// 截至5月31日，2030年家电以旧换新…: counted up to the date; the year after it
// names the programme — not the period, but part of what is counted (the
// 2029 programme's sales are another figure). 全年 there is no programme.
BOOST_AUTO_TEST_CASE(a_year_naming_a_programme_after_a_cutoff_is_part_of_the_metric) {
  const Document d = make_doc("以旧换新\n\n2030年6月29日\n\n截至5月31日，2030年家电以旧换新带动销售额1.1万亿元。\n\n"
                              "截至5月31日，2029年家电以旧换新带动销售额1.0万亿元。\n\n"
                              "截至2029年底，全市建成驿站1861个，全年服务职工80万人次。");
  const auto& f = figures_of(d);
  const Claim& now = claim_with(f, "1.1万亿元");
  const Claim& before = claim_with(f, "1.0万亿元");
  BOOST_TEST(now.period == before.period);
  BOOST_TEST(now.metric_key != before.metric_key);
  BOOST_TEST(claim_with(f, "80万人次").qualifiers.empty());
}

// 本报北京4月19日电: where the story was filed, not whose figures it reports.
BOOST_AUTO_TEST_CASE(a_datelines_place_is_not_the_subject) {
  const Document d = make_doc("央企一季度成绩单\n\n2031年4月20日\n\n本报北京4月19日电  记者从国资委获悉：一季度，中央企业实现利润总额6462.7亿元。\n\n"
                              "新华社南京4月19日电  江苏省一季度实现利润总额1200亿元。");
  const auto& f = figures_of(d);
  BOOST_TEST(claim_with(f, "6462.7亿元").subject != "北京");
  BOOST_TEST(claim_with(f, "6462.7亿元").subject != "全国");  // nor anything else not read
  BOOST_TEST(claim_with(f, "1200亿元").subject == "江苏");
  // An agency opens a dateline without a day too (新华社北京电).
  const Document agency = make_doc("新华社北京电  一季度，全国规模以上工业企业实现利润总额1.5万亿元。");
  BOOST_TEST(claim_with(figures_of(agency), "1.5万亿元").subject != "北京");
  // Without the day or an agency it is no dateline: a place before 电 in a name is a subject.
  const Document films = make_doc("2030年，全国电影票房达到425亿元。");
  BOOST_TEST(claim_with(figures_of(films), "425亿元").subject == "全国");
}

// The dateline is when the text was written: a title's year is what it is
// about. A story headed 2030年… and dated 2031年 counts 去年 as 2030; a
// bulletin of 2030 published in 2031 reviews 2030.
BOOST_AUTO_TEST_CASE(the_dateline_not_the_titles_year_dates_the_text) {
  const Document story = make_doc("2030年全省新增经营主体12万户\n\n2031年1月25日\n\n去年，全省新增个体工商户8.6万户。");
  BOOST_TEST(claim_with(figures_of(story), "8.6万户").period == "Y2030");
  const Document bulletin = make_doc("2030年国民经济和社会发展统计公报\n\n2031年2月28日\n\n全年粮食产量145.2亿斤。");
  BOOST_TEST(figures_of(bulletin).context.default_period == "Y2030");
}

BOOST_AUTO_TEST_CASE(report_title_sets_subject_and_undated_period) {
  const Document d = make_doc("2027年安阳省政府工作报告\n\n过去一年，全省粮食产量145.2亿斤。\n\n"
                              "今年主要预期目标是：粮食产量稳定在145亿斤以上。");
  // 安阳省 is not a province: the title names no known place.
  const auto& f = figures_of(d);
  BOOST_TEST(f.context.default_period == "Y2026");
  BOOST_TEST(claim_with(f, "145.2亿斤").period == "Y2026");
  BOOST_TEST(claim_with(f, "145亿斤以上").plan);
  const Document r = make_doc("2027年河南省政府工作报告\n\n全省粮食产量1302亿斤。");
  BOOST_TEST(claim_with(figures_of(r), "1302亿斤").subject == "河南");
  // A city's report: 市政府 does not hide the 市 of 江州市.
  const Document c = make_doc("2027年江州市政府工作报告\n\n全市粮食产量32.6亿斤。");
  BOOST_TEST(claim_with(figures_of(c), "32.6亿斤").subject == "江州");
}

BOOST_AUTO_TEST_CASE(dated_story_resolves_months_and_days) {
  const Document d = make_doc("快递业务量稳步增长\n\n2031年9月20日\n\n1—8月，全市快递业务量8.6亿件，同比增长11.2%。"
                              "\n\n19日，全市召开会议，当天签约项目12个，总投资33亿元。");
  const auto& f = figures_of(d);
  BOOST_TEST(claim_with(f, "8.6亿件").period == "Y2031M1-8");
  BOOST_TEST(claim_with(f, "11.2%").period == "Y2031M1-8");
  BOOST_TEST(claim_with(f, "12个").period == "Y2031M9D19");
  // A day or months after 去年/今年 are that year's.
  const Document january = make_doc("排水治理\n\n2032年1月17日\n\n去年7月11日，全市安装液位计1449个。"
                                    "今年1—2月，全市新建管网36公里。");
  BOOST_TEST(claim_with(figures_of(january), "1449个").period == "Y2031M7D11");
  BOOST_TEST(claim_with(figures_of(january), "36公里").period == "Y2032M1-2");
  // …ended as a year's are: 截至去年12月底 is as of that month's end.
  const Document ended = make_doc("充电桩\n\n2032年1月17日\n\n截至去年12月底，全市建成充电桩7000个。去年12月，全市建成充电桩900个。"
                                  "去年1—12月，全市新增企业1.2万家。");
  BOOST_TEST(claim_with(figures_of(ended), "7000个").period == "Y2031M12E");
  BOOST_TEST(claim_with(figures_of(ended), "900个").period == "Y2031M12");
  BOOST_TEST(claim_with(figures_of(ended), "1.2万家").period == "Y2031");
  // A cutoff holds its clause group only against a year naming a programme:
  // another time after it is a period of its own.
  const Document after_cutoff = make_doc("充电桩\n\n2032年6月17日\n\n截至去年底，全市建成充电桩7000个，今年1—5月新建充电桩900个。\n\n"
                                         "截至2031年底，全市建成充电站120座，2032年1—5月新建充电站30座。");
  BOOST_TEST(claim_with(figures_of(after_cutoff), "900个").period == "Y2032M1-5");
  BOOST_TEST(claim_with(figures_of(after_cutoff), "30座").period == "Y2032M1-5");
}

BOOST_AUTO_TEST_CASE(national_subject_only_at_the_head_of_a_clause) {
  const Document d = make_doc("2024年，全国快递业务量1750亿件。\n\n2024年，新增全国文明城市8个。");
  const auto& f = figures_of(d);
  BOOST_TEST(claim_with(f, "1750亿件").subject == "全国");
  BOOST_TEST(claim_with(f, "8个").metric.find("全国") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(respectively_lists_give_each_value_its_item) {
  const Document d = make_doc("2024年，一、二、三产业增加值分别增长3.1%、6.2%、4.4%。"
                              "城镇和农村居民人均可支配收入分别增长4.0%、6.5%。");
  const auto& f = figures_of(d);
  const Document single = make_doc("2024年，第二产业增加值增长6.2%。农村居民人均可支配收入增长6.5%。");
  BOOST_TEST(claim_with(f, "6.2%").metric_key == claim_with(figures_of(single), "6.2%").metric_key);
  BOOST_TEST(claim_with(f, "6.5%").metric_key == claim_with(figures_of(single), "6.5%").metric_key);
  BOOST_TEST(claim_with(f, "4.0%").metric_key != claim_with(f, "6.5%").metric_key);
}

BOOST_AUTO_TEST_CASE(shares_know_their_whole) {
  const Document d = make_doc("2024年，数字经济核心产业增加值占地区生产总值比重达9.8%。\n\n2024年，数字经济核心产业增加值占比达9.8%。");
  const auto& f = figures_of(d);
  BOOST_TEST(f.claims[0].role == ClaimRole::Share);
  BOOST_TEST(f.claims[0].share_base == "地区生产总值");
  BOOST_TEST(f.claims[1].share_base == "");
  BOOST_TEST(f.claims[0].metric_key == f.claims[1].metric_key);
}

// 由2020年的60.1%提升至62.3%: the time after 由/从 is the start's own — the
// start is that year's value, and the new value stays in the year the text
// is in (also for the paragraphs after it).
BOOST_AUTO_TEST_CASE(a_start_with_its_own_time_is_that_times_value) {
  const Document d = make_doc("2024年，全省森林覆盖率由2020年的60.1%提升至62.3%。\n\n"
                              "全省湿地保护率从1998年的20.5%跃升至55.6%。\n\n全省草原综合植被盖度达到48.2%。");
  const auto& f = figures_of(d);
  const Claim& start = claim_with(f, "60.1%");
  BOOST_TEST(!start.start_value);
  BOOST_TEST(start.period == "Y2020");
  BOOST_TEST(claim_with(f, "62.3%").period == "Y2024");
  BOOST_TEST(claim_with(f, "20.5%").period == "Y1998");
  BOOST_TEST(claim_with(f, "55.6%").period == "Y2024");
  BOOST_TEST(claim_with(f, "55.6%").metric == "湿地保护率");
  BOOST_TEST(claim_with(f, "48.2%").period == "Y2024");
}

// A change's start of a time not said takes its time from the construction
// and its metric from the change's end: over a span of years the change
// runs from the first year to the last; after a change from a time read in
// the same sentence, a parallel one starts when it started. Elsewhere the
// start stays a value of a time not read.
BOOST_AUTO_TEST_CASE(a_change_over_a_span_runs_from_its_first_year_to_its_last) {
  const Document d = make_doc(
      "2015年至2023年，全省农村居民人均可支配收入从11420元增长到20380元。\n\n"
      "全市快递业务量由2018年的3.2亿件增长至2023年的7.9亿件，占全省的比重由21%提升至26%。\n\n"
      "2023年，全市新能源汽车保有量从1.2万辆增加到3.4万辆。");
  const auto& f = figures_of(d);
  const Claim& from = claim_with(f, "11420元");
  BOOST_TEST(!from.start_value);
  BOOST_TEST(from.period == "Y2015");
  BOOST_TEST(from.metric_key == claim_with(f, "20380元").metric_key);
  BOOST_TEST(claim_with(f, "20380元").period == "Y2023");
  BOOST_TEST(claim_with(f, "3.2亿件").metric_key == claim_with(f, "7.9亿件").metric_key);
  BOOST_TEST(claim_with(f, "3.2亿件").period == "Y2018");
  BOOST_TEST(!claim_with(f, "21%").start_value);
  BOOST_TEST(claim_with(f, "21%").period == "Y2018");
  BOOST_TEST(claim_with(f, "26%").period == "Y2023");
  // One year for the whole change: the start's time is not read.
  BOOST_TEST(claim_with(f, "1.2万辆").start_value);
}

BOOST_AUTO_TEST_CASE(start_values_targets_and_forecasts_are_not_compared) {
  const Document d = make_doc("2024年，人均预期寿命从78.2岁提高到79.1岁。\n\n"
                              "到2030年，全市森林覆盖率达到40%。\n\n2024年，确保城镇新增就业1.2万人以上。");
  const auto& f = figures_of(d);
  BOOST_TEST(claim_with(f, "78.2岁").start_value);
  BOOST_TEST(!claim_with(f, "79.1岁").start_value);
  BOOST_TEST(claim_with(f, "1.2万人以上").plan);
}

BOOST_AUTO_TEST_CASE(counted_nouns_and_gaps) {
  const Document d = make_doc("2024年，暴雨造成12人死亡。\n\n2024年，全市粮食单产增长3.1%、高于全省平均水平0.8个百分点。");
  const auto& f = figures_of(d);
  // The count measures the noun after it, in the scope before it.
  BOOST_TEST(claim_with(f, "12人").metric == "暴雨造成死亡");
  // Counted items joined by 和: each counts its own noun.
  const Document joined = make_doc("2024年，全市建成15个口袋公园和3个郊野公园。");
  BOOST_TEST(claim_with(figures_of(joined), "15个").metric.ends_with("口袋公园"));
  BOOST_TEST(claim_with(figures_of(joined), "3个").metric == "郊野公园");
  const Claim& gap = claim_with(f, "0.8个百分点");
  BOOST_TEST(gap.metric_key.find("#gap:") != std::string::npos);
  BOOST_TEST(gap.metric_key.starts_with(claim_with(f, "3.1%").metric_key));
}

// One word names a measure of something unsaid (增加值), even a compound the
// word list keeps whole (装机容量 — of wind or of solar?): such a figure is
// known by its clause; two words name it (固定|宽带用户).
BOOST_AUTO_TEST_CASE(one_word_names_no_metric_even_a_long_compound) {
  const Document d = make_doc("2024年，全省增加值达到120亿元。\n\n2024年，江州市风电发展迅速，装机容量达到320万千瓦。\n\n"
                              "2024年，全省固定宽带用户超过7.8万户。");
  const auto& f = figures_of(d);
  BOOST_TEST(claim_with(f, "120亿元").metric.empty());
  BOOST_TEST(claim_with(f, "320万千瓦").metric.empty());
  BOOST_TEST(claim_with(f, "超过7.8万户").metric == "固定宽带用户");
  // Generic words alone (市场规模) measure what the clause before names.
  const Document topic = make_doc("2030年，全国人形机器人产业快速成长，市场规模达到270亿元。");
  BOOST_TEST(claim_with(figures_of(topic), "270亿元").metric.empty());
}

BOOST_AUTO_TEST_CASE(two_values_of_one_reading_in_a_sentence_are_ambiguous) {
  const Document d = make_doc("2024年，城市公园、口袋公园保有量分别达到412个、96个。");
  const auto& f = figures_of(d);
  BOOST_TEST(claim_with(f, "412个").ambiguous == claim_with(f, "96个").ambiguous);
  BOOST_TEST(!(claim_with(f, "412个").comparable() && claim_with(f, "96个").comparable() &&
               claim_with(f, "412个").metric_key == claim_with(f, "96个").metric_key));
}

// Across sentences of one paragraph too: the reading lost what told two
// figures apart (the first conjunct of 理论课程和实践课程), so neither is
// compared; in two paragraphs, or in two years, they stay comparable.
BOOST_AUTO_TEST_CASE(two_values_of_one_reading_in_a_paragraph_are_ambiguous) {
  const Document d = make_doc("2024年，理论课程和实践课程的比重达到70%。实践课程的比重达到20%。\n\n"
                              "2024年，全市绿地率达到41.2%。\n\n2023年，全市绿地率达到40.5%。");
  const auto& f = figures_of(d);
  BOOST_TEST(claim_with(f, "70%").ambiguous);
  BOOST_TEST(claim_with(f, "20%").ambiguous);
  BOOST_TEST(!claim_with(f, "41.2%").ambiguous);
  BOOST_TEST(!claim_with(f, "40.5%").ambiguous);
}

// Years written in Chinese numerals are periods (一九五八年, 一九八○年 with
// the circle for zero), not part of the metric.
BOOST_AUTO_TEST_CASE(chinese_numeral_years_are_periods) {
  const Document d = make_doc("1960年国务院政府工作报告\n\n一九五八年粮食产量达到三千九百二十亿斤。一九五九年粮食产量达到四千二百亿斤。");
  const auto& f = figures_of(d);
  BOOST_TEST(claim_with(f, "三千九百二十亿斤").period == "Y1958");
  BOOST_TEST(claim_with(f, "四千二百亿斤").period == "Y1959");
  BOOST_TEST(claim_with(f, "四千二百亿斤").metric.find("一九") == std::string::npos);
  const Document circle = make_doc("一九八○年，全国原油产量一亿零六百万吨。");
  BOOST_TEST(claim_with(figures_of(circle), "一亿零六百万吨").period == "Y1980");
}

// Growth at comparable prices is real growth (实际), whatever words say it.
BOOST_AUTO_TEST_CASE(comparable_price_growth_is_real) {
  const Document d = make_doc("2030年，全省生产总值由3480亿元增加到9380亿元，按可比价格计算增长102%。\n\n"
                              "2030年，全省居民消费水平由175元增加到450元，扣除物价上升因素增长86.9%。");
  const auto& f = figures_of(d);
  BOOST_TEST(claim_with(f, "102%").qualifiers == std::vector<std::string>{"实际"});
  BOOST_TEST(claim_with(f, "86.9%").qualifiers == std::vector<std::string>{"实际"});
}

// kanwu figures shows periods as a reader says them, not as keys.
BOOST_AUTO_TEST_CASE(periods_are_described_in_words) {
  BOOST_TEST(describe_period("Y2024") == "2024年");
  BOOST_TEST(describe_period("Y2025M1-10") == "2025年1—10月");
  BOOST_TEST(describe_period("Y2023M4D27") == "2023年4月27日");
  BOOST_TEST(describe_period("Y2024E") == "2024年底");
  BOOST_TEST(describe_period("Y2024B") == "2024年初");
  BOOST_TEST(describe_period("Y2013-2017") == "2013—2017年");
  BOOST_TEST(describe_period("FYP14") == "“十四五”时期");
  BOOST_TEST(describe_period("Y2023H端午") == "2023年端午");
  BOOST_TEST(describe_period("S2023M6") == "2023年6月以来");
  BOOST_TEST(describe_period("Y2025TD2-27") == "2025年（截至2月27日）");
  BOOST_TEST(describe_period("") == "");
  BOOST_TEST(describe_period("Q?") == "Q?");  // unknown forms are shown as they are
}

// Figures whose metric is not read are known by their masked clause; the
// items of a list are told apart by their places (the second of four is not
// the third), however many figures stand together.
BOOST_AUTO_TEST_CASE(masked_clauses_tell_list_items_apart) {
  const std::string text = "甲乙丙丁四类服务分别增长12.4%、35%、8.6%、21.3%。";
  std::vector<std::pair<std::size_t, std::size_t>> numbers;
  std::vector<std::size_t> starts;
  for (const char* n : {"12.4", "35", "8.6", "21.3"}) {
    const std::size_t at = text.find(n);
    numbers.emplace_back(at, at + std::string_view(n).size());
    starts.push_back(at);
  }
  const std::string second = kanwu::masked_clause(text, starts[1], numbers);
  const std::string third = kanwu::masked_clause(text, starts[2], numbers);
  BOOST_TEST(second == "甲乙丙丁四类服务分别增长#@##");
  BOOST_TEST(third == "甲乙丙丁四类服务分别增长##@#");
  BOOST_TEST(second != third);
}

BOOST_AUTO_TEST_SUITE_END()
