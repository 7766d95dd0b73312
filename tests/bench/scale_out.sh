#!/usr/bin/env bash
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# Scale-out run on this machine (not part of the test run):
#
#     tests/bench/scale_out.sh
#
# 1. two private PostgreSQL clusters in .local/scale-out (ignored by git): a
#    primary (initdb) and a streaming replica of it (pg_basebackup -R, hot
#    standby);
# 2. the demo database on the primary (both addons, demo data; or a copy of
#    an existing demo database with SOURCE_DB=name, database and filestore);
# 3. for each worker count (WORKERS="2 4"): an Odoo server with --workers N,
#    --max-cron-threads 2 and --db_replica_host/--db_replica_port on the
#    replica (Odoo 19 serves read-only requests from the replica), then
#    (a) with the first worker count, the agent's-day browser tour
#        (customer_callback_workday_tour) against this server;
#    (b)+(c) the bounded load test of My callbacks (agent) and of the
#        supervisor's All callbacks and Team workload, 4/16/32 clients
#        (CLIENTS), REQUESTS requests per client count, while every
#        scheduled action of both addons is set due again every 2 seconds
#        (two cron threads run them);
# 4. the duplicate check on the primary and a grep of every log (Odoo's and
#    both clusters') for errors and "read-only transaction";
# 5. everything stopped and .local/scale-out removed (KEEP=1 keeps it); the
#    logs of the run stay in .local/scale-out-logs.
#
# Prints the load test's table (p50/p95/max, throughput, server time per
# request from the server log, replica transactions) with `uptime`.
# Ports: PG_PORT (primary, 55440) and PG_PORT+1 (replica); HTTP_PORT (8180) is
# the front proxy the browser opens (/websocket to the evented port
# HTTP_PORT+3, the rest to the workers on HTTP_PORT+2, which the load test
# calls directly).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
ADDONS_PATH="${ADDONS_PATH:-$REPO}"
BASE="$REPO/.local/scale-out"
LOGS="$REPO/.local/scale-out-logs"  # the logs of the last run, kept
PG_PORT="${PG_PORT:-55440}"
REPLICA_PORT=$((PG_PORT + 1))
HTTP_PORT="${HTTP_PORT:-8180}"
DB="${DB:-cc_scale_out}"
WORKERS="${WORKERS:-2 4}"
CLIENTS="${CLIENTS:-4,16,32}"
REQUESTS="${REQUESTS:-320}"
# odoo-bin, not "python3 -m odoo": the prefork server starts its evented
# (gevent) process again from its own command line (see odoo_server.py)
ODOO_BIN="${ODOO_BIN:-$REPO/tests/bench/odoo_server.py}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}"
ODOO_PID=""
PROXY_PID=""
WORKER_PORT=$((HTTP_PORT + 2))
STATUS=0

say() { echo "# $*"; }

stop_odoo() {
    if [ -n "$ODOO_PID" ] && kill -0 "$ODOO_PID" 2>/dev/null; then
        kill "$ODOO_PID"
        for _ in $(seq 1 30); do kill -0 "$ODOO_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$ODOO_PID" 2>/dev/null || true
    fi
    ODOO_PID=""
}

cleanup() {
    stop_odoo
    if [ -n "$PROXY_PID" ]; then kill "$PROXY_PID" 2>/dev/null || true; fi
    for cluster in replica primary; do
        if [ -f "$BASE/$cluster/postmaster.pid" ]; then
            as_pg "$PG_BIN/pg_ctl" -D "$BASE/$cluster" -m fast -w stop >/dev/null 2>&1 \
                || kill "$(head -n 1 "$BASE/$cluster/postmaster.pid")" 2>/dev/null || true
        fi
    done
    if [ "${KEEP:-0}" != 1 ]; then
        rm -rf "$BASE"
    fi
}
trap cleanup EXIT

# PostgreSQL refuses to run as root: the clusters belong to nobody-like
# postgres when run as root.
as_pg() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

for port in "$PG_PORT" "$REPLICA_PORT" "$HTTP_PORT" "$WORKER_PORT" $((HTTP_PORT + 3)); do
    if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port is in use (a previous run?): stop it first" >&2
        trap - EXIT
        exit 1
    fi
done
rm -rf "$BASE"
mkdir -p "$BASE"
if [ "$(id -u)" = 0 ]; then chown postgres "$BASE"; fi

say "primary cluster on port $PG_PORT, replica on $REPLICA_PORT ($PG_BIN)"
as_pg "$PG_BIN/initdb" -D "$BASE/primary" -A trust -U odoo --no-sync >"$BASE/initdb.log"
cat >>"$BASE/primary/postgresql.conf" <<EOF
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$BASE'
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = off
# read-your-writes: a commit returns once the replica has applied it, so a
# screen read from the replica right after a write (the ticket form opened
# after "Raise a ticket") finds the new record
synchronous_standby_names = '*'
synchronous_commit = remote_apply
shared_buffers = 128MB
max_connections = 200
logging_collector = off
EOF
echo "host replication odoo 127.0.0.1/32 trust" >>"$BASE/primary/pg_hba.conf"
as_pg "$PG_BIN/pg_ctl" -D "$BASE/primary" -l "$BASE/primary.log" -w start >/dev/null
as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U odoo -D "$BASE/replica" -R -X stream
sed -i "s/^port = $PG_PORT/port = $REPLICA_PORT/" "$BASE/replica/postgresql.conf"
as_pg "$PG_BIN/pg_ctl" -D "$BASE/replica" -l "$BASE/replica.log" -w start >/dev/null
export PGHOST=127.0.0.1 PGUSER=odoo
say "replica in recovery: $(psql -p "$REPLICA_PORT" -d postgres -tAc 'SELECT pg_is_in_recovery()')"

