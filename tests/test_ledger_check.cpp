// `kanwu check --ledger`: figure-conflict compares a draft with the figures
// of published documents in the archive ledger as it compares drafts with
// each other — the same identity, the same restatement evidence — names
// the archived document in the finding, never compares a draft with its own
// published version, and reads a published correction (更正) as the
// figure's value.
#include <boost/test/unit_test.hpp>
#include <unistd.h>

#include <filesystem>

#include "helpers.h"
#include "kanwu/ledger/archive.h"
#include "kanwu/ledger/figure_row.h"
#include "kanwu/ledger/record.h"

using namespace kanwu;
using namespace kanwu::ledger;
namespace fs = std::filesystem;

namespace {

struct TempLedger {
  fs::path folder;
  std::string path;
  TempLedger() {
    std::string pattern = (fs::temp_directory_path() / "kanwu-ledger-check-XXXXXX").string();
    folder = ::mkdtemp(pattern.data());
    path = (folder / "archive.ledger").string();
  }
  ~TempLedger() {
    std::error_code ec;
    fs::remove_all(folder, ec);
  }
  void add(const std::string& name, const std::string& text, const std::string& published) const {
    RecordOptions options;
    options.published = published;
    options.reader = "test reader";
    const Document d = test::make_doc(text, name);
    Ledger::open(path, true)->add(record_document(d, test::figure_vocabulary(), options));
  }
};

// The mission's example: one release published, a later article restating
// it with the growth rate changed.
const std::string kPublished =
    "通辽市民政局2024年5月6日发布\n\n"
    "“十四五”以来，全市民政事业发展资金70.4亿元，较“十三五”时期增加9.4亿元，增长15.4%。"
    "这些资金用于养老服务、社会救助和儿童福利。\n";
const std::string kDraft =
    "本报讯 2024年5月20日\n\n"
    "“十四五”以来，通辽市民政事业发展资金70.4亿元，较“十三五”时期增加9.4亿元，增长16.4%。"
    "资金主要投向养老服务和社会救助。\n";

const std::string kRule = test::rule_yaml("figure-conflict", "{value}|{other_value}@{other_place}（{evidence}）",
                                          test::figure_vocabulary_param());

std::vector<Finding> check_with(const TempLedger& ledger, const std::vector<std::pair<std::string, std::string>>& drafts,
                                const std::string& rule = kRule) {
  const RuleSet rules = load_rules_from_string(rule, "test.yaml");
  std::vector<Document> documents;
  for (const auto& [path, text] : drafts) documents.push_back(test::make_doc(text, path));
  LedgerArchive archive(Ledger::open(ledger.path, false));
  CheckOptions options;
  options.archive = &archive;
  return check_documents(rules.pointers(), documents, options).findings;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ledger_check)

BOOST_AUTO_TEST_CASE(a_draft_restating_a_published_figure_differently_is_told_which_article) {
  TempLedger ledger;
  ledger.add("2024/0506-minzheng.txt", kPublished, "2024-05-06");
  const auto found = check_with(ledger, {{"draft.txt", kDraft}});
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  const Finding& f = found[0];
  BOOST_TEST(f.where.file == "draft.txt");
  BOOST_TEST(f.message.find("16.4%|15.4%@已发布的《通辽市民政局2024年5月6日发布》（2024-05-06）") == 0, f.message);
  BOOST_REQUIRE_EQUAL(f.related.size(), 1u);
  BOOST_TEST(f.related[0].where.file == "2024/0506-minzheng.txt");
  BOOST_TEST(f.related[0].where.start.line == 3);
  BOOST_TEST(f.related[0].message.find("已发布的《通辽市民政局2024年5月6日发布》") == 0, f.related[0].message);
}

BOOST_AUTO_TEST_CASE(the_archive_is_compared_as_the_drafts_are) {
  // The same two texts as two drafts of one run and as draft + archive:
  // the same conflict, with the same evidence.
  TempLedger ledger;
  ledger.add("published.txt", kPublished, "2024-05-06");
  const auto archived = check_with(ledger, {{"draft.txt", kDraft}});
  const auto together = test::run_rules(kRule, {{"published.txt", kPublished}, {"draft.txt", kDraft}});
  BOOST_REQUIRE_EQUAL(archived.size(), 1u);
  BOOST_REQUIRE_EQUAL(together.size(), 1u);
  const auto evidence = [](const std::string& m) { return m.substr(m.find("（两处")); };
  BOOST_TEST(evidence(archived[0].message) == evidence(together[0].message));
  BOOST_TEST(archived[0].where.start.line == together[0].where.start.line);
}

BOOST_AUTO_TEST_CASE(agreeing_drafts_and_unrelated_figures_are_quiet) {
  TempLedger ledger;
  ledger.add("published.txt", kPublished, "2024-05-06");
  std::string agreeing = kDraft;
  agreeing.replace(agreeing.find("16.4%"), 5, "15.4%");
  BOOST_TEST(check_with(ledger, {{"draft.txt", agreeing}}).empty());
  BOOST_TEST(check_with(ledger, {{"draft.txt", "2024年，全县粮食总产量18.6万吨。\n"}}).empty());
}

BOOST_AUTO_TEST_CASE(a_draft_is_not_compared_with_its_own_published_version) {
  TempLedger ledger;
  ledger.add("draft.txt", kPublished, "2024-05-06");
  BOOST_TEST(check_with(ledger, {{"draft.txt", kDraft}}).empty());
}

BOOST_AUTO_TEST_CASE(published_figures_are_not_reported_among_themselves) {
  TempLedger ledger;
  ledger.add("a.txt", kPublished, "2024-05-06");
  ledger.add("b.txt", kDraft, "2024-05-20");  // conflicts with a.txt, but both are published
  BOOST_TEST(check_with(ledger, {{"draft.txt", "2024年，全县粮食总产量18.6万吨。\n"}}).empty());
}

BOOST_AUTO_TEST_CASE(a_published_correction_is_the_figure_a_draft_is_compared_with) {
  TempLedger ledger;
  std::string wrong = kPublished;
  wrong.replace(wrong.find("15.4%"), 5, "16.4%");
  ledger.add("release.txt", wrong, "2024-05-06");
  const StoredCorrection c = Ledger::open(ledger.path, false)->correct("release.txt", "16.4%", "15.4%", "2024-05-08");
  BOOST_TEST(!c.group.empty());
  // The draft repeats the figure as first published: told of the correction.
  const auto found = check_with(ledger, {{"draft.txt", kDraft}});
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].message.find("16.4%|15.4%@") == 0, found[0].message);
  BOOST_TEST(found[0].message.find("原为“16.4%”，已于2024-05-08更正为15.4%") != std::string::npos, found[0].message);
  // A draft with the corrected figure agrees with the archive.
  std::string corrected = kDraft;
  corrected.replace(corrected.find("16.4%"), 5, "15.4%");
  BOOST_TEST(check_with(ledger, {{"draft.txt", corrected}}).empty());
}

