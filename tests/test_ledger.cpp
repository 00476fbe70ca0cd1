// The archive ledger's SQLite store: documents added, re-added unchanged
// (nothing written) or changed (rows replaced in one transaction, also when
// the write fails half-way), removed, listed and counted; corrections; the
// read API `kanwu check --ledger` will use; files that are not ledgers left
// untouched; two processes writing at once; a lookup reading one snapshot
// while another connection replaces a document (also on PostgreSQL, the
// postgresql_* cases, when tests/ledger_pg_test.sh gives them a server).
#include <boost/test/unit_test.hpp>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <set>

#include "helpers.h"
#include "kanwu/ledger/block_record.h"
#include "kanwu/ledger/record.h"
#include "kanwu/ledger/runtime_libs.h"
#include "kanwu/ledger/shingle_code.h"
#include "kanwu/ledger/sql.h"
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

// ---- A lookup's reads and another connection's commit between them ----

std::unique_ptr<SqlConnection> connect(const std::string& ledger) {
  return is_postgresql_url(ledger) ? open_postgresql(ledger, display_name(ledger)) : open_sqlite(ledger, false, ledger);
}

// Runs `before_run(sql)` ahead of each statement's first step (after its
// prepare or reset): where a commit of another connection can fall between
// two statements of one lookup.
using BeforeRun = std::function<void(const std::string& sql)>;

class InterposedStatement : public SqlStatement {
 public:
  InterposedStatement(std::unique_ptr<SqlStatement> inner, std::string sql, const BeforeRun& before_run)
      : inner_(std::move(inner)), sql_(std::move(sql)), before_run_(before_run) {}
  void bind(int index, std::int64_t value) override { inner_->bind(index, value); }
  void bind(int index, double value) override { inner_->bind(index, value); }
  void bind(int index, std::string_view text) override { inner_->bind(index, text); }
  void bind_blob(int index, std::string_view bytes) override { inner_->bind_blob(index, bytes); }
  void bind_null(int index) override { inner_->bind_null(index); }
  bool next() override {
    if (!started_ && before_run_) before_run_(sql_);
    started_ = true;
    return inner_->next();
  }
  bool is_null(int column) override { return inner_->is_null(column); }
  std::int64_t integer(int column) override { return inner_->integer(column); }
  double real(int column) override { return inner_->real(column); }
  std::string text(int column) override { return inner_->text(column); }
  std::string blob(int column) override { return inner_->blob(column); }
  void reset() override {
    inner_->reset();
    started_ = false;
  }

 private:
  std::unique_ptr<SqlStatement> inner_;
  std::string sql_;
  const BeforeRun& before_run_;
  bool started_ = false;
};

class InterposedConnection : public SqlConnection {
 public:
  explicit InterposedConnection(std::unique_ptr<SqlConnection> inner) : inner_(std::move(inner)) {}
  BeforeRun before_run;
  std::unique_ptr<SqlStatement> prepare(std::string_view sql) override {
    return std::make_unique<InterposedStatement>(inner_->prepare(sql), std::string(sql), before_run);
  }
  void execute(std::string_view sql) override { inner_->execute(sql); }
  void begin_write() override { inner_->begin_write(); }
  bool begin_read() override { return inner_->begin_read(); }
  void commit() override { inner_->commit(); }
  void rollback() noexcept override { inner_->rollback(); }
  void configure_for_writes() override { inner_->configure_for_writes(); }
  std::string_view backend() const override { return inner_->backend(); }
  bool has_table(std::string_view table) override { return inner_->has_table(table); }
  bool has_foreign_tables() override { return inner_->has_foreign_tables(); }
  void lock_schema() override { inner_->lock_schema(); }
  std::string dialect(std::string_view ddl) const override { return inner_->dialect(ddl); }
  std::string_view for_update() const override { return inner_->for_update(); }
  std::uint64_t storage_bytes() override { return inner_->storage_bytes(); }

 private:
  std::unique_ptr<SqlConnection> inner_;
};

// kRelease with its figures changed and its second paragraph another one:
// the same document, every row of it replaced.
std::string changed_release() {
  std::string text = kRelease;
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"16.4%", "15.4%"}, {"70.4亿元", "71.4亿元"}})
    text.replace(text.find(from), from.size(), to);
  const std::size_t second = text.find("全市建成");
  text.replace(second, text.size() - second,
               "今年春运期间，铁路部门共发送旅客四千万人次，运输秩序总体平稳有序。"
               "各地客运站增开临时班次，保障旅客出行需求，未发生旅客滞留。\n");
  return text;
}