ODOO_DB_ARGS=(--db_host=127.0.0.1 --db_port="$PG_PORT" --db_user=odoo --data-dir="$BASE/data")
if [ -n "${SOURCE_DB:-}" ]; then
    say "copying demo database $SOURCE_DB (main cluster) to $DB on the primary"
    createdb -p "$PG_PORT" "$DB"
    env -u PGHOST -u PGUSER pg_dump -d "$SOURCE_DB" -O -x | psql -q -p "$PG_PORT" -d "$DB" >/dev/null
    mkdir -p "$BASE/data/filestore"
    cp -r "$HOME/.local/share/Odoo/filestore/$SOURCE_DB" "$BASE/data/filestore/$DB"
else
    say "installing the suite with demo data into $DB on the primary"
    "$PYTHON" -m odoo -d "$DB" "${ODOO_DB_ARGS[@]}" --addons-path="$ADDONS_PATH" \
        -i customer_callback,customer_callback_term,customer_callback_survey --with-demo --stop-after-init \
        --log-level=warn --http-interface=127.0.0.1 >"$BASE/install.log" 2>&1
fi
"$PYTHON" "$REPO/tests/bench/scale_out.py" setup --db "$DB" --db-port "$PG_PORT" \
    --data-dir "$BASE/data"
# the replica has replayed the setup before the servers read from it
LSN="$(psql -p "$PG_PORT" -d postgres -tAc 'SELECT pg_current_wal_lsn()')"
for _ in $(seq 1 60); do
    [ "$(psql -p "$REPLICA_PORT" -d postgres -tAc "SELECT pg_last_wal_replay_lsn() >= '$LSN'")" = t ] && break
    sleep 1
done

# the browser goes through a front proxy, as in a deployment (nginx): it
# sends /websocket to the evented port, the rest to the workers
"$PYTHON" "$REPO/tests/bench/scale_out.py" proxy --listen "$HTTP_PORT" \
    --upstream "$WORKER_PORT,$((HTTP_PORT + 3))" &
PROXY_PID=$!
first=1
for workers in $WORKERS; do
    LOG="$BASE/odoo-$workers-workers.log"
    say "Odoo server: --workers $workers --max-cron-threads 2, replica on $REPLICA_PORT, port $WORKER_PORT"
    ODOO_NOTIFY_CRON_CHANGES=1 "$PYTHON" "$ODOO_BIN" -d "$DB" "${ODOO_DB_ARGS[@]}" \
        --db_replica_host=127.0.0.1 --db_replica_port="$REPLICA_PORT" \
        --addons-path="$ADDONS_PATH" --db-filter="^$DB\$" --workers="$workers" --max-cron-threads=2 \
        --http-interface=127.0.0.1 --http-port="$WORKER_PORT" --gevent-port=$((HTTP_PORT + 3)) \
        --limit-time-real=600 --limit-time-cpu=300 --limit-request=100000 \
        --log-level=info --logfile="$LOG" &
    ODOO_PID=$!
    for _ in $(seq 1 120); do
        curl -fs "http://127.0.0.1:$WORKER_PORT/web/health" >/dev/null 2>&1 && break
        sleep 1
    done
    if [ "$first" = 1 ]; then
        say "(a) the agent's day in a browser, served by this server"
        "$PYTHON" "$REPO/tests/bench/scale_out.py" tour --db "$DB" \
            --url "http://127.0.0.1:$HTTP_PORT" || STATUS=1
        first=0
    fi
    say "(b)+(c) load test with the scheduled actions running; uptime: $(uptime)"
    "$PYTHON" "$REPO/tests/bench/scale_out.py" load --db "$DB" --url "http://127.0.0.1:$WORKER_PORT" \
        --clients "$CLIENTS" --requests "$REQUESTS" --workers "$workers" --log "$LOG" \
        --replica-port "$REPLICA_PORT" --crons || STATUS=1
    say "uptime after the load test: $(uptime)"
    stop_odoo
done

say "duplicates created by the scheduled actions (primary)"
"$PYTHON" "$REPO/tests/bench/scale_out.py" check --db "$DB" --db-port "$PG_PORT" || STATUS=1

say "errors in the logs (kept in $LOGS)"
mkdir -p "$LOGS"
cp "$BASE"/odoo-*.log "$BASE/primary.log" "$BASE/replica.log" "$LOGS/"
PATTERN=' (ERROR|CRITICAL) |Traceback|read-only transaction|cannot execute .* in a read-only'
ERRORS="$(grep -H -E "$PATTERN" "$LOGS"/*.log || true)"
if [ -n "$ERRORS" ]; then
    # each error with the lines that say what it was (the traceback's last line)
    grep -h -E -A 40 "$PATTERN" "$LOGS"/*.log | grep -E "$PATTERN|^[A-Za-z_.]+(Error|Exception|Warning)\b" \
        | head -n 40
    STATUS=1
    say "errors: $(echo "$ERRORS" | wc -l) lines"
else
    say "errors: none (Odoo logs, primary and replica logs)"
fi
say "read-only requests retried on the primary: $(grep -c 'retrying with a read/write cursor' "$BASE"/odoo-*.log | paste -sd' ')"
exit "$STATUS"
