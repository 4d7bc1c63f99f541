#!/usr/bin/env bash
# Sourced by .ci/run (and by hand: `source .ci/postgres.sh`): installs PostgreSQL from Debian's packages if it is
# missing, starts a throwaway cluster on 127.0.0.1 and exports CIPTEX_TEST_POSTGRES, the connection string the
# Scale tests read. Each test class creates and drops a database of its own on this server.
# Throwaway: trust authentication on loopback only, fsync off, data in a temporary folder owned by postgres.
set -euo pipefail

pg_port=${CIPTEX_TEST_POSTGRES_PORT:-55432}
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_data=${CIPTEX_TEST_POSTGRES_DATA:-/tmp/ciptex-voice-pg-$pg_port}

if ! "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
  rm -rf "$pg_data" && mkdir -p "$pg_data" && chown postgres:postgres "$pg_data"
  runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w start \
    -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
fi
"$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" || { echo "PostgreSQL did not start; see $pg_data/server.log" >&2; exit 1; }

export CIPTEX_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (CIPTEX_TEST_POSTGRES)"