std::size_t count_documents(SqlConnection& db) {
  auto q = db.prepare("SELECT count(*) FROM ledger_documents");
  return q->next() ? static_cast<std::size_t>(q->integer(0)) : 0;
}

// A read transaction reads one snapshot: another connection's commit is not
// seen inside it, and is after it. Inside a write transaction it starts
// nothing and sees that transaction's rows; an exception rolls it back.
// `fresh()` names an empty ledger.
void read_transaction_reads_one_snapshot(const std::function<std::string()>& fresh) {
  const std::string ledger = fresh();
  Ledger::open(ledger, true)->add(record(kRelease, "a.txt"));
  auto writer = Ledger::open(ledger, false);
  auto reader = connect(ledger);
  // Without a transaction each statement reads the latest commit.
  BOOST_TEST(count_documents(*reader) == 1u);
  writer->add(record("2023年，全市民政事业发展资金增长12.5%。\n", "b.txt", "2023-12-31"));
  BOOST_TEST(count_documents(*reader) == 2u);
  {
    ReadTransaction tx(*reader);
    BOOST_TEST(count_documents(*reader) == 2u);
    writer->add(record("2022年，全市民政事业发展资金增长10.1%。\n", "c.txt", "2022-12-31"));
    BOOST_TEST(writer->documents().size() == 3u);  // committed
    BOOST_TEST(count_documents(*reader) == 2u);    // not in the snapshot
    tx.commit();
  }
  BOOST_TEST(count_documents(*reader) == 3u);
  // Ended by an exception: rolled back, so the next statement reads the latest commit.
  try {
    ReadTransaction tx(*reader);
    BOOST_TEST(count_documents(*reader) == 3u);
    throw LedgerError("a lookup failed");
  } catch (const LedgerError&) {
  }
  writer->remove("c.txt");
  BOOST_TEST(count_documents(*reader) == 2u);
  // Inside a write transaction: part of it, which it leaves open.
  {
    WriteTransaction write(*reader);
    {
      ReadTransaction tx(*reader);
      auto insert = reader->prepare(
          "INSERT INTO ledger_documents (name, title, published, published_from, content_hash, reader, bytes, "
          "added_at) VALUES ('d.txt', 'd', '2021-01-01', 'option', 'h', 'r', 1, 'now')");
      insert->run();
      BOOST_TEST(count_documents(*reader) == 3u);
      tx.commit();
    }
    write.commit();  // fails if the read transaction ended it
  }
  BOOST_TEST(writer->documents().size() == 3u);
  // A write after a read transaction on the same connection.
  {
    ReadTransaction tx(*reader);
    BOOST_TEST(count_documents(*reader) == 3u);
    tx.commit();
  }
  BOOST_TEST(writer->remove("d.txt"));
  WriteTransaction write(*reader);
  reader->execute("DELETE FROM ledger_documents WHERE name = 'b.txt'");
  write.commit();
  BOOST_TEST(writer->documents().size() == 1u);
}

// A ledger holding `document`, a writer on it, and a reader whose
// statements `spy` sees before they run.
struct Interposed {
  std::unique_ptr<Ledger> writer, reader;
  InterposedConnection& spy;
};
Interposed interposed(const std::string& ledger, const LedgerDocument& document) {
  Ledger::open(ledger, true)->add(document);
  auto connection = std::make_unique<InterposedConnection>(connect(ledger));
  InterposedConnection& spy = *connection;
  return {Ledger::open(ledger, false), Ledger::open(std::move(connection), ledger, false, false), spy};
}

