// A ledger in an SQLite file: WAL journal (readers never wait for the
// writer), a busy timeout (a second writer waits for the first rather than
// failing), BEGIN IMMEDIATE for every write transaction, a deferred BEGIN
// for a lookup's reads.
#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <thread>
#include <chrono>

#include "kanwu/ledger/runtime_libs.h"
#include "kanwu/ledger/sql.h"

namespace kanwu::ledger {

namespace {

// How long a writer waits for another one before giving up. Adding one
// document takes milliseconds; a minute covers a whole batch of them
// committed one by one by another process.
constexpr int kBusyTimeoutMs = 60000;

const LibSqlite3& api() {
  const char* problem = nullptr;
  const LibSqlite3* lib = libsqlite3(problem);
  if (!lib) throw LedgerError(fmt::format("SQLite is not available: {}", problem));
  return *lib;
}

// $1 → ?1: SQLite's numbered parameters, the same numbers.
std::string numbered_parameters(std::string_view sql) {
  std::string out(sql);
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    if (out[i] == '$' && out[i + 1] >= '0' && out[i + 1] <= '9') out[i] = '?';
  return out;
}

class SqliteConnection;

class SqliteStatement : public SqlStatement {
 public:
  SqliteStatement(SqliteConnection& db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { api().sqlite3_finalize(stmt_); }
  void bind(int index, std::int64_t value) override { check(api().sqlite3_bind_int64(stmt_, index, value)); }
  void bind(int index, double value) override { check(api().sqlite3_bind_double(stmt_, index, value)); }
  void bind(int index, std::string_view text) override {
    check(api().sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
  }
  void bind_blob(int index, std::string_view bytes) override {
    check(api().sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT));
  }
  void bind_null(int index) override { check(api().sqlite3_bind_null(stmt_, index)); }
  bool next() override;
  bool is_null(int column) override { return api().sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::int64_t integer(int column) override { return api().sqlite3_column_int64(stmt_, column); }
  double real(int column) override { return api().sqlite3_column_double(stmt_, column); }
  std::string text(int column) override {
    const auto* p = api().sqlite3_column_text(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p), api().sqlite3_column_bytes(stmt_, column)) : std::string();
  }
  std::string blob(int column) override {
    const void* p = api().sqlite3_column_blob(stmt_, column);
    return p ? std::string(static_cast<const char*>(p), api().sqlite3_column_bytes(stmt_, column)) : std::string();
  }
  void reset() override {
    api().sqlite3_reset(stmt_);
    api().sqlite3_clear_bindings(stmt_);
  }

 private:
  void check(int rc);
  SqliteConnection& db_;
  sqlite3_stmt* stmt_;
};

class SqliteConnection : public SqlConnection {
 public:
  SqliteConnection(sqlite3* db, std::string name) : db_(db), name_(std::move(name)) {}
  ~SqliteConnection() override { api().sqlite3_close_v2(db_); }

  // What went wrong, in words an editor can act on, naming the ledger.
  [[noreturn]] void fail(int rc, std::string_view doing) {
    const int primary = rc & 0xff;
    std::string why = api().sqlite3_errmsg(db_);
    if (primary == SQLITE_NOTADB)
      throw LedgerError(fmt::format("{}: not a kanwu ledger: the file is not an SQLite database ({})", name_, why));
    if (primary == SQLITE_CORRUPT)
      throw LedgerError(fmt::format("{}: the ledger is damaged ({}); restore it from a backup", name_, why));
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
      throw LedgerError(fmt::format("{}: the ledger stayed locked by another writer for {} s ({})", name_,
                                    kBusyTimeoutMs / 1000, why));
    if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM)
      throw LedgerError(fmt::format("{}: cannot write the ledger ({})", name_, why));
    throw LedgerError(fmt::format("{}: {} failed: {}", name_, doing, why));
  }

