#!/usr/bin/env bash
# Sourced by .ci/run (and by hand: `source .ci/postgres.sh`): installs PostgreSQL from Debian's packages if it is
# missing, starts a throwaway cluster on 127.0.0.1 and exports CIPTEX_TEST_POSTGRES, the connection string the
# Scale tests read. Each test creates and drops a database of its own on this server.
# Throwaway: trust authentication on loopback only, fsync off, data in a temporary folder owned by postgres.
# The work runs in a subshell, so sourcing this changes nothing in the caller's shell but the one variable.

CIPTEX_TEST_POSTGRES_PORT=${CIPTEX_TEST_POSTGRES_PORT:-55432}

ciptex_start_test_postgres() (
  set -euo pipefail
  port=$CIPTEX_TEST_POSTGRES_PORT
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
  data=${CIPTEX_TEST_POSTGRES_DATA:-/tmp/ciptex-voice-pg-$port}
  if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    rm -rf "$data" && mkdir -p "$data" && chown postgres:postgres "$data"
    runuser -u postgres -- "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w start \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
  fi
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" || { echo "PostgreSQL did not start; see $data/server.log" >&2; exit 1; }
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (CIPTEX_TEST_POSTGRES)"
)

if ciptex_start_test_postgres; then
  export CIPTEX_TEST_POSTGRES="Host=127.0.0.1;Port=$CIPTEX_TEST_POSTGRES_PORT;Username=postgres;Database=postgres"
else
  echo "No test PostgreSQL: the Scale tests will fail." >&2
  return 1 2>/dev/null || exit 1
fi
