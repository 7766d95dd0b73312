# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# The benchmark, not addon code: it prints its figures and commits each step's data, as a
# real database would hold it.
# pylint: disable=print-used,invalid-commit
"""The Python side of tests/bench/scale_out.sh (not part of the test run).

    python3 tests/bench/scale_out.py setup --db DB --db-port 55440
    python3 tests/bench/scale_out.py tour  --url http://127.0.0.1:8180 --db DB
    python3 tests/bench/scale_out.py load  --url ... --db DB --clients 4,16,32 --requests 320 \\
        --log odoo.log [--crons]
    python3 tests/bench/scale_out.py check --db DB --db-port 55440

``setup`` prepares the demo database through the ORM (the browser tour's
agent and callbacks, passwords of the load test's users); ``tour`` runs the
agent's-day browser tour (customer_callback_workday_tour) in headless
Chromium against the running server; ``load`` sends a fixed number of
JSON-RPC ``web_search_read`` requests, as the web client sends them, from
N concurrent clients, optionally while every scheduled action of both addons
is triggered again and again; ``check`` looks for duplicates the scheduled
actions must never create. Only the Python standard library (and the
websocket-client package of the test requirements, for the browser).
"""

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOUR = "customer_callback_workday_tour"
AGENT_LOGIN, AGENT_PASSWORD = "lina", "scale_out_lina"
SUPERVISOR_LOGIN, SUPERVISOR_PASSWORD = "admin", "admin"
TOUR_LOGIN, TOUR_PASSWORD = "tour_agent", "tour_agent_pw"
OPEN_STATES = ["draft", "planned", "in_progress"]
# every scheduled action of these addons is hammered (read from ir.model.data,
# so a new one is never left out)
CRON_MODULES = ["customer_callback", "customer_callback_term", "customer_callback_survey"]


# ----------------------------------------------------------------------
# setup and check: through the ORM, on the primary
# ----------------------------------------------------------------------


def registry_env(args):
    import odoo  # noqa: PLC0415 - the platform, imported when run
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo.tools.config.parse_config(
        [
            "-d",
            args.db,
            f"--addons-path={os.environ.get('ADDONS_PATH', REPO)}",
            "--db_host=127.0.0.1",
            f"--db_port={args.db_port}",
            "--db_user=odoo",
            # the server's filestore: attachments written here (the tour
            # agent's avatar) must be where the server reads them
            *([f"--data-dir={args.data_dir}"] if args.data_dir else []),
            "--log-level=warn",
        ]
    )
    return odoo, Registry(args.db)


def setup(args):
    """The tour's data (as test_tours.test_agent_day_in_the_workspace_in_chinese
    prepares it) and the load test users' passwords."""
    odoo, registry = registry_env(args)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        env["res.lang"]._activate_lang("zh_CN")
        env["ir.module.module"]._load_module_terms(
            ["customer_callback", "customer_callback_survey"], ["zh_CN"]
        )
        company = env.ref("base.main_company")
        company.write(
            {
                "callback_workday_from1": 9.0,
                "callback_workday_to1": 12.0,
                "callback_workday_from2": 13.0,
                "callback_workday_to2": 20.0,
                "callback_holiday_from1": 10.0,
                "callback_holiday_to1": 12.0,
                "callback_holiday_from2": 13.0,
                "callback_holiday_to2": 20.0,
            }
        )
        users = env["res.users"].with_context(no_reset_password=True)
        agent = users.search([("login", "=", TOUR_LOGIN)]) or users.create(
            {
                "name": "Tour agent",
                "login": TOUR_LOGIN,
                "password": TOUR_PASSWORD,
                "tz": "Asia/Shanghai",
                "lang": "zh_CN",
                "company_id": company.id,
                "company_ids": [(6, 0, company.ids)],
                "group_ids": [
                    (6, 0, [env.ref("customer_callback.customer_callback_group_agent").id])
                ],
            }
        )
        agent.tour_enabled = False
        env.ref("customer_callback.demo_user_lina").password = AGENT_PASSWORD
        env.ref("base.user_admin").tour_enabled = False
        now = odoo.fields.Datetime.now()

        def zone_at(local_hour):
            offset = (local_hour - now.hour + 12) % 24 - 12
            return f"Etc/GMT{-offset:+d}" if offset else "UTC"

        partners = env["res.partner"].create(
            [
                {"name": "可拨打客户", "tz": zone_at(10), "phone": "+86 10 1111", "lang": "zh_CN"},
                {"name": "窗口关闭客户", "tz": zone_at(3), "phone": "+86 10 2222", "lang": "zh_CN"},
            ]
        )
        values = {
            "user_id": agent.id,
            "state": "planned",
            "deadline": now.date() + timedelta(days=2),
            "promised_date": now + timedelta(hours=4),
            "company_id": company.id,
        }
        env["customer.callback"].create(
            [
                dict(values, partner_id=partners[0].id, planned_date=now - timedelta(hours=1)),
                dict(values, partner_id=partners[1].id, planned_date=now - timedelta(hours=2)),
            ]
        )
        cr.commit()
    print("# setup: tour agent, two callbacks, load-test passwords", flush=True)


