#!/usr/bin/env bash
# `kanwu ledger` against a real PostgreSQL server: a throwaway cluster made
# here (initdb into a temporary folder, listening on a Unix socket in it and
# on 127.0.0.1 at a free port), the scenarios every backend passes
# (ledger_scenarios.sh) on its postgresql:// URL, then what only a server
# can do wrong: a wrong password, a server that is down. The cluster is
# stopped and removed on every exit path.
#
# PostgreSQL refuses to run as root: as root (CI's .ci/run), the server runs
# as the `postgres` user (Debian's postgresql package makes it) with
# runuser; kanwu itself runs as the caller.
#
# With path/to/kanwu_tests as a second argument, the unit cases
# ledger/postgresql_* (a lookup reading one snapshot while a document is
# replaced) run on a database of their own.
#
# Usage: ledger_pg_test.sh path/to/kanwu [path/to/kanwu_tests] (run from the source root). Exits
# 77 (skipped) when PostgreSQL's server is not installed, unless CI or
# KANWU_REQUIRE_POSTGRES is set (ci/deps.sh --test installs it).
set -u
KANWU="$(realpath "$1")"
UNIT_TESTS="${2:+$(realpath "$2")}"
source "$(dirname "${BASH_SOURCE[0]}")/expect.sh"
source "$(dirname "${BASH_SOURCE[0]}")/ledger_scenarios.sh"

PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  if [ -n "${CI:-}${KANWU_REQUIRE_POSTGRES:-}" ]; then
    echo "FAIL: PostgreSQL's server is not installed (ci/deps.sh --test installs postgresql)"
    exit 1
  fi
  echo "skipped: PostgreSQL's server is not installed"
  exit 77
fi

TMP="$(mktemp -d)"
DATA="$TMP/pg/data"
SOCKET="$TMP/pg"
as_server() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  id postgres > /dev/null 2>&1 || { echo "FAIL: running as root needs the postgres user to run the server"; exit 1; }
  as_server() { runuser -u postgres -- "$@"; }
fi
cleanup() {
  if [ -f "$DATA/postmaster.pid" ]; then
    as_server "$PGBIN/pg_ctl" -D "$DATA" -m immediate -w stop > /dev/null 2>&1
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

mkdir -p "$SOCKET"
chmod 755 "$TMP"
[ "$(id -u)" -eq 0 ] && chown postgres: "$SOCKET"
# A free port for the TCP listener (the wrong-password test needs one).
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
start=$(date +%s.%N)
# Local (socket) connections are trusted; TCP ones need the password.
if ! as_server "$PGBIN/initdb" -D "$DATA" -U kanwu --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --no-locale > "$TMP/initdb.log" 2>&1; then
  echo "FAIL: initdb"; cat "$TMP/initdb.log"; exit 1
fi
if ! as_server "$PGBIN/pg_ctl" -D "$DATA" -l "$SOCKET/server.log" -w -t 60 \
    -o "-k $SOCKET -p $PORT -c listen_addresses=127.0.0.1 -c fsync=off" start > /dev/null; then
  echo "FAIL: the server did not start"; cat "$SOCKET/server.log"; exit 1
fi
as_server "$PGBIN/createdb" -h "$SOCKET" -p "$PORT" -U kanwu newsroom
as_server "$PGBIN/psql" -q -h "$SOCKET" -p "$PORT" -U kanwu -d newsroom -c "ALTER ROLE kanwu PASSWORD 'right-password'"
echo "cluster up in $(python3 -c "print(round($(date +%s.%N) - $start, 2))") s (port $PORT)"
URL="postgresql://kanwu@/newsroom?host=$SOCKET&port=$PORT"
psql_run() { as_server "$PGBIN/psql" -qAt -h "$SOCKET" -p "$PORT" -U kanwu -d newsroom -c "$1"; }

expect "pg: reading an empty database does not make a ledger" 2 'not a kanwu ledger yet' -- "$KANWU" ledger list --ledger "$URL"
mkdir -p "$TMP/work"
ledger_scenarios "$KANWU" "$URL" "$TMP/work"
ledger_check_scenarios "$KANWU" "$URL" "$TMP/work"

expect "pg: the schema version" 0 '^4$' -- psql_run "SELECT max(version) FROM ledger_schema"
expect "pg: figures are found by their index" 0 'Index' -- psql_run "SET enable_seqscan = off; EXPLAIN SELECT * FROM ledger_figures WHERE group_hash = 1"
expect "pg: documents waiting to be added again are counted by their index" 0 'Index' -- psql_run "SET enable_seqscan = off; EXPLAIN SELECT count(*) FROM ledger_documents WHERE reader = ''"
if [ -n "$UNIT_TESTS" ]; then
  as_server "$PGBIN/createdb" -h "$SOCKET" -p "$PORT" -U kanwu snapshot
  expect "pg: lookups read one snapshot (unit cases ledger/postgresql_*)" 0 '  3 test cases out of [0-9]+ passed' -- \
    env KANWU_TEST_POSTGRESQL="postgresql://kanwu@/snapshot?host=$SOCKET&port=$PORT" \
    "$UNIT_TESTS" --run_test='ledger/postgresql_*' --report_level=short --color_output=false
fi
psql_run "INSERT INTO ledger_schema VALUES (99, 'later')"
expect "pg: a ledger of a newer schema" 2 'schema version 99, newer than this kanwu' -- "$KANWU" ledger list --ledger "$URL"
psql_run "DELETE FROM ledger_schema WHERE version = 99"
expect "pg: a wrong password (and it is not printed)" 2 'postgresql://kanwu:\*\*\*@127.0.0.1.*password authentication failed' -- "$KANWU" ledger list --ledger "postgresql://kanwu:wrong-password@127.0.0.1:$PORT/newsroom"
expect "pg: the right password over TCP" 0 'documents' -- "$KANWU" ledger list --ledger "postgresql://kanwu:right-password@127.0.0.1:$PORT/newsroom"
expect "pg: no such database" 2 'cannot connect to the ledger.s server.*does not exist' -- "$KANWU" ledger list --ledger "postgresql://kanwu@/nosuchdb?host=$SOCKET&port=$PORT"
"$KANWU" ledger list --ledger "$URL" --format json > "$TMP/before.json"
as_server "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop > /dev/null
expect "pg: check --ledger with the server down" 2 'cannot connect to the ledger.s server' -- "$KANWU" check --ledger "$URL" "$TMP/work/check/draft.txt"
expect "pg: a server that is down" 2 'cannot connect to the ledger.s server' -- "$KANWU" ledger add --ledger "$URL" "$TMP/work/archive"
as_server "$PGBIN/pg_ctl" -D "$DATA" -l "$SOCKET/server.log" -w -t 60 \
  -o "-k $SOCKET -p $PORT -c listen_addresses=127.0.0.1 -c fsync=off" start > /dev/null
"$KANWU" ledger list --ledger "$URL" --format json > "$TMP/after.json"
expect "pg: ... and the ledger is as it was" 0 '' -- cmp "$TMP/before.json" "$TMP/after.json"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
