#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL for test/store.postgres.test.ts,
# creates a login role with CREATEDB (the tests make a throw-away database per
# run, and the migration check replays history in a shadow database) and a
# database, then prints ONE line on stdout:
#
#   export TEST_DATABASE_URL=postgresql://ipzone:ipzone@127.0.0.1:5432/ipzone_test
#
# Everything else goes to stderr, so callers use:   eval "$(.ci/postgres.sh)"
# Idempotent: safe to run again on a machine where the cluster already runs.
# Debian 12 ships PostgreSQL 15; any installed major version is used.
set -euo pipefail

PG_ROLE="${PG_ROLE:-ipzone}"
PG_PASSWORD="${PG_PASSWORD:-ipzone}"
PG_DATABASE="${PG_DATABASE:-ipzone_test}"

log() { echo "[postgres.sh] $*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  log "installing postgresql from apt"
  bash "$(dirname "$0")/apt.sh" --no-install-recommends postgresql
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
cluster_field() { pg_lsclusters -h | awk -v v="$VERSION" -v f="$1" '$1 == v && $2 == "main" { print $f }'; }

if [ -z "$(cluster_field 1)" ]; then
  log "creating cluster $VERSION/main"
  $SUDO pg_createcluster "$VERSION" main >&2
fi
if [ "$(cluster_field 4)" != "online" ]; then
  log "starting cluster $VERSION/main"
  $SUDO pg_ctlcluster "$VERSION" main start >&2
fi
PORT="$(cluster_field 3)"

for _ in $(seq 1 30); do
  if pg_isready -q -h 127.0.0.1 -p "$PORT"; then break; fi
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$PORT" >&2 || { log "PostgreSQL did not become ready on port $PORT"; exit 1; }

as_postgres() { $SUDO runuser -u postgres -- "$@"; }
psql_admin() { as_postgres psql -v ON_ERROR_STOP=1 -X -q -p "$PORT" "$@"; }

# The role and password are test-only values; quote_literal/quote_ident keep
# overridden values safe inside the DO block.
psql_admin -v role="$PG_ROLE" -v pw="$PG_PASSWORD" >&2 <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'pw')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'pw') \gexec
SQL
psql_admin -v role="$PG_ROLE" -v db="$PG_DATABASE" >&2 <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL

URL="postgresql://${PG_ROLE}:${PG_PASSWORD}@127.0.0.1:${PORT}/${PG_DATABASE}"
log "PostgreSQL $VERSION ready on port $PORT (database $PG_DATABASE, role $PG_ROLE)"
echo "export TEST_DATABASE_URL=${URL}"
