// A ledger in a PostgreSQL database, through libpq: named prepared
// statements, values sent as parameters (text, byte strings in binary),
// results read as text.
#include <fmt/format.h>

#include <charconv>
#include <map>
#include <cstdlib>
#include <optional>
#include <vector>

#include "kanwu/ledger/runtime_libs.h"
#include "kanwu/ledger/sql.h"

namespace kanwu::ledger {

namespace {

const LibPq& api() {
  const char* problem = nullptr;
  const LibPq* lib = libpq(problem);
  if (!lib) throw LedgerError(fmt::format("PostgreSQL's client library is not available: {}", problem));
  return *lib;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

class PostgresConnection;

class PostgresStatement : public SqlStatement {
 public:
  PostgresStatement(PostgresConnection& db, std::string name) : db_(db), name_(std::move(name)) {}
  ~PostgresStatement() override { clear_result(); }
  void bind(int index, std::int64_t value) override { set(index, std::to_string(value), false); }
  void bind(int index, double value) override { set(index, fmt::format("{}", value), false); }
  void bind(int index, std::string_view text) override { set(index, std::string(text), false); }
  void bind_blob(int index, std::string_view bytes) override { set(index, std::string(bytes), true); }
  void bind_null(int index) override {
    slot(index) = std::nullopt;
    binary_[index - 1] = 0;
  }
  bool next() override;
  bool is_null(int column) override { return api().PQgetisnull(result_, row_, column) != 0; }
  std::int64_t integer(int column) override {
    const std::string_view v = value(column);
    std::int64_t out = 0;
    std::from_chars(v.data(), v.data() + v.size(), out);
    return out;
  }
  double real(int column) override {
    const std::string v(value(column));
    return v.empty() ? 0 : std::strtod(v.c_str(), nullptr);
  }
  std::string text(int column) override { return std::string(value(column)); }
  std::string blob(int column) override {
    // Byte strings come back in bytea's text form (\x…); libpq decodes it.
    std::size_t length = 0;
    unsigned char* bytes =
        api().PQunescapeBytea(reinterpret_cast<const unsigned char*>(api().PQgetvalue(result_, row_, column)), &length);
    if (!bytes) return {};
    std::string out(reinterpret_cast<const char*>(bytes), length);
    api().PQfreemem(bytes);
    return out;
  }
  void reset() override {
    clear_result();
    values_.clear();
    binary_.clear();
    started_ = false;
  }

 private:
  std::optional<std::string>& slot(int index) {
    if (static_cast<std::size_t>(index) > values_.size()) {
      values_.resize(index);
      binary_.resize(index, 0);
    }
    return values_[index - 1];
  }
  void set(int index, std::string value, bool binary) {
    slot(index) = std::move(value);
    binary_[index - 1] = binary ? 1 : 0;
  }
  std::string_view value(int column) {
    return {api().PQgetvalue(result_, row_, column), static_cast<std::size_t>(api().PQgetlength(result_, row_, column))};
  }
  void clear_result() {
    if (result_) api().PQclear(result_);
    result_ = nullptr;
  }

  PostgresConnection& db_;
  std::string name_;
  std::vector<std::optional<std::string>> values_;
  std::vector<int> binary_;
  PGresult* result_ = nullptr;
  int row_ = -1;
  bool started_ = false;
};

class PostgresConnection : public SqlConnection {
 public:
  PostgresConnection(PGconn* conn, std::string name) : conn_(conn), name_(std::move(name)) {}
  ~PostgresConnection() override { api().PQfinish(conn_); }

  PGconn* conn() { return conn_; }
  [[noreturn]] void fail(const PGresult* result, std::string_view doing) {
    std::string why = trimmed(result ? api().PQresultErrorMessage(result) : api().PQerrorMessage(conn_));
    if (why.empty()) why = trimmed(api().PQerrorMessage(conn_));
    if (api().PQstatus(conn_) != CONNECTION_OK)
      throw LedgerError(fmt::format("{}: lost the connection to the server ({})", name_, why));
    throw LedgerError(fmt::format("{}: {} failed: {}", name_, doing, why));
  }
  // Throws unless `result` says the command worked; frees it then.
  void check(PGresult* result, std::string_view doing) {
    const auto status = result ? api().PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    const std::string why = trimmed(result ? api().PQresultErrorMessage(result) : api().PQerrorMessage(conn_));
    if (result) api().PQclear(result);
    if (api().PQstatus(conn_) != CONNECTION_OK)
      throw LedgerError(fmt::format("{}: lost the connection to the server ({})", name_, why));
    throw LedgerError(fmt::format("{}: {} failed: {}", name_, doing, why));
  }

  // Each SQL text is prepared once per session and reused: prepared
  // statements live as long as the session (a rollback keeps them), so
  // preparing anew for every document would pile them up on the server.
  std::unique_ptr<SqlStatement> prepare(std::string_view sql) override {
    const std::string text(sql);
    if (const auto it = prepared_.find(text); it != prepared_.end())
      return std::make_unique<PostgresStatement>(*this, it->second);
    std::string name = fmt::format("kanwu_{}", prepared_.size() + 1);
    PGresult* result = api().PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
    check(result, "preparing a query");
    api().PQclear(result);
    prepared_.emplace(text, name);
    return std::make_unique<PostgresStatement>(*this, std::move(name));
  }
  void execute(std::string_view sql) override {
    PGresult* result = api().PQexec(conn_, std::string(sql).c_str());
    check(result, "a query");
    api().PQclear(result);
  }
  void configure_for_writes() override {}
  void begin_write() override { execute("BEGIN"); }
  // One snapshot for all its statements (READ COMMITTED, the default,
  // takes one per statement); read only, it never fails to serialise.
  bool begin_read() override {
    if (api().PQtransactionStatus(conn_) != PQTRANS_IDLE) return false;
    execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    return true;
  }
  void commit() override { execute("COMMIT"); }
  void rollback() noexcept override {
    if (api().PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
    if (PGresult* result = api().PQexec(conn_, "ROLLBACK")) api().PQclear(result);
  }
  std::string_view backend() const override { return "postgresql"; }
  bool has_table(std::string_view table) override {
    auto q = prepare(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1");
    q->bind(1, table);
    return q->next() && q->integer(0) > 0;
  }
  // A PostgreSQL database is shared: other applications' tables are no
  // reason to refuse it.
  bool has_foreign_tables() override { return false; }
  void lock_schema() override {
    // One number for kanwu's ledger schema (the bytes of "kanwu"): a second
    // kanwu migrating at the same time waits, then finds the work done.
    execute("SELECT pg_advisory_xact_lock(461195949941)");
  }
  std::string dialect(std::string_view ddl) const override {
    std::string out(ddl);
    const auto replace = [&](std::string_view from, std::string_view to) {
      for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size()))
        out.replace(at, from.size(), to);
    };
    replace("{id}", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
    replace("{blob}", "BYTEA");
    replace("{without_rowid}", "");
    return out;
  }
  std::string_view for_update() const override { return " FOR UPDATE"; }
  std::uint64_t storage_bytes() override {
    auto q = prepare(
        "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname LIKE 'ledger\\_%'");
    return q->next() ? static_cast<std::uint64_t>(q->integer(0)) : 0;
  }

 private:
  PGconn* conn_;
  std::string name_;
  std::map<std::string, std::string> prepared_;  // SQL → statement name
};

bool PostgresStatement::next() {
  if (!started_) {
    started_ = true;
    std::vector<const char*> values(values_.size());
    std::vector<int> lengths(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i) {
      values[i] = values_[i] ? values_[i]->data() : nullptr;
      lengths[i] = values_[i] ? static_cast<int>(values_[i]->size()) : 0;
    }
    result_ = api().PQexecPrepared(db_.conn(), name_.c_str(), static_cast<int>(values.size()), values.data(),
                                   lengths.data(), binary_.data(), 0);
    const auto status = result_ ? api().PQresultStatus(result_) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      PGresult* failed = result_;
      result_ = nullptr;
      db_.check(failed, "a query");
    }
    row_ = -1;
  }
  if (!result_) return false;
  return ++row_ < api().PQntuples(result_);
}

void ignore_notice(void*, const char*) {}

}  // namespace

std::unique_ptr<SqlConnection> open_postgresql(const std::string& url, const std::string& name) {
  const LibPq& lib = api();
  PGconn* conn = lib.PQconnectdb(url.c_str());
  if (!conn) throw LedgerError(fmt::format("{}: cannot connect (out of memory)", name));
  if (lib.PQstatus(conn) != CONNECTION_OK) {
    const std::string why = trimmed(lib.PQerrorMessage(conn));
    lib.PQfinish(conn);
    throw LedgerError(fmt::format("{}: cannot connect to the ledger's server: {}", name, why));
  }
  // NOTICEs (a table that already exists …) are not the editor's business.
  lib.PQsetNoticeProcessor(conn, &ignore_notice, nullptr);
  auto connection = std::make_unique<PostgresConnection>(conn, name);
  // Statements leave nothing to chance in the session: UTF-8 text, and
  // doubles printed exactly.
  connection->execute("SET client_encoding = 'UTF8'; SET extra_float_digits = 3");
  return connection;
}

}  // namespace kanwu::ledger
