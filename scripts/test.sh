#!/usr/bin/env bash
# Runs the whole test suite on SQLite, then again on PostgreSQL (pytest --backend postgresql, see
# tests/backend.py) against the server in CIVHARM_TEST_POSTGRES_URL, or, when that is unset and
# PostgreSQL's server binaries are installed (Debian's `postgresql` package), a throwaway cluster
# started here on 127.0.0.1. Both passes always run; the exit status is the first failing one's.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
export CIVHARM_CACHE_DIR=${CIVHARM_CACHE_DIR:-$PWD/.cache/civharm}

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
pg_dir=""
cleanup() {
  if [ -n "$pg_dir" ]; then
    su postgres -c "$pg_bin/pg_ctl -D $pg_dir/data -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT

if [ -n "$pg_bin" ] && [ -z "${CIVHARM_TEST_POSTGRES_URL:-}" ] && id postgres >/dev/null 2>&1; then
  pg_dir=$(mktemp -d /tmp/civharm-pg.XXXXXX)
  chown postgres "$pg_dir"
  port=${CIVHARM_TEST_PG_PORT:-54329}
  su postgres -c "$pg_bin/initdb -D $pg_dir/data -A trust -U postgres" >/dev/null
  su postgres -c "$pg_bin/pg_ctl -D $pg_dir/data -l $pg_dir/log -w -o \"-k $pg_dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null
  export CIVHARM_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL test cluster on 127.0.0.1:$port"
elif [ -z "${CIVHARM_TEST_POSTGRES_URL:-}" ]; then
  echo "PostgreSQL server not installed: the suite runs on SQLite only (apt-get install postgresql to add it)"
fi

status=0
echo "== the test suite on SQLite"
"$VENV/bin/python" -m pytest -n "${PYTEST_WORKERS:-2}" --backend sqlite "$@" || status=$?
if [ -n "${CIVHARM_TEST_POSTGRES_URL:-}" ]; then
  echo "== the test suite on PostgreSQL"
  "$VENV/bin/python" -m pytest -n "${PYTEST_WORKERS:-2}" --backend postgresql "$@" || { rc=$?; [ "$status" -ne 0 ] || status=$rc; }
fi
exit "$status"