// figures_in and paragraph_candidates while `ledger add` replaces the
// document they are reading, between two of their statements: the lookup
// returns the document as it was, whole — never the old block with the new
// version's figures added, nor a paragraph lost because its old id went.
void lookups_read_one_snapshot(const std::function<std::string()>& fresh) {
  const LedgerDocument original = record(kRelease, "a.txt");
  const LedgerDocument replacement = record(changed_release(), "a.txt");
  const LedgerClaim* rate = claim_written(original, "16.4%");
  const LedgerClaim* total = claim_written(original, "70.4亿元");
  BOOST_REQUIRE(rate);
  BOOST_REQUIRE(total);
  BOOST_REQUIRE(rate->block == total->block);
  std::multiset<std::string> block_texts;  // the figures of their block as first published
  for (const LedgerClaim& c : original.claims)
    if (c.block == rate->block) block_texts.insert(c.text);
  BOOST_REQUIRE(block_texts.size() == 3u);

  {
    Interposed lookup = interposed(fresh(), original);
    Ledger* writer = lookup.writer.get();
    Ledger* reader = lookup.reader.get();
    InterposedConnection& spy = lookup.spy;
    // The two groups are looked up by one statement run twice: the
    // document is replaced before its second run.
    int runs = 0;
    bool replaced = false;
    spy.before_run = [&](const std::string& sql) {
      if (sql.find("FROM ledger_figures WHERE group_hash") == std::string::npos || ++runs != 2) return;
      replaced = writer->add(replacement) == AddOutcome::Replaced;
    };
    const auto found = reader->figures_in({rate->group, total->group});
    spy.before_run = nullptr;
    BOOST_REQUIRE(replaced);
    BOOST_REQUIRE_EQUAL(found.size(), 1u);
    const StoredBlock& block = found.front();
    std::multiset<std::string> texts;
    for (const auto& f : block.figures) texts.insert(f.claim.text);
    BOOST_TEST(texts == block_texts, "the block read mixes versions: " << block.figures.size() << " figures");
    BOOST_TEST(block.asked.size() == 2u);
    // Each figure asked with its own sentence (SQLite numbers the new rows
    // with the ids the old ones had: read by id after the replacement, a
    // 16.4% came with the sentence that now says 15.4%).
    for (const std::size_t i : block.asked) {
      const StoredClaim& f = block.figures[i];
      BOOST_TEST(f.sentence.text.substr(f.claim.offset, f.claim.text.size()) == f.claim.text);
      BOOST_TEST(f.sentence.text.find("16.4%") != std::string::npos, f.sentence.text);
    }
    // The next lookup reads the new version.
    const auto now = reader->figures_in({rate->group});
    BOOST_REQUIRE_EQUAL(now.size(), 1u);
    BOOST_REQUIRE_EQUAL(now.front().asked.size(), 1u);
    BOOST_TEST(now.front().figures[now.front().asked.front()].claim.text == "15.4%");
  }
  {
    Interposed lookup = interposed(fresh(), original);
    Ledger* writer = lookup.writer.get();
    Ledger* reader = lookup.reader.get();
    InterposedConnection& spy = lookup.spy;
    // A near copy is found by its bands, then read by id: the document is
    // replaced in between (and on SQLite the id now names the new
    // paragraph, about the railways).
    bool replaced = false;
    spy.before_run = [&](const std::string& sql) {
      if (replaced || sql.find("p.id = $1") == std::string::npos) return;
      replaced = writer->add(replacement) == AddOutcome::Replaced;
    };
    std::string near = "全市建成社区养老服务中心128个，农村互助幸福院达到1021所，养老床位总数达到2.3万张。"
                       "各旗县市区普遍建立了困难老年人探访关爱制度，每月至少探访一次。";
    near.replace(near.find("128"), 3, "130");
    const auto similar = reader->paragraph_candidates(sketch_paragraph(normalise_paragraph(near), kSketchShingle));
    spy.before_run = nullptr;
    BOOST_REQUIRE(replaced);
    BOOST_REQUIRE(!similar.empty());
    BOOST_TEST(similar.front().document.name == "a.txt");
    BOOST_TEST(similar.front().similarity >= 0.8);
    BOOST_TEST(similar.front().start.line == 5);
  }
}

// Lookups inside a batch of `ledger add` (one transaction open on the
// connection) read the batch's rows and leave it open.
void lookups_inside_a_batch(const std::function<std::string()>& fresh) {
  const std::string ledger = fresh();
  auto store = Ledger::open(ledger, true);
  const LedgerDocument d = record(kRelease, "a.txt");
  const LedgerClaim* rate = claim_written(d, "16.4%");
  BOOST_REQUIRE(rate);
  store->begin_batch();
  store->add(d);
  BOOST_TEST(!store->figures_in({rate->group}).empty());
  BOOST_TEST(!store->paragraph_candidates(d.paragraphs.front().sketch).empty());
  BOOST_TEST(Ledger::open(ledger, false)->documents().empty());  // not committed yet
  store->add(record("2023年，全市民政事业发展资金增长12.5%。\n", "b.txt", "2023-12-31"));
  store->commit_batch();
  BOOST_TEST(Ledger::open(ledger, false)->documents().size() == 2u);
}

