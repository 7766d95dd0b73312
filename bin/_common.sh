# shellcheck shell=bash
# Shared by bin/demo and bin/test: sets up what is missing (ensure_setup:
# Debian packages, a project-local virtualenv with Odoo 19.0 when none is
# importable), checks Odoo 19 and a reachable PostgreSQL.
# Sourced, not executed.

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
ADDONS="${ADDONS:-customer_callback,customer_callback_complaint,customer_callback_spot_check,customer_callback_complaint_spot_check,customer_callback_term,customer_callback_portal,customer_callback_sale,customer_callback_survey,customer_callback_report,customer_callback_term_report,customer_callback_survey_report,customer_callback_sale_report,customer_callback_portal_report,customer_callback_complaint_report,customer_callback_sms,customer_callback_complaint_sms,customer_callback_sms_aliyun,customer_callback_sms_tencent,customer_callback_survey_sms,customer_callback_telephony,customer_callback_telephony_tencent,customer_callback_telephony_asterisk,customer_callback_telephony_aliyun}"
# The project-local virtualenv made when $PYTHON cannot import Odoo, and the
# Odoo 19.0 Community source installed into it: a directory (checkout), a
# local .tar.gz/.tgz/.zip archive, an archive URL or a git URL (branch
# ODOO_BRANCH). Default: Odoo's official nightly source archive.
VENV_DIR="${VENV_DIR:-$REPO_DIR/.venv}"
ODOO_SOURCE="${ODOO_SOURCE:-https://nightly.odoo.com/19.0/nightly/src/odoo_19.0.latest.tar.gz}"
ODOO_BRANCH="${ODOO_BRANCH:-19.0}"

die() {
    echo "error: $*" >&2
    exit 1
}

step() {
    echo "[setup] $*" >&2
}

is_root() {
    [ "$(id -u)" = 0 ]
}

# Debian packages: install the missing ones as root, else print the one
# apt-get line to run and stop.
apt_install() {
    [ $# -gt 0 ] || return 0
    if is_root && command -v apt-get >/dev/null 2>&1; then
        step "installing Debian packages: $*"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; } \
            || die "could not install Debian packages ($*): run 'apt-get install -y $*' and look at its output."
    else
        die "missing system packages. Run this once as root, then run bin/$(basename "$0") again:
    apt-get install -y $*"
    fi
}

deb_installed() {
    command -v dpkg-query >/dev/null 2>&1 \
        && [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

have_chromium() {
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
        || command -v google-chrome >/dev/null 2>&1
}

# What the machine lacks of what the suite uses: PostgreSQL (unless PGHOST
# names a server elsewhere, the client is needed anyway), wkhtmltopdf
# (printed reports), Chromium (browser tours; NEED_CHROMIUM=0: bin/demo does
# without), a CJK font (Chinese text in PDFs and screenshots).
missing_debian_packages() {
    local missing=()
    if ! command -v psql >/dev/null 2>&1; then
        if [ -n "${PGHOST:-}" ] && [ "${PGHOST}" != /var/run/postgresql ]; then
            missing+=(postgresql-client)
        else
            missing+=(postgresql)
        fi
    fi
    command -v wkhtmltopdf >/dev/null 2>&1 || missing+=(wkhtmltopdf)
    [ "${NEED_CHROMIUM:-1}" = 0 ] || have_chromium || missing+=(chromium)
    if ! deb_installed fonts-noto-cjk \
            && ! { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; }; then
        missing+=(fonts-noto-cjk)
    fi
    echo "${missing[*]}"
}

# What building the virtualenv needs: venv with ensurepip (Debian:
# python3-venv), and to build psycopg2 from Odoo's requirements a compiler,
# Python's headers and libpq's (pg_config); git for a git ODOO_SOURCE.
missing_venv_packages() {
    local missing=()
    "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
    command -v gcc >/dev/null 2>&1 || missing+=(build-essential)
    "$PYTHON" -c 'import os, sys, sysconfig
sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
        >/dev/null 2>&1 || missing+=(python3-dev)
    command -v pg_config >/dev/null 2>&1 || missing+=(libpq-dev)
    if odoo_source_is_git && ! command -v git >/dev/null 2>&1; then
        missing+=(git)
    fi
    echo "${missing[*]}"
}

odoo_source_is_git() {
    case "$ODOO_SOURCE" in
        *.tar.gz | *.tgz | *.zip) return 1 ;;
        git@* | ssh://* | git://* | *.git) return 0 ;;
        http://* | https://*) return 0 ;;
        *) return 1 ;;
    esac
}

# The major version of Odoo importable with the given python, empty if none.
odoo_version_of() {
    "$1" -c 'import odoo.release as r; print(r.major_version)' 2>/dev/null || true
}

