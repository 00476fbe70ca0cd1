// The archive ledger's SQLite store: documents added, re-added unchanged
// (nothing written) or changed (rows replaced in one transaction, also when
// the write fails half-way), removed, listed and counted; corrections; the
// read API `kanwu check --ledger` will use; files that are not ledgers left
// untouched; two processes writing at once.
#include <boost/test/unit_test.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "helpers.h"
#include "kanwu/ledger/record.h"
#include "kanwu/ledger/runtime_libs.h"
#include "kanwu/ledger/shingle_code.h"
#include "kanwu/ledger/store.h"

using namespace kanwu;
using namespace kanwu::ledger;
namespace fs = std::filesystem;

namespace {

// A folder of its own for each test, removed afterwards.
struct TempFolder {
  fs::path path;
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "kanwu-ledger-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

const std::string kRelease =
    "通辽市民政局2024年5月6日发布\n\n"
    "“十四五”以来，全市民政事业发展资金70.4亿元，较“十三五”时期增加9.4亿元，增长16.4%。"
    "这些资金用于养老服务、社会救助和儿童福利。\n\n"
    "全市建成社区养老服务中心128个，农村互助幸福院达到1021所，养老床位总数达到2.3万张。"
    "各旗县市区普遍建立了困难老年人探访关爱制度，每月至少探访一次。\n";

LedgerDocument record(const std::string& text, const std::string& name, const std::string& published = "") {
  const Document d = test::make_doc(text, name);
  RecordOptions options;
  options.published = published;
  options.reader = "test reader";
  return record_document(d, test::figure_vocabulary(), options);
}

const LedgerClaim* claim_written(const LedgerDocument& d, const std::string& text) {
  for (const auto& c : d.claims)
    if (c.text == text) return &c;
  return nullptr;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs SQL on the ledger file directly, as another program would.
void run_sql(const std::string& path, const std::string& sql) {
  const char* problem = nullptr;
  const LibSqlite3* lib = libsqlite3(problem);
  BOOST_REQUIRE_MESSAGE(lib, problem);
  sqlite3* db = nullptr;
  BOOST_REQUIRE(lib->sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK);
  char* error = nullptr;
  const int rc = lib->sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  BOOST_CHECK_MESSAGE(rc == SQLITE_OK, (error ? error : "?"));
  lib->sqlite3_free(error);
  lib->sqlite3_close_v2(db);
}

// The first column of the first row a query returns, as text.
std::string query_one(const std::string& path, const std::string& sql) {
  const char* problem = nullptr;
  const LibSqlite3* lib = libsqlite3(problem);
  BOOST_REQUIRE_MESSAGE(lib, problem);
  sqlite3* db = nullptr;
  BOOST_REQUIRE(lib->sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  std::string out;
  if (lib->sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      lib->sqlite3_step(stmt) == SQLITE_ROW)
    out = reinterpret_cast<const char*>(lib->sqlite3_column_text(stmt, 0));
  lib->sqlite3_finalize(stmt);
  lib->sqlite3_close_v2(db);
  return out;
}

template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const LedgerError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ledger)

BOOST_AUTO_TEST_CASE(a_document_is_recorded_with_its_figures_date_and_paragraphs) {
  const LedgerDocument d = record(kRelease, "release.txt");
  BOOST_TEST(d.title == "通辽市民政局2024年5月6日发布");
  BOOST_TEST(d.published == "2024-05-06");
  BOOST_TEST(d.published_from == "document");
  const LedgerClaim* rate = claim_written(d, "16.4%");
  BOOST_REQUIRE(rate);
  BOOST_TEST(rate->metric == "民政事业发展资金");
  BOOST_TEST(rate->role == "rate");
  BOOST_TEST(rate->subject == "通辽");
  BOOST_TEST(rate->unit == "%");
  BOOST_TEST(rate->low <= 16.4);
  BOOST_TEST(rate->high >= 16.4);
  BOOST_TEST(rate->start.line == 3);
  BOOST_REQUIRE(rate->sentence >= 0);
  const LedgerSentence& sentence = d.sentences[rate->sentence];
  BOOST_TEST(sentence.text.substr(rate->offset, 5) == "16.4%");
  BOOST_TEST(sentence.figures.size() >= 3u);  // 70.4亿元, 9.4亿元, 16.4%
  BOOST_TEST(d.paragraphs.size() == 2u);
  BOOST_TEST(record(kRelease, "release.txt", "2024-06-01").published == "2024-06-01");
}

BOOST_AUTO_TEST_CASE(add_list_stats_and_lookups) {
  TempFolder tmp;
  const std::string path = tmp.file("archive.ledger");
  BOOST_TEST(!error_of([&] { Ledger::open(path, false); }).empty());  // not created by reading
  BOOST_TEST(!fs::exists(path));
  auto store = Ledger::open(path, true);
  const LedgerDocument first = record(kRelease, "a.txt");
  const LedgerDocument second = record("2023年，全市民政事业发展资金增长12.5%。\n", "b.txt", "2023-12-31");
  BOOST_TEST(static_cast<int>(store->add(first)) == static_cast<int>(AddOutcome::Added));
  BOOST_TEST(static_cast<int>(store->add(second)) == static_cast<int>(AddOutcome::Added));

  const auto documents = store->documents();
  BOOST_REQUIRE(documents.size() == 2u);
  BOOST_TEST(documents[0].ref.name == "b.txt");  // by publication date
  BOOST_TEST(documents[1].ref.name == "a.txt");
  BOOST_TEST(documents[1].claims == first.claims.size());
  BOOST_TEST(documents[1].paragraphs == first.paragraphs.size());

  const LedgerStats s = store->stats();
  BOOST_TEST(s.backend == "sqlite");
  BOOST_TEST(s.schema_version == kSchemaVersion);
  BOOST_TEST(s.documents == 2u);
  BOOST_TEST(s.claims == first.claims.size() + second.claims.size());
  BOOST_TEST(s.first_published == "2023-12-31");
  BOOST_TEST(s.last_published == "2024-05-06");
  BOOST_TEST(s.storage_bytes > 0u);

  const LedgerClaim* rate = claim_written(first, "16.4%");
  BOOST_REQUIRE(rate);
  // Looked up by its identity: the blocks holding it, the rate among the asked.
  const auto found = store->figures_in({rate->group, "no such group"});
  BOOST_REQUIRE(!found.empty());
  bool seen = false;
  for (const auto& block : found) {
    for (const std::size_t i : block.asked) {
      const auto& c = block.figures[i];
      BOOST_TEST(c.claim.metric_key == rate->metric_key);
      if (c.claim.text != "16.4%") continue;
      seen = true;
      BOOST_TEST(c.document.name == "a.txt");
      BOOST_TEST(c.document.published == "2024-05-06");
      BOOST_TEST(c.claim.period == rate->period);
      BOOST_TEST(c.claim.low == rate->low);
      BOOST_TEST(c.claim.flags == rate->flags);
      BOOST_TEST(c.claim.start.column == rate->start.column);
      BOOST_TEST(c.sentence.text.substr(c.claim.offset, 5) == "16.4%");
      BOOST_TEST(c.sentence.figures.size() == first.sentences[rate->sentence].figures.size());
    }
  }
  BOOST_TEST(seen);
  // Two groups of one block asked together: the block comes once, both
  // figures asked in it, with the block's other figures (its co-figures).
  const LedgerClaim* total = claim_written(first, "70.4亿元");
  BOOST_REQUIRE(total);
  BOOST_REQUIRE(total->block == rate->block);
  const auto both = store->figures_in({rate->group, total->group});
  std::size_t blocks_of_a = 0;
  for (const auto& block : both) {
    if (block.figures.front().document.name != "a.txt") continue;
    ++blocks_of_a;
    BOOST_TEST(block.asked.size() == 2u);
    std::size_t in_block = 0;
    for (const auto& c : first.claims) in_block += c.block == rate->block;
    BOOST_TEST(block.figures.size() == in_block);  // the whole block: 70.4亿元, 9.4亿元, 16.4%
    for (std::size_t i = 1; i < block.figures.size(); ++i)
      BOOST_TEST(block.figures[i - 1].claim.start.column < block.figures[i].claim.start.column);
  }
  BOOST_TEST(blocks_of_a == 1u);
  BOOST_TEST(store->all_claims().size() == s.claims);

  // Paragraphs: the same text, a near copy, and an unrelated one.
  const std::string paragraph = "全市建成社区养老服务中心128个，农村互助幸福院达到1021所，养老床位总数达到2.3万张。"
                                "各旗县市区普遍建立了困难老年人探访关爱制度，每月至少探访一次。";
  const auto same = store->paragraph_candidates(sketch_paragraph(normalise_paragraph(paragraph), kSketchShingle));
  BOOST_REQUIRE(!same.empty());
  BOOST_TEST(same.front().similarity == 1.0);
  BOOST_TEST(same.front().document.name == "a.txt");
  BOOST_TEST(same.front().start.line == 5);
  std::string near = paragraph;
  near.replace(near.find("128"), 3, "130");
  const auto similar = store->paragraph_candidates(sketch_paragraph(normalise_paragraph(near), kSketchShingle));
  BOOST_REQUIRE(!similar.empty());
  BOOST_TEST(similar.front().similarity >= 0.8);
  BOOST_TEST(similar.front().similarity < 1.0);
  const auto other = store->paragraph_candidates(
      sketch_paragraph(normalise_paragraph("今年春运期间，铁路部门共发送旅客四千万人次，同比增长百分之十二，运输秩序总体平稳有序。"), kSketchShingle));
  for (const auto& p : other) BOOST_TEST(p.similarity < 0.5);
}

BOOST_AUTO_TEST_CASE(re_adding_unchanged_is_a_no_op_and_changed_replaces) {
  TempFolder tmp;
  const std::string path = tmp.file("l.db");
  auto store = Ledger::open(path, true);
  const LedgerDocument original = record(kRelease, "a.txt");
  store->add(original);
  const std::string added_at = store->documents().front().added_at;
  BOOST_TEST(static_cast<int>(store->add(original)) == static_cast<int>(AddOutcome::Unchanged));
  BOOST_TEST(store->documents().front().added_at == added_at);
  store->correct("a.txt", "16.4%", "15.4%", "2024-05-08");

  std::string text = kRelease;
  text.replace(text.find("16.4%"), 5, "15.4%");
  text += "\n全年新增养老床位1200张。\n";
  const LedgerDocument changed = record(text, "a.txt");
  BOOST_TEST(static_cast<int>(store->add(changed)) == static_cast<int>(AddOutcome::Replaced));
  const auto documents = store->documents();
  BOOST_REQUIRE(documents.size() == 1u);
  BOOST_TEST(documents[0].claims == changed.claims.size());
  BOOST_TEST(documents[0].paragraphs == changed.paragraphs.size());
  BOOST_TEST(documents[0].corrections == 1u);  // corrections survive a new version
  for (const auto& c : store->all_claims()) BOOST_TEST(c.claim.text != "16.4%");
  BOOST_TEST(store->stats().claims == changed.claims.size());

  // Another reader of the figures: the same text is read again.
  LedgerDocument reread = changed;
  reread.reader = "a better reader";
  BOOST_TEST(static_cast<int>(store->add(reread)) == static_cast<int>(AddOutcome::Replaced));
}

BOOST_AUTO_TEST_CASE(a_replacement_that_fails_half_way_leaves_the_old_version) {
  TempFolder tmp;
  const std::string path = tmp.file("l.db");
  const LedgerDocument original = record(kRelease, "a.txt");
  Ledger::open(path, true)->add(original);
  // The database refuses paragraph rows: the write fails after the
  // document, its sentences and its figures were written.
  run_sql(path, "CREATE TRIGGER ledger_test_refuse BEFORE INSERT ON ledger_paragraphs "
                "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
  std::string text = kRelease;
  text.replace(text.find("16.4%"), 5, "15.4%");
  auto store = Ledger::open(path, false);
  const std::string error = error_of([&] { store->add(record(text, "a.txt")); });
  BOOST_TEST(error.find(path) != std::string::npos);
  BOOST_TEST(error.find("refused by the test") != std::string::npos);
  const auto documents = store->documents();
  BOOST_REQUIRE(documents.size() == 1u);
  BOOST_TEST(documents[0].content_hash == original.content_hash);
  BOOST_TEST(documents[0].claims == original.claims.size());
  BOOST_TEST(documents[0].paragraphs == original.paragraphs.size());
  bool old_rate = false;
  for (const auto& c : store->all_claims()) old_rate = old_rate || c.claim.text == "16.4%";
  BOOST_TEST(old_rate);
}

BOOST_AUTO_TEST_CASE(remove_and_corrections) {
  TempFolder tmp;
  auto store = Ledger::open(tmp.file("l.db"), true);
  store->add(record(kRelease, "a.txt"));
  store->add(record("2023年，全市民政事业发展资金增长12.5%。\n", "b.txt", "2023-12-31"));

  const StoredCorrection c = store->correct("a.txt", "增长16.4%", "增长15.4%", "2024-05-08");
  BOOST_TEST(c.document.name == "a.txt");
  BOOST_TEST(!c.metric_key.empty());  // 16.4% is a figure of a.txt
  BOOST_TEST(c.subject == "通辽");
  BOOST_REQUIRE(c.low.has_value());
  BOOST_TEST(*c.low <= 16.4);
  const StoredCorrection text_only = store->correct("a.txt", "养老服务", "养老服务体系", "");
  BOOST_TEST(text_only.metric_key.empty());
  BOOST_TEST(!error_of([&] { store->correct("nope.txt", "1", "2", ""); }).empty());
  const auto corrections = store->corrections();
  BOOST_REQUIRE(corrections.size() == 2u);
  BOOST_TEST(corrections[0].now == "增长15.4%");
  BOOST_TEST(corrections[0].corrected_on == "2024-05-08");
  BOOST_TEST(corrections[0].document.title == "通辽市民政局2024年5月6日发布");
  BOOST_TEST(corrections[1].corrected_on == "");

  // Eight band rows a paragraph (no foreign key deletes them: the ledger does).
  const auto bands = [&] { return std::stoul(query_one(tmp.file("l.db"), "SELECT count(*) FROM ledger_paragraph_bands")); };
  const auto paragraphs = [&] { return std::stoul(query_one(tmp.file("l.db"), "SELECT count(*) FROM ledger_paragraphs")); };
  BOOST_TEST(paragraphs() > 0u);
  BOOST_TEST(bands() == kSketchBands * paragraphs());
  // Replaced: its old band rows go with its old paragraphs.
  std::string changed = kRelease;
  changed.replace(changed.find("128"), 3, "130");
  BOOST_TEST(static_cast<int>(store->add(record(changed, "a.txt"))) == static_cast<int>(AddOutcome::Replaced));
  BOOST_TEST(bands() == kSketchBands * paragraphs());
  BOOST_TEST(store->remove("a.txt"));
  BOOST_TEST(!store->remove("a.txt"));
  BOOST_TEST(bands() == 0u);
  BOOST_TEST(store->documents().size() == 1u);
  BOOST_TEST(store->corrections().empty());
  const LedgerStats s = store->stats();
  BOOST_TEST(s.paragraphs == 0u);  // b.txt's one sentence is too short to keep
  BOOST_TEST(s.claims == store->all_claims().size());
  for (const auto& claim : store->all_claims()) BOOST_TEST(claim.document.name == "b.txt");
}

BOOST_AUTO_TEST_CASE(files_that_are_not_ledgers_are_refused_untouched) {
  TempFolder tmp;
  // Not a database at all.
  const std::string text_file = tmp.file("notes.txt");
  std::ofstream(text_file) << "这不是数据库。 This is not a database, just text long enough to fill a header.\n";
  const std::string before = read_bytes(text_file);
  const std::string error = error_of([&] { Ledger::open(text_file, true); });
  BOOST_TEST(error.find(text_file) != std::string::npos);
  BOOST_TEST(error.find("not an SQLite database") != std::string::npos);
  BOOST_TEST(read_bytes(text_file) == before);
  BOOST_TEST(!fs::exists(text_file + "-wal"));

  // Another application's SQLite database.
  const std::string other = tmp.file("other.db");
  run_sql(other, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x');");
  const std::string other_before = read_bytes(other);
  BOOST_TEST(error_of([&] { Ledger::open(other, true); }).find("not a kanwu ledger") != std::string::npos);
  BOOST_TEST(read_bytes(other) == other_before);

  // A ledger of a newer schema.
  const std::string newer = tmp.file("newer.db");
  Ledger::open(newer, true);
  run_sql(newer, "INSERT INTO ledger_schema (version, applied_at) VALUES (99, 'later')");
  BOOST_TEST(error_of([&] { Ledger::open(newer, false); }).find("schema version 99, newer") != std::string::npos);

  // A folder, and a file in a folder that does not exist.
  BOOST_TEST(error_of([&] { Ledger::open(tmp.path.string(), true); }).find("is a folder") != std::string::npos);
  BOOST_TEST(!error_of([&] { Ledger::open(tmp.file("no/such/folder.db"), true); }).empty());
}

BOOST_AUTO_TEST_CASE(two_processes_adding_at_once_lose_nothing) {
  TempFolder tmp;
  const std::string path = tmp.file("shared.db");
  constexpr int kPerWriter = 15;
  std::vector<LedgerDocument> documents[2];
  for (int w = 0; w < 2; ++w)
    for (int i = 0; i < kPerWriter; ++i) {
      std::string text = kRelease;
      text.replace(text.find("128"), 3, std::to_string(100 + w * 100 + i));
      documents[w].push_back(record(text, "w" + std::to_string(w) + "/" + std::to_string(i) + ".txt"));
    }
  // Both create the ledger (neither finds it) and write in turns, each
  // document one transaction.
  pid_t children[2];
  for (int w = 0; w < 2; ++w) {
    children[w] = ::fork();
    BOOST_REQUIRE(children[w] >= 0);
    if (children[w] == 0) {
      int status = 0;
      try {
        auto store = Ledger::open(path, true);
        for (const auto& d : documents[w]) store->add(d);
      } catch (const std::exception&) {
        status = 1;
      }
      ::_exit(status);
    }
  }
  for (pid_t child : children) {
    int status = 0;
    ::waitpid(child, &status, 0);
    BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  }
  auto store = Ledger::open(path, false);
  const auto stored = store->documents();
  BOOST_TEST(stored.size() == 2u * kPerWriter);
  for (const auto& d : stored) BOOST_TEST(d.claims == documents[0][0].claims.size());
  BOOST_TEST(query_one(path, "PRAGMA integrity_check") == "ok");
  BOOST_TEST(query_one(path, "PRAGMA journal_mode") == "wal");
}

BOOST_AUTO_TEST_CASE(dates_and_names) {
  BOOST_TEST(parse_date("2024-05-06").value_or("") == "2024-05-06");
  BOOST_TEST(parse_date("2024-5-6").value_or("") == "2024-05-06");
  BOOST_TEST(!parse_date("2024-02-30"));
  BOOST_TEST(!parse_date("2024/05/06"));
  BOOST_TEST(!parse_date("20240506"));
  BOOST_TEST(!parse_date("2024-05-06x"));
  BOOST_TEST(!parse_date(""));
  BOOST_TEST(display_name("postgresql://editor:secret@db.example/news") == "postgresql://editor:***@db.example/news");
  BOOST_TEST(display_name("postgresql:///news?host=/tmp&password=secret") == "postgresql:///news?host=/tmp&password=***");
  BOOST_TEST(display_name("archive.ledger") == "archive.ledger");
  BOOST_TEST(is_postgresql_url("postgres://h/db"));
  BOOST_TEST(!is_postgresql_url("postgresql.db"));
}

// A ledger an older kanwu wrote (schema 2, tests/data/ledger-schema-2.sql)
// is migrated on opening: its documents and corrections are kept, its figure
// and paragraph rows (whose stored form changed) wait until the document
// is added again, and the ledger says how many wait. Adding restores them.
BOOST_AUTO_TEST_CASE(a_ledger_of_schema_2_keeps_its_documents_and_is_read_again) {
  TempFolder dir;
  const std::string path = dir.file("old.ledger");
  run_sql(path, read_bytes(KANWU_SOURCE_DIR "/tests/data/ledger-schema-2.sql"));
  BOOST_REQUIRE(query_one(path, "SELECT max(version) FROM ledger_schema") == "2");
  BOOST_REQUIRE(query_one(path, "SELECT count(*) FROM ledger_claims") != "0");
  // A read (a check, a list) never migrates: it says how to.
  const std::string refused = error_of([&] { Ledger::open(path, false, false); });
  BOOST_TEST(refused.find("schema version 2, older than this kanwu's") != std::string::npos, refused);
  BOOST_TEST(refused.find("kanwu ledger add") != std::string::npos, refused);
  BOOST_TEST(query_one(path, "SELECT max(version) FROM ledger_schema") == "2");  // untouched
  BOOST_TEST(query_one(path, "SELECT count(*) FROM ledger_claims") != "0");
  auto store = Ledger::open(path, false, true);
  LedgerStats s = store->stats();
  BOOST_TEST(s.schema_version == kSchemaVersion);
  BOOST_TEST(s.documents == 1u);
  BOOST_TEST(s.corrections == 1u);
  BOOST_TEST(s.claims == 0u);
  BOOST_TEST(s.paragraphs == 0u);
  BOOST_TEST(s.to_add_again == 1u);
  const LedgerDocument again = record(kRelease, "release.txt", "2024-05-06");
  BOOST_TEST(static_cast<int>(store->add(again)) == static_cast<int>(AddOutcome::Replaced));
  s = store->stats();
  BOOST_TEST(s.to_add_again == 0u);
  BOOST_TEST(s.claims == again.claims.size());
  BOOST_TEST(s.paragraphs == again.paragraphs.size());
  BOOST_TEST(s.corrections == 1u);  // kept: a correction is the newsroom's record
  const LedgerClaim* rate = claim_written(again, "16.4%");
  BOOST_REQUIRE(rate);
  BOOST_TEST(!store->figures_in({rate->group}).empty());
  // The correction still names the figure: its identity is derived as before.
  const auto corrections = store->corrections();
  BOOST_REQUIRE_EQUAL(corrections.size(), 1u);
  BOOST_TEST(corrections[0].group == rate->group);
}

// Shingles as stored: what goes in comes out, for sets of every density,
// smaller than the plain 16-bit values on a paragraph-sized set, and bytes
// that encode_shingles() did not write are refused, not misread.
BOOST_AUTO_TEST_CASE(shingles_are_stored_compactly_and_read_back_exactly) {
  std::vector<std::vector<Shingle>> sets = {{}, {0}, {65535}, {0, 1, 2, 3}, {0, 65535}};
  std::vector<Shingle> all(65536);
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<Shingle>(i);
  sets.push_back(all);
  const ParagraphSketch paragraph = sketch_paragraph(
      normalise_paragraph("全市建成社区养老服务中心128个，农村互助幸福院达到1021所，养老床位总数达到2.3万张。"
                          "各旗县市区普遍建立了困难老年人探访关爱制度，每月至少探访一次。"),
      kSketchShingle);
  sets.push_back(paragraph.shingles);
  for (const auto& set : sets) {
    const std::string bytes = encode_shingles(set);
    const auto back = decode_shingles(bytes);
    BOOST_REQUIRE(back);
    BOOST_TEST(*back == set, "a set of " << set.size());
  }
  BOOST_TEST(encode_shingles(paragraph.shingles).size() < 2 * paragraph.shingles.size());
  // The band keys found again from the stored shingles are the paragraph's.
  BOOST_TEST(sketch_of_shingles(*decode_shingles(encode_shingles(paragraph.shingles))).band_keys() ==
             paragraph.band_keys());
  const std::string good = encode_shingles(paragraph.shingles);
  BOOST_TEST(!decode_shingles(""));
  BOOST_TEST(!decode_shingles(std::string(1, '\x20')));              // k beyond 15
  BOOST_TEST(!decode_shingles(good.substr(0, good.size() / 2)));      // cut short
  BOOST_TEST(!decode_shingles(std::string("\x04\x05\xff\xff\xff\xff", 6)));  // bits run out mid-gap
  // k 15, one value: a unary quotient of 2 (bits 1, 1, 0) and 15 zero bits
  // make 65536, past the last shingle.
  BOOST_TEST(!decode_shingles(std::string("\x0f\x01\x03\x00\x00", 5)));
  BOOST_TEST((decode_shingles(std::string("\x0f\x01\x01\x00\x00", 5)) == std::vector<Shingle>{32768}));
  BOOST_TEST(!decode_shingles(good + '\x00'));  // a byte after what was written
}

BOOST_AUTO_TEST_SUITE_END()