const char* postgresql_for_tests() { return std::getenv("KANWU_TEST_POSTGRESQL"); }

boost::test_tools::assertion_result postgresql_given(boost::unit_test::test_unit_id) {
  boost::test_tools::assertion_result given(postgresql_for_tests() != nullptr);
  given.message() << "KANWU_TEST_POSTGRESQL (a database the test may empty) is not set";
  return given;
}

// The database of KANWU_TEST_POSTGRESQL without the ledger's tables.
std::string empty_postgresql() {
  const std::string url = postgresql_for_tests();
  connect(url)->execute(
      "DROP TABLE IF EXISTS ledger_paragraph_bands, ledger_paragraphs, ledger_corrections, ledger_figures, "
      "ledger_figure_blocks, ledger_claims, ledger_sentences, ledger_documents, ledger_schema CASCADE");
  return url;
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

  // A figure index row for each identity of each block (no foreign key
  // deletes them: the ledger does, by the hashes the block's row names).
  const std::string db = tmp.file("l.db");
  const auto index_rows = [&] { return std::stoul(query_one(db, "SELECT count(*) FROM ledger_figures")); };
  const auto index_rows_of = [&](const char* name) {
    return std::stoul(query_one(db, std::string("SELECT count(*) FROM ledger_figures f JOIN ledger_documents d ON "
                                                 "d.id = f.document_id WHERE d.name = '") + name + "'"));
  };
  const auto expected_rows = [](const LedgerDocument& d) {
    std::set<std::pair<int, std::string>> rows;
    for (const LedgerClaim& c : d.claims) rows.emplace(c.block, c.group);
    return rows.size();
  };
  BOOST_TEST(index_rows_of("a.txt") == expected_rows(record(kRelease, "a.txt")));
  const std::size_t b_rows = index_rows_of("b.txt");
  BOOST_TEST(index_rows() == index_rows_of("a.txt") + b_rows);
  // Eight band rows a paragraph (no foreign key deletes them: the ledger does).
  const auto bands = [&] { return std::stoul(query_one(tmp.file("l.db"), "SELECT count(*) FROM ledger_paragraph_bands")); };
  const auto paragraphs = [&] { return std::stoul(query_one(tmp.file("l.db"), "SELECT count(*) FROM ledger_paragraphs")); };
  BOOST_TEST(paragraphs() > 0u);
  BOOST_TEST(bands() == kArchiveBands * paragraphs());
  // Replaced: its old band rows go with its old paragraphs.
  std::string changed = kRelease;
  changed.replace(changed.find("128"), 3, "130");
  BOOST_TEST(static_cast<int>(store->add(record(changed, "a.txt"))) == static_cast<int>(AddOutcome::Replaced));
  BOOST_TEST(bands() == kArchiveBands * paragraphs());
  BOOST_TEST(index_rows_of("a.txt") == expected_rows(record(changed, "a.txt")));
  BOOST_TEST(index_rows() == index_rows_of("a.txt") + b_rows);
  // A record that no longer decodes (edited by hand) still has its index
  // rows removed with it.
  run_sql(db, "UPDATE ledger_figure_blocks SET record = x'00' WHERE document_id = "
              "(SELECT id FROM ledger_documents WHERE name = 'a.txt')");
  BOOST_TEST(store->remove("a.txt"));
  BOOST_TEST(index_rows() == b_rows);
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

// Shingles as stored: what goes in comes out, for sets of every density and
// every precision kept, a paragraph's set in fewer bits than its 16-bit
// Rice code, and bytes that encode_shingles() did not write are refused,
// not misread.
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
  for (const auto& set : sets)
    for (unsigned bits = kArchiveMinBits; bits <= 16; ++bits) {
      const ArchivedShingles kept{bits, reduce_shingles(set, bits)};
      const auto back = decode_shingles(encode_shingles(kept));
      BOOST_REQUIRE(back);
      BOOST_TEST(back->bits == bits);
      BOOST_TEST(back->values == kept.values, "a set of " << set.size() << " at " << bits << " bits");
    }
  // A paragraph of ~50 shingles is kept at 12 bits, in fewer bytes than
  // all 16 bits Rice-coded (the layout of schema 3, still read: bits 16).
  const ArchivedShingles kept = archive_shingles(paragraph.shingles);
  BOOST_TEST(kept.bits == kArchiveMinBits);
  const std::string full = encode_shingles(ArchivedShingles{16, paragraph.shingles});
  BOOST_TEST(encode_shingles(kept).size() * 4 < full.size() * 3);
  BOOST_TEST(decode_shingles(full)->values == paragraph.shingles);
  // The band keys found again from the stored shingles are those a draft's
  // paragraph is looked up by.
  const auto back = decode_shingles(encode_shingles(kept));
  BOOST_TEST(archive_band_keys(back->values, back->bits) == archive_band_keys(paragraph.shingles, 16));
  BOOST_TEST(archive_band_keys(paragraph.shingles, 16).size() == kArchiveBands);
  const std::string good = encode_shingles(kept);
  BOOST_TEST(!decode_shingles(""));
  BOOST_TEST(!decode_shingles(std::string(1, '\x50')));              // 11 bits: fewer than kept
  BOOST_TEST(!decode_shingles(good.substr(0, good.size() / 2)));      // cut short
  BOOST_TEST(!decode_shingles(std::string("\x04\x05\xff\xff\xff\xff", 6)));  // bits run out mid-gap
  // k 15 at 16 bits, one value: a unary quotient of 2 (bits 1, 1, 0) and 15
  // zero bits make 65536, past the last shingle; at 12 bits (k 11), 4096.
  BOOST_TEST(!decode_shingles(std::string("\x0f\x01\x03\x00\x00", 5)));
  BOOST_TEST((decode_shingles(std::string("\x0f\x01\x01\x00\x00", 5))->values == std::vector<Shingle>{32768}));
  BOOST_TEST(!decode_shingles(std::string("\x4b\x01\x03\x00", 4)));
  BOOST_TEST((decode_shingles(std::string("\x4b\x01\x01\x00", 4))->values == std::vector<Shingle>{2048}));
  BOOST_TEST(!decode_shingles(good + '\x00'));  // a byte after what was written
}

