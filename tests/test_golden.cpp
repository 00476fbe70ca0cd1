// Golden tests: kanwu's findings on every fixture compared with the
// checked-in expected findings (fixtures/expected/golden.txt). Any missing or
// extra finding fails. After a deliberate change, regenerate with
//   KANWU_UPDATE_GOLDEN=1 build/tests/kanwu_tests --run_test=golden
// and review the diff.
#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "helpers.h"

using namespace kanwu;
namespace fs = std::filesystem;

namespace {

std::string format_finding(const Finding& f) {
  std::string out = fmt::format("{}:{}:{}-{}:{} {} [{}] {}", f.where.file, f.where.start.line,
                                f.where.start.column, f.where.end.line, f.where.end.column,
                                to_string(f.severity), f.rule, f.message);
  for (const auto& r : f.related)
    out += fmt::format(" | related {}:{}:{} {}", r.where.file, r.where.start.line,
                       r.where.start.column, r.message);
  if (f.fix)
    out += fmt::format(" | fix {}:{}-{}:{} “{}”", f.fix->where.start.line, f.fix->where.start.column,
                       f.fix->where.end.line, f.fix->where.end.column, f.fix->replacement);
  return out;
}

// Runs the bundled rules over all fixtures, from the source tree so that
// file names in findings are the stable relative paths.
const Report& fixture_report() {
  static const Report report = [] {
    const fs::path previous = fs::current_path();
    fs::current_path(kanwu::test::source_dir());
    const RuleSet rules = load_rules({"rules"});
    Report r = check_paths(rules.pointers(), {"fixtures/seeds", "fixtures/cases"});
    fs::current_path(previous);
    return r;
  }();
  return report;
}

bool has_finding(const std::string& file_part, int line, const std::string& rule) {
  for (const auto& f : fixture_report().findings)
    if (f.where.file.find(file_part) != std::string::npos && f.where.start.line == line &&
        f.rule == rule)
      return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(golden)

BOOST_AUTO_TEST_CASE(findings_match_expected_file) {
  const Report& report = fixture_report();
  BOOST_TEST(report.input_errors.empty());
  std::vector<std::string> actual;
  for (const auto& f : report.findings) actual.push_back(format_finding(f));
  const fs::path expected_path = fs::path(kanwu::test::source_dir()) / "fixtures/expected/golden.txt";
  if (std::getenv("KANWU_UPDATE_GOLDEN")) {
    std::ofstream out(expected_path);
    for (const auto& line : actual) out << line << '\n';
    BOOST_TEST_MESSAGE("wrote " << expected_path);
    return;
  }
  std::ifstream in(expected_path);
  BOOST_REQUIRE_MESSAGE(in, "missing " << expected_path);
  std::vector<std::string> expected;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) expected.push_back(line);
  const std::multiset<std::string> want(expected.begin(), expected.end()),
      got(actual.begin(), actual.end());
  for (const auto& line : want)
    if (!got.count(line)) BOOST_ERROR("missing finding: " << line);
  for (const auto& line : got)
    if (!want.count(line)) BOOST_ERROR("unexpected finding: " << line);
  BOOST_TEST(actual == expected, "findings are not in the documented order");
}

// The findings issue 2 names, checked by place and rule so that a failure
// says exactly which requirement broke.
BOOST_AUTO_TEST_CASE(required_seed_findings) {
  const struct {
    const char* file;
    int line;
    const char* rule;
  } required[] = {
      {"seeds/000", 46, "duplicate-paragraph"},  // second 医疗救助力度不断加大…
      // Pull quotes repeating L62, whole and wrapped (“大学生就 / 业引航计 /
      // 划”): debris to delete, not headings to rebuild (issue 11).
      {"seeds/000", 66, "layout-debris"},
      {"seeds/000", 70, "layout-debris"},
      {"seeds/000", 80, "layout-debris"},
      {"seeds/001", 27, "layout-debris"},        // 执行主编：卓娜 inside the staff box
      {"seeds/004", 5, "layout-debris"},         // (上接第一版) opening a paragraph
      {"seeds/000", 54, "broken-paragraph"},     // 同时，积 / 极开展
      {"seeds/000", 48, "broken-paragraph"},     // …和惠民 / (heading) / 护理床位总数…
      {"seeds/001", 63, "broken-paragraph"},     // …医院9所，开 … 通移动支付医院8所
      {"seeds/001", 95, "broken-paragraph"},     // 劳动者 / 就业创业能力
      {"seeds/002", 55, "broken-paragraph"},     // 就能 / 享受到服务预约
      {"seeds/002", 105, "broken-paragraph"},    // 刮起 / “清风”
      {"seeds/004", 21, "broken-paragraph"},     // 综合经济 / 实力大幅跃升
      {"seeds/004", 49, "broken-paragraph"},     // 着力 / 做优特色产业
      {"seeds/004", 75, "broken-paragraph"},     // 应急 / 管理体系
      {"seeds/004", 7, "repeated-char"},         // 新建建
      {"seeds/004", 9, "repeated-word"},         // 学位、学位
      {"seeds/004", 49, "repeated-word"},        // 增收增收
      {"seeds/004", 41, "repeated-char"},        // 代办办制
      {"seeds/004", 5, "punctuation-width"},     // 落地,新能源
      {"cases/crlf_paired", 1, "paired-marks"},
      // Issue 3: figures.
      {"seeds/002", 25, "figure-conflict"},    // 增长15.4% vs 000's 16.4%
      {"seeds/004", 9, "figure-conflict"},     // 新增城镇就业6.9万人 vs 000's 6.4万人次
      {"seeds/000", 48, "figure-arithmetic"},  // 9.4 / 61.0 = 15.4%, not 16.4%
      {"seeds/002", 85, "figure-arithmetic"},  // 各4.8万名 twice under 6.7万
      {"seeds/001", 70, "rate-range"},         // 三馆一站覆盖率达到112.2%
      {"seeds/001", 81, "rate-range"},
      {"seeds/000", 56, "number-style"},       // 15余万人次
      {"cases/figures_report_a", 5, "rate-range"},
      {"cases/figures_report_a", 7, "figure-arithmetic"},
      {"cases/figures_report_a", 9, "date-weekday"},
      {"cases/figures_report_b", 6, "figure-conflict"},
  };
  for (const auto& r : required)
    BOOST_TEST(has_finding(r.file, r.line, r.rule), "missing " << r.rule << " at " << r.file << ":" << r.line);
}

// duplicate-across-files speaks only in a run of a handful of drafts
// (across_max_files: 8): the fixture run of 15 files is an archive, the
// two drafts checked together are not.
BOOST_AUTO_TEST_CASE(copies_across_a_handful_of_drafts) {
  const fs::path previous = fs::current_path();
  fs::current_path(kanwu::test::source_dir());
  const RuleSet rules = load_rules({"rules"});
  const Report r = check_paths(rules.pointers(), {"fixtures/cases/cross_doc.md", "fixtures/cases/near_duplicate.txt"});
  fs::current_path(previous);
  std::set<int> lines;
  for (const auto& f : r.findings)
    if (f.rule == "duplicate-across-files" && f.where.file.find("near_duplicate") != std::string::npos)
      lines.insert(f.where.start.line);
  BOOST_TEST((lines == std::set<int>{3, 9}));
}

// The false-positive traps issue 3 lists: all of these agree or are correct.
BOOST_AUTO_TEST_CASE(figure_traps_stay_quiet) {
  std::size_t figure_findings = 0;
  for (const auto& f : fixture_report().findings) {
    if (f.where.file.find("seeds/") == std::string::npos) continue;
    if (f.rule != "figure-conflict" && f.rule != "figure-arithmetic" && f.rule != "rate-range" &&
        f.rule != "date-weekday" && !(f.rule == "number-style" && f.severity != Severity::Info))
      continue;
    ++figure_findings;
  }
  // Exactly the seven figure findings required above, nothing on the traps:
  // 70.4亿元 and 增加9.4亿元 (000/002), 9项, 5722张, 8132户, 8670余万元 vs
  // 8670万元, 近5万, 近3万, 1000余场次 vs 上千场, 80余万元, 3家/5家, 003's
  // 【数说】 box against its body, 6.69万 and 博士后科研工作站3家 twice in
  // 000, 6.7万 twice in 002, 2021年7月1日 星期四, 100元→135元 增幅35%, and
  // 创业担保贷款 8.81亿元 (000) vs 8.1亿元 (001, another period). (002's
  // 6.7万残疾人…其中困难与重度残疾人各4.8万名 was listed as a trap; issue 9 shows
  // it is a defect, 4.8 + 4.8 > 6.7, and it is required above.)
  BOOST_TEST(figure_findings == 7u);
  BOOST_TEST(!has_finding("seeds/001", 32, "date-weekday"));
  for (int line : {103, 107, 109, 113}) BOOST_TEST(!has_finding("seeds/003", line, "figure-conflict"));
  BOOST_TEST(!has_finding("seeds/001", 99, "figure-conflict"));  // 8.1亿元, other period
}

BOOST_AUTO_TEST_CASE(related_location_points_at_the_continuation) {
  for (const auto& f : fixture_report().findings) {
    if (f.rule == "broken-paragraph" && f.where.file.find("seeds/001") != std::string::npos &&
        f.where.start.line == 63) {
      BOOST_REQUIRE(f.related.size() == 1u);
      BOOST_TEST(f.related[0].where.start.line == 87);
      return;
    }
  }
  BOOST_FAIL("no broken-paragraph finding at 001:63");
}

BOOST_AUTO_TEST_CASE(non_prose_is_never_a_broken_paragraph) {
  // Headings, bylines, captions, furniture and 001's English masthead.
  for (const auto& f : fixture_report().findings) {
    if (f.rule != "broken-paragraph") continue;
    BOOST_TEST(f.where.excerpt.find("The ") == std::string::npos);
    BOOST_TEST(f.where.excerpt.find("摄") != f.where.excerpt.size() - 3);
  }
  for (int line : {5, 6, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 32, 36, 37})
    BOOST_TEST(!has_finding("seeds/001", line, "broken-paragraph"), "001:" << line);
}

BOOST_AUTO_TEST_SUITE_END()
