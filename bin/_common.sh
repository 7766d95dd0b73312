# shellcheck shell=bash
# Shared by bin/demo and bin/test: checks Odoo 19 and a reachable PostgreSQL.
# Sourced, not executed.

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
ADDONS="${ADDONS:-customer_callback,customer_callback_survey}"

die() {
    echo "error: $*" >&2
    exit 1
}

require_odoo() {
    local version
    if ! version=$("$PYTHON" -c 'import odoo.release as r; print(r.major_version)' 2>/dev/null); then
        die "Odoo is not importable with '$PYTHON'. This project is a set of Odoo 19.0
Community addons: install Odoo 19.0 Community first (https://www.odoo.com/documentation/19.0/administration/on_premise/source.html,
or Odoo's official packages at https://nightly.odoo.com), so that '$PYTHON -c \"import odoo\"' works."
    fi
    if [ "$version" != "19.0" ]; then
        die "Odoo $version is installed for '$PYTHON'; these addons need Odoo 19.0 Community."
    fi
}

pg_reachable() {
    psql -d postgres -tAc 'SELECT 1' >/dev/null 2>&1
}

# Start the machine's PostgreSQL cluster when none is reachable (PG* variables
# pointing elsewhere are respected), and create a superuser role for the
# current user when it has none (local socket, peer authentication).
ensure_postgres() {
    command -v psql >/dev/null 2>&1 || install_postgres
    if pg_reachable; then
        return
    fi
    if [ -z "${PGHOST:-}" ] || [ "${PGHOST:-}" = "/var/run/postgresql" ]; then
        if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
            install_postgres
        fi
        local version cluster
        read -r version cluster _ < <(pg_lsclusters -h | head -n 1)
        if [ -n "${version:-}" ]; then
            echo "Starting PostgreSQL $version/$cluster ..." >&2
            if [ "$(id -u)" = 0 ]; then
                pg_ctlcluster "$version" "$cluster" start 2>/dev/null || true
            else
                pg_ctlcluster "$version" "$cluster" start 2>/dev/null || sudo -n pg_ctlcluster "$version" "$cluster" start || true
            fi
            for _ in $(seq 1 30); do
                pg_isready -q && break
                sleep 1
            done
        fi
    fi
    if ! pg_reachable && pg_isready -q 2>/dev/null; then
        local role
        role="${PGUSER:-$(id -un)}"
        echo "Creating PostgreSQL role $role ..." >&2
        if [ "$(id -u)" = 0 ]; then
            su postgres -c "createuser --superuser '$role'" || true
        else
            sudo -n -u postgres createuser --superuser "$role" || true
        fi
    fi
    pg_reachable || die "PostgreSQL cannot be reached (checked with 'psql -d postgres'). Start a server
or set PGHOST/PGPORT/PGUSER/PGPASSWORD to one, with a role that may create databases."
}

install_postgres() {
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing Debian's postgresql package ..." >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
            || die "could not install PostgreSQL with apt-get"
    else
        die "PostgreSQL is not installed: install it (e.g. 'apt-get install postgresql') or set PG* variables to a server."
    fi
}

odoo_cmd() {
    "$PYTHON" -m odoo "$@"
}