// A block's figure record: every field comes back as written, also what
// the record leaves out (a clause key made again from the sentence, an
// unnamed figure's subject from the document's name); a clause key that
// would not come back the same is kept as it is; bytes the encoder did not
// write are refused.
BOOST_AUTO_TEST_CASE(figure_records_come_back_as_written) {
  LedgerDocument doc = record(kRelease, "records.txt");
  // A text that names no place: its figures' subject is the document.
  const LedgerDocument unnamed_doc = record(
      "本报2024年5月6日电\n\n2024年1至4月，新建农家书屋32个，比上年同期多出5个，惠及群众12万人次。\n", "records.txt");
  for (LedgerClaim c : unnamed_doc.claims) {
    c.block += 100;
    if (c.sentence >= 0) c.sentence += static_cast<int>(doc.sentences.size());
    doc.claims.push_back(c);
  }
  doc.sentences.insert(doc.sentences.end(), unnamed_doc.sentences.begin(), unnamed_doc.sentences.end());
  const std::map<int, BlockRecord> blocks = block_records(doc);
  BOOST_REQUIRE(blocks.size() >= 2u);
  std::size_t clauses = 0, unnamed = 0;
  for (const auto& [block, r] : blocks) {
    const std::string bytes = encode_block_record(r, "records.txt");
    const auto back = decode_block_record(bytes, "records.txt", block);
    BOOST_REQUIRE(back);
    BOOST_REQUIRE_EQUAL(back->figures.size(), r.figures.size());
    BOOST_REQUIRE_EQUAL(back->sentences.size(), r.sentences.size());
    for (std::size_t i = 0; i < r.sentences.size(); ++i) {
      BOOST_TEST(back->sentences[i].text == r.sentences[i].text);
      BOOST_TEST(back->sentences[i].figures == r.sentences[i].figures);
    }
    for (std::size_t i = 0; i < r.figures.size(); ++i) {
      const LedgerClaim& a = r.figures[i];
      const LedgerClaim& b = back->figures[i];
      BOOST_TEST(b.metric_key == a.metric_key);
      BOOST_TEST(b.metric == a.metric);
      BOOST_TEST(b.role == a.role);
      BOOST_TEST(b.subject == a.subject);
      BOOST_TEST(b.period == a.period);
      BOOST_TEST(b.period_text == a.period_text);
      BOOST_TEST(b.unit == a.unit);
      BOOST_TEST(b.text == a.text);
      BOOST_TEST(b.value == a.value);
      BOOST_TEST(b.low == a.low);
      BOOST_TEST(b.high == a.high);
      BOOST_TEST(b.flags == a.flags);
      BOOST_TEST(b.offset == a.offset);
      BOOST_TEST(b.sentence == a.sentence);
      BOOST_TEST(b.block == block);
      BOOST_TEST((b.start.line == a.start.line && b.start.column == a.start.column));
      BOOST_TEST((b.end.line == a.end.line && b.end.column == a.end.column));
      clauses += a.metric_key.starts_with("clause:");
      unnamed += a.subject.starts_with("@records.txt");
    }
    // Read under another name, an unnamed figure is that document's.
    const auto renamed = decode_block_record(bytes, "other.txt", block);
    BOOST_REQUIRE(renamed);
    for (std::size_t i = 0; i < r.figures.size(); ++i)
      if (r.figures[i].subject.starts_with("@records.txt"))
        BOOST_TEST(renamed->figures[i].subject == "@other.txt" + r.figures[i].subject.substr(12));
    // Refused: another format, cut short, a byte after the stream.
    BOOST_TEST(!decode_block_record("", "records.txt", block));
    BOOST_TEST(!decode_block_record(std::string(1, '\x02') + bytes.substr(1), "records.txt", block));
    BOOST_TEST(!decode_block_record(bytes.substr(0, bytes.size() - 1), "records.txt", block));
    BOOST_TEST(!decode_block_record(bytes + '\x00', "records.txt", block));
  }
  BOOST_TEST(clauses > 0u);  // the test reaches what a record leaves out
  // Hostile records: counts the bytes could not hold are refused before
  // anything is allocated for them; a stream that inflates past what any
  // block needs is not a record.
  const auto record_of = [](const std::string& payload) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, static_cast<uLong>(payload.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(payload.data()));
    z.avail_in = static_cast<uInt>(payload.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return std::string(1, '\x01') + out;
  };
  BOOST_TEST(!decode_block_record(record_of(std::string("\x80\x94\xeb\xdc\x03", 5)), "x", 0));  // 10^9 sentences
  BOOST_TEST(!decode_block_record(record_of(std::string("\x00\x80\x94\xeb\xdc\x03", 6) + std::string(4000, '\0')), "x", 0));
  BOOST_TEST(!decode_block_record(record_of(std::string(5u << 20, '\0')), "x", 0));  // inflates past 4 MB
  BOOST_TEST((decode_block_record(record_of(std::string(2, '\0')), "x", 0)->figures.empty()));  // an empty block reads
  BOOST_TEST(unnamed > 0u);
  // A clause key that is not its sentence's masked clause is kept as written.
  BlockRecord odd = blocks.begin()->second;
  odd.figures.front().metric_key = "clause:别处的#value";
  const auto back = decode_block_record(encode_block_record(odd, "records.txt"), "records.txt", blocks.begin()->first);
  BOOST_REQUIRE(back);
  BOOST_TEST(back->figures.front().metric_key == "clause:别处的#value");
}