def check(args):
    """Duplicates the scheduled actions must never create, read on the primary."""
    odoo, registry = registry_env(args)
    problems = 0
    with registry.cursor() as cr:
        # SQL: grouped counts over several tables for a report; reading only
        queries = {
            "callbacks of one customer, rule and period": """
                SELECT partner_id, rule_id, period_key, count(*) FROM customer_callback
                 WHERE rule_id IS NOT NULL AND period_key IS NOT NULL
                 GROUP BY 1, 2, 3 HAVING count(*) > 1""",
            "overdue digests of one leader, company and day": """
                SELECT leader_id, company_id, date, count(*) FROM customer_callback_escalation
                 GROUP BY 1, 2, 3 HAVING count(*) > 1""",
            "open activities of one record, type, user and day": """
                SELECT res_model, res_id, activity_type_id, user_id, date_deadline, count(*)
                  FROM mail_activity WHERE active
                 GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1""",
            "high-frequency terms of one company, month, category and term": """
                SELECT company_id, month, category_id, kind, term, count(*)
                  FROM customer_callback_term GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1""",
            "survey invitations of one callback": """
                SELECT callback_id, count(*) FROM survey_user_input
                 WHERE callback_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1""",
        }
        for name, query in queries.items():
            cr.execute("SAVEPOINT dup")
            try:
                cr.execute(query)
            except Exception as error:  # noqa: BLE001 - a table of a missing feature
                cr.execute("ROLLBACK TO SAVEPOINT dup")
                print(f"# check {name}: not checked ({str(error).splitlines()[0]})")
                continue
            rows = cr.fetchall()
            problems += len(rows)
            print(f"# check {name}: {len(rows)} duplicates {rows[:3] if rows else ''}".rstrip())
        cr.execute(
            """SELECT c.cron_name, count(p.id) FROM ir_cron c
                 JOIN ir_model_data d ON d.model = 'ir.cron' AND d.res_id = c.id
                      AND d.module IN ('customer_callback', 'customer_callback_survey')
                 LEFT JOIN ir_cron_progress p ON p.cron_id = c.id
                GROUP BY c.cron_name ORDER BY 1"""
        )
        for name, runs in cr.fetchall():
            print(f"# cron {name!r}: {runs} runs recorded")
    sys.exit(1 if problems else 0)


# ----------------------------------------------------------------------
# JSON-RPC client (the web client's calls)
# ----------------------------------------------------------------------