# Set up what is missing, then point $PYTHON (and PATH) at the Python to
# use. Arguments: extra requirement files of this repository to install into
# the virtualenv (the test commands: test-requirements.txt; bin/test-compat:
# requirements-compat.txt too). One "[setup]" line per step; any failure
# stops with a message.
ensure_setup() {
    local started missing version
    started=$(date +%s%N)
    missing="$(missing_debian_packages)"
    # shellcheck disable=SC2086
    [ -z "$missing" ] || apt_install $missing
    command -v "$PYTHON" >/dev/null 2>&1 \
        || die "'$PYTHON' is not found: install Python 3.11 (Debian: apt-get install -y python3 python3-venv) or set PYTHON."

    version="$(odoo_version_of "$PYTHON")"
    if [ -n "$version" ]; then
        # A company's own Odoo: used as it is (nothing is installed into it).
        [ "$version" = "19.0" ] || die "Odoo $version is installed for '$PYTHON'; these addons need Odoo 19.0 Community."
        step "Odoo 19.0 importable with $PYTHON: used as it is"
    else
        ensure_venv "$@"
        PYTHON="$VENV_DIR/bin/python"
        export VIRTUAL_ENV="$VENV_DIR"
        export PATH="$VENV_DIR/bin:$PATH"
    fi
    step "ready in $(awk -v ns=$(($(date +%s%N) - started)) 'BEGIN { printf "%.1f", ns / 1e9 }') s"
}

# This repository's requirement files (requirements.txt and the arguments)
# not installed into the virtualenv in their current content: each installed
# one leaves its checksum in $VENV_DIR/.cc-installed-<file>.
stale_requirements() {
    local req stale=()
    for req in requirements.txt "$@"; do
        [ "$(cat "$VENV_DIR/.cc-installed-$req" 2>/dev/null)" = "$(sha256sum <"$REPO_DIR/$req")" ] \
            || stale+=("$req")
    done
    echo "${stale[*]}"
}

ensure_venv() {
    local vpy="$VENV_DIR/bin/python" stale odoo_in=0 src=""
    stale="$(stale_requirements "$@")"
    [ -x "$vpy" ] && [ "$(odoo_version_of "$vpy")" = "19.0" ] && odoo_in=1
    if [ "$odoo_in" = 1 ] && [ -z "$stale" ]; then
        step "virtualenv $VENV_DIR with Odoo 19.0: in place"
        return
    fi
    if [ "$odoo_in" = 1 ]; then
        step "virtualenv $VENV_DIR with Odoo 19.0: $stale new or changed"
    else
        local pyver missing
        pyver="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" \
            || die "'$PYTHON' does not run."
        "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
            || die "Odoo 19.0 needs Python 3.10 or newer; '$PYTHON' is Python $pyver (Debian 12: apt-get install -y python3)."
        step "no Odoo importable with '$PYTHON' (Python $pyver): setting up the virtualenv $VENV_DIR"
        missing="$(missing_venv_packages)"
        # shellcheck disable=SC2086
        [ -z "$missing" ] || apt_install $missing
        src="$(odoo_source_dir)"
        check_odoo_source "$src"
        if [ ! -x "$vpy" ]; then
            step "creating the virtualenv $VENV_DIR"
            "$PYTHON" -m venv "$VENV_DIR" || die "could not create the virtualenv $VENV_DIR with '$PYTHON -m venv'."
        fi
    fi
    local pip=("$vpy" -m pip install --quiet --disable-pip-version-check)
    [ -z "$src" ] || install_odoo "$src"
    local req
    for req in $stale; do
        step "installing this repository's $req"
        "${pip[@]}" -r "$REPO_DIR/$req" || die "pip could not install $req into $VENV_DIR (output above)."
        sha256sum <"$REPO_DIR/$req" >"$VENV_DIR/.cc-installed-$req"
    done
}