// The similarity measured against the archive is the run's, within what
// the fewer bits can blur: a copy is 100%, a near copy within a point of
// its 16-bit measure, an unrelated paragraph far below any threshold.
BOOST_AUTO_TEST_CASE(archived_shingles_measure_as_a_run_does) {
  const auto sketch = [](const char* text) { return sketch_paragraph(normalise_paragraph(text), kSketchShingle); };
  const ParagraphSketch a = sketch(
      "今年以来，全省新建改建农村公路3200公里，完成投资186亿元，同比增长9.4%，"
      "惠及沿线群众120余万人，农村客运班线通达率保持百分之百。");
  const ParagraphSketch near = sketch(
      "今年以来，全省新建改建农村公路3200公里，完成投资168亿元，同比增长9.4%，"
      "惠及沿线群众120余万人，农村客运班线通达率保持百分之百。");
  const ParagraphSketch other = sketch(
      "记者从市文化和旅游局获悉，国庆假期全市接待游客人次和旅游收入均创历史新高，"
      "各大景区秩序井然，游客满意度持续提升。");
  BOOST_TEST(archived_jaccard(a.shingles, archive_shingles(a.shingles)) == 1.0);
  const double run = shingle_jaccard(a.shingles, near.shingles);
  const double kept = archived_jaccard(a.shingles, archive_shingles(near.shingles));
  BOOST_TEST(run < 1.0);
  BOOST_TEST(std::abs(kept - run) < 0.01, kept << " against " << run);
  BOOST_TEST(archived_jaccard(a.shingles, archive_shingles(other.shingles)) < 0.1);
}