  std::unique_ptr<SqlStatement> prepare(std::string_view sql) override {
    const std::string text = numbered_parameters(sql);
    sqlite3_stmt* stmt = nullptr;
    const int rc = api().sqlite3_prepare_v2(db_, text.c_str(), static_cast<int>(text.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
      api().sqlite3_finalize(stmt);
      fail(rc, "preparing a query");
    }
    return std::make_unique<SqliteStatement>(*this, stmt);
  }
  void execute(std::string_view sql) override {
    char* message = nullptr;
    const std::string text(sql);
    const int rc = api().sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    api().sqlite3_free(message);  // sqlite3_errmsg says the same
    if (rc != SQLITE_OK) fail(rc, "a query");
  }
  void begin_write() override { execute("BEGIN IMMEDIATE"); }
  // Deferred: it writes nothing (a read-only file reads as before) and the
  // first read's snapshot (WAL; another journal: its shared lock, which a
  // writer's commit waits for) holds until the end.
  bool begin_read() override {
    if (!api().sqlite3_get_autocommit(db_)) return false;
    execute("BEGIN");
    return true;
  }
  void commit() override { execute("COMMIT"); }
  void rollback() noexcept override {
    char* message = nullptr;
    api().sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, &message);
    api().sqlite3_free(message);
  }
  std::string_view backend() const override { return "sqlite"; }
  bool has_table(std::string_view table) override {
    auto q = prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $1");
    q->bind(1, table);
    return q->next() && q->integer(0) > 0;
  }
  bool has_foreign_tables() override {
    auto q = prepare(
        "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'ledger\\_%' ESCAPE '\\' "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    return q->next() && q->integer(0) > 0;
  }
  void lock_schema() override {}  // BEGIN IMMEDIATE holds the only write lock
  std::string dialect(std::string_view ddl) const override {
    std::string out(ddl);
    const auto replace = [&](std::string_view from, std::string_view to) {
      for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size()))
        out.replace(at, from.size(), to);
    };
    replace("{id}", "INTEGER PRIMARY KEY");
    replace("{blob}", "BLOB");
    replace("{without_rowid}", " WITHOUT ROWID");
    return out;
  }
  std::string_view for_update() const override { return ""; }
  std::uint64_t storage_bytes() override {
    auto q = prepare("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
    return q->next() ? static_cast<std::uint64_t>(q->integer(0)) : 0;
  }

  // Reads the file's header (an error for anything that is not an SQLite
  // database, before anything is written to it).
  void verify_readable() {
    auto q = prepare("SELECT count(*) FROM sqlite_master");
    q->run();
  }
  // Settings that write to the file: only once it is known to be a ledger
  // (or empty), so another application's database is never touched.
  void configure_for_writes() override {
    // A file this process may only read (a check of a shared archive):
    // nothing will be written through this connection, and switching its
    // journal would fail.
    if (api().sqlite3_db_readonly(db_, "main") == 1) return;
    // Switching to WAL needs the file to itself for a moment, and SQLite
    // answers SQLITE_BUSY at once (the busy handler is not asked) while
    // another kanwu creating the same new ledger holds it: wait and retry.
    for (int attempt = 0;; ++attempt) {
      const int rc = api().sqlite3_exec(db_, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
      if (rc == SQLITE_OK) break;
      const int primary = rc & 0xff;
      if ((primary != SQLITE_BUSY && primary != SQLITE_LOCKED) || attempt * 10 >= kBusyTimeoutMs) fail(rc, "switching to WAL");
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    // In WAL mode, NORMAL keeps every commit atomic and the file
    // consistent; a power cut may lose the last commits, not the ledger.
    execute("PRAGMA synchronous = NORMAL");
  }

 private:
  sqlite3* db_;
  std::string name_;
};

bool SqliteStatement::next() {
  const int rc = api().sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail(rc, "a query");
}

void SqliteStatement::check(int rc) {
  if (rc != SQLITE_OK) db_.fail(rc, "binding a value");
}

}  // namespace

std::unique_ptr<SqlConnection> open_sqlite(const std::string& path, bool create, const std::string& name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (fs::exists(status)) {
    if (fs::is_directory(status)) throw LedgerError(fmt::format("{}: is a folder, not a ledger file", name));
  } else if (!create) {
    throw LedgerError(fmt::format("{}: no such ledger (`kanwu ledger add --ledger {}` creates it)", name, name));
  } else {
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty() && !fs::is_directory(parent, ec))
      throw LedgerError(fmt::format("{}: cannot create the ledger: no folder {}", name, parent.string()));
  }
  const LibSqlite3& lib = api();
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_FULLMUTEX;
  const int rc = lib.sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string why = db ? lib.sqlite3_errmsg(db) : lib.sqlite3_errstr(rc);
    lib.sqlite3_close_v2(db);
    throw LedgerError(fmt::format("{}: cannot open the ledger ({})", name, why));
  }
  lib.sqlite3_extended_result_codes(db, 1);
  lib.sqlite3_busy_timeout(db, kBusyTimeoutMs);
  auto connection = std::make_unique<SqliteConnection>(db, name);
  connection->verify_readable();
  connection->execute("PRAGMA foreign_keys = ON");
  // Band keys and figure groups are random keys: each insert touches
  // another index page, and with SQLite's default 2 MB page cache a writer
  // spilled and re-read the same pages (2 million page writes to add 18 MB
  // of text). 64 MB holds the hot index pages of a large archive.
  connection->execute("PRAGMA cache_size = -65536");
  return connection;
}

}  // namespace kanwu::ledger