# The directory of the Odoo source to install: ODOO_SOURCE itself when it is
# a directory, else the archive or clone unpacked under $VENV_DIR/src.
odoo_source_dir() {
    local dest="$VENV_DIR/src/odoo" archive
    if [ -d "$ODOO_SOURCE" ]; then
        (cd "$ODOO_SOURCE" && pwd)
        return
    fi
    if [ -f "$dest/odoo/release.py" ]; then
        step "Odoo source already unpacked in $dest"
        echo "$dest"
        return
    fi
    mkdir -p "$VENV_DIR/src"
    rm -rf "$dest" "$dest.tmp"
    case "$ODOO_SOURCE" in
        *.tar.gz | *.tgz | *.zip)
            archive="$ODOO_SOURCE"
            if [[ "$ODOO_SOURCE" == *://* ]]; then
                archive="$VENV_DIR/src/$(basename "${ODOO_SOURCE%%\?*}")"
                step "downloading Odoo 19.0 from $ODOO_SOURCE (a few hundred MB)"
                "$PYTHON" - "$ODOO_SOURCE" "$archive" <<'PY' >&2 || die "could not download $ODOO_SOURCE (no network? set ODOO_SOURCE to a local archive or checkout of Odoo 19.0)."
import os, shutil, sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=60) as response, open(sys.argv[2] + ".part", "wb") as out:
        shutil.copyfileobj(response, out, 1 << 20)
except OSError as exc:
    sys.exit(f"download failed: {exc}")
os.replace(sys.argv[2] + ".part", sys.argv[2])
PY
            fi
            [ -f "$archive" ] || die "ODOO_SOURCE=$ODOO_SOURCE: no such file or directory."
            step "unpacking $(basename "$archive") into $dest"
            "$PYTHON" - "$archive" "$dest.tmp" <<'PY' >&2 || die "could not unpack $archive (not a .tar.gz or .zip of Odoo's source?)."
import os, shutil, sys, tarfile, zipfile
archive, dest = sys.argv[1:]
if zipfile.is_zipfile(archive):
    with zipfile.ZipFile(archive) as z:
        z.extractall(dest)
else:
    with tarfile.open(archive) as t:
        t.extractall(dest, filter="data") if hasattr(tarfile, "data_filter") else t.extractall(dest)
# the archive's single top folder (its name varies with the release) holds the source
root = dest
while not os.path.exists(os.path.join(root, "odoo", "release.py")):
    entries = [e for e in os.listdir(root) if os.path.isdir(os.path.join(root, e))]
    if len(entries) != 1:
        sys.exit("no odoo/release.py in the archive")
    root = os.path.join(root, entries[0])
os.rename(root, dest + ".src")
shutil.rmtree(dest)
os.rename(dest + ".src", dest)
PY
            mv "$dest.tmp" "$dest"
            # a downloaded archive is not kept (a local one is the user's)
            [[ "$ODOO_SOURCE" != *://* ]] || rm -f "$archive"
            ;;
        *)
            odoo_source_is_git || die "ODOO_SOURCE=$ODOO_SOURCE: no such directory or archive (a checkout, a .tar.gz/.zip, or a URL)."
            step "cloning Odoo $ODOO_BRANCH from $ODOO_SOURCE (shallow)"
            git clone --quiet --depth 1 -b "$ODOO_BRANCH" "$ODOO_SOURCE" "$dest.tmp" >&2 \
                || die "git clone of $ODOO_SOURCE (branch $ODOO_BRANCH) failed (no network? set ODOO_SOURCE to a local archive or checkout)."
            mv "$dest.tmp" "$dest"
            ;;
    esac
    echo "$dest"
}

# Odoo's requirements (with the fixes Python 3.11 needs on Debian, applied to a
# copy), then Odoo itself from the source directory, editable, without deps.
check_odoo_source() {
    local src="$1" version
    [ -f "$src/odoo/release.py" ] && [ -f "$src/requirements.txt" ] && [ -f "$src/setup.py" ] \
        || die "$src is not an Odoo source tree (no odoo/release.py, requirements.txt, setup.py)."
    version="$(sed -n 's/^version_info = (\([0-9]*\), *\([0-9]*\),.*/\1.\2/p' "$src/odoo/release.py")"
    [ "$version" = "19.0" ] || die "the Odoo source $src is version ${version:-unknown}; these addons need Odoo 19.0 Community."
}

install_odoo() {
    local src="$1" req vpy="$VENV_DIR/bin/python"
    req="$(mktemp -t cc-odoo-requirements-XXXXXX.txt)"
    # python-ldap does not build here (and only the auth_ldap module uses it);
    # cbor2 5.4.2 does not build on Python 3.11: 5.6.5 has wheels.
    sed -e '/^[[:space:]]*python-ldap/d' -e 's/^cbor2==5\.4\.2/cbor2==5.6.5/' "$src/requirements.txt" >"$req"
    step "installing Odoo's requirements (pip, a few minutes the first time)"
    "$vpy" -m pip install --quiet --disable-pip-version-check -r "$req" \
        || { rm -f "$req"; die "pip could not install Odoo's requirements from $src/requirements.txt (output above)."; }
    rm -f "$req"
    step "installing Odoo 19.0 from $src"
    "$vpy" -m pip install --quiet --disable-pip-version-check --no-deps -e "$src" \
        || die "pip could not install Odoo from $src (output above)."
    [ "$(odoo_version_of "$vpy")" = "19.0" ] || die "Odoo is still not importable in $VENV_DIR after installing it from $src."
}

# The node tools of OCA's pre-commit hooks that tests/test_quality.py runs
# (prettier with @prettier/plugin-xml, eslint and its plugins): `npm ci` from
# the committed package-lock.json into the repository's node_modules/
# (untracked), again when the lock file changed; Node.js and npm from Debian's
# packages when missing.
ensure_node_tools() {
    local stamp="$REPO_DIR/node_modules/.cc-installed-package-lock.json" lock
    lock="$(sha256sum <"$REPO_DIR/package-lock.json")"
    if [ -x "$REPO_DIR/node_modules/.bin/prettier" ] && [ -x "$REPO_DIR/node_modules/.bin/eslint" ] \
            && [ "$(cat "$stamp" 2>/dev/null)" = "$lock" ]; then
        return
    fi
    command -v npm >/dev/null 2>&1 || apt_install nodejs npm
    step "installing the node tools of package-lock.json (prettier, eslint) into $REPO_DIR/node_modules"
    (cd "$REPO_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2) \
        || die "npm ci could not install package-lock.json's node tools into $REPO_DIR/node_modules (output above)."
    echo "$lock" >"$stamp"
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