BOOST_AUTO_TEST_CASE(a_read_transaction_reads_one_snapshot) {
  TempFolder tmp;
  int n = 0;
  read_transaction_reads_one_snapshot([&] { return tmp.file("l" + std::to_string(++n) + ".db"); });
}

BOOST_AUTO_TEST_CASE(a_lookup_reads_one_snapshot_while_a_document_is_replaced) {
  TempFolder tmp;
  int n = 0;
  lookups_read_one_snapshot([&] { return tmp.file("l" + std::to_string(++n) + ".db"); });
}

BOOST_AUTO_TEST_CASE(lookups_inside_a_batch_read_its_rows_and_leave_it_open) {
  TempFolder tmp;
  int n = 0;
  lookups_inside_a_batch([&] { return tmp.file("l" + std::to_string(++n) + ".db"); });
}

// A check needs no write access: a ledger file this process may only read
// is read, in WAL mode (its folder writable: SQLite keeps the WAL index
// beside it) or another journal mode. As root the reader is a child that
// becomes `nobody`.
BOOST_AUTO_TEST_CASE(a_ledger_file_that_may_only_be_read_is_read) {
  for (const bool wal : {false, true}) {
    TempFolder tmp;
    const std::string path = tmp.file("archive.ledger");
    const LedgerDocument d = record(kRelease, "a.txt");
    Ledger::open(path, true)->add(d);
    if (!wal) run_sql(path, "PRAGMA journal_mode = DELETE");
    BOOST_REQUIRE(query_one(path, "PRAGMA journal_mode") == (wal ? "wal" : "delete"));
    const std::string before = read_bytes(path);
    const bool root = ::getuid() == 0;
    ::chmod(path.c_str(), 0444);
    ::chmod(tmp.path.c_str(), wal ? 0777 : 0555);
    const pid_t child = ::fork();
    BOOST_REQUIRE(child >= 0);
    if (child == 0) {
      int status = 0;
      try {
        if (root && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
        auto store = Ledger::open(path, false);
        if (store->figures_in({claim_written(d, "16.4%")->group}).empty() ||
            store->paragraph_candidates(d.paragraphs.front().sketch).empty())
          status = 1;
      } catch (const std::exception& e) {
        std::cerr << e.what() << '\n';
        status = 2;
      }
      ::_exit(status);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ::chmod(tmp.path.c_str(), 0700);
    BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 0),
               (wal ? "WAL" : "rollback journal") << ": exit " << status);
    BOOST_TEST(read_bytes(path) == before);
    BOOST_TEST(query_one(path, "PRAGMA journal_mode") == (wal ? "wal" : "delete"));
  }
}

// The same on PostgreSQL (REPEATABLE READ), run by tests/ledger_pg_test.sh
// on a throwaway server.
BOOST_AUTO_TEST_CASE(postgresql_a_read_transaction_reads_one_snapshot,
                     *boost::unit_test::precondition(postgresql_given)) {
  read_transaction_reads_one_snapshot(empty_postgresql);
}

BOOST_AUTO_TEST_CASE(postgresql_a_lookup_reads_one_snapshot_while_a_document_is_replaced,
                     *boost::unit_test::precondition(postgresql_given)) {
  lookups_read_one_snapshot(empty_postgresql);
}

BOOST_AUTO_TEST_CASE(postgresql_lookups_inside_a_batch_read_its_rows_and_leave_it_open,
                     *boost::unit_test::precondition(postgresql_given)) {
  lookups_inside_a_batch(empty_postgresql);
}

BOOST_AUTO_TEST_SUITE_END()