BOOST_AUTO_TEST_CASE(a_stored_figure_reads_back_as_it_was_read) {
  const Document d = test::make_doc(kDraft, "draft.txt");
  const auto figures = comparable_figures(d, test::figure_vocabulary(), [](const Block&) { return true; });
  BOOST_REQUIRE(!figures.empty());
  std::vector<StoredClaim> rows;
  for (const ComparableFigure& f : figures) {
    StoredClaim& row = rows.emplace_back();
    row.document = {"draft.txt", "t", "2024-05-20"};
    row.claim = claim_row(f, 0);
    row.sentence = sentence_row(f, 0);
  }
  const std::vector<ComparableFigure> back = figures_of(rows);
  BOOST_REQUIRE_EQUAL(back.size(), figures.size());
  bool some_cofigures = false;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const ComparableFigure& f = figures[i];
    const ComparableFigure& b = back[i];
    BOOST_TEST(b.group == f.group);
    BOOST_TEST(b.figure == f.figure);
    BOOST_TEST(b.metric == f.metric);
    BOOST_TEST(b.text == f.text);
    BOOST_TEST(b.low == f.low);
    BOOST_TEST(b.high == f.high);
    BOOST_TEST(b.exact == f.exact);
    BOOST_TEST(b.evidence.named_indicator == f.evidence.named_indicator);
    BOOST_TEST(b.evidence.self_contained == f.evidence.self_contained);
    BOOST_TEST(b.evidence.unknown_period == f.evidence.unknown_period);
    BOOST_TEST(b.evidence.unnamed_subject == f.evidence.unnamed_subject);
    // The co-figures are gathered again from the stored figures beside it.
    BOOST_REQUIRE_EQUAL(b.evidence.cofigures.size(), f.evidence.cofigures.size());
    for (std::size_t j = 0; j < f.evidence.cofigures.size(); ++j) {
      BOOST_TEST(b.evidence.cofigures[j].figure == f.evidence.cofigures[j].figure);
      BOOST_TEST(b.evidence.cofigures[j].text == f.evidence.cofigures[j].text);
    }
    some_cofigures = some_cofigures || !f.evidence.cofigures.empty();
    BOOST_TEST(b.evidence.text.sentence == f.evidence.text.sentence);
    BOOST_TEST(b.evidence.text.at == f.evidence.text.at);
    BOOST_TEST(b.evidence.text.sentence_passage().similarity(f.evidence.text.sentence_passage()) == 1.0);
  }
  BOOST_TEST(some_cofigures);  // the draft's paragraphs hold several figures
}