class Client:
    def __init__(self, url, db):
        parsed = urllib.parse.urlsplit(url)
        self.host, self.port, self.db = parsed.hostname, parsed.port or 80, db
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
        self.cookie = ""
        self.context = {}
        self.uid = None

    def post(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params})
        # one connection per request, as a front proxy talks to the workers
        # (nginx's upstream default): a prefork worker waiting on an idle
        # keep-alive connection would be blocked until its read times out
        headers = {"Content-Type": "application/json", "Connection": "close"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        for attempt in range(2):
            try:
                self.conn.request("POST", path, body, headers)
                response = self.conn.getresponse()
                data = response.read()
                self.conn.close()
                break
            except (http.client.HTTPException, OSError):
                # a worker recycled (limit reached) closes its keep-alive socket
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
                if attempt:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie" and value.startswith("session_id="):
                self.cookie = value.split(";", 1)[0]
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status} on {path}")
        reply = json.loads(data)
        if reply.get("error"):
            raise RuntimeError(reply["error"].get("data", {}).get("message") or reply["error"])
        return reply["result"]

    def login(self, login, password):
        result = self.post(
            "/web/session/authenticate", {"db": self.db, "login": login, "password": password}
        )
        self.uid = result["uid"]
        self.context = dict(result["user_context"], bin_size=True)
        self.context["allowed_company_ids"] = [result["user_companies"]["current_company"]]
        return self

    def call(self, model, method, args=(), **kwargs):
        kwargs.setdefault("context", self.context)
        return self.post(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )


def list_specification(client, model, action_xmlid=None):
    """The ``specification`` a list view asks ``web_search_read`` for: its
    fields, many2one and x2many fields with their display names."""
    views = client.call(model, "get_views", views=[[False, "list"]], options={})
    arch = views["views"]["list"]["arch"]
    fields_info = views["models"][model]["fields"]
    spec = {}
    for node in ET.fromstring(arch):
        name = node.get("name")
        if node.tag != "field" or name not in fields_info:
            continue
        if fields_info[name]["type"] in ("many2one", "one2many", "many2many"):
            spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    return spec


def screens(url, db):
    """The screens of the load test: (name, login, password, request builder)."""
    agent = Client(url, db).login(AGENT_LOGIN, AGENT_PASSWORD)
    supervisor = Client(url, db).login(SUPERVISOR_LOGIN, SUPERVISOR_PASSWORD)
    callback_spec = list_specification(agent, "customer.callback")
    workload_spec = list_specification(supervisor, "customer.callback.workload")

    def my_callbacks(client):
        # the action's default filters: My callbacks, Today and overdue, Callable now
        return client.call(
            "customer.callback",
            "web_search_read",
            specification=callback_spec,
            domain=[
                "&",
                "&",
                ("user_id", "=", client.uid),
                ("due_today", "=", True),
                ("callable_now", "=", True),
            ],
            offset=0,
            limit=80,
            order="",
            count_limit=10001,
        )

    # a shared turn counter: pylint: disable-next=dangerous-default-value
    def supervisor_screens(client, turn=[0]):  # noqa: B006
        turn[0] += 1
        if turn[0] % 2:
            # All callbacks, default filter Open
            return client.call(
                "customer.callback",
                "web_search_read",
                specification=callback_spec,
                domain=[("state", "in", OPEN_STATES)],
                offset=0,
                limit=80,
                order="",
                count_limit=10001,
            )
        return client.call(
            "customer.callback.workload",
            "web_search_read",
            specification=workload_spec,
            domain=[],
            offset=0,
            limit=80,
            order="",
            count_limit=10001,
        )

    return [
        ("My callbacks (agent)", AGENT_LOGIN, AGENT_PASSWORD, my_callbacks, "web_search_read"),
        (
            "All callbacks + Team workload (supervisor)",
            SUPERVISOR_LOGIN,
            SUPERVISOR_PASSWORD,
            supervisor_screens,
            "web_search_read",
        ),
    ]


PERF = re.compile(
    r'"POST /web/dataset/call_kw/[^ /]+/(\w+)(?:#\S*)? HTTP/1\.1" (\d{3}) - (\d+) ([\d.]+) ([\d.]+)'
)


