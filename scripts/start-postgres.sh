#!/usr/bin/env bash
# Start (or reuse) a throwaway PostgreSQL server on 127.0.0.1 for the store tests.
#
# Idempotent: installs Debian's `postgresql` if missing (needs root), creates a cluster under
# $CLAIMLEDGER_PG_DIR (default /tmp/claimledger-pg) on port $CLAIMLEDGER_PG_PORT (default 54329),
# starts it unless it is running, creates the test database, then prints the URL as the only line
# on standard output and writes `CLAIMLEDGER_TEST_PG_URL=...` to $CLAIMLEDGER_PG_DIR/url.env.
#
#   CLAIMLEDGER_TEST_PG_URL=$(scripts/start-postgres.sh) .venv/bin/pytest
#   scripts/start-postgres.sh stop     # stop the server (the data directory stays)
set -euo pipefail

PGDIR=${CLAIMLEDGER_PG_DIR:-/tmp/claimledger-pg}
PORT=${CLAIMLEDGER_PG_PORT:-54329}
DBNAME=${CLAIMLEDGER_PG_DB:-claimledger_test}
DATA=$PGDIR/data
log() { echo "start-postgres: $*" >&2; }

pg_bin() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -z $found ]] && command -v pg_ctl >/dev/null; then
        found=$(dirname "$(command -v pg_ctl)")
    fi
    echo "$found"
}

BIN=$(pg_bin)
if [[ -z $BIN ]]; then
    if [[ $(id -u) -ne 0 ]]; then
        log "PostgreSQL is not installed; run as root or: sudo apt-get install -y postgresql"
        exit 1
    fi
    log "installing postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq -o DPkg::Lock::Timeout=300 postgresql >&2
    BIN=$(pg_bin)
fi

# The server refuses to run as root: as root, run it as the `postgres` user Debian creates.
if [[ $(id -u) -eq 0 ]]; then
    OWNER=postgres
    as_owner() { runuser -u postgres -- "$@"; }
else
    OWNER=$(id -un)
    as_owner() { "$@"; }
fi

if [[ ${1:-} == stop ]]; then
    [[ -f $DATA/PG_VERSION ]] && as_owner "$BIN/pg_ctl" -D "$DATA" -m fast stop >&2 || true
    exit 0
fi

mkdir -p "$PGDIR"
chown "$OWNER" "$PGDIR"
if [[ ! -f $DATA/PG_VERSION ]]; then
    log "creating cluster in $DATA"
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$PGDIR/initdb.log" 2>&1 || { cat "$PGDIR/initdb.log" >&2; exit 1; }
fi
if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    log "starting on 127.0.0.1:$PORT"
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$PGDIR/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off -c max_connections=200" >&2
fi

psql() { as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [[ -z $(psql -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'") ]]; then
    psql -d postgres -c "CREATE DATABASE $DBNAME" >&2
fi

URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/$DBNAME"
echo "CLAIMLEDGER_TEST_PG_URL=$URL" >"$PGDIR/url.env"
echo "$URL"
