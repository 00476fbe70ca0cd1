// The two databases a ledger lives in, behind one small interface, so that
// store.cpp holds the ledger's SQL once: SQLite (sqlite_connection.cpp) and
// PostgreSQL through libpq (postgres_connection.cpp). Statements are
// prepared, with parameters $1, $2 … (PostgreSQL's own form; SQLite reads
// them as ?1, ?2 …) — values are never written into SQL text.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "kanwu/ledger/store.h"

namespace kanwu::ledger {

class SqlStatement {
 public:
  virtual ~SqlStatement() = default;
  // Parameters are 1-based, as in the SQL text.
  virtual void bind(int index, std::int64_t value) = 0;
  virtual void bind(int index, double value) = 0;
  virtual void bind(int index, std::string_view text) = 0;
  virtual void bind_blob(int index, std::string_view bytes) = 0;
  virtual void bind_null(int index) = 0;
  // Runs the statement on the first call; then true while there is a row.
  virtual bool next() = 0;
  // Columns of the current row, 0-based.
  virtual bool is_null(int column) = 0;
  virtual std::int64_t integer(int column) = 0;
  virtual double real(int column) = 0;
  virtual std::string text(int column) = 0;
  virtual std::string blob(int column) = 0;
  // Ready to run again with new values (bindings cleared).
  virtual void reset() = 0;

  // Binds a string, or NULL when it is empty.
  void bind_optional(int index, std::string_view text) {
    if (text.empty()) bind_null(index);
    else bind(index, text);
  }
  // Runs a statement that returns no rows (or whose rows are not needed).
  void run() {
    while (next()) {
    }
  }
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual std::unique_ptr<SqlStatement> prepare(std::string_view sql) = 0;
  // Runs SQL without parameters (schema scripts, several statements).
  virtual void execute(std::string_view sql) = 0;
  // Starts a transaction that will write: SQLite takes the write lock now
  // (BEGIN IMMEDIATE, waiting up to the busy timeout) rather than failing
  // at its first write when another writer got there first.
  virtual void begin_write() = 0;
  // Starts a transaction that only reads: its statements all read one
  // snapshot, so a lookup of several statements never mixes rows from
  // before and after another connection's commit. False, starting nothing,
  // when a transaction is already open (a batch): the reads are part of it.
  virtual bool begin_read() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;

  // Called once the database is known to be a ledger (or empty): settings
  // that write to it (SQLite's WAL journal), never applied to another
  // application's file.
  virtual void configure_for_writes() = 0;
  virtual std::string_view backend() const = 0;  // "sqlite", "postgresql"
  virtual bool has_table(std::string_view table) = 0;
  // SQLite: tables of another application make a file "not a ledger".
  virtual bool has_foreign_tables() = 0;
  // Serialises schema migrations among concurrent openers, inside the
  // write transaction (PostgreSQL: an advisory lock; SQLite's write lock
  // already does).
  virtual void lock_schema() = 0;
  // The DDL for this database: {id} an auto-numbered primary key, {blob} a
  // byte string, {without_rowid} SQLite's clustered-table option.
  virtual std::string dialect(std::string_view ddl) const = 0;
  // " FOR UPDATE" where the database locks rows read in a transaction.
  virtual std::string_view for_update() const = 0;
  virtual std::uint64_t storage_bytes() = 0;

  // Inside a batch (Ledger::begin_batch) each write transaction is a
  // savepoint of the batch's transaction.
  bool batch_open = false;
};

std::unique_ptr<SqlConnection> open_sqlite(const std::string& path, bool create, const std::string& name);
std::unique_ptr<SqlConnection> open_postgresql(const std::string& url, const std::string& name);

// A write transaction rolled back unless committed (also when an exception
// leaves the scope).
// Inside a batch it is a savepoint: rolled back alone, committed with the
// batch.
class WriteTransaction {
 public:
  explicit WriteTransaction(SqlConnection& db) : db_(db), nested_(db.batch_open) {
    if (nested_) db_.execute("SAVEPOINT kanwu_write");
    else db_.begin_write();
  }
  ~WriteTransaction() {
    if (done_) return;
    if (!nested_) {
      db_.rollback();
      return;
    }
    try {
      db_.execute("ROLLBACK TO SAVEPOINT kanwu_write");
      db_.execute("RELEASE SAVEPOINT kanwu_write");
    } catch (...) {
      // The connection failed: the batch's commit says so.
    }
  }
  void commit() {
    if (nested_) db_.execute("RELEASE SAVEPOINT kanwu_write");
    else db_.commit();
    done_ = true;
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

 private:
  SqlConnection& db_;
  const bool nested_;
  bool done_ = false;
};

// The read transaction of one lookup (SqlConnection::begin_read), rolled
// back unless committed (also when an exception leaves the scope). Inside a
// transaction already open it does nothing: that one ends it.
class ReadTransaction {
 public:
  explicit ReadTransaction(SqlConnection& db) : db_(db), own_(db.begin_read()) {}
  ~ReadTransaction() {
    if (own_) db_.rollback();
  }
  void commit() {
    if (own_) db_.commit();
    own_ = false;
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  SqlConnection& db_;
  bool own_;
};

}  // namespace kanwu::ledger