def server_times(log_path, offset, method):
    """Per request of ``method`` logged after ``offset``: (queries, server
    seconds = SQL time + the rest), from Odoo's werkzeug request lines."""
    rows = []
    with open(log_path, encoding="utf-8", errors="replace") as log:
        log.seek(offset)
        for row in log:
            match = PERF.search(row)
            if match and match.group(1) == method:
                rows.append((int(match.group(3)), float(match.group(4)) + float(match.group(5))))
    return rows


def log_size(path):
    return os.path.getsize(path) if path and os.path.exists(path) else 0


class CronHammer(threading.Thread):
    """Every ``interval`` seconds, as the administrator, set every scheduled
    action of both addons due now (the server runs with
    ODOO_NOTIFY_CRON_CHANGES=1: the cron threads wake up at once). A cron
    being run refuses the write: it is then due again at the next turn."""

    def __init__(self, url, db, interval=2.0):
        super().__init__(daemon=True)
        self.client = Client(url, db).login(SUPERVISOR_LOGIN, SUPERVISOR_PASSWORD)
        self.interval = interval
        self.stop = threading.Event()
        self.triggers = self.busy = 0
        found = self.client.call(
            "ir.model.data",
            "search_read",
            domain=[("module", "in", CRON_MODULES), ("model", "=", "ir.cron")],
            fields=["res_id"],
        )
        self.crons = sorted(row["res_id"] for row in found)

    def run(self):
        while not self.stop.is_set():
            now = datetime.utcnow().strftime("%Y-%m-%d %H:%M:%S")  # noqa: DTZ003 - Odoo's naive UTC
            for cron_id in self.crons:
                try:
                    self.client.call("ir.cron", "write", [[cron_id], {"nextcall": now}])
                    self.triggers += 1
                except RuntimeError:
                    self.busy += 1
            self.stop.wait(self.interval)


def replica_commits(args):
    """Transactions of the database on the replica so far (pg_stat_database)."""
    if not args.replica_port:
        return None
    out = subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(args.replica_port),
            "-d",
            "postgres",
            "-tAc",
            f"SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '{args.db}'",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return int(out.stdout.strip() or 0)


def load(args):
    hammer = None
    if args.crons:
        hammer = CronHammer(args.url, args.db)
        hammer.start()
    errors_total = 0
    print(
        "workers | screen | clients | requests | errors | p50 ms | p95 ms | max ms | req/s | "
        "server ms/request (p50, p95) | queries/request | replica transactions",
        flush=True,
    )
    try:
        for name, login, password, request, method in screens(args.url, args.db):
            for clients in [int(c) for c in args.clients.split(",")]:
                errors_total += load_level(args, name, login, password, request, method, clients)
    finally:
        if hammer:
            hammer.stop.set()
            hammer.join(timeout=30)
            print(
                f"# scheduled actions set due {hammer.triggers} times during the load "
                f"({hammer.busy} refused while running)",
                flush=True,
            )
    sys.exit(1 if errors_total else 0)