// A figure the reader could not name is known by its clause; the ledger
// stores the clause once (in its key) and shows it as the run does.
BOOST_AUTO_TEST_CASE(a_clause_metric_is_derived_from_its_key) {
  BOOST_TEST(clause_metric("clause:全县新建和改扩建学校#所#value") == "“全县新建和改扩建学校#所”");
  BOOST_TEST(clause_metric("城镇新增就业") == "");
}

// duplicate-paragraph comparing across documents: a paragraph of a draft
// copied from a published article, exactly or nearly.
const std::string kCopyRule = test::rule_yaml("duplicate-paragraph", "{kind}|{first}|{similarity}",
                                              "    compare: across\n    min_sentences: 1\n    boilerplate_files: 3\n");
const std::string kParagraph =
    "今年全县新建村级养老服务站12个，为2000余名老人提供助餐服务，各乡镇同步开展适老化改造。\n";

BOOST_AUTO_TEST_CASE(a_paragraph_copied_from_a_published_article) {
  TempLedger ledger;
  ledger.add("old.txt", "全县养老服务综述\n\n" + kParagraph, "2024-02-01");
  const auto found = check_with(ledger, {{"draft.txt", "本报讯\n\n" + kParagraph}}, kCopyRule);
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].message == "重复|已发布的《全县养老服务综述》（2024-02-01）|100%");
  BOOST_TEST(found[0].related.at(0).where.file == "old.txt");
  BOOST_TEST(found[0].related.at(0).where.start.line == 3);
  // One word changed: a near copy.
  std::string near = kParagraph;
  near.replace(near.find("开展"), std::string("开展").size(), "推进");
  const auto near_found = check_with(ledger, {{"draft.txt", "本报讯\n\n" + near}}, kCopyRule);
  BOOST_REQUIRE_EQUAL(near_found.size(), 1u);
  BOOST_TEST(near_found[0].message.starts_with("近似重复|已发布的《全县养老服务综述》"), near_found[0].message);
  // Its own published version is not a copy.
  BOOST_TEST(check_with(ledger, {{"old.txt", "本报讯\n\n" + kParagraph}}, kCopyRule).empty());
}

BOOST_AUTO_TEST_CASE(a_paragraph_the_archive_holds_in_many_articles_is_a_template) {
  TempLedger ledger;
  for (const char* name : {"a.txt", "b.txt", "c.txt"}) ledger.add(name, "综述\n\n" + kParagraph, "2024-02-01");
  BOOST_TEST(check_with(ledger, {{"draft.txt", "本报讯\n\n" + kParagraph}}, kCopyRule).empty());
}

BOOST_AUTO_TEST_SUITE_END()
