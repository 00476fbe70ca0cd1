// SQLite and libpq, opened the first time a ledger is opened instead of
// linked into kanwu (as libzip is, see kanwu/doc/libzip.h): Debian's libpq
// brings OpenSSL, Kerberos and LDAP, and loading them cost every start of
// `kanwu check` about 4 ms (measured: an empty program 2.2 ms, 6.7 ms linked
// with libpq and libsqlite3), while few runs open a ledger.
#pragma once

#include <libpq-fe.h>
#include <sqlite3.h>

namespace kanwu::ledger {

// The SQLite functions the ledger calls, by their own names and types.
#define KANWU_SQLITE_FUNCTIONS(X)                                                                         \
  X(sqlite3_open_v2) X(sqlite3_close_v2) X(sqlite3_errmsg) X(sqlite3_errstr) X(sqlite3_extended_errcode)  \
  X(sqlite3_busy_timeout) X(sqlite3_exec) X(sqlite3_free) X(sqlite3_prepare_v2) X(sqlite3_finalize)       \
  X(sqlite3_reset) X(sqlite3_clear_bindings) X(sqlite3_step) X(sqlite3_bind_int64) X(sqlite3_bind_double) \
  X(sqlite3_bind_text) X(sqlite3_bind_blob) X(sqlite3_bind_null) X(sqlite3_column_type)                   \
  X(sqlite3_column_int64) X(sqlite3_column_double) X(sqlite3_column_text) X(sqlite3_column_blob)          \
  X(sqlite3_column_bytes) X(sqlite3_extended_result_codes) X(sqlite3_get_autocommit) X(sqlite3_db_readonly)

// The libpq functions the ledger calls.
#define KANWU_LIBPQ_FUNCTIONS(X)                                                                     \
  X(PQconnectdb) X(PQstatus) X(PQerrorMessage) X(PQfinish) X(PQexec) X(PQprepare) X(PQexecPrepared) \
  X(PQresultStatus) X(PQresultErrorMessage) X(PQresultErrorField) X(PQclear) X(PQntuples)            \
  X(PQgetvalue) X(PQgetlength) X(PQgetisnull) X(PQunescapeBytea) X(PQfreemem) X(PQsetNoticeProcessor) \
  X(PQtransactionStatus)

struct LibSqlite3 {
#define KANWU_LEDGER_POINTER(name) decltype(&::name) name = nullptr;
  KANWU_SQLITE_FUNCTIONS(KANWU_LEDGER_POINTER)
};

struct LibPq {
  KANWU_LIBPQ_FUNCTIONS(KANWU_LEDGER_POINTER)
#undef KANWU_LEDGER_POINTER
};

// Each library, loaded once per process (thread-safe); nullptr when it
// cannot be loaded, with `problem` saying why (its name, dlerror() and the
// Debian package to install).
const LibSqlite3* libsqlite3(const char*& problem);
const LibPq* libpq(const char*& problem);

}  // namespace kanwu::ledger