def load_level(args, name, login, password, request, method, clients):
    per_client = max(1, args.requests // clients)
    sessions = [Client(args.url, args.db).login(login, password) for _i in range(clients)]
    for session in sessions:  # warm every worker's cache once
        request(session)
    latencies, errors = [], []
    lock = threading.Lock()
    start_barrier = threading.Barrier(clients + 1)

    def run(session):
        start_barrier.wait()
        for _i in range(per_client):
            started = time.perf_counter()
            try:
                request(session)
            except Exception as error:  # noqa: BLE001 - counted and reported
                with lock:
                    errors.append(str(error))
                continue
            with lock:
                latencies.append(time.perf_counter() - started)

    threads = [threading.Thread(target=run, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    offset = log_size(args.log)
    replica_before = replica_commits(args)
    start_barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    time.sleep(0.5)  # the last request lines reach the log
    replica_after = replica_commits(args)
    done = len(latencies)
    ordered = sorted(latencies) or [0.0]
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    perf = server_times(args.log, offset, method) if args.log else []
    server_ms = sorted(seconds * 1000 for _queries, seconds in perf)
    server_text = (
        f"{statistics.median(server_ms):.0f}, {server_ms[int(0.95 * (len(server_ms) - 1))]:.0f}"
        if server_ms
        else "-"
    )
    queries_text = f"{statistics.median(q for q, _s in perf):.0f}" if perf else "-"
    replica_text = f"{replica_after - replica_before}" if replica_before is not None else "-"
    print(
        f"{args.workers} | {name} | {clients} | {done + len(errors)} | {len(errors)} | "
        f"{statistics.median(ordered) * 1000:.0f} | {p95 * 1000:.0f} | {ordered[-1] * 1000:.0f} | "
        f"{done / wall:.1f} | {server_text} | {queries_text} | {replica_text}",
        flush=True,
    )
    for error in sorted(set(errors))[:5]:
        print(f"#   error: {error}", flush=True)
    return len(errors)


# ----------------------------------------------------------------------
# the browser tour, in headless Chromium through the DevTools protocol
# ----------------------------------------------------------------------


class DevTools:
    def __init__(self, ws_url):
        import websocket  # noqa: PLC0415 - websocket-client, of the test requirements

        self.ws = websocket.create_connection(ws_url, timeout=5, suppress_origin=True)
        self.next_id = 0
        self.events = []

    def send(self, method, **params):
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = self.receive(timeout=60)
            if message is None:
                raise TimeoutError(method)
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(message["error"])
                return message.get("result", {})
            self.events.append(message)

    def receive(self, timeout):
        import websocket  # noqa: PLC0415

        self.ws.settimeout(timeout)
        try:
            return json.loads(self.ws.recv())
        except websocket.WebSocketTimeoutException:
            return None

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        return result.get("result", {}).get("value")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tour(args):
    chromium = next(
        (
            shutil.which(name)
            for name in ("chromium", "chromium-browser", "google-chrome")
            if shutil.which(name)
        ),
        None,
    )
    if not chromium:
        sys.exit("Chromium is needed for the tour")
    session = Client(args.url, args.db).login(TOUR_LOGIN, TOUR_PASSWORD)
    port = free_port()
    profile = tempfile.mkdtemp(prefix="scale-out-chrome-")
    browser = subprocess.Popen(
        [
            chromium,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--window-size=1366,768",
            f"--remote-debugging-port={port}",
            f"--user-data-dir={profile}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        ok = run_tour(args, session, port)
    finally:
        browser.terminate()
        browser.wait(timeout=30)
        shutil.rmtree(profile, ignore_errors=True)
    print(f"# tour {TOUR}: {'succeeded' if ok else 'FAILED'}", flush=True)
    sys.exit(0 if ok else 1)


def run_tour(args, session, port):
    deadline = time.time() + 30
    pages = None
    while time.time() < deadline and not pages:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/json/list")
            pages = [p for p in json.loads(conn.getresponse().read()) if p["type"] == "page"]
        except OSError:
            time.sleep(0.5)
    if not pages:
        print("# tour: Chromium did not start", flush=True)
        return False
    tools = DevTools(pages[0]["webSocketDebuggerUrl"])
    tools.send("Runtime.enable")
    tools.send("Network.enable")
    tools.send("Page.enable")
    name, value = session.cookie.split("=", 1)
    host = urllib.parse.urlsplit(args.url).hostname
    tools.send("Network.setCookie", name=name, value=value, domain=host, path="/")
    tools.send("Page.navigate", url=f"{args.url}/odoo?debug=tests")
    ready_deadline = time.time() + 300  # the first load builds the asset bundles
    while time.time() < ready_deadline:
        try:
            if tools.evaluate(f"!!(window.odoo && odoo.isTourReady && odoo.isTourReady({TOUR!r}))"):
                break
        except RuntimeError:  # pylint: disable=except-pass
            pass  # the page is still loading
        time.sleep(0.5)
    else:
        state = tools.evaluate(
            "JSON.stringify({url: location.href, title: document.title,"
            " odoo: typeof odoo, keys: window.odoo ? Object.keys(odoo) : []})"
        )
        print(f"# tour: the web client never became ready: {state}", flush=True)
        return False
    options = {"stepDelay": 0, "keepWatchBrowser": False, "debug": False, "startUrl": "/odoo"}
    tools.send("Runtime.evaluate", expression=f"odoo.startTour({TOUR!r}, {json.dumps(options)})")
    end = time.time() + args.timeout
    failures = []
    while time.time() < end:
        message = tools.events.pop(0) if tools.events else tools.receive(timeout=5)
        if not message:
            continue
        method = message.get("method")
        params = message.get("params", {})
        if method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            if "tour succeeded" in text:
                return not failures
            if params["type"] == "error":
                failures.append(text)
                print(f"# tour console error: {text[:500]}", flush=True)
                if "FAILED" in text or "failed" in text:
                    shown = tools.evaluate(
                        "(document.querySelector('.o_form_view, .o_action') || document.body)"
                        ".innerText.slice(0, 1500)"
                    )
                    print(f"# tour: the screen at the failure: {shown!r}", flush=True)
                    return False
        elif method == "Runtime.exceptionThrown":
            failures.append(params["exceptionDetails"].get("text", "exception"))
            print(f"# tour exception: {json.dumps(params['exceptionDetails'])[:500]}", flush=True)
    print("# tour: timed out", flush=True)
    return False


# ----------------------------------------------------------------------
# the front proxy: what nginx does in a deployment, for the browser
# ----------------------------------------------------------------------


def proxy(args):
    """Route each connection by its first request: /websocket to the evented
    port (--gevent-port), everything else to the HTTP workers, as Odoo's
    deployment documentation has nginx do. The browser's websocket is a
    connection of its own (browsers never upgrade a pooled connection)."""
    import asyncio  # noqa: PLC0415

    http_port, gevent_port = (int(p) for p in args.upstream.split(","))

    async def pipe(reader, writer):
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):  # pylint: disable=except-pass
            pass  # the other end closed: the pipe ends
        finally:
            writer.close()

    async def handle(reader, writer):
        try:
            first = await reader.readuntil(b"\r\n")
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            writer.close()
            return
        parts = first.split()
        path = parts[1] if len(parts) > 1 else b"/"
        port = gevent_port if path.startswith(b"/websocket") else http_port
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            writer.close()
            return
        up_writer.write(first)
        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    async def serve():
        server = await asyncio.start_server(handle, "127.0.0.1", args.listen)
        async with server:
            await server.serve_forever()

    asyncio.run(serve())


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=("setup", "tour", "load", "check", "proxy"))
    parser.add_argument("--db")
    parser.add_argument("--db-port", type=int, default=55440)
    parser.add_argument("--data-dir", help="the server's --data-dir (filestore)")
    parser.add_argument("--replica-port", type=int)
    parser.add_argument("--url", default="http://127.0.0.1:8180")
    parser.add_argument("--clients", default="4,16,32")
    parser.add_argument("--requests", type=int, default=320, help="requests per client count")
    parser.add_argument("--workers", default="?", help="printed beside the figures")
    parser.add_argument("--log", help="the server's log file (server time per request)")
    parser.add_argument("--crons", action="store_true", help="trigger the crons during the load")
    parser.add_argument("--timeout", type=int, default=180)
    parser.add_argument("--listen", type=int, help="proxy: the port the browser opens")
    parser.add_argument("--upstream", help="proxy: HTTP_PORT,GEVENT_PORT of the server")
    args = parser.parse_args()
    commands = {"setup": setup, "tour": tour, "load": load, "check": check, "proxy": proxy}
    commands[args.command](args)


if __name__ == "__main__":
    main()
